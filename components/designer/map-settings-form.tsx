"use client";

import { useId, useRef, useState, useTransition, type FormEvent } from "react";
import type { MapSettings } from "@/lib/types/maps";
import { updateMapSettingsAction } from "@/lib/actions/maps";
import { fieldError, type ActionResult } from "@/lib/action-result";
import { MAP_LIMITS } from "@/lib/schemas/map";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { FormError } from "@/components/auth/form-error";
import { PlusIcon } from "./icons";

type Row = { key: number; segment: string; target: string };

/** The analysis settings of a map and its interview targets, overall and per segment value. */
export function MapSettingsForm({ workspaceId, settings }: { workspaceId: string; settings: MapSettings }) {
  const toast = useToast();
  const segmentsId = useId();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<{ id: string }> | null>(null);
  const nextKey = useRef(settings.segmentQuotas.length);
  const [rows, setRows] = useState<Row[]>(() =>
    settings.segmentQuotas.map((quota, key) => ({ key, segment: quota.segment, target: String(quota.target) })),
  );

  function update(key: number, patch: Partial<Row>) {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  }

  function addRow() {
    const key = nextKey.current++;
    setRows((current) => [...current, { key, segment: "", target: "" }]);
    // The new row's first field, once it exists.
    window.setTimeout(() => document.getElementById(`${segmentsId}-segment-${key}`)?.focus(), 0);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      mapId: settings.map.id,
      minSample: String(form.get("minSample") ?? ""),
      asymmetryThreshold: String(form.get("asymmetryThreshold") ?? ""),
      consistencyThreshold: String(form.get("consistencyThreshold") ?? ""),
      interviewTarget: String(form.get("interviewTarget") ?? ""),
      segmentQuotas: rows.map(({ segment, target }) => ({ segment, target })),
    };
    startTransition(async () => {
      const outcome = await updateMapSettingsAction(workspaceId, input);
      setResult(outcome);
      if (outcome.ok) toast.toast({ tone: "success", title: "Settings saved." });
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={result && !result.ok ? result.formError : null} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Interview target"
          error={fieldError(result, "interviewTarget")}
          hint="Submitted interviews to aim for. Leave empty for no target."
        >
          {(control) => (
            <Input {...control} name="interviewTarget" inputMode="numeric" defaultValue={settings.interviewTarget ?? ""} />
          )}
        </Field>
        <Field
          label="Minimum sample per touchpoint"
          required
          error={fieldError(result, "minSample")}
          hint="Below this many observations, a touchpoint shows as insufficient data."
        >
          {(control) => <Input {...control} name="minSample" inputMode="numeric" defaultValue={settings.minSample} />}
        </Field>
        <Field
          label="Asymmetry threshold (θ)"
          required
          error={fieldError(result, "asymmetryThreshold")}
          hint="0 to 1. Impact asymmetry above θ marks a delighter, below −θ a basic."
        >
          {(control) => (
            <Input {...control} name="asymmetryThreshold" inputMode="decimal" defaultValue={settings.asymmetryThreshold} />
          )}
        </Field>
        <Field
          label="Channel consistency threshold (points)"
          required
          error={fieldError(result, "consistencyThreshold")}
          hint="A stage whose channels differ by more than this in performance is flagged."
        >
          {(control) => (
            <Input {...control} name="consistencyThreshold" inputMode="decimal" defaultValue={settings.consistencyThreshold} />
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
                  error={fieldError(result, `segmentQuotas.${index}.segment`)}
                  className="min-w-40 flex-1"
                >
                  {(control) => (
                    <Input
                      {...control}
                      list={segmentsId}
                      value={row.segment}
                      maxLength={MAP_LIMITS.segment + 20}
                      onChange={(event) => update(row.key, { segment: event.target.value })}
                      autoComplete="off"
                    />
                  )}
                </Field>
                <Field label={`Target ${index + 1}`} error={fieldError(result, `segmentQuotas.${index}.target`)} className="w-32">
                  {(control) => (
                    <Input
                      {...control}
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
      <div className="flex justify-end border-t border-border pt-4">
        <Button type="submit" loading={pending}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
