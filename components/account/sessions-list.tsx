"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/auth/form-error";
import { LocalTime } from "@/components/interview/local-time";
import { useActionForm } from "@/components/ui/use-action-form";
import { endSessionAction } from "@/lib/actions/account";
import { EndSessionSchema } from "@/lib/schemas/auth";
import type { AccountSession } from "@/lib/types/account";

function EndSessionForm({ session }: { session: AccountSession }) {
  const form = useActionForm(endSessionAction, { schema: EndSessionSchema });
  return (
    <form {...form.props} className="flex flex-col items-end gap-1">
      <input type="hidden" name="sessionId" value={session.id} />
      <Button type="submit" variant={session.current ? "secondary" : "danger"} size="sm" loading={form.pending}>
        {session.current ? "Sign out here" : "End session"}
      </Button>
      <FormError message={form.formError} />
    </form>
  );
}

/** The person's active sessions: device, when it started, when it was last seen; any can be ended. */
export function SessionsList({ sessions }: { sessions: AccountSession[] }) {
  return (
    <ul className="divide-y divide-border" aria-label="Active sessions">
      {sessions.map((session) => (
        <li key={session.id} data-testid="session-row" className="flex flex-wrap items-center justify-between gap-3 py-3">
          <div className="min-w-0">
            <p className="font-medium">
              {session.device} {session.current && <Badge>This device</Badge>}
            </p>
            <p className="text-sm text-fg-muted">
              Signed in <LocalTime iso={session.createdAt} />, last seen <LocalTime iso={session.lastSeenAt} />
            </p>
          </div>
          <EndSessionForm session={session} />
        </li>
      ))}
    </ul>
  );
}
