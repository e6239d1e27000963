// The audit log in words: one sentence per entry, "Ana moved stage Buy before Visit". Pure:
// it takes the entry with the names the data layer found for it and imports nothing from the
// server, so every kind of entry is unit-tested (tests/unit/audit-sentence.test.ts).
//
// Names: an entry keeps the names it was written with (a deleted stage's name, the old and
// new name of a rename, a moved stage's neighbours), which say what the thing was called
// then; the data layer adds the thing's name now (`name`), used when the entry has none.

import { ordinal, plural } from "@/lib/plural";
import { ROLE_LABELS, type Role } from "@/lib/permissions";

export type AuditFacts = {
  action: string;
  entityType: string;
  /** Who did it; null when the account is gone. */
  actorName: string | null;
  /**
   * The thing's name now, found when the log is read: a map's, stage's, channel's, touchpoint's
   * or attribute's name, an expectation's words, a respondent's code, a member's name, an
   * invitation's email, an interview's respondent code. Null when it is gone or has none.
   */
  name: string | null;
  /** For an expectation: its touchpoint's name now. */
  parentName?: string | null;
  /** The map the entry is about, when it is about one. */
  mapName?: string | null;
  before: unknown;
  after: unknown;
};

/** What kind of thing an entity type is, in words. */
export const ENTITY_LABELS: Record<string, string> = {
  JourneyMap: "map",
  Stage: "stage",
  Channel: "channel",
  Touchpoint: "touchpoint",
  Expectation: "expectation",
  Interview: "interview",
  Respondent: "respondent",
  AttributeField: "respondent attribute",
  Membership: "member",
  Invitation: "invitation",
  Workspace: "workspace",
  ApiToken: "API token",
  Webhook: "webhook",
  ImportJob: "import",
};

/** The groups the log can be filtered by, with the entity types in each. */
export const AUDIT_KINDS = {
  maps: { label: "Maps and their settings", entityTypes: ["JourneyMap"] },
  design: { label: "Map design (stages, channels, touchpoints, expectations)", entityTypes: ["Stage", "Channel", "Touchpoint", "Expectation"] },
  interviews: { label: "Interviews", entityTypes: ["Interview", "ImportJob"] },
  respondents: { label: "Respondents and attributes", entityTypes: ["Respondent", "AttributeField"] },
  members: { label: "Workspace, members and invitations", entityTypes: ["Workspace", "Membership", "Invitation"] },
  api: { label: "API tokens and webhook", entityTypes: ["ApiToken", "Webhook"] },
} as const;
export type AuditKind = keyof typeof AUDIT_KINDS;

const MAP_STATUS: Record<string, string> = { DRAFT: "Draft", ACTIVE: "Active", ARCHIVED: "Archived" };

const SETTING_LABELS: Record<string, string> = {
  minSample: "minimum sample",
  asymmetryThreshold: "asymmetry threshold",
  consistencyThreshold: "consistency threshold",
  interviewTarget: "interview target",
  segmentQuotas: "targets per segment",
};

const FIELD_LABELS: Record<string, string> = {
  name: "name",
  description: "description",
  prompt: "question",
  ownerTeam: "owner team",
  momentOfTruth: "moment of truth",
  status: "status",
  text: "words",
  values: "values",
  code: "code",
  lifecycleStage: "lifecycle stage",
  valueTier: "value tier",
  segment: "segment",
  contactName: "contact name",
  contactEmail: "contact email",
  attributeOptionIds: "attributes",
  respondentId: "respondent",
  conductedOn: "date",
  mode: "mode",
  overallFeeling: "overall feeling",
  notes: "notes",
  observations: "answers",
  newVolunteered: "unlisted expectations",
};

type Json = Record<string, unknown>;

function record(value: unknown): Json {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
}

function text(value: unknown): string | null {
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

function count(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function roleLabel(value: unknown): string | null {
  return typeof value === "string" && value in ROLE_LABELS ? ROLE_LABELS[value as Role] : null;
}

/** "an Admin", "an Interviewer", "a Manager". */
function withArticle(label: string): string {
  return `${/^[AEIOU]/i.test(label) ? "an" : "a"} ${label}`;
}

function quoted(value: string) {
  return `“${value}”`;
}

/** The words of the fields an update changed, from its before and after. */
function changedFields(before: Json, after: Json): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null),
  );
  return keys.map((key) => FIELD_LABELS[key] ?? humanize(key));
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "contact_view" -> "contact view"; "attributeOptionIds" -> "attribute option ids". */
export function humanize(code: string): string {
  return code
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[._-]+/g, " ")
    .trim()
    .toLowerCase();
}

