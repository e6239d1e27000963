"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { undoImportAction } from "@/lib/actions/imports";
import { Button } from "@/components/ui/button";

/** Undoes an import after a confirmation: its interviews are made void, never deleted. */
export function UndoImportButton({ workspaceId, importId, interviews }: { workspaceId: string; importId: string; interviews: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button
          variant="danger"
          disabled={pending}
          onClick={() => {
            if (!window.confirm(`Make the ${interviews.toLocaleString("en")} interviews of this import void? They stay on record and leave every figure.`)) return;
            startTransition(async () => {
              const result = await undoImportAction(workspaceId, { importId });
              if (!result.ok) setError(result.formError ?? "The import could not be undone.");
              else router.refresh();
            });
          }}
        >
          Undo this import
        </Button>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
