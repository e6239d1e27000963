// Sends one interview from the outbox to the submission route and reads the verdict. The same
// route as the capture screen's Submit, with `fromOutbox`, so that an interview whose map was
// closed while it waited is kept on the server as a draft instead of refused.
import type { OutboxItem, SendVerdict } from "./outbox-queue";

export async function sendQueued(item: OutboxItem): Promise<SendVerdict> {
  let response: Response;
  try {
    response = await fetch(`/api/w/${encodeURIComponent(item.workspaceId)}/interviews/${encodeURIComponent(item.id)}/submission`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...item.state, fromOutbox: true }),
      cache: "no-store",
    });
  } catch {
    return { kind: "unreachable", message: "No connection." };
  }
  const body = (await response.json().catch(() => null)) as { error?: string; code?: string; notice?: string } | null;
  if (response.ok && body && body.error === undefined) return { kind: "sent", notice: body.notice ?? null };
  if (response.status === 401) return { kind: "signed-out", message: "Your session has ended: sign in again and the interviews are sent." };
  // A server fault or a proxy's error page (no JSON verdict): nothing was decided, try again later.
  if (response.status >= 500 || !body?.error) return { kind: "unreachable", message: `The server answered ${response.status}.` };
  if (body.code === "held") return { kind: "held", message: body.error };
  return { kind: "refused", message: body.error };
}
