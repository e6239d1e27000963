"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { setRespondentArchivedAction } from "@/lib/actions/respondents";

/** Archiving keeps the respondent and their interviews; it only leaves the lists and the interview picker. */
export function ArchiveRespondentButton({ workspaceId, respondentId, archived }: { workspaceId: string; respondentId: string; archived: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      loading={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await setRespondentArchivedAction(workspaceId, { respondentId, archived: !archived });
          if (result.ok) {
            toast.toast({ tone: "success", title: archived ? "Restored." : "Archived. Their interviews are kept." });
            router.refresh();
          } else {
            toast.toast({ tone: "error", title: result.formError ?? "That did not work." });
          }
        })
      }
    >
      {archived ? "Restore" : "Archive"}
    </Button>
  );
}
