import type { ComponentProps } from "react";
import { cn } from "./cn";

export type SpinnerSize = "sm" | "md" | "lg";

export interface SpinnerProps extends Omit<ComponentProps<"span">, "children"> {
  /** Read by screen readers (and shown when `showLabel`). */
  label?: string;
  showLabel?: boolean;
  size?: SpinnerSize;
  /** Purely visual (inside a busy button): no role, no label. */
  decorative?: boolean;
}

const sizeClass: Record<SpinnerSize, string> = { sm: "size-4", md: "size-5", lg: "size-8" };

export function SpinnerIcon({ size = "md", className }: { size?: SpinnerSize; className?: string }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 24 24"
      fill="none"
      className={cn("shrink-0 animate-spin", sizeClass[size], className)}
    >
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

/**
 * Loading indicator. With reduced motion the icon stands still; the label still says it is
 * loading, so nothing depends on the animation.
 */
export function Spinner({
  label = "Loading",
  showLabel = false,
  size = "md",
  decorative = false,
  className,
  ...props
}: SpinnerProps) {
  if (decorative) {
    return (
      <span aria-hidden="true" className={cn("inline-flex", className)} {...props}>
        <SpinnerIcon size={size} />
      </span>
    );
  }
  return (
    <span role="status" className={cn("inline-flex items-center gap-2 text-fg-muted", className)} {...props}>
      <SpinnerIcon size={size} />
      <span className={showLabel ? "text-sm" : "sr-only"}>{label}</span>
    </span>
  );
}
