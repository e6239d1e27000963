import "server-only";
import { randomInt, randomUUID } from "node:crypto";
import { db, sql as poolSql, sqlInPrisma, sqlTransaction, type Sql } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { UserError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/permissions";
import type { WorkspaceContext } from "@/lib/workspace";
import { recordAudit, recordAuditSql } from "@/lib/data/audit";
import {
  CONTACT_ERASED,
  CONTACT_HIDDEN,
  type RespondentDetail,
  type ArchiveRespondentSchema,
  type EraseRespondentSchema,
  type RespondentProfileSchema,
  type RespondentSearchSchema,
  type RespondentRow,
  type UpdateRespondentSchema,
} from "@/lib/schemas/respondent";

// Respondents: search, profile, create (also inside an interview submission), correct,
// archive and erase. The attribute fields they are described by live in attribute-fields.ts.
//
// Contact details are personal data. Who may see them is decided here, for every function
// that returns respondents, so no screen or route can show more: Admins and Analysts see
// everyone's ("respondent.contact"), an Interviewer only those of respondents they created or
// held a submitted interview with, a Manager nobody's. Everyone else gets `contact: null`, and
// the search does not match on name or email for them. Each response that reveals contact
// details is written to the audit log (the respondent ids, never the details).

const NOT_FOUND = "That respondent was not found in this workspace.";

type ContactScope = "all" | "own" | "none";

function contactScope(ctx: WorkspaceContext): ContactScope {
  if (can(ctx.role, "respondent.contact")) return "all";
  if (can(ctx.role, "respondent.manage")) return "own";
  return "none";
}

/**
 * The respondents whose contact details an interviewer may see: created by them, or
 * interviewed by them in a submitted interview. A draft does not count: anyone may pick any
 * respondent in a new draft, and that must not be a way to read their contact details.
 */
function ownRespondents(ctx: WorkspaceContext): Prisma.RespondentWhereInput {
  return {
    OR: [
      { createdById: ctx.userId },
      { interviews: { some: { workspaceId: ctx.workspaceId, interviewerId: ctx.userId, status: "SUBMITTED" } } },
    ],
  };
}

function respondentSelect(ctx: WorkspaceContext) {
  return {
    id: true,
    code: true,
    lifecycleStage: true,
    valueTier: true,
    segment: true,
    archivedAt: true,
    erasedAt: true,
    createdById: true,
    contactName: true,
    contactEmail: true,
    attributes: {
      select: {
        fieldId: true,
        optionId: true,
        field: { select: { name: true, position: true } },
        option: { select: { value: true } },
      },
    },
    // One of the caller's own submitted interviews with them, if any (see ownRespondents).
    interviews: { where: { workspaceId: ctx.workspaceId, interviewerId: ctx.userId, status: "SUBMITTED" as const }, select: { id: true }, take: 1 },
    _count: { select: { interviews: { where: { status: "SUBMITTED" as const } } } },
  } satisfies Prisma.RespondentSelect;
}

type RespondentRecord = Prisma.RespondentGetPayload<{ select: ReturnType<typeof respondentSelect> }>;

function contactVisible(
  ctx: WorkspaceContext,
  record: { erasedAt: Date | null; createdById: string | null; interviews: { id: string }[] },
): boolean {
  if (record.erasedAt !== null) return false;
  const scope = contactScope(ctx);
  if (scope === "all") return true;
  return scope === "own" && (record.createdById === ctx.userId || record.interviews.length > 0);
}

function toRow(ctx: WorkspaceContext, record: RespondentRecord): RespondentRow {
  const visible = contactVisible(ctx, record);
  return {
    id: record.id,
    code: record.code,
    lifecycleStage: record.lifecycleStage,
    valueTier: record.valueTier,
    segment: record.segment,
    archived: record.archivedAt !== null,
    erased: record.erasedAt !== null,
    attributes: [...record.attributes]
      .sort((a, b) => a.field.position - b.field.position)
      .map((attribute) => ({
        fieldId: attribute.fieldId,
        fieldName: attribute.field.name,
        optionId: attribute.optionId,
        value: attribute.option.value,
      })),
    interviews: record._count.interviews,
    contact: visible ? { name: record.contactName, email: record.contactEmail } : null,
    contactHidden: record.erasedAt !== null ? CONTACT_ERASED : visible ? null : CONTACT_HIDDEN,
  };
}

/** The respondents whose contact details a response shows (rows with none given reveal nothing). */
function revealed(rows: RespondentRow[]): RespondentRow[] {
  return rows.filter((row) => row.contact !== null && (row.contact.name !== null || row.contact.email !== null));
}

/**
 * One audit entry per list or picker response that shows contact details: which respondents'
 * (ids, in the order shown), not the details, nor the search typed (it may be a name).
 */
async function auditListView(ctx: WorkspaceContext, view: "list" | "picker", rows: RespondentRow[]) {
  const shown = revealed(rows);
  if (shown.length === 0) return;
  await recordAuditSql(poolSql, ctx, {
    action: "respondent.contact.list",
    entityType: "Respondent",
    entityId: view,
    after: { view: view === "list" ? "respondents list" : "interview respondent picker", respondentIds: shown.map((row) => row.id) },
  });
}

function searchWhere(ctx: WorkspaceContext, filter: Partial<RespondentSearchSchema>): Prisma.RespondentWhereInput {
  const q = filter.q?.trim() ?? "";
  const scope = contactScope(ctx);
  // Name and email match only where the caller may see them: a match would tell the rest.
  const contactMatch: Prisma.RespondentWhereInput[] =
    scope === "none"
      ? []
      : [
          {
            AND: [
              scope === "own" ? ownRespondents(ctx) : {},
              {
                OR: [
                  { contactName: { contains: q, mode: "insensitive" as const } },
                  { contactEmail: { contains: q, mode: "insensitive" as const } },
                ],
              },
            ],
          },
        ];
  return {
    workspaceId: ctx.workspaceId,
    archivedAt: filter.archived ? { not: null } : null,
    ...(q
      ? {
          OR: [
            { code: { contains: q.toUpperCase() } },
            { segment: { startsWith: q, mode: "insensitive" as const } },
            ...contactMatch,
          ],
        }
      : {}),
    ...(filter.segment ? { segment: { equals: filter.segment, mode: "insensitive" as const } } : {}),
    ...(filter.lifecycle ? { lifecycleStage: filter.lifecycle } : {}),
    ...(filter.tier ? { valueTier: filter.tier } : {}),
    ...(filter.option ? { attributes: { some: { optionId: filter.option, workspaceId: ctx.workspaceId } } } : {}),
  };
}

/** Respondents matching the filters, newest first, one page at a time. */
export async function listRespondents(
  ctx: WorkspaceContext,
  filter: RespondentSearchSchema,
  pageSize = 25,
): Promise<{ rows: RespondentRow[]; total: number }> {
  const where = searchWhere(ctx, filter);
  const [records, total] = await Promise.all([
    db.respondent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * pageSize,
      take: pageSize,
      select: respondentSelect(ctx),
    }),
    db.respondent.count({ where }),
  ]);
  const rows = records.map((record) => toRow(ctx, record));
  await auditListView(ctx, "list", rows);
  return { rows, total };
}

