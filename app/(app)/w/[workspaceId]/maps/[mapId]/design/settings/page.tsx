import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/lib/workspace";
import { getDesignerHeader } from "@/lib/data/designer";
import { getMapSettings } from "@/lib/data/map-settings";
import { DesignerHeader } from "@/components/designer/designer-header";
import { MapDetailsForm } from "@/components/designer/map-details-form";
import { MapSettingsForm } from "@/components/designer/map-settings-form";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Map settings" };

export default async function SettingsPage({ params }: PageProps<"/w/[workspaceId]/maps/[mapId]/design/settings">) {
  const { workspaceId, mapId } = await params;
  const ctx = await requireWorkspace(workspaceId, "map.design");
  const [header, settings] = await Promise.all([getDesignerHeader(ctx, mapId), getMapSettings(ctx, mapId)]);
  if (!header || !settings) notFound();
  return (
    <>
      <DesignerHeader workspaceId={workspaceId} header={header} current="settings" />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card as="section" title="Name and status" description="How the map is called on every screen, and who can use it.">
          <MapDetailsForm workspaceId={workspaceId} map={settings.map} />
        </Card>
        <Card
          as="section"
          title="Analysis and interview targets"
          description="How the matrix treats small samples and asymmetry, and how many interviews to aim for."
        >
          <MapSettingsForm workspaceId={workspaceId} settings={settings} />
        </Card>
      </div>
    </>
  );
}
