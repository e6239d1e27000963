import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspace } from "@/lib/workspace";
import { listAttributeFields } from "@/lib/data/attribute-fields";
import { PageHeader } from "@/components/ui/page-header";
import { AttributeFieldsEditor } from "@/components/respondents/attribute-fields-editor";

export const metadata: Metadata = { title: "Respondent attributes" };

export default async function AttributeFieldsPage({ params }: PageProps<"/w/[workspaceId]/respondents/fields">) {
  const { workspaceId } = await params;
  const ctx = await requireWorkspace(workspaceId, "respondent.fields");
  const fields = await listAttributeFields(ctx, { includeArchived: true });
  return (
    <>
      <PageHeader
        eyebrow={<Link href={`/w/${workspaceId}/respondents`}>Respondents</Link>}
        title="Respondent attributes"
        description="Psychographics the workspace records for each respondent (lifestyle, motivation, attitude...), each with its allowed values. They become filters in the analysis."
      />
      <div className="mt-6 max-w-3xl">
        <AttributeFieldsEditor workspaceId={workspaceId} fields={fields} />
      </div>
    </>
  );
}
