"use client";

import { useId, useOptimistic, useState, useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { AnalysisFilter } from "@/lib/schemas/analysis-filter";
import { FILTER_PARAM_KEYS, filterToSearchParams, LIFECYCLE_STAGES, VALUE_TIERS } from "@/lib/schemas/analysis-filter-params";
import { addDays } from "@/lib/analysis/trend";
import type { FilterOptions } from "@/lib/types/analysis";
import { MultiSelect } from "@/components/matrix/multi-select";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/components/ui/cn";

const LIFECYCLE_LABEL: Record<(typeof LIFECYCLE_STAGES)[number], string> = {
  PROSPECT: "Prospect",
  NEW: "New",
  ESTABLISHED: "Established",
  LAPSED: "Lapsed",
};
const TIER_LABEL: Record<(typeof VALUE_TIERS)[number], string> = {
  HIGH: "High value",
  MEDIUM: "Medium value",
  LOW: "Low value",
  UNKNOWN: "Unknown value",
};

const PRESETS = [
  { label: "All time", days: null },
  { label: "Last 28 days", days: 28 },
  { label: "Last 90 days", days: 90 },
  { label: "Last 12 months", days: 365 },
] as const;

/** The analysis filter, kept in the URL: every change navigates, so a view can be shared. */
export function FilterBar({ filter: current, options, today }: { filter: AnalysisFilter; options: FilterOptions; today: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  // The controls show the new choice at once, while the page with its figures loads.
  const [filter, setFilter] = useOptimistic(current);

  function apply(next: AnalysisFilter) {
    const params = new URLSearchParams(searchParams.toString());
    for (const key of FILTER_PARAM_KEYS) params.delete(key);
    filterToSearchParams(next).forEach((value, key) => params.append(key, value));
    const query = params.toString();
    startTransition(() => {
      setFilter(next);
      router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
    });
  }

  const activePreset = PRESETS.find((preset) =>
    preset.days === null ? !filter.from && !filter.to : filter.from === addDays(today, -(preset.days - 1)) && filter.to === today,
  );
  const attributeSelection = (fieldId: string) => {
    const ids = new Set(options.attributes.find((field) => field.id === fieldId)?.options.map((option) => option.id));
    return filter.attr.filter((id) => ids.has(id));
  };
  const inUse = FILTER_PARAM_KEYS.filter((key) => searchParams.has(key)).length;
  const [unfolded, setUnfolded] = useState(false);
  const controlsId = useId();

  return (
    <section aria-label="Filter" className="rounded-lg border border-border bg-surface p-3" data-print="hide">
      {/* On a phone the controls fold away behind one button, so the figures come first. */}
      <button
        type="button"
        className="flex min-h-11 w-full items-center justify-between text-sm font-medium sm:hidden"
        aria-expanded={unfolded}
        aria-controls={controlsId}
        onClick={() => setUnfolded((open) => !open)}
      >
        <span>
          Filters
          {inUse > 0 ? ` (${inUse} in use)` : ""}
        </span>
        <span aria-hidden="true">{unfolded ? "▴" : "▾"}</span>
      </button>
      <div id={controlsId} className={cn("flex-wrap items-end gap-2 sm:flex", unfolded ? "mt-2 flex" : "hidden")}>
        <label className="flex flex-col text-xs text-fg-muted">
          Period
          <select
            className="mt-1 h-9 rounded-md border border-border-strong bg-surface px-2 text-sm text-fg"
            value={activePreset?.label ?? "custom"}
            onChange={(event) => {
              const preset = PRESETS.find((item) => item.label === event.target.value);
              if (!preset) return;
              apply({
                ...filter,
                from: preset.days === null ? undefined : addDays(today, -(preset.days - 1)),
                to: preset.days === null ? undefined : today,
              });
            }}
          >
            {PRESETS.map((preset) => (
              <option key={preset.label} value={preset.label}>
                {preset.label}
              </option>
            ))}
            {!activePreset && <option value="custom">Custom dates</option>}
          </select>
        </label>
        <label className="flex flex-col text-xs text-fg-muted">
          From
          <input
            type="date"
            className="mt-1 h-9 rounded-md border border-border-strong bg-surface px-2 text-sm text-fg"
            value={filter.from ?? ""}
            max={filter.to ?? today}
            onChange={(event) => apply({ ...filter, from: event.target.value || undefined })}
          />
        </label>
        <label className="flex flex-col text-xs text-fg-muted">
          To
          <input
            type="date"
            className="mt-1 h-9 rounded-md border border-border-strong bg-surface px-2 text-sm text-fg"
            value={filter.to ?? ""}
            min={filter.from}
            onChange={(event) => apply({ ...filter, to: event.target.value || undefined })}
          />
        </label>
        <MultiSelect
          label="Stage"
          options={options.stages.map((stage) => ({ value: stage.id, label: stage.name }))}
          selected={filter.stage}
          onChange={(stage) => apply({ ...filter, stage })}
        />
        <MultiSelect
          label="Channel"
          options={options.channels.map((channel) => ({ value: channel.id, label: channel.name }))}
          selected={filter.channel}
          onChange={(channel) => apply({ ...filter, channel })}
        />
        <MultiSelect
          label="Lifecycle"
          options={LIFECYCLE_STAGES.map((value) => ({ value, label: LIFECYCLE_LABEL[value] }))}
          selected={filter.lifecycle}
          onChange={(lifecycle) => apply({ ...filter, lifecycle: lifecycle as AnalysisFilter["lifecycle"] })}
        />
        <MultiSelect
          label="Value tier"
          options={VALUE_TIERS.map((value) => ({ value, label: TIER_LABEL[value] }))}
          selected={filter.tier}
          onChange={(tier) => apply({ ...filter, tier: tier as AnalysisFilter["tier"] })}
        />
        <MultiSelect
          label="Segment"
          options={options.segments.map((segment) => ({ value: segment, label: segment }))}
          selected={filter.segment}
          onChange={(segment) => apply({ ...filter, segment })}
        />
        {options.attributes.map((field) => (
          <MultiSelect
            key={field.id}
            label={field.name}
            options={field.options.map((option) => ({ value: option.id, label: option.value }))}
            selected={attributeSelection(field.id)}
            onChange={(ids) => apply({ ...filter, attr: [...filter.attr.filter((id) => !attributeSelection(field.id).includes(id)), ...ids] })}
          />
        ))}
        <MultiSelect
          label="Interviewer"
          options={options.interviewers.map((interviewer) => ({ value: interviewer.id, label: interviewer.name }))}
          selected={filter.interviewer}
          onChange={(interviewer) => apply({ ...filter, interviewer })}
        />
        <label className="flex h-9 items-center gap-2 rounded-md border border-border-strong px-3 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-brand"
            checked={filter.mot}
            onChange={(event) => apply({ ...filter, mot: event.target.checked })}
          />
          Moments of truth only
        </label>
        {inUse > 0 && (
          <button
            type="button"
            className="h-9 px-2 text-sm underline"
            onClick={() => apply({ channel: [], stage: [], lifecycle: [], tier: [], segment: [], attr: [], interviewer: [], mot: false })}
          >
            Clear all filters
          </button>
        )}
        {pending && <Spinner size="sm" label="Updating" />}
      </div>
    </section>
  );
}
