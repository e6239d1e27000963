import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspace } from "@/lib/workspace";
import { listRecordableMaps } from "@/lib/data/interview-capture";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClasses } from "@/components/ui/button";
import { StartInterview } from "@/components/interview/start-interview";

export const metadata: Metadata = { title: "Record an interview" };

export default async function NewInterviewPage({ params, searchParams }: PageProps<"/w/[workspaceId]/interviews/new">) {
  const { workspaceId } = await params;
  const ctx = await requireWorkspace(workspaceId, "interview.record");
  const maps = await listRecordableMaps(ctx);
  const requested = (await searchParams).map;
  const chosen = typeof requested === "string" ? maps.find((map) => map.id === requested) : undefined;
  if (chosen) return <StartInterview workspaceId={workspaceId} mapId={chosen.id} />;

  return (
    <>
      <PageHeader
        eyebrow={<Link href={`/w/${workspaceId}/interviews`}>Interviews</Link>}
        title="Record an interview"
        description={
          typeof requested === "string"
            ? "That map is not open for interviews. Choose one of the active maps."
            : "Choose the journey map the interview is about."
        }
      />
      {maps.length === 0 ? (
        <EmptyState
          className="mt-6"
          title="No active maps"
          description="Interviews are recorded on active maps. An analyst makes a map active once its touchpoints and expectations are ready."
        />
      ) : (
        <ul className="mt-6 grid gap-3 sm:grid-cols-2">
          {maps.map((map) => (
            <li key={map.id} className="flex flex-col gap-2 rounded-lg border border-border bg-surface p-4">
              <h2 className="font-semibold">{map.name}</h2>
              {map.description ? <p className="line-clamp-2 text-sm text-fg-muted">{map.description}</p> : null}
              <Link href={`/w/${workspaceId}/interviews/new?map=${map.id}`} className={buttonClasses("primary", "md", "mt-auto self-start")}>
                Record on {map.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
