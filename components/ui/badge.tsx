import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export type BadgeTone =
  | "neutral"
  | "missed"
  | "met"
  | "exceeded"
  | "fix-first"
  | "keep-up"
  | "back-burner"
  | "overkill"
  | "moment-of-truth";

export interface BadgeProps extends Omit<ComponentProps<"span">, "children"> {
  tone?: BadgeTone;
  /** The words are the meaning; the colour only repeats it. */
  children: ReactNode;
}

// Tint background, dark text of the same hue (>= 5:1), solid-colour border.
const toneClass: Record<BadgeTone, string> = {
  neutral: "border-border-strong bg-surface-sunken text-fg-muted",
  missed: "border-missed bg-missed-subtle text-missed-fg",
  met: "border-met bg-met-subtle text-met-fg",
  exceeded: "border-exceeded bg-exceeded-subtle text-exceeded-fg",
  "fix-first": "border-fix-first bg-fix-first-subtle text-fix-first-fg",
  "keep-up": "border-keep-up bg-keep-up-subtle text-keep-up-fg",
  "back-burner": "border-back-burner bg-back-burner-subtle text-back-burner-fg",
  overkill: "border-overkill-fg bg-overkill-subtle text-overkill-fg",
  "moment-of-truth": "border-moment-of-truth bg-moment-of-truth-subtle text-moment-of-truth-fg",
};

export function Badge({ tone = "neutral", className, children, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap",
        toneClass[tone],
        className,
      )}
      {...props}
    >
      {children}
    </span>
  );
}
