import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspace } from "@/lib/workspace";
import { PageHeader } from "@/components/ui/page-header";
import { NewMapForm } from "@/components/designer/new-map-form";

export const metadata: Metadata = { title: "New journey map" };

export default async function NewMapPage({ params, searchParams }: PageProps<"/w/[workspaceId]/maps/new">) {
  const { workspaceId } = await params;
  await requireWorkspace(workspaceId, "map.design");
  const template = (await searchParams).template;
  return (
    <>
      <PageHeader
        className="mb-6"
        eyebrow={
          <Link href={`/w/${workspaceId}`} className="hover:underline">
            Journey maps
          </Link>
        }
        title="New journey map"
        description="One map is one customer journey: its stages as columns, the channels customers use as rows, and the touchpoints where they meet you."
      />
      <NewMapForm workspaceId={workspaceId} initialTemplate={typeof template === "string" ? template : undefined} />
    </>
  );
}
