// The priority matrix as a manager presents it, on the demo workspace (read only): every point
// findable and opening its details, labels that never collide, both views fitting their svg, the
// fix list beside the chart, and the journey grid fitting its box.
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DEMO_MAP, DEMO_WORKSPACE, expectAccessible } from "./support";

const MATRIX = `/w/${DEMO_WORKSPACE}/maps/${DEMO_MAP}/matrix`;
const JOURNEY = `/w/${DEMO_WORKSPACE}/maps/${DEMO_MAP}`;

// The chart's code loads after the page; on a machine shared with other work that can take a while.
const CHART_LOAD = 30_000;

type Rect = { x: number; y: number; width: number; height: number };

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function boxes(locator: Locator): Promise<{ name: string; box: Rect }[]> {
  return locator.evaluateAll((elements) =>
    elements.map((element) => {
      const rect = element.getBoundingClientRect();
      const name = element.closest("[data-touchpoint]")?.getAttribute("data-touchpoint") ?? element.textContent ?? "";
      return { name, box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height } };
    }),
  );
}

function expectNoOverlaps(items: { name: string; box: Rect }[], what: string) {
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++)
      expect(overlap(items[i]!.box, items[j]!.box), `${what}: "${items[i]!.name}" overlaps "${items[j]!.name}"`).toBe(false);
}

/** The drawn points, with their centres in page coordinates. */
async function drawnPoints(page: Page) {
  await page.getByTestId("matrix-svg").scrollIntoViewIfNeeded();
  const svg = await page.getByTestId("matrix-svg").boundingBox();
  const points = await page.getByTestId("matrix-point").evaluateAll((elements) =>
    elements.map((element) => ({
      name: element.getAttribute("data-touchpoint")!,
      x: Number(element.getAttribute("data-x")),
      y: Number(element.getAttribute("data-y")),
      insufficient: element.getAttribute("data-insufficient") === "true",
    })),
  );
  return points.map((point) => ({ ...point, x: svg!.x + point.x, y: svg!.y + point.y }));
}

/** Labels, captions and axis titles: none overlaps another, all inside the svg. */
async function expectTidyChart(page: Page) {
  const svg = (await page.getByTestId("matrix-svg").boundingBox())!;
  const labels = await boxes(page.getByTestId("matrix-label").locator("text"));
  const captions = await boxes(page.getByTestId("matrix-caption"));
  const titles = await boxes(page.getByTestId("axis-title"));
  expect(labels.length).toBeGreaterThan(0);
  expectNoOverlaps([...labels, ...captions], "labels and captions");
  expect(titles).toHaveLength(2);
  for (const { name, box } of [...titles, ...labels, ...captions]) {
    expect(box.x, `${name} inside the chart`).toBeGreaterThanOrEqual(svg.x - 0.5);
    expect(box.y, `${name} inside the chart`).toBeGreaterThanOrEqual(svg.y - 0.5);
    expect(box.x + box.width, `${name} inside the chart`).toBeLessThanOrEqual(svg.x + svg.width + 0.5);
    expect(box.y + box.height, `${name} inside the chart`).toBeLessThanOrEqual(svg.y + svg.height + 0.5);
  }
}

