"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { Spinner } from "@/components/ui/spinner";

/**
 * Makes the interview's id in the browser and opens its capture screen. The id travels
 * with every save and with the submission, so retrying can never create a second interview.
 */
export function StartInterview({ workspaceId, mapId }: { workspaceId: string; mapId: string }) {
  const router = useRouter();
  useEffect(() => {
    const id = crypto.randomUUID();
    router.replace(`/w/${workspaceId}/interviews/${id}/capture?map=${encodeURIComponent(mapId)}`);
  }, [mapId, router, workspaceId]);
  return (
    <div className="flex justify-center py-16">
      <Spinner label="Starting the interview" showLabel />
    </div>
  );
}
