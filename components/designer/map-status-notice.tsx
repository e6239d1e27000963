"use client";

import { useTransition } from "react";
import { setMapStatusAction } from "@/lib/actions/maps";
import type { MapStatus } from "@/lib/schemas/map";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

/** What the map's status means for the designer, with the one step it usually needs next. */
export function MapStatusNotice({ workspaceId, mapId, status }: { workspaceId: string; mapId: string; status: MapStatus }) {
  const toast = useToast();
  const [pending, startTransition] = useTransition();

  function setStatus(next: MapStatus, message: string) {
    startTransition(async () => {
      const result = await setMapStatusAction(workspaceId, { mapId, status: next });
      toast.toast(
        result.ok
          ? { tone: "success", title: message }
          : { tone: "error", title: "The status was not changed", description: result.formError },
      );
    });
  }

  if (status === "ACTIVE") {
    return (
      <p className="text-sm text-fg-muted">
        Active: interviewers record on this map. Design changes apply to the interviews that follow; archived parts keep
        their data.
      </p>
    );
  }
  const draft = status === "DRAFT";
  return (
    <div className="flex flex-col gap-3 rounded-lg border border-border bg-brand-subtle p-3 text-sm sm:flex-row sm:items-center sm:justify-between">
      <p>
        {draft
          ? "Draft: interviewers do not see this map yet. When its touchpoints and expectations are ready, make it active."
          : "Archived: this map is read-only and hidden from interviewers. Its data is kept."}
      </p>
      <Button
        size="sm"
        variant={draft ? "primary" : "secondary"}
        loading={pending}
        onClick={() =>
          draft
            ? setStatus("ACTIVE", "The map is active: interviewers can record on it.")
            : setStatus("DRAFT", "The map is a draft again: you can change its design.")
        }
      >
        {draft ? "Make active" : "Make it a draft again"}
      </Button>
    </div>
  );
}
