"use client";

import { useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { CrosshairMode } from "@/lib/analysis/quadrant";
import { ToggleGroup } from "@/components/ui/toggle-group";
import { Spinner } from "@/components/ui/spinner";
import type { ColourMode } from "./colouring";

/** How the journey's cards are coloured, kept in the URL next to the filter. */
export function ColourControls({ colour, crosshair }: { colour: ColourMode; crosshair: CrosshairMode }) {
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

  return (
    <div className="flex flex-wrap items-center gap-3" data-print="hide">
      <span className="text-sm font-medium">
        Colour cards by
      </span>
      <ToggleGroup
        label="Colour cards by"
        value={colour}
        options={[
          { value: "performance", label: "Performance" },
          { value: "quadrant", label: "Quadrant" },
          { value: "none", label: "No colour" },
        ]}
        onChange={(value) => setParam("colour", value === "performance" ? null : value)}
      />
      {colour === "quadrant" && (
        <ToggleGroup
          label="Crosshairs"
          value={crosshair}
          options={[
            { value: "data", label: "Crosshairs at the data's means" },
            { value: "scale", label: "At the scale centre" },
          ]}
          onChange={(value) => setParam("crosshair", value === "data" ? null : value)}
        />
      )}
      {pending && <Spinner label="Updating the colours" />}
    </div>
  );
}
