/** Shared look of text-like native controls (Input, Select, Textarea). */
export const controlClasses =
  "block w-full min-h-10 rounded-md border border-border-strong bg-surface px-3 py-2 text-sm text-fg " +
  "placeholder:text-fg-muted " +
  "disabled:cursor-not-allowed disabled:bg-surface-sunken disabled:text-fg-muted " +
  "aria-[invalid=true]:border-danger aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-danger";
