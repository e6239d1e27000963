import { useId, type ReactNode } from "react";
import { cn } from "./cn";

/** Spread these on the control: `{(control) => <Input {...control} name="title" />}`. */
export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-required"?: true;
}

export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  /** One message or the list an action returned for this field (`fieldErrors.title`). */
  error?: string | readonly string[] | null;
  /** Marks the label and sets aria-required (not `required`, so the server's message shows, not the browser's). */
  required?: boolean;
  /** Use a given id for the control, e.g. to point another label at it. */
  id?: string;
  /** Visually hide the label (it is still the accessible name). */
  labelHidden?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

function errorMessages(error: FieldProps["error"]): readonly string[] {
  if (!error) return [];
  return typeof error === "string" ? [error] : error.filter((message) => message.length > 0);
}

/**
 * Label, hint and error around one control, wired by id. A render prop rather than
 * cloneElement so the wiring is explicit, typed, and works for any control (our Input,
 * a native element, a custom combobox).
 */
export function Field({ label, hint, error, required = false, id, labelHidden = false, className, children }: FieldProps) {
  const generatedId = useId();
  const controlId = id ?? `${generatedId}-control`;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const messages = errorMessages(error);
  const invalid = messages.length > 0;
  const describedBy = [hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(" ");

  const control: FieldControlProps = { id: controlId };
  if (describedBy) control["aria-describedby"] = describedBy;
  if (invalid) control["aria-invalid"] = true;
  if (required) control["aria-required"] = true;

  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label htmlFor={controlId} className={cn("text-sm font-medium text-fg", labelHidden && "sr-only")}>
        {label}
        {required ? (
          <>
            <span aria-hidden="true" className="ml-0.5 text-danger">
              *
            </span>
            <span className="sr-only"> (required)</span>
          </>
        ) : null}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-fg-muted">
          {hint}
        </p>
      ) : null}
      {children(control)}
      {invalid ? (
        <p id={errorId} className="flex items-start gap-1 text-sm font-medium text-danger">
          <ErrorIcon />
          <span>
            <span className="sr-only">Error: </span>
            {messages.join(" ")}
          </span>
        </p>
      ) : null}
    </div>
  );
}

function ErrorIcon() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 size-4 shrink-0">
      <path
        fillRule="evenodd"
        d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
        clipRule="evenodd"
      />
    </svg>
  );
}
