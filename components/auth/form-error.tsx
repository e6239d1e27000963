/** A form-level error, announced to screen readers when it appears. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" data-testid="form-error" className="rounded-md border border-danger/40 bg-danger-subtle px-3 py-2 text-sm text-danger-strong">
      {message}
    </p>
  );
}
