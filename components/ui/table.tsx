import Link from "next/link";
import { useId, type ComponentProps, type ReactNode } from "react";
import { cn } from "./cn";

export interface TableProps extends Omit<ComponentProps<"table">, "children"> {
  /** Every table gets a caption: it names the table and its scroll region. */
  caption: ReactNode;
  /** Keep the caption for screen readers only (when a heading right above says the same). */
  captionHidden?: boolean;
  /** Classes for the scroll wrapper. */
  wrapperClassName?: string;
  children: ReactNode;
}

/**
 * A table inside a horizontally scrolling, keyboard-focusable region (a scroll container
 * must be reachable by keyboard, and a focusable region needs a name: the caption).
 */
export function Table({ caption, captionHidden = false, wrapperClassName, className, children, ...props }: TableProps) {
  const captionId = useId();
  return (
    <div
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
      data-print="expand"
      className={cn("w-full overflow-x-auto rounded-lg border border-border bg-surface", wrapperClassName)}
    >
      <table className={cn("w-full border-collapse text-left text-sm tabular-nums", className)} {...props}>
        <caption
          id={captionId}
          className={
            captionHidden ? "sr-only" : "caption-top px-4 pt-3 pb-2 text-left text-sm font-semibold text-fg"
          }
        >
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("border-b border-border bg-surface-muted", className)} {...props} />;
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("[&>tr+tr]:border-t [&>tr+tr]:border-border", className)} {...props} />;
}

export function Tr({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("align-top", className)} {...props} />;
}

export type SortDirection = "ascending" | "descending" | "none";

export interface ThProps extends ComponentProps<"th"> {
  /** Right-align (numbers). */
  numeric?: boolean;
  /**
   * Makes the header sortable: it renders a button (with onSort) or a link (with sortHref,
   * for sort state kept in the URL), and aria-sort on the sorted column.
   */
  sort?: SortDirection;
  onSort?: () => void;
  sortHref?: string;
}

export function Th({ numeric = false, sort, onSort, sortHref, scope = "col", className, children, ...props }: ThProps) {
  const sortable = sort !== undefined && (onSort !== undefined || sortHref !== undefined);
  const controlClass = cn(
    "-mx-1.5 inline-flex items-center gap-1 rounded px-1.5 py-0.5 font-semibold tracking-wide uppercase hover:bg-surface-sunken hover:text-fg",
    numeric && "flex-row-reverse",
  );
  const content = sortable ? (
    sortHref !== undefined ? (
      <Link href={sortHref} scroll={false} className={controlClass}>
        {children}
        <SortIcon direction={sort} />
      </Link>
    ) : (
      <button type="button" onClick={onSort} className={controlClass}>
        {children}
        <SortIcon direction={sort} />
      </button>
    )
  ) : (
    children
  );

  return (
    <th
      scope={scope}
      aria-sort={sortable && sort !== "none" ? sort : undefined}
      className={cn(
        "px-4 py-2.5 text-xs font-semibold tracking-wide text-fg-muted uppercase whitespace-nowrap",
        numeric ? "text-right" : "text-left",
        className,
      )}
      {...props}
    >
      {content}
    </th>
  );
}

export interface TdProps extends ComponentProps<"td"> {
  numeric?: boolean;
}

export function Td({ numeric = false, className, ...props }: TdProps) {
  return <td className={cn("px-4 py-2.5 text-fg", numeric && "text-right", className)} {...props} />;
}

function SortIcon({ direction }: { direction: SortDirection | undefined }) {
  // Arrows are decoration: the direction is announced through aria-sort on the <th>.
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" fill="currentColor" className="size-4 shrink-0">
      {direction === "ascending" ? (
        <path d="M10 5 5.5 11h9L10 5Z" />
      ) : direction === "descending" ? (
        <path d="M10 15 5.5 9h9L10 15Z" />
      ) : (
        <path d="M10 3.5 6.5 8h7L10 3.5Zm0 13L6.5 12h7L10 16.5Z" opacity="0.6" />
      )}
    </svg>
  );
}
