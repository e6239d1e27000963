"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/errors";
import type { ActionResult } from "@/lib/action-result";
import { requireWorkspace } from "@/lib/workspace";
import {
  ArchiveAttributeFieldSchema,
  ArchiveRespondentSchema,
  CreateAttributeFieldSchema,
  CreateRespondentSchema,
  MoveAttributeFieldSchema,
  UpdateAttributeFieldSchema,
  UpdateRespondentSchema,
  type RespondentRow,
} from "@/lib/schemas/respondent";
import {
  createAttributeField,
  moveAttributeField,
  setAttributeFieldArchived,
  updateAttributeField,
} from "@/lib/data/attribute-fields";
import { createRespondent, searchRespondents, setRespondentArchived, updateRespondent } from "@/lib/data/respondents";

const SearchSchema = z.object({ q: z.string().trim().max(60, "Search with at most 60 characters.") });

function respondentsPath(workspaceId: string) {
  return `/w/${workspaceId}/respondents`;
}

export async function createRespondentAction(
  workspaceId: string,
  input: unknown,
): Promise<ActionResult<{ id: string; code: string }>> {
  const ctx = await requireWorkspace(workspaceId, "respondent.manage");
  const result = await runAction(CreateRespondentSchema, input, (data) => createRespondent(ctx, data));
  if (result.ok) revalidatePath(respondentsPath(workspaceId));
  return result;
}

export async function updateRespondentAction(
  workspaceId: string,
  input: unknown,
): Promise<ActionResult<{ respondentId: string; code: string }>> {
  const ctx = await requireWorkspace(workspaceId, "respondent.manage");
  const result = await runAction(UpdateRespondentSchema, input, (data) => updateRespondent(ctx, data));
  if (result.ok) revalidatePath(respondentsPath(workspaceId));
  return result;
}

export async function setRespondentArchivedAction(
  workspaceId: string,
  input: unknown,
): Promise<ActionResult<{ respondentId: string }>> {
  const ctx = await requireWorkspace(workspaceId, "respondent.manage");
  const result = await runAction(ArchiveRespondentSchema, input, (data) => setRespondentArchived(ctx, data));
  if (result.ok) revalidatePath(respondentsPath(workspaceId));
  return result;
}

/** The interview's respondent picker: by code or segment. */
export async function searchRespondentsAction(workspaceId: string, input: unknown): Promise<ActionResult<RespondentRow[]>> {
  const ctx = await requireWorkspace(workspaceId, "respondent.manage");
  return runAction(SearchSchema, input, (data) => (data.q ? searchRespondents(ctx, data.q) : Promise.resolve([])));
}

export async function createAttributeFieldAction(workspaceId: string, input: unknown): Promise<ActionResult<{ fieldId: string }>> {
  const ctx = await requireWorkspace(workspaceId, "respondent.fields");
  const result = await runAction(CreateAttributeFieldSchema, input, (data) => createAttributeField(ctx, data));
  if (result.ok) revalidatePath(`${respondentsPath(workspaceId)}/fields`);
  return result;
}

export async function updateAttributeFieldAction(workspaceId: string, input: unknown): Promise<ActionResult<{ fieldId: string }>> {
  const ctx = await requireWorkspace(workspaceId, "respondent.fields");
  const result = await runAction(UpdateAttributeFieldSchema, input, (data) => updateAttributeField(ctx, data));
  if (result.ok) revalidatePath(`${respondentsPath(workspaceId)}/fields`);
  return result;
}

export async function setAttributeFieldArchivedAction(
  workspaceId: string,
  input: unknown,
): Promise<ActionResult<{ fieldId: string }>> {
  const ctx = await requireWorkspace(workspaceId, "respondent.fields");
  const result = await runAction(ArchiveAttributeFieldSchema, input, (data) => setAttributeFieldArchived(ctx, data));
  if (result.ok) revalidatePath(`${respondentsPath(workspaceId)}/fields`);
  return result;
}

export async function moveAttributeFieldAction(workspaceId: string, input: unknown): Promise<ActionResult<{ fieldId: string }>> {
  const ctx = await requireWorkspace(workspaceId, "respondent.fields");
  const result = await runAction(MoveAttributeFieldSchema, input, (data) => moveAttributeField(ctx, data));
  if (result.ok) revalidatePath(`${respondentsPath(workspaceId)}/fields`);
  return result;
}