test("every touchpoint with enough data can be hovered where it is drawn and names itself; labels never collide", async ({ demoUsers, page, signIn }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(demoUsers.MANAGER);
  await page.goto(MATRIX);
  await expect(page.getByTestId("matrix-point").first()).toBeVisible({ timeout: CHART_LOAD });

  const points = await drawnPoints(page);
  const sufficient = points.filter((point) => !point.insufficient);
  expect(sufficient.length).toBeGreaterThanOrEqual(10);
  // The two the plain scatter hid under one another are both there.
  expect(sufficient.map((point) => point.name)).toEqual(expect.arrayContaining(["Store entrance", "Payment at the till"]));
  const tooltipName = page.getByTestId("matrix-tooltip").locator("p").first();
  for (const point of sufficient) {
    await page.mouse.move(point.x, point.y);
    await expect(tooltipName, `hovering ${point.name} at its drawn place`).toHaveText(point.name);
  }
  await page.mouse.move(5, 5);
  await expect(page.getByTestId("matrix-tooltip")).toHaveCount(0);

  // Labelled by default: the top of the fix list and every "Concentrate here" touchpoint.
  const rows = page.getByTestId("fix-list-row");
  const top = await rows.locator("a").evaluateAll((links) => links.slice(0, 5).map((link) => link.textContent!));
  const concentrate = await rows
    .filter({ has: page.locator("span", { hasText: /^Concentrate here/ }) })
    .locator("a")
    .allTextContents();
  const labelled = await page.getByTestId("matrix-label").evaluateAll((labels) => labels.map((label) => label.getAttribute("data-touchpoint")));
  expect(labelled).toEqual(expect.arrayContaining([...top, ...concentrate]));
  await expectTidyChart(page);

  // Axes fitted to the data, crosshairs inside; the full scale on a toggle.
  const xTicks = await page.getByTestId("x-tick").allTextContents();
  expect(xTicks).not.toContain("−100");
  await page.getByLabel("Full scale").check();
  await expect(page).toHaveURL(/scale=full/);
  await expect(page.getByTestId("x-tick").first()).toHaveText("−100");
  await expect(page.getByTestId("y-tick").first()).toHaveText("1");

  // Every point labelled on request, still without a collision.
  await page.getByLabel("Label every point").check();
  await expect(page).toHaveURL(/labels=all/);
  await expect(page.getByTestId("matrix-label")).toHaveCount(points.length);
  await expectTidyChart(page);
  await expectAccessible(page);
});

test("a point opens its details by mouse and by keyboard, and selecting a row draws its point on top", async ({ demoUsers, page, signIn }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(demoUsers.MANAGER);
  await page.goto(`${MATRIX}?lifecycle=ESTABLISHED`);
  await expect(page.getByTestId("matrix-point").first()).toBeVisible({ timeout: CHART_LOAD });

  // The third row of the fix list: selecting it puts its point last in the drawing, on top.
  const third = page.getByTestId("fix-list-row").nth(2);
  const name = (await third.locator("a").textContent())!;
  await third.click();
  await expect(page.getByTestId("matrix-point").last()).toHaveAttribute("data-touchpoint", name);

  const point = (await drawnPoints(page)).find((candidate) => candidate.name === name)!;
  await page.mouse.click(point.x, point.y);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/lifecycle=ESTABLISHED/);

  await page.goBack();
  const link = page.getByRole("link", { name: new RegExp(`^${name}: `) });
  await link.focus();
  await expect(page.getByTestId("matrix-focus-ring")).toBeVisible();
  await expect(page.getByTestId("matrix-tooltip").locator("p").first()).toHaveText(name);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
});

for (const width of [1280, 1440]) {
  test(`both views read cleanly at ${width} wide, with the fix list beside the chart`, async ({ demoUsers, page, signIn }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    await signIn(demoUsers.MANAGER);
    await page.goto(MATRIX);
    await expect(page.getByTestId("matrix-point").first()).toBeVisible({ timeout: CHART_LOAD });
    await expectTidyChart(page);
    await expect(page.getByTestId("matrix-caption")).toHaveText(["Concentrate here", "Keep up the good work", "Low priority", "Possible overkill"]);

    // Side by side, and the whole chart on the first screen.
    const chart = (await page.getByTestId("matrix-svg").boundingBox())!;
    const fixList = (await page.getByRole("heading", { name: "Fix list" }).boundingBox())!;
    expect(fixList.x).toBeGreaterThan(chart.x + chart.width);
    expect(fixList.y).toBeLessThan(900);
    expect(chart.y + chart.height).toBeLessThanOrEqual(900);
    const table = page.getByRole("region", { name: "Fix list: touchpoints ranked by weighted pain" });
    const { scrollWidth, clientWidth } = await table.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
    expect(scrollWidth, "the fix list fits beside the chart").toBeLessThanOrEqual(clientWidth);
    await expect(page.getByTestId("ranking-note")).toContainText("ranked by weighted pain");
    await page.screenshot({ path: testInfo.outputPath(`matrix-quadrants-${width}.png`) });

    await page.getByText("Diagonal (iso-priority)").click();
    await expect(page).toHaveURL(/view=diagonal/);
    await expect(page.getByTestId("iso-priority-line")).toBeVisible();
    await expect(page.getByTestId("matrix-caption")).toHaveText(["Importance outruns performance", "Performance outruns importance"]);
    await expect(page.getByTestId("crosshair-summary")).toHaveCount(0);
    await expect(page.getByTestId("diagonal-summary")).toBeVisible();
    await expectTidyChart(page);
    await page.screenshot({ path: testInfo.outputPath(`matrix-diagonal-${width}.png`) });
  });
}

