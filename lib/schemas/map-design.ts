// Schemas of the map designer: stages and channels (lanes), touchpoints and expectations.
// Every input names its map, so the server can check each id against the workspace AND the map.
import { z } from "zod";
import { checkbox } from "@/lib/schemas/form-values";
import { entityId, idText, optionalText, requiredName } from "@/lib/schemas/text";

export const DESIGN_LIMITS = {
  laneName: 60,
  touchpointName: 100,
  description: 1000,
  prompt: 500,
  ownerTeam: 80,
  expectation: 200,
} as const;

/** Stages are the journey's columns, channels its rows; they behave alike. */
export const LANE_KINDS = ["stage", "channel"] as const;
export type LaneKind = (typeof LANE_KINDS)[number];
export const LANE_LABELS: Record<LaneKind, { one: string; capital: string }> = {
  stage: { one: "stage", capital: "Stage" },
  channel: { one: "channel", capital: "Channel" },
};

const laneKind = z.enum(LANE_KINDS);
const toIndex = z
  .number({ error: "Choose where to move it." })
  .int("Choose where to move it.")
  .min(0, "Choose where to move it.")
  .max(10_000, "Choose where to move it.");

/** The name rule of a stage or a channel, with the message naming which. */
export function laneName(kind: LaneKind) {
  return requiredName(`a name for the ${LANE_LABELS[kind].one}`, DESIGN_LIMITS.laneName);
}

// One branch per kind, so that a missing name says "a name for the stage" or "... channel".
export const CreateLaneSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ mapId: entityId, kind: z.literal("stage"), name: laneName("stage") }),
    z.object({ mapId: entityId, kind: z.literal("channel"), name: laneName("channel") }),
  ],
  { error: "Say whether this is a stage or a channel." },
);
export type CreateLaneSchema = z.infer<typeof CreateLaneSchema>;

export const RenameLaneSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ mapId: entityId, kind: z.literal("stage"), laneId: entityId, name: laneName("stage") }),
    z.object({ mapId: entityId, kind: z.literal("channel"), laneId: entityId, name: laneName("channel") }),
  ],
  { error: "Say whether this is a stage or a channel." },
);
export type RenameLaneSchema = z.infer<typeof RenameLaneSchema>;

export const MoveLaneSchema = z.object({ mapId: entityId, kind: laneKind, laneId: entityId, toIndex });
export type MoveLaneSchema = z.infer<typeof MoveLaneSchema>;

export const LaneRefSchema = z.object({ mapId: entityId, kind: laneKind, laneId: entityId });
export type LaneRefSchema = z.infer<typeof LaneRefSchema>;

export const TouchpointFieldsSchema = z.object({
  name: requiredName("a name for the touchpoint", DESIGN_LIMITS.touchpointName),
  description: optionalText("the description", DESIGN_LIMITS.description, "multiline"),
  prompt: optionalText("the question prompt", DESIGN_LIMITS.prompt, "multiline"),
  ownerTeam: optionalText("the owner team", DESIGN_LIMITS.ownerTeam, "name"),
  momentOfTruth: checkbox,
});
export type TouchpointFieldsSchema = z.infer<typeof TouchpointFieldsSchema>;

export const CreateTouchpointSchema = TouchpointFieldsSchema.extend({
  mapId: entityId,
  stageId: entityId,
  channelId: entityId,
});
export type CreateTouchpointSchema = z.infer<typeof CreateTouchpointSchema>;

export const UpdateTouchpointSchema = TouchpointFieldsSchema.extend({ mapId: entityId, touchpointId: entityId });
export type UpdateTouchpointSchema = z.infer<typeof UpdateTouchpointSchema>;

export const MoveTouchpointSchema = z.object({
  mapId: entityId,
  touchpointId: entityId,
  stageId: entityId,
  channelId: entityId,
  toIndex,
});
export type MoveTouchpointSchema = z.infer<typeof MoveTouchpointSchema>;

export const TouchpointRefSchema = z.object({ mapId: entityId, touchpointId: entityId });
export type TouchpointRefSchema = z.infer<typeof TouchpointRefSchema>;

const expectationText = requiredName("the expectation", DESIGN_LIMITS.expectation);

export const CreateExpectationSchema = z.object({ mapId: entityId, touchpointId: entityId, text: expectationText });
export type CreateExpectationSchema = z.infer<typeof CreateExpectationSchema>;

export const UpdateExpectationSchema = z.object({ mapId: entityId, expectationId: entityId, text: expectationText });
export type UpdateExpectationSchema = z.infer<typeof UpdateExpectationSchema>;

export const MoveExpectationSchema = z.object({ mapId: entityId, expectationId: entityId, toIndex });
export type MoveExpectationSchema = z.infer<typeof MoveExpectationSchema>;

export const ExpectationRefSchema = z.object({ mapId: entityId, expectationId: entityId });
export type ExpectationRefSchema = z.infer<typeof ExpectationRefSchema>;

/** Promoting a volunteered expectation may tidy its wording on the way into the list. */
export const PromoteExpectationSchema = z.object({ mapId: entityId, expectationId: entityId, text: expectationText });
export type PromoteExpectationSchema = z.infer<typeof PromoteExpectationSchema>;

export const MergeExpectationSchema = z
  .object({
    mapId: entityId,
    expectationId: entityId,
    intoId: idText("Choose the expectation to merge it into."),
  })
  .refine((input) => input.intoId !== input.expectationId, {
    path: ["intoId"],
    message: "Choose another expectation to merge it into.",
  });
export type MergeExpectationSchema = z.infer<typeof MergeExpectationSchema>;
