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
