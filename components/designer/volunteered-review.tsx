"use client";

import { useState, useTransition } from "react";
import { archiveExpectationAction, mergeExpectationAction, promoteExpectationAction } from "@/lib/actions/designer";
import { MergeExpectationSchema, PromoteExpectationSchema } from "@/lib/schemas/map-design";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { FormActions } from "@/components/ui/form-actions";
import { bindWorkspace, useActionForm } from "@/components/ui/use-action-form";
import { FormError } from "@/components/auth/form-error";

export type VolunteeredItem = {
  id: string;
  text: string;
  touchpoint: { id: string; name: string; stage: string; channel: string };
  recordedBy: string | null;
  createdAt: string;
  observations: number;
  missed: number;
  mergeTargets: { id: string; text: string }[];
};

type Pending = { item: VolunteeredItem; mode: "promote" | "merge" } | null;

/**
 * Expectations interviewers heard that the list did not have. An analyst adds one to the
 * list (its observations come with it), merges it into a listed one that says the same
 * (its observations move there), or dismisses it (archived, restorable).
 */
export function VolunteeredReview({
  workspaceId,
  mapId,
  items,
  readOnly,
}: {
  workspaceId: string;
  mapId: string;
  items: VolunteeredItem[];
  readOnly: boolean;
}) {
  const toast = useToast();
  const [open, setOpen] = useState<Pending>(null);
  const [busy, startTransition] = useTransition();

  function dismiss(item: VolunteeredItem) {
    startTransition(async () => {
      const result = await archiveExpectationAction(workspaceId, { mapId, expectationId: item.id });
      toast.toast(
        result.ok
          ? { tone: "success", title: `Dismissed "${item.text}".`, description: "Its observations are kept; restore it from Archived." }
          : { tone: "error", title: `"${item.text}" was not dismissed`, description: result.formError },
      );
    });
  }

  if (items.length === 0) {
    return (
      <EmptyState
        title="Nothing to review"
        description="When an interviewer records an expectation a customer volunteered that is not in a touchpoint's list, it appears here for you to add to the list or merge into one that says the same."
      />
    );
  }

  return (
    <>
      <p className="mb-4 max-w-prose text-sm text-fg-muted">
        Customers volunteered these expectations in interviews. Add one to its touchpoint&rsquo;s list so every interviewer
        asks about it, or merge it into a listed expectation that means the same. Either way its observations are kept.
      </p>
      <ul className="flex flex-col gap-3">
        {items.map((item) => (
          <li key={item.id} className="rounded-lg border border-border bg-surface p-4" data-testid="volunteered-item">
            <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
              <div className="min-w-0">
                <p className="font-medium break-words">&ldquo;{item.text}&rdquo;</p>
                <p className="mt-1 text-sm text-fg-muted">
                  At <span className="text-fg">{item.touchpoint.name}</span> ({item.touchpoint.stage}, {item.touchpoint.channel}) ·{" "}
                  {item.observations} observation{item.observations === 1 ? "" : "s"}
                  {item.observations > 0 && `, ${item.missed} missed`}
                  {item.recordedBy && ` · first recorded by ${item.recordedBy}`} on {item.createdAt.slice(0, 10)}
                </p>
              </div>
              {!readOnly && (
                <div className="flex shrink-0 flex-wrap gap-2">
                  <Button size="sm" onClick={() => setOpen({ item, mode: "promote" })}>
                    Add to list<span className="sr-only">: {item.text}</span>
                  </Button>
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={item.mergeTargets.length === 0}
                    title={item.mergeTargets.length === 0 ? "This touchpoint has no listed expectations to merge into." : undefined}
                    onClick={() => setOpen({ item, mode: "merge" })}
                  >
                    Merge into…<span className="sr-only"> ({item.text})</span>
                  </Button>
                  <Button size="sm" variant="ghost" disabled={busy} onClick={() => dismiss(item)}>
                    Dismiss<span className="sr-only">: {item.text}</span>
                  </Button>
                </div>
              )}
            </div>
          </li>
        ))}
      </ul>
      <Dialog
        open={open !== null}
        onClose={() => setOpen(null)}
        title={open?.mode === "merge" ? "Merge into a listed expectation" : "Add to the expectation list"}
        description={open ? `At ${open.item.touchpoint.name}: “${open.item.text}”.` : undefined}
      >
        {open && <ReviewForm key={open.item.id + open.mode} workspaceId={workspaceId} mapId={mapId} pending={open} onDone={() => setOpen(null)} />}
      </Dialog>
    </>
  );
}

