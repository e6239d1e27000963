import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { auditSentence, humanize, type AuditFacts } from "@/lib/audit/sentence";

// Regression: the audit log showed "stage.move Stage before position: 1; after position: 0"
// and "member.role_change Membership before role: MANAGER", naming neither the stage nor the
// member, with raw codes and ids.

type Case = Partial<AuditFacts> & { expected: string };
const facts = (action: string, entityType: string, rest: Partial<AuditFacts>): AuditFacts => ({
  action,
  entityType,
  actorName: "Ana",
  name: null,
  before: null,
  after: null,
  ...rest,
});

// Every kind of entry the code writes, with what it stores, and the sentence it reads as.
const CASES: Record<string, { entityType: string; cases: Case[] }> = {
  "import.run": {
    entityType: "ImportJob",
    cases: [
      {
        mapName: "Store",
        after: { mapId: "m1", fileName: "survey.csv", interviews: 120, observations: 1200, skipped: 0 },
        expected: "Ana imported 120 interviews from survey.csv on map Store.",
      },
    ],
  },
  "import.undo": {
    entityType: "ImportJob",
    cases: [{ mapName: "Store", after: { mapId: "m1", fileName: "survey.csv", interviews: 1 }, expected: "Ana undid the import of survey.csv on map Store: 1 interview made void." }],
  },
  "workspace.create": {
    entityType: "Workspace",
    cases: [{ actorName: "Fiona", after: { name: "Fiona's Flowers" }, expected: "Fiona created the workspace Fiona's Flowers." }],
  },
  "map.create": {
    entityType: "JourneyMap",
    cases: [
      { after: { name: "In-store purchase", template: "retail-store", stages: 5 }, expected: "Ana created map In-store purchase from the retail store template." },
      { after: { name: "Blank", template: null }, expected: "Ana created map Blank." },
    ],
  },
  "map.update": {
    entityType: "JourneyMap",
    cases: [
      { name: "Store visit", before: { name: "Store" }, after: { name: "Store visit" }, expected: "Ana renamed map Store to Store visit." },
      { name: "Store", before: { description: "" }, after: { description: "Why they come" }, expected: "Ana changed the description of map Store." },
      {
        name: "B",
        before: { name: "A", description: "x" },
        after: { name: "B", description: "y" },
        expected: "Ana renamed map A to B and changed its description.",
      },
    ],
  },
  "map.status": {
    entityType: "JourneyMap",
    cases: [
      { name: "Store", before: { status: "DRAFT" }, after: { status: "ACTIVE" }, expected: "Ana made map Store active: interviews can be recorded on it." },
      { name: "Store", before: { status: "ACTIVE" }, after: { status: "ARCHIVED" }, expected: "Ana archived map Store." },
      { name: "Store", before: { status: "ACTIVE" }, after: { status: "DRAFT" }, expected: "Ana set map Store back to draft." },
    ],
  },
  "map.duplicate": {
    entityType: "JourneyMap",
    cases: [{ after: { name: "Store (copy)", copiedFrom: "m1", copiedFromName: "Store" }, expected: "Ana duplicated map Store as Store (copy)." }],
  },
  "map.delete": {
    entityType: "JourneyMap",
    cases: [{ before: { name: "Old", status: "DRAFT", stages: 2 }, expected: "Ana deleted map Old." }],
  },
  "map.settings": {
    entityType: "JourneyMap",
    cases: [
      {
        name: "Store",
        before: { minSample: 30, asymmetryThreshold: 0.2, consistencyThreshold: 0.5, interviewTarget: null, segmentQuotas: [] },
        after: { minSample: 20, asymmetryThreshold: 0.2, consistencyThreshold: 0.5, interviewTarget: 200, segmentQuotas: [{ segment: "Students", target: 50 }] },
        expected: "Ana changed the settings of map Store: minimum sample 30 → 20, interview target none → 200, targets per segment.",
      },
    ],
  },
  "stage.create": {
    entityType: "Stage",
    cases: [{ mapName: "Store", after: { mapId: "m1", name: "Visit", position: 1 }, expected: "Ana added stage Visit in map Store." }],
  },
  "stage.rename": {
    entityType: "Stage",
    cases: [{ name: "Browse", before: { name: "Visit" }, after: { name: "Browse" }, expected: "Ana renamed stage Visit to Browse." }],
  },
  "stage.move": {
    entityType: "Stage",
    cases: [
      {
        name: "Buy",
        before: { name: "Buy", position: 2 },
        after: { position: 1, followedBy: "Visit", precededBy: "Discover" },
        expected: "Ana moved stage Buy before Visit.",
      },
      { name: "Buy", before: { name: "Buy", position: 0 }, after: { position: 4, followedBy: null, precededBy: "Use" }, expected: "Ana moved stage Buy to the end, after Use." },
      // Entries written before neighbours were kept: positions, counted from 1.
      { name: "Buy", before: { position: 1 }, after: { position: 0 }, expected: "Ana moved stage Buy from 2nd to 1st place." },
    ],
  },
  "stage.archive": {
    entityType: "Stage",
    cases: [{ before: { name: "Visit", position: 1 }, after: { touchpointsArchived: 3 }, expected: "Ana archived stage Visit and its 3 touchpoints." }],
  },
  "stage.restore": {
    entityType: "Stage",
    cases: [{ after: { name: "Visit", position: 1, touchpointsRestored: 1 }, expected: "Ana restored stage Visit and 1 touchpoint archived with it." }],
  },
  "stage.delete": {
    entityType: "Stage",
    cases: [{ mapName: "Store", before: { mapId: "m1", name: "Visit", touchpoints: [] }, expected: "Ana deleted stage Visit in map Store." }],
  },
  "channel.create": { entityType: "Channel", cases: [{ after: { mapId: "m1", name: "Phone", position: 2 }, expected: "Ana added channel Phone." }] },
  "channel.rename": {
    entityType: "Channel",
    cases: [{ name: "Call centre", before: { name: "Phone" }, after: { name: "Call centre" }, expected: "Ana renamed channel Phone to Call centre." }],
  },
  "channel.move": {
    entityType: "Channel",
    cases: [{ name: "Web", before: { name: "Web", position: 2 }, after: { position: 0, followedBy: "Store", precededBy: null }, expected: "Ana moved channel Web before Store." }],
  },
  "channel.archive": { entityType: "Channel", cases: [{ before: { name: "Fax", position: 3 }, after: { touchpointsArchived: 0 }, expected: "Ana archived channel Fax." }] },
  "channel.restore": { entityType: "Channel", cases: [{ after: { name: "Fax", position: 3, touchpointsRestored: 0 }, expected: "Ana restored channel Fax." }] },
  "channel.delete": { entityType: "Channel", cases: [{ before: { name: "Fax", touchpoints: [] }, expected: "Ana deleted channel Fax." }] },
  "touchpoint.create": {
    entityType: "Touchpoint",
    cases: [{ after: { mapId: "m1", stage: "Visit", channel: "Store", position: 0, name: "Shop window" }, expected: "Ana added touchpoint Shop window in Visit · Store." }],
  },
  "touchpoint.update": {
    entityType: "Touchpoint",
    cases: [
      { name: "Window", before: { name: "Shop window" }, after: { name: "Window" }, expected: "Ana renamed touchpoint Shop window to Window." },
      { name: "Till", before: { prompt: "a", ownerTeam: "" }, after: { prompt: "b", ownerTeam: "Ops" }, expected: "Ana changed the question and owner team of touchpoint Till." },
      { name: "Till", before: { momentOfTruth: false }, after: { momentOfTruth: true }, expected: "Ana made touchpoint Till a moment of truth." },
    ],
  },
  "touchpoint.move": {
    entityType: "Touchpoint",
    cases: [
      {
        name: "Till",
        before: { stage: "Visit", channel: "Store", position: 0 },
        after: { stage: "Buy", channel: "Store", position: 1 },
        expected: "Ana moved touchpoint Till from Visit · Store to Buy · Store.",
      },
      { name: "Till", before: { stage: "Buy", channel: "Store", position: 0 }, after: { stage: "Buy", channel: "Store", position: 2 }, expected: "Ana moved touchpoint Till from 1st to 3rd place within Buy · Store." },
    ],
  },
  "touchpoint.archive": { entityType: "Touchpoint", cases: [{ before: { name: "Till", stage: "Buy", channel: "Store", position: 0 }, expected: "Ana archived touchpoint Till." }] },
  "touchpoint.restore": { entityType: "Touchpoint", cases: [{ after: { name: "Till", stage: "Buy", channel: "Store", position: 0 }, expected: "Ana restored touchpoint Till." }] },
  "touchpoint.delete": { entityType: "Touchpoint", cases: [{ mapName: "Store", before: { mapId: "m1", name: "Till", stage: "Buy", channel: "Store" }, expected: "Ana deleted touchpoint Till in map Store." }] },
  "expectation.create": {
    entityType: "Expectation",
    cases: [{ after: { touchpoint: "Till", text: "Short queue", position: 0 }, expected: "Ana added expectation “Short queue” to touchpoint Till." }],
  },
  "expectation.update": {
    entityType: "Expectation",
    cases: [{ parentName: "Till", name: "A short queue", before: { text: "Short queue" }, after: { text: "A short queue" }, expected: "Ana reworded expectation “Short queue” to “A short queue” of touchpoint Till." }],
  },
  "expectation.move": {
    entityType: "Expectation",
    cases: [
      {
        parentName: "Till",
        name: "Short queue",
        before: { text: "Short queue", position: 2 },
        after: { position: 0, followedBy: "Friendly staff", precededBy: null },
        expected: "Ana moved expectation “Short queue” before “Friendly staff” of touchpoint Till.",
      },
      { parentName: "Till", name: "Short queue", before: { position: 0 }, after: { position: 1 }, expected: "Ana moved expectation “Short queue” from 1st to 2nd place of touchpoint Till." },
    ],
  },
  "expectation.archive": {
    entityType: "Expectation",
    cases: [{ before: { touchpoint: "Till", text: "Gift wrap", kind: "VOLUNTEERED" }, expected: "Ana archived volunteered expectation “Gift wrap” of touchpoint Till." }],
  },
  "expectation.restore": {
    entityType: "Expectation",
    cases: [{ after: { touchpoint: "Till", text: "Gift wrap", kind: "LISTED", position: 3 }, expected: "Ana restored expectation “Gift wrap” of touchpoint Till." }],
  },
  "expectation.delete": {
    entityType: "Expectation",
    cases: [{ before: { mapId: "m1", touchpoint: "Till", text: "Gift wrap", kind: "LISTED" }, expected: "Ana deleted expectation “Gift wrap” of touchpoint Till." }],
  },
  "expectation.promote": {
    entityType: "Expectation",
    cases: [
      {
        before: { kind: "VOLUNTEERED", text: "gift wrapping pls" },
        after: { kind: "LISTED", text: "Gift wrapping", position: 3, touchpoint: "Till", observations: 4 },
        expected: "Ana added volunteered expectation “Gift wrapping” (said as “gift wrapping pls”) to the list of touchpoint Till.",
      },
    ],
  },
  "expectation.merge": {
    entityType: "Expectation",
    cases: [
      {
        before: { kind: "VOLUNTEERED", text: "quick till", touchpoint: "Till" },
        after: { mergedIntoId: "e2", mergedInto: "Short queue", observationsMoved: 3, observationsKept: 0 },
        expected: "Ana merged volunteered expectation “quick till” into “Short queue” of touchpoint Till, moving 3 answers.",
      },
    ],
  },
  "attribute_field.create": {
    entityType: "AttributeField",
    cases: [{ after: { name: "Lifestyle", values: ["Urban", "Rural"] }, expected: "Ana added respondent attribute Lifestyle (Urban, Rural)." }],
  },
  "attribute_field.update": {
    entityType: "AttributeField",
    cases: [
      { before: { name: "Life", values: ["A"] }, after: { name: "Lifestyle", values: ["A"] }, expected: "Ana renamed respondent attribute Life to Lifestyle." },
      { name: "Lifestyle", before: { name: "Lifestyle", values: ["A"] }, after: { name: "Lifestyle", values: ["A", "B"] }, expected: "Ana changed the values of respondent attribute Lifestyle." },
    ],
  },
  "attribute_field.archive": { entityType: "AttributeField", cases: [{ after: { name: "Lifestyle" }, expected: "Ana archived respondent attribute Lifestyle." }] },
  "attribute_field.restore": { entityType: "AttributeField", cases: [{ after: { name: "Lifestyle" }, expected: "Ana restored respondent attribute Lifestyle." }] },
  "attribute_field.reorder": {
    entityType: "AttributeField",
    cases: [{ name: "Region", before: { order: ["Lifestyle", "Region"] }, after: { order: ["Region", "Lifestyle"] }, expected: "Ana moved respondent attribute Region in the order: Region, Lifestyle." }],
  },
  "respondent.create": {
    entityType: "Respondent",
    cases: [{ after: { code: "R-0042", lifecycleStage: "NEW", valueTier: "HIGH", segment: "Students", contactName: null }, expected: "Ana added respondent R-0042." }],
  },
  "respondent.update": {
    entityType: "Respondent",
    cases: [
      { before: { code: "R-0042", segment: "Students", contactEmail: null }, after: { code: "R-0042", segment: "Parents", contactEmail: "(given)" }, expected: "Ana changed the segment and contact email of respondent R-0042." },
      { before: { code: "R-42", segment: "A" }, after: { code: "R-0042", segment: "A" }, expected: "Ana changed the code of respondent R-42 to R-0042." },
    ],
  },
  "respondent.archive": { entityType: "Respondent", cases: [{ after: { code: "R-0042" }, expected: "Ana archived respondent R-0042." }] },
  "respondent.restore": { entityType: "Respondent", cases: [{ after: { code: "R-0042" }, expected: "Ana restored respondent R-0042." }] },
  "respondent.erase": {
    entityType: "Respondent",
    cases: [
      { after: { code: "R-0042", cleared: ["contactName", "contactEmail"] }, expected: "Ana erased the personal data of respondent R-0042 (name and email)." },
      { after: { code: "R-0042", cleared: [] }, expected: "Ana erased the personal data of respondent R-0042." },
    ],
  },
  "respondent.contact.view": { entityType: "Respondent", cases: [{ name: "R-0042", after: {}, expected: "Ana viewed the contact details of respondent R-0042." }] },
  "respondent.contact.list": {
    entityType: "Respondent",
    cases: [
      { name: null, after: { view: "respondents list", respondentIds: ["a", "b"] }, expected: "Ana saw the contact details of 2 respondents in the respondents list." },
      { name: null, after: { view: "interview respondent picker", respondentIds: ["a"] }, expected: "Ana saw the contact details of 1 respondent in the interview respondent picker." },
    ],
  },
  "interview.draft_start": { entityType: "Interview", cases: [{ mapName: "Store", after: { mapId: "m1" }, expected: "Ana started an interview on map Store." }] },
  "interview.held": {
    entityType: "Interview",
    cases: [
      {
        mapName: "Store",
        after: { mapId: "m1", mapStatus: "ARCHIVED" },
        expected: "Ana sent an interview on map Store after the map was closed to interviews; it is kept as a draft until the map is open again.",
      },
    ],
  },
  "interview.submit": {
    entityType: "Interview",
    cases: [
      {
        name: "R-0042",
        mapName: "Store",
        after: { mapId: "m1", conductedOn: "2026-11-30", mode: "PHONE", overallFeeling: null, observations: 12, volunteered: 0, respondentId: "r1" },
        expected: "Ana submitted an interview with respondent R-0042 on map Store.",
      },
    ],
  },
  "interview.update": {
    entityType: "Interview",
    cases: [
      {
        name: "R-0042",
        mapName: "Store",
        before: { respondentId: "r1", conductedOn: "2026-11-30", mode: "PHONE", overallFeeling: null, notes: "", observations: [["t", "e", "MET", 3, null, ""]] },
        after: { respondentId: "r1", conductedOn: "2026-11-29", mode: "PHONE", overallFeeling: "LOVE", notes: "", observations: [["t", "e", "MET", 3, null, ""]], newVolunteered: [] },
        expected: "Ana corrected an interview with respondent R-0042 on map Store: date and overall feeling.",
      },
    ],
  },
  "interview.void": {
    entityType: "Interview",
    cases: [{ name: "R-0042", before: { status: "SUBMITTED" }, after: { status: "VOID", reason: "Recorded twice" }, expected: "Ana made an interview with respondent R-0042 void: “Recorded twice”." }],
  },
  "interview.restore": {
    entityType: "Interview",
    cases: [{ name: "R-0042", before: { status: "VOID", reason: "x" }, after: { status: "SUBMITTED" }, expected: "Ana restored an interview with respondent R-0042." }],
  },
  "interview.draft_discard": {
    entityType: "Interview",
    cases: [{ mapName: "Store", before: { status: "DRAFT" }, after: { status: "VOID", reason: "Started by mistake" }, expected: "Ana discarded a draft interview on map Store: “Started by mistake”." }],
  },
  "member.role_change": {
    entityType: "Membership",
    cases: [
      { actorName: "Alex", name: "Ivy", before: { role: "MANAGER" }, after: { role: "INTERVIEWER" }, expected: "Alex made Ivy an Interviewer (was a Manager)." },
      { actorName: "Alex", name: "Ana", before: { role: "ANALYST" }, after: { role: "ADMIN" }, expected: "Alex made Ana an Admin (was an Analyst)." },
    ],
  },
  "member.remove": {
    entityType: "Membership",
    cases: [
      { actorName: "Alex", name: "Ivy", before: { userId: "u1", role: "INTERVIEWER" }, expected: "Alex removed Ivy from the workspace." },
      { actorName: "Alex", name: null, before: { userId: "u1", role: "INTERVIEWER" }, expected: "Alex removed a former member from the workspace." },
    ],
  },
  "invitation.create": {
    entityType: "Invitation",
    cases: [
      { actorName: "Alex", after: { email: null, role: "INTERVIEWER", expiresAt: "2026-12-09T00:00:00.000Z" }, expected: "Alex created an invitation link for an Interviewer." },
      { actorName: "Alex", after: { email: "kim@example.com", role: "MANAGER" }, expected: "Alex created an invitation link for a Manager, for kim@example.com only." },
    ],
  },
  "invitation.revoke": {
    entityType: "Invitation",
    cases: [
      { actorName: "Alex", name: "kim@example.com", expected: "Alex revoked the invitation link for kim@example.com." },
      { actorName: "Alex", name: null, expected: "Alex revoked the invitation link." },
    ],
  },
  "token.create": {
    entityType: "ApiToken",
    cases: [
      { after: { name: "Survey tool", role: "INTERVIEWER", prefix: "cxm_ab12cd34", expiresAt: null }, expected: "Ana created API token Survey tool (cxm_ab12cd34…) for an Interviewer." },
      {
        after: { name: "BI", role: "MANAGER", prefix: "cxm_zz", expiresAt: "2027-01-01T00:00:00.000Z" },
        expected: "Ana created API token BI (cxm_zz…) for a Manager, valid until 2027-01-01.",
      },
    ],
  },
  "token.revoke": {
    entityType: "ApiToken",
    cases: [{ before: { name: "Survey tool", prefix: "cxm_ab12cd34" }, expected: "Ana revoked API token Survey tool (cxm_ab12cd34…)." }],
  },
  "webhook.save": {
    entityType: "Webhook",
    cases: [
      { after: { url: "https://crm.example/hook", newSecret: true }, expected: "Ana set the webhook address to https://crm.example/hook, with a new signing secret." },
      { before: { url: "https://a.example" }, after: { url: "https://b.example", newSecret: false }, expected: "Ana changed the webhook address from https://a.example to https://b.example." },
    ],
  },
  "webhook.remove": {
    entityType: "Webhook",
    cases: [{ before: { url: "https://crm.example/hook" }, expected: "Ana removed the webhook to https://crm.example/hook." }],
  },
  "invitation.accept": {
    entityType: "Membership",
    cases: [{ actorName: "Kim", name: "Kim", after: { invitationId: "i1", role: "MANAGER" }, expected: "Kim joined the workspace as a Manager through an invitation link." }],
  },
};

