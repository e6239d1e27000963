// Hostile input, generated: every exported server action of lib/actions and every route handler
// gets a valid input with one value at a time replaced by a hostile one (a NUL character, a
// lone surrogate, a direction override, only zero-width characters, a 1 MB string, year 0000,
// 1e300, -1, NaN, another workspace's id). Each must be refused (a failed result with a message,
// or a 4xx answer) and leave every table as it was; none may throw, which is what a 500 is.
// The action table is checked against the exports, so a new action cannot be left out.
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { testDb } from "@/tests/support/db";
import { actAs, replaySession, type TestUser } from "@/tests/support/session";
import { createWorkspaceWithMembers } from "@/tests/factories/workspace";
import { createUser } from "@/tests/factories/user";
import { createAttributeField, createRespondent } from "@/tests/factories/respondent";
import { createExpectation } from "@/tests/factories/map";
import { createTestMap, submissionFor, submitThroughRoute, type TestMap } from "@/tests/integration/interview-support";
import { sql } from "@/lib/db";
import { createInvitationAction } from "@/lib/actions/members";
import { foldAnalysisDeltas } from "@/lib/data/analysis-fold";
import { createSession } from "@/lib/data/sessions";
import { PUT as draftRoute } from "@/app/api/w/[workspaceId]/interviews/[interviewId]/draft/route";
import { POST as submissionRoute } from "@/app/api/w/[workspaceId]/interviews/[interviewId]/submission/route";
import { GET as matrixRoute } from "@/app/api/w/[workspaceId]/maps/[mapId]/matrix/route";
import * as designerSchemas from "@/lib/schemas/map-design";
import * as mapSchemas from "@/lib/schemas/map";
import * as authSchemas from "@/lib/schemas/auth";
import { API_V1_OPERATIONS } from "@/lib/schemas/api-v1";
import * as respondentSchemas from "@/lib/schemas/respondent";
import * as interviewSchemas from "@/lib/schemas/interview";
import * as apiTokenSchemas from "@/lib/schemas/api-tokens";
import { createApiTokenAction } from "@/lib/actions/api";
import { apiRateLimiter } from "@/lib/api";
import { GET as v1Maps } from "@/app/api/v1/workspaces/[workspaceId]/maps/route";
import { GET as v1Map } from "@/app/api/v1/workspaces/[workspaceId]/maps/[mapId]/route";
import { GET as v1Matrix } from "@/app/api/v1/workspaces/[workspaceId]/maps/[mapId]/matrix/route";
import { GET as v1FixList } from "@/app/api/v1/workspaces/[workspaceId]/maps/[mapId]/fix-list/route";
import { GET as v1Touchpoint } from "@/app/api/v1/workspaces/[workspaceId]/maps/[mapId]/touchpoints/[touchpointId]/route";
import { GET as v1Asymmetry } from "@/app/api/v1/workspaces/[workspaceId]/maps/[mapId]/asymmetry/route";
import { GET as v1Alerts } from "@/app/api/v1/workspaces/[workspaceId]/maps/[mapId]/alerts/route";
import { GET as v1Consistency } from "@/app/api/v1/workspaces/[workspaceId]/maps/[mapId]/consistency/route";
import { GET as v1Trends } from "@/app/api/v1/workspaces/[workspaceId]/maps/[mapId]/trends/route";
import { GET as v1Overview } from "@/app/api/v1/workspaces/[workspaceId]/maps/[mapId]/overview/route";
import { GET as v1ListInterviews, POST as v1SubmitInterview } from "@/app/api/v1/workspaces/[workspaceId]/interviews/route";
import { GET as v1Interview } from "@/app/api/v1/workspaces/[workspaceId]/interviews/[interviewId]/route";
import { POST as v1VoidInterview } from "@/app/api/v1/workspaces/[workspaceId]/interviews/[interviewId]/void/route";
import { GET as v1FindRespondents, POST as v1CreateRespondent } from "@/app/api/v1/workspaces/[workspaceId]/respondents/route";
import * as importSchemas from "@/lib/schemas/import";

// Every module of lib/actions, found on disk: a new file or export joins the table below or fails the test.
const ACTION_MODULES = import.meta.glob<Record<string, unknown>>("../../lib/actions/*.ts", { eager: true });

type Action = (...args: unknown[]) => Promise<unknown>;

/** The objects of one workspace the inputs refer to. */
type World = Awaited<ReturnType<typeof buildWorld>>;

async function buildWorld() {
  const members = await createWorkspaceWithMembers(testDb());
  const workspaceId = members.workspace.id;
  const map: TestMap = await createTestMap(workspaceId, { status: "ACTIVE" });
  const [stage] = map.stages;
  const [channel] = map.channels;
  const [touchpoint, second] = map.touchpoints;
  const volunteered = await createExpectation(testDb(), {
    workspaceId,
    mapId: map.map.id,
    touchpointId: touchpoint!.id,
    text: `Volunteered ${crypto.randomUUID().slice(0, 6)}`,
    position: 5,
    kind: "VOLUNTEERED",
  });
  const field = await createAttributeField(testDb(), { workspaceId, values: ["Calm", "Busy"] });
  const respondent = await createRespondent(testDb(), { workspaceId, attributes: [{ fieldId: field.id, optionId: field.options[0]!.id }] });
  actAs(members.byRole.INTERVIEWER);
  const submitted = submissionFor(map, respondent.id);
  const submission = await submitThroughRoute(workspaceId, submitted);
  if (!submission.ok) throw new Error(`The fixture interview was refused: ${JSON.stringify(submission)}`);
  actAs(members.byRole.ADMIN);
  const invitation = await createInvitationAction(workspaceId, { role: "ANALYST", expiresInDays: 7 });
  if (!invitation.ok) throw new Error("The fixture invitation was refused.");
  const invitationRow = await testDb().invitation.findFirstOrThrow({ where: { workspaceId }, orderBy: { createdAt: "desc" } });
  const interviewerMembership = await testDb().membership.findFirstOrThrow({ where: { workspaceId, userId: members.byRole.INTERVIEWER.id } });
  const token = await createApiTokenAction(workspaceId, { name: "Hostile fixture", role: "ADMIN" });
  if (!token.ok) throw new Error("The fixture token was refused.");
  return {
    members,
    workspaceId,
    map,
    stage: stage!,
    channel: channel!,
    touchpoint: touchpoint!,
    expectation: touchpoint!.expectations[0]!,
    otherExpectation: second!.expectations[0]!,
    volunteered,
    field,
    option: field.options[0]!,
    respondent,
    interview: submitted,
    invitationId: invitationRow.id,
    invitationToken: invitation.data.token,
    membershipId: interviewerMembership.id,
    tokenId: token.data.id,
    tokenSecret: token.data.secret,
  };
}

