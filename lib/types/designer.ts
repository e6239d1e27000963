// What the designer pages read (lib/data/designer.ts returns these): plain objects that the
// server pages hand to the designer's client components.
import type { MapStatus } from "@/lib/schemas/map";

export type DesignLane = { id: string; name: string; position: number; hasData: boolean };

export type DesignExpectation = { id: string; text: string; position: number; observations: number };

export type DesignTouchpoint = {
  id: string;
  name: string;
  description: string;
  prompt: string;
  ownerTeam: string;
  momentOfTruth: boolean;
  stageId: string;
  channelId: string;
  position: number;
  /** Observations from interviews of any status: decides archive-only versus delete. */
  observations: number;
  hasData: boolean;
  expectations: DesignExpectation[];
};

export type Design = {
  map: { id: string; name: string; description: string; status: MapStatus };
  stages: DesignLane[];
  channels: DesignLane[];
  touchpoints: DesignTouchpoint[];
  /** Volunteered expectations waiting for review. */
  volunteered: number;
  /** Archived stages, channels, touchpoints and expectations. */
  archived: number;
};

export type DesignerHeader = {
  map: { id: string; name: string; description: string; status: MapStatus };
  volunteered: number;
  archived: number;
};
