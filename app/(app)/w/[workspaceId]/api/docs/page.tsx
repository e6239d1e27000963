import type { Metadata } from "next";
import { requireWorkspace } from "@/lib/workspace";
import { PageHeader } from "@/components/ui/page-header";
import { ApiReference } from "@/components/api/api-reference";

export const metadata: Metadata = { title: "API documentation" };

export default async function ApiDocsPage({ params }: PageProps<"/w/[workspaceId]/api/docs">) {
  const { workspaceId } = await params;
  await requireWorkspace(workspaceId, "workspace.view");
  return (
    <>
      <PageHeader title="API documentation" description="Every operation of /api/v1, generated from the same description as /api/v1/openapi.json." />
      <ApiReference workspaceId={workspaceId} />
    </>
  );
}
