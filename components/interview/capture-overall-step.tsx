"use client";

import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import type { FeelingState, InterviewDraft } from "@/lib/schemas/interview";
import { ChoiceGroup } from "./choice-group";
import { FEELING_OPTIONS } from "./options";
import type { DraftUpdate } from "./use-capture-state";

type Props = {
  state: InterviewDraft;
  update: DraftUpdate;
  shortcuts: boolean;
};

/** The screen after the last touchpoint: how they feel about the company as a whole, and notes. */
export function CaptureOverallStep({ state, update, shortcuts }: Props) {
  const notesRef = useRef<HTMLTextAreaElement>(null);

  return (
    <div className="flex flex-col gap-4">
      <header>
        <h2 id="capture-heading" tabIndex={-1} className="text-xl font-semibold">
          Overall feeling and notes
        </h2>
        <p className="text-sm text-fg-muted">Ask how they feel about the company as a whole.</p>
      </header>
      <ChoiceGroup
        id="overall-feeling"
        name="overall-feeling"
        legend="Overall feeling about the company (if they said)"
        options={FEELING_OPTIONS}
        value={state.overallFeeling}
        onChange={(overallFeeling: FeelingState | null) => update((current) => ({ ...current, overallFeeling }))}
        onAdvance={() => notesRef.current?.focus()}
        clearable
        shortcuts={shortcuts}
        layoutClass="grid-cols-2 sm:grid-cols-3"
        size="lg"
      />
      {state.overallFeeling ? (
        <Button variant="ghost" size="sm" className="self-start" onClick={() => update((current) => ({ ...current, overallFeeling: null }))}>
          Clear the overall feeling
        </Button>
      ) : null}
      <Field label="Notes" id="capture-notes" hint="Optional: anything worth knowing about this interview.">
        {(control) => (
          <Textarea
            {...control}
            ref={notesRef}
            rows={5}
            maxLength={5000}
            value={state.notes}
            onChange={(event) => update((current) => ({ ...current, notes: event.target.value }))}
          />
        )}
      </Field>
    </div>
  );
}
