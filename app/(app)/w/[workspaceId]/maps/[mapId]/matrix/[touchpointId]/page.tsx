import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/lib/workspace";
import { getFilterOptions, getMapForAnalysis, getTouchpointDetail, listTouchpointComments } from "@/lib/data/analysis";
import { describeFilter } from "@/lib/analysis/filter-summary";
import { filterToSearchParams, hasInterviewFilter, parseAnalysisFilter } from "@/lib/schemas/analysis-filter";
import { pageNumberOf } from "@/lib/schemas/page-number";
import { feelingDistribution } from "@/lib/analysis/feelings";
import { trendSeries } from "@/lib/analysis/trend";
import { PageHeader } from "@/components/ui/page-header";
import { TouchpointDetailView } from "@/components/matrix/touchpoint-detail";

export const metadata: Metadata = { title: "Touchpoint" };

const COMMENTS_PER_PAGE = 20;

export default async function TouchpointPage({
  params,
  searchParams,
}: PageProps<"/w/[workspaceId]/maps/[mapId]/matrix/[touchpointId]">) {
  const { workspaceId, mapId, touchpointId } = await params;
  const ctx = await requireWorkspace(workspaceId, "analysis.view");
  const map = await getMapForAnalysis(ctx, mapId);
  if (!map) notFound();
  const query = await searchParams;
  const { filter } = parseAnalysisFilter(query);
  const page = pageNumberOf(query.page);
  const [detail, comments, options] = await Promise.all([
    getTouchpointDetail(ctx, mapId, touchpointId, filter, map.asymmetryThreshold),
    listTouchpointComments(ctx, mapId, touchpointId, filter, { page, pageSize: COMMENTS_PER_PAGE }),
    getFilterOptions(ctx, mapId),
  ]);
  if (!detail) notFound();
  const filterQuery = filterToSearchParams(filter).toString();
  const back = `/w/${workspaceId}/maps/${mapId}/matrix${filterQuery ? `?${filterQuery}` : ""}`;
  const pageHref = (target: number) => {
    const next = filterToSearchParams(filter);
    if (target > 1) next.set("page", String(target));
    return `?${next.toString()}`;
  };

  return (
    <>
      <Link href={back} className="text-sm underline" data-print="hide">
        ← Back to the matrix
      </Link>
      <PageHeader
        title={detail.touchpoint.name}
        description={`${detail.touchpoint.stageName} · ${detail.touchpoint.channelName}${
          detail.touchpoint.ownerTeam ? ` · owned by ${detail.touchpoint.ownerTeam}` : ""
        }${hasInterviewFilter(filter) ? " · filtered view" : ""}`}
      />
      <TouchpointDetailView
        minSample={map.minSample}
        detail={detail}
        feelings={feelingDistribution(detail.feelings)}
        trend={trendSeries(detail.trend)}
        comments={comments.comments}
        commentsTotal={comments.total}
        page={page}
        pages={Math.max(1, Math.ceil(comments.total / COMMENTS_PER_PAGE))}
        pageHrefs={{ previous: pageHref(page - 1), next: pageHref(page + 1) }}
        filterLine={describeFilter(filter, options)}
      />
    </>
  );
}
