// Schemas of maps and their settings, shared by the forms and the server actions.
import { z } from "zod";
import { TEMPLATE_IDS } from "@/lib/templates/maps";
import { entityId, optionalText, requiredName } from "@/lib/schemas/text";

// The values of the MapStatus enum in schema.prisma. The one MapStatus type of the code: lib/data
// passes it to Prisma and Prisma's back into it, so the type check fails if the two part.
export const MAP_STATUSES = ["DRAFT", "ACTIVE", "ARCHIVED"] as const;
export type MapStatus = (typeof MAP_STATUSES)[number];

export const MAP_STATUS_LABELS: Record<MapStatus, string> = { DRAFT: "Draft", ACTIVE: "Active", ARCHIVED: "Archived" };
export const MAP_STATUS_DESCRIPTIONS: Record<MapStatus, string> = {
  DRAFT: "Being designed. Interviewers do not see it yet.",
  ACTIVE: "Interviewers can record interviews on it.",
  ARCHIVED: "Hidden from interviewers and read-only. Its data is kept and it can be made active again.",
};

export const MAP_LIMITS = {
  name: 120,
  description: 2000,
  segment: 80,
  maxSegments: 50,
  minSample: { min: 1, max: 10_000 },
  target: { min: 1, max: 1_000_000 },
  asymmetry: { min: 0, max: 1 },
  consistency: { min: 0, max: 200 },
} as const;

// The text rules (and the id rule) every schema shares; the designer's schemas import them from here too.
export { entityId, optionalText, requiredName } from "@/lib/schemas/text";

function checkedNumber(what: string, { min, max, int }: { min: number; max: number; int: boolean }) {
  const base = z.number({ error: `Enter ${what} as a number.` });
  return (int ? base.int(`Enter ${what} as a whole number.`) : base)
    .min(min, `${capitalise(what)} must be at least ${min}.`)
    .max(max, `${capitalise(what)} must be at most ${max}.`);
}

/** What a number field sends: "" (left empty) means not given. */
function fromInput(value: unknown) {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : Number(trimmed);
}

/** A number typed into a form; whole numbers only when `int`. */
function numberInput(what: string, bounds: { min: number; max: number; int: boolean }) {
  return z.preprocess(fromInput, checkedNumber(what, bounds));
}

/** The same, where leaving the field empty means "none" (null). */
function optionalNumberInput(what: string, bounds: { min: number; max: number; int: boolean }) {
  return z.preprocess(fromInput, checkedNumber(what, bounds).optional()).transform((value) => value ?? null);
}

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const mapName = requiredName("a name for the map", MAP_LIMITS.name);
const mapDescription = optionalText("the description", MAP_LIMITS.description, "multiline");

export const CreateMapSchema = z.object({
  name: mapName,
  description: mapDescription,
  template: z.enum(["blank", ...TEMPLATE_IDS], { error: "Choose how to start: a blank map or a template." }),
});
export type CreateMapSchema = z.infer<typeof CreateMapSchema>;

export const UpdateMapDetailsSchema = z.object({
  mapId: entityId,
  name: mapName,
  description: mapDescription,
  status: z.enum(MAP_STATUSES, { error: "Choose a status: Draft, Active or Archived." }),
});
export type UpdateMapDetailsSchema = z.infer<typeof UpdateMapDetailsSchema>;

export const SetMapStatusSchema = z.object({
  mapId: entityId,
  status: z.enum(MAP_STATUSES, { error: "Choose a status: Draft, Active or Archived." }),
});
export type SetMapStatusSchema = z.infer<typeof SetMapStatusSchema>;

export const SegmentQuotaSchema = z.object({
  segment: requiredName("the segment value", MAP_LIMITS.segment),
  target: numberInput("the segment's target", { ...MAP_LIMITS.target, int: true }),
});

export const MapSettingsSchema = z
  .object({
    mapId: entityId,
    minSample: numberInput("the minimum sample", { ...MAP_LIMITS.minSample, int: true }),
    asymmetryThreshold: numberInput("the asymmetry threshold", { ...MAP_LIMITS.asymmetry, int: false }),
    consistencyThreshold: numberInput("the consistency threshold", { ...MAP_LIMITS.consistency, int: false }),
    interviewTarget: optionalNumberInput("the interview target", { ...MAP_LIMITS.target, int: true }),
    segmentQuotas: z
      .array(SegmentQuotaSchema)
      .max(MAP_LIMITS.maxSegments, `Set targets for at most ${MAP_LIMITS.maxSegments} segment values.`)
      .default([]),
  })
  .superRefine((settings, context) => {
    const seen = new Set<string>();
    settings.segmentQuotas.forEach((quota, index) => {
      const key = quota.segment.toLowerCase();
      if (seen.has(key)) {
        context.addIssue({
          code: "custom",
          path: ["segmentQuotas", index, "segment"],
          message: `"${quota.segment}" is listed twice. Give each segment value one target.`,
        });
      }
      seen.add(key);
    });
  });
export type MapSettingsSchema = z.infer<typeof MapSettingsSchema>;
export type MapSettingsInput = z.input<typeof MapSettingsSchema>;

export const DuplicateMapSchema = z.object({
  mapId: entityId,
  name: mapName,
});
export type DuplicateMapSchema = z.infer<typeof DuplicateMapSchema>;

export const MapRefSchema = z.object({ mapId: entityId });
export type MapRefSchema = z.infer<typeof MapRefSchema>;
