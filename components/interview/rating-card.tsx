"use client";

import { useState, type KeyboardEvent } from "react";
import { flushSync } from "react-dom";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import type { FeelingState, Importance, Outcome } from "@/lib/schemas/interview";
import { ChoiceGroup, focusChoiceGroup } from "./choice-group";
import { FEELING_OPTIONS, IMPORTANCE_OPTIONS, OUTCOME_OPTIONS } from "./options";

export type RatingValues = {
  outcome: Outcome | null;
  importance: number | null;
  feeling: FeelingState | null;
  comment: string;
};

export const EMPTY_RATING: RatingValues = { outcome: null, importance: null, feeling: null, comment: "" };

export function hasValues(rating: RatingValues) {
  return rating.outcome !== null || rating.importance !== null || rating.feeling !== null || rating.comment !== "";
}

type Props = {
  idPrefix: string;
  /** The expectation's words; for an unlisted one, what the interviewer typed. */
  text: string;
  value: RatingValues;
  onChange: (patch: Partial<RatingValues>) => void;
  onClear: () => void;
  /** After importance is picked by key: go on to the next expectation. */
  onAdvance: () => void;
  shortcuts: boolean;
  errors?: { outcome?: string; importance?: string; text?: string };
  /** Present for an unlisted ("volunteered") expectation. */
  volunteered?: { onText: (text: string) => void; onRemove: () => void };
};

