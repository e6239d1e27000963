"use client";

import { useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { CrosshairMode } from "@/lib/analysis/quadrant";
import { ToggleGroup } from "@/components/ui/toggle-group";

/**
 * Sets or clears one URL parameter of the current view (crosshairs, colours...), keeping the
 * others, without a new history entry. `pending` is true while the page with it loads.
 */
export function useViewParam(): { pending: boolean; setParam: (key: string, value: string | null) => void } {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  function setParam(key: string, value: string | null) {
    const params = new URLSearchParams(searchParams.toString());
    if (value === null) params.delete(key);
    else params.set(key, value);
    const query = params.toString();
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  }
  return { pending, setParam };
}

/** Where the quadrant crosshairs sit: the data's means (the default, no parameter) or the scale centre. */
export function CrosshairToggle({ value, setParam }: { value: CrosshairMode; setParam: (key: string, value: string | null) => void }) {
  return (
    <ToggleGroup
      label="Crosshairs"
      value={value}
      options={[
        { value: "data", label: "Crosshairs at the data's means" },
        { value: "scale", label: "At the scale centre" },
      ]}
      onChange={(mode) => setParam("crosshair", mode === "data" ? null : mode)}
    />
  );
}
