// The REST API's operations, described once: the route handlers under app/api/v1 validate
// their input with these schemas, and the OpenAPI document (lib/openapi.ts) and the docs page
// are generated from them. Pure: no server code, so the docs page and the unit tests read it too.
import { z } from "zod";
import type { Permission } from "@/lib/permissions";
import { AnalysisFilter } from "@/lib/schemas/analysis-filter";
import { INTERVIEW_STATUSES, interviewFields, RespondentChoiceSchema } from "@/lib/schemas/interview";
import { RespondentProfileSchema } from "@/lib/schemas/respondent";
import { idText, text } from "@/lib/schemas/text";
import { isoDate } from "@/lib/schemas/date";
import { TREND_BUCKETS } from "@/lib/schemas/trend-bucket";

const id = idText();

/** Interviews in the list, newest first; `cursor` is the `nextCursor` of the page before. */
export const ApiInterviewListQuery = z
  .object({
    map: id.optional(),
    status: z.enum(INTERVIEW_STATUSES, { error: "Use DRAFT, SUBMITTED or VOID." }).optional(),
    interviewer: id.optional(),
    from: isoDate().optional(),
    to: isoDate().optional(),
    cursor: text({ what: "the cursor", max: 64, required: true, messages: { type: "cursor must be a nextCursor value." } }).optional(),
    limit: z.coerce
      .number({ error: "limit must be a whole number from 1 to 100." })
      .int("limit must be a whole number from 1 to 100.")
      .min(1, "limit must be a whole number from 1 to 100.")
      .max(100, "limit must be a whole number from 1 to 100.")
      .default(25),
  })
  .strict()
  .refine((query) => !query.from || !query.to || query.from <= query.to, { message: "from must be on or before to.", path: ["from"] });
export type ApiInterviewListQuery = z.infer<typeof ApiInterviewListQuery>;

/** A whole interview, submitted at once; checked in full against the map's design on arrival. */
export const ApiInterviewSubmission = z.object({
  ...interviewFields,
  respondent: RespondentChoiceSchema,
  mode: interviewFields.mode.unwrap().unwrap(),
});

export const ApiVoidInterview = z.object({
  reason: text({ what: "why it is void", max: 500, kind: "multiline", required: true, messages: { required: "Say why it is void." } }).refine(
    (value) => value.length >= 3,
    "Say why it is void, in at least 3 characters.",
  ),
});

export const ApiRespondentQuery = z
  .object({ code: text({ what: "the code", max: 40, required: true, messages: { required: "Give the respondent code to find." } }) })
  .strict();

export const ApiCreateRespondent = RespondentProfileSchema;

/** The matrix's parameters: the page's filter, and where the quadrants' crosshair is. */
export const ApiMatrixQuery = z.intersection(AnalysisFilter, z.object({ crosshair: z.enum(["data", "scale"]).optional() }));
export const ApiFilterQuery = AnalysisFilter;

/** The trends' parameters: the filter, the bucket size, and optionally one touchpoint to follow. */
export const ApiTrendsQuery = z.intersection(
  AnalysisFilter,
  z.object({
    by: z.enum(TREND_BUCKETS, { error: "by must be day, week or month." }).optional(),
    touchpoint: id.optional(),
  }),
);

const NoQuery = z.object({}).strict();

export type ApiOperation = {
  method: "GET" | "POST";
  /** The path under /api/v1, with {parameters}. */
  path: string;
  summary: string;
  description: string;
  tag: "Maps" | "Interviews" | "Respondents" | "Analysis";
  permission: Permission;
  /** The path's parameters besides workspaceId, as the route's folders name them. */
  params: readonly string[];
  query?: z.ZodType;
  body?: z.ZodType;
  /** The status of a success, and what it holds. */
  success: { status: 200 | 201; description: string };
  /** Other answers specific to the operation (the shared ones are added to every operation). */
  errors?: Partial<Record<409 | 413 | 415 | 422, string>>;
};

const WS = "/workspaces/{workspaceId}";

