import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/lib/workspace";
import { can } from "@/lib/permissions";
import { listAttributeFields } from "@/lib/data/attribute-fields";
import { getRespondent, listSegments } from "@/lib/data/respondents";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { RespondentForm } from "@/components/respondents/respondent-form";
import { ArchiveRespondentButton } from "@/components/respondents/archive-respondent-button";
import { EraseRespondentButton } from "@/components/respondents/erase-respondent-button";
import type { RespondentDetail } from "@/lib/schemas/respondent";

export const metadata: Metadata = { title: "Respondent" };

/** What the page says instead of the contact fields, when it shows none. */
function contactNotice(respondent: RespondentDetail): string | undefined {
  if (respondent.erasedAt) {
    const by = respondent.erasedByName ? ` by ${respondent.erasedByName}` : "";
    return `Personal data erased on request on ${respondent.erasedAt.toISOString().slice(0, 10)}${by}. The code, profile and interviews are kept; contact details cannot be added again.`;
  }
  if (respondent.contact === null) {
    return "Contact details hidden. Only admins, analysts and the interviewer who added or interviewed this respondent see them.";
  }
  return undefined;
}

export default async function RespondentPage({ params }: PageProps<"/w/[workspaceId]/respondents/[respondentId]">) {
  const { workspaceId, respondentId } = await params;
  const ctx = await requireWorkspace(workspaceId, "respondent.manage");
  const respondent = await getRespondent(ctx, respondentId);
  if (!respondent) notFound();
  // Archived fields still show a value the respondent already has.
  const [fields, segments] = await Promise.all([listAttributeFields(ctx, { includeArchived: true }), listSegments(ctx)]);
  const shown = fields.filter((field) => !field.archived || respondent.attributes.some((attribute) => attribute.fieldId === field.id));
  return (
    <>
      <PageHeader
        eyebrow={<Link href={`/w/${workspaceId}/respondents`}>Respondents</Link>}
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{respondent.code}</span>
            {respondent.archived ? <Badge>Archived</Badge> : null}
            {respondent.erased ? <Badge>Erased</Badge> : null}
          </span>
        }
        description={`${respondent.interviews} submitted interview${respondent.interviews === 1 ? "" : "s"}.`}
        actions={
          <>
            {can(ctx.role, "respondent.erase") && !respondent.erased ? (
              <EraseRespondentButton workspaceId={workspaceId} respondentId={respondent.id} code={respondent.code} />
            ) : null}
            <ArchiveRespondentButton workspaceId={workspaceId} respondentId={respondent.id} archived={respondent.archived} />
          </>
        }
      />
      <div className="mt-6 max-w-3xl">
        <RespondentForm
          workspaceId={workspaceId}
          fields={shown}
          segments={segments}
          contactNotice={contactNotice(respondent)}
          respondent={{
            id: respondent.id,
            code: respondent.code,
            lifecycleStage: respondent.lifecycleStage,
            valueTier: respondent.valueTier,
            segment: respondent.segment ?? "",
            attributes: respondent.attributes.map(({ fieldId, optionId }) => ({ fieldId, optionId })),
            contactName: respondent.contact?.name ?? "",
            contactEmail: respondent.contact?.email ?? "",
          }}
        />
      </div>
    </>
  );
}
