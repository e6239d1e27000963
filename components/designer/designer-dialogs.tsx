"use client";

import { useState, type FormEvent } from "react";
import { createLaneAction, renameLaneAction } from "@/lib/actions/designer";
import { CreateLaneSchema, LANE_LABELS, RenameLaneSchema, type LaneKind } from "@/lib/schemas/map-design";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { FormActions } from "@/components/ui/form-actions";
import { bindWorkspace, useActionForm } from "@/components/ui/use-action-form";
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
  const form = useActionForm(bindWorkspace(renameLaneAction, designer.workspaceId), {
    schema: RenameLaneSchema,
    onSuccess: (data) => {
      const message = `Renamed to "${data.name}".`;
      toast.toast({ tone: "success", title: message });
      announce(message);
      onDone();
    },
  });

  return (
    <form {...form.props} className="flex flex-col gap-4">
      <input type="hidden" name="mapId" value={designer.mapId} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="laneId" value={laneId} />
      <FormError message={form.formError} />
      <Field label="Name" required error={form.error("name")}>
        {(control) => <Input {...control} name="name" defaultValue={name} data-autofocus autoComplete="off" />}
      </Field>
      <FormActions submitLabel="Rename" pending={form.pending} onCancel={onDone} />
    </form>
  );
}

/**
 * "New stage" / "New channel": a name and a button, always in view above the grid. It works
 * before the designer's JavaScript has loaded (the page then shows the new lane).
 */
export function AddLaneForm({ kind }: { kind: LaneKind }) {
  const designer = useDesigner();
  const announce = useAnnounce();
  const label = LANE_LABELS[kind];
  const form = useActionForm(bindWorkspace(createLaneAction, designer.workspaceId), {
    schema: CreateLaneSchema,
    resetOnSuccess: true,
    onSuccess: (data) => announce(`Added the ${label.one} "${data.name}".`),
  });

  return (
    <form {...form.props} className="flex min-w-0 flex-1 items-start gap-2" aria-label={`Add a ${label.one}`}>
      <input type="hidden" name="mapId" value={designer.mapId} />
      <input type="hidden" name="kind" value={kind} />
      <Field label={`New ${label.one}`} labelHidden error={form.error("name") ?? form.formError} className="min-w-0 flex-1">
        {(control) => (
          <Input
            {...control}
            name="name"
            defaultValue={form.value("name")}
            placeholder={kind === "stage" ? "New stage, e.g. Discover" : "New channel, e.g. Store"}
            autoComplete="off"
          />
        )}
      </Field>
      <Button type="submit" variant="secondary" loading={form.pending}>
        {!form.pending && <PlusIcon />}
        Add {label.one}
      </Button>
    </form>
  );
}
