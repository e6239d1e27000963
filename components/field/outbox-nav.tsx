"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { plural } from "@/lib/plural";
import { useOutboxItems, useOutboxSender } from "./use-outbox";
import { useConnection, useConnectionProbe } from "./connection";

/**
 * The capture app in the navigation, with the number of interviews waiting in the outbox, and
 * what sends them. Without a connection, a line says which pages still work.
 */
export function OutboxNav({ workspaceId, userId }: { workspaceId: string; userId: string }) {
  useOutboxSender(userId, workspaceId);
  useConnectionProbe();
  const items = useOutboxItems(userId, workspaceId);
  const online = useConnection();
  const pathname = usePathname();
  const href = `/w/${workspaceId}/capture`;
  const waiting = items?.filter((item) => item.status === "waiting").length ?? 0;
  const refused = items?.filter((item) => item.status === "refused").length ?? 0;
  const count = waiting + refused;
  return (
    <>
      <Link
        href={href}
        aria-current={pathname === href ? "page" : undefined}
        className={cn(
          "inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium",
          pathname === href ? "bg-surface-sunken text-fg" : "text-fg-muted hover:bg-surface-muted hover:text-fg",
        )}
        data-testid="capture-nav"
      >
        Capture
        {count > 0 ? (
          <span className="rounded-full bg-brand px-2 py-0.5 text-xs font-semibold text-white" data-testid="outbox-count">
            {count}
            <span className="sr-only"> {count === 1 ? "interview" : "interviews"} in the outbox</span>
          </span>
        ) : null}
      </Link>
      {online ? null : (
        <p role="status" className="basis-full rounded-md border border-border-strong bg-surface-muted px-3 py-2 text-sm" data-testid="offline-banner">
          You are offline. Recording interviews works in Capture{waiting > 0 ? ` (${plural(waiting, "interview")} waiting to be sent)` : ""}; the other pages need a
          connection.
        </p>
      )}
    </>
  );
}
