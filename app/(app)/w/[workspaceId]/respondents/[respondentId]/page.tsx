import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/lib/workspace";
import { listAttributeFields } from "@/lib/data/attribute-fields";
import { getRespondent, listSegments } from "@/lib/data/respondents";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { RespondentForm } from "@/components/respondents/respondent-form";
import { ArchiveRespondentButton } from "@/components/respondents/archive-respondent-button";

export const metadata: Metadata = { title: "Respondent" };

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
          </span>
        }
        description={`${respondent.interviews} submitted interview${respondent.interviews === 1 ? "" : "s"}.`}
        actions={<ArchiveRespondentButton workspaceId={workspaceId} respondentId={respondent.id} archived={respondent.archived} />}
      />
      <div className="mt-6 max-w-3xl">
        <RespondentForm
          workspaceId={workspaceId}
          fields={shown}
          segments={segments}
          respondent={{
            id: respondent.id,
            code: respondent.code,
            lifecycleStage: respondent.lifecycleStage,
            valueTier: respondent.valueTier,
            segment: respondent.segment ?? "",
            attributes: respondent.attributes.map(({ fieldId, optionId }) => ({ fieldId, optionId })),
            contactName: respondent.contactName ?? "",
            contactEmail: respondent.contactEmail ?? "",
          }}
        />
      </div>
    </>
  );
}
