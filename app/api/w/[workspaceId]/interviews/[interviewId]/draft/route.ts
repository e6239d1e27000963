// Saves an interview draft as the interviewer goes. A route handler rather than a server
// action: autosaves run in the background, in parallel with navigation, and the last one
// can be sent with `keepalive` while the tab closes.
import { UserError, zodFieldErrors } from "@/lib/errors";
import { requireWorkspace, type WorkspaceContext } from "@/lib/workspace";
import { readJsonBody } from "@/lib/api";
import { InterviewDraftSchema } from "@/lib/schemas/interview";
import { ALREADY_SUBMITTED, saveDraft } from "@/lib/data/interview-capture";

const MAX_BYTES = 512 * 1024;

function problem(status: number, error: string, extra: Record<string, unknown> = {}) {
  return Response.json({ error, ...extra }, { status, headers: { "Cache-Control": "no-store" } });
}

/** The guard, answering in JSON: a fetch must never receive the sign-in page or an HTML 404. */
async function guard(workspaceId: string): Promise<WorkspaceContext | Response> {
  try {
    return await requireWorkspace(workspaceId, "interview.record");
  } catch (error) {
    const digest = String((error as { digest?: unknown } | null)?.digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return problem(401, "Your session has ended. Sign in again; the draft is kept on this device.");
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return problem(404, "Not found.");
    throw error;
  }
}

export async function PUT(request: Request, context: RouteContext<"/api/w/[workspaceId]/interviews/[interviewId]/draft">) {
  const { workspaceId, interviewId } = await context.params;
  const ctx = await guard(workspaceId);
  if (ctx instanceof Response) return ctx;

  const read = await readJsonBody(request, { maxBytes: MAX_BYTES, what: "The draft", tooLarge: "The draft is too large to save." });
  if (read.response) return read.response;
  const { body } = read;
  const parsed = InterviewDraftSchema.safeParse(body);
  if (!parsed.success) {
    return problem(400, parsed.error.issues[0]?.message ?? "The draft is not valid.", { fieldErrors: zodFieldErrors(parsed.error) });
  }
  if (parsed.data.id !== interviewId) return problem(400, "The draft's id does not match the address it was sent to.");

  try {
    const result = await saveDraft(ctx, parsed.data);
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof UserError) {
      const code = error.message === ALREADY_SUBMITTED ? "submitted" : undefined;
      return problem(error.status, error.message, { ...(code ? { code } : {}), ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) });
    }
    throw error;
  }
}
