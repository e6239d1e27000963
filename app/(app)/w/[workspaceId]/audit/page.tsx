import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspace } from "@/lib/workspace";
import { listAuditEntries, listAuditFilterOptions } from "@/lib/data/audit";
import { AUDIT_KINDS, auditSentence, type AuditKind } from "@/lib/audit/sentence";
import { AuditFilterSchema, auditFilterQuery } from "@/lib/schemas/audit";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { FilterActions } from "@/components/ui/filter-actions";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;

/** An entry's stored before or after, as indented JSON for the folded details. */
function raw(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return JSON.stringify(value, null, 2);
}

function when(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export default async function AuditPage({ params, searchParams }: PageProps<"/w/[workspaceId]/audit">) {
  const { workspaceId } = await params;
  const ctx = await requireWorkspace(workspaceId, "audit.view");
  const filter = AuditFilterSchema.parse(await searchParams);
  const [{ entries, total }, options] = await Promise.all([
    listAuditEntries(ctx, { ...filter, pageSize: PAGE_SIZE }),
    listAuditFilterOptions(ctx),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const base = `/w/${workspaceId}/audit`;
  const filtered = Boolean(filter.actor || filter.kind || filter.map || filter.from || filter.to);

  return (
    <>
      <PageHeader title="Audit log" description="Who changed the map design, interview data and membership, and when." />
      <div className="mt-6 flex flex-col gap-6">
        <form method="get" action={base} aria-label="Filter the audit log" className="grid gap-3 rounded-lg border border-border bg-surface p-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
          <Field label="Who">
            {(control) => (
              <Select {...control} name="actor" defaultValue={filter.actor ?? ""}>
                <option value="">Anyone</option>
                {options.actors.map((actor) => (
                  <option key={actor.id} value={actor.id}>
                    {actor.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="What">
            {(control) => (
              <Select {...control} name="kind" defaultValue={filter.kind ?? ""}>
                <option value="">Everything</option>
                {(Object.keys(AUDIT_KINDS) as AuditKind[]).map((kind) => (
                  <option key={kind} value={kind}>
                    {AUDIT_KINDS[kind].label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Map">
            {(control) => (
              <Select {...control} name="map" defaultValue={filter.map ?? ""}>
                <option value="">Any map, or none</option>
                {options.maps.map((map) => (
                  <option key={map.id} value={map.id}>
                    {map.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="From (UTC)" error={filter.periodError}>
            {(control) => <Input {...control} type="date" name="from" defaultValue={filter.from} />}
          </Field>
          <Field label="To (UTC)">{(control) => <Input {...control} type="date" name="to" defaultValue={filter.to} />}</Field>
          <FilterActions clearHref={base} filtered={filtered} className="sm:col-span-2 lg:col-span-5" />
        </form>

        {entries.length === 0 ? (
          <EmptyState
            title={filtered ? "No entry matches" : "Nothing recorded yet"}
            description={filtered ? "Try other filters." : "Changes to maps, interviews and members appear here."}
          />
        ) : (
          <section aria-labelledby="audit-list-heading">
            <h2 id="audit-list-heading" className="mb-2 text-sm text-fg-muted">
              {total} entr{total === 1 ? "y" : "ies"}, newest first{pages > 1 ? `, page ${filter.page} of ${pages}` : ""}
            </h2>
            <ol className="flex flex-col divide-y divide-border rounded-lg border border-border bg-surface" data-testid="audit-list">
              {entries.map((entry) => {
                const before = raw(entry.before);
                const after = raw(entry.after);
                return (
                  <li key={entry.id} className="flex flex-col gap-1 p-3 sm:flex-row sm:gap-4" data-testid="audit-entry">
                    <time dateTime={entry.createdAt.toISOString()} className="shrink-0 text-sm text-fg-muted tabular-nums sm:w-40">
                      {when(entry.createdAt)}
                    </time>
                    <div className="min-w-0 flex-1">
                      <p className="break-words" data-testid="audit-sentence">
                        {auditSentence(entry)}
                      </p>
                      <details className="mt-1 text-sm">
                        <summary className="cursor-pointer text-fg-muted">Details</summary>
                        <dl className="mt-2 grid gap-x-4 gap-y-1 text-xs sm:grid-cols-[auto_1fr]">
                          <dt className="text-fg-muted">Kind</dt>
                          <dd>
                            <code>{entry.action}</code> on <code>{entry.entityType}</code> <code className="break-all">{entry.entityId}</code>
                          </dd>
                          {before ? (
                            <>
                              <dt className="text-fg-muted">Before</dt>
                              <dd>
                                <pre className="overflow-x-auto whitespace-pre-wrap break-all">{before}</pre>
                              </dd>
                            </>
                          ) : null}
                          {after ? (
                            <>
                              <dt className="text-fg-muted">After</dt>
                              <dd>
                                <pre className="overflow-x-auto whitespace-pre-wrap break-all">{after}</pre>
                              </dd>
                            </>
                          ) : null}
                        </dl>
                      </details>
                    </div>
                  </li>
                );
              })}
            </ol>
          </section>
        )}
        {pages > 1 && (
          <nav aria-label="Audit log pages" className="flex items-center gap-4 text-sm">
            {filter.page > 1 && <Link href={`${base}${auditFilterQuery({ ...filter, page: filter.page - 1 })}`}>Newer</Link>}
            <span>
              Page {filter.page} of {pages}
            </span>
            {filter.page < pages && <Link href={`${base}${auditFilterQuery({ ...filter, page: filter.page + 1 })}`}>Older</Link>}
          </nav>
        )}
      </div>
    </>
  );
}
