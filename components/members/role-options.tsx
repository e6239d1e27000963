import { ROLES, ROLE_LABELS } from "@/lib/permissions";

/** The workspace roles as a select's options, most limited first (invitations, API tokens). */
export function RoleOptions() {
  return ROLES.map((role) => (
    <option key={role} value={role}>
      {ROLE_LABELS[role]}
    </option>
  ));
}
