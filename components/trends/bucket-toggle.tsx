"use client";

import type { TrendBucket } from "@/lib/types/analysis-journey";
import { ToggleGroup } from "@/components/ui/toggle-group";
import { Spinner } from "@/components/ui/spinner";
import { useViewParam } from "@/components/matrix/view-params";

/** Day, week or month per point, kept in the URL (`by`) next to the filter. */
export function BucketToggle({ bucket }: { bucket: TrendBucket }) {
  const { pending, setParam } = useViewParam();
  return (
    <div className="flex flex-wrap items-center gap-3" data-print="hide">
      <span className="text-sm font-medium">One point per</span>
      <ToggleGroup
        label="One point per"
        value={bucket}
        options={[
          { value: "day", label: "Day" },
          { value: "week", label: "Week" },
          { value: "month", label: "Month" },
        ]}
        onChange={(value) => setParam("by", value === "week" ? null : value)}
      />
      {pending && <Spinner label="Updating the trends" />}
    </div>
  );
}
