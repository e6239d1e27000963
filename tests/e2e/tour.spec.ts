// What a walk through cxmap by each role turned up: shared links that survive signing in,
// capture keys that never pass a screen by unseen, map cards that lead interviewers to
// capture, toasts that cover nothing being worked on, the last admin's Remove, the
// getting-started checklist and an audit log in sentences.
import type { Locator, Page } from "@playwright/test";
import { DEMO_MAP_NAME } from "@/prisma/seed/demo";
import { expect, test, type TestWorkspaceWithMap } from "./fixtures";
import { DEMO_MAP, DEMO_WORKSPACE, expectAccessible } from "./support";

const DEMO_PASSWORD = "cxmap-demo";

function heading(page: Page) {
  return page.getByTestId("capture-step").locator("#capture-heading");
}

async function startCapture(page: Page, workspace: TestWorkspaceWithMap, code = "R-0003") {
  await page.goto(`/w/${workspace.id}/interviews/new?map=${workspace.map.id}`);
  await expect(page.getByTestId("respondent-search")).toBeFocused();
  await page.keyboard.type(code);
  await expect(page.getByText("1 found.")).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("chosen-respondent")).toHaveText(code);
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function boxes(locator: Locator) {
  const all = [];
  for (const item of await locator.all()) {
    const box = await item.boundingBox();
    if (box) all.push(box);
  }
  return all;
}

// Regression: a signed-out visitor opening a shared matrix link landed on /sign-in without a
// callback and, once signed in, on the workspace home: the view was lost.
test("a shared matrix link opens on that view after signing in", async ({ demoUsers, page }) => {
  const shared = `/w/${DEMO_WORKSPACE}/maps/${DEMO_MAP}/matrix?from=2026-01-01&mot=1`;
  await page.goto(shared);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe(shared);
  await page.getByLabel("Email").fill(demoUsers.ANALYST.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === `/w/${DEMO_WORKSPACE}/maps/${DEMO_MAP}/matrix`);
  expect(new URL(page.url()).search).toBe("?from=2026-01-01&mot=1");

  // Any guarded page keeps its way back, not only the matrix.
  const other = await page.context().browser()!.newContext();
  const visitor = await other.newPage();
  await visitor.goto(`/w/${DEMO_WORKSPACE}/audit?kind=members`);
  expect(new URL(visitor.url()).searchParams.get("callbackUrl")).toBe(`/w/${DEMO_WORKSPACE}/audit?kind=members`);
  await other.close();
});

