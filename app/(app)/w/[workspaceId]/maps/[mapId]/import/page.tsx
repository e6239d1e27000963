import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/lib/workspace";
import { getMapHeader } from "@/lib/data/maps";
import { importLimits, listImports } from "@/lib/data/imports";
import { PageHeader } from "@/components/ui/page-header";
import { UploadForm } from "@/components/import/upload-form";
import { ImportHistory } from "@/components/import/import-history";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage({ params }: PageProps<"/w/[workspaceId]/maps/[mapId]/import">) {
  const { workspaceId, mapId } = await params;
  const ctx = await requireWorkspace(workspaceId, "data.import");
  const map = await getMapHeader(ctx, mapId);
  if (!map) notFound();
  const history = await listImports(ctx, mapId);
  return (
    <>
      <PageHeader
        title="Import interviews"
        description="Bring interview results in from a spreadsheet or a survey tool (Qualtrics, Google Forms, SurveyMonkey) as a CSV file. A file lands whole or not at all."
      />
      <UploadForm workspaceId={workspaceId} mapId={mapId} maxMegabytes={importLimits.maxMegabytes} />
      <section aria-labelledby="history-heading" className="mt-8 flex flex-col gap-3">
        <h2 id="history-heading" className="text-lg font-semibold">
          Import history
        </h2>
        {history.length === 0 ? (
          <p className="text-sm text-fg-muted">Nothing has been imported into this map yet.</p>
        ) : (
          <ImportHistory imports={history} hrefFor={(id) => `/w/${workspaceId}/maps/${mapId}/import/${id}`} />
        )}
      </section>
      <p className="mt-6 text-sm">
        <Link className="underline" href={`/w/${workspaceId}/maps/${mapId}/matrix`}>
          Back to the priority matrix
        </Link>
      </p>
    </>
  );
}
