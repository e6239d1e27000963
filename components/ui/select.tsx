import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlClasses } from "./control-classes";

export type SelectProps = ComponentProps<"select">;

/** A styled native select: keeps the platform picker, keyboard behaviour and mobile UI. */
export function Select({ className, children, multiple, ...props }: SelectProps) {
  return (
    <select
      multiple={multiple}
      className={cn(controlClasses, !multiple && "select-chevron pr-9", className)}
      {...props}
    >
      {children}
    </select>
  );
}
