import { useId, type ComponentProps, type ReactNode } from "react";
import { cn } from "./cn";

export interface CheckboxProps extends Omit<ComponentProps<"input">, "type" | "children"> {
  label: ReactNode;
  description?: ReactNode;
  error?: string | null;
  /** Classes for the wrapper (layout); `className` goes on the input. */
  wrapperClassName?: string;
}

/** A native checkbox with its own label (checkboxes put the label after the box, so no Field). */
export function Checkbox({
  label,
  description,
  error,
  id,
  className,
  wrapperClassName,
  "aria-describedby": ariaDescribedBy,
  ...props
}: CheckboxProps) {
  const generatedId = useId();
  const inputId = id ?? `${generatedId}-checkbox`;
  const descriptionId = `${inputId}-description`;
  const errorId = `${inputId}-error`;
  const describedBy = [ariaDescribedBy, description ? descriptionId : null, error ? errorId : null]
    .filter(Boolean)
    .join(" ");

  return (
    <div className={cn("flex items-start gap-2.5", wrapperClassName)}>
      <input
        type="checkbox"
        id={inputId}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? true : undefined}
        className={cn(
          "mt-0.5 size-4 shrink-0 cursor-pointer rounded border-border-strong accent-brand disabled:cursor-not-allowed",
          className,
        )}
        {...props}
      />
      <div className="flex flex-col gap-0.5">
        <label htmlFor={inputId} className="cursor-pointer text-sm font-medium text-fg">
          {label}
        </label>
        {description ? (
          <p id={descriptionId} className="text-sm text-fg-muted">
            {description}
          </p>
        ) : null}
        {error ? (
          <p id={errorId} className="text-sm font-medium text-danger">
            <span className="sr-only">Error: </span>
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
