"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";

/**
 * Sends the chosen file as the request body (the browser streams it from disk), then opens the
 * mapping step.
 */
export function UploadForm({ workspaceId, mapId, maxMegabytes }: { workspaceId: string; mapId: string; maxMegabytes: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = (event.currentTarget.elements.namedItem("file") as HTMLInputElement).files?.[0];
    if (!file) {
      setError("Choose a CSV file first.");
      return;
    }
    if (file.size > maxMegabytes * 1024 * 1024) {
      setError(`The file is too large: imports take files up to ${maxMegabytes.toLocaleString("en")} MB. Split it into smaller files.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/w/${workspaceId}/maps/${mapId}/imports?name=${encodeURIComponent(file.name)}`, {
        method: "POST",
        headers: { "Content-Type": "text/csv" },
        body: file,
      });
      const body = (await response.json().catch(() => ({}))) as { importId?: string; error?: string };
      if (!response.ok || !body.importId) {
        setError(body.error ?? "The upload failed. Try again.");
        return;
      }
      router.push(`/w/${workspaceId}/maps/${mapId}/import/${body.importId}`);
    } catch {
      setError("The upload was interrupted. Check the connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
      <label htmlFor="import-file" className="text-sm font-medium">
        CSV file (up to {maxMegabytes.toLocaleString("en")} MB)
      </label>
      <input id="import-file" name="file" type="file" accept=".csv,.txt,.tsv,text/csv" aria-describedby={error ? "import-file-error" : undefined} />
      {error && (
        <p id="import-file-error" role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? "Uploading…" : "Upload and map columns"}
        </Button>
      </div>
    </form>
  );
}
