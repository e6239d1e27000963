import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation, type Tx } from "@/lib/db-errors";
import { UserError } from "@/lib/errors";
import type { WorkspaceContext } from "@/lib/workspace";
import { recordAudit } from "@/lib/data/audit";
import type {
  AttributeFieldView,
  ArchiveAttributeFieldSchema,
  CreateAttributeFieldSchema,
  MoveAttributeFieldSchema,
  UpdateAttributeFieldSchema,
} from "@/lib/schemas/respondent";

// The workspace's own respondent attributes (fields such as "Region") and their values
// (options). Which values a respondent has is written with the respondent (respondents.ts).

const FIELD_NOT_FOUND = "That attribute was not found in this workspace.";

export async function listAttributeFields(
  ctx: WorkspaceContext,
  { includeArchived = false }: { includeArchived?: boolean } = {},
): Promise<AttributeFieldView[]> {
  const fields = await db.attributeField.findMany({
    where: { workspaceId: ctx.workspaceId, ...(includeArchived ? {} : { archivedAt: null }) },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      position: true,
      archivedAt: true,
      options: {
        where: includeArchived ? {} : { archivedAt: null },
        orderBy: [{ position: "asc" }, { value: "asc" }],
        select: { id: true, value: true, position: true, archivedAt: true },
      },
    },
  });
  return fields.map((field) => ({
    id: field.id,
    name: field.name,
    position: field.position,
    archived: field.archivedAt !== null,
    options: field.options.map((option) => ({
      id: option.id,
      value: option.value,
      position: option.position,
      archived: option.archivedAt !== null,
    })),
  }));
}

