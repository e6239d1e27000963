"use client";

import Link from "next/link";
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { DotsIcon } from "./icons";

export type ActionMenuItem =
  | { label: string; onSelect: () => void; tone?: "danger"; hidden?: boolean }
  | { label: string; href: string; hidden?: boolean };

/**
 * A menu button (ARIA Authoring Practices "menu button"): arrow keys move between items,
 * Home/End jump, Escape closes and returns focus to the button. The list is a native
 * popover, so it sits in the top layer and is never clipped by the scrolling journey grid.
 */
export function ActionMenu({
  label,
  items,
  children,
  className,
}: {
  /** The accessible name of the button, e.g. "Actions for Store entrance". */
  label: string;
  items: ActionMenuItem[];
  /** Visible button content; a "more" icon when omitted. */
  children?: ReactNode;
  className?: string;
}) {
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const visible = items.filter((item) => !item.hidden);

  function menuItems() {
    return Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  }

  // Keeps the open list below its button (right-aligned, inside the viewport), also while
  // the page or the journey grid scrolls under it.
  const place = useCallback(() => {
    const menu = menuRef.current;
    const button = buttonRef.current;
    if (!menu || !button) return;
    const box = button.getBoundingClientRect();
    const width = menu.offsetWidth;
    const height = menu.offsetHeight;
    const left = Math.max(8, Math.min(box.right - width, window.innerWidth - width - 8));
    const below = box.bottom + 4;
    const top = below + height > window.innerHeight - 8 ? Math.max(8, box.top - height - 4) : below;
    menu.style.left = `${left}px`;
    menu.style.top = `${top}px`;
  }, []);

  useEffect(() => {
    if (!open) return;
    window.addEventListener("scroll", place, { capture: true, passive: true });
    window.addEventListener("resize", place);
    return () => {
      window.removeEventListener("scroll", place, { capture: true });
      window.removeEventListener("resize", place);
    };
  }, [open, place]);

  function show(focus: "first" | "last") {
    const menu = menuRef.current;
    if (!menu) return;
    menu.showPopover();
    place();
    const list = menuItems();
    (focus === "first" ? list[0] : list[list.length - 1])?.focus({ preventScroll: true });
  }

  function hide(returnFocus: boolean) {
    const menu = menuRef.current;
    if (menu?.matches(":popover-open")) menu.hidePopover();
    if (returnFocus) buttonRef.current?.focus();
  }

  function onButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      show(event.key === "ArrowDown" ? "first" : "last");
    }
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const list = menuItems();
    const current = list.indexOf(document.activeElement as HTMLElement);
    let next: HTMLElement | undefined;
    if (event.key === "ArrowDown") next = list[(current + 1) % list.length];
    else if (event.key === "ArrowUp") next = list[(current - 1 + list.length) % list.length];
    else if (event.key === "Home") next = list[0];
    else if (event.key === "End") next = list[list.length - 1];
    else if (event.key === "Escape") {
      event.preventDefault();
      hide(true);
      return;
    } else if (event.key === "Tab") {
      hide(false);
      return;
    }
    if (next) {
      event.preventDefault();
      next.focus();
    }
  }

  const itemClass = (danger?: boolean) =>
    cn(
      "flex w-full items-center rounded px-3 py-2 text-left text-sm whitespace-nowrap focus:outline-none focus-visible:outline-2 focus-visible:outline-focus",
      danger ? "text-danger hover:bg-danger-subtle focus:bg-danger-subtle" : "text-fg hover:bg-surface-muted focus:bg-surface-muted",
    );

  if (visible.length === 0) return null;
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => (open ? hide(false) : show("first"))}
        onKeyDown={onButtonKeyDown}
        className={cn(
          "inline-flex size-8 shrink-0 items-center justify-center rounded-md text-fg-muted hover:bg-surface-sunken hover:text-fg",
          className,
        )}
      >
        {children ?? <DotsIcon />}
      </button>
      <div
        ref={menuRef}
        id={menuId}
        popover="auto"
        role="menu"
        aria-label={label}
        onKeyDown={onMenuKeyDown}
        onToggle={(event) => {
          const isOpen = event.newState === "open";
          setOpen(isOpen);
          // Closed by Escape or by its own item: focus would fall to the page; keep it on the button.
          if (!isOpen && (document.activeElement === document.body || menuRef.current?.contains(document.activeElement))) {
            buttonRef.current?.focus();
          }
        }}
        className="fixed inset-auto m-0 min-w-44 rounded-md border border-border bg-surface p-1 text-fg shadow-lg"
      >
        {visible.map((item) =>
          "href" in item ? (
            <Link key={item.label} href={item.href} role="menuitem" tabIndex={-1} className={itemClass()} onClick={() => hide(false)}>
              {item.label}
            </Link>
          ) : (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={itemClass(item.tone === "danger")}
              onClick={() => {
                hide(true);
                item.onSelect();
              }}
            >
              {item.label}
            </button>
          ),
        )}
      </div>
    </>
  );
}
