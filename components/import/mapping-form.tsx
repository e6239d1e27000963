"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import type { ImportPreview } from "@/lib/types/imports";
import { startImportAction } from "@/lib/actions/imports";
import { suggestValue } from "@/lib/csv/values";
import { DELIMITER_LABELS, DELIMITERS, ENCODING_LABELS, TEXT_ENCODINGS } from "@/lib/csv/detect";
import { SURVEY_TOOL_LABELS } from "@/lib/csv/survey-layout";
import {
  DATE_ORDER_LABELS,
  DATE_ORDERS,
  INTERVIEW_TARGETS,
  LONG_TARGETS,
  MEASURES,
  TARGET_LABELS,
  VALUE_KINDS,
  VALUE_TARGETS,
  valueKey,
  type ColumnTarget,
  type ImportMapping,
  type ValueKind,
} from "@/lib/schemas/import";
import { FEELING_LABELS, MODE_LABELS, OUTCOME_LABELS, IMPORTANCE_LABELS } from "@/lib/schemas/interview";
import { LIFECYCLE_LABELS, VALUE_TIER_LABELS } from "@/lib/schemas/respondent";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";

const VALUE_KIND_LABELS: Record<ValueKind, string> = {
  outcome: "Outcome",
  importance: "Importance",
  feeling: "Feeling (and overall feeling)",
  mode: "Mode",
  lifecycleStage: "Lifecycle stage",
  valueTier: "Value tier",
};
const TARGET_VALUE_LABELS: Record<ValueKind, Record<string, string>> = {
  outcome: OUTCOME_LABELS,
  importance: Object.fromEntries(Object.entries(IMPORTANCE_LABELS).map(([key, label]) => [key, `${key} – ${label}`])),
  feeling: FEELING_LABELS,
  mode: MODE_LABELS,
  lifecycleStage: LIFECYCLE_LABELS,
  valueTier: VALUE_TIER_LABELS,
};

function encodeTarget(target: ColumnTarget | undefined): string {
  if (!target) return "";
  if (target.kind === "attribute") return `attribute:${target.fieldId}`;
  if (target.kind === "measure") return `measure:${target.measure}:${target.touchpointId}:${target.expectationId}`;
  return target.kind;
}

function decodeTarget(value: string): ColumnTarget | null {
  if (value === "") return null;
  const [kind, a, b, c] = value.split(":");
  if (kind === "attribute") return { kind, fieldId: a! };
  if (kind === "measure") return { kind, measure: a as (typeof MEASURES)[number], touchpointId: b!, expectationId: c! };
  return { kind: kind as (typeof INTERVIEW_TARGETS)[number] };
}

/** Which value kind a column's values are, under its target. */
function valueKindOf(target: ColumnTarget): ValueKind | null {
  if (target.kind === "measure") return target.measure === "comment" ? null : target.measure;
  if (target.kind === "outcome" || target.kind === "importance" || target.kind === "feeling") return target.kind;
  if (target.kind === "overallFeeling") return "feeling";
  if (target.kind === "mode" || target.kind === "lifecycleStage" || target.kind === "valueTier") return target.kind;
  return null;
}

