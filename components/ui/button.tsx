import type { ComponentProps } from "react";
import { cn } from "./cn";
import { SpinnerIcon } from "./spinner";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md";

const base =
  "inline-flex items-center justify-center gap-2 rounded-md border font-medium whitespace-nowrap " +
  "transition-colors select-none disabled:cursor-not-allowed disabled:opacity-60 " +
  "aria-busy:cursor-progress";

const variants: Record<ButtonVariant, string> = {
  primary:
    "border-transparent bg-brand text-fg-inverse hover:bg-brand-strong active:bg-brand-strong disabled:hover:bg-brand",
  secondary:
    "border-border-strong bg-surface text-fg hover:bg-surface-muted active:bg-surface-sunken disabled:hover:bg-surface",
  ghost: "border-transparent bg-transparent text-fg hover:bg-surface-muted active:bg-surface-sunken disabled:hover:bg-transparent",
  danger:
    "border-transparent bg-danger text-fg-inverse hover:bg-danger-strong active:bg-danger-strong disabled:hover:bg-danger",
};

const sizes: Record<ButtonSize, string> = {
  sm: "h-8 px-3 text-sm",
  md: "h-10 px-4 text-sm",
};

/** The button look as a class string, for `<Link className={buttonClasses("secondary")}>`. */
export function buttonClasses(variant: ButtonVariant = "primary", size: ButtonSize = "md", className?: string): string {
  return cn(base, variants[variant], sizes[size], className);
}

export interface ButtonProps extends ComponentProps<"button"> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a spinner, sets aria-busy and disables the button; the label stays. */
  loading?: boolean;
}

/** Defaults to type="button": pass type="submit" for the button that submits a form. */
export function Button({
  variant = "primary",
  size = "md",
  loading = false,
  disabled,
  type = "button",
  className,
  children,
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      className={buttonClasses(variant, size, className)}
      {...props}
    >
      {loading ? <SpinnerIcon size="sm" /> : null}
      {children}
    </button>
  );
}
