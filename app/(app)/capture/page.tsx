import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { listUserWorkspaces } from "@/lib/data/users";
import { can } from "@/lib/permissions";
import { signInPathFor } from "@/lib/auth/requested-path";

// The installed app's start address: the capture list of the first workspace where the member
// records interviews (without a connection, the service worker answers with the copy it kept).
export default async function CaptureStart() {
  const user = await getSessionUser();
  if (!user) redirect(signInPathFor("/capture"));
  const workspaces = await listUserWorkspaces(user.id);
  const recording = workspaces.find((workspace) => can(workspace.role, "interview.record"));
  if (recording) redirect(`/w/${recording.id}/capture`);
  redirect(workspaces[0] ? `/w/${workspaces[0].id}` : "/");
}
