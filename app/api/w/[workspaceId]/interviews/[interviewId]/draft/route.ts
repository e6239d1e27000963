// Saves an interview draft as the interviewer goes. A route handler rather than a server
// action: autosaves run in the background, in parallel with navigation, and the last one
// can be sent with `keepalive` while the tab closes. Every answer is JSON: a fetch must never
// receive the sign-in page or an HTML 404.
import { UserError } from "@/lib/errors";
import { workspaceRoute } from "@/lib/api";
import { InterviewDraftSchema } from "@/lib/schemas/interview";
import { saveDraft } from "@/lib/data/interview-capture";

export const PUT = workspaceRoute({
  permission: "interview.record",
  params: ["interviewId"],
  signedOut: "Your session has ended. Sign in again; the draft is kept on this device.",
  body: { maxBytes: 512 * 1024, what: "The draft", tooLarge: "The draft is too large to save." },
  schema: InterviewDraftSchema,
  run: async (ctx, draft, { params }) => {
    if (draft.id !== params.interviewId) throw new UserError("The draft's id does not match the address it was sent to.");
    // An already submitted interview answers 409 with code "submitted": the screen stops saving.
    return saveDraft(ctx, draft);
  },
});
