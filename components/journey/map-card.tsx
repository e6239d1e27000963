import Link from "next/link";
import type { ReactNode } from "react";
import type { MapSummary } from "@/lib/types/maps";
import { MAP_STATUS_LABELS } from "@/lib/schemas/map";
import { Badge } from "@/components/ui/badge";
import { plural, pluralForm } from "@/lib/plural";
import { buttonClasses } from "@/components/ui/button";

/**
 * A map with its progress toward the interview target, overall and per segment value. `href`
 * is where its name leads (the map, or for an interviewer the capture); `recordHref`, given for
 * an active map to those who may record, adds a "Record an interview" link.
 */
export function MapCard({ map, href, recordHref, actions }: { map: MapSummary; href?: string; recordHref?: string; actions?: ReactNode }) {
  const target = map.interviewTarget;
  const title = href ? (
    <Link href={href} className="hover:underline">
      {map.name}
    </Link>
  ) : (
    map.name
  );
  return (
    <article className="flex h-full flex-col rounded-lg border border-border bg-surface p-4 shadow-sm" data-testid="map-card">
      <div className="flex items-start justify-between gap-3">
        <h2 className="min-w-0 text-base font-semibold break-words">{title}</h2>
        <Badge>{MAP_STATUS_LABELS[map.status]}</Badge>
      </div>
      {map.description && <p className="mt-1 line-clamp-2 text-sm text-fg-muted">{map.description}</p>}
      <p className="mt-3 text-sm text-fg-muted">
        {plural(map.touchpoints, "touchpoint")}
      </p>
      <div className="mt-auto pt-4">
        <p className="text-sm">
          <strong>{map.submittedInterviews}</strong>
          {target ? ` of ${plural(target, "interview")}` : ` ${pluralForm(map.submittedInterviews, "interview")} (no target set)`}
        </p>
        {target !== null && <Progress label={`Interviews toward the target of ${map.name}`} value={map.submittedInterviews} max={target} />}
        {map.segments.length > 0 && (
          <ul className="mt-3 flex flex-col gap-1.5" aria-label={`Interviews per segment, ${map.name}`}>
            {map.segments.map((segment) => (
              <li key={segment.segment} className="text-xs text-fg-muted">
                <span className="flex justify-between gap-2">
                  <span>{segment.segment}</span>
                  <span className="tabular-nums">
                    {segment.submitted} of {segment.target}
                  </span>
                </span>
                <Progress label={`${segment.segment}: interviews toward the target`} value={segment.submitted} max={segment.target} thin />
              </li>
            ))}
          </ul>
        )}
      </div>
      {(actions || recordHref) && (
        <div className="mt-4 flex flex-wrap items-center gap-2 border-t border-border pt-3" data-print="hide">
          {recordHref && (
            <Link href={recordHref} className={buttonClasses("secondary", "sm")} data-testid="record-on-map">
              Record an interview<span className="sr-only"> on {map.name}</span>
            </Link>
          )}
          {actions}
        </div>
      )}
    </article>
  );
}

export function Progress({ label, value, max, thin = false }: { label: string; value: number; max: number; thin?: boolean }) {
  const share = max > 0 ? Math.min(1, value / max) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={Math.min(value, max)}
      aria-valuetext={`${value} of ${max}`}
      className={thin ? "mt-1 h-1.5 overflow-hidden rounded-full bg-surface-sunken" : "mt-2 h-2 overflow-hidden rounded-full bg-surface-sunken"}
    >
      <div className={value >= max ? "h-full rounded-full bg-success" : "h-full rounded-full bg-brand"} style={{ width: `${Math.round(share * 100)}%` }} />
    </div>
  );
}