/** For the interview's respondent picker: exact and prefix code matches first. */
export async function searchRespondents(ctx: WorkspaceContext, q: string, limit = 8): Promise<RespondentRow[]> {
  const records = await db.respondent.findMany({
    where: searchWhere(ctx, { q }),
    orderBy: [{ code: "asc" }],
    take: 50,
    select: respondentSelect(ctx),
  });
  const upper = q.trim().toUpperCase();
  const rank = (code: string) => (code === upper ? 0 : code.startsWith(upper) ? 1 : 2);
  const rows = records
    .map((record) => toRow(ctx, record))
    .sort((a, b) => rank(a.code) - rank(b.code) || a.code.localeCompare(b.code))
    .slice(0, limit);
  await auditListView(ctx, "picker", rows);
  return rows;
}

/** One respondent's page; showing their contact details is audited. */
export async function getRespondent(ctx: WorkspaceContext, respondentId: string): Promise<RespondentDetail | null> {
  const record = await db.respondent.findFirst({
    where: { id: respondentId, workspaceId: ctx.workspaceId },
    select: { ...respondentSelect(ctx), erasedBy: { select: { name: true } } },
  });
  if (!record) return null;
  const row = toRow(ctx, record);
  if (revealed([row]).length > 0) {
    await recordAuditSql(poolSql, ctx, {
      action: "respondent.contact.view",
      entityType: "Respondent",
      entityId: row.id,
      after: { view: "respondent page", code: row.code },
    });
  }
  return { ...row, erasedAt: record.erasedAt, erasedByName: record.erasedBy?.name ?? null };
}

