import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_WORKSPACE = "demo-workspace";
export const DEMO_MAP = "demo-map-in-store-purchase";
export const DEMO_USERS = {
  ADMIN: "admin@example.com",
  ANALYST: "analyst@example.com",
  MANAGER: "manager@example.com",
  INTERVIEWER: "interviewer@example.com",
} as const;

/** No serious or critical accessibility violations on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
  expect(blocking, `accessibility violations on ${page.url()}`).toEqual([]);
}

/** The form's own error message (Next's route announcer also has role="alert"). */
export function formError(page: Page) {
  return page.getByTestId("form-error");
}
