import type { LifecycleStage, ValueTier } from "@/lib/generated/prisma/enums";
import type { DbClient } from "./client";
import { uniqueSuffix } from "./client";

export interface CreateAttributeFieldInput {
  workspaceId: string;
  name?: string;
  /** The allowed values, in order. */
  values?: string[];
  position?: number;
}

/** A respondent attribute field with its allowed values (options, ordered as given). */
export async function createAttributeField(db: DbClient, input: CreateAttributeFieldInput) {
  const field = await db.attributeField.create({
    data: {
      workspaceId: input.workspaceId,
      name: input.name ?? `Attribute ${uniqueSuffix()}`,
      position: input.position ?? 0,
    },
  });
  const values = input.values ?? ["Option A", "Option B", "Option C"];
  await db.attributeOption.createMany({
    data: values.map((value, position) => ({ workspaceId: input.workspaceId, fieldId: field.id, value, position })),
  });
  const options = await db.attributeOption.findMany({ where: { fieldId: field.id }, orderBy: { position: "asc" } });
  return { ...field, options };
}

export interface CreateRespondentInput {
  workspaceId: string;
  code?: string;
  lifecycleStage?: LifecycleStage;
  valueTier?: ValueTier;
  segment?: string | null;
  contactName?: string | null;
  contactEmail?: string | null;
  /** The user who added them (an interviewer sees the contact details of those they added). */
  createdById?: string | null;
  /** Attribute values as (field, option) pairs. */
  attributes?: { fieldId: string; optionId: string }[];
}

export async function createRespondent(db: DbClient, input: CreateRespondentInput) {
  const respondent = await db.respondent.create({
    data: {
      workspaceId: input.workspaceId,
      code: input.code ?? `R-${uniqueSuffix()}`,
      lifecycleStage: input.lifecycleStage ?? "ESTABLISHED",
      valueTier: input.valueTier ?? "UNKNOWN",
      segment: input.segment ?? null,
      contactName: input.contactName ?? null,
      contactEmail: input.contactEmail ?? null,
      createdById: input.createdById ?? null,
    },
  });
  if (input.attributes && input.attributes.length > 0) {
    await db.respondentAttribute.createMany({
      data: input.attributes.map((attribute) => ({
        workspaceId: input.workspaceId,
        respondentId: respondent.id,
        fieldId: attribute.fieldId,
        optionId: attribute.optionId,
      })),
    });
  }
  return respondent;
}