describe("auditSentence", () => {
  for (const [action, { entityType, cases }] of Object.entries(CASES)) {
    it(`says who did what to which named thing: ${action}`, () => {
      for (const { expected, ...rest } of cases) expect(auditSentence(facts(action, entityType, rest))).toBe(expected);
    });
  }

  it("covers every kind of entry the code writes", () => {
    const written = new Set<string>();
    const dataDir = join(__dirname, "../../lib/data");
    for (const file of readdirSync(dataDir).filter((name) => name.endsWith(".ts"))) {
      const source = readFileSync(join(dataDir, file), "utf8");
      for (const match of source.matchAll(/action:\s*"([a-z_]+\.[a-z_]+)"/g)) written.add(match[1]!);
      for (const match of source.matchAll(/action:\s*`\$\{input\.kind\}\.([a-z_]+)`/g)) {
        written.add(`stage.${match[1]}`);
        written.add(`channel.${match[1]}`);
      }
      for (const match of source.matchAll(/action:\s*input\.archived \? "([a-z_.]+)" : "([a-z_.]+)"/g)) {
        written.add(match[1]!);
        written.add(match[2]!);
      }
    }
    // Written by the submission function in the database (prisma/migrations).
    written.add("interview.submit");
    expect(written.size).toBeGreaterThan(40);
    expect([...written].filter((action) => !(action in CASES)).sort()).toEqual([]);
  });

  it("names the actor as gone when the account no longer exists", () => {
    expect(auditSentence(facts("respondent.archive", "Respondent", { actorName: null, after: { code: "R-1" } }))).toBe(
      "Someone no longer in cxmap archived respondent R-1.",
    );
  });

  it("gives kinds added later a sensible generic sentence, without raw ids", () => {
    expect(auditSentence(facts("respondent.export_view", "Respondent", { name: "R-0042", after: { respondentId: "cmx1abc" } }))).toBe(
      "Ana: export view, respondent R-0042.",
    );
    expect(auditSentence(facts("report.export", "Report", { name: null, mapName: "Store" }))).toBe("Ana: export, report (map Store).");
    expect(auditSentence(facts("stage.recolour", "Stage", { name: "Buy" }))).toBe("Ana: recolour, stage Buy.");
    expect(auditSentence(facts("workspace.rename", "Workspace", { name: "Shop" }))).toBe("Ana: rename, workspace Shop.");
    expect(auditSentence(facts("export", "Export", {}))).toBe("Ana: export, export.");
  });

  it("copes with entries whose stored values are missing or malformed", () => {
    expect(auditSentence(facts("stage.move", "Stage", { name: "Buy", before: "junk", after: [1, 2] }))).toBe("Ana moved stage Buy to another place.");
    expect(auditSentence(facts("member.role_change", "Membership", { name: "Ivy", before: null, after: { role: "OWNER" } }))).toBe(
      "Ana made Ivy another role.",
    );
  });

  it("turns codes into words", () => {
    expect(humanize("attributeOptionIds")).toBe("attribute option ids");
    expect(humanize("contact_view")).toBe("contact view");
  });
});
