"use client";

import { useState, useTransition, type ReactNode } from "react";
import { Button, type ButtonVariant } from "./button";
import { Dialog } from "./dialog";

/**
 * A button that asks first: it opens a dialog that says what will happen, and runs `onConfirm`
 * (a server action and what follows it) from the dialog's confirm button, which shows the
 * action as pending. The dialog closes when it is done, whatever the outcome; `onConfirm`
 * tells the user (a toast) and moves on.
 */
export function ConfirmButton({
  label,
  variant = "secondary",
  title,
  description,
  confirmLabel = label,
  cancelLabel = "Cancel",
  onConfirm,
  children,
}: {
  label: string;
  variant?: ButtonVariant;
  title: string;
  description?: string;
  confirmLabel?: string;
  cancelLabel?: string;
  onConfirm: () => Promise<void>;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={title}
        description={description}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {cancelLabel}
            </Button>
            <Button
              variant="danger"
              loading={pending}
              onClick={() =>
                startTransition(async () => {
                  await onConfirm();
                  setOpen(false);
                })
              }
            >
              {confirmLabel}
            </Button>
          </>
        }
      >
        {children}
      </Dialog>
    </>
  );
}
