"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { Badge } from "@/components/ui/badge";
import { useToast } from "@/components/ui/toast";
import { FormError } from "@/components/auth/form-error";
import {
  createAttributeFieldAction,
  moveAttributeFieldAction,
  setAttributeFieldArchivedAction,
  updateAttributeFieldAction,
} from "@/lib/actions/respondents";
import { fieldError, type ActionResult } from "@/lib/action-result";
import type { AttributeFieldView } from "@/lib/schemas/respondent";

type Row = { id?: string; value: string; archived: boolean; key: string };

/** Defines the workspace's psychographic attributes (lifestyle, motivation, attitude...) and their allowed values. */
export function AttributeFieldsEditor({ workspaceId, fields }: { workspaceId: string; fields: AttributeFieldView[] }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const [editing, setEditing] = useState<AttributeFieldView | null>(null);
  const active = fields.filter((field) => !field.archived);
  const archived = fields.filter((field) => field.archived);

  function run(work: () => Promise<ActionResult<unknown>>, success: string) {
    startTransition(async () => {
      const result = await work();
      if (result.ok) {
        toast.toast({ tone: "success", title: success });
        router.refresh();
      } else {
        toast.toast({ tone: "error", title: result.formError ?? "That did not work." });
      }
    });
  }

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="fields-heading" className="flex flex-col gap-3">
        <h2 id="fields-heading" className="text-lg font-semibold">
          {active.length === 0 ? "No attributes yet" : `${active.length} attribute${active.length === 1 ? "" : "s"}`}
        </h2>
        <ul className="flex flex-col gap-3">
          {active.map((field, index) => (
            <li key={field.id} className="flex flex-col gap-2 rounded-lg border border-border bg-surface p-4" data-testid="attribute-field">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="font-semibold">{field.name}</h3>
                <div className="flex flex-wrap gap-1">
                  <Button variant="ghost" size="sm" disabled={pending || index === 0} onClick={() => run(() => moveAttributeFieldAction(workspaceId, { fieldId: field.id, direction: "up" }), `${field.name} moved up.`)}>
                    Move up<span className="sr-only"> {field.name}</span>
                  </Button>
                  <Button
                    variant="ghost"
                    size="sm"
                    disabled={pending || index === active.length - 1}
                    onClick={() => run(() => moveAttributeFieldAction(workspaceId, { fieldId: field.id, direction: "down" }), `${field.name} moved down.`)}
                  >
                    Move down<span className="sr-only"> {field.name}</span>
                  </Button>
                  <Button variant="secondary" size="sm" onClick={() => setEditing(field)}>
                    Edit<span className="sr-only"> {field.name}</span>
                  </Button>
                  <Button
                    variant="ghost"
                    size="sm"
                    disabled={pending}
                    onClick={() => run(() => setAttributeFieldArchivedAction(workspaceId, { fieldId: field.id, archived: true }), `${field.name} is archived.`)}
                  >
                    Archive<span className="sr-only"> {field.name}</span>
                  </Button>
                </div>
              </div>
              <ul className="flex flex-wrap gap-1.5" aria-label={`Values of ${field.name}`}>
                {field.options.map((option) => (
                  <li key={option.id}>
                    <Badge>{option.archived ? `${option.value} (archived)` : option.value}</Badge>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>

      <NewFieldForm workspaceId={workspaceId} />

      {archived.length > 0 ? (
        <section aria-labelledby="archived-fields-heading" className="flex flex-col gap-2">
          <h2 id="archived-fields-heading" className="text-lg font-semibold">
            Archived attributes
          </h2>
          <p className="text-sm text-fg-muted">Respondents keep their values; the attribute is no longer offered.</p>
          <ul className="flex flex-col gap-2">
            {archived.map((field) => (
              <li key={field.id} className="flex items-center justify-between gap-2 rounded-lg border border-border bg-surface p-3">
                <span>{field.name}</span>
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={pending}
                  onClick={() => run(() => setAttributeFieldArchivedAction(workspaceId, { fieldId: field.id, archived: false }), `${field.name} is restored.`)}
                >
                  Restore<span className="sr-only"> {field.name}</span>
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <Dialog open={editing !== null} onClose={() => setEditing(null)} title={`Edit ${editing?.name ?? ""}`} size="lg">
        {editing ? <EditFieldForm workspaceId={workspaceId} field={editing} onDone={() => setEditing(null)} /> : null}
      </Dialog>
    </div>
  );
}

function NewFieldForm({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const toast = useToast();
  const [name, setName] = useState("");
  const [values, setValues] = useState("");
  const [result, setResult] = useState<ActionResult<{ fieldId: string }> | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <section aria-labelledby="new-field-heading" className="rounded-lg border border-border bg-surface p-4">
      <h2 id="new-field-heading" className="mb-3 text-lg font-semibold">
        Add an attribute
      </h2>
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          startTransition(async () => {
            const list = values
              .split("\n")
              .map((line) => line.trim())
              .filter(Boolean);
            const outcome = await createAttributeFieldAction(workspaceId, { name, values: list });
            setResult(outcome);
            if (outcome.ok) {
              toast.toast({ tone: "success", title: `${name.trim()} is added.` });
              setName("");
              setValues("");
              router.refresh();
            }
          });
        }}
      >
        <FormError message={result && !result.ok && !result.fieldErrors ? result.formError : null} />
        <Field label="Name" hint="For example Lifestyle, Motivation or Attitude." error={fieldError(result, "name")} required>
          {(control) => <Input {...control} value={name} onChange={(event) => setName(event.target.value)} maxLength={60} />}
        </Field>
        <Field label="Allowed values" hint="One per line, at least two." error={fieldError(result, "values") ?? fieldError(result, "values.0")} required>
          {(control) => <Textarea {...control} rows={4} value={values} onChange={(event) => setValues(event.target.value)} />}
        </Field>
        <div>
          <Button type="submit" loading={pending}>
            Add attribute
          </Button>
        </div>
      </form>
    </section>
  );
}

function EditFieldForm({ workspaceId, field, onDone }: { workspaceId: string; field: AttributeFieldView; onDone: () => void }) {
  const router = useRouter();
  const toast = useToast();
  const [name, setName] = useState(field.name);
  const [rows, setRows] = useState<Row[]>(field.options.map((option) => ({ id: option.id, value: option.value, archived: option.archived, key: option.id })));
  const [result, setResult] = useState<ActionResult<{ fieldId: string }> | null>(null);
  const [pending, startTransition] = useTransition();

  function setRow(key: string, patch: Partial<Row>) {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  }

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const outcome = await updateAttributeFieldAction(workspaceId, {
            fieldId: field.id,
            name,
            options: rows
              .filter((row) => row.id || row.value.trim())
              .map((row) => ({ ...(row.id ? { id: row.id } : {}), value: row.value, archived: row.archived })),
          });
          setResult(outcome);
          if (outcome.ok) {
            toast.toast({ tone: "success", title: `${name.trim()} is saved.` });
            onDone();
            router.refresh();
          }
        });
      }}
    >
      <FormError message={result && !result.ok ? result.formError : null} />
      <Field label="Name" error={fieldError(result, "name")} required>
        {(control) => <Input {...control} data-autofocus value={name} onChange={(event) => setName(event.target.value)} maxLength={60} />}
      </Field>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Allowed values</legend>
        <p className="text-sm text-fg-muted">Renaming a value renames it for every respondent who has it. An archived value stays on those respondents.</p>
        {rows.map((row, index) => (
          <div key={row.key} className="flex flex-wrap items-center gap-3">
            <Input
              aria-label={`Value ${index + 1}`}
              value={row.value}
              onChange={(event) => setRow(row.key, { value: event.target.value })}
              maxLength={60}
              className="min-w-0 flex-1"
            />
            {row.id ? (
              <Checkbox label="Archived" checked={row.archived} onChange={(event) => setRow(row.key, { archived: event.target.checked })} aria-label={`Archived: ${row.value || `value ${index + 1}`}`} />
            ) : (
              <Button variant="ghost" size="sm" onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))}>
                Remove<span className="sr-only"> value {index + 1}</span>
              </Button>
            )}
          </div>
        ))}
        {fieldError(result, "options") ? <p className="text-sm font-medium text-danger">{fieldError(result, "options")}</p> : null}
        <div>
          <Button variant="secondary" size="sm" onClick={() => setRows((current) => [...current, { value: "", archived: false, key: crypto.randomUUID() }])}>
            Add a value
          </Button>
        </div>
      </fieldset>
      <div className="flex justify-end gap-2 border-t border-border pt-3">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          Save
        </Button>
      </div>
    </form>
  );
}
