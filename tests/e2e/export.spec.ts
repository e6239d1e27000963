// Exports, chart images and the printable report, on the demo workspace (read-only).
import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DEMO_MAP, DEMO_WORKSPACE, expectAccessible } from "./support";

const MATRIX = `/w/${DEMO_WORKSPACE}/maps/${DEMO_MAP}/matrix`;
const REPORT = `/w/${DEMO_WORKSPACE}/maps/${DEMO_MAP}/report`;
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
  await expect(page.locator("[data-report-section]")).toHaveCount(3);
  await expectAccessible(page);

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner").first()).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Map views" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(page.getByRole("button", { name: /as PNG$/ })).toBeHidden();
  await expect(page.getByTestId("report-matrix").getByTestId("matrix-point").first()).toBeVisible();
  const breaks = await page.evaluate(() =>
    [...document.querySelectorAll(".report-chart, [data-testid='chart-figure']")].map((element) => getComputedStyle(element).breakInside),
  );
  expect(breaks.length).toBeGreaterThan(0);
  expect(new Set(breaks)).toEqual(new Set(["avoid"]));

  const pdf = await page.pdf({ preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThan(0);
  // A4 portrait: 595 x 842 points.
  expect(pdf.toString("latin1")).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]/);
});

test("an interviewer can open neither the report nor an export", async ({ context, demoUsers, page, signIn }) => {
  await signIn(demoUsers.INTERVIEWER);
  expect((await page.goto(REPORT))?.status()).toBe(404);
  const response = await context.request.get(`/api/w/${DEMO_WORKSPACE}/maps/${DEMO_MAP}/export/fix-list.csv`);
  expect(response.status()).toBe(404);
});
