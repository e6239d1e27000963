import { describe, expect, it } from "vitest";
import type { ActionArgs } from "@/lib/action-result";
import { bindWorkspace } from "@/components/ui/use-action-form";

async function echoAction(workspaceId: string, ...args: ActionArgs) {
  return { ok: true as const, data: { workspaceId, args } };
}

describe("bindWorkspace", () => {
  // Regression: a form's page rendered after a submission without JavaScript never finished,
  // because each render bound the action anew and React waited for the new binding's arguments.
  it("gives the same function for the same action and workspace", () => {
    expect(bindWorkspace(echoAction, "w1")).toBe(bindWorkspace(echoAction, "w1"));
    expect(bindWorkspace(echoAction, "w2")).not.toBe(bindWorkspace(echoAction, "w1"));
  });

  it("passes the workspace id first, then what the form passes", async () => {
    const form = new FormData();
    expect(await bindWorkspace(echoAction, "w1")(null, form)).toEqual({ ok: true, data: { workspaceId: "w1", args: [null, form] } });
  });

  it("remembers a bounded number of workspaces per action", () => {
    async function other(workspaceId: string, ...args: ActionArgs) {
      return { ok: true as const, data: { workspaceId, args } };
    }
    const first = bindWorkspace(other, "w-0");
    for (let index = 1; index <= 200; index++) bindWorkspace(other, `w-${index}`);
    expect(bindWorkspace(other, "w-200")).toBe(bindWorkspace(other, "w-200"));
    expect(bindWorkspace(other, "w-0")).not.toBe(first);
  });
});
