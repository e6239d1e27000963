import { can, type Permission, type Role } from "@/lib/permissions";

export type NavItem = { label: string; href: (workspaceId: string) => string; permission: Permission };

/** Every screen of a workspace; the shell shows the ones the member's role may use. */
export const NAV_ITEMS: NavItem[] = [
  { label: "Maps", href: (id) => `/w/${id}`, permission: "workspace.view" },
  { label: "Interviews", href: (id) => `/w/${id}/interviews`, permission: "interview.record" },
  { label: "Respondents", href: (id) => `/w/${id}/respondents`, permission: "respondent.manage" },
  { label: "Audit log", href: (id) => `/w/${id}/audit`, permission: "audit.view" },
  { label: "Members", href: (id) => `/w/${id}/members`, permission: "members.manage" },
  { label: "API", href: (id) => `/w/${id}/api`, permission: "tokens.manage" },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}