/** The sentence for one audit entry. Kinds it does not know get a generic one. */
export function auditSentence(facts: AuditFacts): string {
  const who = facts.actorName ?? "Someone no longer in cxmap";
  const before = record(facts.before);
  const after = record(facts.after);
  // "respondent.contact.view": scope "respondent", verb "contact.view".
  const [scope = "", ...verbParts] = facts.action.split(".");
  const verb = verbParts.join(".");
  const label = ENTITY_LABELS[facts.entityType] ?? humanize(facts.entityType);
  // The name it had in the entry (then), else its name now.
  const nameThen = (...keys: string[]) => {
    for (const key of keys) {
      const value = text(after[key]) ?? text(before[key]);
      if (value) return value;
    }
    return facts.name;
  };
  const onMap = facts.mapName ? ` on map ${facts.mapName}` : "";
  const inMap = facts.mapName ? ` in map ${facts.mapName}` : "";

  switch (scope) {
    case "map":
      return mapSentence(who, verb, facts, before, after, nameThen("name") ?? "(unnamed)") ?? generic(who, facts, label);
    case "stage":
    case "channel":
      return laneSentence(who, scope, verb, facts, before, after, nameThen("name") ?? `(a ${scope})`, inMap) ?? generic(who, facts, label);
    case "touchpoint":
      return touchpointSentence(who, verb, before, after, nameThen("name") ?? "(a touchpoint)", inMap) ?? generic(who, facts, label);
    case "expectation":
      return expectationSentence(who, verb, facts, before, after) ?? generic(who, facts, label);
    case "interview":
      return interviewSentence(who, verb, facts, before, after, onMap) ?? generic(who, facts, label);
    case "respondent":
      return respondentSentence(who, verb, before, after, nameThen("code") ?? "(a respondent)") ?? generic(who, facts, label);
    case "attribute_field":
      return attributeSentence(who, verb, before, after, nameThen("name") ?? "(an attribute)") ?? generic(who, facts, label);
    case "member":
      return memberSentence(who, verb, facts, before, after) ?? generic(who, facts, label);
    case "invitation":
      return invitationSentence(who, verb, facts, after) ?? generic(who, facts, label);
    case "token":
      return tokenSentence(who, verb, before, after) ?? generic(who, facts, label);
    case "webhook":
      return webhookSentence(who, verb, before, after) ?? generic(who, facts, label);
    case "import": {
      const file = text(after.fileName) ?? "a file";
      const interviews = Number(after.interviews ?? 0);
      if (verb === "run") return `${who} imported ${plural(interviews, "interview")} from ${file}${onMap}.`;
      if (verb === "undo") return `${who} undid the import of ${file}${onMap}: ${plural(interviews, "interview")} made void.`;
      return generic(who, facts, label);
    }
    case "workspace":
      if (verb === "create") return `${who} created the workspace ${nameThen("name") ?? ""}`.trimEnd() + ".";
      return generic(who, facts, label);
    default:
      return generic(who, facts, label);
  }
}

/** For kinds added later: "Ana: contact view, respondent R-0042." */
function generic(who: string, facts: AuditFacts, label: string): string {
  const [scope = "", ...rest] = facts.action.split(".");
  const what = humanize(rest.length > 0 ? rest.join(" ") : scope) || "change";
  const thing = [label, facts.name ? displayName(facts.entityType, facts.name) : null].filter(Boolean).join(" ");
  return `${who}: ${what}, ${thing}${facts.mapName && facts.entityType !== "JourneyMap" ? ` (map ${facts.mapName})` : ""}.`;
}

function displayName(entityType: string, name: string) {
  return entityType === "Expectation" ? quoted(name) : name;
}