type ReviewFormProps = { workspaceId: string; mapId: string; item: VolunteeredItem; onDone: () => void };

function ReviewForm({ workspaceId, mapId, pending: { item, mode }, onDone }: Omit<ReviewFormProps, "item"> & { pending: NonNullable<Pending> }) {
  return mode === "promote" ? (
    <PromoteForm workspaceId={workspaceId} mapId={mapId} item={item} onDone={onDone} />
  ) : (
    <MergeForm workspaceId={workspaceId} mapId={mapId} item={item} onDone={onDone} />
  );
}

function PromoteForm({ workspaceId, mapId, item, onDone }: ReviewFormProps) {
  const toast = useToast();
  const form = useActionForm(bindWorkspace(promoteExpectationAction, workspaceId), {
    schema: PromoteExpectationSchema,
    onSuccess: (data) => {
      toast.toast({
        tone: "success",
        title: `Added "${data.text}" to ${item.touchpoint.name}.`,
        description: `Its ${data.observations} observation${data.observations === 1 ? "" : "s"} came with it.`,
      });
      onDone();
    },
  });

  return (
    <form {...form.props} className="flex flex-col gap-4">
      <input type="hidden" name="mapId" value={mapId} />
      <input type="hidden" name="expectationId" value={item.id} />
      <FormError message={form.formError} />
      <Field
        label="Wording in the list"
        required
        error={form.error("text")}
        hint="Tidy the customer's words if needed; interviewers will read it as written."
      >
        {(control) => <Input {...control} name="text" defaultValue={item.text} data-autofocus autoComplete="off" />}
      </Field>
      <FormActions submitLabel="Add to list" pending={form.pending} onCancel={onDone} />
    </form>
  );
}

function MergeForm({ workspaceId, mapId, item, onDone }: ReviewFormProps) {
  const toast = useToast();
  const form = useActionForm(bindWorkspace(mergeExpectationAction, workspaceId), {
    schema: MergeExpectationSchema,
    onSuccess: ({ into, moved, kept }) => {
      toast.toast({
        tone: "success",
        title: `Merged into "${into}": ${moved} observation${moved === 1 ? "" : "s"} moved.`,
        description:
          kept > 0 ? `${kept} stayed with the volunteered one, because those interviews had already rated "${into}".` : undefined,
        duration: kept > 0 ? 10_000 : undefined,
      });
      onDone();
    },
  });

  return (
    <form {...form.props} className="flex flex-col gap-4">
      <input type="hidden" name="mapId" value={mapId} />
      <input type="hidden" name="expectationId" value={item.id} />
      <FormError message={form.formError} />
      <Field
        label="Listed expectation"
        required
        error={form.error("intoId")}
        hint={`Its ${item.observations} observation${item.observations === 1 ? "" : "s"} move there; the volunteered wording is kept in the audit log.`}
      >
        {(control) => (
          <Select {...control} name="intoId" defaultValue="" data-autofocus>
            <option value="" disabled>
              Choose one…
            </option>
            {item.mergeTargets.map((target) => (
              <option key={target.id} value={target.id}>
                {target.text}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <FormActions submitLabel="Merge" pending={form.pending} onCancel={onDone} />
    </form>
  );
}