/** Another workspace's id for each kind of id an input names, by its key. */
function foreignIds(other: World): Record<string, string> {
  return {
    mapId: other.map.map.id,
    laneId: other.stage.id,
    stageId: other.stage.id,
    channelId: other.channel.id,
    touchpointId: other.touchpoint.id,
    expectationId: other.expectation.id,
    intoId: other.otherExpectation.id,
    respondentId: other.respondent.id,
    fieldId: other.field.id,
    optionId: other.option.id,
    membershipId: other.membershipId,
    invitationId: other.invitationId,
    interviewId: other.interview.id,
    tokenId: other.tokenId,
  };
}

type ActionSpec = {
  /** A valid input in this workspace (checked against `schema` first, so the table cannot go stale). */
  input: (w: World) => Record<string, unknown>;
  schema?: z.ZodType;
  /** Keys holding a name, where a direction override is refused too. */
  names?: string[];
};

// One valid input per action. Workspace actions run as the workspace's Admin (every permission).
const ACTION_SPECS: Record<string, ActionSpec> = {
  // imports.ts
  startImportAction: {
    input: (w) => ({
      importId: "no-such-import",
      mapping: JSON.stringify({
        layout: "wide",
        encoding: "utf-8",
        delimiter: ",",
        extraHeaderRows: 0,
        columns: [
          { column: 0, target: { kind: "date" } },
          { column: 1, target: { kind: "measure", measure: "outcome", touchpointId: w.touchpoint.id, expectationId: w.expectation.id } },
        ],
      }),
    }),
    schema: importSchemas.StartImportSchema,
  },
  cancelImportAction: { input: () => ({ importId: "no-such-import" }), schema: importSchemas.ImportIdSchema },
  undoImportAction: { input: () => ({ importId: "no-such-import" }), schema: importSchemas.ImportIdSchema },
  // designer.ts
  createLaneAction: { input: (w) => ({ mapId: w.map.map.id, kind: "stage", name: "Pay" }), schema: designerSchemas.CreateLaneSchema, names: ["name"] },
  renameLaneAction: {
    input: (w) => ({ mapId: w.map.map.id, kind: "stage", laneId: w.stage.id, name: "Browse" }),
    schema: designerSchemas.RenameLaneSchema,
    names: ["name"],
  },
  moveLaneAction: { input: (w) => ({ mapId: w.map.map.id, kind: "stage", laneId: w.stage.id, toIndex: 1 }), schema: designerSchemas.MoveLaneSchema },
  archiveLaneAction: { input: (w) => ({ mapId: w.map.map.id, kind: "channel", laneId: w.channel.id }), schema: designerSchemas.LaneRefSchema },
  restoreLaneAction: { input: (w) => ({ mapId: w.map.map.id, kind: "channel", laneId: w.channel.id }), schema: designerSchemas.LaneRefSchema },
  deleteLaneAction: { input: (w) => ({ mapId: w.map.map.id, kind: "channel", laneId: w.channel.id }), schema: designerSchemas.LaneRefSchema },
  createTouchpointAction: {
    input: (w) => ({
      mapId: w.map.map.id,
      stageId: w.stage.id,
      channelId: w.channel.id,
      name: "Till",
      description: "Where they pay",
      prompt: "How was paying?",
      ownerTeam: "Store ops",
      momentOfTruth: false,
    }),
    schema: designerSchemas.CreateTouchpointSchema,
    names: ["name", "ownerTeam"],
  },
  updateTouchpointAction: {
    input: (w) => ({
      mapId: w.map.map.id,
      touchpointId: w.touchpoint.id,
      name: "Website home",
      description: "The first page",
      prompt: "What did you look for?",
      ownerTeam: "Digital",
      momentOfTruth: true,
    }),
    schema: designerSchemas.UpdateTouchpointSchema,
    names: ["name", "ownerTeam"],
  },
  moveTouchpointAction: {
    input: (w) => ({ mapId: w.map.map.id, touchpointId: w.touchpoint.id, stageId: w.stage.id, channelId: w.channel.id, toIndex: 0 }),
    schema: designerSchemas.MoveTouchpointSchema,
  },
  archiveTouchpointAction: { input: (w) => ({ mapId: w.map.map.id, touchpointId: w.touchpoint.id }), schema: designerSchemas.TouchpointRefSchema },
  restoreTouchpointAction: { input: (w) => ({ mapId: w.map.map.id, touchpointId: w.touchpoint.id }), schema: designerSchemas.TouchpointRefSchema },
  deleteTouchpointAction: { input: (w) => ({ mapId: w.map.map.id, touchpointId: w.touchpoint.id }), schema: designerSchemas.TouchpointRefSchema },
  createExpectationAction: {
    input: (w) => ({ mapId: w.map.map.id, touchpointId: w.touchpoint.id, text: "Quick answer" }),
    schema: designerSchemas.CreateExpectationSchema,
    names: ["text"],
  },
  updateExpectationAction: {
    input: (w) => ({ mapId: w.map.map.id, expectationId: w.expectation.id, text: "A quick answer" }),
    schema: designerSchemas.UpdateExpectationSchema,
    names: ["text"],
  },
  moveExpectationAction: { input: (w) => ({ mapId: w.map.map.id, expectationId: w.expectation.id, toIndex: 1 }), schema: designerSchemas.MoveExpectationSchema },
  archiveExpectationAction: { input: (w) => ({ mapId: w.map.map.id, expectationId: w.expectation.id }), schema: designerSchemas.ExpectationRefSchema },
  restoreExpectationAction: { input: (w) => ({ mapId: w.map.map.id, expectationId: w.expectation.id }), schema: designerSchemas.ExpectationRefSchema },
  deleteExpectationAction: { input: (w) => ({ mapId: w.map.map.id, expectationId: w.expectation.id }), schema: designerSchemas.ExpectationRefSchema },
  promoteExpectationAction: {
    input: (w) => ({ mapId: w.map.map.id, expectationId: w.volunteered.id, text: "Friendly staff" }),
    schema: designerSchemas.PromoteExpectationSchema,
    names: ["text"],
  },
  mergeExpectationAction: {
    input: (w) => ({ mapId: w.map.map.id, expectationId: w.volunteered.id, intoId: w.expectation.id }),
    schema: designerSchemas.MergeExpectationSchema,
  },
  // maps.ts
  createMapAction: { input: () => ({ name: "Online order", description: "From search to delivery", template: "blank" }), schema: mapSchemas.CreateMapSchema, names: ["name"] },
  updateMapDetailsAction: {
    input: (w) => ({ mapId: w.map.map.id, name: "Store visit", description: "In the shop", status: "ACTIVE" }),
    schema: mapSchemas.UpdateMapDetailsSchema,
    names: ["name"],
  },
  setMapStatusAction: { input: (w) => ({ mapId: w.map.map.id, status: "DRAFT" }), schema: mapSchemas.SetMapStatusSchema },
  updateMapSettingsAction: {
    input: (w) => ({
      mapId: w.map.map.id,
      minSample: "12",
      asymmetryThreshold: 0.3,
      consistencyThreshold: 40,
      interviewTarget: 200,
      segmentQuotas: [{ segment: "Families", target: 50 }],
    }),
    schema: mapSchemas.MapSettingsSchema,
    names: ["segment"],
  },
  duplicateMapAction: { input: (w) => ({ mapId: w.map.map.id, name: "Store visit (copy)" }), schema: mapSchemas.DuplicateMapSchema, names: ["name"] },
  deleteMapAction: { input: (w) => ({ mapId: w.map.map.id }), schema: mapSchemas.MapRefSchema },
  // interviews.ts
  updateInterviewAction: {
    input: (w) => submissionFor(w.map, w.respondent.id, { id: w.interview.id, notes: "Corrected" }),
    schema: interviewSchemas.InterviewDraftSchema,
  },
  voidInterviewAction: { input: (w) => ({ interviewId: w.interview.id, reason: "Recorded twice" }), schema: interviewSchemas.VoidInterviewSchema },
  restoreInterviewAction: { input: (w) => ({ interviewId: w.interview.id }), schema: interviewSchemas.InterviewIdSchema },
  discardDraftAction: { input: (w) => ({ interviewId: w.interview.id }), schema: interviewSchemas.InterviewIdSchema },
  // members.ts
  changeMemberRoleAction: { input: (w) => ({ membershipId: w.membershipId, role: "MANAGER" }), schema: authSchemas.ChangeRoleSchema },
  removeMemberAction: { input: (w) => ({ membershipId: w.membershipId }), schema: authSchemas.RemoveMemberSchema },
  createInvitationAction: { input: () => ({ email: "newcomer@example.com", role: "INTERVIEWER", expiresInDays: 7 }), schema: authSchemas.CreateInvitationSchema },
  revokeInvitationAction: { input: (w) => ({ invitationId: w.invitationId }), schema: authSchemas.RevokeInvitationSchema },
  // respondents.ts
  createRespondentAction: {
    input: (w) => ({
      code: "R-NEW-1",
      lifecycleStage: "NEW",
      valueTier: "HIGH",
      segment: "Families",
      contactName: "Jo Doe",
      contactEmail: "jo@example.com",
      attributes: [{ fieldId: w.field.id, optionId: w.option.id }],
    }),
    schema: respondentSchemas.CreateRespondentSchema,
    names: ["segment", "contactName"],
  },
  updateRespondentAction: {
    input: (w) => ({
      respondentId: w.respondent.id,
      code: "R-CHANGED",
      lifecycleStage: "LAPSED",
      valueTier: "LOW",
      segment: "Students",
      contactName: "Sam Roe",
      contactEmail: "sam@example.com",
      attributes: [{ fieldId: w.field.id, optionId: w.option.id }],
    }),
    schema: respondentSchemas.UpdateRespondentSchema,
    names: ["segment", "contactName"],
  },
  setRespondentArchivedAction: { input: (w) => ({ respondentId: w.respondent.id, archived: true }), schema: respondentSchemas.ArchiveRespondentSchema },
  searchRespondentsAction: { input: () => ({ q: "R-" }), schema: respondentSchemas.RespondentPickerSearchSchema },
  eraseRespondentAction: { input: (w) => ({ respondentId: w.respondent.id }), schema: respondentSchemas.EraseRespondentSchema },
  createAttributeFieldAction: {
    input: () => ({ name: "Mood", values: ["Happy", "Sad"] }),
    schema: respondentSchemas.CreateAttributeFieldSchema,
    names: ["name", "values"],
  },
  updateAttributeFieldAction: {
    input: (w) => ({ fieldId: w.field.id, name: "Pace", options: [{ id: w.option.id, value: "Relaxed", archived: false }, { value: "Hurried", archived: false }] }),
    schema: respondentSchemas.UpdateAttributeFieldSchema,
    names: ["name", "value"],
  },
  setAttributeFieldArchivedAction: { input: (w) => ({ fieldId: w.field.id, archived: true }), schema: respondentSchemas.ArchiveAttributeFieldSchema },
  moveAttributeFieldAction: { input: (w) => ({ fieldId: w.field.id, direction: "down" }), schema: respondentSchemas.MoveAttributeFieldSchema },
  // api.ts
  createApiTokenAction: {
    input: () => ({ name: "Survey tool", role: "INTERVIEWER", expiresOn: "2099-12-31" }),
    schema: apiTokenSchemas.CreateApiTokenSchema,
    names: ["name"],
  },
  revokeApiTokenAction: { input: (w) => ({ tokenId: w.tokenId }), schema: apiTokenSchemas.RevokeApiTokenSchema },
  saveWebhookAction: { input: () => ({ url: "https://hooks.example/cxmap" }), schema: apiTokenSchemas.SaveWebhookSchema },
  // auth.ts (public: no workspace argument)
  signInAction: { input: (w) => ({ email: w.members.byRole.ANALYST.email, password: w.members.password }), schema: authSchemas.SignInSchema },
  signUpAction: {
    input: () => ({ name: "Fiona Founder", email: "fiona.founder@example.com", password: "a-good-long-password", workspaceName: "Fiona's Flowers" }),
    schema: authSchemas.SignUpSchema,
    names: ["name", "workspaceName"],
  },
  acceptInvitationNewUserAction: {
    input: (w) => ({ token: w.invitationToken, name: "Nia Newcomer", email: "nia.newcomer@example.com", password: "another-long-password" }),
    schema: authSchemas.AcceptInvitationNewUserSchema,
    names: ["name"],
  },
  acceptInvitationAction: { input: (w) => ({ token: w.invitationToken }), schema: authSchemas.AcceptInvitationSignedInSchema },
  // account.ts (the signed-in user's own account: no workspace argument)
  changePasswordAction: {
    input: (w) => ({ currentPassword: w.members.password, newPassword: "another-long-password" }),
    schema: authSchemas.ChangePasswordSchema,
  },
  endSessionAction: { input: () => ({ sessionId: "cmsession0000000000000000" }), schema: authSchemas.EndSessionSchema },
};