function mapSentence(who: string, verb: string, facts: AuditFacts, before: Json, after: Json, name: string): string | null {
  switch (verb) {
    case "create": {
      const template = text(after.template);
      return `${who} created map ${name}${template ? ` from the ${humanize(template)} template` : ""}.`;
    }
    case "update": {
      const renamed = text(before.name) && text(after.name) ? `renamed map ${text(before.name)} to ${text(after.name)}` : null;
      const others = changedFields(before, after).filter((field) => field !== "name");
      const current = text(after.name) ?? facts.name ?? name;
      if (renamed && others.length === 0) return `${who} ${renamed}.`;
      if (renamed) return `${who} ${renamed} and changed its ${list(others)}.`;
      return `${who} changed the ${list(others) || "details"} of map ${current}.`;
    }
    case "status": {
      const status = text(after.status);
      if (status === "ACTIVE") return `${who} made map ${name} active: interviews can be recorded on it.`;
      if (status === "ARCHIVED") return `${who} archived map ${name}.`;
      if (status === "DRAFT") return `${who} set map ${name} back to draft.`;
      return `${who} set the status of map ${name} to ${MAP_STATUS[status ?? ""] ?? status ?? "another one"}.`;
    }
    case "duplicate": {
      const source = text(after.copiedFromName);
      return `${who} duplicated map ${source ?? "(another map)"} as ${name}.`;
    }
    case "delete":
      return `${who} deleted map ${name}.`;
    case "settings": {
      const changes = Object.keys(SETTING_LABELS)
        .filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
        .map((key) => {
          const from = before[key];
          const to = after[key];
          if (key === "segmentQuotas") return SETTING_LABELS[key]!;
          return `${SETTING_LABELS[key]} ${from === null || from === undefined ? "none" : String(from)} → ${to === null || to === undefined ? "none" : String(to)}`;
        });
      return changes.length > 0 ? `${who} changed the settings of map ${name}: ${changes.join(", ")}.` : `${who} saved the settings of map ${name} unchanged.`;
    }
    default:
      return null;
  }
}

function laneSentence(who: string, kind: string, verb: string, facts: AuditFacts, before: Json, after: Json, name: string, inMap: string): string | null {
  switch (verb) {
    case "create":
      return `${who} added ${kind} ${name}${inMap}.`;
    case "rename":
      return `${who} renamed ${kind} ${text(before.name) ?? facts.name ?? "(unnamed)"} to ${text(after.name) ?? facts.name ?? "(unnamed)"}${inMap}.`;
    case "move":
      return `${who} moved ${kind} ${name} ${placement(before, after)}${inMap}.`;
    case "archive": {
      const n = count(after.touchpointsArchived) ?? 0;
      return `${who} archived ${kind} ${name}${n > 0 ? ` and its ${plural(n, "touchpoint")}` : ""}${inMap}.`;
    }
    case "restore": {
      const n = count(after.touchpointsRestored) ?? 0;
      return `${who} restored ${kind} ${name}${n > 0 ? ` and ${plural(n, "touchpoint")} archived with it` : ""}${inMap}.`;
    }
    case "delete":
      return `${who} deleted ${kind} ${name}${inMap}.`;
    default:
      return null;
  }
}

/** Where a moved item went: between its new neighbours when the entry names them, else by position. */
function placement(before: Json, after: Json): string {
  const followedBy = text(after.followedBy);
  const precededBy = text(after.precededBy);
  if (followedBy) return `before ${followedBy}`;
  if (precededBy) return `to the end, after ${precededBy}`;
  const from = count(before.position);
  const to = count(after.position);
  if (from !== null && to !== null) return `from ${ordinal(from + 1)} to ${ordinal(to + 1)} place`;
  return "to another place";
}

function cell(value: Json): string | null {
  const stage = text(value.stage);
  const channel = text(value.channel);
  return stage && channel ? `${stage} · ${channel}` : null;
}

function touchpointSentence(who: string, verb: string, before: Json, after: Json, name: string, inMap: string): string | null {
  switch (verb) {
    case "create": {
      const where = cell(after);
      return `${who} added touchpoint ${name}${where ? ` in ${where}` : ""}${inMap}.`;
    }
    case "update": {
      const oldName = text(before.name);
      const newName = text(after.name);
      const others = changedFields(before, after).filter((field) => field !== "name");
      if (oldName && newName) {
        return `${who} renamed touchpoint ${oldName} to ${newName}${others.length > 0 ? ` and changed its ${list(others)}` : ""}.`;
      }
      if ("momentOfTruth" in after && others.length === 1) {
        return `${who} ${after.momentOfTruth ? "made" : "no longer counts"} touchpoint ${name} ${after.momentOfTruth ? "a moment of truth" : "as a moment of truth"}.`;
      }
      return `${who} changed the ${list(others) || "details"} of touchpoint ${name}.`;
    }
    case "move": {
      const from = cell(before);
      const to = cell(after);
      if (from && to && from !== to) return `${who} moved touchpoint ${name} from ${from} to ${to}.`;
      return `${who} moved touchpoint ${name} ${placement(before, after)}${to ? ` within ${to}` : ""}.`;
    }
    case "archive":
      return `${who} archived touchpoint ${name}${inMap}.`;
    case "restore":
      return `${who} restored touchpoint ${name}${inMap}.`;
    case "delete":
      return `${who} deleted touchpoint ${name}${inMap}.`;
    default:
      return null;
  }
}

