"use client";

import { cn } from "./cn";

/** A row of mutually exclusive choices, drawn as buttons: radio inputs underneath. */
export function ToggleGroup<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="flex items-center gap-1 text-sm">
      <legend className="sr-only">{label}</legend>
      {options.map((option) => (
        <label
          key={option.value}
          className={cn(
            "cursor-pointer rounded-md border px-3 py-1.5 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-focus",
            value === option.value ? "border-brand bg-brand-subtle font-medium" : "border-border-strong bg-surface",
          )}
        >
          <input
            type="radio"
            className="sr-only"
            name={label}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
