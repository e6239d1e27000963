import Link from "next/link";
import { buttonClasses } from "./button";
import { cn } from "./cn";

/**
 * The end of a list's filter form (a GET form, so it works before the page's script loads):
 * "Apply filters", and "Clear" back to the unfiltered list when a filter is set.
 */
export function FilterActions({ clearHref, filtered, className }: { clearHref: string; filtered: boolean; className?: string }) {
  return (
    <div className={cn("flex gap-2", className)}>
      <button type="submit" className={buttonClasses("secondary")}>
        Apply filters
      </button>
      {filtered ? (
        <Link href={clearHref} className={buttonClasses("ghost")}>
          Clear
        </Link>
      ) : null}
    </div>
  );
}
