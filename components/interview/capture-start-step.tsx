"use client";

import type { Ref } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { InterviewDraft } from "@/lib/schemas/interview";
import { latestAllowedDate, type Problem } from "@/lib/schemas/interview-submission";
import type { AttributeFieldView } from "@/lib/schemas/respondent";
import { ChoiceGroup } from "./choice-group";
import { MODE_OPTIONS } from "./options";
import { RespondentPicker, NEXT_FIELD_ID } from "./respondent-picker";
import type { DraftUpdate, QuotaView } from "./use-capture-state";

type Props = {
  workspaceId: string;
  state: InterviewDraft;
  update: DraftUpdate;
  attributeFields: AttributeFieldView[];
  segments: string[];
  quota: QuotaView | null;
  /** Problems to show now: empty until the interviewer has reached the review once. */
  problems: Problem[];
  shortcuts: boolean;
  /** The respondent search box, which takes the focus when a new interview opens. */
  searchRef: Ref<HTMLInputElement>;
  /** After the mode is picked by key: on to the Next button. */
  onAdvance: () => void;
};

/** The first screen: who was interviewed, when, and how. */
export function CaptureStartStep({ workspaceId, state, update, attributeFields, segments, quota, problems, shortcuts, searchRef, onAdvance }: Props) {
  const startProblems = problems.filter((problem) => !problem.touchpointId);
  const dateProblem = startProblems.find((problem) => problem.path === "conductedOn")?.message;
  const modeProblem = startProblems.find((problem) => problem.path === "mode")?.message;
  // The segments furthest behind their quota, so the interviewer knows whom to look for.
  const neededSegments = (quota?.segments ?? [])
    .filter((segment) => segment.done < segment.target)
    .sort((a, b) => a.done / a.target - b.done / b.target)
    .slice(0, 3);

  return (
    <div className="flex flex-col gap-4">
      <header>
        <h2 id="capture-heading" tabIndex={-1} className="text-xl font-semibold">
          Who, when and how
        </h2>
        {neededSegments.length > 0 ? (
          <p className="text-sm text-fg-muted">
            Most needed now:{" "}
            {neededSegments.map((segment, index) => (
              <span key={segment.segment}>
                {index > 0 ? ", " : ""}
                <strong className="font-medium text-fg">{segment.segment}</strong> ({segment.target - segment.done} to go)
              </span>
            ))}
            .
          </p>
        ) : null}
      </header>
      <RespondentPicker
        workspaceId={workspaceId}
        value={state.respondent}
        onChange={(respondent) => update((current) => ({ ...current, respondent }))}
        fields={attributeFields}
        segments={segments}
        problems={problems}
        searchRef={searchRef}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Date of the interview" id={NEXT_FIELD_ID} error={dateProblem} required>
          {(control) => (
            <Input
              {...control}
              type="date"
              value={state.conductedOn}
              max={latestAllowedDate()}
              min="2000-01-01"
              onChange={(event) => {
                if (event.target.value) update((current) => ({ ...current, conductedOn: event.target.value }));
              }}
            />
          )}
        </Field>
        <ChoiceGroup
          id="capture-mode"
          name="capture-mode"
          legend="How it took place"
          options={MODE_OPTIONS}
          value={state.mode}
          onChange={(mode) => update((current) => ({ ...current, mode }))}
          onAdvance={onAdvance}
          shortcuts={shortcuts}
          invalid={Boolean(modeProblem)}
        />
      </div>
    </div>
  );
}
