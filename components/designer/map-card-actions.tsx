"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { deleteMapAction, duplicateMapAction } from "@/lib/actions/maps";
import { DuplicateMapSchema, type MapStatus } from "@/lib/schemas/map";
import { buttonClasses } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { FormActions } from "@/components/ui/form-actions";
import { bindWorkspace, useActionForm } from "@/components/ui/use-action-form";
import { FormError } from "@/components/auth/form-error";
import { ActionMenu } from "./action-menu";
import { ConfirmDialog } from "./confirm-dialog";
import { MapDetailsForm } from "./map-details-form";

type CardMap = { id: string; name: string; description: string; status: MapStatus; hasInterviews: boolean };

/** What an analyst can do with a map from the maps list. */
export function MapCardActions({ workspaceId, map }: { workspaceId: string; map: CardMap }) {
  const toast = useToast();
  const [dialog, setDialog] = useState<"details" | "duplicate" | "delete" | null>(null);
  const [pending, startTransition] = useTransition();
  const base = `/w/${workspaceId}/maps/${map.id}`;

  function remove() {
    startTransition(async () => {
      const result = await deleteMapAction(workspaceId, { mapId: map.id });
      setDialog(null);
      toast.toast(
        result.ok
          ? { tone: "success", title: `Deleted "${map.name}".` }
          : { tone: "error", title: `"${map.name}" was not deleted`, description: result.formError },
      );
    });
  }

  return (
    <>
      <Link href={`${base}/design`} className={buttonClasses("secondary", "sm")}>
        {/* Named by its card's heading; repeating the map's name here would make "the link
            named <map>" ambiguous for anyone looking for the map itself. */}
        Design
      </Link>
      <ActionMenu
        label={`More actions for ${map.name}`}
        className="ml-auto"
        items={[
          { label: "Name, description and status…", onSelect: () => setDialog("details") },
          { label: "Settings and targets", href: `${base}/design/settings` },
          { label: "Duplicate…", onSelect: () => setDialog("duplicate") },
          { label: "Delete…", tone: "danger", hidden: map.hasInterviews, onSelect: () => setDialog("delete") },
        ]}
      />
      <Dialog open={dialog === "details"} onClose={() => setDialog(null)} title={`Edit "${map.name}"`}>
        <MapDetailsForm workspaceId={workspaceId} map={map} onDone={() => setDialog(null)} onCancel={() => setDialog(null)} />
      </Dialog>
      <Dialog
        open={dialog === "duplicate"}
        onClose={() => setDialog(null)}
        title={`Duplicate "${map.name}"`}
        description="The copy is a draft with the same stages, channels, touchpoints, expectations and settings, and no interviews."
      >
        <DuplicateForm workspaceId={workspaceId} map={map} onDone={() => setDialog(null)} />
      </Dialog>
      <ConfirmDialog
        open={dialog === "delete"}
        title={`Delete "${map.name}"?`}
        confirmLabel="Delete map"
        pending={pending}
        onConfirm={remove}
        onClose={() => setDialog(null)}
      >
        <p>Its design goes with it. No interview was recorded on it, so no data is lost, but it cannot be brought back.</p>
        <p className="text-fg-muted">To keep it but hide it from interviewers, archive it instead.</p>
      </ConfirmDialog>
    </>
  );
}

function DuplicateForm({ workspaceId, map, onDone }: { workspaceId: string; map: CardMap; onDone: () => void }) {
  const toast = useToast();
  const form = useActionForm(bindWorkspace(duplicateMapAction, workspaceId), {
    schema: DuplicateMapSchema,
    onSuccess: (data) => {
      toast.toast({ tone: "success", title: `Created "${data.name}", a draft copy.` });
      onDone();
    },
  });

  return (
    <form {...form.props} className="flex flex-col gap-4">
      <input type="hidden" name="mapId" value={map.id} />
      <FormError message={form.formError} />
      <Field label="Name of the copy" required error={form.error("name")}>
        {(control) => <Input {...control} name="name" defaultValue={`Copy of ${map.name}`} data-autofocus autoComplete="off" />}
      </Field>
      <FormActions submitLabel="Duplicate" pending={form.pending} onCancel={onDone} />
    </form>
  );
}