test("N marks a touchpoint not encountered and stays; Enter then moves on, and N again undoes it", async ({ page, signIn, workspaceWithMap }) => {
  await signIn(workspaceWithMap.members.INTERVIEWER);
  await startCapture(page, workspaceWithMap);
  await page.keyboard.press("Enter");
  await expect(heading(page)).toHaveText("Shop window");
  await page.keyboard.press("n");
  await expect(page.getByTestId("not-encountered-mark")).toBeVisible();
  await expect(heading(page)).toHaveText("Shop window");
  await expect(page.locator("#capture-next")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(heading(page)).toHaveText("Website product pages");
  // Nothing was passed by: this one is still unanswered, and the one before is marked.
  await expect(page.getByTestId("not-encountered-mark")).toHaveCount(0);
  await page.keyboard.press("Shift+Enter");
  await expect(heading(page)).toHaveText("Shop window");
  await expect(page.getByTestId("not-encountered-mark")).toBeVisible();
  await page.keyboard.press("n");
  await expect(page.getByTestId("not-encountered-mark")).toHaveCount(0);
  await expect(heading(page)).toBeFocused();
  await expectAccessible(page);
});

test("Enter on the review submits, or says what is missing and moves the focus to it", async ({ page, signIn, workspaceWithMap }) => {
  await signIn(workspaceWithMap.members.INTERVIEWER);
  await startCapture(page, workspaceWithMap, "R-0005");
  await page.keyboard.press("Enter");
  await expect(heading(page)).toHaveText("Shop window");
  // An outcome without its importance: one thing left to finish; every other touchpoint not encountered.
  await page.keyboard.press("2");
  await page.keyboard.press("Control+Enter");
  while (await page.getByTestId("touchpoint-step").count()) {
    const before = await page.getByTestId("capture-step").getAttribute("data-step");
    await page.keyboard.press("n");
    await expect(page.locator("#capture-next")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("capture-step")).not.toHaveAttribute("data-step", before ?? "");
  }
  await expect(heading(page)).toHaveText("Overall feeling and notes");
  await page.keyboard.press("Control+Enter");
  await expect(heading(page)).toHaveText("Review and submit");
  await expect(heading(page)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("submit-notice")).toHaveText("1 thing needs finishing first: see the list above.");
  await expect(page.locator("#review-problems")).toBeFocused();
  await expect(page.getByTestId("review-problems")).toContainText("Choose how much it mattered");
  expect(page.url()).toMatch(/\/capture/);

  // Tab reaches "Go there" at once; the importance, then back to the review, then Enter submits.
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("review-problems").getByRole("button", { name: /Go there/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(heading(page)).toHaveText("Shop window");
  await page.keyboard.press("3");
  while ((await heading(page).textContent()) !== "Review and submit") {
    const before = await page.getByTestId("capture-step").getAttribute("data-step");
    await page.keyboard.press("Control+Enter");
    await expect(page.getByTestId("capture-step")).not.toHaveAttribute("data-step", before ?? "");
  }
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/interviews\/[0-9a-f-]{36}\?submitted=1$/);
  await expect(page.getByRole("heading", { name: "Interview with R-0005" })).toBeVisible();
});

test("Change respondent puts the focus back in the respondent search", async ({ page, signIn, workspaceWithMap }) => {
  await signIn(workspaceWithMap.members.INTERVIEWER);
  await startCapture(page, workspaceWithMap, "R-0006");
  await page.getByRole("button", { name: "Change respondent" }).click();
  await expect(page.getByTestId("respondent-search")).toBeFocused();
  await page.getByTestId("new-respondent").click();
  await page.getByRole("button", { name: "Choose an existing respondent instead" }).click();
  await expect(page.getByTestId("respondent-search")).toBeFocused();
});

test("an interviewer's map cards lead to capture on active maps; an analyst's to the map's overview, with Record beside it", async ({ page, signIn, workspaceWithMap }) => {
  await signIn(workspaceWithMap.members.INTERVIEWER);
  await page.goto(`/w/${workspaceWithMap.id}`);
  const card = page.getByTestId("map-card").filter({ hasText: DEMO_MAP_NAME });
  await card.getByRole("link", { name: DEMO_MAP_NAME, exact: true }).click();
  await expect(page.getByTestId("respondent-search")).toBeFocused();
  expect(page.url()).toContain(workspaceWithMap.map.id);

  await page.goto(`/w/${workspaceWithMap.id}`);
  await expectAccessible(page);
  await page.getByRole("link", { name: `Record an interview on ${DEMO_MAP_NAME}` }).click();
  await expect(page.getByTestId("respondent-search")).toBeFocused();

  await signIn(workspaceWithMap.members.ANALYST);
  await page.goto(`/w/${workspaceWithMap.id}`);
  await expect(card.getByRole("link", { name: DEMO_MAP_NAME, exact: true })).toHaveAttribute("href", `/w/${workspaceWithMap.id}/maps/${workspaceWithMap.map.id}/overview`);
  await expect(card.getByTestId("record-on-map")).toBeVisible();
  // A manager may not record: no Record link.
  await signIn(workspaceWithMap.members.MANAGER);
  await page.goto(`/w/${workspaceWithMap.id}`);
  await expect(card.getByTestId("record-on-map")).toHaveCount(0);
});

test("a success toast in the designer covers no touchpoint card and goes within a few seconds", async ({ page, signIn, workspaceWithMap }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(workspaceWithMap.members.ANALYST);
  await page.goto(`/w/${workspaceWithMap.id}/maps/${workspaceWithMap.map.id}/design`);
  await page.getByRole("button", { name: "Actions for stage Get help" }).click();
  await page.getByRole("menuitem", { name: "Rename…" }).click();
  const dialog = page.getByRole("dialog", { name: 'Rename stage "Get help"' });
  await dialog.getByLabel("Name").fill("Aftercare");
  await dialog.getByRole("button", { name: "Rename" }).click();
  // The toast itself: the box around its own dismiss button.
  const toast = page.getByRole("button", { name: "Dismiss notification" }).locator("xpath=..");
  await expect(toast).toContainText('Renamed to "Aftercare".');
  const toastBox = (await toast.boundingBox())!;
  const cards = await boxes(page.getByTestId("designer-touchpoint"));
  expect(cards.length).toBeGreaterThan(10);
  expect(cards.filter((card) => overlaps(card, toastBox))).toEqual([]);
  await expect(toast).toBeHidden({ timeout: 4_500 });
});

test("the last admin's Remove is disabled with the reason; with a second admin it is not", async ({ page, signIn, workspace }) => {
  await signIn(workspace.members.ADMIN);
  await page.goto(`/w/${workspace.id}/members`);
  const adminRow = page.getByTestId("member-row").filter({ hasText: workspace.members.ADMIN.email });
  const remove = adminRow.getByRole("button", { name: `Remove ${workspace.members.ADMIN.name}` });
  await expect(remove).toBeDisabled();
  await expect(adminRow.getByTestId("last-admin-reason")).toHaveText("The only admin: make someone else an admin first.");
  await expect(remove).toHaveAccessibleDescription("The only admin: make someone else an admin first.");
  await expect(page.getByTestId("member-row").filter({ hasText: workspace.members.ANALYST.email }).getByRole("button", { name: /Remove/ })).toBeEnabled();
  await expectAccessible(page);

  await page.getByLabel(`Role of ${workspace.members.ANALYST.name}`).selectOption("ADMIN");
  await expect(page.getByTestId("toasts")).toContainText(`${workspace.members.ANALYST.name} is now Admin.`);
  await expect(remove).toBeEnabled();
  await expect(page.getByTestId("last-admin-reason")).toHaveCount(0);
});

test("the workspace home's checklist ticks itself as the workflow happens, and goes once it is done", async ({ db, demoUsers, page, signIn, workspace }) => {
  // Straight after sign-up: nothing done, and the way to invite the team is there.
  const email = `starter-${Date.now()}@example.com`;
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Sam Starter");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("a-good-long-password");
  await page.getByLabel("Workspace name").fill("Sam's Shop");
  await page.getByRole("button", { name: "Create workspace" }).click();
  // Sign-up does not sign in (it answers every email alike): the new account signs in next.
  await page.waitForURL(/\/sign-in\?from=sign-up/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-good-long-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/w\//);
  const checklist = page.getByTestId("setup-checklist");
  await expect(checklist).toContainText("0 of 5 done");
  await expect(checklist.getByTestId("setup-step")).toHaveText([/Design a journey map/, /Make it active/, /Invite your interviewers/, /Record interviews/, /Read the priority matrix/]);
  await expect(checklist.getByRole("link", { name: "Members" })).toHaveAttribute("href", /\/members$/);
  // Its own words, so it is not a second "New map" link beside the page's button.
  await expect(checklist.getByRole("link", { name: "Create your first map" })).toHaveAttribute("href", /\/maps\/new$/);
  await expect(page.getByRole("link", { name: "New map", exact: true })).toHaveCount(1);
  await expectAccessible(page);

  // A workspace with its team: that step is ticked; then a map, active, with interviews.
  await signIn(workspace.members.ADMIN);
  await page.goto(`/w/${workspace.id}`);
  await expect(checklist).toContainText("1 of 5 done");
  await expect(checklist.locator('[data-step="team"]')).toHaveAttribute("data-done", "true");
  const map = await db.journeyMap.create({ data: { workspaceId: workspace.id, name: "Checkout", status: "DRAFT" } });
  await page.reload();
  await expect(checklist).toContainText("2 of 5 done");
  await expect(checklist.locator('[data-step="active"]')).toHaveAttribute("data-done", "false");
  await db.journeyMap.update({ where: { id: map.id }, data: { status: "ACTIVE" } });
  await page.reload();
  await expect(checklist).toContainText("3 of 5 done");
  await expect(checklist.getByRole("link", { name: "Record an interview" })).toHaveAttribute("href", `/w/${workspace.id}/interviews/new?map=${map.id}`);

  // The interviewer sees no checklist: setting up is not their job.
  await signIn(workspace.members.INTERVIEWER);
  await page.goto(`/w/${workspace.id}`);
  await expect(page.getByRole("heading", { name: "Journey maps" })).toBeVisible();
  await expect(checklist).toHaveCount(0);

  // The demo workspace has done it all: no checklist.
  await signIn(demoUsers.ADMIN);
  await page.goto(`/w/${DEMO_WORKSPACE}`);
  await expect(page.getByRole("heading", { name: "Journey maps" })).toBeVisible();
  await expect(checklist).toHaveCount(0);
});

test("the audit log says who did what to which named thing, folds the raw record, and filters in the address", async ({ page, signIn, workspace }) => {
  const { ADMIN: alex, INTERVIEWER: ivy } = workspace.members;
  await signIn(alex);
  await page.goto(`/w/${workspace.id}/members`);
  await page.getByLabel(`Role of ${ivy.name}`).selectOption("MANAGER");
  await expect(page.getByTestId("toasts")).toContainText(`${ivy.name} is now Manager.`);
  await page.getByLabel("Role", { exact: true }).selectOption("INTERVIEWER");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  await expect(page.getByTestId("invitation-link")).toBeVisible();

  await page.goto(`/w/${workspace.id}/audit`);
  const entries = page.getByTestId("audit-entry");
  await expect(entries.getByTestId("audit-sentence")).toHaveText([
    `${alex.name} created an invitation link for an Interviewer.`,
    `${alex.name} made ${ivy.name} a Manager (was an Interviewer).`,
  ]);
  // The raw record is there, folded.
  const roleChange = entries.nth(1);
  await expect(roleChange.getByText('"role": "MANAGER"')).toBeHidden();
  await roleChange.getByText("Details").click();
  await expect(roleChange.getByText('"role": "MANAGER"')).toBeVisible();
  await expectAccessible(page);

  // Filters go in the address and come back from it.
  await page.getByLabel("What").selectOption("members");
  await page.getByLabel("Who").selectOption(alex.id);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await page.waitForURL(/kind=members/);
  expect(new URL(page.url()).searchParams.get("actor")).toBe(alex.id);
  await expect(entries).toHaveCount(2);
  await page.getByLabel("Who").selectOption(ivy.id);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await page.waitForURL(new RegExp(`actor=${ivy.id}`));
  await expect(page.getByRole("heading", { name: "No entry matches" })).toBeVisible();
  await page.goto(`/w/${workspace.id}/audit?kind=maps`);
  await expect(page.getByLabel("What")).toHaveValue("maps");
  await expect(page.getByRole("heading", { name: "No entry matches" })).toBeVisible();
  await page.goto(`/w/${workspace.id}/audit?from=2030-01-02&to=2030-01-01`);
  await expect(page.getByText("The period ends before it starts")).toBeVisible();
  await expect(entries).toHaveCount(2);
});
