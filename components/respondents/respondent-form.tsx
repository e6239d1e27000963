"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { bindWorkspace, useActionForm } from "@/components/ui/use-action-form";
import { FormError } from "@/components/auth/form-error";
import { createRespondentAction, updateRespondentAction } from "@/lib/actions/respondents";
import {
  CreateRespondentSchema,
  LIFECYCLE_STAGES,
  UpdateRespondentSchema,
  VALUE_TIERS,
  type AttributeFieldView,
  type LifecycleStage,
  type ValueTier,
} from "@/lib/schemas/respondent";
import { ProfileFields, type ProfileValues } from "./profile-fields";

type Props = {
  workspaceId: string;
  fields: AttributeFieldView[];
  segments: string[];
  /** Present when editing. */
  respondent?: { id: string } & ProfileValues;
  /** Why the contact details are not shown (hidden from this user, or erased): they are then left as they are. */
  contactNotice?: string;
};

const FIELDS = ["code", "lifecycleStage", "valueTier", "segment", "contactName", "contactEmail", "attributes"] as const;

const EMPTY: ProfileValues = { code: "", lifecycleStage: null, valueTier: "UNKNOWN", segment: "", attributes: [], contactName: "", contactEmail: "" };

/** The profile as a refused submission sent it (the page is rendered anew after one made without JavaScript). */
function sentProfile(sent: Record<string, string>, fields: AttributeFieldView[]): ProfileValues {
  const lifecycle = sent.lifecycleStage as LifecycleStage;
  const tier = sent.valueTier as ValueTier;
  return {
    code: sent.code ?? "",
    lifecycleStage: LIFECYCLE_STAGES.includes(lifecycle) ? lifecycle : null,
    valueTier: VALUE_TIERS.includes(tier) ? tier : "UNKNOWN",
    segment: sent.segment ?? "",
    contactName: sent.contactName ?? "",
    contactEmail: sent.contactEmail ?? "",
    attributes: fields.flatMap((field, index) => {
      const optionId = sent[`attributes.${index}.optionId`];
      return optionId ? [{ fieldId: field.id, optionId }] : [];
    }),
  };
}

/** Adds or edits a respondent, then shows them in the list; works before the page's JavaScript has loaded. */
export function RespondentForm({ workspaceId, fields, segments, respondent, contactNotice }: Props) {
  const router = useRouter();
  // Both actions go on to the respondents list, found by the code.
  const form = useActionForm(bindWorkspace<{ code: string }>(respondent ? updateRespondentAction : createRespondentAction, workspaceId), {
    schema: respondent ? UpdateRespondentSchema : CreateRespondentSchema,
  });
  const [value, setValue] = useState<ProfileValues>(() => (form.sent ? sentProfile(form.sent, fields) : (respondent ?? EMPTY)));
  const errors: Partial<Record<string, string>> = Object.fromEntries(FIELDS.map((field) => [field, form.error(field)]));
  fields.forEach((field, index) => {
    errors[`attribute.${field.id}`] = form.error(`attributes.${index}`);
  });

  return (
    <form {...form.props} className="flex flex-col gap-5">
      {respondent ? <input type="hidden" name="respondentId" value={respondent.id} /> : null}
      <FormError message={form.formError} />
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
        contactNotice={contactNotice}
      />
      <div className="flex gap-2">
        <Button type="submit" loading={form.pending}>
          {respondent ? "Save changes" : "Add respondent"}
        </Button>
        <Button variant="ghost" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
