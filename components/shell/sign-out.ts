// next-auth's browser client is needed only to sign out: it loads on that click instead of
// with every page of the app.
export async function signOut() {
  const { signOut: nextAuthSignOut } = await import("next-auth/react");
  await nextAuthSignOut({ callbackUrl: "/sign-in" });
}
