// The role -> permission table of cxmap. Pure data, safe to import in the browser, where
// it only decides what to show; every server entry point checks it again.

export const ROLES = ["ADMIN", "ANALYST", "MANAGER", "INTERVIEWER"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "workspace.view", // be a member: see the workspace and the maps list
  "workspace.manage", // rename the workspace, settings
  "members.manage", // members, roles, invitations
  "tokens.manage", // API tokens and the webhook
  "map.view", // journey map view (read-only)
  "map.design", // stages, channels, touchpoints, expectations, map settings
  "respondent.manage", // create, find and edit respondents
  "respondent.contact", // see every respondent's contact details (an interviewer sees only those of respondents they created or interviewed)
  "respondent.erase", // erase a respondent's personal data on request
  "respondent.fields", // define the workspace's respondent attribute fields
  "interview.record", // record interviews on ACTIVE maps (own interviews)
  "interview.curate", // see, edit, void and restore anyone's interviews
  "analysis.view", // matrix, fix list, trends, segments, asymmetry, reports
  "action.view", // see improvement actions
  "action.manage", // create and track improvement actions
  "data.import",
  "data.export",
  "audit.view",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ANALYST: readonly Permission[] = [
  "workspace.view",
  "map.view",
  "map.design",
  "respondent.manage",
  "respondent.contact",
  "respondent.fields",
  "interview.record",
  "interview.curate",
  "analysis.view",
  "action.view",
  "data.import",
  "data.export",
  "audit.view",
];

const MANAGER: readonly Permission[] = [
  "workspace.view",
  "map.view",
  "analysis.view",
  "action.view",
  "action.manage",
  "data.export",
];

const INTERVIEWER: readonly Permission[] = ["workspace.view", "respondent.manage", "interview.record"];

export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  ADMIN: new Set(PERMISSIONS),
  ANALYST: new Set(ANALYST),
  MANAGER: new Set(MANAGER),
  INTERVIEWER: new Set(INTERVIEWER),
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  ANALYST: "Analyst",
  MANAGER: "Manager",
  INTERVIEWER: "Interviewer",
};

// What each role can do in cxmap today (shown on the invitation page). Permissions for features
// not built yet (improvement actions) are granted in the table above but not promised here.
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  ADMIN:
    "Everything an analyst can do, plus members, their roles and invitations, erasing a respondent's personal data on request, and API tokens and the webhook.",
  ANALYST:
    "Designs maps, manages respondents, records, imports and curates interviews, sees the analysis and the audit log, and exports the fix list, the matrix figures and the observations (CSV, JSON), chart images (PNG, SVG) and the printable report.",
  MANAGER:
    "Sees the maps and the analysis (the priority matrix, the fix list, trends, basics and delighters, change alerts); exports the fix list, the matrix figures and the observations (CSV, JSON), chart images (PNG, SVG) and the printable report.",
  INTERVIEWER:
    "Records interviews on active maps and manages respondents; sees only their own interviews, and contact details only of respondents they added or interviewed. Exports nothing and sees no analysis.",
};
