"use client";

import { useId, useState } from "react";
import type { DesignTouchpoint } from "@/lib/types/designer";
import { createTouchpointAction, updateTouchpointAction } from "@/lib/actions/designer";
import { CreateTouchpointSchema, DESIGN_LIMITS, UpdateTouchpointSchema } from "@/lib/schemas/map-design";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { Tabs } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { FormActions } from "@/components/ui/form-actions";
import { bindWorkspace, useActionForm } from "@/components/ui/use-action-form";
import { FormError } from "@/components/auth/form-error";
import { useAnnounce } from "./announcer";
import { useDesigner, type EditorState } from "./designer-context";
import { ExpectationList } from "./expectation-list";

/**
 * Adding or editing a touchpoint, in a dialog. After adding one, the dialog moves on to its
 * expectations, the next thing an analyst needs to write.
 */
export function TouchpointEditor({
  state,
  onChange,
  onClose,
}: {
  state: EditorState | null;
  onChange: (state: EditorState) => void;
  onClose: () => void;
}) {
  const designer = useDesigner();
  const [created, setCreated] = useState<string | null>(null);
  const touchpoint =
    state?.mode === "edit" ? designer.design.touchpoints.find((item) => item.id === state.touchpointId) : undefined;
  const stage = designer.design.stages.find((item) => item.id === (state?.mode === "create" ? state.stageId : touchpoint?.stageId));
  const channel = designer.design.channels.find(
    (item) => item.id === (state?.mode === "create" ? state.channelId : touchpoint?.channelId),
  );
  const where = stage && channel ? `${stage.name}, ${channel.name}` : "";
  // Just added: the server's copy of the map may not have arrived yet.
  const waiting = state?.mode === "edit" && !touchpoint && created === state.touchpointId;
  const open = state !== null && (state.mode === "create" || touchpoint !== undefined || waiting);

  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="lg"
      title={state?.mode === "create" ? "Add a touchpoint" : (touchpoint?.name ?? "Touchpoint")}
      description={where ? `In ${where}.` : undefined}
    >
      {state?.mode === "create" ? (
        <TouchpointDetailsForm
          stageId={state.stageId}
          channelId={state.channelId}
          onSaved={(id) => {
            setCreated(id);
            onChange({ mode: "edit", touchpointId: id, tab: "expectations" });
          }}
          onCancel={onClose}
        />
      ) : touchpoint && state?.mode === "edit" ? (
        <Tabs
          label="Touchpoint"
          value={state.tab}
          onValueChange={(tab) => onChange({ ...state, tab: tab as "details" | "expectations" })}
          items={[
            {
              id: "details",
              label: "Details",
              content: <TouchpointDetailsForm touchpoint={touchpoint} onSaved={() => onClose()} onCancel={onClose} />,
            },
            {
              id: "expectations",
              label: `Expectations (${touchpoint.expectations.length})`,
              // Opened on this tab (or just added): the cursor waits in "New expectation".
              content: <ExpectationList touchpoint={touchpoint} focusNew={state.tab === "expectations"} />,
            },
          ]}
        />
      ) : waiting ? (
        <Spinner label="Opening the new touchpoint" showLabel />
      ) : null}
    </Dialog>
  );
}

function TouchpointDetailsForm({
  touchpoint,
  stageId,
  channelId,
  onSaved,
  onCancel,
}: {
  touchpoint?: DesignTouchpoint;
  stageId?: string;
  channelId?: string;
  onSaved: (id: string) => void;
  onCancel: () => void;
}) {
  const designer = useDesigner();
  const toast = useToast();
  const announce = useAnnounce();
  const form = useActionForm(
    bindWorkspace(touchpoint ? updateTouchpointAction : createTouchpointAction, designer.workspaceId),
    {
      schema: touchpoint ? UpdateTouchpointSchema : CreateTouchpointSchema,
      onSuccess: (data) => {
        const message = touchpoint ? `Saved "${data.name}".` : `Added "${data.name}". Now list what customers expect there.`;
        toast.toast({ tone: "success", title: message });
        announce(message);
        onSaved(data.id);
      },
    },
  );
  const teamsId = useId();
  const teams = [...new Set(designer.design.touchpoints.map((item) => item.ownerTeam).filter(Boolean))].sort();

  return (
    <form {...form.props} className="flex flex-col gap-4">
      <input type="hidden" name="mapId" value={designer.mapId} />
      {touchpoint ? (
        <input type="hidden" name="touchpointId" value={touchpoint.id} />
      ) : (
        <>
          <input type="hidden" name="stageId" value={stageId} />
          <input type="hidden" name="channelId" value={channelId} />
        </>
      )}
      <FormError message={form.formError} />
      <Field label="Name" required error={form.error("name")} hint="What the customer meets, e.g. “Checkout queue”.">
        {(control) => (
          <Input
            {...control}
            name="name"
            defaultValue={touchpoint?.name}
            maxLength={DESIGN_LIMITS.touchpointName + 20}
            data-autofocus
            autoComplete="off"
          />
        )}
      </Field>
      <Field label="Description" error={form.error("description")}>
        {(control) => <Textarea {...control} name="description" rows={2} defaultValue={touchpoint?.description} />}
      </Field>
      <Field
        label="Question prompt for interviewers"
        error={form.error("prompt")}
        hint="Neutral and open, so it does not suggest an answer: “Tell me about paying for your things”, not “Was the queue short?”"
      >
        {(control) => <Textarea {...control} name="prompt" rows={2} defaultValue={touchpoint?.prompt} />}
      </Field>
      <Field label="Owner team" error={form.error("ownerTeam")} hint="Who is accountable for this touchpoint.">
        {(control) => (
          <>
            <Input {...control} name="ownerTeam" list={teamsId} defaultValue={touchpoint?.ownerTeam} autoComplete="off" />
            <datalist id={teamsId}>
              {teams.map((team) => (
                <option key={team} value={team} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Checkbox
        name="momentOfTruth"
        label="Moment of truth"
        description="High emotional stakes for the customer: getting it wrong here costs the most."
        defaultChecked={touchpoint?.momentOfTruth}
        error={form.error("momentOfTruth")}
      />
      <FormActions submitLabel={touchpoint ? "Save touchpoint" : "Add touchpoint"} pending={form.pending} onCancel={onCancel} divided />
    </form>
  );
}
