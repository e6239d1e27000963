"use client";

import { updateMapDetailsAction } from "@/lib/actions/maps";
import { MAP_STATUSES, MAP_STATUS_DESCRIPTIONS, MAP_STATUS_LABELS, UpdateMapDetailsSchema, type MapStatus } from "@/lib/schemas/map";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { FormActions } from "@/components/ui/form-actions";
import { bindWorkspace, useActionForm } from "@/components/ui/use-action-form";
import { FormError, FormStatus } from "@/components/auth/form-error";

/**
 * Name, description and status of a map: on its settings page (where it says "Saved." under
 * the form, also after a submission without JavaScript) and in a dialog from the maps list
 * (a toast, then `onDone`).
 */
export function MapDetailsForm({
  workspaceId,
  map,
  onDone,
  onCancel,
}: {
  workspaceId: string;
  map: { id: string; name: string; description: string; status: MapStatus };
  onDone?: () => void;
  onCancel?: () => void;
}) {
  const toast = useToast();
  const inDialog = onDone !== undefined;
  const form = useActionForm(bindWorkspace(updateMapDetailsAction, workspaceId), {
    schema: UpdateMapDetailsSchema,
    onSuccess: (data) => {
      if (!inDialog) return;
      toast.toast({ tone: "success", title: `Saved "${data.name}".` });
      onDone();
    },
  });
  const statusError = form.error("status");

  return (
    <form {...form.props} className="flex flex-col gap-4">
      <input type="hidden" name="mapId" value={map.id} />
      <FormError message={form.formError} />
      <Field label="Name" required error={form.error("name")}>
        {(control) => <Input {...control} name="name" defaultValue={form.value("name", map.name)} data-autofocus autoComplete="off" />}
      </Field>
      <Field label="Description" error={form.error("description")} hint="Which customers and which journey the map covers.">
        {(control) => <Textarea {...control} name="description" rows={3} defaultValue={form.value("description", map.description)} />}
      </Field>
      <fieldset aria-describedby={statusError ? `status-error-${map.id}` : undefined}>
        <legend className="text-sm font-medium text-fg">Status</legend>
        <div className="mt-2 flex flex-col gap-2">
          {MAP_STATUSES.map((status) => (
            <label key={status} className="flex cursor-pointer items-start gap-2.5 rounded-md border border-border p-2.5 has-checked:border-brand has-checked:bg-brand-subtle">
              <input
                type="radio"
                name="status"
                value={status}
                defaultChecked={form.checked("status", map.status === status, status)}
                className="mt-0.5 size-4 accent-brand"
              />
              <span className="flex flex-col">
                <span className="text-sm font-medium">{MAP_STATUS_LABELS[status]}</span>
                <span className="text-sm text-fg-muted">{MAP_STATUS_DESCRIPTIONS[status]}</span>
              </span>
            </label>
          ))}
        </div>
        {statusError && (
          <p id={`status-error-${map.id}`} className="mt-1 text-sm font-medium text-danger">
            {statusError}
          </p>
        )}
      </fieldset>
      {!inDialog && <FormStatus message={form.result?.ok && !form.pending ? `Saved "${form.result.data.name}".` : null} />}
      <FormActions submitLabel="Save" pending={form.pending} onCancel={onCancel} />
    </form>
  );
}
