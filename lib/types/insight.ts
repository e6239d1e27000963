// What the insight views read (lib/data/analysis-insight.ts returns these): channel
// consistency per stage, change alerts per touchpoint, and the map overview.
import type { CellPerformance, StageConsistency } from "@/lib/analysis/consistency";
import type { ChangeAlert, WindowCounts } from "@/lib/analysis/trend";
import type { Matrix, MatrixPoint } from "@/lib/types/analysis";

export type NamedCell = CellPerformance & { channelName: string };

export type StageConsistencyView = Omit<StageConsistency, "cells" | "best" | "worst"> & {
  stageName: string;
  cells: NamedCell[];
  /** The leading channel's cell. */
  best: NamedCell | null;
  /** The lagging channel's cell. */
  worst: NamedCell | null;
};

/** One touchpoint's miss rate, latest window against the one before, and its status. */
export type TouchpointChange = ChangeAlert & {
  touchpointId: string;
  name: string;
  stageName: string;
  channelName: string;
  latest: WindowCounts;
  previous: WindowCounts;
};

export type ChangeAlertReport = {
  /** Both windows, first and last day inclusive ('YYYY-MM-DD'). */
  windows: { latest: { start: string; end: string }; previous: { start: string; end: string } };
  /** Every selected touchpoint, in journey order. */
  touchpoints: TouchpointChange[];
  /** The flagged ones: worsened first, then improved, the larger change first. */
  alerts: TouchpointChange[];
};

export type MapOverview = {
  matrix: Matrix;
  /** The top of the fix list. */
  fixList: MatrixPoint[];
  /** Basics performing below the crosshair, worst first. */
  failingBasics: MatrixPoint[];
  changes: ChangeAlertReport;
  consistency: StageConsistencyView[];
  progress: { target: number | null; submitted: number; segments: { segment: string; target: number; done: number }[] };
  /** First and last day of the map's submitted interviews. */
  period: { first: string | null; last: string | null };
};
