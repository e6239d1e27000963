import { useId, type ComponentProps, type ReactNode } from "react";
import { cn } from "./cn";

export interface CardProps extends Omit<ComponentProps<"div">, "title"> {
  /** "section" also labels the landmark with the title. */
  as?: "div" | "section" | "article";
  title?: ReactNode;
  description?: ReactNode;
  /** Buttons or links at the top right. */
  actions?: ReactNode;
  footer?: ReactNode;
  headingLevel?: 2 | 3 | 4;
}

export function Card({
  as: Element = "div",
  title,
  description,
  actions,
  footer,
  headingLevel = 2,
  className,
  children,
  ...props
}: CardProps) {
  const titleId = useId();
  const Heading = `h${headingLevel}` as const;
  const hasHeader = title !== undefined || actions !== undefined;
  return (
    <Element
      aria-labelledby={Element !== "div" && title !== undefined ? titleId : undefined}
      data-print="keep"
      className={cn("rounded-lg border border-border bg-surface shadow-xs", className)}
      {...props}
    >
      {hasHeader ? (
        <div className="flex flex-wrap items-start justify-between gap-3 px-5 pt-4">
          <div className="flex min-w-0 flex-col gap-1">
            {title !== undefined ? (
              <Heading id={titleId} className="text-lg font-semibold text-fg">
                {title}
              </Heading>
            ) : null}
            {description ? <p className="text-sm text-fg-muted">{description}</p> : null}
          </div>
          {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
        </div>
      ) : null}
      {children !== undefined ? <div className="px-5 py-4">{children}</div> : null}
      {footer ? <div className="flex flex-wrap items-center gap-2 border-t border-border px-5 py-3">{footer}</div> : null}
    </Element>
  );
}
