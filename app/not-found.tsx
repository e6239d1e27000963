import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-6 py-20 text-center">
      <p className="text-sm font-medium text-fg-muted">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
      <p className="mt-3 text-fg-muted">
        This page does not exist, or you do not have access to it. If someone sent you this link, ask them to check
        your role in the workspace.
      </p>
      <Link href="/" className="mt-6 inline-block underline">
        Back to your workspace
      </Link>
    </main>
  );
}
