"use client";

import type { FormEvent } from "react";
import { plural } from "@/lib/plural";
import { clearDeviceData, countOutbox } from "./outbox-store";

type SubmitHandler = (event: FormEvent<HTMLFormElement>) => void;

/**
 * A sign-out form's submit handler that first removes what cxmap keeps on this device (the
 * cached capture pages with map designs and respondents, the outbox, the drafts), asking first
 * when interviews are still waiting to be sent. Without JavaScript nothing was kept, and the
 * form signs out as before.
 */
export function clearingDeviceData(onSubmit: SubmitHandler): SubmitHandler {
  return (event) => {
    const form = event.currentTarget;
    if (form.dataset.deviceCleared === "1") {
      delete form.dataset.deviceCleared;
      onSubmit(event);
      return;
    }
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    void (async () => {
      const waiting = await countOutbox().catch(() => 0);
      if (
        waiting > 0 &&
        !window.confirm(
          `${plural(waiting, "interview")} recorded on this device ${waiting === 1 ? "has" : "have"} not been sent yet. Signing out deletes ${waiting === 1 ? "it" : "them"} from this device. Sign out anyway?`,
        )
      ) {
        return;
      }
      await clearDeviceData();
      form.dataset.deviceCleared = "1";
      form.requestSubmit(submitter instanceof HTMLElement ? (submitter as HTMLButtonElement) : undefined);
    })();
  };
}
