"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import type { ImportView } from "@/lib/types/imports";
import { cancelImportAction } from "@/lib/actions/imports";
import { Button } from "@/components/ui/button";
import { progressPercent, progressSummary } from "@/components/import/progress-text";

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

  const percent = progressPercent(view);
  const summary = progressSummary(view);
  return (
    <section aria-labelledby="progress-heading" className="flex flex-col gap-3">
      <h2 id="progress-heading" className="text-lg font-semibold">
        {view.status === "QUEUED" ? "Waiting to start" : "Importing"} {view.fileName}
      </h2>
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={summary}
        className="h-3 w-full overflow-hidden rounded-full border border-border-strong bg-surface-sunken"
      >
        <div className="h-full rounded-full bg-brand transition-[width] duration-700" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm tabular-nums" aria-live="polite" data-testid="import-progress-summary">
        {summary}
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
