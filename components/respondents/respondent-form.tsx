"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { FormError } from "@/components/auth/form-error";
import { createRespondentAction, updateRespondentAction } from "@/lib/actions/respondents";
import { fieldError, type ActionResult } from "@/lib/action-result";
import type { AttributeFieldView } from "@/lib/schemas/respondent";
import { ProfileFields, type ProfileValues } from "./profile-fields";

type Props = {
  workspaceId: string;
  fields: AttributeFieldView[];
  segments: string[];
  /** Present when editing. */
  respondent?: { id: string } & ProfileValues;
};

const FIELDS = ["code", "lifecycleStage", "valueTier", "segment", "contactName", "contactEmail", "attributes"] as const;

export function RespondentForm({ workspaceId, fields, segments, respondent }: Props) {
  const router = useRouter();
  const toast = useToast();
  const [value, setValue] = useState<ProfileValues>(
    respondent ?? { code: "", lifecycleStage: null, valueTier: "UNKNOWN", segment: "", attributes: [], contactName: "", contactEmail: "" },
  );
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = Object.fromEntries(FIELDS.map((field) => [field, fieldError(result, field)]));

  return (
    <form
      noValidate
      className="flex flex-col gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const outcome = respondent
            ? await updateRespondentAction(workspaceId, { ...value, respondentId: respondent.id })
            : await createRespondentAction(workspaceId, value);
          setResult(outcome);
          if (outcome.ok) {
            const code = (outcome.data as { code: string }).code;
            toast.toast({ tone: "success", title: respondent ? `${code} is saved.` : `Respondent ${code} is added.` });
            router.push(`/w/${workspaceId}/respondents?q=${encodeURIComponent(code)}`);
          }
        });
      }}
    >
      <FormError message={result && !result.ok ? result.formError : null} />
      <ProfileFields
        idPrefix="respondent"
        value={value}
        onChange={(patch) => setValue((current) => ({ ...current, ...patch }))}
        fields={fields}
        segments={segments}
        errors={errors}
        codeHint={respondent ? "A pseudonym: letters, digits, - and _." : "Leave empty and a code is made for you. A pseudonym, never a name."}
        codeRequired={Boolean(respondent)}
        showContact
      />
      <div className="flex gap-2">
        <Button type="submit" loading={pending}>
          {respondent ? "Save changes" : "Add respondent"}
        </Button>
        <Button variant="ghost" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
