"use client";

import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";
import { signOutAction, signOutEverywhereAction } from "@/lib/actions/auth";
import { clearingDeviceData } from "@/components/field/sign-out-clearing";

// Sign-out forms post to server actions that end the session on the server (not only the
// cookie) and go on to the sign-in page; they work before the page's JavaScript has loaded.
// With it, they first clear what the capture app keeps on the device.

export function SignOutButton({ className }: { className?: string }) {
  const form = useActionForm(signOutAction);
  return (
    <form {...form.props} onSubmit={clearingDeviceData(form.props.onSubmit)} className={className}>
      <Button type="submit" variant="secondary" size="sm" loading={form.pending}>
        Sign out
      </Button>
    </form>
  );
}

/** The user menu's sign-out items: this device, or every device. */
export function SignOutMenuItems() {
  const here = useActionForm(signOutAction);
  const everywhere = useActionForm(signOutEverywhereAction);
  return (
    <>
      <form {...here.props} onSubmit={clearingDeviceData(here.props.onSubmit)}>
        <Button type="submit" variant="secondary" size="sm" className="mt-2 w-full justify-start" loading={here.pending}>
          Sign out
        </Button>
      </form>
      <form {...everywhere.props} onSubmit={clearingDeviceData(everywhere.props.onSubmit)}>
        <Button type="submit" variant="secondary" size="sm" className="mt-2 w-full justify-start" loading={everywhere.pending}>
          Sign out everywhere
        </Button>
      </form>
    </>
  );
}
