"use client";

import { useEffect, useId, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";

type Option = { value: string; label: string };

/**
 * A compact "Channel: All" button opening a list of checkboxes. Changes apply at once;
 * Escape or a click outside closes it.
 */
export function MultiSelect({
  label,
  options,
  selected,
  onChange,
  disabled,
}: {
  label: string;
  options: Option[];
  selected: string[];
  onChange: (values: string[]) => void;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    document.addEventListener("mousedown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const summary =
    selected.length === 0
      ? "All"
      : selected.length === 1
        ? (options.find((option) => option.value === selected[0])?.label ?? "1 selected")
        : `${selected.length} selected`;

  function toggle(value: string) {
    onChange(selected.includes(value) ? selected.filter((item) => item !== value) : [...selected, value]);
  }

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        disabled={disabled || options.length === 0}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className={cn(
          "flex h-9 items-center gap-1 rounded-md border px-3 text-sm",
          selected.length ? "border-brand bg-brand-subtle" : "border-border-strong bg-surface",
          "disabled:opacity-60",
        )}
      >
        <span className="text-fg-muted">{label}:</span>
        <span className="max-w-40 truncate font-medium">{summary}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          id={panelId}
          role="group"
          aria-label={label}
          className="absolute left-0 z-30 mt-1 max-h-72 w-64 overflow-auto rounded-md border border-border bg-surface p-2 shadow-lg"
        >
          {options.map((option) => (
            <label key={option.value} className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm hover:bg-surface-muted">
              <input
                type="checkbox"
                className="size-4 accent-brand"
                checked={selected.includes(option.value)}
                onChange={() => toggle(option.value)}
              />
              {option.label}
            </label>
          ))}
          {selected.length > 0 && (
            <button type="button" className="mt-1 w-full rounded px-2 py-1.5 text-left text-sm underline" onClick={() => onChange([])}>
              Clear {label.toLowerCase()}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
