// An analyst brings a Qualtrics export in through the mapping step and sees it in the matrix.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";
import { expectAccessible } from "./support";

function qualtricsFile(day: string): string {
  const question = "Checkout queue - I wait less than five minutes";
  const rows = [
    `StartDate,EndDate,Status,RecordedDate,ResponseId,Q1_1,Q1_2,Q2,Q3`,
    `Start Date,End Date,Response Type,Recorded Date,Response ID,${question} - How did it go?,${question} - How important was it?,Overall how did you feel?,Customer code`,
    `"{""ImportId"":""startDate""}","{""ImportId"":""endDate""}","{""ImportId"":""status""}","{""ImportId"":""recordedDate""}","{""ImportId"":""_recordId""}","{""ImportId"":""QID1_1""}","{""ImportId"":""QID1_2""}","{""ImportId"":""QID2""}","{""ImportId"":""QID3""}"`,
    `${day} 09:01:02,${day} 09:05:40,IP Address,${day} 09:05:41,R_e2e0001,Exceeded expectations,Very important,Loved it,QX-001`,
    `${day} 10:11:12,${day} 10:15:00,IP Address,${day} 10:15:01,R_e2e0002,Missed expectations,Important,Disliked it,QX-002`,
    `${day} 11:11:12,${day} 11:15:00,IP Address,${day} 11:15:01,R_e2e0003,Met expectations,Mattered,Eh,QX-003`,
  ];
  const file = path.join(mkdtempSync(path.join(tmpdir(), "cxmap-import-")), "qualtrics-export.csv");
  writeFileSync(file, `\uFEFF${rows.join("\r\n")}\r\n`);
  return file;
}

const BIG_ROWS = 40_000;

/**
 * A long Qualtrics export: one interview a row, long enough that the import runs for several
 * seconds and its progress is seen. Every value appears in the first rows, which the mapping
 * step samples.
 */
function bigQualtricsFile(day: string, count: number): string {
  const question = "Checkout queue - I wait less than five minutes";
  const outcomes = ["Exceeded expectations", "Missed expectations", "Met expectations"];
  const importance = ["Very important", "Important", "Mattered"];
  const feelings = ["Loved it", "Disliked it", "Eh"];
  const lines = [
    `StartDate,EndDate,Status,RecordedDate,ResponseId,Q1_1,Q1_2,Q2,Q3`,
    `Start Date,End Date,Response Type,Recorded Date,Response ID,${question} - How did it go?,${question} - How important was it?,Overall how did you feel?,Customer code`,
    `"{""ImportId"":""startDate""}","{""ImportId"":""endDate""}","{""ImportId"":""status""}","{""ImportId"":""recordedDate""}","{""ImportId"":""_recordId""}","{""ImportId"":""QID1_1""}","{""ImportId"":""QID1_2""}","{""ImportId"":""QID2""}","{""ImportId"":""QID3""}"`,
  ];
  for (let index = 0; index < count; index += 1) {
    const number = String(index + 1).padStart(6, "0");
    lines.push(
      `${day} 09:01:02,${day} 09:05:40,IP Address,${day} 09:05:41,R_big${number},${outcomes[index % 3]},${importance[(index >> 1) % 3]},${feelings[(index >> 2) % 3]},QB-${number}`,
    );
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), "cxmap-import-")), "qualtrics-long-export.csv");
  writeFileSync(file, `\uFEFF${lines.join("\r\n")}\r\n`);
  return file;
}

/** The numbers the progress view shows under its bar. */
function progressNumbers(text: string | null) {
  const found = (text ?? "").match(/^(\d+)% · ([\d,]+) rows? read · ([\d,]+) rows\/s · about (?:(\d+) h )?(?:(\d+) min)? ?(?:(\d+) s)? left$/);
  if (!found) return null;
  const number = (value: string | undefined) => Number((value ?? "0").replace(/,/g, ""));
  return {
    percent: number(found[1]),
    rows: number(found[2]),
    rowsPerSecond: number(found[3]),
    secondsLeft: number(found[4]) * 3600 + number(found[5]) * 60 + number(found[6]),
  };
}

function interviewsIn(text: string | null): number {
  return Number((text ?? "").replace(/,/g, "").match(/^(\d+) interviews/)?.[1] ?? NaN);
}

