"use client";

import { useEffect, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { discardDraftAction, restoreInterviewAction, voidInterviewAction } from "@/lib/actions/interviews";
import { VoidInterviewSchema } from "@/lib/schemas/interview";
import { bindWorkspace, useActionForm } from "@/components/ui/use-action-form";
import { forgetRecording } from "./draft-store";

/** An interviewer gives up a draft: kept as void (an analyst can restore it), gone from this device. */
export function DiscardDraftButton({ workspaceId, interviewId, userId }: { workspaceId: string; interviewId: string; userId?: string }) {
  const router = useRouter();
  const toast = useToast();
  return (
    <ConfirmButton
      label="Discard the draft"
      title="Discard this draft?"
      cancelLabel="Keep it"
      onConfirm={async () => {
        const result = await discardDraftAction(workspaceId, { interviewId });
        if (result.ok) {
          if (userId) forgetRecording(userId, workspaceId, interviewId);
          toast.toast({ tone: "success", title: "The draft was discarded." });
          router.push(`/w/${workspaceId}/interviews`);
        } else {
          toast.toast({ tone: "error", title: result.formError ?? "The draft could not be discarded." });
        }
      }}
    >
      <p className="text-sm">It will not be submitted. An analyst can still bring it back if needed.</p>
    </ConfirmButton>
  );
}

export function VoidInterviewButton({ workspaceId, interviewId }: { workspaceId: string; interviewId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Void
      </Button>
      {/* Mounted while open, so each opening starts with an empty form. */}
      {open ? <VoidInterviewDialog workspaceId={workspaceId} interviewId={interviewId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function VoidInterviewDialog({ workspaceId, interviewId, onClose }: { workspaceId: string; interviewId: string; onClose: () => void }) {
  const toast = useToast();
  const form = useActionForm(bindWorkspace(voidInterviewAction, workspaceId), {
    schema: VoidInterviewSchema,
    onSuccess: () => {
      onClose();
      toast.toast({ tone: "success", title: "The interview is void. It no longer counts in the analysis." });
    },
  });

  return (
    <Dialog
      open
      onClose={onClose}
      title="Void this interview?"
      description="It stays stored but leaves every analysis. You can restore it later."
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="danger" type="submit" form="void-form" loading={form.pending}>
            Void the interview
          </Button>
        </>
      }
    >
      <form id="void-form" {...form.props}>
        <input type="hidden" name="interviewId" value={interviewId} />
        <Field label="Reason" hint="For example: a duplicate, a test, or the wrong map." error={form.error("reason") ?? form.formError} required>
          {(control) => <Textarea {...control} name="reason" data-autofocus rows={3} maxLength={500} />}
        </Field>
      </form>
    </Dialog>
  );
}

export function RestoreInterviewButton({ workspaceId, interviewId }: { workspaceId: string; interviewId: string }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      loading={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await restoreInterviewAction(workspaceId, { interviewId });
          if (result.ok) {
            toast.toast({
              tone: "success",
              title: result.data.status === "SUBMITTED" ? "Restored: the interview counts in the analysis again." : "Restored as a draft.",
            });
            router.refresh();
          } else {
            toast.toast({ tone: "error", title: result.formError ?? "The interview could not be restored." });
          }
        })
      }
    >
      Restore
    </Button>
  );
}

/** Once the server holds the interview as submitted or void, this device's copy of the recording is not needed. */
export function ForgetLocalRecording({ userId, workspaceId, interviewId }: { userId: string; workspaceId: string; interviewId: string }) {
  useEffect(() => {
    forgetRecording(userId, workspaceId, interviewId);
  }, [userId, workspaceId, interviewId]);
  return null;
}
