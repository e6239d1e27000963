import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/lib/workspace";
import { getFilterOptions, getMapForAnalysis, getMatrix } from "@/lib/data/analysis";
import { filterToSearchParams, hasInterviewFilter, parseAnalysisFilter, parseCrosshairMode } from "@/lib/schemas/analysis-filter";
import { todayIso } from "@/lib/analysis/trend";
import { describeFilter } from "@/lib/analysis/filter-summary";
import { failingBasics, workingDelighters } from "@/lib/analysis/insight";
import { plural } from "@/lib/plural";
import type { MatrixPoint } from "@/lib/types/analysis";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { LinkProblems, ViewCounts } from "@/components/matrix/view-summary";
import { FilterBar } from "@/components/matrix/filter-bar";
import { formatNumber, formatSigned } from "@/components/matrix/format";
import { AsymmetryChart, asymmetryChartTitle } from "@/components/insight/asymmetry-chart";
import { ChartDownload } from "@/components/charts/chart-download";
import { CLASS_LABEL, CLASS_SENTENCE, CLASS_TONE } from "@/components/insight/format";

export const metadata: Metadata = { title: "Basics and delighters" };

export default async function AsymmetryPage({ params, searchParams }: PageProps<"/w/[workspaceId]/maps/[mapId]/asymmetry">) {
  const { workspaceId, mapId } = await params;
  const ctx = await requireWorkspace(workspaceId, "analysis.view");
  const map = await getMapForAnalysis(ctx, mapId);
  if (!map) notFound();
  const query = await searchParams;
  const { filter, problems } = parseAnalysisFilter(query);
  const crosshairMode = parseCrosshairMode(query.crosshair);
  const [matrix, options] = await Promise.all([getMatrix(ctx, map, filter, crosshairMode), getFilterOptions(ctx, mapId)]);
  const filterQuery = filterToSearchParams(filter).toString();
  const detailHref = (id: string) => `/w/${workspaceId}/maps/${mapId}/matrix/${id}${filterQuery ? `?${filterQuery}` : ""}`;
  const crosshair = matrix.crosshair.performance;
  const failing = failingBasics(matrix.points, crosshair);
  const working = workingDelighters(matrix.points, crosshair);
  const filtered = hasInterviewFilter(filter);

  return (
    <>
      <PageHeader
        title="Basics and delighters"
        description="Which touchpoints customers take for granted and which delight them: how missing and exceeding each one moves the overall feeling customers leave with."
      />
      <FilterBar filter={filter} options={options} today={todayIso()} />
      <LinkProblems problems={problems} className="mt-3" />
      <ViewCounts className="my-3 text-sm" interviews={matrix.interviews} observations={matrix.observations} filtered={filtered} />
      {matrix.interviews === 0 || matrix.points.length === 0 ? (
        <EmptyState
          title={matrix.interviews === 0 ? "No interviews in this view" : "No touchpoints in this view"}
          description="The classes need interviews with an overall feeling. Widen the period or remove a filter."
        />
      ) : (
        <div className="space-y-6">
          <dl className="grid gap-3 md:grid-cols-2 xl:grid-cols-4" aria-label="What each class means">
            {(["BASIC", "PERFORMANCE", "DELIGHTER", "UNCLASSIFIED"] as const).map((kind) => (
              <div key={kind} className="rounded-md border border-border bg-surface p-3 text-sm">
                <dt>
                  <Badge tone={CLASS_TONE[kind]}>{CLASS_LABEL[kind]}</Badge>
                </dt>
                <dd className="mt-1.5 text-fg-muted">{CLASS_SENTENCE[kind]}</dd>
              </div>
            ))}
          </dl>
          <p className="max-w-prose text-sm text-fg-muted">
            For each touchpoint, the penalty is how much lower customers rate the whole visit when it was missed than when it was met,
            and the reward how much higher when it was exceeded. Impact asymmetry weighs one against the other, from −1 (only missing
            matters) to +1 (only exceeding matters); beyond ±{map.asymmetryThreshold}, this map&apos;s threshold, a touchpoint is a basic or a
            delighter.
          </p>
          <div className="grid gap-6 lg:grid-cols-2">
            <PointList
              id="failing-basics"
              title="Basics that are failing"
              lead="Fix these first: customers expect them, so every miss costs goodwill, and exceeding them earns nothing. Performance below the crosshair."
              empty="No basic performs below the crosshair in this view."
              points={failing}
              detailHref={detailHref}
            />
            <PointList
              id="working-delighters"
              title="Delighters that work"
              lead="Keep them and say so: they lift how customers feel, and they perform at or above the crosshair."
              empty="No delighter performs at or above the crosshair in this view."
              points={working}
              detailHref={detailHref}
            />
          </div>
          <ChartDownload title={asymmetryChartTitle(map.name)} filterLine={`${describeFilter(filter, options)} (${plural(matrix.interviews, "interview")})`} selector="[data-testid='asymmetry-chart'] svg">
            <AsymmetryChart points={matrix.points} theta={map.asymmetryThreshold} crosshairPerformance={crosshair} detailHref={detailHref} />
          </ChartDownload>
          <ClassTable points={matrix.points} detailHref={detailHref} />
        </div>
      )}
    </>
  );
}

