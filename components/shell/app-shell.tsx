import Link from "next/link";
import type { Role } from "@/lib/permissions";
import { ROLE_LABELS, can } from "@/lib/permissions";
import { OutboxNav } from "@/components/field/outbox-nav";
import { ServiceWorkerRegistrar } from "@/components/field/service-worker";
import { navFor } from "@/components/shell/nav";
import { NavLinks } from "@/components/shell/nav-links";
import { WorkspaceSwitcher } from "@/components/shell/workspace-switcher";
import { UserMenu } from "@/components/shell/user-menu";

type Props = {
  workspace: { id: string; name: string };
  workspaces: { id: string; name: string; role: Role }[];
  user: { id: string; name: string; email: string };
  role: Role;
  /** The build being served: the offline capture app's caches are named after it. */
  buildId: string;
  children: React.ReactNode;
};

export function AppShell({ workspace, workspaces, user, role, buildId, children }: Props) {
  const items = navFor(role).map((item) => ({ label: item.label, href: item.href(workspace.id) }));
  return (
    <div className="min-h-screen bg-surface-muted">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-border bg-surface" data-print="hide">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-lg font-semibold tracking-tight">
            cxmap
          </Link>
          <WorkspaceSwitcher current={workspace} workspaces={workspaces} />
          <NavLinks items={items} />
          {can(role, "interview.record") ? <OutboxNav workspaceId={workspace.id} userId={user.id} /> : null}
          <ServiceWorkerRegistrar buildId={buildId} />
          <div className="ml-auto flex items-center gap-3">
            <span className="hidden text-sm text-fg-muted sm:inline" data-testid="current-role">
              {ROLE_LABELS[role]}
            </span>
            <UserMenu name={user.name} email={user.email} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
