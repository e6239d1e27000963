import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspace } from "@/lib/workspace";
import { can } from "@/lib/permissions";
import { listInterviewFilterOptions, listInterviews } from "@/lib/data/interviews";
import { INTERVIEW_STATUSES, InterviewListFilterSchema, MODE_LABELS, STATUS_LABELS, type InterviewStatus } from "@/lib/schemas/interview";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { LocalDrafts } from "@/components/interview/local-drafts";
import { LocalTime } from "@/components/interview/local-time";
import { formatDay } from "@/components/interview/format";
import { FilterActions } from "@/components/ui/filter-actions";

export const metadata: Metadata = { title: "Interviews" };

const PAGE_SIZE = 25;
const STATUS_TONE: Record<InterviewStatus, BadgeTone> = { DRAFT: "neutral", SUBMITTED: "exceeded", VOID: "missed" };

export default async function InterviewsPage({ params, searchParams }: PageProps<"/w/[workspaceId]/interviews">) {
  const { workspaceId } = await params;
  const ctx = await requireWorkspace(workspaceId, "interview.record");
  const raw = await searchParams;
  const filter = InterviewListFilterSchema.parse(Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])));
  const curate = can(ctx.role, "interview.curate");
  const [{ rows, total }, options] = await Promise.all([listInterviews(ctx, filter, { pageSize: PAGE_SIZE }), listInterviewFilterOptions(ctx)]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const base = `/w/${workspaceId}/interviews`;
  const filtered = Boolean(filter.map || filter.status || filter.interviewer || filter.from || filter.to);

  function pageHref(page: number) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) if (key !== "page" && value) query.set(key, String(value));
    query.set("page", String(page));
    return `${base}?${query.toString()}`;
  }

  return (
    <>
      <PageHeader
        title="Interviews"
        description={curate ? "Every interview of the workspace: drafts, submitted and void." : "Your interviews: drafts and submitted ones. You can correct your own within 24 hours of submitting."}
        actions={
          <Link href={`${base}/new`} className={buttonClasses("primary")}>
            Record an interview
          </Link>
        }
      />
      <div className="mt-6 flex flex-col gap-6">
        <LocalDrafts workspaceId={workspaceId} userId={ctx.userId} />

        {/* Folded on a phone so the list comes first; open whenever a filter is in use. */}
        <details open={filtered || undefined} className="rounded-lg border border-border bg-surface">
          <summary className="flex min-h-11 cursor-pointer items-center px-4 text-sm font-medium">
            Filters{filtered ? " (in use)" : ""}
          </summary>
          <form method="get" action={base} className="grid gap-3 border-t border-border p-4 sm:grid-cols-2 lg:grid-cols-6 lg:items-end" aria-label="Filter interviews">
            <Field label="Map" className="lg:col-span-2">
              {(control) => (
                <Select {...control} name="map" defaultValue={filter.map}>
                  <option value="">All maps</option>
                  {options.maps.map((map) => (
                    <option key={map.id} value={map.id}>
                      {map.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label="Status">
              {(control) => (
                <Select {...control} name="status" defaultValue={filter.status}>
                  <option value="">Any</option>
                  {INTERVIEW_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {STATUS_LABELS[status]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            {curate ? (
              <Field label="Interviewer">
                {(control) => (
                  <Select {...control} name="interviewer" defaultValue={filter.interviewer}>
                    <option value="">Anyone</option>
                    {options.interviewers.map((user) => (
                      <option key={user.id} value={user.id}>
                        {user.name}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
            ) : null}
            <Field label="From">{(control) => <Input {...control} type="date" name="from" defaultValue={filter.from} />}</Field>
            <Field label="To">{(control) => <Input {...control} type="date" name="to" defaultValue={filter.to} />}</Field>
            <FilterActions clearHref={base} filtered={filtered} className="sm:col-span-2 lg:col-span-6" />
          </form>
        </details>

        {rows.length === 0 ? (
          <EmptyState
            title={filtered ? "No interview matches" : "No interviews yet"}
            description={filtered ? "Try other filters." : "Interviews you record appear here, drafts included."}
            action={
              filtered ? undefined : (
                <Link href={`${base}/new`} className={buttonClasses("primary")}>
                  Record an interview
                </Link>
              )
            }
          />
        ) : (
          <section aria-labelledby="interview-list-heading">
            <h2 id="interview-list-heading" className="mb-2 text-sm text-fg-muted">
              {total} interview{total === 1 ? "" : "s"}
              {pages > 1 ? `, page ${filter.page} of ${pages}` : ""}
            </h2>
            <ul className="flex flex-col divide-y divide-border rounded-lg border border-border bg-surface" data-testid="interview-list">
              {rows.map((row) => (
                <li key={row.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between sm:gap-4" data-testid="interview-row">
                  <div className="min-w-0">
                    <Link href={row.status === "DRAFT" && row.own ? `${base}/${row.id}/capture` : `${base}/${row.id}`} className="font-medium text-brand underline">
                      {formatDay(row.conductedOn)} · {row.respondent ?? "No respondent yet"}
                    </Link>
                    <p className="text-sm text-fg-muted">
                      {row.mapName} · {MODE_LABELS[row.mode]}
                      {row.segment ? ` · ${row.segment}` : ""}
                      {curate ? ` · ${row.interviewerName}` : ""}
                      {row.status !== "DRAFT" ? ` · ${row.observations} observation${row.observations === 1 ? "" : "s"}` : ""}
                    </p>
                    {row.editUntil && row.canEdit ? (
                      <p className="text-xs text-fg-muted">
                        Correctable until <LocalTime iso={row.editUntil.toISOString()} />
                      </p>
                    ) : null}
                  </div>
                  <div className="flex shrink-0 items-center gap-2">
                    <Badge tone={STATUS_TONE[row.status]}>{STATUS_LABELS[row.status]}</Badge>
                    {row.status === "DRAFT" && row.own ? (
                      <Link href={`${base}/${row.id}/capture`} className={buttonClasses("secondary", "sm")}>
                        Continue<span className="sr-only"> the interview of {formatDay(row.conductedOn)}</span>
                      </Link>
                    ) : null}
                    {row.canEdit ? (
                      <Link href={`${base}/${row.id}/edit`} className={buttonClasses("ghost", "sm")}>
                        Correct<span className="sr-only"> the interview of {formatDay(row.conductedOn)}</span>
                      </Link>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        )}

        {pages > 1 ? (
          <nav aria-label="Interview pages" className="flex items-center gap-4 text-sm">
            {filter.page > 1 ? <Link href={pageHref(filter.page - 1)}>Previous page</Link> : null}
            <span>
              Page {filter.page} of {pages}
            </span>
            {filter.page < pages ? <Link href={pageHref(filter.page + 1)}>Next page</Link> : null}
          </nav>
        ) : null}
      </div>
    </>
  );
}
