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
import { bindWorkspace, useActionForm } from "@/components/ui/use-action-form";
import { FormError } from "@/components/auth/form-error";
import {
  createAttributeFieldAction,
  moveAttributeFieldAction,
  setAttributeFieldArchivedAction,
  updateAttributeFieldAction,
} from "@/lib/actions/respondents";
import type { ActionResult } from "@/lib/action-result";
import { CreateAttributeFieldSchema, UpdateAttributeFieldSchema, type AttributeFieldView } from "@/lib/schemas/respondent";

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

/** A new attribute and its values, one per line; works before the page's JavaScript has loaded. */
function NewFieldForm({ workspaceId }: { workspaceId: string }) {
  const toast = useToast();
  const form = useActionForm(bindWorkspace(createAttributeFieldAction, workspaceId), {
    schema: CreateAttributeFieldSchema,
    resetOnSuccess: true,
    onSuccess: (_data, sent) => toast.toast({ tone: "success", title: `${String(sent.get("name") ?? "").trim()} is added.` }),
  });
  return (
    <section aria-labelledby="new-field-heading" className="rounded-lg border border-border bg-surface p-4">
      <h2 id="new-field-heading" className="mb-3 text-lg font-semibold">
        Add an attribute
      </h2>
      <form {...form.props} className="flex flex-col gap-4">
        <FormError message={form.formError} />
        <Field label="Name" hint="For example Lifestyle, Motivation or Attitude." error={form.error("name")} required>
          {(control) => <Input {...control} name="name" defaultValue={form.value("name")} maxLength={60} />}
        </Field>
        <Field label="Allowed values" hint="One per line, at least two." error={form.error("values")} required>
          {(control) => <Textarea {...control} name="values" rows={4} defaultValue={form.value("values")} />}
        </Field>
        <div>
          <Button type="submit" loading={form.pending}>
            Add attribute
          </Button>
        </div>
      </form>
    </section>
  );
}

/**
 * Renames an attribute and its values, adds and archives values. Each row is named
 * `options.<n>.id`, `.value` and `.archived`, the paths of the schema's errors.
 */
function EditFieldForm({ workspaceId, field, onDone }: { workspaceId: string; field: AttributeFieldView; onDone: () => void }) {
  const toast = useToast();
  const [rows, setRows] = useState<Row[]>(field.options.map((option) => ({ id: option.id, value: option.value, archived: option.archived, key: option.id })));
  const form = useActionForm(bindWorkspace(updateAttributeFieldAction, workspaceId), {
    schema: UpdateAttributeFieldSchema,
    onSuccess: (_data, sent) => {
      toast.toast({ tone: "success", title: `${String(sent.get("name") ?? "").trim()} is saved.` });
      onDone();
    },
  });

  function setRow(key: string, patch: Partial<Row>) {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  }

  return (
    <form {...form.props} className="flex flex-col gap-4">
      <input type="hidden" name="fieldId" value={field.id} />
      <FormError message={form.formError} />
      <Field label="Name" error={form.error("name")} required>
        {(control) => <Input {...control} name="name" data-autofocus defaultValue={field.name} maxLength={60} />}
      </Field>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Allowed values</legend>
        <p className="text-sm text-fg-muted">Renaming a value renames it for every respondent who has it. An archived value stays on those respondents.</p>
        {rows.map((row, index) => (
          <div key={row.key} className="flex flex-wrap items-start gap-3">
            {row.id ? <input type="hidden" name={`options.${index}.id`} value={row.id} /> : null}
            <Field label={`Value ${index + 1}`} labelHidden error={form.error(`options.${index}.value`)} className="min-w-0 flex-1">
              {(control) => (
                <Input
                  {...control}
                  name={`options.${index}.value`}
                  value={row.value}
                  onChange={(event) => setRow(row.key, { value: event.target.value })}
                  maxLength={60}
                />
              )}
            </Field>
            {row.id ? (
              <Checkbox
                name={`options.${index}.archived`}
                label="Archived"
                checked={row.archived}
                onChange={(event) => setRow(row.key, { archived: event.target.checked })}
                aria-label={`Archived: ${row.value || `value ${index + 1}`}`}
                wrapperClassName="mt-2"
              />
            ) : (
              <Button variant="ghost" size="sm" className="mt-1" onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))}>
                Remove<span className="sr-only"> value {index + 1}</span>
              </Button>
            )}
          </div>
        ))}
        {form.error("options", { exact: true }) ? <p className="text-sm font-medium text-danger">{form.error("options", { exact: true })}</p> : null}
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
        <Button type="submit" loading={form.pending}>
          Save
        </Button>
      </div>
    </form>
  );
}
