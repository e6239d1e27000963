"use client";

import { useState, useTransition, type FormEvent } from "react";
import { updateMapDetailsAction } from "@/lib/actions/maps";
import { fieldError, type ActionResult } from "@/lib/action-result";
import { formToObject } from "@/lib/form-data";
import { MAP_STATUSES, MAP_STATUS_DESCRIPTIONS, MAP_STATUS_LABELS, type MapStatus } from "@/lib/schemas/map";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
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
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<{ id: string; name: string }> | null>(null);
  const statusError = fieldError(result, "status");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formToObject(new FormData(event.currentTarget));
    startTransition(async () => {
      const outcome = await updateMapDetailsAction(workspaceId, { ...values, mapId: map.id });
      setResult(outcome);
      if (outcome.ok) {
        toast.toast({ tone: "success", title: `Saved "${outcome.data.name}".` });
        onDone?.();
      }
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={result && !result.ok && !result.fieldErrors ? result.formError : null} />
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
      <div className="flex justify-end gap-2">
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" loading={pending}>
          Save
        </Button>
      </div>
    </form>
  );
}