/** The mapping step: what each column holds, what its values mean, and how to treat what the map does not know. */
export function MappingForm({ workspaceId, preview }: { workspaceId: string; preview: ImportPreview }) {
  const router = useRouter();
  const [mapping, setMapping] = useState<ImportMapping>(preview.mapping);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const targets = new Map(mapping.columns.map((item) => [item.column, item.target]));

  const measureOptions = useMemo(
    () =>
      preview.journey.touchpoints.flatMap((touchpoint) =>
        touchpoint.expectations.flatMap((expectation) =>
          MEASURES.map((measure) => ({
            value: `measure:${measure}:${touchpoint.id}:${expectation.id}`,
            label: `${touchpoint.name} › ${expectation.text}: ${measure}`,
          })),
        ),
      ),
    [preview.journey],
  );

  // The values found in the columns of each kind, with the meaning chosen or suggested.
  const found = new Map<ValueKind, string[]>();
  for (const { column, target } of mapping.columns) {
    const kind = valueKindOf(target);
    if (!kind) continue;
    const list = found.get(kind) ?? [];
    for (const value of preview.values[column] ?? []) if (!list.some((item) => valueKey(item) === valueKey(value))) list.push(value);
    found.set(kind, list);
  }

  function setTarget(column: number, value: string) {
    const target = decodeTarget(value);
    setMapping((current) => ({
      ...current,
      columns: [...current.columns.filter((item) => item.column !== column), ...(target ? [{ column, target }] : [])].sort((a, b) => a.column - b.column),
    }));
  }

  function setValue(kind: ValueKind, raw: string, target: string) {
    setMapping((current) => ({ ...current, values: { ...current.values, [kind]: { ...current.values[kind], [valueKey(raw)]: target } } }));
  }

  function submit() {
    setError(null);
    // Values left at their suggestion are sent as chosen, so the import reads them as seen here.
    const values = { ...mapping.values };
    for (const [kind, list] of found) {
      const chosen = { ...values[kind] };
      for (const raw of list) {
        const key = valueKey(raw);
        if (chosen[key] === undefined) {
          const suggestion = suggestValue(kind, raw);
          if (suggestion) chosen[key] = suggestion;
        }
      }
      values[kind] = chosen as never;
    }
    startTransition(async () => {
      const result = await startImportAction(workspaceId, { importId: preview.import.id, mapping: JSON.stringify({ ...mapping, values }) });
      if (!result.ok) {
        setError(result.formError ?? Object.values(result.fieldErrors ?? {}).flat()[0] ?? "The mapping could not be used.");
        return;
      }
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="file-heading" className="flex flex-col gap-3">
        <h2 id="file-heading" className="text-lg font-semibold">
          The file
        </h2>
        <p className="text-sm">
          Recognised as: <strong>{SURVEY_TOOL_LABELS[preview.tool]}</strong>
          {preview.savedMappingUsed && " · the mapping last used on this map is filled in"}
        </p>
        <div className="flex flex-wrap gap-4">
          <label className="flex flex-col text-sm">
            Encoding
            <Select value={mapping.encoding} onChange={(event) => setMapping({ ...mapping, encoding: event.target.value as ImportMapping["encoding"] })}>
              {TEXT_ENCODINGS.map((encoding) => (
                <option key={encoding} value={encoding}>
                  {ENCODING_LABELS[encoding]}
                </option>
              ))}
            </Select>
          </label>
          <label className="flex flex-col text-sm">
            Delimiter
            <Select value={mapping.delimiter} onChange={(event) => setMapping({ ...mapping, delimiter: event.target.value as ImportMapping["delimiter"] })}>
              {DELIMITERS.map((delimiter) => (
                <option key={delimiter} value={delimiter}>
                  {DELIMITER_LABELS[delimiter]}
                </option>
              ))}
            </Select>
          </label>
          <label className="flex flex-col text-sm">
            Header rows after the first
            <Select value={String(mapping.extraHeaderRows)} onChange={(event) => setMapping({ ...mapping, extraHeaderRows: Number(event.target.value) })}>
              {[0, 1, 2, 3].map((count) => (
                <option key={count} value={count}>
                  {count}
                </option>
              ))}
            </Select>
          </label>
        </div>
        <fieldset className="flex flex-col gap-1 text-sm">
          <legend className="font-medium">Layout</legend>
          <label>
            <input type="radio" name="layout" checked={mapping.layout === "long"} onChange={() => setMapping({ ...mapping, layout: "long" })} /> One row
            per observation (long)
          </label>
          <label>
            <input type="radio" name="layout" checked={mapping.layout === "wide"} onChange={() => setMapping({ ...mapping, layout: "wide" })} /> One row
            per interview, a column per expectation and measure (wide, as survey tools export)
          </label>
        </fieldset>
      </section>

      <section aria-labelledby="columns-heading" className="flex flex-col gap-3">
        <h2 id="columns-heading" className="text-lg font-semibold">
          Columns
        </h2>
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="sr-only">What each column of the file holds, with its first values</caption>
            <thead>
              <tr>
                <th scope="col" className="p-2 text-left">
                  Column
                </th>
                <th scope="col" className="p-2 text-left">
                  First values
                </th>
                <th scope="col" className="p-2 text-left">
                  Holds
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.columns.map((column) => (
                <tr key={column.index} className="border-t border-border">
                  <th scope="row" className="p-2 text-left font-normal">
                    <span className="font-medium">{column.name || `Column ${column.index + 1}`}</span>
                    {column.question && <span className="block text-xs text-fg-muted">{column.question}</span>}
                  </th>
                  <td className="max-w-xs truncate p-2 text-fg-muted">{preview.rows.slice(0, 3).map((row) => row[column.index] ?? "").join(" · ")}</td>
                  <td className="p-2">
                    <Select
                      aria-label={`What column ${column.name || column.index + 1} holds`}
                      value={encodeTarget(targets.get(column.index))}
                      onChange={(event) => setTarget(column.index, event.target.value)}
                    >
                      <option value="">Not imported</option>
                      <optgroup label="The interview and respondent">
                        {INTERVIEW_TARGETS.map((kind) => (
                          <option key={kind} value={kind}>
                            {TARGET_LABELS[kind]}
                          </option>
                        ))}
                        {preview.attributeFields.map((field) => (
                          <option key={field.id} value={`attribute:${field.id}`}>
                            Attribute: {field.name}
                          </option>
                        ))}
                      </optgroup>
                      {mapping.layout === "long" ? (
                        <optgroup label="The observation (long layout)">
                          {LONG_TARGETS.map((kind) => (
                            <option key={kind} value={kind}>
                              {TARGET_LABELS[kind]}
                            </option>
                          ))}
                        </optgroup>
                      ) : (
                        <optgroup label="An expectation's measure (wide layout)">
                          {measureOptions.map((option) => (
                            <option key={option.value} value={option.value}>
                              {option.label}
                            </option>
                          ))}
                        </optgroup>
                      )}
                    </Select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {found.size > 0 && (
        <section aria-labelledby="values-heading" className="flex flex-col gap-3">
          <h2 id="values-heading" className="text-lg font-semibold">
            Values
          </h2>
          <p className="text-sm text-fg-muted">What the file&apos;s words mean in cxmap; suggestions are filled in from the values found.</p>
          {VALUE_KINDS.filter((kind) => found.has(kind)).map((kind) => (
            <fieldset key={kind} className="flex flex-col gap-2">
              <legend className="font-medium">{VALUE_KIND_LABELS[kind]}</legend>
              {found.get(kind)!.map((raw) => {
                const chosen = mapping.values[kind][valueKey(raw)];
                return (
                  <label key={raw} className="flex items-center gap-3 text-sm">
                    <span className="w-64 truncate">“{raw}”</span>
                    <Select value={chosen ?? suggestValue(kind, raw) ?? ""} onChange={(event) => setValue(kind, raw, event.target.value)} aria-label={`Meaning of “${raw}” (${VALUE_KIND_LABELS[kind]})`}>
                      <option value="">No value / not understood</option>
                      {VALUE_TARGETS[kind].map((target) => (
                        <option key={target} value={target}>
                          {TARGET_VALUE_LABELS[kind][target] ?? target}
                        </option>
                      ))}
                    </Select>
                  </label>
                );
              })}
            </fieldset>
          ))}
        </section>
      )}

      <section aria-labelledby="rules-heading" className="flex flex-col gap-3">
        <h2 id="rules-heading" className="text-lg font-semibold">
          Rules
        </h2>
        <div className="flex flex-wrap gap-4">
          <label className="flex flex-col text-sm">
            Dates written
            <Select value={mapping.dateOrder} onChange={(event) => setMapping({ ...mapping, dateOrder: event.target.value as ImportMapping["dateOrder"] })}>
              {DATE_ORDERS.map((order) => (
                <option key={order} value={order}>
                  {DATE_ORDER_LABELS[order]}
                </option>
              ))}
            </Select>
          </label>
          <label className="flex flex-col text-sm">
            Mode when a row does not say
            <Select value={mapping.defaults.mode} onChange={(event) => setMapping({ ...mapping, defaults: { ...mapping.defaults, mode: event.target.value as ImportMapping["defaults"]["mode"] } })}>
              {Object.entries(MODE_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </label>
          <label className="flex flex-col text-sm">
            Lifecycle stage of new respondents when a row does not say
            <Select
              value={mapping.defaults.lifecycleStage}
              onChange={(event) => setMapping({ ...mapping, defaults: { ...mapping.defaults, lifecycleStage: event.target.value as ImportMapping["defaults"]["lifecycleStage"] } })}
            >
              {Object.entries(LIFECYCLE_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </label>
        </div>
        <fieldset className="flex flex-col gap-1 text-sm">
          <legend className="font-medium">Expectations the map does not list</legend>
          <label>
            <input type="radio" name="unknown" checked={mapping.unknownExpectations === "refuse"} onChange={() => setMapping({ ...mapping, unknownExpectations: "refuse" })} />{" "}
            Refuse those rows
          </label>
          <label>
            <input type="radio" name="unknown" checked={mapping.unknownExpectations === "volunteer"} onChange={() => setMapping({ ...mapping, unknownExpectations: "volunteer" })} />{" "}
            Add them as unlisted (volunteered) expectations, for review
          </label>
        </fieldset>
      </section>

      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <div>
        <Button onClick={submit} disabled={pending}>
          {pending ? "Starting…" : "Import"}
        </Button>
      </div>
    </div>
  );
}
