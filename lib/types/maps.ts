// What the maps pages read (lib/data/maps.ts and lib/data/map-settings.ts return these):
// plain objects that the server pages hand to the journey and map components.
import type { MapStatus } from "@/lib/schemas/map";
export type SegmentProgress = { segment: string; target: number; submitted: number };

export type MapSummary = {
  id: string;
  name: string;
  description: string;
  status: MapStatus;
  interviewTarget: number | null;
  submittedInterviews: number;
  touchpoints: number;
  /** Progress per segment value that has its own target. */
  segments: SegmentProgress[];
  /** Any interview at all (drafts and void ones too): such a map can be archived, never deleted. */
  hasInterviews: boolean;
};

export type JourneyTouchpoint = {
  id: string;
  name: string;
  stageId: string;
  channelId: string;
  position: number;
  momentOfTruth: boolean;
  ownerTeam: string;
  expectations: number;
  observations: number;
};

export type Journey = {
  map: { id: string; name: string; description: string; status: MapStatus; minSample: number };
  stages: { id: string; name: string }[];
  channels: { id: string; name: string }[];
  touchpoints: JourneyTouchpoint[];
  submittedInterviews: number;
};

export type MapSettings = {
  map: { id: string; name: string; description: string; status: MapStatus };
  minSample: number;
  asymmetryThreshold: number;
  consistencyThreshold: number;
  interviewTarget: number | null;
  segmentQuotas: { segment: string; target: number }[];
  /** Segment values respondents of the workspace already have, to pick from. */
  knownSegments: string[];
};
