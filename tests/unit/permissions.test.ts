import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, ROLE_PERMISSIONS, can, type Permission, type Role } from "@/lib/permissions";

// The table of the spec, written out in full so a change to the code must change this too.
const EXPECTED: Record<Role, Permission[]> = {
  ADMIN: [...PERMISSIONS],
  ANALYST: [
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
  ],
  MANAGER: ["workspace.view", "map.view", "analysis.view", "action.view", "action.manage", "data.export"],
  INTERVIEWER: ["workspace.view", "respondent.manage", "interview.record"],
};

describe("role -> permission table", () => {
  for (const role of ROLES) {
    it(`${role} has exactly its permissions`, () => {
      expect([...ROLE_PERMISSIONS[role]].sort()).toEqual([...EXPECTED[role]].sort());
      for (const permission of PERMISSIONS) expect(can(role, permission)).toBe(EXPECTED[role].includes(permission));
    });
  }

  it("contact details: ADMIN and ANALYST see every respondent's, only ADMIN erases them", () => {
    expect(ROLES.filter((role) => can(role, "respondent.contact"))).toEqual(["ADMIN", "ANALYST"]);
    expect(ROLES.filter((role) => can(role, "respondent.erase"))).toEqual(["ADMIN"]);
  });

  it("only ADMIN manages members, tokens and the workspace", () => {
    for (const permission of ["members.manage", "tokens.manage", "workspace.manage"] as const) {
      expect(ROLES.filter((role) => can(role, permission))).toEqual(["ADMIN"]);
    }
  });

  it("MANAGER cannot change map design or interview data", () => {
    for (const permission of ["map.design", "interview.record", "interview.curate", "data.import"] as const) {
      expect(can("MANAGER", permission)).toBe(false);
    }
  });

  it("INTERVIEWER sees no analysis and no map design", () => {
    for (const permission of ["analysis.view", "map.view", "map.design", "action.view", "data.export", "audit.view"] as const) {
      expect(can("INTERVIEWER", permission)).toBe(false);
    }
  });
});
