"use client";

import { useEffect, useId, useRef, type ComponentProps, type MouseEvent, type ReactNode } from "react";
import { cn } from "./cn";
import { CloseIcon } from "./close-icon";

export type DialogSize = "sm" | "md" | "lg";

export interface DialogProps extends Omit<ComponentProps<"dialog">, "open" | "title" | "onClose" | "onCancel" | "children"> {
  open: boolean;
  /** Called for Escape, the close button and (if enabled) a backdrop click; the parent sets open={false}. */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Action buttons, right-aligned under the body. */
  footer?: ReactNode;
  size?: DialogSize;
  closeLabel?: string;
  /** Off by default so a stray click cannot throw away a half-filled form. */
  closeOnBackdropClick?: boolean;
}

const sizeClass: Record<DialogSize, string> = { sm: "max-w-sm", md: "max-w-lg", lg: "max-w-3xl" };

/**
 * Modal dialog on the native <dialog> element: showModal() gives the top layer, inert
 * background, focus containment and Escape for free. The parent owns `open`.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  size = "md",
  closeLabel = "Close",
  closeOnBackdropClick = false,
  className,
  ...props
}: DialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      // React's autoFocus fires at mount, before showModal() makes the content focusable, so
      // a field that should take focus first is marked data-autofocus instead.
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // Give focus back to whatever opened the dialog, also when the dialog unmounts while open.
  useEffect(() => {
    if (open) return;
    restoreFocus(openerRef);
  }, [open]);
  useEffect(() => () => restoreFocus(openerRef), []);

  function handleBackdropClick(event: MouseEvent<HTMLDialogElement>) {
    // The inner wrapper fills the box, so a click whose target is the <dialog> itself hit the backdrop.
    if (closeOnBackdropClick && event.target === event.currentTarget) onClose();
  }

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        // Escape: let the parent decide, so `open` stays the single source of truth.
        event.preventDefault();
        onClose();
      }}
      onClose={() => {
        // The browser may close without a cancel event (a repeated Escape, a form method="dialog").
        if (open) onClose();
      }}
      onClick={handleBackdropClick}
      className={cn(
        "m-auto w-[calc(100%-2rem)] rounded-lg border border-border bg-surface p-0 text-fg shadow-xl backdrop:bg-overlay",
        "max-h-[calc(100dvh-2rem)]",
        sizeClass[size],
        className,
      )}
      {...props}
    >
      {open ? (
        <div className="flex max-h-[calc(100dvh-2rem)] flex-col">
          <header className="flex items-start justify-between gap-4 border-b border-border px-5 py-4">
            <div className="flex flex-col gap-1">
              <h2 id={titleId} className="text-xl font-semibold text-fg">
                {title}
              </h2>
              {description ? (
                <p id={descriptionId} className="text-sm text-fg-muted">
                  {description}
                </p>
              ) : null}
            </div>
            <button
              type="button"
              onClick={onClose}
              aria-label={closeLabel}
              className="-mr-2 -mt-1 inline-flex size-9 shrink-0 items-center justify-center rounded-md text-fg-muted hover:bg-surface-muted hover:text-fg"
            >
              <CloseIcon />
            </button>
          </header>
          <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">{children}</div>
          {footer ? (
            <footer className="flex flex-wrap items-center justify-end gap-2 border-t border-border px-5 py-3">
              {footer}
            </footer>
          ) : null}
        </div>
      ) : (
        // Keep the title in the DOM so aria-labelledby always resolves.
        <h2 id={titleId} hidden>
          {title}
        </h2>
      )}
    </dialog>
  );
}

function restoreFocus(openerRef: { current: HTMLElement | null }) {
  const opener = openerRef.current;
  openerRef.current = null;
  if (opener && opener.isConnected) opener.focus();
}
