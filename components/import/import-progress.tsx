"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import type { ImportView } from "@/lib/types/imports";
import { cancelImportAction } from "@/lib/actions/imports";
import { Button } from "@/components/ui/button";

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${seconds % 60} s`;
}

/** A running import's progress, asked for every second until it ends; the page then shows the outcome. */
export function ImportProgress({ workspaceId, initial }: { workspaceId: string; initial: ImportView }) {
  const router = useRouter();
  const [view, setView] = useState(initial);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/w/${workspaceId}/imports/${initial.id}`, { cache: "no-store" }).catch(() => null);
      if (!response?.ok || stopped) return;
      const next = (await response.json()) as ImportView;
      setView(next);
      if (next.status !== "QUEUED" && next.status !== "RUNNING") {
        stopped = true;
        clearInterval(timer);
        router.refresh();
      }
    }, 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [workspaceId, initial.id, router]);

  const percent = view.fileSize > 0 ? Math.min(100, Math.round((view.bytesDone / view.fileSize) * 100)) : 0;
  return (
    <section aria-labelledby="progress-heading" className="flex flex-col gap-3">
      <h2 id="progress-heading" className="text-lg font-semibold">
        {view.status === "QUEUED" ? "Waiting to start" : "Importing"} {view.fileName}
      </h2>
      <progress className="h-3 w-full" max={100} value={percent} aria-label="Import progress" aria-valuetext={`${percent}%`} />
      <p className="text-sm" aria-live="polite">
        {percent}% · {view.rowsDone.toLocaleString("en")} rows read
        {view.rowsPerSecond !== null && ` · ${view.rowsPerSecond.toLocaleString("en")} rows/s`}
        {view.secondsLeft !== null && ` · about ${duration(view.secondsLeft)} left`}
      </p>
      <p className="text-sm text-fg-muted">The import goes on if you leave this page; its outcome is kept in the map&apos;s import history.</p>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <div>
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await cancelImportAction(workspaceId, { importId: view.id });
              if (!result.ok) setError(result.formError ?? "The import could not be stopped.");
            })
          }
        >
          Stop the import
        </Button>
      </div>
    </section>
  );
}
