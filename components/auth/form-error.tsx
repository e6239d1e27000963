/** A form-level error, announced to screen readers when it appears. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" data-testid="form-error" className="rounded-md border border-danger/40 bg-danger-subtle px-3 py-2 text-sm text-danger-strong">
      {message}
    </p>
  );
}

/**
 * What a form's last submission did, e.g. "Settings saved.", for forms that stay on their page
 * (it shows after a submission without JavaScript too, where a toast cannot). The live region
 * is always there, so the message is announced when it appears.
 */
export function FormStatus({ message }: { message: string | null | undefined }) {
  return (
    <p role="status" className="text-sm font-medium text-success">
      {message}
    </p>
  );
}
