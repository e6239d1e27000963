import { redirect } from "next/navigation";
import Link from "next/link";
import { getSessionUser } from "@/lib/auth/session";
import { listUserWorkspaces } from "@/lib/data/users";
import { SignOutButton } from "@/components/shell/sign-out-button";

export default async function Home() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const workspaces = await listUserWorkspaces(user.id);
  if (workspaces[0]) redirect(`/w/${workspaces[0].id}`);
  return (
    <main className="mx-auto max-w-lg px-6 py-16">
      <h1 className="text-2xl font-semibold">You are not in any workspace</h1>
      <p className="mt-3 text-fg-muted">
        Signed in as {user.email}. Ask an admin of your team for an invitation link, or{" "}
        <Link className="underline" href="/sign-up">
          create a new workspace
        </Link>{" "}
        with another account.
      </p>
      <div className="mt-6">
        <SignOutButton />
      </div>
    </main>
  );
}