function expectationSentence(who: string, verb: string, facts: AuditFacts, before: Json, after: Json): string | null {
  const words = text(after.text) ?? text(before.text) ?? facts.name;
  const thing = words ? quoted(words) : "(an expectation)";
  const touchpoint = text(after.touchpoint) ?? text(before.touchpoint) ?? facts.parentName ?? null;
  const of = touchpoint ? ` of touchpoint ${touchpoint}` : "";
  switch (verb) {
    case "create":
      return `${who} added expectation ${thing}${touchpoint ? ` to touchpoint ${touchpoint}` : ""}.`;
    case "update":
      return `${who} reworded expectation ${quoted(text(before.text) ?? "?")} to ${quoted(text(after.text) ?? facts.name ?? "?")}${of}.`;
    case "move": {
      const followedBy = text(after.followedBy);
      const precededBy = text(after.precededBy);
      const where = followedBy
        ? `before ${quoted(followedBy)}`
        : precededBy
          ? `to the end, after ${quoted(precededBy)}`
          : placement(before, after);
      return `${who} moved expectation ${thing} ${where}${of}.`;
    }
    case "archive":
      return `${who} archived ${text(before.kind) === "VOLUNTEERED" ? "volunteered " : ""}expectation ${thing}${of}.`;
    case "restore":
      return `${who} restored expectation ${thing}${of}.`;
    case "delete":
      return `${who} deleted expectation ${thing}${of}.`;
    case "promote": {
      const said = text(before.text);
      const reworded = said && text(after.text) && said !== text(after.text) ? ` (said as ${quoted(said)})` : "";
      return `${who} added volunteered expectation ${thing}${reworded} to the list${of}.`;
    }
    case "merge": {
      const source = text(before.text) ?? facts.name;
      const into = text(after.mergedInto);
      const moved = count(after.observationsMoved);
      return (
        `${who} merged volunteered expectation ${source ? quoted(source) : "(unnamed)"} into ${into ? quoted(into) : "another expectation"}${of}` +
        `${moved !== null ? `, moving ${plural(moved, "answer")}` : ""}.`
      );
    }
    default:
      return null;
  }
}

function interviewSentence(who: string, verb: string, facts: AuditFacts, before: Json, after: Json, onMap: string): string | null {
  const withWhom = facts.name ? ` with respondent ${facts.name}` : "";
  switch (verb) {
    case "draft_start":
      return `${who} started an interview${onMap}.`;
    case "held":
      return `${who} sent an interview${onMap} after the map was closed to interviews; it is kept as a draft until the map is open again.`;
    case "submit":
      return `${who} submitted an interview${withWhom}${onMap}.`;
    case "update": {
      const fields = changedFields(before, after).filter((field) => field !== "unlisted expectations" || (Array.isArray(after.newVolunteered) && after.newVolunteered.length > 0));
      return `${who} corrected an interview${withWhom}${onMap}${fields.length > 0 ? `: ${list(fields)}` : ""}.`;
    }
    case "void": {
      const reason = text(after.reason);
      return `${who} made an interview${withWhom}${onMap} void${reason ? `: ${quoted(reason)}` : ""}.`;
    }
    case "restore":
      return `${who} restored an interview${withWhom}${onMap}.`;
    case "draft_discard": {
      const reason = text(after.reason);
      return `${who} discarded a draft interview${withWhom}${onMap}${reason ? `: ${quoted(reason)}` : ""}.`;
    }
    default:
      return null;
  }
}

function respondentSentence(who: string, verb: string, before: Json, after: Json, code: string): string | null {
  switch (verb) {
    case "create":
      return `${who} added respondent ${code}.`;
    case "update": {
      const oldCode = text(before.code);
      const newCode = text(after.code);
      const others = changedFields(before, after).filter((field) => field !== "code");
      if (oldCode && newCode && oldCode !== newCode) {
        return `${who} changed the code of respondent ${oldCode} to ${newCode}${others.length > 0 ? ` and their ${list(others)}` : ""}.`;
      }
      return `${who} changed the ${list(others) || "details"} of respondent ${code}.`;
    }
    case "archive":
      return `${who} archived respondent ${code}.`;
    case "restore":
      return `${who} restored respondent ${code}.`;
    case "erase": {
      const cleared = Array.isArray(after.cleared) ? after.cleared.filter((field): field is string => typeof field === "string") : [];
      const fields = cleared.map((field) => CONTACT_FIELD_LABELS[field] ?? humanize(field));
      return `${who} erased the personal data of respondent ${code}${fields.length > 0 ? ` (${list(fields)})` : ""}.`;
    }
    case "contact.view":
      return `${who} viewed the contact details of respondent ${code}.`;
    case "contact.list": {
      const shown = Array.isArray(after.respondentIds) ? after.respondentIds.length : 0;
      const where = text(after.view) ?? "a list";
      return `${who} saw the contact details of ${plural(shown, "respondent")} in the ${where}.`;
    }
    default:
      return null;
  }
}