/** Segment values in use and in the maps' quotas, for suggestions (so "Students" is not typed three ways). */
export async function listSegments(ctx: WorkspaceContext): Promise<string[]> {
  const rows = await db.$queryRaw<{ segment: string }[]>`
    SELECT segment FROM respondents WHERE workspace_id = ${ctx.workspaceId} AND segment IS NOT NULL
    UNION
    SELECT segment FROM segment_quotas WHERE workspace_id = ${ctx.workspaceId}
    ORDER BY 1
    LIMIT 200`;
  return rows.map((row) => row.segment);
}

const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

function randomCode(): string {
  let code = "R-";
  for (let index = 0; index < 6; index += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

function codeTaken(code: string, path = "code") {
  const message = `The code ${code} is already used by another respondent.`;
  return new UserError(message, { [path]: [message] }, 409);
}

/**
 * Checks that every chosen attribute value is a value of its field in this workspace, and
 * still in use (a value the respondent already has may stay even when archived since).
 * Plain SQL, so that submitting an interview with a new respondent runs it too.
 */
async function checkAttributes(
  sql: Sql,
  ctx: WorkspaceContext,
  attributes: { fieldId: string; optionId: string }[],
  kept: ReadonlySet<string> = new Set(),
) {
  if (attributes.length === 0) return;
  const options = await sql<{ id: string; field_id: string; archived: boolean }>(
    `SELECT o.id, o.field_id, (o.archived_at IS NOT NULL OR f.archived_at IS NOT NULL) AS archived
     FROM attribute_options o JOIN attribute_fields f ON f.id = o.field_id
     WHERE o.workspace_id = $1 AND o.id = ANY($2::text[])`,
    [ctx.workspaceId, attributes.map((attribute) => attribute.optionId)],
  );
  const byId = new Map(options.map((option) => [option.id, option]));
  for (const attribute of attributes) {
    const option = byId.get(attribute.optionId);
    const usable = option && option.field_id === attribute.fieldId && (!option.archived || kept.has(option.id));
    if (!usable) {
      throw new UserError("One of the attribute values is not available in this workspace. Reload the page and choose again.", {
        attributes: ["One of the attribute values is not available. Reload the page and choose again."],
      });
    }
  }
}

function auditProfile(profile: {
  code: string;
  lifecycleStage: string;
  valueTier: string;
  segment: string | null;
  contactName: string | null;
  contactEmail: string | null;
  attributes: { optionId: string }[];
}) {
  // Contact details are personal data: the audit trail says whether they were given, not what they were.
  return {
    code: profile.code,
    lifecycleStage: profile.lifecycleStage,
    valueTier: profile.valueTier,
    segment: profile.segment,
    contactName: profile.contactName ? "(given)" : null,
    contactEmail: profile.contactEmail ? "(given)" : null,
    attributeOptionIds: profile.attributes.map((attribute) => attribute.optionId).sort(),
  };
}

/**
 * Creates a respondent inside the caller's transaction (also used when an interview is
 * submitted with a new respondent). `errorPath` names the field a code clash is reported on.
 */
export async function insertRespondent(
  sql: Sql,
  ctx: WorkspaceContext,
  profile: RespondentProfileSchema,
  errorPath = "code",
): Promise<{ id: string; code: string }> {
  await checkAttributes(sql, ctx, profile.attributes);
  let code = profile.code;
  if (code) {
    // Case-insensitive: codes typed in any case (or imported before codes were upper-cased) are one code.
    const clash = await sql("SELECT 1 FROM respondents WHERE workspace_id = $1 AND lower(code) = lower($2) LIMIT 1", [ctx.workspaceId, code]);
    if (clash.length > 0) throw codeTaken(code, errorPath);
  } else {
    for (let attempt = 0; attempt < 10 && !code; attempt += 1) {
      const candidate = randomCode();
      const clash = await sql("SELECT 1 FROM respondents WHERE workspace_id = $1 AND code = $2", [ctx.workspaceId, candidate]);
      if (clash.length === 0) code = candidate;
    }
    if (!code) throw new Error("Could not generate a free respondent code.");
  }
  const id = randomUUID();
  await sql(
    `INSERT INTO respondents (id, workspace_id, code, lifecycle_stage, value_tier, segment, contact_name, contact_email, created_by_id, updated_at)
     VALUES ($1, $2, $3, $4::"LifecycleStage", $5::"ValueTier", $6, $7, $8, $9, now())`,
    [id, ctx.workspaceId, code, profile.lifecycleStage, profile.valueTier, profile.segment, profile.contactName, profile.contactEmail, ctx.userId],
  );
  if (profile.attributes.length > 0) {
    await sql(
      `INSERT INTO respondent_attributes (workspace_id, respondent_id, field_id, option_id)
       SELECT $1, $2, a.field_id, a.option_id FROM unnest($3::text[], $4::text[]) AS a(field_id, option_id)`,
      [ctx.workspaceId, id, profile.attributes.map((attribute) => attribute.fieldId), profile.attributes.map((attribute) => attribute.optionId)],
    );
  }
  await recordAuditSql(sql, ctx, {
    action: "respondent.create",
    entityType: "Respondent",
    entityId: id,
    after: auditProfile({ ...profile, code }),
  });
  return { id, code };
}

export async function createRespondent(ctx: WorkspaceContext, profile: RespondentProfileSchema) {
  try {
    return await sqlTransaction((sql) => insertRespondent(sql, ctx, profile));
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(profile.code ?? "");
    throw error;
  }
}

function contactLocked(erased: boolean) {
  const message = erased
    ? "This respondent's personal data was erased on request: contact details cannot be added again. Add a new respondent if the person agrees to give them."
    : "You may not change this respondent's contact details: only admins, analysts and the interviewer who added or interviewed them can.";
  return new UserError(message, { contactName: [message] }, 403);
}

export async function updateRespondent(ctx: WorkspaceContext, input: UpdateRespondentSchema) {
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.respondent.findFirst({
        where: { id: input.respondentId, workspaceId: ctx.workspaceId },
        select: {
          id: true,
          code: true,
          lifecycleStage: true,
          valueTier: true,
          segment: true,
          contactName: true,
          contactEmail: true,
          createdById: true,
          erasedAt: true,
          interviews: { where: { workspaceId: ctx.workspaceId, interviewerId: ctx.userId, status: "SUBMITTED" }, select: { id: true }, take: 1 },
          attributes: { select: { fieldId: true, optionId: true } },
        },
      });
      if (!before) throw new UserError(NOT_FOUND, undefined, 404);
      // Contact details are changed only by those who may see them, and never come back after
      // an erasure. Their form has no contact fields then, so empty ones keep what is stored.
      let contact = { contactName: input.contactName, contactEmail: input.contactEmail };
      if (!contactVisible(ctx, before)) {
        if (input.contactName !== null || input.contactEmail !== null) throw contactLocked(before.erasedAt !== null);
        contact = { contactName: before.contactName, contactEmail: before.contactEmail };
      }
      await checkAttributes(sqlInPrisma(tx), ctx, input.attributes, new Set(before.attributes.map((attribute) => attribute.optionId)));
      if (input.code !== before.code) {
        const clash = await tx.respondent.findFirst({
          where: { workspaceId: ctx.workspaceId, code: { equals: input.code, mode: "insensitive" }, id: { not: before.id } },
          select: { id: true },
        });
        if (clash) throw codeTaken(input.code);
      }
      await tx.respondent.update({
        where: { id: before.id },
        data: {
          code: input.code,
          lifecycleStage: input.lifecycleStage,
          valueTier: input.valueTier,
          segment: input.segment,
          ...contact,
        },
      });
      await tx.respondentAttribute.deleteMany({ where: { respondentId: before.id, workspaceId: ctx.workspaceId } });
      if (input.attributes.length > 0) {
        await tx.respondentAttribute.createMany({
          data: input.attributes.map((attribute) => ({
            workspaceId: ctx.workspaceId,
            respondentId: before.id,
            fieldId: attribute.fieldId,
            optionId: attribute.optionId,
          })),
        });
      }
      await recordAudit(tx, ctx, {
        action: "respondent.update",
        entityType: "Respondent",
        entityId: before.id,
        before: auditProfile(before),
        after: auditProfile({ ...input, ...contact }),
      });
      return { respondentId: before.id, code: input.code };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(input.code);
    throw error;
  }
}

export async function setRespondentArchived(ctx: WorkspaceContext, input: ArchiveRespondentSchema) {
  return db.$transaction(async (tx) => {
    const respondent = await tx.respondent.findFirst({
      where: { id: input.respondentId, workspaceId: ctx.workspaceId },
      select: { id: true, code: true, archivedAt: true },
    });
    if (!respondent) throw new UserError(NOT_FOUND, undefined, 404);
    if ((respondent.archivedAt !== null) === input.archived) return { respondentId: respondent.id };
    await tx.respondent.update({ where: { id: respondent.id }, data: { archivedAt: input.archived ? new Date() : null } });
    await recordAudit(tx, ctx, {
      action: input.archived ? "respondent.archive" : "respondent.restore",
      entityType: "Respondent",
      entityId: respondent.id,
      after: { code: respondent.code },
    });
    return { respondentId: respondent.id };
  });
}

/**
 * Erases a respondent's personal data on request: the contact details are cleared and the
 * respondent is marked erased (when, by whom). The code, profile, interviews and observations
 * stay, so every analysis is unchanged; nothing is deleted. The audit entry names the fields
 * cleared, never their values. Erasing an erased respondent again changes nothing.
 */
export async function eraseRespondent(ctx: WorkspaceContext, input: EraseRespondentSchema) {
  return db.$transaction(async (tx) => {
    const respondent = await tx.respondent.findFirst({
      where: { id: input.respondentId, workspaceId: ctx.workspaceId },
      select: { id: true, code: true, erasedAt: true, contactName: true, contactEmail: true },
    });
    if (!respondent) throw new UserError(NOT_FOUND, undefined, 404);
    if (respondent.erasedAt !== null) return { respondentId: respondent.id, erasedAt: respondent.erasedAt };
    const erasedAt = new Date();
    await tx.respondent.update({
      where: { id: respondent.id },
      data: { contactName: null, contactEmail: null, erasedAt, erasedById: ctx.userId },
    });
    const cleared = [respondent.contactName !== null ? "contactName" : null, respondent.contactEmail !== null ? "contactEmail" : null].filter(
      (field): field is string => field !== null,
    );
    await recordAudit(tx, ctx, {
      action: "respondent.erase",
      entityType: "Respondent",
      entityId: respondent.id,
      after: { code: respondent.code, cleared },
    });
    return { respondentId: respondent.id, erasedAt };
  });
}
