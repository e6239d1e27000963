"use client";

import { useId, useRef, useState } from "react";
import type { MapSettings } from "@/lib/types/maps";
import { updateMapSettingsAction } from "@/lib/actions/maps";
import { MAP_LIMITS, MapSettingsSchema } from "@/lib/schemas/map";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { bindWorkspace, useActionForm } from "@/components/ui/use-action-form";
import { FormError, FormStatus } from "@/components/auth/form-error";
import { PlusIcon } from "./icons";

type Row = { key: number; segment: string; target: string };

/**
 * The analysis settings of a map and its interview targets, overall and per segment value.
 * Segment rows are named `segmentQuotas.<n>.segment` and `.target`, the paths the schema's
 * errors name. Saving works before the page's JavaScript has loaded; adding and removing rows
 * needs it.
 */
export function MapSettingsForm({ workspaceId, settings }: { workspaceId: string; settings: MapSettings }) {
  const segmentsId = useId();
  const form = useActionForm(bindWorkspace(updateMapSettingsAction, workspaceId), { schema: MapSettingsSchema });
  const [rows, setRows] = useState<Row[]>(() => {
    // After a refused submission without JavaScript, the rows as they were sent.
    const sent = form.sent;
    if (sent) {
      const rows: Row[] = [];
      for (let key = 0; `segmentQuotas.${key}.segment` in sent; key++) {
        rows.push({ key, segment: sent[`segmentQuotas.${key}.segment`] ?? "", target: sent[`segmentQuotas.${key}.target`] ?? "" });
      }
      return rows;
    }
    return settings.segmentQuotas.map((quota, key) => ({ key, segment: quota.segment, target: String(quota.target) }));
  });
  const nextKey = useRef(rows.length);

  function update(key: number, patch: Partial<Row>) {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  }

  function addRow() {
    const key = nextKey.current++;
    setRows((current) => [...current, { key, segment: "", target: "" }]);
    // The new row's first field, once it exists.
    window.setTimeout(() => document.getElementById(`${segmentsId}-segment-${key}`)?.focus(), 0);
  }

  return (
    <form {...form.props} className="flex flex-col gap-4">
      <input type="hidden" name="mapId" value={settings.map.id} />
      <FormError message={form.formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Interview target"
          error={form.error("interviewTarget")}
          hint="Submitted interviews to aim for. Leave empty for no target."
        >
          {(control) => (
            <Input {...control} name="interviewTarget" inputMode="numeric" defaultValue={form.value("interviewTarget", String(settings.interviewTarget ?? ""))} />
          )}
        </Field>
        <Field
          label="Minimum sample per touchpoint"
          required
          error={form.error("minSample")}
          hint="Below this many observations, a touchpoint shows as insufficient data."
        >
          {(control) => <Input {...control} name="minSample" inputMode="numeric" defaultValue={form.value("minSample", String(settings.minSample))} />}
        </Field>
        <Field
          label="Asymmetry threshold (θ)"
          required
          error={form.error("asymmetryThreshold")}
          hint="0 to 1. Impact asymmetry above θ marks a delighter, below −θ a basic."
        >
          {(control) => (
            <Input {...control} name="asymmetryThreshold" inputMode="decimal" defaultValue={form.value("asymmetryThreshold", String(settings.asymmetryThreshold))} />
          )}
        </Field>
        <Field
          label="Channel consistency threshold (points)"
          required
          error={form.error("consistencyThreshold")}
          hint="A stage whose channels differ by more than this in performance is flagged."
        >
          {(control) => (
            <Input {...control} name="consistencyThreshold" inputMode="decimal" defaultValue={form.value("consistencyThreshold", String(settings.consistencyThreshold))} />
          )}
        </Field>
      </div>
      <fieldset className="flex flex-col gap-3 border-t border-border pt-4">
        <legend className="float-left mb-1 w-full text-sm font-medium">Targets per segment value</legend>
        <p className="text-sm text-fg-muted">
          Optional: how many interviews to aim for with respondents of each segment, e.g. 200 students and 160 retirees.
        </p>
        {rows.length > 0 && (
          <ul className="flex flex-col gap-3">
            {rows.map((row, index) => (
              <li key={row.key} className="flex flex-wrap items-start gap-2" data-testid="segment-quota">
                <Field
                  label={`Segment value ${index + 1}`}
                  id={`${segmentsId}-segment-${row.key}`}
                  error={form.error(`segmentQuotas.${index}.segment`)}
                  className="min-w-40 flex-1"
                >
                  {(control) => (
                    <Input
                      {...control}
                      name={`segmentQuotas.${index}.segment`}
                      list={segmentsId}
                      value={row.segment}
                      maxLength={MAP_LIMITS.segment + 20}
                      onChange={(event) => update(row.key, { segment: event.target.value })}
                      autoComplete="off"
                    />
                  )}
                </Field>
                <Field label={`Target ${index + 1}`} error={form.error(`segmentQuotas.${index}.target`)} className="w-32">
                  {(control) => (
                    <Input
                      {...control}
                      name={`segmentQuotas.${index}.target`}
                      inputMode="numeric"
                      value={row.target}
                      onChange={(event) => update(row.key, { target: event.target.value })}
                    />
                  )}
                </Field>
                <Button
                  variant="ghost"
                  className="mt-6.5"
                  onClick={() => setRows((current) => current.filter((item) => item.key !== row.key))}
                >
                  Remove<span className="sr-only"> segment value {index + 1}</span>
                </Button>
              </li>
            ))}
          </ul>
        )}
        <datalist id={segmentsId}>
          {settings.knownSegments.map((segment) => (
            <option key={segment} value={segment} />
          ))}
        </datalist>
        <div>
          <Button variant="secondary" size="sm" onClick={addRow}>
            <PlusIcon /> Add a segment target
          </Button>
        </div>
      </fieldset>
      <div className="flex items-center justify-end gap-4 border-t border-border pt-4">
        <FormStatus message={form.result?.ok && !form.pending ? "Settings saved." : null} />
        <Button type="submit" loading={form.pending}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
