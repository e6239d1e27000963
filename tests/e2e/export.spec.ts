// Exports, chart images and the printable report, on the demo workspace (read-only).
import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DEMO_MAP, DEMO_WORKSPACE, expectAccessible } from "./support";

const MATRIX = `/w/${DEMO_WORKSPACE}/maps/${DEMO_MAP}/matrix`;
const REPORT = `/w/${DEMO_WORKSPACE}/maps/${DEMO_MAP}/report`;
const JOURNEY = `/w/${DEMO_WORKSPACE}/maps/${DEMO_MAP}`;
const ASYMMETRY = `/w/${DEMO_WORKSPACE}/maps/${DEMO_MAP}/asymmetry`;
// A4 (210 mm) less the report's margins of 12 mm each side, at 96 CSS pixels per inch.
const A4_CONTENT_WIDTH = ((210 - 24) / 25.4) * 96;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function bytesOf(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFile(path);
}

/** Clicks and returns the download it starts. */
async function downloadBy(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  return download;
}

/** Saves the chart titled `title` as PNG and SVG and checks both files stand on their own. */
async function expectChartSaves(page: Page, title: string, filterLine: RegExp) {
  const png = await downloadBy(page, () => page.getByRole("button", { name: `Save ${title} as PNG` }).click());
  const pngBytes = await bytesOf(png);
  expect([...pngBytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(pngSize(pngBytes).width).toBeGreaterThan(400);
  const svg = await downloadBy(page, () => page.getByRole("button", { name: `Save ${title} as SVG` }).click());
  expect(svg.suggestedFilename()).toMatch(/\.svg$/);
  const markup = (await bytesOf(svg)).toString("utf8");
  expect(markup).toContain(`>${title}</text>`);
  expect(markup).toMatch(filterLine);
  expect(markup).not.toContain("var(--");
  return markup;
}

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test("a manager downloads the fix list as CSV and the matrix as PNG and SVG, under the view's filter", async ({ demoUsers, page, signIn }) => {
  await signIn(demoUsers.MANAGER);
  await page.goto(`${MATRIX}?lifecycle=ESTABLISHED`);
  await expect(page.getByTestId("matrix-point").first()).toBeVisible();

  await page.getByTestId("export-menu").getByText("Export", { exact: true }).click();
  await expectAccessible(page);
  const csv = await downloadBy(page, () => page.getByRole("link", { name: /Fix list \(CSV\)/ }).click());
  expect(csv.suggestedFilename()).toMatch(/^in-store-purchase-fix-list-\d{4}-\d\d-\d\d\.csv$/);
  const lines = (await bytesOf(csv)).toString("utf8").split("\r\n");
  expect(lines[0]).toMatch(/^"?cxmap Fix list, map In-store purchase; [\d]+ interviews\. Filter: lifecycle stage Established"?$/);
  expect(lines[1]).toMatch(/^Rank,Touchpoint,Stage,Channel,Weighted pain per 100 interviews,/);
  const rows = await page.getByTestId("fix-list-row").count();
  expect(lines.filter((line) => /^\d+,/.test(line))).toHaveLength(rows);

  const png = await downloadBy(page, () => page.getByRole("button", { name: "Save Priority matrix: In-store purchase as PNG" }).click());
  expect(png.suggestedFilename()).toBe("priority-matrix-in-store-purchase.png");
  const pngBytes = await bytesOf(png);
  expect([...pngBytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  const chart = await page.getByTestId("matrix-svg").boundingBox();
  const size = pngSize(pngBytes);
  // Drawn at twice the chart's size, with the title and filter line above the chart.
  expect(size.width).toBe(2 * Math.round(chart!.width));
  expect(size.height).toBeGreaterThan(2 * Math.round(chart!.height));
  expect(pngBytes.length).toBeGreaterThan(20_000);

  const svg = await downloadBy(page, () => page.getByRole("button", { name: "Save Priority matrix: In-store purchase as SVG" }).click());
  const markup = (await bytesOf(svg)).toString("utf8");
  expect(markup).toContain("<text");
  expect(markup).toContain("Priority matrix: In-store purchase");
  expect(markup).toMatch(/Filter: lifecycle stage Established \([\d,]+ interviews\)/);
  // Every colour resolved: the file does not depend on the page's CSS variables.
  expect(markup).not.toContain("var(--");
  expect((markup.match(/data-testid="matrix-point"/g) ?? []).length).toBe(await page.getByTestId("matrix-point").count());
});

test("the trend chart of a drill-down saves as PNG too", async ({ demoUsers, page, signIn }) => {
  await signIn(demoUsers.ANALYST);
  await page.goto(MATRIX);
  await page.getByTestId("fix-list-row").first().getByRole("link").first().click();
  await expect(page.locator("svg.recharts-surface")).toBeVisible();
  const png = await downloadBy(page, () => page.getByRole("button", { name: /^Save Performance by week: .+ as PNG$/ }).click());
  const bytes = await bytesOf(png);
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(pngSize(bytes).width).toBeGreaterThan(200);
});

test("the printable report shows the filter, the matrix and the fix list, and prints without navigation on A4", async ({ demoUsers, page, signIn }) => {
  await signIn(demoUsers.MANAGER);
  await page.goto(`${MATRIX}?tier=HIGH`);
  await page.getByRole("link", { name: "Printable report" }).click();
  await expect(page).toHaveURL(new RegExp(`${REPORT}\\?tier=HIGH$`));
  await expect(page.getByRole("heading", { name: "Report: In-store purchase", level: 1 })).toBeVisible();
  await expect(page.getByTestId("report-filter")).toContainText("value tier High");
  await expect(page.getByTestId("report-matrix").getByTestId("matrix-point").first()).toBeVisible();
  expect(await page.getByTestId("report-fix-row").count()).toBeGreaterThan(5);
  await expect(page.locator("[data-report-section]")).toHaveCount(8);
  const sections = await page.locator("[data-report-section]").evaluateAll((elements) => elements.map((element) => element.getAttribute("data-report-section")));
  expect(sections).toEqual(["filter", "matrix", "fix-list", "basics", "changes", "consistency", "trends", "feelings"]);
  await expect(page.getByRole("heading", { name: "Basics and delighters", level: 2 })).toBeVisible();
  await expect(page.getByTestId("report-asymmetry").getByTestId("asymmetry-point").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "What changed in the last four weeks", level: 2 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Where the channels disagree", level: 2 })).toBeVisible();
  await expect(page.getByTestId("report-trend-performance").locator("svg.recharts-surface")).toBeVisible();
  await expect(page.getByTestId("report-trend-missRate").locator("svg.recharts-surface")).toBeVisible();
  await expect(page.getByTestId("report-emotional-curve").getByTestId("curve-point").first()).toBeVisible();
  await expectAccessible(page);
  // The report's charts save as images too, under the report's filter.
  await expectChartSaves(page, "Emotional curve: In-store purchase", /Filter: value tier High/);

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner").first()).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Map views" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(page.getByRole("button", { name: /as PNG$/ })).toBeHidden();
  await expect(page.getByTestId("report-matrix").getByTestId("matrix-point").first()).toBeVisible();
  const breaks = await page.evaluate(() =>
    [...document.querySelectorAll(".report-chart, [data-testid='chart-figure']")].map((element) => getComputedStyle(element).breakInside),
  );
  // Six charts: the matrix, basics and delighters, two trends and the emotional curve, each kept on one page.
  expect(await page.locator(".report-chart").count()).toBe(5);
  expect(breaks.length).toBeGreaterThanOrEqual(5);
  expect(new Set(breaks)).toEqual(new Set(["avoid"]));
  // Every chart is shown on paper, no wider than an A4 page, and nothing in it is cut off.
  for (const testId of ["report-matrix", "report-asymmetry", "report-trend-performance", "report-trend-missRate", "report-emotional-curve"]) {
    const chart = page.getByTestId(testId);
    await expect(chart.locator("svg").first()).toBeVisible();
    const box = await chart.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(A4_CONTENT_WIDTH);
    const clipped = await chart.evaluate((element) =>
      [...element.querySelectorAll("svg")].some((svg) => {
        const own = svg.getBoundingClientRect();
        const frame = element.getBoundingClientRect();
        return own.right > frame.right + 1 || own.left < frame.left - 1;
      }),
    );
    expect(clipped).toBe(false);
  }
  // The emotional curve is laid out for the page, not shrunk to it: its text keeps its size.
  const curveScale = await page
    .getByTestId("report-emotional-curve")
    .getByTestId("emotional-curve")
    .evaluate((svg) => svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width);
  expect(curveScale).toBeGreaterThan(0.95);
  // The curve's section prints on one page: its sentences stay with the curve.
  expect(await page.locator("[data-report-section='feelings'] [data-print='keep']").evaluate((element) => getComputedStyle(element).breakInside)).toBe("avoid");

  const pdf = await page.pdf({ preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  // Eight sections do not fit on one page.
  expect(pages).toBeGreaterThan(1);
  // A4 portrait: 595 x 842 points.
  expect(pdf.toString("latin1")).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]/);
});

test("the basics-and-delighters chart and the emotional curve save as PNG and SVG with their title and filter", async ({ demoUsers, page, signIn }) => {
  await signIn(demoUsers.MANAGER);
  await page.goto(`${ASYMMETRY}?lifecycle=ESTABLISHED`);
  await expect(page.getByTestId("asymmetry-point").first()).toBeVisible();
  const asymmetry = await expectChartSaves(page, "Basics and delighters: In-store purchase", /Filter: lifecycle stage Established \([\d,]+ interviews\)/);
  // The chart's points, without the links that open a touchpoint on screen.
  expect((asymmetry.match(/<circle/g) ?? []).length).toBeGreaterThanOrEqual(await page.getByTestId("asymmetry-point").count());
  expect(asymmetry).not.toContain("<a ");

  await page.goto(`${JOURNEY}?lifecycle=ESTABLISHED`);
  await expect(page.getByTestId("emotional-curve")).toBeVisible();
  const curve = await expectChartSaves(page, "Emotional curve: In-store purchase", /Filter: lifecycle stage Established/);
  expect(curve).toContain("<polyline");
  await expectAccessible(page);
});

test("a map-wide trend chart saves as PNG and SVG", async ({ demoUsers, page, signIn }) => {
  await signIn(demoUsers.ANALYST);
  await page.goto(`/w/${DEMO_WORKSPACE}/maps/${DEMO_MAP}/trends`);
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  const markup = await expectChartSaves(page, "Miss rate per week: In-store purchase", /Filter: all interviews \([\d,]+ interviews\)/);
  expect(markup).toContain("recharts");
});

test("an interviewer can open neither the report nor an export", async ({ context, demoUsers, page, signIn }) => {
  await signIn(demoUsers.INTERVIEWER);
  expect((await page.goto(REPORT))?.status()).toBe(404);
  const response = await context.request.get(`/api/w/${DEMO_WORKSPACE}/maps/${DEMO_MAP}/export/fix-list.csv`);
  expect(response.status()).toBe(404);
});
