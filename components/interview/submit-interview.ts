// Sends a recorded interview to the server. Resolves with the server's verdict; rejects when
// there was no verdict (no connection, a timeout, a server fault), so the caller keeps the
// interview on the device and tries again: the interview id makes a repeat harmless.
import type { ActionResult } from "@/lib/action-result";
import type { InterviewDraft } from "@/lib/schemas/interview";

export type SubmitAnswer = { interviewId: string; alreadySubmitted: boolean };

export async function submitRecordedInterview(workspaceId: string, state: InterviewDraft): Promise<ActionResult<SubmitAnswer>> {
  const response = await fetch(`/api/w/${encodeURIComponent(workspaceId)}/interviews/${encodeURIComponent(state.id)}/submission`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(state),
    cache: "no-store",
  });
  if (response.status >= 500) throw new Error(`The server answered ${response.status}.`);
  const body = (await response.json().catch(() => null)) as
    | (SubmitAnswer & { error?: undefined })
    | { error: string; fieldErrors?: Record<string, string[]> }
    | null;
  if (response.ok && body && body.error === undefined) return { ok: true, data: body };
  if (response.status === 401) {
    return { ok: false, formError: "Your session has ended. Sign in again in another tab; the interview is kept on this device." };
  }
  return {
    ok: false,
    formError: body?.error ?? "The interview could not be submitted.",
    fieldErrors: body && body.error !== undefined ? body.fieldErrors : undefined,
  };
}
