"use client";

import { ErrorState } from "@/components/ui/error-state";

export default function WorkspaceError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorState
      title="This page could not be shown"
      message={`Something went wrong on our side. Try again; if it keeps happening, report the reference ${error.digest ?? "(none)"}.`}
      onRetry={reset}
    />
  );
}
