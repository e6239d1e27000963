import Link from "next/link";
import type { MapSummary } from "@/lib/data/maps";
import { Badge } from "@/components/ui/badge";

const STATUS_LABEL = { DRAFT: "Draft", ACTIVE: "Active", ARCHIVED: "Archived" } as const;

/** A map with its progress toward the interview target. */
export function MapCard({ map, href }: { map: MapSummary; href?: string }) {
  const target = map.interviewTarget;
  const share = target ? Math.min(1, map.submittedInterviews / target) : null;
  const title = href ? (
    <Link href={href} className="hover:underline">
      {map.name}
    </Link>
  ) : (
    map.name
  );
  return (
    <article className="flex h-full flex-col rounded-lg border border-border bg-surface p-4 shadow-sm">
      <div className="flex items-start justify-between gap-3">
        <h2 className="text-base font-semibold">{title}</h2>
        <Badge>{STATUS_LABEL[map.status]}</Badge>
      </div>
      {map.description && <p className="mt-1 line-clamp-2 text-sm text-fg-muted">{map.description}</p>}
      <p className="mt-3 text-sm text-fg-muted">{map.touchpoints} touchpoints</p>
      <div className="mt-auto pt-4">
        <p className="text-sm">
          <strong>{map.submittedInterviews}</strong>
          {target ? ` of ${target} interviews` : " interviews (no target set)"}
        </p>
        {share !== null && (
          <div
            role="progressbar"
            aria-label={`Interviews toward the target of ${map.name}`}
            aria-valuemin={0}
            aria-valuemax={target ?? 0}
            aria-valuenow={map.submittedInterviews}
            className="mt-2 h-2 overflow-hidden rounded-full bg-surface-sunken"
          >
            <div className="h-full rounded-full bg-brand" style={{ width: `${Math.round(share * 100)}%` }} />
          </div>
        )}
      </div>
    </article>
  );
}
