// Each kind of element the analyst can archive or delete from the designer, in one table:
// what it is called, what a deletion takes with it, and the server actions for it.
import type { ActionResult } from "@/lib/action-result";
import {
  archiveExpectationAction,
  archiveLaneAction,
  archiveTouchpointAction,
  deleteExpectationAction,
  deleteLaneAction,
  deleteTouchpointAction,
} from "@/lib/actions/designer";
import type { LaneKind } from "@/lib/schemas/map-design";
import type { DesignTarget } from "./designer-context";

type TargetAction = (workspaceId: string, mapId: string, id: string) => Promise<ActionResult<object>>;

type TargetKind = {
  label: string;
  /** Said before deleting: what goes with it. */
  deletedWithIt: string;
  archive: TargetAction;
  remove: TargetAction;
};

function lane(kind: LaneKind): TargetKind {
  return {
    label: kind,
    deletedWithIt: "Its touchpoints and their expectations are deleted with it. ",
    archive: (workspaceId, mapId, laneId) => archiveLaneAction(workspaceId, { mapId, kind, laneId }),
    remove: (workspaceId, mapId, laneId) => deleteLaneAction(workspaceId, { mapId, kind, laneId }),
  };
}

export const TARGET_KINDS: Record<DesignTarget["kind"], TargetKind> = {
  stage: lane("stage"),
  channel: lane("channel"),
  touchpoint: {
    label: "touchpoint",
    deletedWithIt: "Its expectations are deleted with it. ",
    archive: (workspaceId, mapId, touchpointId) => archiveTouchpointAction(workspaceId, { mapId, touchpointId }),
    remove: (workspaceId, mapId, touchpointId) => deleteTouchpointAction(workspaceId, { mapId, touchpointId }),
  },
  expectation: {
    label: "expectation",
    deletedWithIt: "",
    archive: (workspaceId, mapId, expectationId) => archiveExpectationAction(workspaceId, { mapId, expectationId }),
    remove: (workspaceId, mapId, expectationId) => deleteExpectationAction(workspaceId, { mapId, expectationId }),
  },
};
