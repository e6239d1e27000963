// Each form's fields, as the browser sends them (FormData, read by formDataToInput), parse
// with the schema its action uses, and refusals name the fields the form renders.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { zodFieldErrors } from "@/lib/errors";
import { formDataToInput } from "@/lib/form-data";
import { CreateInvitationSchema } from "@/lib/schemas/auth";
import { MapSettingsSchema } from "@/lib/schemas/map";
import { CreateLaneSchema, CreateTouchpointSchema } from "@/lib/schemas/map-design";
import { CreateAttributeFieldSchema, CreateRespondentSchema, UpdateAttributeFieldSchema } from "@/lib/schemas/respondent";

function sent(fields: Record<string, string>): Record<string, unknown> {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return formDataToInput(data);
}

function errorsOf(schema: z.ZodType, fields: Record<string, string>) {
  const parsed = schema.safeParse(sent(fields));
  return parsed.success ? {} : zodFieldErrors(parsed.error);
}

describe("map settings form", () => {
  const base = { mapId: "m1", minSample: "30", asymmetryThreshold: "0.2", consistencyThreshold: "15", interviewTarget: "" };

  it("reads the segment rows into the list of targets", () => {
    expect(
      MapSettingsSchema.parse(
        sent({ ...base, "segmentQuotas.0.segment": " Students ", "segmentQuotas.0.target": "120", "segmentQuotas.1.segment": "Retirees", "segmentQuotas.1.target": "80" }),
      ),
    ).toEqual({
      mapId: "m1",
      minSample: 30,
      asymmetryThreshold: 0.2,
      consistencyThreshold: 15,
      interviewTarget: null,
      segmentQuotas: [
        { segment: "Students", target: 120 },
        { segment: "Retirees", target: 80 },
      ],
    });
  });

  it("names a row's field in its error, as the row's input is named", () => {
    expect(errorsOf(MapSettingsSchema, { ...base, "segmentQuotas.0.segment": "Students", "segmentQuotas.0.target": "lots" })).toEqual({
      "segmentQuotas.0.target": ["Enter the segment's target as a number."],
    });
  });
});

describe("designer forms", () => {
  it("reads the moment-of-truth checkbox: 'on' when ticked, absent when not", () => {
    const fields = { mapId: "m1", stageId: "s1", channelId: "c1", name: "Checkout" };
    expect(CreateTouchpointSchema.parse(sent({ ...fields, momentOfTruth: "on" })).momentOfTruth).toBe(true);
    expect(CreateTouchpointSchema.parse(sent(fields)).momentOfTruth).toBe(false);
  });

  it("finds the lane's kind in its hidden field, so a missing name says which", () => {
    expect(errorsOf(CreateLaneSchema, { mapId: "m1", kind: "channel", name: "  " })).toEqual({ name: ["Enter a name for the channel."] });
  });
});

describe("attribute forms", () => {
  it("reads the new attribute's values one per line, dropping blank lines", () => {
    expect(CreateAttributeFieldSchema.parse(sent({ name: "Attitude", values: "Keen\r\n\n  Wary  \n" }))).toEqual({
      name: "Attitude",
      values: ["Keen", "Wary"],
    });
    expect(errorsOf(CreateAttributeFieldSchema, { name: "Attitude", values: "Keen\n" })).toEqual({ values: ["Give at least two allowed values."] });
  });

  it("reads the edited values with their archived boxes, and names an empty new row", () => {
    expect(
      UpdateAttributeFieldSchema.parse(
        sent({ fieldId: "f1", name: "Lifestyle", "options.0.id": "o1", "options.0.value": "Urban", "options.0.archived": "on", "options.1.id": "o2", "options.1.value": "Rural" }),
      ).options,
    ).toEqual([
      { id: "o1", value: "Urban", archived: true },
      { id: "o2", value: "Rural", archived: false },
    ]);
    expect(errorsOf(UpdateAttributeFieldSchema, { fieldId: "f1", name: "Lifestyle", "options.0.id": "o1", "options.0.value": "Urban", "options.1.value": " " })).toEqual({
      "options.1.value": ["A value cannot be empty: remove the line instead."],
    });
  });
});

describe("respondent form", () => {
  it("leaves out attributes left at 'Not known' and keeps the chosen ones", () => {
    const parsed = CreateRespondentSchema.parse(
      sent({
        code: "",
        lifecycleStage: "NEW",
        valueTier: "HIGH",
        segment: "Students",
        contactName: "",
        contactEmail: "",
        "attributes.0.fieldId": "f1",
        "attributes.0.optionId": "",
        "attributes.1.fieldId": "f2",
        "attributes.1.optionId": "o2",
      }),
    );
    expect(parsed).toMatchObject({ code: null, lifecycleStage: "NEW", valueTier: "HIGH", contactEmail: null, attributes: [{ fieldId: "f2", optionId: "o2" }] });
  });
});

describe("invitation form", () => {
  it("reads the days as a number and an empty email as none", () => {
    expect(CreateInvitationSchema.parse(sent({ email: "", role: "MANAGER", expiresInDays: "7" }))).toEqual({ email: undefined, role: "MANAGER", expiresInDays: 7 });
  });
});
