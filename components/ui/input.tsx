import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlClasses } from "./control-classes";

export type InputProps = ComponentProps<"input">;

/** A styled native input. Label it with Field (or aria-label when a visible label is not possible). */
export function Input({ type = "text", className, ...props }: InputProps) {
  return <input type={type} className={cn(controlClasses, className)} {...props} />;
}
