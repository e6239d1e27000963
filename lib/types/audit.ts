// What the audit log page reads (lib/data/audit.ts returns these).

/** One entry with the names found for it when the log is read. */
export type AuditEntryView = {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  actorName: string | null;
  /** The thing's name now (see AuditFacts.name in lib/audit/sentence.ts). */
  name: string | null;
  parentName: string | null;
  mapId: string | null;
  mapName: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
};

/** The choices of the log's filters. */
export type AuditFilterOptions = {
  actors: { id: string; name: string }[];
  maps: { id: string; name: string }[];
};