test("on a narrow screen the fix list comes under the chart", async ({ demoUsers, page, signIn }) => {
  await page.setViewportSize({ width: 900, height: 900 });
  await signIn(demoUsers.MANAGER);
  await page.goto(MATRIX);
  await expect(page.getByTestId("matrix-point").first()).toBeVisible({ timeout: CHART_LOAD });
  const chart = (await page.getByTestId("matrix-svg").boundingBox())!;
  const fixList = (await page.getByRole("heading", { name: "Fix list" }).boundingBox())!;
  expect(fixList.y).toBeGreaterThan(chart.y + chart.height);
  await expectTidyChart(page);
});

test("the fix list explains its order and its columns", async ({ demoUsers, page, signIn }) => {
  await signIn(demoUsers.MANAGER);
  await page.goto(MATRIX);
  await expect(page.getByTestId("ranking-note")).toContainText("a touchpoint few customers reach ranks lower than its quadrant suggests");
  await expect(page.getByRole("columnheader", { name: "Weighted pain" })).toHaveAttribute("aria-describedby", "legend-weighted-pain");
  await expect(page.locator("#legend-weighted-pain")).toContainText("for every 100 customers interviewed");
  await expect(page.locator("#legend-gap")).toContainText("importance minus performance");
});

test("the weekly trend of a touchpoint marks weeks with too few observations and shows the interval band", async ({ demoUsers, page, signIn }, testInfo) => {
  await signIn(demoUsers.MANAGER);
  await page.goto(MATRIX);
  // A touchpoint few customers reach: some of its weeks have fewer than the map's 30.
  await page.getByTestId("fix-list-row").filter({ hasText: "Customer service line" }).getByRole("link", { name: "Customer service line" }).click();
  await expect(page.getByTestId("trend-legend")).toContainText("hollow grey point");
  await expect(page.locator(".recharts-area-area")).toHaveCount(1);
  await page.getByTestId("trend-legend").scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("trend.png") });
  await page.getByText("Weekly values").click();
  const weeks = page.getByRole("table", { name: "Performance and miss rate by week" }).locator("tbody tr");
  const counts = await weeks.evaluateAll((rows) => rows.map((row) => row.querySelectorAll("td")[1]!.textContent ?? ""));
  expect(counts.length).toBeGreaterThan(0);
  expect(counts.filter((count) => count.includes("too few")).length).toBeGreaterThan(0);
  // The map asks for 30 observations: weeks with fewer say so.
  for (const count of counts) {
    const n = parseInt(count, 10);
    expect(count.includes("too few"), `a week of ${n}`).toBe(n > 0 && n < 30);
  }
  await expectAccessible(page);
});

for (const width of [1280, 1440, 1920]) {
  test(`the journey grid in quadrant colours fits its box at ${width} wide`, async ({ demoUsers, page, signIn }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    await signIn(demoUsers.MANAGER);
    await page.goto(`${JOURNEY}?colour=quadrant`);
    const region = page.getByRole("region", { name: /^Journey of / });
    await expect(region).toBeVisible();
    const { scrollWidth, clientWidth } = await region.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await region.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`journey-quadrants-${width}.png`) });
  });
}
