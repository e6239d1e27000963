"use client";

import { useRouter } from "next/navigation";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useToast } from "@/components/ui/toast";
import { eraseRespondentAction } from "@/lib/actions/respondents";

/**
 * An admin erases a respondent's personal data on request. It cannot be undone, so a dialog
 * says first what goes and what stays.
 */
export function EraseRespondentButton({ workspaceId, respondentId, code }: { workspaceId: string; respondentId: string; code: string }) {
  const router = useRouter();
  const toast = useToast();
  return (
    <ConfirmButton
      label="Erase personal data"
      variant="danger"
      title={`Erase the personal data of ${code}?`}
      description="Do this when the person asks for their data to be erased. It cannot be undone."
      onConfirm={async () => {
        const result = await eraseRespondentAction(workspaceId, { respondentId });
        if (result.ok) {
          toast.toast({ tone: "success", title: "Personal data erased. The interviews are kept under the code." });
          router.refresh();
        } else {
          toast.toast({ tone: "error", title: result.formError ?? "The personal data could not be erased." });
        }
      }}
    >
      <div className="space-y-3 text-sm">
          <div>
            <p className="font-medium">Removed</p>
            <ul className="list-disc pl-5 text-fg-muted">
              <li>The contact name and email.</li>
              <li>Contact details can never be added to this respondent again; add a new respondent if the person agrees later.</li>
            </ul>
          </div>
          <div>
            <p className="font-medium">Kept</p>
            <ul className="list-disc pl-5 text-fg-muted">
              <li>The code {code}, the lifecycle stage, value tier, segment and attributes.</li>
              <li>Every interview and observation, so the analysis does not change.</li>
              <li>An audit entry saying who erased it and when, without the erased values.</li>
            </ul>
          </div>
        </div>
    </ConfirmButton>
  );
}
