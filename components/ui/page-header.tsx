import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export interface PageHeaderProps extends Omit<ComponentProps<"header">, "title"> {
  title: ReactNode;
  description?: ReactNode;
  /** Primary actions for the page (buttons, links). */
  actions?: ReactNode;
  /** Above the title: breadcrumbs or a back link. */
  eyebrow?: ReactNode;
}

/** The page's single h1, with its description and actions. */
export function PageHeader({ title, description, actions, eyebrow, className, ...props }: PageHeaderProps) {
  return (
    <header
      className={cn("flex flex-col gap-4 border-b border-border pb-5 sm:flex-row sm:items-end sm:justify-between", className)}
      {...props}
    >
      <div className="flex min-w-0 flex-col gap-1">
        {eyebrow ? <div className="text-sm text-fg-muted">{eyebrow}</div> : null}
        <h1 className="text-2xl font-semibold text-fg">{title}</h1>
        {description ? <p className="max-w-prose text-sm text-fg-muted">{description}</p> : null}
      </div>
      {actions ? (
        <div data-print="hide" className="flex shrink-0 flex-wrap items-center gap-2">
          {actions}
        </div>
      ) : null}
    </header>
  );
}