function PointList({
  id,
  title,
  lead,
  empty,
  points,
  detailHref,
}: {
  id: string;
  title: string;
  lead: string;
  empty: string;
  points: MatrixPoint[];
  detailHref: (id: string) => string;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="rounded-lg border border-border bg-surface p-4" data-testid={id}>
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-sm text-fg-muted">{lead}</p>
      {points.length === 0 ? (
        <p className="mt-3 text-sm">{empty}</p>
      ) : (
        <ul className="mt-3 space-y-2 text-sm">
          {points.map((point) => (
            <li key={point.id}>
              <Link href={detailHref(point.id)} className="font-medium underline">
                {point.name}
              </Link>{" "}
              <span className="text-fg-muted">
                ({point.stageName} · {point.channelName}): performance {formatSigned(point.performance.value)}, penalty{" "}
                {formatSigned(point.asymmetry.penalty, 2)}, reward {formatSigned(point.asymmetry.reward, 2)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ClassTable({ points, detailHref }: { points: MatrixPoint[]; detailHref: (id: string) => string }) {
  return (
    <Table caption="Every touchpoint's class, with the groups it was computed from">
      <THead>
        <Tr>
          <Th>Touchpoint</Th>
          <Th>Class</Th>
          <Th numeric>Impact asymmetry</Th>
          <Th numeric>Penalty</Th>
          <Th numeric>Reward</Th>
          <Th numeric>Missed / met / exceeded with an overall feeling</Th>
          <Th numeric>Performance</Th>
        </Tr>
      </THead>
      <TBody>
        {points.map((point) => (
          <Tr key={point.id} data-testid="asymmetry-row">
            <Td>
              <Link href={detailHref(point.id)} className="font-medium underline-offset-2 hover:underline">
                {point.name}
              </Link>
              <span className="block text-xs text-fg-muted">
                {point.stageName} · {point.channelName}
              </span>
            </Td>
            <Td>
              <Badge tone={CLASS_TONE[point.asymmetry.kind]}>{CLASS_LABEL[point.asymmetry.kind]}</Badge>
            </Td>
            <Td numeric>{formatSigned(point.asymmetry.ia, 2)}</Td>
            <Td numeric>{formatSigned(point.asymmetry.penalty, 2)}</Td>
            <Td numeric>{formatSigned(point.asymmetry.reward, 2)}</Td>
            <Td numeric>
              {point.asymmetry.groups.missed} / {point.asymmetry.groups.met} / {point.asymmetry.groups.exceeded}
            </Td>
            <Td numeric>{formatNumber(point.performance.value)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