const PUBLIC_ACTIONS = new Set(["signInAction", "signUpAction", "acceptInvitationNewUserAction", "acceptInvitationAction"]);
/** Actions on the caller's own account: signed in, no workspace argument. */
const ACCOUNT_ACTIONS = new Set(["changePasswordAction", "endSessionAction"]);
/**
 * Actions that read no input at all (their schema is the empty object): signing out. There is
 * nothing hostile to send them; the test checks that their schema reads nothing.
 */
const NO_INPUT_ACTIONS = new Set(["signOutAction", "signOutEverywhereAction", "removeWebhookAction"]);

/**
 * Signs the next calls in as `user` through one session made for the whole test file, so that
 * the calls themselves add no session rows to the tables the test compares.
 */
const fileSessions = new Map<string, string>();
async function signedInAs(user: TestUser) {
  let id = fileSessions.get(user.id);
  if (!id) {
    id = await createSession(user.id, "hostile-input test");
    fileSessions.set(user.id, id);
  }
  replaySession(user, id);
}

const ONE_MB = "x".repeat(1024 * 1024);

/** Refused by every text field, whatever it holds. */
const TEXT_VALUES: [string, unknown][] = [
  ["a NUL character", "ab\u0000cd"],
  ["a lone surrogate", "ab\uD800"],
  ["only zero-width characters", "\u200B\u200C\u200D"],
  ["a 1 MB string", ONE_MB],
];
/** Refused by names, on top of the above. */
const NAME_VALUES: [string, unknown][] = [["a right-to-left override", "abc\u202Etxt.exe"]];
/** Refused by numbers, whether code sends a number or a form sends its text. */
const NUMBER_VALUES: [string, unknown][] = [
  ["1e300", 1e300],
  ["-1", -1],
  ["NaN", Number.NaN],
  ['"1e300" typed', "1e300"],
  ['"-1" typed', "-1"],
  ['"NaN" typed', "NaN"],
];
const DATE_VALUES: [string, unknown][] = [["year 0000", "0000-01-01"]];
/** Refused by an enum or a boolean. */
const OTHER_VALUES: [string, unknown][] = [
  ["a NUL character", "ab\u0000cd"],
  ["1e300", 1e300],
];

