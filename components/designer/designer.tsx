"use client";

import type { Design } from "@/lib/types/designer";
import { AnnouncerProvider } from "./announcer";
import { ConfirmDialog } from "./confirm-dialog";
import { DesignerContext } from "./designer-context";
import { AddLaneForm, MoveTouchpointDialog, RenameLaneDialog } from "./designer-dialogs";
import { DesignerGrid } from "./designer-grid";
import { TARGET_KINDS } from "./design-targets";
import { DesignerDragProvider } from "./drag-context";
import { TouchpointEditor } from "./touchpoint-editor";
import { useDesignerApi } from "./use-designer-api";

/** The map designer: the journey grid, editable, with every change checked by the server. */
export function Designer(props: { workspaceId: string; design: Design }) {
  // The drag state sits above the designer so that a dragover does not re-render it.
  return (
    <AnnouncerProvider>
      <DesignerDragProvider>
        <DesignerRoot {...props} />
      </DesignerDragProvider>
    </AnnouncerProvider>
  );
}

function DesignerRoot({ workspaceId, design }: { workspaceId: string; design: Design }) {
  const { api, editor, setEditor, moving, setMoving, renaming, setRenaming, deleting, setDeleting, deletePending, confirmDelete } =
    useDesignerApi(workspaceId, design);

  return (
    <DesignerContext.Provider value={api}>
      <div className="flex flex-col gap-4">
        <div className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-3 lg:flex-row" data-print="hide">
          <AddLaneForm kind="stage" />
          <AddLaneForm kind="channel" />
        </div>
        <DesignerGrid />
        <p className="text-sm text-fg-muted">
          Drag a touchpoint to another place or cell, or use its arrow buttons and “Move to…”. Drag a stage or channel header,
          or use its arrows, to reorder the journey. Select a touchpoint&rsquo;s name to edit it and its expectations.
        </p>
      </div>
      <TouchpointEditor state={editor} onChange={setEditor} onClose={() => setEditor(null)} />
      <MoveTouchpointDialog touchpointId={moving} onClose={() => setMoving(null)} />
      <RenameLaneDialog lane={renaming} onClose={() => setRenaming(null)} />
      <ConfirmDialog
        open={deleting !== null}
        title={deleting ? `Delete the ${TARGET_KINDS[deleting.kind].label} "${deleting.name}"?` : "Delete?"}
        confirmLabel="Delete for good"
        pending={deletePending}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      >
        <p>
          {deleting ? TARGET_KINDS[deleting.kind].deletedWithIt : ""}
          No interview has recorded anything on it, so no data is lost, but it cannot be brought back.
        </p>
        <p className="text-fg-muted">To keep it out of the way but restorable, archive it instead.</p>
      </ConfirmDialog>
    </DesignerContext.Provider>
  );
}
