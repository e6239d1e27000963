"use server";

import { revalidatePath } from "next/cache";
import type { ActionArgs, ActionResult } from "@/lib/action-result";
import { workspaceAction } from "@/lib/workspace-action";
import {
  ArchiveAttributeFieldSchema,
  ArchiveRespondentSchema,
  CreateAttributeFieldSchema,
  CreateRespondentSchema,
  EraseRespondentSchema,
  MoveAttributeFieldSchema,
  RespondentPickerSearchSchema,
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
import { createRespondent, eraseRespondent, searchRespondents, setRespondentArchived, updateRespondent } from "@/lib/data/respondents";

// Respondent changes re-render the respondents list; attribute field changes the fields page.
function revalidateRespondents(workspaceId: string) {
  return () => revalidatePath(`/w/${workspaceId}/respondents`);
}

// The respondent form goes on to the list, found by the code, which says it was saved.
function savedRespondent(workspaceId: string) {
  return ({ code }: { code: string }) => `/w/${workspaceId}/respondents?q=${encodeURIComponent(code)}&saved=1`;
}

function revalidateFields(workspaceId: string) {
  return () => revalidatePath(`/w/${workspaceId}/respondents/fields`);
}

export async function createRespondentAction(
  workspaceId: string,
  ...args: ActionArgs
): Promise<ActionResult<{ id: string; code: string }>> {
  return workspaceAction(workspaceId, args, {
    permission: "respondent.manage",
    schema: CreateRespondentSchema,
    run: createRespondent,
    revalidate: revalidateRespondents(workspaceId),
    redirectTo: savedRespondent(workspaceId),
  });
}

export async function updateRespondentAction(
  workspaceId: string,
  ...args: ActionArgs
): Promise<ActionResult<{ respondentId: string; code: string }>> {
  return workspaceAction(workspaceId, args, {
    permission: "respondent.manage",
    schema: UpdateRespondentSchema,
    run: updateRespondent,
    revalidate: revalidateRespondents(workspaceId),
    redirectTo: savedRespondent(workspaceId),
  });
}

export async function setRespondentArchivedAction(
  workspaceId: string,
  ...args: ActionArgs
): Promise<ActionResult<{ respondentId: string }>> {
  return workspaceAction(workspaceId, args, {
    permission: "respondent.manage",
    schema: ArchiveRespondentSchema,
    run: setRespondentArchived,
    revalidate: revalidateRespondents(workspaceId),
  });
}

/** Admins only: clears a respondent's contact details on request; the code and interviews stay. */
export async function eraseRespondentAction(
  workspaceId: string,
  ...args: ActionArgs
): Promise<ActionResult<{ respondentId: string; erasedAt: Date }>> {
  return workspaceAction(workspaceId, args, {
    permission: "respondent.erase",
    schema: EraseRespondentSchema,
    run: eraseRespondent,
    revalidate: revalidateRespondents(workspaceId),
  });
}

/**
 * The interview's respondent picker: by code or segment, and by name or email where the caller
 * may see them. Reads only, so nothing to re-render.
 */
export async function searchRespondentsAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<RespondentRow[]>> {
  return workspaceAction(workspaceId, args, {
    permission: "respondent.manage",
    schema: RespondentPickerSearchSchema,
    run: async (ctx, data) => (data.q ? searchRespondents(ctx, data.q) : []),
  });
}

export async function createAttributeFieldAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<{ fieldId: string }>> {
  return workspaceAction(workspaceId, args, {
    permission: "respondent.fields",
    schema: CreateAttributeFieldSchema,
    run: createAttributeField,
    revalidate: revalidateFields(workspaceId),
  });
}

export async function updateAttributeFieldAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<{ fieldId: string }>> {
  return workspaceAction(workspaceId, args, {
    permission: "respondent.fields",
    schema: UpdateAttributeFieldSchema,
    run: updateAttributeField,
    revalidate: revalidateFields(workspaceId),
  });
}

export async function setAttributeFieldArchivedAction(
  workspaceId: string,
  ...args: ActionArgs
): Promise<ActionResult<{ fieldId: string }>> {
  return workspaceAction(workspaceId, args, {
    permission: "respondent.fields",
    schema: ArchiveAttributeFieldSchema,
    run: setAttributeFieldArchived,
    revalidate: revalidateFields(workspaceId),
  });
}

export async function moveAttributeFieldAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<{ fieldId: string }>> {
  return workspaceAction(workspaceId, args, {
    permission: "respondent.fields",
    schema: MoveAttributeFieldSchema,
    run: moveAttributeField,
    revalidate: revalidateFields(workspaceId),
  });
}