/** One expectation the customer may have held: outcome, importance, and optionally feeling and comment. */
export function RatingCard({ idPrefix, text, value, onChange, onClear, onAdvance, shortcuts, errors = {}, volunteered }: Props) {
  const [open, setOpen] = useState(value.feeling !== null || value.comment !== "");
  const titleId = `${idPrefix}-title`;
  const name = text || "the unlisted expectation";
  const complete = value.outcome !== null && value.importance !== null;

  function reveal(target: "feeling" | "comment") {
    flushSync(() => setOpen(true));
    if (target === "feeling") focusChoiceGroup(`${idPrefix}-feeling`);
    else document.getElementById(`${idPrefix}-comment`)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!shortcuts || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement;
    if (target.tagName === "TEXTAREA" || (target.tagName === "INPUT" && (target as HTMLInputElement).type !== "radio")) return;
    const key = event.key.toLowerCase();
    if (key === "f" || key === "c") {
      event.preventDefault();
      event.stopPropagation();
      reveal(key === "f" ? "feeling" : "comment");
    }
  }

  return (
    <div
      role="group"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      data-testid="expectation-card"
      data-complete={complete || undefined}
      className={cn(
        "flex flex-col gap-3 rounded-lg border bg-surface p-3 sm:p-4",
        errors.outcome || errors.importance || errors.text ? "border-danger" : complete ? "border-border-strong" : "border-border",
      )}
    >
      <div className="flex items-start justify-between gap-2">
        {volunteered ? (
          <div className="flex min-w-0 flex-1 flex-col gap-1">
            <label id={titleId} htmlFor={`${idPrefix}-text`} className="text-sm font-medium">
              Something they expected that is not listed
            </label>
            <Input
              id={`${idPrefix}-text`}
              value={text}
              maxLength={300}
              placeholder="In their words, e.g. somewhere to leave the pram"
              onChange={(event) => volunteered.onText(event.target.value)}
              aria-invalid={errors.text ? true : undefined}
              aria-describedby={errors.text ? `${idPrefix}-text-error` : undefined}
              data-volunteered-text
            />
            {errors.text ? (
              <p id={`${idPrefix}-text-error`} className="text-sm font-medium text-danger">
                {errors.text}
              </p>
            ) : null}
          </div>
        ) : (
          <h3 id={titleId} className="text-base font-semibold">
            {text}
          </h3>
        )}
        <div className="flex shrink-0 gap-1">
          {!volunteered && hasValues(value) ? (
            <Button variant="ghost" size="sm" onClick={onClear}>
              Clear<span className="sr-only"> {name}</span>
            </Button>
          ) : null}
          {volunteered ? (
            <Button variant="ghost" size="sm" onClick={volunteered.onRemove} className="mt-6">
              Remove<span className="sr-only"> {name}</span>
            </Button>
          ) : null}
        </div>
      </div>

      <ChoiceGroup
        id={`${idPrefix}-outcome`}
        name={`${idPrefix}-outcome`}
        legend={
          <>
            Outcome<span className="sr-only">: {name}</span>
          </>
        }
        options={OUTCOME_OPTIONS}
        value={value.outcome}
        onChange={(outcome) => onChange({ outcome })}
        onAdvance={() => focusChoiceGroup(`${idPrefix}-importance`)}
        clearable
        shortcuts={shortcuts}
        invalid={Boolean(errors.outcome)}
        describedBy={errors.outcome ? `${idPrefix}-outcome-error` : undefined}
      />
      {errors.outcome ? (
        <p id={`${idPrefix}-outcome-error`} className="-mt-2 text-sm font-medium text-danger">
          {errors.outcome}
        </p>
      ) : null}

      <ChoiceGroup
        id={`${idPrefix}-importance`}
        name={`${idPrefix}-importance`}
        legend={
          <>
            How much it mattered<span className="sr-only">: {name}</span>
          </>
        }
        options={IMPORTANCE_OPTIONS}
        value={value.importance as Importance | null}
        onChange={(importance) => onChange({ importance })}
        onAdvance={onAdvance}
        clearable
        shortcuts={shortcuts}
        layoutClass="grid-cols-5"
        invalid={Boolean(errors.importance)}
        describedBy={errors.importance ? `${idPrefix}-importance-error` : undefined}
      />
      {errors.importance ? (
        <p id={`${idPrefix}-importance-error`} className="-mt-2 text-sm font-medium text-danger">
          {errors.importance}
        </p>
      ) : null}

      <div>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={`${idPrefix}-more`}
          onClick={() => setOpen(!open)}
          className="inline-flex min-h-10 items-center gap-1 rounded-md px-1 text-sm font-medium text-brand hover:underline"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className={cn("size-4 transition-transform", open && "rotate-90")}>
            <path fillRule="evenodd" d="M7.2 14.8a1 1 0 0 1 0-1.4L10.6 10 7.2 6.6a1 1 0 1 1 1.4-1.4l4.1 4.1a1 1 0 0 1 0 1.4l-4.1 4.1a1 1 0 0 1-1.4 0Z" clipRule="evenodd" />
          </svg>
          Feeling and comment
          <span className="font-normal text-fg-muted">
            (optional{value.feeling || value.comment ? ", given" : ""})
          </span>
        </button>
        <div id={`${idPrefix}-more`} hidden={!open} className="mt-2 flex flex-col gap-3">
          {open ? (
            <>
              <ChoiceGroup
                id={`${idPrefix}-feeling`}
                name={`${idPrefix}-feeling`}
                legend={
                  <>
                    How they felt, if they said<span className="sr-only">: {name}</span>
                  </>
                }
                options={FEELING_OPTIONS}
                value={value.feeling}
                onChange={(feeling) => onChange({ feeling })}
                clearable
                shortcuts={shortcuts}
                layoutClass="grid-cols-3 sm:grid-cols-6"
              />
              {value.feeling ? (
                <Button variant="ghost" size="sm" className="self-start" onClick={() => onChange({ feeling: null })}>
                  Clear the feeling<span className="sr-only">: {name}</span>
                </Button>
              ) : null}
              <div className="flex flex-col gap-1.5">
                <label htmlFor={`${idPrefix}-comment`} className="text-sm font-medium">
                  Comment<span className="sr-only">: {name}</span>
                </label>
                <Input
                  id={`${idPrefix}-comment`}
                  value={value.comment}
                  maxLength={2000}
                  onChange={(event) => onChange({ comment: event.target.value })}
                  placeholder="What they said, briefly"
                />
              </div>
            </>
          ) : null}
        </div>
      </div>
    </div>
  );
}
