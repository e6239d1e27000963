// Read-only tests on the demo workspace: the feelings along the journey and the trends, as a
// manager reads them. The demo data plants a touchpoint that got worse in the last four weeks
// (DEMO_TRUTHS.worsening) and the failing moment of truth where the journey feels worst.
import { expect, test } from "./fixtures";
import { DEMO_MAP, DEMO_WORKSPACE, expectAccessible } from "./support";
import { DEMO_TRUTHS } from "@/prisma/seed/demo-map";

const JOURNEY = `/w/${DEMO_WORKSPACE}/maps/${DEMO_MAP}`;
const TRENDS = `${JOURNEY}/trends`;
const SHOTS = "test-results/screenshots";

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

test("a manager reads the emotional curve under the journey: where it feels worst, moments of truth, gaps where feelings are thin", async ({
  demoUsers,
  page,
  signIn,
}) => {
  await signIn(demoUsers.MANAGER);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(JOURNEY);
  const section = page.getByTestId("feelings-section");
  await expect(section.getByRole("heading", { name: "Feelings along the journey" })).toBeVisible();
  // Under the grid.
  const grid = await page.getByRole("region", { name: /^Journey of / }).boundingBox();
  const curveBox = await page.getByTestId("emotional-curve").boundingBox();
  expect(curveBox!.y).toBeGreaterThan(grid!.y + grid!.height);

  // The failing moment of truth is where the journey feels worst.
  await expect(page.getByTestId("feelings-summary")).toContainText(`The journey feels worst at ${DEMO_TRUTHS.topPain}`);
  await expect(page.getByTestId("curve-lowest")).toContainText("feels worst −");
  const moments = page.locator('[data-testid="curve-point"][data-moment="true"]');
  expect(await moments.count()).toBeGreaterThan(0);
  await expect(page.getByTestId("curve-legend")).toContainText("Moment of truth");
  const rows = page.getByTestId("feeling-row");
  await expect(rows.filter({ hasText: DEMO_TRUTHS.topPain })).toContainText("moment of truth");
  await page.getByTestId("emotional-curve").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/journey-feelings.png`, fullPage: true });
  await expectAccessible(page);

  // Three weeks of interviews: the touchpoints few customers reach have too few feelings to read.
  await page.goto(`${JOURNEY}?from=${daysAgo(20)}`);
  await expect(page.getByTestId("filter-counts")).toContainText("(filtered)");
  expect(await page.getByTestId("curve-gap").count()).toBeGreaterThan(0);
  expect(await page.getByTestId("curve-point").count()).toBeGreaterThan(0);
  await expect(page.getByTestId("feelings-summary")).toContainText(/fewer than 30 feelings recorded: gaps? in the curve/);
  await expect(page.getByTestId("feeling-row").filter({ hasText: "too few" }).first()).toBeVisible();
  await page.getByTestId("emotional-curve").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/journey-feelings-gaps.png` });
  await expectAccessible(page);
});

test("a manager opens the trends, switches between day, week and month, and sees the worsening touchpoint", async ({ demoUsers, page, signIn }) => {
  await signIn(demoUsers.MANAGER);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`${JOURNEY}?lifecycle=ESTABLISHED`);
  await page.getByRole("navigation", { name: "Map views" }).getByRole("link", { name: "Trends" }).click();
  await expect(page).toHaveURL(/\/trends\?lifecycle=ESTABLISHED$/);
  await expect(page.getByRole("heading", { name: "Trends", level: 1 })).toBeVisible();
  await expect(page.getByTestId("filter-counts")).toContainText("(filtered)");
  await page.goto(TRENDS);

  // Weekly by default: the band of the map's line is drawn.
  await expect(page.getByRole("heading", { name: "All touchpoints in this view, per week" })).toBeVisible();
  const performance = page.getByTestId("trend-chart-performance");
  await expect(performance.locator(".recharts-area-area")).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId("trend-chart-missRate").locator(".recharts-area-area")).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Observations (n)" })).toContainText("The dashed line is the minimum sample, 30");
  // The worsening touchpoint's latest readable week is quoted against the week before.
  await expect(page.getByTestId("touchpoint-trend").filter({ hasText: DEMO_TRUTHS.worsening.touchpoint }).getByTestId("latest-reading")).toContainText(
    /^Latest readable: miss rate \d+% in \d{4}-\d{2}-\d{2} \(n = \d+\), against \d+% in \d{4}-\d{2}-\d{2}\.$/,
  );

  // The worsening touchpoint: its miss rate over the last four weeks is well above the four before.
  const worsening = page.getByTestId("touchpoint-trend").filter({ hasText: DEMO_TRUTHS.worsening.touchpoint });
  await expect(worsening.getByTestId("sparkline-missRate")).toBeVisible();
  await worsening.getByText("Values").click();
  const cells = await worsening.locator("tbody tr").evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent ?? "")),
  );
  const weekly = cells.map(([start, n, , miss]) => ({ start: start!, n: Number.parseInt(n!.replace(/,/g, ""), 10), miss: Number.parseFloat(miss!) }));
  const rate = (weeks: typeof weekly) => weeks.reduce((sum, week) => sum + (week.miss * week.n) / 100, 0) / weeks.reduce((sum, week) => sum + week.n, 0);
  const recent = weekly.slice(-4);
  const before = weekly.slice(-8, -4);
  expect(100 * (rate(recent) - rate(before))).toBeGreaterThan(15);
  await worsening.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/trends-week.png`, fullPage: true });
  await expectAccessible(page);

  // Per day: the touchpoints' days are mostly too few to read, and say so with hollow points.
  await page.locator("label", { hasText: /^Day$/ }).click();
  // The URL changes once the new view has arrived from the server: give a busy machine time.
  await expect(page).toHaveURL(/by=day/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "All touchpoints in this view, per day" })).toBeVisible();
  await expect(page.getByTestId("trend-legend")).toContainText("a hollow grey point is a day with fewer");
  expect(Number(await worsening.getByTestId("sparkline-missRate").getAttribute("data-too-few"))).toBeGreaterThan(0);
  await expect(worsening.getByTestId("sparkline-missRate").getByTestId("sparkline-too-few")).toHaveCount(1);
  await expect(page.getByTestId("trend-chart-performance").locator(".recharts-area-area")).toHaveCount(1, { timeout: 30_000 });
  await page.screenshot({ path: `${SHOTS}/trends-day.png`, fullPage: true });

  await page.locator("label", { hasText: /^Month$/ }).click();
  await expect(page).toHaveURL(/by=month/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "All touchpoints in this view, per month" })).toBeVisible();
  await expect(page.getByTestId("trend-chart-performance").locator(".recharts-area-area")).toHaveCount(1, { timeout: 30_000 });
  await page.screenshot({ path: `${SHOTS}/trends-month.png`, fullPage: true });
  await expectAccessible(page);
});

test("an interviewer cannot open the trends", async ({ demoUsers, page, signIn }) => {
  await signIn(demoUsers.INTERVIEWER);
  expect((await page.goto(TRENDS))?.status()).toBe(404);
});
