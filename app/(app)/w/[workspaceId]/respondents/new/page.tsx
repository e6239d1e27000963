import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspace } from "@/lib/workspace";
import { listAttributeFields } from "@/lib/data/attribute-fields";
import { listSegments } from "@/lib/data/respondents";
import { PageHeader } from "@/components/ui/page-header";
import { RespondentForm } from "@/components/respondents/respondent-form";

export const metadata: Metadata = { title: "Add a respondent" };

export default async function NewRespondentPage({ params }: PageProps<"/w/[workspaceId]/respondents/new">) {
  const { workspaceId } = await params;
  const ctx = await requireWorkspace(workspaceId, "respondent.manage");
  const [fields, segments] = await Promise.all([listAttributeFields(ctx), listSegments(ctx)]);
  return (
    <>
      <PageHeader
        eyebrow={<Link href={`/w/${workspaceId}/respondents`}>Respondents</Link>}
        title="Add a respondent"
        description="Respondents are pseudonymous: a code, never a name unless you choose to keep contact details."
      />
      <div className="mt-6 max-w-3xl">
        <RespondentForm workspaceId={workspaceId} fields={fields} segments={segments} />
      </div>
    </>
  );
}
