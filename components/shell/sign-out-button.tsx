"use client";

import { Button } from "@/components/ui/button";
import { signOut } from "@/components/shell/sign-out";

export function SignOutButton({ className }: { className?: string }) {
  return (
    <Button variant="secondary" size="sm" className={className} onClick={signOut}>
      Sign out
    </Button>
  );
}
