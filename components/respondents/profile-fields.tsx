"use client";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import {
  LIFECYCLE_LABELS,
  LIFECYCLE_STAGES,
  VALUE_TIERS,
  VALUE_TIER_LABELS,
  type AttributeFieldView,
  type LifecycleStage,
  type ValueTier,
} from "@/lib/schemas/respondent";

export type ProfileValues = {
  code: string;
  lifecycleStage: LifecycleStage | null;
  valueTier: ValueTier;
  segment: string;
  attributes: { fieldId: string; optionId: string }[];
  contactName?: string;
  contactEmail?: string;
};

type Props = {
  idPrefix: string;
  value: ProfileValues;
  onChange: (patch: Partial<ProfileValues>) => void;
  fields: AttributeFieldView[];
  segments: string[];
  errors?: Partial<Record<string, string | undefined>>;
  codeHint: string;
  /** Contact details: optional, and never shown in analysis. */
  showContact?: boolean;
  /** Shown instead of the contact fields when the caller may not see or change them. */
  contactNotice?: string;
  codeRequired?: boolean;
};

/**
 * The profile of a pseudonymous respondent, shared by the respondents pages and the interview.
 * The controls carry the names of the profile schema's fields (an attribute as
 * `attributes.<n>.fieldId` and `.optionId`), so a form around them sends the schema's input.
 */
export function ProfileFields({ idPrefix, value, onChange, fields, segments, errors = {}, codeHint, showContact = false, contactNotice, codeRequired = false }: Props) {
  function setAttribute(fieldId: string, optionId: string) {
    const others = value.attributes.filter((attribute) => attribute.fieldId !== fieldId);
    onChange({ attributes: optionId ? [...others, { fieldId, optionId }] : others });
  }

  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label="Code" hint={codeHint} error={errors.code} required={codeRequired}>
        {(control) => (
          <Input
            {...control}
            name="code"
            value={value.code}
            onChange={(event) => onChange({ code: event.target.value })}
            maxLength={40}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            className="font-mono uppercase"
          />
        )}
      </Field>
      <Field label="Lifecycle stage" error={errors.lifecycleStage} required>
        {(control) => (
          <Select
            {...control}
            name="lifecycleStage"
            value={value.lifecycleStage ?? ""}
            onChange={(event) => onChange({ lifecycleStage: (event.target.value || null) as LifecycleStage | null })}
          >
            <option value="">Choose…</option>
            {LIFECYCLE_STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {LIFECYCLE_LABELS[stage]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Value tier" error={errors.valueTier}>
        {(control) => (
          <Select {...control} name="valueTier" value={value.valueTier} onChange={(event) => onChange({ valueTier: event.target.value as ValueTier })}>
            {VALUE_TIERS.map((tier) => (
              <option key={tier} value={tier}>
                {VALUE_TIER_LABELS[tier]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Segment" hint={segments.length > 0 ? `For example ${segments.slice(0, 3).join(", ")}.` : undefined} error={errors.segment}>
        {(control) => (
          <>
            <Input
              {...control}
              name="segment"
              value={value.segment}
              onChange={(event) => onChange({ segment: event.target.value })}
              list={`${idPrefix}-segments`}
              maxLength={60}
              autoComplete="off"
            />
            <datalist id={`${idPrefix}-segments`}>
              {segments.map((segment) => (
                <option key={segment} value={segment} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      {fields.map((field, index) => {
        const chosen = value.attributes.find((attribute) => attribute.fieldId === field.id)?.optionId ?? "";
        return (
          <Field key={field.id} label={field.name} error={errors[`attribute.${field.id}`]}>
            {(control) => (
              <>
                <input type="hidden" name={`attributes.${index}.fieldId`} value={field.id} />
                <Select {...control} name={`attributes.${index}.optionId`} value={chosen} onChange={(event) => setAttribute(field.id, event.target.value)}>
                  <option value="">Not known</option>
                  {field.options
                    .filter((option) => !option.archived || option.id === chosen)
                    .map((option) => (
                      <option key={option.id} value={option.id}>
                        {option.value}
                        {option.archived ? " (no longer offered)" : ""}
                      </option>
                    ))}
                </Select>
              </>
            )}
          </Field>
        );
      })}
      {errors.attributes ? <p className="text-sm font-medium text-danger sm:col-span-2">{errors.attributes}</p> : null}
      {contactNotice ? (
        <div className="rounded-lg border border-border bg-surface-muted p-4 text-sm sm:col-span-2" data-testid="contact-notice">
          <p className="font-medium">Contact details</p>
          <p className="text-fg-muted">{contactNotice}</p>
        </div>
      ) : showContact ? (
        <fieldset className="grid gap-4 rounded-lg border border-border p-4 sm:col-span-2 sm:grid-cols-2">
          <legend className="px-1 text-sm font-medium">Contact details (optional)</legend>
          <p className="text-sm text-fg-muted sm:col-span-2">
            Leave these empty to keep the respondent anonymous. They are never shown in analysis.
          </p>
          <Field label="Name" error={errors.contactName}>
            {(control) => (
              <Input {...control} name="contactName" value={value.contactName ?? ""} onChange={(event) => onChange({ contactName: event.target.value })} maxLength={120} autoComplete="off" />
            )}
          </Field>
          <Field label="Email" error={errors.contactEmail}>
            {(control) => (
              <Input
                {...control}
                name="contactEmail"
                type="email"
                value={value.contactEmail ?? ""}
                onChange={(event) => onChange({ contactEmail: event.target.value })}
                maxLength={254}
                autoComplete="off"
              />
            )}
          </Field>
        </fieldset>
      ) : null}
    </div>
  );
}
