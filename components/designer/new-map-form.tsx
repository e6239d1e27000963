"use client";

import { useState } from "react";
import { createMapAction } from "@/lib/actions/maps";
import { CreateMapSchema } from "@/lib/schemas/map";
import { MAP_TEMPLATES } from "@/lib/templates/maps";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/components/ui/cn";
import { bindWorkspace, useActionForm } from "@/components/ui/use-action-form";
import { FormError } from "@/components/auth/form-error";
import { plural } from "@/lib/plural";

const CHOICES = [
  {
    id: "blank",
    name: "Blank map",
    summary: "Start from an empty grid and add your own stages, channels and touchpoints.",
    outline: null as null | { stages: string[]; channels: string[]; touchpoints: number },
  },
  ...MAP_TEMPLATES.map((template) => ({
    id: template.id,
    name: template.name,
    summary: template.summary,
    outline: { stages: template.stages, channels: template.channels, touchpoints: template.touchpoints.length },
  })),
];

/**
 * A new map: a name, and a template to start from so the grid is not empty. The action opens
 * the new map in the designer; the form works before the page's JavaScript has loaded.
 */
export function NewMapForm({ workspaceId, initialTemplate }: { workspaceId: string; initialTemplate?: string }) {
  const form = useActionForm(bindWorkspace(createMapAction, workspaceId), { schema: CreateMapSchema });
  const [template, setTemplate] = useState(() => {
    const wanted = form.value("template", initialTemplate);
    return CHOICES.some((choice) => choice.id === wanted) ? wanted : "retail-store";
  });
  const templateError = form.error("template");

  return (
    <form {...form.props} className="flex max-w-4xl flex-col gap-6">
      <FormError message={form.formError} />
      <fieldset aria-describedby={templateError ? "template-error" : undefined}>
        <legend className="text-base font-semibold">Start from</legend>
        <p className="mt-1 text-sm text-fg-muted">
          A template lays out a typical journey, with touchpoints, neutral interview prompts and expectations. Change
          anything afterwards.
        </p>
        <div className="mt-3 grid gap-3 md:grid-cols-3">
          {CHOICES.map((choice) => (
            <label
              key={choice.id}
              className={cn(
                "flex cursor-pointer flex-col gap-2 rounded-lg border bg-surface p-4",
                template === choice.id ? "border-brand ring-2 ring-brand" : "border-border-strong hover:border-brand",
              )}
            >
              <span className="flex items-center gap-2">
                <input
                  type="radio"
                  name="template"
                  value={choice.id}
                  checked={template === choice.id}
                  onChange={() => setTemplate(choice.id)}
                  className="size-4 accent-brand"
                />
                <span className="font-semibold">{choice.name}</span>
              </span>
              <span className="text-sm text-fg-muted">{choice.summary}</span>
              {choice.outline && (
                <span className="text-xs text-fg-muted">
                  <span className="block">
                    <span className="font-medium text-fg">Stages:</span> {choice.outline.stages.join(", ")}
                  </span>
                  <span className="block">
                    <span className="font-medium text-fg">Channels:</span> {choice.outline.channels.join(", ")}
                  </span>
                  <span className="block">{plural(choice.outline.touchpoints, "touchpoint")} with their expectations</span>
                </span>
              )}
            </label>
          ))}
        </div>
        {templateError && (
          <p id="template-error" className="mt-2 text-sm font-medium text-danger">
            {templateError}
          </p>
        )}
      </fieldset>
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Name" required error={form.error("name")} hint="e.g. “In-store purchase” or “Broadband support”.">
          {(control) => <Input {...control} name="name" autoComplete="off" defaultValue={form.value("name")} />}
        </Field>
        <Field
          label="Description"
          error={form.error("description")}
          hint="Optional. Which customers and which journey the map covers; a template suggests one when left empty."
        >
          {(control) => <Textarea {...control} name="description" rows={2} defaultValue={form.value("description")} />}
        </Field>
      </div>
      <div className="flex gap-2">
        <Button type="submit" loading={form.pending}>
          Create map
        </Button>
      </div>
    </form>
  );
}
