"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent, type Ref } from "react";
import { flushSync } from "react-dom";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { ProfileFields } from "@/components/respondents/profile-fields";
import { searchRespondentsAction } from "@/lib/actions/respondents";
import type { NewRespondentDraft, RespondentChoice } from "@/lib/schemas/interview";
import type { Problem } from "@/lib/schemas/interview-submission";
import { LIFECYCLE_LABELS, VALUE_TIER_LABELS, type AttributeFieldView, type RespondentRow } from "@/lib/schemas/respondent";
import { searchOnDevice, useFieldMode } from "./field-mode";

type Props = {
  workspaceId: string;
  value: RespondentChoice | null;
  onChange: (value: RespondentChoice | null) => void;
  fields: AttributeFieldView[];
  segments: string[];
  problems: Problem[];
  /** The search box, for whoever opens the screen and puts the focus on it. */
  searchRef?: Ref<HTMLInputElement>;
};

/** The field after the respondent on the first screen (the interview date). */
export const NEXT_FIELD_ID = "capture-date";

const EMPTY_PROFILE: NewRespondentDraft = { code: "", lifecycleStage: null, valueTier: "UNKNOWN", segment: "", attributes: [] };

function describe(row: RespondentRow) {
  return [row.segment, LIFECYCLE_LABELS[row.lifecycleStage], row.valueTier !== "UNKNOWN" ? `${VALUE_TIER_LABELS[row.valueTier]} value` : null]
    .filter(Boolean)
    .join(" · ");
}

type Search = { status: "idle" | "searching" | "done" | "failed"; rows: RespondentRow[]; query: string };

/**
 * Pick an existing respondent by code or segment, or describe a new one. A new one is
 * created when the interview is submitted, so this works without a connection too.
 */
