import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspace } from "@/lib/workspace";
import { listAuditEntries } from "@/lib/data/audit";
import { pageNumberOf } from "@/lib/schemas/page-number";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;

function describe(value: unknown): string {
  if (value === null || value === undefined) return "";
  return Object.entries(value as Record<string, unknown>)
    .map(([key, v]) => `${key}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join(", ");
}

export default async function AuditPage({ params, searchParams }: PageProps<"/w/[workspaceId]/audit">) {
  const { workspaceId } = await params;
  const ctx = await requireWorkspace(workspaceId, "audit.view");
  const page = pageNumberOf((await searchParams).page);
  const { entries, total } = await listAuditEntries(ctx, { page, pageSize: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <>
      <PageHeader title="Audit log" description="Who changed the map design, interview data and membership, and when." />
      {entries.length === 0 ? (
        <EmptyState title="Nothing recorded yet" description="Changes to maps, interviews and members appear here." />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-border bg-surface">
          <table className="w-full text-sm">
            <caption className="sr-only">Audit log entries, newest first</caption>
            <thead className="bg-surface-muted text-left">
              <tr>
                <th scope="col" className="p-3 font-medium">When</th>
                <th scope="col" className="p-3 font-medium">Who</th>
                <th scope="col" className="p-3 font-medium">What</th>
                <th scope="col" className="p-3 font-medium">Details</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} className="border-t border-border align-top">
                  <td className="whitespace-nowrap p-3">{entry.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
                  <td className="p-3">{entry.actorName ?? "System"}</td>
                  <td className="p-3">
                    <code>{entry.action}</code> <span className="text-fg-muted">{entry.entityType}</span>
                  </td>
                  <td className="max-w-md break-words p-3 text-fg-muted">
                    {[describe(entry.before) && `before ${describe(entry.before)}`, describe(entry.after) && `after ${describe(entry.after)}`]
                      .filter(Boolean)
                      .join("; ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label="Audit log pages" className="mt-4 flex items-center gap-4 text-sm">
          {page > 1 && <Link href={`?page=${page - 1}`}>Newer</Link>}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages && <Link href={`?page=${page + 1}`}>Older</Link>}
        </nav>
      )}
    </>
  );
}
