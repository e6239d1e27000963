import type { ReactNode } from "react";
import { Button } from "./button";
import { cn } from "./cn";

/**
 * The footer of a form in a dialog or panel: Cancel (when `onCancel` is given) and the
 * submit button, right-aligned. `divided` draws a line above them.
 */
export function FormActions({
  submitLabel,
  pending = false,
  disabled,
  onCancel,
  divided = false,
}: {
  submitLabel: ReactNode;
  pending?: boolean;
  disabled?: boolean;
  onCancel?: () => void;
  divided?: boolean;
}) {
  return (
    <div className={cn("flex justify-end gap-2", divided && "border-t border-border pt-4")}>
      {onCancel && (
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      )}
      <Button type="submit" loading={pending} disabled={disabled}>
        {submitLabel}
      </Button>
    </div>
  );
}
