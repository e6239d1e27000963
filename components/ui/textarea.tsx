import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlClasses } from "./control-classes";

export type TextareaProps = ComponentProps<"textarea">;

export function Textarea({ rows = 4, className, ...props }: TextareaProps) {
  return <textarea rows={rows} className={cn(controlClasses, "resize-y", className)} {...props} />;
}