const CONTACT_FIELD_LABELS: Record<string, string> = { contactName: "name", contactEmail: "email" };

function attributeSentence(who: string, verb: string, before: Json, after: Json, name: string): string | null {
  switch (verb) {
    case "create": {
      const values = Array.isArray(after.values) ? after.values.filter((value): value is string => typeof value === "string") : [];
      return `${who} added respondent attribute ${name}${values.length > 0 ? ` (${values.join(", ")})` : ""}.`;
    }
    case "update": {
      const oldName = text(before.name);
      const newName = text(after.name);
      const valuesChanged = JSON.stringify(before.values ?? null) !== JSON.stringify(after.values ?? null);
      if (oldName && newName && oldName !== newName) {
        return `${who} renamed respondent attribute ${oldName} to ${newName}${valuesChanged ? " and changed its values" : ""}.`;
      }
      return `${who} changed the values of respondent attribute ${name}.`;
    }
    case "archive":
      return `${who} archived respondent attribute ${name}.`;
    case "restore":
      return `${who} restored respondent attribute ${name}.`;
    case "reorder":
      return `${who} moved respondent attribute ${name} in the order${Array.isArray(after.order) ? `: ${after.order.join(", ")}` : ""}.`;
    default:
      return null;
  }
}

function memberSentence(who: string, verb: string, facts: AuditFacts, before: Json, after: Json): string | null {
  const member = facts.name ?? "a former member";
  switch (verb) {
    case "role_change": {
      const role = roleLabel(after.role);
      const was = roleLabel(before.role);
      return `${who} made ${member} ${role ? withArticle(role) : "another role"}${was ? ` (was ${withArticle(was)})` : ""}.`;
    }
    case "remove":
      return `${who} removed ${member} from the workspace.`;
    default:
      return null;
  }
}

function tokenSentence(who: string, verb: string, before: Json, after: Json): string | null {
  const name = text(after.name) ?? text(before.name);
  const prefix = text(after.prefix) ?? text(before.prefix);
  const called = `${name ? ` ${name}` : ""}${prefix ? ` (${prefix}…)` : ""}`;
  switch (verb) {
    case "create": {
      const role = roleLabel(after.role);
      const expires = text(after.expiresAt);
      return `${who} created API token${called}${role ? ` for ${withArticle(role)}` : ""}${expires ? `, valid until ${expires.slice(0, 10)}` : ""}.`;
    }
    case "revoke":
      return `${who} revoked API token${called}.`;
    default:
      return null;
  }
}

function webhookSentence(who: string, verb: string, before: Json, after: Json): string | null {
  switch (verb) {
    case "save": {
      const url = text(after.url);
      const was = text(before.url);
      if (was) return `${who} changed the webhook address from ${was} to ${url ?? "another address"}.`;
      return `${who} set the webhook address to ${url ?? "an address"}${after.newSecret === true ? ", with a new signing secret" : ""}.`;
    }
    case "remove":
      return `${who} removed the webhook${text(before.url) ? ` to ${text(before.url)}` : ""}.`;
    default:
      return null;
  }
}

function invitationSentence(who: string, verb: string, facts: AuditFacts, after: Json): string | null {
  const role = roleLabel(after.role);
  switch (verb) {
    case "create": {
      const email = text(after.email) ?? facts.name;
      return `${who} created an invitation link${role ? ` for ${withArticle(role)}` : ""}${email ? `, for ${email} only` : ""}.`;
    }
    case "revoke":
      return `${who} revoked the invitation link${facts.name ? ` for ${facts.name}` : ""}.`;
    case "accept":
      // Written with the member who joined as the actor, and the membership as the thing.
      return `${facts.name ?? who} joined the workspace${role ? ` as ${withArticle(role)}` : ""} through an invitation link.`;
    default:
      return null;
  }
}
