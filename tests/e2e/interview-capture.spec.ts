// Interviews are recorded, corrected and voided in a workspace of each test's own, with the
// demo's "In-store purchase" map (the `workspaceWithMap` fixture): the demo data stays as the
// matrix tests expect it.
import type { Locator, Page } from "@playwright/test";
import { expect, test, type TestWorkspaceWithMap } from "./fixtures";
import { expectAccessible } from "./support";

// An interviewer in a store, on a phone.
test.use({ viewport: { width: 375, height: 812 } });

const interviewsOf = (workspace: TestWorkspaceWithMap) => `/w/${workspace.id}/interviews`;

/** Presses Tab until the element has the focus: proves it is reachable by keyboard. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let presses = 0; presses < max; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Could not reach ${target} with Tab`);
}

function step(page: Page) {
  return page.getByTestId("capture-step");
}

function heading(page: Page) {
  return step(page).locator("#capture-heading");
}

/** Waits until the capture shows another screen than `before`. */
async function nextScreen(page: Page, before: string | null) {
  await expect(step(page)).not.toHaveAttribute("data-step", before ?? "");
}

async function startOnMap(page: Page, workspace: TestWorkspaceWithMap) {
  await page.goto(`${interviewsOf(workspace)}/new?map=${workspace.map.id}`);
  await expect(page.getByTestId("respondent-search")).toBeFocused();
}

async function pickRespondent(page: Page, code: string) {
  await page.keyboard.type(code);
  await expect(page.getByText("1 found.")).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("chosen-respondent")).toHaveText(code);
}

/** Presses N (not encountered) then Enter (next) on every touchpoint screen until the overall-feeling screen. */
async function skipRemainingTouchpoints(page: Page) {
  while (await page.getByTestId("touchpoint-step").count()) {
    const before = await step(page).getAttribute("data-step");
    await page.keyboard.press("n");
    // N marks and stays: the screen shows the mark, and the focus waits on Next.
    await expect(page.getByTestId("not-encountered-mark")).toBeVisible();
    await expect(step(page)).toHaveAttribute("data-step", before ?? "");
    await expect(page.locator("#capture-next")).toBeFocused();
    await page.keyboard.press("Enter");
    await nextScreen(page, before);
  }
  await expect(heading(page)).toHaveText("Overall feeling and notes");
}