type Variant = { path: (string | number)[]; label: string; value: unknown };

/** Every leaf of the input with each hostile value its kind must refuse. */
function variants(input: unknown, names: string[], foreign: Record<string, string>): Variant[] {
  const out: Variant[] = [];
  const visit = (node: unknown, path: (string | number)[]) => {
    if (Array.isArray(node)) return node.forEach((item, index) => visit(item, [...path, index]));
    if (node !== null && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) visit(value, [...path, key]);
      return;
    }
    const key = [...path].reverse().find((segment): segment is string => typeof segment === "string") ?? "";
    const add = (values: [string, unknown][]) => values.forEach(([label, value]) => out.push({ path, label, value }));
    if (typeof node === "number" || (typeof node === "string" && /^\d+(\.\d+)?$/.test(node))) add(NUMBER_VALUES);
    else if (typeof node === "string" && /^\d{4}-\d{2}-\d{2}$/.test(node)) add([...DATE_VALUES, ...TEXT_VALUES]);
    else if (typeof node === "string" && /^[A-Z_]+$/.test(node) && !/code$/i.test(key)) add(OTHER_VALUES);
    else if (typeof node === "boolean" || node === null) add(OTHER_VALUES);
    else if (typeof node === "string") {
      add(TEXT_VALUES);
      if (names.includes(key)) add(NAME_VALUES);
    }
    if (typeof node === "string" && foreign[key]) out.push({ path, label: "another workspace's id", value: foreign[key] });
  };
  visit(input, []);
  return out;
}

