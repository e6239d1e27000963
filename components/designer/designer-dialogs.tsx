"use client";

import { useState, useTransition, type FormEvent } from "react";
import { createLaneAction, renameLaneAction } from "@/lib/actions/designer";
import { fieldError, type ActionResult } from "@/lib/action-result";
import { LANE_LABELS, type LaneKind } from "@/lib/schemas/map-design";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { FormActions } from "@/components/ui/form-actions";
import { useActionForm } from "@/components/ui/use-action-form";
import { FormError } from "@/components/auth/form-error";
import { useAnnounce } from "./announcer";
import { useDesigner } from "./designer-context";
import { cellOf, lanesOf } from "./design-state";
import { PlusIcon } from "./icons";

/** The keyboard's way to move a touchpoint anywhere: pick a stage, a channel and a place. */
export function MoveTouchpointDialog({ touchpointId, onClose }: { touchpointId: string | null; onClose: () => void }) {
  const designer = useDesigner();
  const touchpoint = designer.design.touchpoints.find((item) => item.id === touchpointId);
  return (
    <Dialog
      open={touchpoint !== undefined}
      onClose={onClose}
      title={touchpoint ? `Move "${touchpoint.name}"` : "Move"}
      description="Choose the stage, the channel and where in that cell it goes."
    >
      {touchpoint && <MoveForm key={touchpoint.id} touchpointId={touchpoint.id} onDone={onClose} />}
    </Dialog>
  );
}

function MoveForm({ touchpointId, onDone }: { touchpointId: string; onDone: () => void }) {
  const designer = useDesigner();
  const touchpoint = designer.design.touchpoints.find((item) => item.id === touchpointId)!;
  const [stageId, setStageId] = useState(touchpoint.stageId);
  const [channelId, setChannelId] = useState(touchpoint.channelId);
  const others = cellOf(designer.design, stageId, channelId).filter((item) => item.id !== touchpoint.id);
  const sameCell = stageId === touchpoint.stageId && channelId === touchpoint.channelId;
  const currentIndex = cellOf(designer.design, touchpoint.stageId, touchpoint.channelId).findIndex((item) => item.id === touchpoint.id);
  const [position, setPosition] = useState(String(currentIndex));
  const chosen = Math.min(Number(position), others.length);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onDone();
    designer.moveTouchpoint(touchpoint.id, stageId, channelId, chosen, [
      `touchpoint:${touchpoint.id}:move`,
      `touchpoint:${touchpoint.id}:edit`,
    ]);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Stage">
          {(control) => (
            <Select
              {...control}
              data-autofocus
              value={stageId}
              onChange={(event) => {
                setStageId(event.target.value);
                setPosition("999");
              }}
            >
              {lanesOf(designer.design, "stage").map((stage) => (
                <option key={stage.id} value={stage.id}>
                  {stage.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Channel">
          {(control) => (
            <Select
              {...control}
              value={channelId}
              onChange={(event) => {
                setChannelId(event.target.value);
                setPosition("999");
              }}
            >
              {lanesOf(designer.design, "channel").map((channel) => (
                <option key={channel.id} value={channel.id}>
                  {channel.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <Field label="Place in the cell">
        {(control) => (
          <Select {...control} value={String(chosen)} onChange={(event) => setPosition(event.target.value)}>
            {others.map((item, index) => (
              <option key={item.id} value={index}>
                {index + 1}. Before “{item.name}”
              </option>
            ))}
            <option value={others.length}>
              {others.length + 1}. {others.length === 0 ? "Only touchpoint in this cell" : "At the end"}
            </option>
          </Select>
        )}
      </Field>
      <FormActions submitLabel="Move here" disabled={sameCell && chosen === currentIndex} onCancel={onDone} divided />
    </form>
  );
}

export function RenameLaneDialog({ lane, onClose }: { lane: { kind: LaneKind; id: string } | null; onClose: () => void }) {
  const designer = useDesigner();
  const current = lane ? lanesOf(designer.design, lane.kind).find((item) => item.id === lane.id) : undefined;
  return (
    <Dialog
      open={lane !== null && current !== undefined}
      onClose={onClose}
      size="sm"
      title={lane && current ? `Rename ${LANE_LABELS[lane.kind].one} "${current.name}"` : "Rename"}
    >
      {lane && current && <RenameForm kind={lane.kind} laneId={lane.id} name={current.name} onDone={onClose} />}
    </Dialog>
  );
}

function RenameForm({ kind, laneId, name, onDone }: { kind: LaneKind; laneId: string; name: string; onDone: () => void }) {
  const designer = useDesigner();
  const announce = useAnnounce();
  const toast = useToast();
  const { onSubmit, pending, result, formError } = useActionForm(
    (values) => renameLaneAction(designer.workspaceId, { ...values, mapId: designer.mapId, kind, laneId }),
    (data) => {
      const message = `Renamed to "${data.name}".`;
      toast.toast({ tone: "success", title: message });
      announce(message);
      onDone();
    },
  );

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={formError} />
      <Field label="Name" required error={fieldError(result, "name")}>
        {(control) => <Input {...control} name="name" defaultValue={name} data-autofocus autoComplete="off" />}
      </Field>
      <FormActions submitLabel="Rename" pending={pending} onCancel={onDone} />
    </form>
  );
}

/** "New stage" / "New channel": a name and a button, always in view above the grid. */
export function AddLaneForm({ kind }: { kind: LaneKind }) {
  const designer = useDesigner();
  const announce = useAnnounce();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<{ id: string; name: string }> | null>(null);
  const [name, setName] = useState("");
  const label = LANE_LABELS[kind];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const outcome = await createLaneAction(designer.workspaceId, { mapId: designer.mapId, kind, name });
      setResult(outcome);
      if (outcome.ok) {
        setName("");
        announce(`Added the ${label.one} "${outcome.data.name}".`);
      }
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex min-w-0 flex-1 items-start gap-2" aria-label={`Add a ${label.one}`}>
      <Field
        label={`New ${label.one}`}
        labelHidden
        error={fieldError(result, "name") ?? (result && !result.ok ? result.formError : undefined)}
        className="min-w-0 flex-1"
      >
        {(control) => (
          <Input
            {...control}
            name="name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder={kind === "stage" ? "New stage, e.g. Discover" : "New channel, e.g. Store"}
            autoComplete="off"
          />
        )}
      </Field>
      <Button type="submit" variant="secondary" loading={pending}>
        {!pending && <PlusIcon />}
        Add {label.one}
      </Button>
    </form>
  );
}
