import { describe, expect, it } from "vitest";
import { CreateMapSchema, MapSettingsSchema, UpdateMapDetailsSchema } from "@/lib/schemas/map";
import {
  CreateExpectationSchema,
  CreateLaneSchema,
  CreateTouchpointSchema,
  DESIGN_LIMITS,
  MergeExpectationSchema,
  MoveTouchpointSchema,
  RenameLaneSchema,
  TouchpointFieldsSchema,
} from "@/lib/schemas/map-design";
import { zodFieldErrors } from "@/lib/errors";
import { MAP_TEMPLATES, TEMPLATE_IDS, findTemplate, templateBlueprint } from "@/lib/templates/maps";

function errors(result: { success: boolean; error?: unknown }) {
  return result.success ? {} : zodFieldErrors(result.error as Parameters<typeof zodFieldErrors>[0]);
}

describe("names", () => {
  it("trims and collapses whitespace, so spacing never makes two names different", () => {
    const parsed = CreateLaneSchema.parse({ mapId: "m1", kind: "stage", name: "  Take \n  home " });
    expect(parsed.name).toBe("Take home");
  });

  it("names the kind of lane in its messages", () => {
    expect(errors(CreateLaneSchema.safeParse({ mapId: "m1", kind: "stage", name: " " }))).toEqual({ name: ["Enter a name for the stage."] });
    expect(errors(RenameLaneSchema.safeParse({ mapId: "m1", kind: "channel", laneId: "c1", name: "x".repeat(61) }))).toEqual({
      name: ["Use at most 60 characters for a name for the channel."],
    });
    expect(CreateLaneSchema.safeParse({ mapId: "m1", kind: "row", name: "Web" }).success).toBe(false);
  });

  it("bounds every touchpoint field and reads a checkbox's 'on'", () => {
    const ok = TouchpointFieldsSchema.parse({ name: "Entrance", prompt: "  Tell me about arriving. ", momentOfTruth: "on" });
    expect(ok).toEqual({ name: "Entrance", description: "", prompt: "Tell me about arriving.", ownerTeam: "", momentOfTruth: true });
    expect(TouchpointFieldsSchema.parse({ name: "Entrance" }).momentOfTruth).toBe(false);
    const tooLong = TouchpointFieldsSchema.safeParse({
      name: "Entrance",
      description: "d".repeat(DESIGN_LIMITS.description + 1),
      prompt: "p".repeat(DESIGN_LIMITS.prompt + 1),
      ownerTeam: "o".repeat(DESIGN_LIMITS.ownerTeam + 1),
    });
    expect(Object.keys(errors(tooLong)).sort()).toEqual(["description", "ownerTeam", "prompt"]);
  });

  it("requires the ids that say where a touchpoint goes", () => {
    expect(Object.keys(errors(CreateTouchpointSchema.safeParse({ name: "Entrance" }))).sort()).toEqual(["channelId", "mapId", "stageId"]);
    expect(errors(MoveTouchpointSchema.safeParse({ mapId: "m", touchpointId: "t", stageId: "s", channelId: "c", toIndex: -1 }))).toEqual({
      toIndex: ["Choose where to move it."],
    });
  });

  it("requires an expectation's words, and a different expectation to merge into", () => {
    expect(errors(CreateExpectationSchema.safeParse({ mapId: "m", touchpointId: "t", text: "" }))).toEqual({ text: ["Enter the expectation."] });
    expect(errors(MergeExpectationSchema.safeParse({ mapId: "m", expectationId: "e1", intoId: "" }))).toEqual({
      intoId: ["Choose the expectation to merge it into."],
    });
    expect(errors(MergeExpectationSchema.safeParse({ mapId: "m", expectationId: "e1", intoId: "e1" }))).toEqual({
      intoId: ["Choose another expectation to merge it into."],
    });
  });
});

describe("maps", () => {
  it("accepts blank or a known template", () => {
    expect(CreateMapSchema.parse({ name: "Store", template: "blank" })).toEqual({ name: "Store", description: "", template: "blank" });
    for (const id of TEMPLATE_IDS) expect(CreateMapSchema.safeParse({ name: "Store", template: id }).success).toBe(true);
    expect(errors(CreateMapSchema.safeParse({ name: "Store" }))).toEqual({ template: ["Choose how to start: a blank map or a template."] });
  });

  it("allows only the three statuses", () => {
    expect(UpdateMapDetailsSchema.safeParse({ mapId: "m", name: "A", status: "ACTIVE" }).success).toBe(true);
    expect(errors(UpdateMapDetailsSchema.safeParse({ mapId: "m", name: "A", status: "PAUSED" }))).toEqual({
      status: ["Choose a status: Draft, Active or Archived."],
    });
  });
});

