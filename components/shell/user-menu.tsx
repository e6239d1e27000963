"use client";

import { useEffect, useId, useRef, useState } from "react";
import Link from "next/link";
import { SignOutMenuItems } from "@/components/shell/sign-out-button";

/** The signed-in user's name, opening a small menu with their email, their account page and sign-out. */
export function UserMenu({ name, email }: { name: string; email: string }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !root.current?.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
        className="rounded-md border border-border-strong bg-surface px-3 py-1.5 text-sm font-medium hover:bg-surface-muted"
      >
        {name}
      </button>
      {open && (
        <div id={menuId} className="absolute right-0 z-20 mt-2 w-64 rounded-md border border-border bg-surface p-3 shadow-lg">
          <p className="truncate text-sm text-fg-muted">{email}</p>
          <Link
            href="/account"
            className="mt-3 block w-full rounded-md border border-border-strong px-3 py-1.5 text-left text-sm font-medium hover:bg-surface-muted"
          >
            Account and sessions
          </Link>
          <SignOutMenuItems />
        </div>
      )}
    </div>
  );
}
