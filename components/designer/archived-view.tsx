"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";
import {
  deleteExpectationAction,
  deleteLaneAction,
  deleteTouchpointAction,
  restoreExpectationAction,
  restoreLaneAction,
  restoreTouchpointAction,
} from "@/lib/actions/designer";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { ConfirmDialog } from "./confirm-dialog";

type Lane = { id: string; name: string; archivedAt: string; touchpoints: number; hasData: boolean };
type Touchpoint = {
  id: string;
  name: string;
  stage: string;
  channel: string;
  archivedAt: string;
  blockedBy: string | null;
  hasData: boolean;
};
type Expectation = {
  id: string;
  text: string;
  kind: "LISTED" | "VOLUNTEERED";
  touchpoint: string;
  touchpointArchived: boolean;
  archivedAt: string;
  observations: number;
};

type Target =
  | { kind: "stage" | "channel"; id: string; name: string }
  | { kind: "touchpoint"; id: string; name: string }
  | { kind: "expectation"; id: string; name: string };

/** Everything archived in the map: restore it, or delete for good what holds no data. */
export function ArchivedView({
  workspaceId,
  mapId,
  stages,
  channels,
  touchpoints,
  expectations,
  readOnly,
}: {
  workspaceId: string;
  mapId: string;
  stages: Lane[];
  channels: Lane[];
  touchpoints: Touchpoint[];
  expectations: Expectation[];
  readOnly: boolean;
}) {
  const toast = useToast();
  const [busy, startTransition] = useTransition();
  const [deleting, setDeleting] = useState<Target | null>(null);

  function run(target: Target, verb: "restore" | "delete", call: () => Promise<ActionResult<unknown>>) {
    startTransition(async () => {
      const result = await call();
      setDeleting(null);
      const done = verb === "restore" ? "Restored" : "Deleted";
      toast.toast(
        result.ok
          ? {
              tone: "success",
              title: `${done} "${target.name}".`,
              description: verb === "restore" ? "It is back in the design." : undefined,
            }
          : { tone: "error", title: `"${target.name}" was not ${verb === "restore" ? "restored" : "deleted"}`, description: result.formError },
      );
    });
  }

  function restore(target: Target) {
    run(target, "restore", () =>
      target.kind === "touchpoint"
        ? restoreTouchpointAction(workspaceId, { mapId, touchpointId: target.id })
        : target.kind === "expectation"
          ? restoreExpectationAction(workspaceId, { mapId, expectationId: target.id })
          : restoreLaneAction(workspaceId, { mapId, kind: target.kind, laneId: target.id }),
    );
  }

  function remove(target: Target) {
    run(target, "delete", () =>
      target.kind === "touchpoint"
        ? deleteTouchpointAction(workspaceId, { mapId, touchpointId: target.id })
        : target.kind === "expectation"
          ? deleteExpectationAction(workspaceId, { mapId, expectationId: target.id })
          : deleteLaneAction(workspaceId, { mapId, kind: target.kind, laneId: target.id }),
    );
  }

  const actions = (target: Target, canDelete: boolean, blockedBy: string | null = null) =>
    readOnly ? null : (
      <div className="flex flex-wrap justify-end gap-2">
        {blockedBy ? (
          <span className="text-sm text-fg-muted">Comes back with its {blockedBy}</span>
        ) : (
          <Button size="sm" variant="secondary" disabled={busy} onClick={() => restore(target)}>
            Restore<span className="sr-only"> {target.name}</span>
          </Button>
        )}
        {canDelete && (
          <Button size="sm" variant="ghost" className="text-danger" disabled={busy} onClick={() => setDeleting(target)}>
            Delete<span className="sr-only"> {target.name}</span>
          </Button>
        )}
      </div>
    );

  const date = (iso: string) => iso.slice(0, 10);
  const empty = stages.length + channels.length + touchpoints.length + expectations.length === 0;
  if (empty) {
    return (
      <EmptyState
        title="Nothing archived"
        description="Stages, channels, touchpoints and expectations you archive appear here, with their data, ready to be restored."
      />
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <p className="max-w-prose text-sm text-fg-muted">
        Archived parts are out of the journey and the interviews, and keep all their data. Restore brings one back at the
        end of its row, column or cell. Only what no interview has recorded anything on can be deleted for good.
      </p>
      {(["stage", "channel"] as const).map((kind) => {
        const lanes = kind === "stage" ? stages : channels;
        if (lanes.length === 0) return null;
        return (
          <Table key={kind} caption={kind === "stage" ? "Archived stages" : "Archived channels"}>
            <THead>
              <Tr>
                <Th>Name</Th>
                <Th>Touchpoints</Th>
                <Th>Archived on</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </Tr>
            </THead>
            <TBody>
              {lanes.map((lane) => (
                <Tr key={lane.id} data-testid={`archived-${kind}`}>
                  <Td className="font-medium">{lane.name}</Td>
                  <Td>{lane.touchpoints}</Td>
                  <Td>{date(lane.archivedAt)}</Td>
                  <Td>{actions({ kind, id: lane.id, name: lane.name }, !lane.hasData)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        );
      })}
      {touchpoints.length > 0 && (
        <Table caption="Archived touchpoints">
          <THead>
            <Tr>
              <Th>Name</Th>
              <Th>Stage, channel</Th>
              <Th>Archived on</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </Tr>
          </THead>
          <TBody>
            {touchpoints.map((touchpoint) => (
              <Tr key={touchpoint.id} data-testid="archived-touchpoint">
                <Td className="font-medium">
                  {touchpoint.name} {touchpoint.hasData && <Badge>Has data</Badge>}
                </Td>
                <Td>
                  {touchpoint.stage}, {touchpoint.channel}
                </Td>
                <Td>{date(touchpoint.archivedAt)}</Td>
                <Td>
                  {actions({ kind: "touchpoint", id: touchpoint.id, name: touchpoint.name }, !touchpoint.hasData, touchpoint.blockedBy)}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {expectations.length > 0 && (
        <Table caption="Archived expectations">
          <THead>
            <Tr>
              <Th>Expectation</Th>
              <Th>Touchpoint</Th>
              <Th numeric>Observations</Th>
              <Th>Archived on</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </Tr>
          </THead>
          <TBody>
            {expectations.map((expectation) => (
              <Tr key={expectation.id} data-testid="archived-expectation">
                <Td className="font-medium">
                  {expectation.text} {expectation.kind === "VOLUNTEERED" && <Badge>Volunteered, dismissed</Badge>}
                </Td>
                <Td>
                  {expectation.touchpoint}
                  {expectation.touchpointArchived && <span className="text-fg-muted"> (archived)</span>}
                </Td>
                <Td numeric>{expectation.observations}</Td>
                <Td>{date(expectation.archivedAt)}</Td>
                <Td>{actions({ kind: "expectation", id: expectation.id, name: expectation.text }, expectation.observations === 0)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={deleting ? `Delete "${deleting.name}" for good?` : "Delete?"}
        confirmLabel="Delete for good"
        pending={busy}
        onConfirm={() => deleting && remove(deleting)}
        onClose={() => setDeleting(null)}
      >
        <p>No interview recorded anything on it, so no data is lost, but it cannot be brought back.</p>
      </ConfirmDialog>
    </div>
  );
}
