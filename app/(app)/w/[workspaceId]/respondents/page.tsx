import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspace } from "@/lib/workspace";
import { can } from "@/lib/permissions";
import { listAttributeFields } from "@/lib/data/attribute-fields";
import { listRespondents, listSegments } from "@/lib/data/respondents";
import { CONTACT_ERASED, LIFECYCLE_LABELS, LIFECYCLE_STAGES, RespondentSearchSchema, VALUE_TIERS, VALUE_TIER_LABELS } from "@/lib/schemas/respondent";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";

export const metadata: Metadata = { title: "Respondents" };

const PAGE_SIZE = 25;

export default async function RespondentsPage({ params, searchParams }: PageProps<"/w/[workspaceId]/respondents">) {
  const { workspaceId } = await params;
  const ctx = await requireWorkspace(workspaceId, "respondent.manage");
  const raw = await searchParams;
  const filter = RespondentSearchSchema.parse(Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])));
  const [{ rows, total }, fields, segments] = await Promise.all([listRespondents(ctx, filter, PAGE_SIZE), listAttributeFields(ctx), listSegments(ctx)]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const base = `/w/${workspaceId}/respondents`;
  const filtered = Boolean(filter.q || filter.segment || filter.option || filter.lifecycle || filter.tier || filter.archived);

  function pageHref(page: number) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) {
      if (key === "page" || !value) continue;
      query.set(key, value === true ? "1" : String(value));
    }
    query.set("page", String(page));
    return `${base}?${query.toString()}`;
  }

  return (
    <>
      <PageHeader
        title="Respondents"
        description="The people interviewed, known by a code: lifecycle stage, value tier, segment and the workspace's attributes."
        actions={
          <>
            {can(ctx.role, "respondent.fields") ? (
              <Link href={`${base}/fields`} className={buttonClasses("secondary")}>
                Attributes
              </Link>
            ) : null}
            <Link href={`${base}/new`} className={buttonClasses("primary")}>
              Add a respondent
            </Link>
          </>
        }
      />
      <div className="mt-6 flex flex-col gap-6">
        {/* The respondent form comes back here, found by the code, after saving. */}
        {raw.saved === "1" && filter.q ? (
          <p role="status" className="rounded-lg border border-success bg-success-subtle px-4 py-3 font-medium">
            Respondent {filter.q} is saved.
          </p>
        ) : null}
        <form method="get" action={base} aria-label="Find respondents" className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4">
          <div className="flex items-end gap-2">
            <Field label="Code, segment, name or email" className="flex-1">
              {(control) => <Input {...control} type="search" name="q" defaultValue={filter.q} autoComplete="off" />}
            </Field>
            <button type="submit" className={buttonClasses("secondary")}>
              Find
            </button>
          </div>
          {/* The rarer filters fold away on a phone; open when one is in use. */}
          <details open={Boolean(filter.segment || filter.option || filter.lifecycle || filter.tier || filter.archived) || undefined}>
            <summary className="flex min-h-10 cursor-pointer items-center text-sm font-medium">More filters</summary>
            <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
              <Field label="Segment">
                {(control) => (
                  <Select {...control} name="segment" defaultValue={filter.segment}>
                    <option value="">Any</option>
                    {segments.map((segment) => (
                      <option key={segment} value={segment}>
                        {segment}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field label="Attribute">
                {(control) => (
                  <Select {...control} name="option" defaultValue={filter.option}>
                    <option value="">Any</option>
                    {fields.map((field) => (
                      <optgroup key={field.id} label={field.name}>
                        {field.options.map((option) => (
                          <option key={option.id} value={option.id}>
                            {field.name}: {option.value}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </Select>
                )}
              </Field>
              <Field label="Lifecycle stage">
                {(control) => (
                  <Select {...control} name="lifecycle" defaultValue={filter.lifecycle}>
                    <option value="">Any</option>
                    {LIFECYCLE_STAGES.map((stage) => (
                      <option key={stage} value={stage}>
                        {LIFECYCLE_LABELS[stage]}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field label="Value tier">
                {(control) => (
                  <Select {...control} name="tier" defaultValue={filter.tier}>
                    <option value="">Any</option>
                    {VALUE_TIERS.map((tier) => (
                      <option key={tier} value={tier}>
                        {VALUE_TIER_LABELS[tier]}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <label className="flex min-h-10 items-center gap-2 text-sm sm:col-span-2 lg:col-span-4">
                <input type="checkbox" name="archived" value="1" defaultChecked={filter.archived} className="size-4 accent-brand" />
                Archived respondents instead
              </label>
              <div className="sm:col-span-2 lg:col-span-4">
                <button type="submit" className={buttonClasses("secondary")}>
                  Apply filters
                </button>
              </div>
            </div>
          </details>
          {filtered ? (
            <Link href={base} className={buttonClasses("ghost", "md", "self-start")}>
              Clear the search
            </Link>
          ) : null}
        </form>

        {rows.length === 0 ? (
          <EmptyState
            title={filtered ? "Nobody matches" : "No respondents yet"}
            description={filtered ? "Try another code, segment or attribute." : "Add respondents here, or while recording an interview."}
          />
        ) : (
          <Table className="min-w-[40rem]" caption={`${total} respondent${total === 1 ? "" : "s"}${pages > 1 ? `, page ${filter.page} of ${pages}` : ""}`}>
            <THead>
              <Tr>
                <Th>Code</Th>
                <Th>Segment</Th>
                <Th>Lifecycle</Th>
                <Th>Value tier</Th>
                <Th>Attributes</Th>
                <Th>Contact</Th>
                <Th numeric>Interviews</Th>
              </Tr>
            </THead>
            <TBody>
              {rows.map((row) => (
                <Tr key={row.id} data-testid="respondent-row">
                  <Td>
                    <Link href={`${base}/${row.id}`} className="font-mono font-medium text-brand underline">
                      {row.code}
                    </Link>
                    {row.archived ? <Badge className="ml-2">Archived</Badge> : null}
                  </Td>
                  <Td>{row.segment ?? "—"}</Td>
                  <Td>{LIFECYCLE_LABELS[row.lifecycleStage]}</Td>
                  <Td>{VALUE_TIER_LABELS[row.valueTier]}</Td>
                  <Td className="text-fg-muted">{row.attributes.map((attribute) => `${attribute.fieldName}: ${attribute.value}`).join(", ") || "—"}</Td>
                  <Td data-testid="respondent-contact">
                    {row.contact ? (
                      [row.contact.name, row.contact.email].filter(Boolean).join(", ") || "—"
                    ) : (
                      <span className="text-fg-muted">{row.contactHidden === CONTACT_ERASED ? "Erased" : "Hidden"}</span>
                    )}
                  </Td>
                  <Td numeric>{row.interviews}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        {pages > 1 ? (
          <nav aria-label="Respondent pages" className="flex items-center gap-4 text-sm">
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
