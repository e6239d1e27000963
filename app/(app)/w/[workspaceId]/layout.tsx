import { requireWorkspace } from "@/lib/workspace";
import { listUserWorkspaces } from "@/lib/data/users";
import { AppShell } from "@/components/shell/app-shell";
import { buildId } from "@/lib/pwa/build-id";

// The layout only renders the shell; every page, action and route checks access itself.
export default async function WorkspaceLayout({ children, params }: LayoutProps<"/w/[workspaceId]">) {
  const { workspaceId } = await params;
  const ctx = await requireWorkspace(workspaceId, "workspace.view");
  const workspaces = await listUserWorkspaces(ctx.userId);
  return (
    <AppShell
      workspace={{ id: ctx.workspaceId, name: ctx.workspaceName }}
      workspaces={workspaces}
      user={{ id: ctx.userId, name: ctx.userName, email: ctx.userEmail }}
      role={ctx.role}
      buildId={buildId()}
    >
      {children}
    </AppShell>
  );
}