function withValue(input: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(input) as Record<string | number, unknown>;
  let node = copy;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

/** Every table but the migration log and sign-in attempts (a refused sign-in is counted on purpose), row by row. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'sign_in_attempts')
     ORDER BY table_name`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await sql<{ rows: number; digest: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${name}" t`,
    );
    out[name] = `${row!.rows}:${row!.digest}`;
  }
  return out;
}

/** "refused" for a failed result or the guard's not-found; anything thrown besides is a 500. */
async function outcomeOf(call: Promise<unknown>): Promise<{ refused: boolean; detail: string }> {
  try {
    const result = (await call) as { ok?: boolean; formError?: string; fieldErrors?: Record<string, string[]> };
    const refused = result?.ok === false && typeof result.formError === "string" && result.formError.length > 0;
    return { refused, detail: JSON.stringify(result).slice(0, 300) };
  } catch (error) {
    const digest = String((error as { digest?: unknown })?.digest ?? "");
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return { refused: true, detail: "not found" };
    return { refused: false, detail: `threw ${String(error).slice(0, 300)}` };
  }
}

let home: World;
let other: World;

beforeAll(async () => {
  home = await buildWorld();
  other = await buildWorld();
  // The fixture submissions' analysis rollups, folded now rather than during a snapshot.
  await foldAnalysisDeltas();
  // The sessions the calls run in, made before any snapshot.
  for (const role of ["ADMIN", "MANAGER", "INTERVIEWER"] as const) await signedInAs(home.members.byRole[role]);
}, 120_000);

const ACTIONS = Object.entries(ACTION_MODULES).flatMap(([file, exports]) =>
  Object.entries(exports).map(([name, action]) => ({ file: file.replace(/^.*\//, ""), name, action: action as Action })),
);

describe("server actions", () => {
  it("every exported action has a row in the hostile-input table, and every row an action", () => {
    expect(ACTIONS.length).toBeGreaterThan(40);
    const exported = ACTIONS.map((action) => action.name).filter((name) => !NO_INPUT_ACTIONS.has(name)).sort();
    expect(exported).toEqual(Object.keys(ACTION_SPECS).sort());
    expect(ACTIONS.filter((action) => NO_INPUT_ACTIONS.has(action.name))).toHaveLength(NO_INPUT_ACTIONS.size);
  });

  it("the actions that take no input read none of it", () => {
    const parsed = authSchemas.NoInputSchema.parse({ callbackUrl: "//evil.example", email: "x\u0000", n: 1e300 });
    expect(parsed).toEqual({});
  });

  it.each(ACTIONS.filter(({ name }) => !NO_INPUT_ACTIONS.has(name)))("$file $name refuses each hostile value with a message and changes nothing", async ({ name, action }) => {
    const spec = ACTION_SPECS[name]!;
    const input = spec.input(home);
    if (spec.schema) expect(spec.schema.safeParse(input).error?.issues, "the table's input is valid").toBeUndefined();
    const cases = variants(input, spec.names ?? [], foreignIds(other));
    expect(cases.length).toBeGreaterThan(0);

    const before = await snapshot();
    const failures: string[] = [];
    for (const { path, label, value } of cases) {
      if (name === "acceptInvitationAction") actAs(await createUser(testDb()));
      else if (PUBLIC_ACTIONS.has(name) && name !== "signInAction") actAs(null);
      else await signedInAs(home.members.byRole.ADMIN);
      const hostile = withValue(input, path, value);
      const call = PUBLIC_ACTIONS.has(name) || ACCOUNT_ACTIONS.has(name) ? action(hostile) : action(home.workspaceId, hostile);
      const { refused, detail } = await outcomeOf(call);
      if (!refused) failures.push(`${path.join(".")} = ${label}: ${detail}`);
    }
    expect(failures).toEqual([]);
    const after = await snapshot();
    // acceptInvitationAction's callers are users made for the call; nothing else may differ.
    if (name === "acceptInvitationAction") {
      delete before.users;
      delete after.users;
      delete before.sessions;
      delete after.sessions;
    }
    expect(after).toEqual(before);
  });

  it("refuses a NUL character sent by a form (FormData) too", async () => {
    const before = await snapshot();
    await signedInAs(home.members.byRole.ADMIN);
    const form = new FormData();
    form.append("name", "Map\u0000name");
    form.append("template", "blank");
    const { createMapAction } = ACTION_MODULES["../../lib/actions/maps.ts"] as { createMapAction: Action };
    expect(await createMapAction(home.workspaceId, null, form)).toMatchObject({
      ok: false,
      fieldErrors: { name: ["Remove the invisible control character U+0000: it cannot be stored."] },
    });
    expect(await snapshot()).toEqual(before);
  });
});

// Route handlers: the request as the browser would send it, with one hostile value at a time.
function draftRequest(workspaceId: string, interviewId: string, body: string) {
  return draftRoute(
    new Request(`http://localhost/api/w/${workspaceId}/interviews/${interviewId}/draft`, { method: "PUT", body, headers: { "Content-Type": "application/json" } }),
    { params: Promise.resolve({ workspaceId, interviewId }) },
  );
}

function submissionRequest(workspaceId: string, interviewId: string, body: string) {
  return submissionRoute(
    new Request(`http://localhost/api/w/${workspaceId}/interviews/${interviewId}/submission`, { method: "POST", body, headers: { "Content-Type": "application/json" } }),
    { params: Promise.resolve({ workspaceId, interviewId }) },
  );
}

function matrixRequest(workspaceId: string, mapId: string, query: string) {
  return matrixRoute(new Request(`http://localhost/api/w/${workspaceId}/maps/${mapId}/matrix?${query}`), {
    params: Promise.resolve({ workspaceId, mapId }),
  });
}

/** JSON with a lone surrogate or NaN written the way a hostile client writes them (JSON.stringify would not). */
function rawJson(input: unknown, path: (string | number)[], label: string, value: unknown): string {
  if (label === "a lone surrogate") return JSON.stringify(withValue(input, path, "@@SURROGATE@@")).replace("@@SURROGATE@@", "ab\\ud800");
  if (label === "NaN") return JSON.stringify(withValue(input, path, "@@NAN@@")).replace('"@@NAN@@"', "NaN");
  if (label === "1e300") return JSON.stringify(withValue(input, path, "@@BIG@@")).replace('"@@BIG@@"', "1e300");
  return JSON.stringify(withValue(input, path, value));
}

const MALFORMED_BODIES: [string, string][] = [
  ["malformed JSON", "{not json"],
  ["an array instead of an object", "[]"],
  ["a number instead of an object", "1e300"],
  ["an escaped NUL character", '{"id":"\\u0000"}'],
  ["a 1 MB body", JSON.stringify({ notes: ONE_MB })],
];

describe("route handlers", () => {
  async function expectAllRefused(requests: { label: string; send: () => Promise<Response> }[]) {
    const before = await snapshot();
    const failures: string[] = [];
    for (const { label, send } of requests) {
      const response = await send().catch((error: unknown) => new Response(`threw ${String(error)}`, { status: 599 }));
      const body = await response.text();
      const hasMessage = (() => {
        try {
          return typeof (JSON.parse(body) as { error?: unknown }).error === "string";
        } catch {
          return false;
        }
      })();
      if (response.status < 400 || response.status >= 500 || !hasMessage) failures.push(`${label}: ${response.status} ${body.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }

  it("PUT draft answers every hostile body with a 4xx and a message, and changes nothing", async () => {
    await signedInAs(home.members.byRole.INTERVIEWER);
    const draftId = crypto.randomUUID();
    const draft = { ...submissionFor(home.map, home.respondent.id, { id: draftId }), step: 2, savedAt: Date.now() };
    const foreign = { mapId: other.map.map.id };
    const cases = variants(draft, ["text"], foreign).filter(({ path }) => path.join(".") !== "id");
    await expectAllRefused([
      ...MALFORMED_BODIES.map(([label, body]) => ({ label, send: () => draftRequest(home.workspaceId, draftId, body) })),
      ...cases.map(({ path, label, value }) => ({
        label: `${path.join(".")} = ${label}`,
        send: () => draftRequest(home.workspaceId, draftId, rawJson(draft, path, label, value)),
      })),
    ]);
  });

  it("POST submission answers every hostile body with a 4xx and a message, and changes nothing", async () => {
    await signedInAs(home.members.byRole.INTERVIEWER);
    const interviewId = crypto.randomUUID();
    const submission = submissionFor(home.map, home.respondent.id, { id: interviewId });
    const cases = variants(submission, ["text"], foreignIds(other)).filter(({ path }) => path.join(".") !== "id");
    await expectAllRefused([
      ...MALFORMED_BODIES.map(([label, body]) => ({ label, send: () => submissionRequest(home.workspaceId, interviewId, body) })),
      ...cases.map(({ path, label, value }) => ({
        label: `${path.join(".")} = ${label}`,
        send: () => submissionRequest(home.workspaceId, interviewId, rawJson(submission, path, label, value)),
      })),
    ]);
  });

  it("GET matrix answers every hostile filter parameter with a 400 and a message", async () => {
    await signedInAs(home.members.byRole.MANAGER);
    const values: [string, string][] = [
      ["a NUL character", "a%00b"],
      ["only zero-width characters", "%E2%80%8B%E2%80%8C"],
      // An address cannot carry 1 MB (the server refuses a request line that long): a value past the 120-character limit.
      ["a value too long", "x".repeat(200)],
    ];
    const dateValues: [string, string][] = [
      ["year 0000", "0000-01-01"],
      ["year 3000", "3000-01-01"],
      ["1e300", "1e300"],
      ["-1", "-1"],
      ["NaN", "NaN"],
    ];
    const requests = [
      ...["segment", "attr", "interviewer", "channel", "stage", "lifecycle", "tier", "mot", "from", "to"].flatMap((param) =>
        values.map(([label, value]) => ({ label: `${param} = ${label}`, send: () => matrixRequest(home.workspaceId, home.map.map.id, `${param}=${value}`) })),
      ),
      ...["from", "to"].flatMap((param) =>
        dateValues.map(([label, value]) => ({ label: `${param} = ${label}`, send: () => matrixRequest(home.workspaceId, home.map.map.id, `${param}=${value}`) })),
      ),
      { label: "crosshair = NUL", send: () => matrixRequest(home.workspaceId, home.map.map.id, "crosshair=a%00") },
      { label: "mot = 1e300", send: () => matrixRequest(home.workspaceId, home.map.map.id, "mot=1e300") },
      { label: "another workspace's map", send: () => matrixRequest(home.workspaceId, other.map.map.id, "") },
      { label: "a map id with a NUL character", send: () => matrixRequest(home.workspaceId, "x\u0000", "") },
    ];
    await expectAllRefused(requests);
  });

  it("GET matrix: another workspace's ids in a filter match nothing of theirs", async () => {
    await signedInAs(home.members.byRole.MANAGER);
    const response = await matrixRequest(home.workspaceId, home.map.map.id, `interviewer=${other.members.byRole.INTERVIEWER.id}&stage=${other.stage.id}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { interviews: number };
    expect(body.interviews).toBe(0);
  });
});

// The public API: every operation, with a token, gets each hostile value in its body, its query
// and its address, and must answer a 4xx in the API's error shape and write nothing.
describe("the /api/v1 routes", () => {
  type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
  type Route = {
    name: string;
    handler: Handler;
    method: "GET" | "POST";
    path: (w: World) => Record<string, string>;
    query?: Record<string, string> | ((w: World) => Record<string, string>);
    body?: (w: World) => Record<string, unknown>;
  };

  const ROUTES: Route[] = [
    { name: "listMaps", handler: v1Maps, method: "GET", path: () => ({}) },
    { name: "getMap", handler: v1Map, method: "GET", path: (w) => ({ mapId: w.map.map.id }) },
    { name: "getMatrix", handler: v1Matrix, method: "GET", path: (w) => ({ mapId: w.map.map.id }), query: { from: "2026-01-01", segment: "Students", crosshair: "scale", mot: "1" } },
    { name: "getFixList", handler: v1FixList, method: "GET", path: (w) => ({ mapId: w.map.map.id }), query: { to: "2026-12-31", lifecycle: "NEW" } },
    {
      name: "getTouchpointFigures",
      handler: v1Touchpoint,
      method: "GET",
      path: (w) => ({ mapId: w.map.map.id, touchpointId: w.touchpoint.id }),
      query: { from: "2026-01-01", tier: "HIGH" },
    },
    { name: "getAsymmetry", handler: v1Asymmetry, method: "GET", path: (w) => ({ mapId: w.map.map.id }), query: { from: "2026-01-01", segment: "Students", tier: "HIGH" } },
    { name: "getChangeAlerts", handler: v1Alerts, method: "GET", path: (w) => ({ mapId: w.map.map.id }), query: { to: "2026-12-31", lifecycle: "NEW", mot: "1" } },
    { name: "getConsistency", handler: v1Consistency, method: "GET", path: (w) => ({ mapId: w.map.map.id }), query: { from: "2026-01-01", tier: "LOW" } },
    {
      name: "getTrends",
      handler: v1Trends,
      method: "GET",
      path: (w) => ({ mapId: w.map.map.id }),
      query: (w) => ({ by: "month", touchpoint: w.touchpoint.id, from: "2026-01-01", lifecycle: "NEW" }),
    },
    { name: "getOverview", handler: v1Overview, method: "GET", path: (w) => ({ mapId: w.map.map.id }) },
    { name: "listInterviews", handler: v1ListInterviews, method: "GET", path: () => ({}), query: { status: "SUBMITTED", from: "2026-01-01", limit: "10" } },
    {
      name: "submitInterview",
      handler: v1SubmitInterview,
      method: "POST",
      path: () => ({}),
      body: (w) => submissionFor(w.map, w.respondent.id, { id: "2b1f7f0e-4a55-4c1e-9a57-3f0c9d2e8b11" }) as Record<string, unknown>,
    },
    { name: "getInterview", handler: v1Interview, method: "GET", path: (w) => ({ interviewId: w.interview.id }) },
    { name: "voidInterview", handler: v1VoidInterview, method: "POST", path: (w) => ({ interviewId: w.interview.id }), body: () => ({ reason: "Recorded twice" }) },
    { name: "findRespondents", handler: v1FindRespondents, method: "GET", path: () => ({}), query: { code: "R-0001" } },
    {
      name: "createRespondent",
      handler: v1CreateRespondent,
      method: "POST",
      path: () => ({}),
      body: (w) => ({ code: "API-1", lifecycleStage: "NEW", valueTier: "HIGH", segment: "Students", attributes: [{ fieldId: w.field.id, optionId: w.option.id }] }),
    },
  ];

  function send(route: Route, params: Record<string, string>, { query = "", body }: { query?: string; body?: string } = {}, headers: Record<string, string> = {}) {
    const all = { workspaceId: home.workspaceId, ...params };
    const path = Object.entries(params).map(([key, value]) => `${key}/${encodeURIComponent(value)}`).join("/");
    const request = new Request(`http://localhost/api/v1/workspaces/${home.workspaceId}/${route.name}/${path}${query ? `?${query}` : ""}`, {
      method: route.method,
      headers: { Authorization: `Bearer ${home.tokenSecret}`, ...(body !== undefined ? { "Content-Type": "application/json" } : {}), ...headers },
      ...(body !== undefined ? { body } : {}),
    });
    return route.handler(request, { params: Promise.resolve(all) });
  }

  /** Every request refused with a 4xx in the API's error shape, and every table as it was ("last used" of the token aside). */
  async function expectAllRefused(requests: { label: string; send: () => Promise<Response> }[]) {
    const before = await snapshot();
    const failures: string[] = [];
    for (const { label, send: call } of requests) {
      const response = await call().catch((error: unknown) => new Response(`threw ${String(error)}`, { status: 599 }));
      const text = await response.text();
      let shaped = false;
      try {
        const { error } = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
        shaped = typeof error?.code === "string" && typeof error.message === "string" && error.message.length > 0;
      } catch {
        shaped = false;
      }
      if (response.status < 400 || response.status >= 500 || !shaped) failures.push(`${label}: ${response.status} ${text.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    const after = await snapshot();
    delete before.api_tokens;
    delete after.api_tokens;
    expect(after).toEqual(before);
  }

  beforeAll(() => {
    apiRateLimiter.reset();
    apiRateLimiter.limit = 1_000_000;
  });

  /** A scalar where an object or list is expected, and an object where a scalar is: wrong types. */
  function wrongTypes(input: unknown): Variant[] {
    const out: Variant[] = [];
    const visit = (node: unknown, path: (string | number)[]) => {
      if (path.length > 0) out.push({ path, label: "a wrong type", value: node !== null && typeof node === "object" ? 12 : { nested: [true] } });
      if (Array.isArray(node)) node.forEach((item, index) => visit(item, [...path, index]));
      else if (node !== null && typeof node === "object") for (const [key, value] of Object.entries(node)) visit(value, [...path, key]);
    };
    visit(input, []);
    return out;
  }

  it("covers every operation of the API", () => {
    expect(ROUTES.map((route) => route.name).sort()).toEqual(Object.keys(API_V1_OPERATIONS).sort());
  });

  it.each(ROUTES.filter((route) => route.body))("$method $name answers every hostile body with a 4xx in the error shape and changes nothing", async (route) => {
    const valid = route.body!(home);
    const params = route.path(home);
    const cases = [...variants(valid, ["text", "segment"], foreignIds(other)), ...wrongTypes(valid)].filter(
      // The interview's id is the idempotency key: another value is another (valid) interview.
      ({ path }) => !(route.name === "submitInterview" && path.join(".") === "id"),
    );
    await expectAllRefused([
      ...MALFORMED_BODIES.map(([label, body]) => ({ label, send: () => send(route, params, { body }) })),
      { label: "a 1 MB body of valid JSON", send: () => send(route, params, { body: JSON.stringify({ ...valid, notes: ONE_MB, segment: ONE_MB }) }) },
      { label: "no Content-Type", send: () => send(route, params, { body: JSON.stringify(valid) }, { "Content-Type": "" }) },
      { label: "a form instead of JSON", send: () => send(route, params, { body: "a=1" }, { "Content-Type": "application/x-www-form-urlencoded" }) },
      ...cases.map(({ path, label, value }) => ({
        label: `${path.join(".")} = ${label}`,
        send: () => send(route, params, { body: rawJson(valid, path, label, value) }),
      })),
    ]);
  });

  it.each(ROUTES)("$method $name answers every hostile parameter with a 4xx in the error shape and changes nothing", async (route) => {
    const params = route.path(home);
    const query = typeof route.query === "function" ? route.query(home) : (route.query ?? {});
    const body = route.body ? JSON.stringify(route.body(home)) : undefined;
    const hostile: [string, string][] = [
      ["a NUL character", "a\u0000b"],
      ["a lone surrogate", "ab\uD800"],
      ["only zero-width characters", "\u200B\u200C"],
      ["a value too long", "x".repeat(300)],
      ["1e300", "1e300"],
      ["-1", "-1"],
    ];
    const requests: { label: string; send: () => Promise<Response> }[] = [];
    const queryOf = (record: Record<string, string>) => new URLSearchParams(record).toString();
    // Query parameters: each one made hostile (a value the schema would take unchanged is left out).
    for (const key of Object.keys(query)) {
      for (const [label, value] of hostile) {
        // A segment or a code may be any printable text ("-1" is one); a lone surrogate cannot even travel in an
        // address (it arrives as U+FFFD, a printable character).
        if (label === "a lone surrogate" || ((key === "segment" || key === "code") && (label === "1e300" || label === "-1"))) continue;
        requests.push({ label: `?${key} = ${label}`, send: () => send(route, params, { query: queryOf({ ...query, [key]: value }), body }) });
      }
    }
    // A parameter the operation does not know, where the operation's query is strict.
    if (["listMaps", "getMap", "getOverview", "getInterview", "listInterviews", "findRespondents"].includes(route.name)) {
      requests.push({ label: "an unknown parameter", send: () => send(route, params, { query: queryOf({ ...query, surprise: "1" }), body }) });
    }
    // Address parameters: another workspace's thing, a NUL character, something that does not exist.
    for (const key of Object.keys(params)) {
      const foreign = key === "mapId" ? other.map.map.id : key === "touchpointId" ? other.touchpoint.id : other.interview.id;
      for (const [label, value] of [["another workspace's id", foreign], ["a NUL character", "x\u0000"], ["an id that does not exist", "no-such-id"], ["a 1 MB id", ONE_MB]]) {
        requests.push({ label: `${key} = ${label}`, send: () => send(route, { ...params, [key]: value! }, { query: queryOf(query), body }) });
      }
    }
    if (route.name === "getTrends") {
      requests.push({ label: "touchpoint = another workspace's touchpoint", send: () => send(route, params, { query: queryOf({ ...query, touchpoint: other.touchpoint.id }) }) });
      requests.push({ label: "by = year", send: () => send(route, params, { query: queryOf({ ...query, by: "year" }) }) });
    }
    if (route.name === "listInterviews") {
      requests.push({ label: "cursor = another workspace's interview", send: () => send(route, params, { query: queryOf({ ...query, cursor: other.interview.id }) }) });
      requests.push({ label: "limit = 0", send: () => send(route, params, { query: queryOf({ ...query, limit: "0" }) }) });
      requests.push({ label: "limit = 1.5", send: () => send(route, params, { query: queryOf({ ...query, limit: "1.5" }) }) });
    }
    // Authentication: none of these may reach the work.
    requests.push({ label: "a malformed Authorization header", send: () => send(route, params, { query: queryOf(query), body }, { Authorization: "Basic abc" }) });
    requests.push({ label: "an unknown token", send: () => send(route, params, { query: queryOf(query), body }, { Authorization: "Bearer cxm_unknown" }) });
    requests.push({ label: "a 1 MB token", send: () => send(route, params, { query: queryOf(query), body }, { Authorization: `Bearer cxm_${"x".repeat(100_000)}` }) });
    requests.push({ label: "another workspace's token", send: () => send(route, params, { query: queryOf(query), body }, { Authorization: `Bearer ${other.tokenSecret}` }) });
    if (requests.length === 0) return;
    await expectAllRefused(requests);
  });
});