test("an interviewer records a full interview on a phone, by keyboard only", async ({ page, signIn, workspaceWithMap }) => {
  await signIn(workspaceWithMap.members.INTERVIEWER);
  await page.goto(interviewsOf(workspaceWithMap));
  await expectAccessible(page);
  await tabTo(page, page.getByRole("link", { name: "Record an interview" }).first());
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("link", { name: "Record on In-store purchase" }));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("respondent-search")).toBeFocused();
  await expectAccessible(page);

  // Who, when, how: the code, Enter to take the match, Enter to go on (date and mode keep their defaults).
  await pickRespondent(page, "R-0002");
  await page.keyboard.press("Enter");
  await expect(heading(page)).toHaveText("Shop window");
  await expect(heading(page)).toBeFocused();
  await expect(page.getByText(/Touchpoint 1 of \d+/)).toBeVisible();
  await expectAccessible(page);

  // Number keys: outcome then importance, and the focus moves on by itself.
  await page.keyboard.press("3");
  await page.keyboard.press("5");
  const cards = page.getByTestId("expectation-card");
  await expect(cards.nth(0).getByRole("radio", { name: /Exceeded/ })).toBeChecked();
  await expect(cards.nth(0).getByRole("radio", { name: /critical/ })).toBeChecked();
  await page.keyboard.press("1");
  await expect(cards.nth(1).getByRole("radio", { name: /Missed/ })).toBeChecked();
  // A feeling and a comment with F and C, and the importance left out on purpose.
  await page.keyboard.press("f");
  await page.keyboard.press("2");
  await expect(cards.nth(1).getByRole("radio", { name: "Dislike" })).toBeChecked();
  await page.keyboard.press("c");
  await page.keyboard.type("Nothing new in the window");
  await page.keyboard.press("Enter");
  await expect(heading(page)).toHaveText("Website product pages");

  // An unlisted expectation: A, its words, then outcome and importance.
  await page.keyboard.press("a");
  await page.keyboard.type("Opening hours are on the page");
  await tabTo(page, page.getByTestId("expectation-card").last().getByRole("radio", { name: /Missed/ }));
  await page.keyboard.press("1");
  await page.keyboard.press("4");
  await page.keyboard.press("Enter");

  await skipRemainingTouchpoints(page);
  await page.keyboard.press("5");
  await expect(page.getByRole("radio", { name: "Love", exact: true })).toBeChecked();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("textbox", { name: "Notes" })).toBeFocused();
  await page.keyboard.type("Shops here every week.");
  await page.keyboard.press("Control+Enter");

  // The summary lists what is incomplete and leads back to it.
  await expect(heading(page)).toHaveText("Review and submit");
  const problems = page.getByTestId("review-problems");
  await expect(problems).toContainText("Shop window, “Displays look fresh and seasonal”: Choose how much it mattered");
  await expectAccessible(page);
  await tabTo(page, problems.getByRole("button", { name: /Go there/ }).first());
  await page.keyboard.press("Enter");
  await expect(heading(page)).toHaveText("Shop window");
  await page.keyboard.press("3");
  await expect(cards.nth(1)).toHaveAttribute("data-complete", "true");

  // Enter walks forward through the screens already answered, back to the review.
  while ((await heading(page).textContent()) !== "Review and submit") {
    const before = await step(page).getAttribute("data-step");
    await page.keyboard.press("Enter");
    await nextScreen(page, before);
  }
  await expect(problems).toHaveCount(0);
  // Enter on the review submits once nothing is missing.
  await page.keyboard.press("Enter");

  await page.waitForURL(/\/interviews\/[0-9a-f-]{36}\?submitted=1$/);
  await expect(page.getByText("Interview submitted. Thank you!")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Interview with R-0002" })).toBeVisible();
  const observations = page.getByRole("region", { name: "What they expected" });
  await expect(observations).toContainText("Opening hours are on the page (not listed)");
  await expect(observations).toContainText("5 critical");
  await expect(observations).toContainText("Dislike");
  await expect(observations).toContainText("“Nothing new in the window”");
  await expect(page.getByText("Love", { exact: true })).toBeVisible();
  await expectAccessible(page);
});