async function fieldNameTaken(tx: Tx, ctx: WorkspaceContext, name: string, exceptId?: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM attribute_fields
    WHERE workspace_id = ${ctx.workspaceId} AND lower(name) = lower(${name}) AND id <> ${exceptId ?? ""}`;
  return rows.length > 0;
}

function nameTaken(name: string) {
  return new UserError(`There is already an attribute called “${name}”.`, { name: [`There is already an attribute called “${name}”.`] }, 409);
}

export async function createAttributeField(ctx: WorkspaceContext, input: CreateAttributeFieldSchema) {
  try {
    return await db.$transaction(async (tx) => {
      // Serialises field creation per workspace so that positions and names stay unique.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`attribute-fields:${ctx.workspaceId}`}))`;
      if (await fieldNameTaken(tx, ctx, input.name)) throw nameTaken(input.name);
      const last = await tx.attributeField.aggregate({ where: { workspaceId: ctx.workspaceId }, _max: { position: true } });
      const field = await tx.attributeField.create({
        data: { workspaceId: ctx.workspaceId, name: input.name, position: (last._max.position ?? -1) + 1 },
        select: { id: true, name: true },
      });
      await tx.attributeOption.createMany({
        data: input.values.map((value, position) => ({ workspaceId: ctx.workspaceId, fieldId: field.id, value, position })),
      });
      await recordAudit(tx, ctx, {
        action: "attribute_field.create",
        entityType: "AttributeField",
        entityId: field.id,
        after: { name: input.name, values: input.values },
      });
      return { fieldId: field.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

async function findField(tx: Tx, ctx: WorkspaceContext, fieldId: string) {
  const field = await tx.attributeField.findFirst({
    where: { id: fieldId, workspaceId: ctx.workspaceId },
    select: {
      id: true,
      name: true,
      archivedAt: true,
      options: { select: { id: true, value: true, position: true, archivedAt: true }, orderBy: { position: "asc" } },
    },
  });
  if (!field) throw new UserError(FIELD_NOT_FOUND, undefined, 404);
  return field;
}

/** Renames the field, renames, adds, orders and archives its values; archived values stay on the respondents that have them. */
export async function updateAttributeField(ctx: WorkspaceContext, input: UpdateAttributeFieldSchema) {
  try {
    return await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`attribute-fields:${ctx.workspaceId}`}))`;
      const field = await findField(tx, ctx, input.fieldId);
      if (await fieldNameTaken(tx, ctx, input.name, field.id)) throw nameTaken(input.name);
      const existing = new Map(field.options.map((option) => [option.id, option]));
      for (const option of input.options) {
        if (option.id && !existing.has(option.id)) {
          throw new UserError("One of the values does not belong to this attribute. Reload the page and try again.", undefined, 404);
        }
      }
      // Values not sent are kept, archived: a value a respondent has is never deleted.
      const sent = new Set(input.options.flatMap((option) => (option.id ? [option.id] : [])));
      const now = new Date();
      // Two passes so that swapping two values' names never trips the unique (field, value) index.
      for (const option of field.options) {
        await tx.attributeOption.update({ where: { id: option.id }, data: { value: `(renaming) ${option.id}` } });
      }
      let position = 0;
      for (const option of input.options) {
        const archivedAt = option.archived ? (existing.get(option.id ?? "")?.archivedAt ?? now) : null;
        if (option.id) {
          await tx.attributeOption.update({ where: { id: option.id }, data: { value: option.value, position, archivedAt } });
        } else {
          await tx.attributeOption.create({
            data: { workspaceId: ctx.workspaceId, fieldId: field.id, value: option.value, position, archivedAt },
          });
        }
        position += 1;
      }
      for (const option of field.options) {
        if (sent.has(option.id)) continue;
        await tx.attributeOption.update({
          where: { id: option.id },
          data: { value: option.value, position, archivedAt: option.archivedAt ?? now },
        });
        position += 1;
      }
      await tx.attributeField.update({ where: { id: field.id }, data: { name: input.name } });
      await recordAudit(tx, ctx, {
        action: "attribute_field.update",
        entityType: "AttributeField",
        entityId: field.id,
        before: {
          name: field.name,
          values: field.options.map((option) => (option.archivedAt ? `${option.value} (archived)` : option.value)),
        },
        after: {
          name: input.name,
          values: input.options.map((option) => (option.archived ? `${option.value} (archived)` : option.value)),
        },
      });
      return { fieldId: field.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new UserError("Two values of this attribute have the same name.", { options: ["Each value may appear only once."] }, 409);
    }
    throw error;
  }
}

export async function setAttributeFieldArchived(ctx: WorkspaceContext, input: ArchiveAttributeFieldSchema) {
  return db.$transaction(async (tx) => {
    const field = await findField(tx, ctx, input.fieldId);
    if ((field.archivedAt !== null) === input.archived) return { fieldId: field.id };
    await tx.attributeField.update({ where: { id: field.id }, data: { archivedAt: input.archived ? new Date() : null } });
    await recordAudit(tx, ctx, {
      action: input.archived ? "attribute_field.archive" : "attribute_field.restore",
      entityType: "AttributeField",
      entityId: field.id,
      after: { name: field.name },
    });
    return { fieldId: field.id };
  });
}

export async function moveAttributeField(ctx: WorkspaceContext, input: MoveAttributeFieldSchema) {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`attribute-fields:${ctx.workspaceId}`}))`;
    const fields = await tx.attributeField.findMany({
      where: { workspaceId: ctx.workspaceId, archivedAt: null },
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { id: true, name: true },
    });
    const index = fields.findIndex((field) => field.id === input.fieldId);
    if (index < 0) throw new UserError(FIELD_NOT_FOUND, undefined, 404);
    const target = input.direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= fields.length) return { fieldId: input.fieldId };
    const ordered = [...fields];
    [ordered[index], ordered[target]] = [ordered[target]!, ordered[index]!];
    for (const [position, field] of ordered.entries()) {
      await tx.attributeField.update({ where: { id: field.id }, data: { position } });
    }
    await recordAudit(tx, ctx, {
      action: "attribute_field.reorder",
      entityType: "AttributeField",
      entityId: input.fieldId,
      before: { order: fields.map((field) => field.name) },
      after: { order: ordered.map((field) => field.name) },
    });
    return { fieldId: input.fieldId };
  });
}
