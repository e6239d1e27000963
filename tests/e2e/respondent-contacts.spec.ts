// Respondents' contact details as personal data, in the browser: an interviewer sees them only
// for respondents they added or interviewed, and an admin erases them on request.
import { expect, test } from "./fixtures";
import { expectAccessible } from "./support";

test("an interviewer sees contact details only for respondents they added; others read as hidden", async ({ db, page, signIn, workspace }) => {
  const interviewer = workspace.members.INTERVIEWER;
  const theirs = await db.respondent.create({
    data: { workspaceId: workspace.id, code: "CT-MINE", lifecycleStage: "NEW", contactName: "Mina Mine", contactEmail: "mina@example.com", createdById: interviewer.id },
  });
  const hidden = await db.respondent.create({
    data: { workspaceId: workspace.id, code: "CT-HIDDEN", lifecycleStage: "NEW", contactName: "Hugo Hidden", contactEmail: "hugo@example.com" },
  });
  await signIn(interviewer);

  await page.goto(`/w/${workspace.id}/respondents`);
  const row = (code: string) => page.getByTestId("respondent-row").filter({ hasText: code });
  await expect(row("CT-MINE").getByTestId("respondent-contact")).toHaveText("Mina Mine, mina@example.com");
  await expect(row("CT-HIDDEN").getByTestId("respondent-contact")).toHaveText("Hidden");
  await expect(page.getByText("Hugo Hidden")).toHaveCount(0);

  // Searching by the hidden name finds nobody; by their own respondent's name, that respondent.
  await page.getByLabel("Code, segment, name or email").fill("hugo");
  await page.getByRole("button", { name: "Find", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Nobody matches" })).toBeVisible();
  await page.getByLabel("Code, segment, name or email").fill("mina");
  await page.getByRole("button", { name: "Find", exact: true }).click();
  await expect(page.getByTestId("respondent-row")).toHaveCount(1);
  await expect(row("CT-MINE")).toBeVisible();

  await page.goto(`/w/${workspace.id}/respondents/${hidden.id}`);
  await expect(page.getByTestId("contact-notice")).toContainText("Contact details hidden");
  await expect(page.getByLabel("Name", { exact: true })).toHaveCount(0);
  expect(await page.content()).not.toMatch(/Hugo Hidden|hugo@example\.com/);
  // Saving the rest of the profile keeps the hidden details as they are.
  await page.getByLabel("Segment").fill("Walk-ins");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Respondent CT-HIDDEN is saved.")).toBeVisible();
  expect(await db.respondent.findUniqueOrThrow({ where: { id: hidden.id } })).toMatchObject({
    segment: "Walk-ins",
    contactName: "Hugo Hidden",
    contactEmail: "hugo@example.com",
  });

  await page.goto(`/w/${workspace.id}/respondents/${theirs.id}`);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Mina Mine");
  await expect(page.getByLabel("Email")).toHaveValue("mina@example.com");
});

test("an admin erases a respondent's personal data after a dialog that says what stays", async ({ db, page, signIn, workspaceWithMap }) => {
  const respondent = await db.respondent.findFirstOrThrow({
    where: { workspaceId: workspaceWithMap.id, interviews: { some: { status: "SUBMITTED" } } },
    select: { id: true, code: true },
  });
  await db.respondent.update({ where: { id: respondent.id }, data: { contactName: "Erin Erasable", contactEmail: "erin@example.com" } });
  const observationsBefore = await db.observation.count({ where: { interview: { respondentId: respondent.id } } });
  await signIn(workspaceWithMap.members.ADMIN);

  await page.goto(`/w/${workspaceWithMap.id}/respondents/${respondent.id}`);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Erin Erasable");
  await page.getByRole("button", { name: "Erase personal data" }).click();
  const dialog = page.getByRole("dialog", { name: `Erase the personal data of ${respondent.code}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("The contact name and email.");
  await expect(dialog).toContainText("Every interview and observation, so the analysis does not change.");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Erase personal data" }).click();

  await expect(page.getByTestId("contact-notice")).toContainText("Personal data erased on request");
  await expect(page.getByText("Erased", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Erase personal data" })).toHaveCount(0);
  await expect(page.getByLabel("Name", { exact: true })).toHaveCount(0);
  // The first load's document still carries what it was rendered with: load the page afresh.
  await page.reload();
  await expect(page.getByTestId("contact-notice")).toContainText("Personal data erased on request");
  expect(await page.content()).not.toMatch(/Erin Erasable|erin@example\.com/);

  const stored = await db.respondent.findUniqueOrThrow({ where: { id: respondent.id } });
  expect(stored).toMatchObject({ code: respondent.code, contactName: null, contactEmail: null, erasedById: workspaceWithMap.members.ADMIN.id });
  expect(stored.erasedAt).not.toBeNull();
  expect(await db.observation.count({ where: { interview: { respondentId: respondent.id } } })).toBe(observationsBefore);

  await page.goto(`/w/${workspaceWithMap.id}/respondents?q=${respondent.code}`);
  await expect(page.getByTestId("respondent-row").getByTestId("respondent-contact")).toHaveText("Erased");
});
