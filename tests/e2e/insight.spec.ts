// Read-only tests on the demo workspace, whose data carries known patterns (DEMO_TRUTHS): a
// manager finds on the overview what changed, which basic fails and where the channels
// disagree, and follows each to where it is explained.
import { expect, test } from "./fixtures";
import { DEMO_MAP, DEMO_WORKSPACE, expectAccessible } from "./support";
import { DEMO_TRUTHS } from "@/prisma/seed/demo";

const MAP = `/w/${DEMO_WORKSPACE}/maps/${DEMO_MAP}`;

test("a manager lands on the overview, sees the alert, the failing basic and the inconsistent stage, and follows each", async ({
  demoUsers,
  page,
  signIn,
}, testInfo) => {
  await signIn(demoUsers.MANAGER);
  await page.goto(`/w/${DEMO_WORKSPACE}`);
  await page.getByRole("link", { name: "In-store purchase", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${MAP}/overview$`));
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  const tabs = page.getByRole("navigation", { name: "Map views" });
  await expect(tabs.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");

  // Interviews against the target and the segment quotas, and the period covered.
  await expect(page.getByRole("progressbar", { name: "Interviews toward the map's target" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Interviews per segment quota" }).getByRole("listitem")).toHaveCount(4);
  await expect(page.getByText(/What this map has found, from [\d,]+ interviews conducted /)).toBeVisible();
  await expect(page.getByTestId("overview-fix-list").getByRole("listitem")).toHaveCount(5);
  await expect(page.getByTestId("overview-fix-list").getByRole("listitem").first()).toContainText(DEMO_TRUTHS.topPain);

  const alert = page.getByTestId("overview-alerts").getByRole("listitem").filter({ hasText: DEMO_TRUTHS.worsening.touchpoint });
  await expect(alert).toContainText("Worse");
  await expect(alert).toContainText(/p [<=] 0\.0/);
  // A planted basic is among the failing ones (other touchpoints may be basics too).
  const basics = await page.getByTestId("overview-failing-basics").getByRole("link").allTextContents();
  const failingBasic = basics.find((name) => (DEMO_TRUTHS.basics as readonly string[]).includes(name))!;
  expect(failingBasic, `failing basics: ${basics.join(", ")}`).toBeTruthy();
  const stage = page.getByTestId("overview-inconsistent").getByRole("listitem");
  await expect(stage).toHaveCount(1);
  await expect(stage).toContainText(DEMO_TRUTHS.inconsistentStage.stage);
  for (const channel of DEMO_TRUTHS.inconsistentStage.channels) await expect(stage).toContainText(channel);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("overview.png"), fullPage: true });

  // The alert leads to the touchpoint's drill-down, which also shows its class.
  await alert.getByRole("link", { name: DEMO_TRUTHS.worsening.touchpoint }).click();
  await expect(page.getByRole("heading", { name: DEMO_TRUTHS.worsening.touchpoint, level: 1 })).toBeVisible();
  await expect(page.getByTestId("touchpoint-asymmetry")).toContainText("Impact asymmetry");
  await expectAccessible(page);

  // The failing basic leads to the basics-and-delighters view, where it is listed and explained.
  await page.goBack();
  await page.getByTestId("overview-failing-basics").getByRole("link", { name: failingBasic }).click();
  await expect(page).toHaveURL(new RegExp(`${MAP}/asymmetry#failing-basics$`));
  await expect(page.getByRole("heading", { name: "Basics and delighters", level: 1 })).toBeVisible();
  await expect(page.getByTestId("failing-basics")).toContainText(failingBasic);
  const delighters = page.getByTestId("working-delighters");
  await expect(delighters.getByRole("link").filter({ hasText: new RegExp(DEMO_TRUTHS.delighters.join("|")) }).first()).toBeVisible();
  for (const name of DEMO_TRUTHS.basics) await expect(page.getByTestId("asymmetry-row").filter({ hasText: name })).toContainText("Basic");
  for (const name of DEMO_TRUTHS.delighters) await expect(page.getByTestId("asymmetry-row").filter({ hasText: name })).toContainText("Delighter");
  await expect(page.getByTestId("asymmetry-point").first()).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("asymmetry.png"), fullPage: true });

  // The inconsistent stage leads to the channels compared side by side.
  await page.goBack();
  await page.getByTestId("overview-inconsistent").getByRole("link", { name: DEMO_TRUTHS.inconsistentStage.stage }).click();
  await expect(page).toHaveURL(new RegExp(`${MAP}/consistency#stage-`));
  await expect(page.getByRole("heading", { name: "Channel consistency", level: 1 })).toBeVisible();
  const flagged = page.getByTestId("consistency-row").filter({ hasText: "Channels disagree" });
  await expect(flagged).toHaveCount(1);
  await expect(flagged).toContainText(DEMO_TRUTHS.inconsistentStage.stage);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("consistency.png"), fullPage: true });

  // The journey marks the stage on its header, and the fix list carries each touchpoint's class.
  await tabs.getByRole("link", { name: "Journey" }).click();
  const marker = page.getByTestId("stage-marker");
  await expect(marker).toHaveCount(1);
  await expect(marker).toContainText("Channels disagree");
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("journey.png"), fullPage: true });
  await tabs.getByRole("link", { name: "Priority matrix" }).click();
  await expect(page.getByTestId("fix-list-row").filter({ hasText: failingBasic }).getByTestId("fix-list-class")).toContainText("Basic");
});

test("an interviewer cannot open the overview, the basics and delighters or the channel comparison", async ({ demoUsers, page, signIn }) => {
  await signIn(demoUsers.INTERVIEWER);
  for (const view of ["overview", "asymmetry", "consistency"]) {
    expect((await page.goto(`${MAP}/${view}`))?.status(), view).toBe(404);
  }
});