export const API_V1_OPERATIONS = {
  listMaps: {
    method: "GET",
    path: `${WS}/maps`,
    summary: "List maps",
    description: "The workspace's journey maps with their status and progress toward their interview targets.",
    tag: "Maps",
    permission: "workspace.view",
    params: [],
    query: NoQuery,
    success: { status: 200, description: "`{ maps: [...] }`" },
  },
  getMap: {
    method: "GET",
    path: `${WS}/maps/{mapId}`,
    summary: "Read a map's design",
    description: "The map with its stages, channels and touchpoints in journey order, each touchpoint with its listed expectations.",
    tag: "Maps",
    permission: "map.view",
    params: ["mapId"],
    query: NoQuery,
    success: { status: 200, description: "`{ map, stages, channels, touchpoints }`" },
  },
  getMatrix: {
    method: "GET",
    path: `${WS}/maps/{mapId}/matrix`,
    summary: "Importance-versus-performance matrix",
    description:
      "Every touchpoint's figures and quadrant under the filter, with the crosshair. The filter parameters are the matrix page's: repeat a parameter or separate values with commas.",
    tag: "Analysis",
    permission: "analysis.view",
    params: ["mapId"],
    query: ApiMatrixQuery,
    success: { status: 200, description: "`{ map, interviews, observations, crosshair, points, fixList }`" },
  },
  getFixList: {
    method: "GET",
    path: `${WS}/maps/{mapId}/fix-list`,
    summary: "Fix list",
    description: "The touchpoints to fix first under the filter, ranked as on the matrix page.",
    tag: "Analysis",
    permission: "analysis.view",
    params: ["mapId"],
    query: ApiFilterQuery,
    success: { status: 200, description: "`{ interviews, fixList: [...] }`" },
  },
  getTouchpointFigures: {
    method: "GET",
    path: `${WS}/maps/{mapId}/touchpoints/{touchpointId}`,
    summary: "A touchpoint's figures",
    description: "One touchpoint under the filter: its figures, each expectation's, the feelings and the weekly trend.",
    tag: "Analysis",
    permission: "analysis.view",
    params: ["mapId", "touchpointId"],
    query: ApiFilterQuery,
    success: { status: 200, description: "`{ touchpoint, interviews, figures, expectations, feelings, trend }`" },
  },
  getAsymmetry: {
    method: "GET",
    path: `${WS}/maps/{mapId}/asymmetry`,
    summary: "Basics and delighters",
    description:
      "Every touchpoint's class under the filter (BASIC, PERFORMANCE, DELIGHTER or UNCLASSIFIED) with its impact asymmetry IA, penalty, reward, mean overall feeling per outcome and the size of each outcome group. The filter parameters are the matrix's.",
    tag: "Analysis",
    permission: "analysis.view",
    params: ["mapId"],
    query: ApiFilterQuery,
    success: { status: 200, description: "`{ interviews, observations, theta, minSample, touchpoints: [...] }`" },
  },
  getChangeAlerts: {
    method: "GET",
    path: `${WS}/maps/{mapId}/alerts`,
    summary: "Change alerts",
    description:
      "Each touchpoint's miss rate over the latest 28 days against the 28 days before, with the test's z and its status (WORSENED, IMPROVED or STABLE). The windows end at `to` (default today, UTC) and replace the filter's period; every other filter parameter applies.",
    tag: "Analysis",
    permission: "analysis.view",
    params: ["mapId"],
    query: ApiFilterQuery,
    success: { status: 200, description: "`{ windows, touchpoints: [...], alerts: [...] }`" },
  },
  getConsistency: {
    method: "GET",
    path: `${WS}/maps/{mapId}/consistency`,
    summary: "Channel consistency",
    description:
      "Per stage, the performance of each channel over all its observations under the filter, the spread between the best and worst channel with at least the map's minimum sample, and whether it exceeds the map's threshold.",
    tag: "Analysis",
    permission: "analysis.view",
    params: ["mapId"],
    query: ApiFilterQuery,
    success: { status: 200, description: "`{ interviews, minSample, threshold, stages: [...] }`" },
  },
  getTrends: {
    method: "GET",
    path: `${WS}/maps/{mapId}/trends`,
    summary: "Trends",
    description:
      "Performance, miss rate and n per day, week (from Monday, the default) or month (`by`) under the filter, for the selected touchpoints together and, with `touchpoint`, for that one touchpoint. Buckets without observations are left out.",
    tag: "Analysis",
    permission: "analysis.view",
    params: ["mapId"],
    query: ApiTrendsQuery,
    success: { status: 200, description: "`{ bucket, interviews, map: [...], touchpoint }` (`touchpoint` is null unless asked for)" },
  },
  getOverview: {
    method: "GET",
    path: `${WS}/maps/{mapId}/overview`,
    summary: "Map overview",
    description:
      "The map's summary over all its submitted interviews (no filter): progress toward the interview targets, the period covered, the top of the fix list, the change alerts, the failing basics and the stages whose channels disagree.",
    tag: "Analysis",
    permission: "analysis.view",
    params: ["mapId"],
    query: NoQuery,
    success: { status: 200, description: "`{ map, interviews, observations, period, progress, fixList, failingBasics, changes, consistency }`" },
  },
  listInterviews: {
    method: "GET",
    path: `${WS}/interviews`,
    summary: "List interviews",
    description:
      "Interviews newest first, a page at a time: pass the answer's `nextCursor` as `cursor` for the next page (null on the last). An interviewer's token sees only its creator's interviews.",
    tag: "Interviews",
    permission: "interview.record",
    params: [],
    query: ApiInterviewListQuery,
    success: { status: 200, description: "`{ interviews: [...], nextCursor }`" },
  },
  submitInterview: {
    method: "POST",
    path: `${WS}/interviews`,
    summary: "Submit an interview",
    description:
      "Records a whole interview. Idempotent on `id` (a UUID the caller makes): sending the same id and body again answers 200 with the same interview; the same id with another body answers 409.",
    tag: "Interviews",
    permission: "interview.record",
    params: [],
    body: ApiInterviewSubmission,
    success: { status: 201, description: "`{ interviewId, alreadySubmitted }`; 200 when the same submission was already recorded." },
    errors: { 409: "The id was used for another interview, or the map is not active." },
  },
  getInterview: {
    method: "GET",
    path: `${WS}/interviews/{interviewId}`,
    summary: "Read an interview",
    description: "One interview with its answers by touchpoint.",
    tag: "Interviews",
    permission: "interview.record",
    params: ["interviewId"],
    query: NoQuery,
    success: { status: 200, description: "The interview." },
  },
  voidInterview: {
    method: "POST",
    path: `${WS}/interviews/{interviewId}/void`,
    summary: "Void an interview",
    description: "Marks the interview void with a reason: it stays on record but leaves the analysis.",
    tag: "Interviews",
    permission: "interview.curate",
    params: ["interviewId"],
    body: ApiVoidInterview,
    success: { status: 200, description: "`{ interviewId }`" },
    errors: { 409: "The interview is already void." },
  },
  findRespondents: {
    method: "GET",
    path: `${WS}/respondents`,
    summary: "Find a respondent by code",
    description: "The respondents whose code is the one given (codes are compared without regard to case).",
    tag: "Respondents",
    permission: "respondent.manage",
    params: [],
    query: ApiRespondentQuery,
    success: { status: 200, description: "`{ respondents: [...] }`" },
  },
  createRespondent: {
    method: "POST",
    path: `${WS}/respondents`,
    summary: "Create a respondent",
    description: "A new respondent; a code is generated when none is given.",
    tag: "Respondents",
    permission: "respondent.manage",
    params: [],
    body: ApiCreateRespondent,
    success: { status: 201, description: "`{ id, code }`" },
    errors: { 409: "The code is already used in the workspace." },
  },
} as const satisfies Record<string, ApiOperation>;

export type ApiOperationId = keyof typeof API_V1_OPERATIONS;

/** The error codes of the API's one error shape, by status. */
export const API_ERROR_CODES = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  405: "method_not_allowed",
  415: "unsupported_media_type",
  422: "invalid",
  429: "rate_limited",
} as const;