describe("map settings", () => {
  const valid = { mapId: "m", minSample: "30", asymmetryThreshold: "0.2", consistencyThreshold: "40", interviewTarget: "500" };

  it("reads numbers typed into the form, and an empty target as none", () => {
    expect(MapSettingsSchema.parse({ ...valid, interviewTarget: " " })).toEqual({
      mapId: "m",
      minSample: 30,
      asymmetryThreshold: 0.2,
      consistencyThreshold: 40,
      interviewTarget: null,
      segmentQuotas: [],
    });
    expect(MapSettingsSchema.parse({ ...valid, minSample: 12, interviewTarget: 80 })).toMatchObject({ minSample: 12, interviewTarget: 80 });
  });

  it("puts a message on each field out of range", () => {
    expect(
      errors(
        MapSettingsSchema.safeParse({ ...valid, minSample: "", asymmetryThreshold: "-0.1", consistencyThreshold: "201", interviewTarget: "0" }),
      ),
    ).toEqual({
      minSample: ["Enter the minimum sample as a number."],
      asymmetryThreshold: ["The asymmetry threshold must be at least 0."],
      consistencyThreshold: ["The consistency threshold must be at most 200."],
      interviewTarget: ["The interview target must be at least 1."],
    });
    expect(errors(MapSettingsSchema.safeParse({ ...valid, minSample: "2.5" }))).toEqual({ minSample: ["Enter the minimum sample as a whole number."] });
  });

  it("checks each segment target and refuses a segment value listed twice (any case)", () => {
    const result = MapSettingsSchema.safeParse({
      ...valid,
      segmentQuotas: [
        { segment: "Students", target: "10" },
        { segment: "", target: "5" },
        { segment: " STUDENTS ", target: "x" },
      ],
    });
    expect(errors(result)).toEqual({
      "segmentQuotas.1.segment": ["Enter the segment value."],
      "segmentQuotas.2.target": ["Enter the segment's target as a number."],
    });
    const twice = MapSettingsSchema.safeParse({
      ...valid,
      segmentQuotas: [
        { segment: "Students", target: "10" },
        { segment: " STUDENTS ", target: "3" },
      ],
    });
    expect(errors(twice)).toEqual({ "segmentQuotas.1.segment": ['"STUDENTS" is listed twice. Give each segment value one target.'] });
  });
});

describe("templates", () => {
  it("offers a retail store and a telecom service with sign-up, billing, support and renewal", () => {
    expect(findTemplate("retail-store")?.name).toBe("Retail store");
    const telecom = findTemplate("telecom-service")!;
    for (const stage of ["Sign up", "Billing", "Support", "Renewal"]) expect(telecom.stages).toContain(stage);
    expect(MAP_TEMPLATES.map((template) => template.id)).toEqual([...TEMPLATE_IDS]);
  });

  for (const template of MAP_TEMPLATES) {
    describe(template.name, () => {
      const blueprint = templateBlueprint(template);

      it("passes the same rules as a design made by hand", () => {
        expect(CreateMapSchema.safeParse({ name: template.name, description: template.description, template: template.id }).success).toBe(true);
        for (const name of template.stages) expect(CreateLaneSchema.safeParse({ mapId: "m", kind: "stage", name }).success).toBe(true);
        for (const name of template.channels) expect(CreateLaneSchema.safeParse({ mapId: "m", kind: "channel", name }).success).toBe(true);
        for (const touchpoint of template.touchpoints) {
          expect(TouchpointFieldsSchema.parse(touchpoint)).toMatchObject({ name: touchpoint.name, prompt: touchpoint.prompt });
          for (const text of touchpoint.expectations) {
            expect(CreateExpectationSchema.safeParse({ mapId: "m", touchpointId: "t", text }).success).toBe(true);
          }
        }
      });

      it("has names unique where the designer requires it", () => {
        const lower = (list: string[]) => list.map((name) => name.toLowerCase());
        expect(new Set(lower(template.stages)).size).toBe(template.stages.length);
        expect(new Set(lower(template.channels)).size).toBe(template.channels.length);
        const touchpointNames = lower(template.touchpoints.map((touchpoint) => touchpoint.name));
        expect(new Set(touchpointNames).size).toBe(touchpointNames.length);
        for (const touchpoint of template.touchpoints) {
          expect(new Set(lower(touchpoint.expectations)).size).toBe(touchpoint.expectations.length);
        }
      });

      it("gives every touchpoint a neutral prompt, an owner, expectations, and marks moments of truth", () => {
        for (const touchpoint of template.touchpoints) {
          expect(touchpoint.prompt.length).toBeGreaterThan(10);
          // Open questions, not yes/no ones that suggest the answer.
          expect(touchpoint.prompt).not.toMatch(/^(Was|Were|Did|Is|Are|Do|Does|Didn't|Wasn't)\b/);
          expect(touchpoint.ownerTeam).not.toBe("");
          expect(touchpoint.expectations.length).toBeGreaterThan(0);
        }
        expect(template.touchpoints.some((touchpoint) => touchpoint.momentOfTruth)).toBe(true);
      });

      it("places every touchpoint in a stage and a channel of its own, using every stage", () => {
        for (const touchpoint of blueprint.touchpoints) {
          expect(blueprint.stages[touchpoint.stage]).toBeDefined();
          expect(blueprint.channels[touchpoint.channel]).toBeDefined();
        }
        const usedStages = new Set(blueprint.touchpoints.map((touchpoint) => touchpoint.stage));
        expect(usedStages.size).toBe(blueprint.stages.length);
      });
    });
  }

  it("refuses a template that names a stage it does not have", () => {
    const broken = { ...MAP_TEMPLATES[0]!, touchpoints: [{ ...MAP_TEMPLATES[0]!.touchpoints[0]!, stage: "Nowhere" }] };
    expect(() => templateBlueprint(broken)).toThrow(/unknown stage "Nowhere"/);
  });
});
