"use client";

import { ErrorState } from "@/components/ui/error-state";

export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg px-6 py-20">
      <ErrorState
        title="Something went wrong"
        message={`cxmap could not show this page. Try again; if it keeps happening, report the reference ${error.digest ?? "(none)"}.`}
        onRetry={reset}
      />
    </main>
  );
}
