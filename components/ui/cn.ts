export type ClassValue = string | false | null | undefined | 0;

/**
 * Joins class names, dropping falsy parts. It does not resolve conflicting utilities
 * (no tailwind-merge): when a caller's class must beat a component default, use the
 * `!` modifier (`!px-2`) or pick a utility the component does not set.
 */
export function cn(...parts: ClassValue[]): string {
  return parts.filter(Boolean).join(" ");
}
