import type { ComponentProps, ReactNode } from "react";
import { Button } from "./button";
import { cn } from "./cn";

export interface ErrorStateProps extends Omit<ComponentProps<"div">, "title"> {
  title?: ReactNode;
  /** What went wrong in words for the user; never a stack trace. */
  message?: ReactNode;
  /** In an error boundary pass `reset` (or `unstable_retry`) here. Omit to hide the button. */
  onRetry?: () => void;
  retryLabel?: string;
  /** The error's digest, shown so a user can quote it to support. */
  reference?: string;
  headingLevel?: 1 | 2;
}

/** Fallback for error boundaries: a short explanation and a way to try again. */
export function ErrorState({
  title = "Something went wrong",
  message = "We could not load this part of the page. Please try again.",
  onRetry,
  retryLabel = "Try again",
  reference,
  headingLevel = 2,
  className,
  ...props
}: ErrorStateProps) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <div
      role="alert"
      className={cn(
        "flex flex-col items-start gap-3 rounded-lg border border-danger bg-danger-subtle px-5 py-4",
        className,
      )}
      {...props}
    >
      <div className="flex items-start gap-2">
        <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 size-5 shrink-0 text-danger">
          <path
            fillRule="evenodd"
            clipRule="evenodd"
            d="M8.49 2.9c.66-1.2 2.36-1.2 3.02 0l6.28 11.4c.63 1.15-.2 2.55-1.51 2.55H3.72c-1.31 0-2.14-1.4-1.51-2.55L8.49 2.9ZM10 6a.75.75 0 0 1 .75.75v3.5a.75.75 0 0 1-1.5 0v-3.5A.75.75 0 0 1 10 6Zm0 8a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
          />
        </svg>
        <div className="flex flex-col gap-1">
          <Heading className="text-lg font-semibold text-fg">{title}</Heading>
          <p className="text-sm text-fg">{message}</p>
          {reference ? <p className="text-xs text-fg-muted">Reference: {reference}</p> : null}
        </div>
      </div>
      {onRetry ? (
        <Button variant="secondary" size="sm" onClick={onRetry}>
          {retryLabel}
        </Button>
      ) : null}
    </div>
  );
}