export function RespondentPicker({ workspaceId, value, onChange, fields, segments, problems, searchRef }: Props) {
  const [query, setQuery] = useState("");
  const [search, setSearch] = useState<Search>({ status: "idle", rows: [], query: "" });
  const requestId = useRef(0);
  const resultsId = useId();
  const searchId = useId();
  const problem = problems.find((item) => item.path === "respondent")?.message;
  const field = useFieldMode();
  const deviceRows = field?.respondents;

  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    const id = ++requestId.current;
    const timer = window.setTimeout(async () => {
      // In the capture app without a connection: the respondents kept on the device.
      if (deviceRows && !navigator.onLine) {
        setSearch({ status: "done", rows: searchOnDevice(deviceRows, q), query: q });
        return;
      }
      setSearch((current) => ({ ...current, status: "searching" }));
      try {
        const result = await searchRespondentsAction(workspaceId, { q });
        if (id !== requestId.current) return;
        setSearch({ status: result.ok ? "done" : "failed", rows: result.ok ? result.data : [], query: q });
      } catch {
        if (id !== requestId.current) return;
        if (deviceRows) setSearch({ status: "done", rows: searchOnDevice(deviceRows, q), query: q });
        else setSearch({ status: "failed", rows: [], query: q });
      }
    }, 250);
    return () => window.clearTimeout(timer);
  }, [deviceRows, query, workspaceId]);

  function choose(row: RespondentRow) {
    // The list goes away once someone is chosen: carry the focus on to the next question at once.
    flushSync(() => onChange({ kind: "existing", respondentId: row.id, code: row.code }));
    document.getElementById(NEXT_FIELD_ID)?.focus();
  }

  /** Back to the search, with the focus in its box (the button that was pressed goes away). */
  function searchAgain() {
    flushSync(() => onChange(null));
    document.getElementById(searchId)?.focus();
  }

  function onSearchKey(event: KeyboardEvent<HTMLInputElement>) {
    // Enter takes the best match, so "code, Enter" is all it takes; the next Enter moves on.
    if (event.key === "Enter" && !event.shiftKey && query.trim() && search.rows.length > 0 && search.query === query.trim()) {
      const best = search.rows[0]!;
      if (value?.kind === "existing" && value.respondentId === best.id) return;
      event.preventDefault();
      event.stopPropagation();
      choose(best);
    }
  }

  if (value?.kind === "new") {
    const errors: Record<string, string> = {};
    for (const item of problems) {
      if (!item.path.startsWith("respondent.profile.")) continue;
      const field = item.path.slice("respondent.profile.".length).split(".")[0]!;
      errors[field] ??= item.message.replace(/^New respondent: /, "");
    }
    return (
      <section aria-labelledby={`${searchId}-new`} className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 id={`${searchId}-new`} className="text-base font-semibold">
            New respondent
          </h3>
          <Button variant="ghost" size="sm" onClick={searchAgain}>
            Choose an existing respondent instead
          </Button>
        </div>
        <p className="text-sm text-fg-muted">No name or email: the respondent is known by a code. It is created when you submit.</p>
        <ProfileFields
          idPrefix={`${searchId}-profile`}
          value={value.profile}
          onChange={(patch) => onChange({ kind: "new", profile: { ...value.profile, ...patch } })}
          fields={fields}
          segments={segments}
          errors={errors}
          codeHint="Leave empty and a code is made for you."
        />
      </section>
    );
  }

  if (value?.kind === "existing") {
    return (
      <section aria-label="Respondent" className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-border-strong bg-surface p-4">
        <p>
          <span className="text-sm text-fg-muted">Respondent </span>
          <strong className="font-mono" data-testid="chosen-respondent">
            {value.code || "chosen"}
          </strong>
        </p>
        <Button variant="secondary" size="sm" onClick={searchAgain}>
          Change respondent
        </Button>
      </section>
    );
  }

  const q = query.trim();
  const shown = q && search.query === q ? search.rows : [];
  return (
    <section aria-labelledby={`${searchId}-label`} className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4">
      <label id={`${searchId}-label`} htmlFor={searchId} className="text-base font-semibold">
        Respondent
      </label>
      <div className="flex flex-col gap-1.5">
        <p id={`${searchId}-hint`} className="text-sm text-fg-muted">
          Type their code or segment (or the name or email of someone you may see), then pick them (Enter takes the first match).
        </p>
        <Input
          ref={searchRef}
          id={searchId}
          type="search"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            if (!event.target.value.trim()) setSearch({ status: "idle", rows: [], query: "" });
          }}
          onKeyDown={onSearchKey}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={[`${searchId}-hint`, problem ? `${searchId}-error` : null].filter(Boolean).join(" ")}
          aria-invalid={problem ? true : undefined}
          aria-controls={shown.length > 0 ? resultsId : undefined}
          data-testid="respondent-search"
        />
        {problem ? (
          <p id={`${searchId}-error`} className="text-sm font-medium text-danger">
            {problem}
          </p>
        ) : null}
      </div>
      <div aria-live="polite" className="text-sm">
        {q && search.status === "searching" ? <Spinner label="Searching" showLabel size="sm" /> : null}
        {q && search.status === "failed" ? (
          <p className="text-danger">Searching needs a connection. You can add a new respondent instead.</p>
        ) : null}
        {q && search.status === "done" && search.query === q ? (
          <p className="text-fg-muted">{shown.length === 0 ? "No respondent matches." : `${shown.length} found.`}</p>
        ) : null}
      </div>
      {shown.length > 0 ? (
        <fieldset id={resultsId}>
          <legend className="sr-only">Matching respondents</legend>
          <ul className="flex flex-col gap-1.5">
            {shown.map((row) => (
              <li key={row.id}>
                <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md border border-border-strong px-3 py-2 hover:bg-surface-muted has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-focus">
                  <input type="radio" name={`${searchId}-result`} className="size-4 accent-brand" onChange={() => choose(row)} />
                  <span className="flex min-w-0 flex-col">
                    <span className="font-mono font-semibold">{row.code}</span>
                    <span className="truncate text-sm text-fg-muted">{describe(row)}</span>
                    {row.contact && (row.contact.name || row.contact.email) ? (
                      <span className="truncate text-sm text-fg-muted" data-testid="picker-contact">
                        {[row.contact.name, row.contact.email].filter(Boolean).join(", ")}
                      </span>
                    ) : null}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <div>
        <Button variant="secondary" onClick={() => onChange({ kind: "new", profile: field ? { ...EMPTY_PROFILE, code: field.newRespondentCode() } : EMPTY_PROFILE })} data-testid="new-respondent">
          Add a new respondent
        </Button>
      </div>
    </section>
  );
}
