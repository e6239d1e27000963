"use client";

import { useRouter } from "next/navigation";
import { ROLE_LABELS, type Role } from "@/lib/permissions";

type Props = { current: { id: string; name: string }; workspaces: { id: string; name: string; role: Role }[] };

export function WorkspaceSwitcher({ current, workspaces }: Props) {
  const router = useRouter();
  if (workspaces.length <= 1) {
    return <span className="text-sm font-medium" data-testid="workspace-name">{current.name}</span>;
  }
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">Workspace</span>
      <select
        data-testid="workspace-switcher"
        className="rounded-md border border-border-strong bg-surface px-2 py-1 text-sm font-medium"
        value={current.id}
        onChange={(event) => router.push(`/w/${event.target.value}`)}
      >
        {workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name} ({ROLE_LABELS[workspace.role]})
          </option>
        ))}
      </select>
    </label>
  );
}
