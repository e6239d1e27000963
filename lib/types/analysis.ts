// What the analysis pages read (lib/data/analysis.ts returns these): the matrix, the filter
// bar's choices and a touchpoint's drill-down, as plain objects the matrix components render.
import type { Crosshair, QuadrantClassification } from "@/lib/analysis/quadrant";
import type { TouchpointFigures } from "@/lib/analysis/touchpoint";
import type { TouchpointAsymmetry } from "@/lib/analysis/insight";

export type MapForAnalysis = {
  id: string;
  name: string;
  minSample: number;
  asymmetryThreshold: number;
  consistencyThreshold: number;
};

export type TouchpointRow = {
  id: string;
  name: string;
  stageId: string;
  channelId: string;
  stageName: string;
  channelName: string;
  stagePosition: number;
  channelPosition: number;
  position: number;
  momentOfTruth: boolean;
  ownerTeam: string;
};

export type MatrixPoint = TouchpointFigures &
  QuadrantClassification & {
    stageName: string;
    channelName: string;
    ownerTeam: string;
    momentOfTruth: boolean;
    /** Basic, performance factor or delighter under the map's θ, with its group sizes. */
    asymmetry: TouchpointAsymmetry;
  };

export type Matrix = {
  map: MapForAnalysis;
  /** Interviews in the filter (N). */
  interviews: number;
  /** Observations in the filter at the selected touchpoints. */
  observations: number;
  crosshair: Crosshair;
  /** Every selected touchpoint in journey order, with its figures and quadrant. */
  points: MatrixPoint[];
  /** The same points, ranked by weighted pain. */
  fixList: MatrixPoint[];
};

export type FilterOptions = {
  stages: { id: string; name: string }[];
  channels: { id: string; name: string }[];
  segments: string[];
  attributes: { id: string; name: string; options: { id: string; value: string }[] }[];
  interviewers: { id: string; name: string }[];
};

export type ExpectationFigures = TouchpointFigures & { kind: "LISTED" | "VOLUNTEERED" };

export type TouchpointDetail = {
  touchpoint: TouchpointRow & { description: string; prompt: string };
  interviews: number;
  figures: TouchpointFigures;
  expectations: ExpectationFigures[];
  feelings: Partial<Record<string, number>>;
  /** Basic, performance factor or delighter under the map's θ, with its group sizes. */
  asymmetry: TouchpointAsymmetry;
  trend: { bucketStart: string; n: number; missed: number; exceeded: number }[];
};

export type TouchpointComment = {
  comment: string;
  outcome: "MISSED" | "MET" | "EXCEEDED";
  importance: number;
  feeling: string | null;
  expectation: string;
  conductedOn: string;
};
