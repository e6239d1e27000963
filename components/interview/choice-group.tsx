"use client";

import type { KeyboardEvent, ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type ChoiceOption<V extends string | number> = {
  value: V;
  label: string;
  /** A second line under the label (e.g. "important" under 4). */
  detail?: string;
  /** The key that picks it (shown on the option). */
  shortcut?: string;
  /** Classes for the selected state: the colour repeats the words, never replaces them. */
  selectedClass?: string;
};

type Props<V extends string | number> = {
  id: string;
  name: string;
  legend: ReactNode;
  legendHidden?: boolean;
  options: readonly ChoiceOption<V>[];
  value: V | null;
  onChange: (value: V | null) => void;
  /** After a pick by shortcut key: move on (to the next question). */
  onAdvance?: () => void;
  /** 0, Backspace or Delete clears the choice. */
  clearable?: boolean;
  shortcuts?: boolean;
  invalid?: boolean;
  describedBy?: string;
  /** Grid classes for the options. */
  layoutClass?: string;
  size?: "md" | "lg";
};

/** Moves keyboard focus into a choice group: onto the chosen option, else the first. */
export function focusChoiceGroup(id: string): boolean {
  const group = document.getElementById(id);
  const target = group?.querySelector<HTMLInputElement>("input:checked") ?? group?.querySelector<HTMLInputElement>("input");
  target?.focus();
  return Boolean(target);
}

/**
 * One question answered by picking one option: native radio buttons (arrow keys, screen
 * readers and forms work as usual) drawn as large tiles, plus number keys that pick and
 * move on, which is what makes a long interview fast by keyboard.
 */
export function ChoiceGroup<V extends string | number>({
  id,
  name,
  legend,
  legendHidden = false,
  options,
  value,
  onChange,
  onAdvance,
  clearable = false,
  shortcuts = true,
  invalid = false,
  describedBy,
  layoutClass = "grid-cols-3",
  size = "md",
}: Props<V>) {
  function onKeyDown(event: KeyboardEvent<HTMLFieldSetElement>) {
    if (!shortcuts || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement;
    if (target.tagName !== "INPUT" || (target as HTMLInputElement).type !== "radio") return;
    const option = options.find((candidate) => candidate.shortcut === event.key);
    if (option) {
      event.preventDefault();
      event.stopPropagation();
      onChange(option.value);
      onAdvance?.();
      return;
    }
    if (clearable && (event.key === "0" || event.key === "Backspace" || event.key === "Delete")) {
      event.preventDefault();
      event.stopPropagation();
      onChange(null);
    }
  }

  return (
    <fieldset
      id={id}
      onKeyDown={onKeyDown}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      className="min-w-0"
    >
      <legend className={cn("mb-1.5 text-sm font-medium text-fg", legendHidden && "sr-only")}>{legend}</legend>
      <div className={cn("grid gap-1.5", layoutClass)}>
        {options.map((option) => {
          const checked = value === option.value;
          return (
            <label key={String(option.value)} className="relative flex min-w-0 cursor-pointer">
              <input
                type="radio"
                name={name}
                value={String(option.value)}
                checked={checked}
                onChange={() => onChange(option.value)}
                className="peer sr-only"
              />
              <span
                className={cn(
                  "flex w-full min-w-0 flex-col items-center justify-center rounded-md border px-1 text-center leading-tight",
                  "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-focus",
                  size === "lg" ? "min-h-14 py-2" : "min-h-11 py-1.5",
                  checked
                    ? cn("border-2 font-semibold", option.selectedClass ?? "border-brand bg-brand-subtle text-fg")
                    : cn("bg-surface text-fg hover:bg-surface-muted", invalid ? "border-danger" : "border-border-strong"),
                )}
              >
                <span className="flex items-center gap-1 text-sm">
                  {shortcuts && option.shortcut ? (
                    <kbd aria-hidden="true" className="hidden rounded border border-current px-1 font-mono text-xs [@media(pointer:fine)]:inline">
                      {option.shortcut}
                    </kbd>
                  ) : null}
                  <span>{option.label}</span>
                </span>
                {option.detail ? <span className="text-xs">{option.detail}</span> : null}
                {checked ? <CheckMark /> : null}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

function CheckMark() {
  // The selected tile also carries a tick, so the choice does not rest on colour.
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="absolute top-1 right-1 size-3.5">
      <path
        fillRule="evenodd"
        d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z"
        clipRule="evenodd"
      />
    </svg>
  );
}
