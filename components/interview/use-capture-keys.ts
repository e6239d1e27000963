"use client";

import { useState, type KeyboardEvent, type RefObject } from "react";
import { flushSync } from "react-dom";
import type { Outcome } from "@/lib/schemas/interview";
import { addVolunteered, applyRating, applyVolunteered, cardOrder, hasAnswers, skip } from "./answers";
import { focusChoiceGroup } from "./choice-group";
import { FEELING_OPTIONS } from "./options";
import type { CaptureState } from "./use-capture-state";

const SHORTCUTS_KEY = "cxmap:v1:interview-shortcuts";

/** Whether single keys answer questions; the choice is kept on this device. */
export function useShortcutsSetting() {
  const [shortcuts, setShortcuts] = useState(() => {
    try {
      return window.localStorage.getItem(SHORTCUTS_KEY) !== "off";
    } catch {
      return true;
    }
  });

  function change(on: boolean) {
    setShortcuts(on);
    try {
      window.localStorage.setItem(SHORTCUTS_KEY, on ? "on" : "off");
    } catch {
      // The choice then lasts for this page only.
    }
  }

  return [shortcuts, change] as const;
}

function isTextEntry(target: HTMLElement) {
  if (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
  return target.tagName === "INPUT" && !["radio", "checkbox", "button", "submit", "reset"].includes((target as HTMLInputElement).type);
}

type Options = {
  capture: Pick<CaptureState, "step" | "total" | "lastStep" | "touchpoint" | "answerOf" | "update" | "updateAnswer" | "goTo">;
  submit: () => Promise<void>;
  shortcuts: boolean;
  nextRef: RefObject<HTMLButtonElement | null>;
  /** Opens the question whether to clear a touchpoint's answers and mark it not encountered. */
  confirmSkip: (touchpointId: string) => void;
};

/**
 * The keyboard of the capture screen, so that a whole interview can be taken without the
 * mouse: Enter moves on (and on the review submits), Shift+Enter back, Ctrl+Enter submits from
 * anywhere; with single-key shortcuts on, numbers answer the next open question, N marks the
 * touchpoint not encountered (or undoes it) without leaving it, and A adds an unlisted expectation.
 */
export function useCaptureKeys({ capture, submit, shortcuts, nextRef, confirmSkip }: Options) {
  const { step, total, lastStep, touchpoint, answerOf, update, updateAnswer, goTo } = capture;

  /** After a card's importance: the next card's outcome, or the Next button after the last card. */
  function advanceFrom(cardId: string) {
    if (!touchpoint) return;
    const order = cardOrder(touchpoint, answerOf(touchpoint.id));
    const index = order.findIndex((card) => card.id === cardId);
    const next = order[index + 1];
    if (next) focusChoiceGroup(`${next.id}-outcome`);
    else nextRef.current?.focus();
  }

  /** A number key pressed outside any question: it answers the first expectation still waiting for it. */
  function numberKey(digit: number): boolean {
    if (!touchpoint) return false;
    const answer = answerOf(touchpoint.id);
    if (answer.skipped) return false;
    for (const card of cardOrder(touchpoint, answer)) {
      const values =
        card.kind === "listed"
          ? (answer.ratings.find((rating) => rating.expectationId === card.ref) ?? { outcome: null, importance: null })
          : answer.volunteered.find((item) => item.key === card.ref)!;
      const apply = (patch: { outcome?: Outcome; importance?: number }) =>
        updateAnswer(touchpoint.id, (current) =>
          card.kind === "listed" ? applyRating(current, touchpoint, card.ref, patch) : applyVolunteered(current, card.ref, patch),
        );
      // Applied and rendered at once, so that the next key lands where the focus now is.
      if (values.outcome === null) {
        if (digit < 1 || digit > 3) return false;
        flushSync(() => apply({ outcome: (["MISSED", "MET", "EXCEEDED"] as const)[digit - 1] }));
        focusChoiceGroup(`${card.id}-importance`);
        return true;
      }
      if (values.importance === null) {
        if (digit < 1 || digit > 5) return false;
        flushSync(() => apply({ importance: digit }));
        advanceFrom(card.id);
        return true;
      }
    }
    return false;
  }

  /**
   * Marks the touchpoint not encountered (clearing any answers) and stays on it, with the focus
   * on Next: the screen shows what was marked, and Enter moves on. Moving on by itself would
   * let the Enter that usually follows pass the next touchpoint by unanswered.
   */
  function markNotEncountered() {
    if (!touchpoint) return;
    flushSync(() => updateAnswer(touchpoint.id, skip));
    nextRef.current?.focus();
  }

  function toggleSkip() {
    if (!touchpoint) return;
    const answer = answerOf(touchpoint.id);
    if (answer.skipped) {
      flushSync(() => updateAnswer(touchpoint.id, (current) => ({ ...current, skipped: false })));
      document.getElementById("capture-heading")?.focus();
    } else if (hasAnswers(answer)) {
      // Answers would be lost: ask first, as the "Not encountered" button does.
      confirmSkip(touchpoint.id);
    } else {
      markNotEncountered();
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    if (target.closest("dialog")) return;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (step < lastStep) goTo(step + 1);
      else void submit();
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "Enter") {
      if (["TEXTAREA", "BUTTON", "A", "SUMMARY", "SELECT"].includes(target.tagName)) return;
      event.preventDefault();
      if (event.shiftKey) goTo(step - 1);
      else if (step < lastStep) goTo(step + 1);
      // On the review: submit, which lists what is still missing instead when something is.
      else void submit();
      return;
    }
    if (!shortcuts || isTextEntry(target)) return;
    const key = event.key.toLowerCase();
    if (touchpoint) {
      if (key === "n") {
        event.preventDefault();
        toggleSkip();
      } else if (key === "a" && !answerOf(touchpoint.id).skipped) {
        event.preventDefault();
        const id = crypto.randomUUID();
        flushSync(() => updateAnswer(touchpoint.id, (current) => addVolunteered(current, id)));
        document.getElementById(`v-${id}-text`)?.focus();
      } else if (/^[1-5]$/.test(event.key) && numberKey(Number(event.key))) {
        event.preventDefault();
      }
    } else if (step === total + 1 && /^[1-6]$/.test(event.key)) {
      event.preventDefault();
      const feeling = FEELING_OPTIONS[Number(event.key) - 1]!.value;
      flushSync(() => update((current) => ({ ...current, overallFeeling: feeling })));
      focusChoiceGroup("overall-feeling");
    }
  }

  return { onKeyDown, advanceFrom, markNotEncountered };
}