test("an analyst imports a Qualtrics export through the mapping step, sees it land, and the matrix counts it", async ({ page, signIn, workspaceWithMap }) => {
  const base = `/w/${workspaceWithMap.id}/maps/${workspaceWithMap.map.id}`;
  await signIn(workspaceWithMap.members.ANALYST);
  await page.goto(`${base}/matrix`);
  const before = interviewsIn(await page.getByTestId("filter-counts").textContent());
  expect(before).toBeGreaterThan(0);

  await page.getByRole("navigation", { name: "Map views" }).getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: "Import interviews" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/CSV file/).setInputFiles(qualtricsFile(new Date().toISOString().slice(0, 10)));
  await page.getByRole("button", { name: "Upload and map columns" }).click();

  // The mapping step: the tool is recognised and the columns and values are suggested.
  await expect(page.getByText("Qualtrics export")).toBeVisible();
  await expect(page.getByLabel("What column ResponseId holds")).toHaveValue("interviewId");
  await expect(page.getByLabel("What column Q3 holds")).toHaveValue("respondentCode");
  await expect(page.getByLabel("What column Q1_1 holds").locator("option:checked")).toHaveText(/Checkout queue › I wait less than five minutes: outcome/);
  await expect(page.getByLabel("Meaning of “Exceeded expectations” (Outcome)")).toHaveValue("EXCEEDED");
  await expect(page.getByLabel("Meaning of “Very important” (Importance)")).toHaveValue("5");
  await expect(page.getByLabel("Meaning of “Loved it” (Feeling (and overall feeling))")).toHaveValue("LOVE");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Import", exact: true }).click();

  await expect(page.getByRole("status").filter({ hasText: "interviews and" })).toHaveText(/3 interviews and 3 observations added from 3 rows\./, { timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Undo this import" })).toBeVisible();
  await expectAccessible(page);

  await page.goto(`${base}/import`);
  const history = page.getByRole("table", { name: "Imports into this map, newest first" });
  await expect(history.getByRole("row").nth(1)).toContainText("qualtrics-export.csv");
  await expect(history.getByRole("row").nth(1)).toContainText("Imported");

  await page.goto(`${base}/matrix`);
  await expect.poll(async () => interviewsIn(await page.getByTestId("filter-counts").textContent()), { timeout: 15_000 }).toBe(before + 3);
});

test("a long import shows its progress, keeps running when the analyst leaves the page, and lands in the history", async ({ page, signIn, workspaceWithMap }) => {
  const base = `/w/${workspaceWithMap.id}/maps/${workspaceWithMap.map.id}`;
  await signIn(workspaceWithMap.members.ANALYST);
  await page.goto(`${base}/import`);
  await page.getByLabel(/CSV file/).setInputFiles(bigQualtricsFile(new Date().toISOString().slice(0, 10), BIG_ROWS));
  await page.getByRole("button", { name: "Upload and map columns" }).click();
  await expect(page.getByText("Qualtrics export")).toBeVisible();
  await expect(page.getByLabel("What column ResponseId holds")).toHaveValue("interviewId");
  await expect(page.getByLabel("Meaning of “Mattered” (Importance)")).not.toHaveValue("");
  const importPage = page.url();
  const clickedAt = Date.now();
  await page.getByRole("button", { name: "Import", exact: true }).click();

  // The progress view: an accessible progress bar whose value grows from one poll to the next,
  // with the rows read, the rate and the time left, all plausible.
  const bar = page.getByRole("progressbar", { name: "Import progress" });
  await expect(bar).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("heading", { name: /^Importing qualtrics-long-export\.csv$/ })).toBeVisible();
  await expect(bar).toHaveAttribute("aria-valuemin", "0");
  await expect(bar).toHaveAttribute("aria-valuemax", "100");
  const summary = page.getByTestId("import-progress-summary");
  await expect.poll(async () => progressNumbers(await summary.textContent())?.rows ?? 0, { timeout: 20_000, intervals: [100] }).toBeGreaterThan(0);
  // Bar and text read at once, so that no poll falls between them.
  const snapshot = await page.evaluate(() => {
    const progressbar = document.querySelector('[role="progressbar"]');
    return {
      value: progressbar?.getAttribute("aria-valuenow") ?? null,
      valueText: progressbar?.getAttribute("aria-valuetext") ?? null,
      text: document.querySelector('[data-testid="import-progress-summary"]')?.textContent ?? null,
    };
  });
  const secondsSinceClick = (Date.now() - clickedAt) / 1000;
  const first = Number(snapshot.value);
  const seen = progressNumbers(snapshot.text);
  expect(snapshot.valueText).toBe(snapshot.text);
  expect(seen).not.toBeNull();
  const shown = seen!;
  expect(shown.percent).toBe(first);
  expect(shown.percent).toBeLessThan(100);
  expect(shown.rows).toBeLessThan(BIG_ROWS);
  // The rate is rows read over the time the job has run, which is less than the time since the
  // click: at least the rows shown over that time (with slack for the half-second the server
  // waits between progress writes), and not wildly more.
  expect(shown.rowsPerSecond).toBeGreaterThanOrEqual(Math.floor((shown.rows / (secondsSinceClick + 1)) * 0.5));
  expect(shown.rowsPerSecond).toBeLessThanOrEqual(shown.rows * 10);
  // The time left is about the rows left at that rate (the server counts bytes, a row is a row's bytes here).
  const expectedLeft = (BIG_ROWS - shown.rows) / shown.rowsPerSecond;
  expect(shown.secondsLeft).toBeGreaterThanOrEqual(Math.floor(expectedLeft * 0.5) - 1);
  expect(shown.secondsLeft).toBeLessThanOrEqual(Math.ceil(expectedLeft * 2) + 2);
  await page.screenshot({ path: test.info().outputPath("import-progress.png"), fullPage: true });
  await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow")), { timeout: 30_000, intervals: [250] }).toBeGreaterThan(first);
  await expectAccessible(page);

  // Leaving the page does not stop the import: back on its page it runs on or has finished.
  await page.goto(`${base}/matrix`);
  await page.goto(importPage);
  await expect(page.getByRole("progressbar", { name: "Import progress" }).or(page.getByRole("heading", { name: "Imported", exact: true }))).toBeVisible();
  const done = `${BIG_ROWS.toLocaleString("en")} interviews and ${BIG_ROWS.toLocaleString("en")} observations added from ${BIG_ROWS.toLocaleString("en")} rows.`;
  await expect(page.getByRole("status").filter({ hasText: "interviews and" })).toHaveText(done, { timeout: 120_000 });

  await page.goto(`${base}/import`);
  const history = page.getByRole("table", { name: "Imports into this map, newest first" });
  const row = history.getByRole("row").filter({ hasText: "qualtrics-long-export.csv" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(BIG_ROWS.toLocaleString("en"));
  await expect(row).toContainText("Imported");
});
