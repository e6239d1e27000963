import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/lib/workspace";
import { getImport, getImportPreview } from "@/lib/data/imports";
import { PageHeader } from "@/components/ui/page-header";
import { MappingForm } from "@/components/import/mapping-form";
import { ImportProgress } from "@/components/import/import-progress";
import { UndoImportButton } from "@/components/import/undo-import-button";
import { IMPORT_STATUS_LABELS } from "@/components/import/import-history";

export const metadata: Metadata = { title: "Import" };

export default async function ImportJobPage({ params }: PageProps<"/w/[workspaceId]/maps/[mapId]/import/[importId]">) {
  const { workspaceId, mapId, importId } = await params;
  const ctx = await requireWorkspace(workspaceId, "data.import");
  const view = await getImport(ctx, importId);
  if (!view || view.mapId !== mapId) notFound();
  const base = `/w/${workspaceId}/maps/${mapId}`;
  const mappable = view.status === "UPLOADED" || view.status === "FAILED" || view.status === "CANCELLED";
  const preview = mappable ? await getImportPreview(ctx, importId).catch(() => null) : null;

  return (
    <>
      <PageHeader title={`Import: ${view.fileName}`} description={IMPORT_STATUS_LABELS[view.status]} />
      {(view.status === "QUEUED" || view.status === "RUNNING") && <ImportProgress workspaceId={workspaceId} initial={view} />}

      {(view.status === "SUCCEEDED" || view.status === "UNDONE") && (
        <section aria-labelledby="result-heading" className="mb-6 flex flex-col gap-3">
          <h2 id="result-heading" className="text-lg font-semibold">
            {view.status === "SUCCEEDED" ? "Imported" : "Undone"}
          </h2>
          <p role="status">
            {view.interviewsAdded.toLocaleString("en")} interviews and {view.observationsAdded.toLocaleString("en")} observations added from{" "}
            {view.rowsDone.toLocaleString("en")} rows.
            {view.message ? ` ${view.message}` : ""}
            {view.status === "UNDONE" && " The import was undone: its interviews are void."}
          </p>
          {view.canUndo && <UndoImportButton workspaceId={workspaceId} importId={view.id} interviews={view.interviewsAdded} />}
          <p>
            <Link className="underline" href={`${base}/matrix`}>
              See the priority matrix
            </Link>
          </p>
        </section>
      )}

      {(view.status === "FAILED" || view.status === "CANCELLED") && (
        <section aria-labelledby="problems-heading" className="mb-6 flex flex-col gap-3">
          <h2 id="problems-heading" className="text-lg font-semibold">
            Nothing was imported
          </h2>
          <p role="status">{view.message}</p>
          {view.badRows > 0 && (
            <>
              <div className="overflow-x-auto">
                <table className="min-w-full text-sm">
                  <caption className="sr-only">The first bad rows</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="p-2 text-left">
                        Line
                      </th>
                      <th scope="col" className="p-2 text-left">
                        Column
                      </th>
                      <th scope="col" className="p-2 text-left">
                        Problem
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {view.problems.map((problem, index) => (
                      <tr key={index} className="border-t border-border">
                        <td className="p-2 tabular-nums">{problem.line}</td>
                        <td className="p-2">{problem.column}</td>
                        <td className="p-2">{problem.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p>
                <a className="underline" href={`/api/w/${workspaceId}/imports/${view.id}/report`} download>
                  Download every bad row (CSV)
                </a>
              </p>
            </>
          )}
          <p className="text-sm">Correct the mapping below and import again, or correct the file and upload it again.</p>
        </section>
      )}

      {mappable && preview && <MappingForm workspaceId={workspaceId} preview={preview} />}
      <p className="mt-6 text-sm">
        <Link className="underline" href={`${base}/import`}>
          All imports into this map
        </Link>
      </p>
    </>
  );
}
