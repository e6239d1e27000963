import type { Metadata } from "next";
import { requireWorkspace } from "@/lib/workspace";
import { getFieldCaptureData } from "@/lib/data/field-capture";
import { FieldCapture } from "@/components/field/field-capture";

export const metadata: Metadata = { title: "Capture" };

// The capture app: the maps open for interviews, the outbox, and the interview itself, all on
// one page that works without a connection once loaded (the service worker keeps it).
export default async function FieldCapturePage({ params }: PageProps<"/w/[workspaceId]/capture">) {
  const { workspaceId } = await params;
  const ctx = await requireWorkspace(workspaceId, "interview.record");
  const data = await getFieldCaptureData(ctx);
  return <FieldCapture workspaceId={workspaceId} userId={ctx.userId} {...data} />;
}
