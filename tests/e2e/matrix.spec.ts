// Read-only tests on the demo workspace, whose data carries known patterns (DEMO_TRUTHS).
import { expect, test } from "./fixtures";
import { DEMO_MAP, DEMO_WORKSPACE, expectAccessible } from "./support";

const MATRIX = `/w/${DEMO_WORKSPACE}/maps/${DEMO_MAP}/matrix`;
// The touchpoint the demo data makes the clear first of the fix list (DEMO_TRUTHS.topPain).
const WORST = "Checkout queue";

test("a manager finds what to fix first, filters to one lifecycle stage and drills down", async ({ demoUsers, page, signIn }) => {
  await signIn(demoUsers.MANAGER);
  await page.goto(`/w/${DEMO_WORKSPACE}/maps/${DEMO_MAP}`);
  await page.getByRole("navigation", { name: "Map views" }).getByRole("link", { name: "Priority matrix" }).click();
  await expect(page).toHaveURL(new RegExp(`${MATRIX}$`));
  await expect(page.getByRole("heading", { name: "Priority matrix" })).toBeVisible();

  const rows = page.getByTestId("fix-list-row");
  await expect(rows.first()).toContainText(WORST);
  await expect(rows.first()).toContainText("Concentrate here");
  await expect(page.getByTestId("matrix-point").first()).toBeVisible();
  const before = await page.getByTestId("filter-counts").textContent();
  expect(before).toMatch(/^[\d,]+ interviews and [\d,]+ observations in this view\.$/);
  await expectAccessible(page);

  // Selecting a row highlights it (and its point).
  await rows.nth(1).click();
  await expect(rows.nth(1)).toHaveAttribute("aria-selected", "true");

  await page.getByRole("button", { name: /^Lifecycle:/ }).click();
  await page.getByRole("group", { name: "Lifecycle" }).getByLabel("Established").check();
  await expect(page).toHaveURL(/lifecycle=ESTABLISHED/);
  await expect(page.getByTestId("filter-counts")).not.toHaveText(before!);
  await expect(page.getByTestId("filter-counts")).toContainText("(filtered)");
  await page.keyboard.press("Escape");

  await page.locator("label", { hasText: "At the scale centre" }).click();
  await expect(page).toHaveURL(/crosshair=scale/);
  await expect(page.getByTestId("crosshair-summary")).toContainText("importance 3.00 and performance 0.0");
  await expectAccessible(page);

  await page.getByTestId("fix-list-row").filter({ hasText: WORST }).getByRole("link", { name: WORST }).click();
  await expect(page.getByRole("heading", { name: WORST, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/lifecycle=ESTABLISHED/);
  await expect(page.getByTestId("touchpoint-figures")).toContainText("Weighted pain");
  await expect(page.getByTestId("expectation-row").first()).toBeVisible();
  await expect(page.getByTestId("feelings")).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Comments \(\d+\)$/ })).toBeVisible();
  await expectAccessible(page);
});

test("a filter that matches nothing says so, and the diagonal view shows the iso-priority line", async ({ demoUsers, page, signIn }) => {
  await signIn(demoUsers.ANALYST);
  await page.goto(`${MATRIX}?from=2000-01-01&to=2000-01-31`);
  await expect(page.getByRole("heading", { name: "No interviews match this filter" })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`${MATRIX}?view=diagonal&bars=1`);
  await expect(page.getByTestId("iso-priority-line")).toBeVisible();
  await expect(page.getByTestId("matrix-caption").first()).toHaveText("Importance outruns performance");
});

test("an interviewer cannot open the matrix", async ({ demoUsers, page, signIn }) => {
  await signIn(demoUsers.INTERVIEWER);
  expect((await page.goto(MATRIX))?.status()).toBe(404);
});

test("the journey colours each touchpoint by performance or quadrant under the same filter as the matrix", async ({ demoUsers, page, signIn }) => {
  await signIn(demoUsers.MANAGER);
  const journey = `/w/${DEMO_WORKSPACE}/maps/${DEMO_MAP}`;
  await page.goto(journey);
  const worst = page.getByTestId("journey-touchpoint").filter({ hasText: WORST });
  // By performance (the default): the demo's worst touchpoint falls short.
  await expect(worst).toContainText("Falls short");
  await expect(worst).toContainText(/reach \d+%/);
  await expect(page.getByTestId("colour-legend")).toContainText("Performance P");
  await expectAccessible(page);

  await page.locator("label", { hasText: "Quadrant" }).click();
  await expect(page).toHaveURL(/colour=quadrant/);
  await expect(worst).toContainText("Concentrate here");
  await expect(page.getByTestId("colour-legend")).toContainText("Crosshairs at importance");

  // The filter narrows n, and goes along to the matrix and back.
  const before = await worst.textContent();
  await page.getByRole("button", { name: /^Lifecycle:/ }).click();
  await page.getByRole("group", { name: "Lifecycle" }).getByLabel("Established").check();
  await expect(page).toHaveURL(/lifecycle=ESTABLISHED/);
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("filter-counts")).toContainText("(filtered)");
  await expect(worst).not.toHaveText(before!);
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "Map views" }).getByRole("link", { name: "Priority matrix" }).click();
  await expect(page).toHaveURL(/\/matrix\?lifecycle=ESTABLISHED$/);
  await expect(page.getByTestId("filter-counts")).toContainText("(filtered)");

  // A touchpoint-level filter greys the touchpoints it leaves out, without hiding them.
  await page.goto(`${journey}?mot=1`);
  await expect(worst).toContainText("Falls short");
  await expect(page.getByTestId("journey-touchpoint").filter({ hasText: "Shop window" })).toContainText("Outside the filter");
  await page.goto(`${journey}?colour=none`);
  await expect(page.getByTestId("colour-legend")).toHaveCount(0);
  await expect(worst).not.toContainText("Falls short");
});

test("on a phone the filter folds away behind one button and says how many filters are in use", async ({ demoUsers, page, signIn }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(demoUsers.MANAGER);
  await page.goto(`/w/${DEMO_WORKSPACE}/maps/${DEMO_MAP}?lifecycle=ESTABLISHED`);
  const toggle = page.getByRole("button", { name: "Filters (1 in use)" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("button", { name: /^Lifecycle:/ })).toBeHidden();
  await expect(page.getByTestId("filter-counts")).toBeInViewport();
  await toggle.click();
  await expect(page.getByRole("button", { name: /^Lifecycle:/ })).toBeVisible();
  await expectAccessible(page);
});
