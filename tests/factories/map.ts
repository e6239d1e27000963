import type { ExpectationKind } from "@/lib/generated/prisma/enums";
import type { MapStatus } from "@/lib/schemas/map";
import type { DbClient } from "./client";
import { uniqueSuffix } from "./client";

export interface CreateMapInput {
  workspaceId: string;
  id?: string;
  name?: string;
  description?: string;
  /** Default ACTIVE, so that interviews can be recorded on it straight away. */
  status?: MapStatus;
  minSample?: number;
  asymmetryThreshold?: number;
  consistencyThreshold?: number;
  interviewTarget?: number | null;
  /** Interview target per segment value. */
  segmentQuotas?: Record<string, number>;
}

export async function createMap(db: DbClient, input: CreateMapInput) {
  const map = await db.journeyMap.create({
    data: {
      ...(input.id ? { id: input.id } : {}),
      workspaceId: input.workspaceId,
      name: input.name ?? `Journey ${uniqueSuffix()}`,
      description: input.description ?? "",
      status: input.status ?? "ACTIVE",
      ...(input.minSample !== undefined ? { minSample: input.minSample } : {}),
      ...(input.asymmetryThreshold !== undefined ? { asymmetryThreshold: input.asymmetryThreshold } : {}),
      ...(input.consistencyThreshold !== undefined ? { consistencyThreshold: input.consistencyThreshold } : {}),
      interviewTarget: input.interviewTarget ?? null,
    },
  });
  const quotas = Object.entries(input.segmentQuotas ?? {});
  if (quotas.length > 0) {
    await db.segmentQuota.createMany({
      data: quotas.map(([segment, target]) => ({ workspaceId: input.workspaceId, mapId: map.id, segment, target })),
    });
  }
  return map;
}

interface GridItemInput {
  workspaceId: string;
  mapId: string;
  id?: string;
  name?: string;
  /** Default: after the last one of the map. */
  position?: number;
}

export async function createStage(db: DbClient, input: GridItemInput) {
  const position =
    input.position ??
    ((await db.stage.aggregate({ where: { workspaceId: input.workspaceId, mapId: input.mapId }, _max: { position: true } }))
      ._max.position ?? -1) + 1;
  return db.stage.create({
    data: {
      ...(input.id ? { id: input.id } : {}),
      workspaceId: input.workspaceId,
      mapId: input.mapId,
      name: input.name ?? `Stage ${uniqueSuffix()}`,
      position,
    },
  });
}

export async function createChannel(db: DbClient, input: GridItemInput) {
  const position =
    input.position ??
    ((await db.channel.aggregate({ where: { workspaceId: input.workspaceId, mapId: input.mapId }, _max: { position: true } }))
      ._max.position ?? -1) + 1;
  return db.channel.create({
    data: {
      ...(input.id ? { id: input.id } : {}),
      workspaceId: input.workspaceId,
      mapId: input.mapId,
      name: input.name ?? `Channel ${uniqueSuffix()}`,
      position,
    },
  });
}

export interface CreateTouchpointInput {
  workspaceId: string;
  mapId: string;
  stageId: string;
  channelId: string;
  id?: string;
  name?: string;
  /** Default: after the last one in its (stage, channel) cell. */
  position?: number;
  description?: string;
  prompt?: string;
  ownerTeam?: string;
  momentOfTruth?: boolean;
}

export async function createTouchpoint(db: DbClient, input: CreateTouchpointInput) {
  const position =
    input.position ??
    ((
      await db.touchpoint.aggregate({
        where: { workspaceId: input.workspaceId, stageId: input.stageId, channelId: input.channelId },
        _max: { position: true },
      })
    )._max.position ?? -1) + 1;
  const name = input.name ?? `Touchpoint ${uniqueSuffix()}`;
  return db.touchpoint.create({
    data: {
      ...(input.id ? { id: input.id } : {}),
      workspaceId: input.workspaceId,
      mapId: input.mapId,
      stageId: input.stageId,
      channelId: input.channelId,
      position,
      name,
      description: input.description ?? "",
      prompt: input.prompt ?? `Tell me about ${name.toLowerCase()}.`,
      ownerTeam: input.ownerTeam ?? "",
      momentOfTruth: input.momentOfTruth ?? false,
    },
  });
}

export interface CreateExpectationInput {
  workspaceId: string;
  mapId: string;
  touchpointId: string;
  id?: string;
  text?: string;
  /** Default LISTED. */
  kind?: ExpectationKind;
  /** Default: after the last one of the touchpoint. */
  position?: number;
  createdById?: string | null;
}

export async function createExpectation(db: DbClient, input: CreateExpectationInput) {
  const position =
    input.position ??
    ((
      await db.expectation.aggregate({
        where: { workspaceId: input.workspaceId, touchpointId: input.touchpointId },
        _max: { position: true },
      })
    )._max.position ?? -1) + 1;
  return db.expectation.create({
    data: {
      ...(input.id ? { id: input.id } : {}),
      workspaceId: input.workspaceId,
      mapId: input.mapId,
      touchpointId: input.touchpointId,
      text: input.text ?? `Expectation ${uniqueSuffix()}`,
      kind: input.kind ?? "LISTED",
      position,
      createdById: input.createdById ?? null,
    },
  });
}

/**
 * A small ready-to-use map: 2 stages x 2 channels, 3 touchpoints (the Visit x Web cell is
 * left empty), 2 expectations each. For tests that need a map but not a particular one.
 */
export async function createMapWithTouchpoints(db: DbClient, input: CreateMapInput) {
  const map = await createMap(db, input);
  const ids = { workspaceId: input.workspaceId, mapId: map.id };
  const discover = await createStage(db, { ...ids, name: "Discover", position: 0 });
  const visit = await createStage(db, { ...ids, name: "Visit", position: 1 });
  const store = await createChannel(db, { ...ids, name: "Store", position: 0 });
  const web = await createChannel(db, { ...ids, name: "Web", position: 1 });
  const cells = [
    { stage: discover, channel: web, name: "Website", momentOfTruth: false },
    { stage: discover, channel: store, name: "Shop window", momentOfTruth: false },
    { stage: visit, channel: store, name: "Entrance", momentOfTruth: true },
  ];
  const touchpoints = [];
  for (const cell of cells) {
    const touchpoint = await createTouchpoint(db, {
      ...ids,
      stageId: cell.stage.id,
      channelId: cell.channel.id,
      name: cell.name,
      position: 0,
      momentOfTruth: cell.momentOfTruth,
    });
    const expectations = [];
    for (const [position, text] of [`${cell.name} expectation A`, `${cell.name} expectation B`].entries()) {
      expectations.push(await createExpectation(db, { ...ids, touchpointId: touchpoint.id, text, position }));
    }
    touchpoints.push({ ...touchpoint, expectations });
  }
  return { map, stages: [discover, visit], channels: [store, web], touchpoints };
}
