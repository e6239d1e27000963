"use client";

import { updateMapDetailsAction } from "@/lib/actions/maps";
import { fieldError } from "@/lib/action-result";
import { MAP_STATUSES, MAP_STATUS_DESCRIPTIONS, MAP_STATUS_LABELS, type MapStatus } from "@/lib/schemas/map";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { FormActions } from "@/components/ui/form-actions";
import { useActionForm } from "@/components/ui/use-action-form";
import { FormError } from "@/components/auth/form-error";

/** Name, description and status of a map: on its settings page and in the maps list. */
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
  const { onSubmit, pending, result, formError } = useActionForm(
    (values) => updateMapDetailsAction(workspaceId, { ...values, mapId: map.id }),
    (data) => {
      toast.toast({ tone: "success", title: `Saved "${data.name}".` });
      onDone?.();
    },
  );
  const statusError = fieldError(result, "status");

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={formError} />
      <Field label="Name" required error={fieldError(result, "name")}>
        {(control) => <Input {...control} name="name" defaultValue={map.name} data-autofocus autoComplete="off" />}
      </Field>
      <Field label="Description" error={fieldError(result, "description")} hint="Which customers and which journey the map covers.">
        {(control) => <Textarea {...control} name="description" rows={3} defaultValue={map.description} />}
      </Field>
      <fieldset aria-describedby={statusError ? `status-error-${map.id}` : undefined}>
        <legend className="text-sm font-medium text-fg">Status</legend>
        <div className="mt-2 flex flex-col gap-2">
          {MAP_STATUSES.map((status) => (
            <label key={status} className="flex cursor-pointer items-start gap-2.5 rounded-md border border-border p-2.5 has-checked:border-brand has-checked:bg-brand-subtle">
              <input type="radio" name="status" value={status} defaultChecked={map.status === status} className="mt-0.5 size-4 accent-brand" />
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
      <FormActions submitLabel="Save" pending={pending} onCancel={onCancel} />
    </form>
  );
}
