"use client";

import type { CrosshairMode } from "@/lib/analysis/quadrant";
import { ToggleGroup } from "@/components/ui/toggle-group";
import { Spinner } from "@/components/ui/spinner";
import { CrosshairToggle, useViewParam } from "@/components/matrix/view-params";
import type { ColourMode } from "./colouring";

/** How the journey's cards are coloured, kept in the URL next to the filter. */
export function ColourControls({ colour, crosshair }: { colour: ColourMode; crosshair: CrosshairMode }) {
  const { pending, setParam } = useViewParam();
  return (
    <div className="flex flex-wrap items-center gap-3" data-print="hide">
      <span className="text-sm font-medium">Colour cards by</span>
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
      {colour === "quadrant" && <CrosshairToggle value={crosshair} setParam={setParam} />}
      {pending && <Spinner label="Updating the colours" />}
    </div>
  );
}