test("reloading mid-interview, or closing the tab, resumes the draft where it stopped", async ({ context, page, signIn, workspaceWithMap }) => {
  await signIn(workspaceWithMap.members.INTERVIEWER);
  await startOnMap(page, workspaceWithMap);
  await pickRespondent(page, "R-0004");
  await page.keyboard.press("Enter");
  await page.keyboard.press("2");
  await page.keyboard.press("4");
  await page.keyboard.press("Enter");
  await expect(heading(page)).toHaveText("Website product pages");
  const captureUrl = page.url();
  const interviewId = captureUrl.match(/interviews\/([0-9a-f-]{36})\//)![1]!;
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-sync", "saved");

  await page.reload();
  await expect(heading(page)).toHaveText("Website product pages");
  await expect(heading(page)).toBeFocused();
  await page.keyboard.press("Shift+Enter");
  await expect(heading(page)).toHaveText("Shop window");
  const first = page.getByTestId("expectation-card").first();
  await expect(first.getByRole("radio", { name: /Met/ })).toBeChecked();
  await expect(first.getByRole("radio", { name: /important/ })).toBeChecked();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-sync", "saved");

  // The tab is closed; the draft is on the server list and opens on the same screen.
  await page.close();
  const again = await context.newPage();
  await again.goto(interviewsOf(workspaceWithMap));
  const draft = again.getByTestId("interview-row").filter({ has: again.locator(`a[href*="${interviewId}"]`) });
  await expect(draft).toContainText("R-0004");
  await expect(draft).toContainText("Draft");
  await expect(draft).toHaveCount(1);
  await draft.getByRole("link", { name: /Continue/ }).click();
  await expect(again.locator("#capture-heading")).toHaveText("Website product pages");
  expect(again.url().split("?")[0]).toBe(captureUrl.split("?")[0]);
  await expectAccessible(again);

  // Given up after all: discarded from the interview's page once confirmed, and kept on the list as void.
  await again.goto(`${interviewsOf(workspaceWithMap)}/${interviewId}`);
  await again.getByRole("button", { name: "Discard the draft" }).click();
  const dialog = again.getByRole("dialog", { name: "Discard this draft?" });
  await dialog.getByRole("button", { name: "Discard the draft" }).click();
  await again.waitForURL(/\/interviews$/);
  await expect(again.getByText("The draft was discarded.")).toBeVisible();
  const discarded = again.getByTestId("interview-row").filter({ has: again.locator(`a[href*="${interviewId}"]`) });
  await expect(discarded).toContainText("Void");
  await expect(discarded.getByRole("link", { name: /Continue/ })).toHaveCount(0);
});

test("going offline and back on, the interview survives and is submitted once", async ({ context, page, signIn, workspaceWithMap }) => {
  await signIn(workspaceWithMap.members.INTERVIEWER);
  await startOnMap(page, workspaceWithMap);
  // The connection drops before anything was sent: the respondent is new, made on submitting.
  await context.setOffline(true);
  const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
  await page.getByTestId("new-respondent").click();
  await page.getByLabel("Code").fill(code);
  await page.getByLabel("Lifecycle stage").selectOption("NEW");
  await page.getByLabel("Segment").fill("Students");
  await page.locator("#capture-next").click();
  await page.keyboard.press("2");
  await page.keyboard.press("3");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-sync", "offline");
  await skipRemainingTouchpoints(page);
  await page.keyboard.press("4");
  await page.keyboard.press("Control+Enter");
  await expect(heading(page)).toHaveText("Review and submit");

  // Submit twice while offline: nothing is lost, nothing is sent yet.
  await page.getByTestId("submit-interview").click();
  await expect(page.getByTestId("submit-notice")).toContainText("No connection");
  await page.getByTestId("submit-interview").click();
  await expect(page.getByTestId("submit-notice")).toContainText("No connection");
  await expectAccessible(page);

  await context.setOffline(false);
  await page.waitForURL(/\/interviews\/[0-9a-f-]{36}\?submitted=1$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: `Interview with ${code}` })).toBeVisible();

  // Exactly one interview and one respondent came of it.
  await page.goto(interviewsOf(workspaceWithMap));
  await expect(page.getByTestId("interview-row").filter({ hasText: code })).toHaveCount(1);
  await expect(page.getByTestId("interview-row").filter({ hasText: code })).toContainText("Submitted");
  await expect(page.getByTestId("local-drafts")).toHaveCount(0);
  await page.goto(`/w/${workspaceWithMap.id}/respondents?q=${code}`);
  await expect(page.getByTestId("respondent-row")).toHaveCount(1);
  await expect(page.getByTestId("respondent-row").getByRole("cell").last()).toHaveText("1");
});

test("an analyst corrects an interview, voids it and restores it; respondents and attributes are managed on their pages", async ({ page, signIn, workspaceWithMap }) => {
  const analyst = workspaceWithMap.members.ANALYST;
  await signIn(analyst);
  await page.goto(`${interviewsOf(workspaceWithMap)}?status=SUBMITTED`);
  await expectAccessible(page);
  await page.getByTestId("interview-row").first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Interview");
  await page.getByRole("button", { name: "Void" }).click();
  const dialog = page.getByRole("dialog", { name: "Void this interview?" });
  await dialog.getByLabel("Reason").fill("Recorded twice by mistake");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Void the interview" }).click();
  await expect(page.getByText("Reason: Recorded twice by mistake")).toBeVisible();
  await page.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByText("Submitted", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("region", { name: "History" })).toContainText(`Made void by ${analyst.name} (Recorded twice by mistake)`);
  await expect(page.getByRole("region", { name: "History" })).toContainText(`Restored by ${analyst.name}`);

  await page.getByRole("link", { name: "Correct" }).click();
  await expect(heading(page)).toHaveText("Review and save");
  await expectAccessible(page);
  await page.getByTestId("submit-interview").click();
  await page.waitForURL(/\?saved=1$/);
  await expect(page.getByText("The correction is saved.")).toBeVisible();

  await page.goto(`/w/${workspaceWithMap.id}/respondents/fields`);
  const name = `Attitude ${Date.now().toString(36)}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Allowed values").fill("Keen\nWary");
  await page.getByRole("button", { name: "Add attribute" }).click();
  await expect(page.getByTestId("attribute-field").filter({ hasText: name })).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/w/${workspaceWithMap.id}/respondents?q=R-0001`);
  await expect(page.getByTestId("respondent-row")).toHaveCount(1);
  await expectAccessible(page);
  await page.getByRole("link", { name: "R-0001" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("R-0001");
  await expectAccessible(page);
});
