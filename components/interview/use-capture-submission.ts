"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { useRouter } from "next/navigation";
import { updateInterviewAction } from "@/lib/actions/interviews";
import type { CaptureJourney } from "@/lib/schemas/interview";
import { findProblems, latestAllowedDate } from "@/lib/schemas/interview-submission";
import type { DraftPurpose } from "./draft-store";
import { submitRecordedInterview } from "./submit-interview";
import { useFieldMode } from "./field-mode";
import type { CaptureState } from "./use-capture-state";

export type SubmitNotice = { tone: "error" | "info"; text: string };

type Options = {
  workspaceId: string;
  interviewId: string;
  purpose: DraftPurpose;
  journey: CaptureJourney;
  capture: Pick<CaptureState, "state" | "pendingSubmit" | "setPendingSubmit" | "setShowProblems" | "markSubmitted" | "isSubmitted">;
  /** The heading of the review's list of problems, scrolled into view when they block the submission. */
  problemsRef: RefObject<HTMLElement | null>;
};

/**
 * Submitting the interview (or saving a correction). It is safe to repeat: the interview
 * keeps its id, so a submission that got no answer is sent again when the connection
 * returns, and on the next visit.
 */
export function useCaptureSubmission({ workspaceId, interviewId, purpose, journey, capture, problemsRef }: Options) {
  const router = useRouter();
  const { state, pendingSubmit, setPendingSubmit, setShowProblems, markSubmitted, isSubmitted } = capture;
  const [submitting, setSubmitting] = useState(false);
  const [notice, setNotice] = useState<SubmitNotice | null>(null);
  const submittingRef = useRef(false);
  const field = useFieldMode();

  const submit = useCallback(async () => {
    if (submittingRef.current || isSubmitted()) return;
    const current = findProblems(journey, state, { latestDate: latestAllowedDate() });
    if (current.length > 0) {
      setShowProblems(true);
      setPendingSubmit(false);
      setNotice({ tone: "error", text: `${current.length === 1 ? "1 thing needs" : `${current.length} things need`} finishing first: see the list above.` });
      problemsRef.current?.scrollIntoView({ block: "center" });
      // The focus goes to the list, so a keyboard user can go straight to what is missing.
      problemsRef.current?.focus({ preventScroll: true });
      return;
    }
    if (field && purpose === "record") {
      // The capture app: into the outbox, which sends it now or when the connection is back.
      submittingRef.current = true;
      setSubmitting(true);
      try {
        await field.queue(state);
        markSubmitted();
        field.leave();
      } catch {
        setNotice({ tone: "error", text: "This device would not keep the interview in its outbox (full or disabled storage). Stay online and submit it from the interviews page." });
      } finally {
        submittingRef.current = false;
        setSubmitting(false);
      }
      return;
    }
    submittingRef.current = true;
    setSubmitting(true);
    if (purpose === "record") setPendingSubmit(true);
    setNotice(null);
    try {
      const result = purpose === "record" ? await submitRecordedInterview(workspaceId, state) : await updateInterviewAction(workspaceId, state);
      if (result.ok) {
        markSubmitted();
        setPendingSubmit(false);
        const flag = purpose === "edit" ? "saved" : "alreadySubmitted" in result.data && result.data.alreadySubmitted ? "already" : "submitted";
        router.replace(`/w/${workspaceId}/interviews/${interviewId}?${flag}=1`);
        return;
      }
      setPendingSubmit(false);
      setShowProblems(true);
      setNotice({ tone: "error", text: result.formError ?? "The interview could not be submitted." });
    } catch {
      // No answer from the server: nothing is lost, and the same id makes a retry safe.
      setNotice({
        tone: "info",
        text:
          purpose === "record"
            ? "No connection. The interview is kept on this device and will be submitted as soon as the connection is back."
            : "No connection. The correction is kept on this device; save it again when the connection is back.",
      });
    } finally {
      submittingRef.current = false;
      setSubmitting(false);
    }
  }, [field, interviewId, isSubmitted, journey, markSubmitted, problemsRef, purpose, router, setPendingSubmit, setShowProblems, state, workspaceId]);

  // A submission that did not get through is sent again when the connection returns (and on reload).
  useEffect(() => {
    if (!pendingSubmit || purpose !== "record") return;
    const retry = () => {
      if (navigator.onLine && !submittingRef.current) void submit();
    };
    const timer = window.setTimeout(retry, 500);
    const interval = window.setInterval(retry, 15_000);
    window.addEventListener("online", retry);
    return () => {
      window.clearTimeout(timer);
      window.clearInterval(interval);
      window.removeEventListener("online", retry);
    };
  }, [pendingSubmit, purpose, submit]);

  // What the review shows under the button: the last attempt's outcome, or that it waits for a connection.
  const shownNotice: SubmitNotice | null =
    notice ??
    (pendingSubmit && purpose === "record" ? { tone: "info", text: "Waiting for a connection to submit. It is kept on this device meanwhile." } : null);

  return { submit, submitting, notice: shownNotice };
}
