"use client";

import dynamic from "next/dynamic";
import { Spinner } from "@/components/ui/spinner";
import type { CaptureProps } from "./use-capture-state";

// The capture starts from the copy kept on this device, which only the browser can read:
// rendering it on the server would show a state that is about to change.
const InterviewCapture = dynamic(() => import("./capture").then((module) => module.InterviewCapture), {
  ssr: false,
  loading: () => (
    <div className="flex justify-center py-16">
      <Spinner label="Opening the interview" showLabel />
    </div>
  ),
});

export function CaptureLoader(props: CaptureProps) {
  return <InterviewCapture {...props} />;
}
