// The installable capture app with no connection: an interviewer opens it once online, then
// works with the browser offline from the first page load on, and everything recorded lands
// exactly once when the connection is back. A production build on http://localhost, where
// browsers allow service workers.
import type { BrowserContext, Page } from "@playwright/test";
import { expect, test, type TestWorkspaceWithMap } from "./fixtures";
import { expectAccessible } from "./support";

// An interviewer on a phone; the service worker must be allowed to run.
test.use({ viewport: { width: 375, height: 812 }, serviceWorkers: "allow" });

const captureOf = (workspace: TestWorkspaceWithMap) => `/w/${workspace.id}/capture`;

function step(page: Page) {
  return page.getByTestId("capture-step");
}

/** The first touchpoint met and rated (outcome 2, importance 3), every other one not encountered, a feeling, the review. */
async function recordAnswers(page: Page) {
  await page.locator("#capture-next").click();
  await expect(page.getByTestId("touchpoint-step")).toBeVisible();
  await page.keyboard.press("2");
  await page.keyboard.press("3");
  await page.keyboard.press("Enter");
  while (await page.getByTestId("touchpoint-step").count()) {
    const before = await step(page).getAttribute("data-step");
    await page.keyboard.press("n");
    await expect(page.getByTestId("not-encountered-mark")).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(step(page)).not.toHaveAttribute("data-step", before ?? "");
  }
  await page.keyboard.press("4");
  await page.keyboard.press("Control+Enter");
  await expect(step(page).locator("#capture-heading")).toHaveText("Review and submit");
}

async function deviceData(page: Page) {
  return page.evaluate(async () => {
    const cacheNames = (await caches.keys()).filter((name) => name.startsWith("cxmap-"));
    let cachedPages = 0;
    for (const name of cacheNames) {
      const cache = await caches.open(name);
      cachedPages += (await cache.keys()).filter((request) => new URL(request.url).pathname.endsWith("/capture")).length;
    }
    const databases = (await indexedDB.databases()).map((database) => database.name);
    const stored = Object.keys(localStorage).filter((key) => key.startsWith("cxmap:"));
    return { cachedPages, databases, stored };
  });
}

test("offline from the first page load: two interviews recorded, kept through a reload, sent once when back online; sign-out clears the device", async ({
  context,
  page,
  db,
  signIn,
  workspaceWithMap,
}) => {
  const interviewer = workspaceWithMap.members.INTERVIEWER;
  const startedAt = new Date();
  const submittedBefore = await db.interview.count({ where: { workspaceId: workspaceWithMap.id, status: "SUBMITTED" } });
  const firstTouchpoint = await db.touchpoint.findFirstOrThrow({
    where: { mapId: workspaceWithMap.map.id, archivedAt: null },
    orderBy: [{ stage: { position: "asc" } }, { channel: { position: "asc" } }, { position: "asc" }],
    select: { id: true, name: true },
  });

  // Once with a connection: the app installs its worker and keeps the capture page.
  await signIn(interviewer);
  await page.goto(captureOf(workspaceWithMap));
  await expect(page.getByTestId("offline-ready")).toBeVisible({ timeout: 30_000 });
  const manifest = await page.request.get("/manifest.webmanifest");
  expect(manifest.ok()).toBe(true);
  expect(await manifest.json()).toMatchObject({ start_url: "/capture", display: "standalone", theme_color: "#1f2a44" });

  // No connection from here on, from the start of a page load: the installed app's start address.
  await context.setOffline(true);
  await page.goto("/capture");
  await expect(page.getByRole("heading", { name: "Capture", level: 1 })).toBeVisible();
  await expect(page.getByTestId("connection-state")).toHaveText(/Offline/);
  await expect(page.getByTestId("offline-banner")).toBeVisible();

  // First interview: an existing respondent, found among those kept on the device.
  await page.getByRole("button", { name: `Record on ${workspaceWithMap.map.name}` }).click();
  await expect(page.getByTestId("respondent-search")).toBeFocused();
  await page.keyboard.type("R-0001");
  await expect(page.getByText("1 found.")).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("chosen-respondent")).toHaveText("R-0001");
  await recordAnswers(page);
  await page.getByTestId("submit-interview").click();
  await expect(page.getByTestId("outbox-summary")).toHaveText("1 interview waiting: will be sent when you are back online.");

  // Second interview: a new respondent, with a code made on the device.
  await page.getByRole("button", { name: `Record on ${workspaceWithMap.map.name}` }).click();
  await page.getByTestId("new-respondent").click();
  const code = await page.getByLabel("Code").inputValue();
  expect(code).toMatch(/^R-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  await page.getByLabel("Lifecycle stage").selectOption("NEW");
  await recordAnswers(page);
  await page.getByTestId("submit-interview").click();
  await expect(page.getByTestId("outbox-summary")).toHaveText("2 interviews waiting: will be sent when you are back online.");
  await expect(page.getByTestId("outbox-count")).toContainText("2");

  // The phone reloads the tab, still offline: both are still there, in the order recorded.
  await page.reload();
  await expect(page.getByTestId("outbox-summary")).toHaveText("2 interviews waiting: will be sent when you are back online.");
  await expect(page.getByTestId("outbox-item")).toHaveCount(2);
  await expect(page.getByTestId("outbox-item").first()).toContainText("R-0001");
  await expect(page.getByTestId("outbox-item").last()).toContainText(code);
  await expectAccessible(page);

  // Pages that need live data say so plainly.
  await page.goto(`/w/${workspaceWithMap.id}/respondents`);
  await expect(page.getByRole("heading", { name: "This page needs a connection" })).toBeVisible();
  await page.getByRole("link", { name: "open the capture app" }).click();
  await expect(page.getByTestId("outbox-item")).toHaveCount(2);

  // Meanwhile an analyst archives the touchpoint both interviews rated.
  await db.touchpoint.update({ where: { id: firstTouchpoint.id }, data: { archivedAt: new Date() } });

  // Back online: both land, once each, and the interviewer is told about the archived touchpoint.
  await context.setOffline(false);
  await expect(page.getByTestId("outbox-summary")).toHaveText("Nothing waiting: every interview recorded here has been sent.", { timeout: 30_000 });
  await expect(page.getByTestId("outbox-count")).toHaveCount(0);
  const reports = page.getByTestId("outbox-report");
  await expect(reports).toHaveCount(2);
  for (const report of await reports.all()) await expect(report).toContainText("1 touchpoint it answers was archived since");

  const submitted = await db.interview.findMany({
    where: { workspaceId: workspaceWithMap.id, status: "SUBMITTED", interviewerId: interviewer.id, createdAt: { gte: startedAt } },
    select: { id: true, respondent: { select: { code: true } }, observations: { select: { touchpointId: true } } },
  });
  expect(submitted.map((row) => row.respondent?.code).sort()).toEqual(["R-0001", code].sort());
  for (const row of submitted) expect(row.observations.map((observation) => observation.touchpointId)).toEqual([firstTouchpoint.id]);
  // Sending again on the next load changes nothing: exactly two more interviews, one new respondent.
  await page.reload();
  await expect(page.getByTestId("outbox-summary")).toHaveText(/Nothing waiting/);
  expect(await db.interview.count({ where: { workspaceId: workspaceWithMap.id, status: "SUBMITTED" } })).toBe(submittedBefore + 2);
  expect(await db.respondent.count({ where: { workspaceId: workspaceWithMap.id, code } })).toBe(1);

  // Signing out leaves no map design, respondent or interview on the device.
  const before = await deviceData(page);
  expect(before.cachedPages).toBeGreaterThan(0);
  expect(before.databases).toContain("cxmap-field");
  await page.getByRole("button", { name: interviewer.name }).click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.waitForURL(/\/sign-in/);
  expect(await deviceData(page)).toEqual({ cachedPages: 0, databases: [], stored: [] });
  // Offline, the app no longer opens the capture page it had kept.
  await context.setOffline(true);
  await page.goto("/capture");
  await expect(page.getByRole("heading", { name: "This page needs a connection" })).toBeVisible();
  await context.setOffline(false);
});

test("a queued interview whose map was archived meanwhile is kept on the server as a draft, and the interviewer is told", async ({
  context,
  page,
  db,
  signIn,
  workspaceWithMap,
}) => {
  const interviewer = workspaceWithMap.members.INTERVIEWER;
  const startedAt = new Date();
  await signIn(interviewer);
  await page.goto(captureOf(workspaceWithMap));
  await expect(page.getByTestId("offline-ready")).toBeVisible({ timeout: 30_000 });

  await context.setOffline(true);
  await page.reload();
  await page.getByRole("button", { name: `Record on ${workspaceWithMap.map.name}` }).click();
  await page.keyboard.type("R-0002");
  await expect(page.getByText("1 found.")).toBeVisible();
  await page.keyboard.press("Enter");
  await recordAnswers(page);
  await page.getByTestId("submit-interview").click();
  await expect(page.getByTestId("outbox-summary")).toHaveText("1 interview waiting: will be sent when you are back online.");

  await db.journeyMap.update({ where: { id: workspaceWithMap.map.id }, data: { status: "ARCHIVED" } });
  await context.setOffline(false);
  await expect(page.getByTestId("outbox-summary")).toHaveText(/Nothing waiting/, { timeout: 30_000 });
  await expect(page.getByTestId("outbox-report")).toHaveAttribute("data-kind", "held");
  await expect(page.getByTestId("outbox-report")).toContainText("kept on the server as your draft");

  const held = await db.interview.findFirstOrThrow({
    where: { workspaceId: workspaceWithMap.id, interviewerId: interviewer.id, status: "DRAFT", createdAt: { gte: startedAt } },
    select: { id: true, draft: true },
  });
  expect((held.draft as { respondent?: { code?: string } }).respondent?.code).toBe("R-0002");
  expect(await db.auditLog.count({ where: { workspaceId: workspaceWithMap.id, action: "interview.held", entityId: held.id } })).toBe(1);

  // An analyst is told on every view of the map, and finds the draft among the interviews.
  await context.clearCookies();
  await signIn(workspaceWithMap.members.ANALYST);
  await page.goto(`/w/${workspaceWithMap.id}/maps/${workspaceWithMap.map.id}/design`);
  const notice = page.getByTestId("held-interviews");
  await expect(notice).toContainText("1 interview was sent from an interviewer's device after this map was closed to interviews");
  await expect(notice).toContainText("open the map again");
  await notice.getByRole("link", { name: "review them among the interviews" }).click();
  await expect(page).toHaveURL(/status=DRAFT/);
  await expect(page.getByTestId("interview-row")).toHaveCount(1);
  await expect(page.getByTestId("interview-row")).toContainText("Draft");
});

/**
 * The worker in charge once no other is installing or waiting, or null while a hand-over is
 * under way. When the outgoing worker is busy as the new one installs, Chromium hands over only
 * once the outgoing one has stopped, and a browser stops an idle worker after a while. With
 * DevTools attached, as Playwright is, it was seen not to within a minute, so an outgoing
 * worker still running is stopped here, as the browser would stop it once idle.
 */
async function handOver(context: BrowserContext, page: Page): Promise<string | null> {
  const state = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    const incoming = registration?.installing ?? registration?.waiting ?? null;
    const active = registration?.active?.scriptURL ?? null;
    return { incoming: incoming?.scriptURL ?? null, active, controller: navigator.serviceWorker.controller?.scriptURL ?? null };
  });
  if (!state.incoming) return state.controller === state.active ? state.active : null;
  const cdp = await context.newCDPSession(page);
  try {
    const versions = new Promise<{ versionId: string; scriptURL: string; status: string; runningStatus: string }[]>((resolve) =>
      cdp.once("ServiceWorker.workerVersionUpdated", (event) => resolve(event.versions)),
    );
    await cdp.send("ServiceWorker.enable");
    for (const version of await versions) {
      if (version.scriptURL === state.active && version.status === "activated" && version.runningStatus === "running") {
        await cdp.send("ServiceWorker.stopWorker", { versionId: version.versionId });
      }
    }
  } finally {
    await cdp.detach();
  }
  return null;
}

test("a new deployment's worker replaces the cached shell on the next load and strands no queued interview", async ({ context, page, db, signIn, workspaceWithMap }) => {
  const interviewer = workspaceWithMap.members.INTERVIEWER;
  const startedAt = new Date();
  await signIn(interviewer);
  await page.goto(captureOf(workspaceWithMap));
  await expect(page.getByTestId("offline-ready")).toBeVisible({ timeout: 30_000 });

  // The submissions do not get through (the server is out of reach for them): one interview waits.
  await context.route("**/submission", (route) => route.abort("internetdisconnected"));
  await page.getByRole("button", { name: `Record on ${workspaceWithMap.map.name}` }).click();
  await page.keyboard.type("R-0003");
  await expect(page.getByText("1 found.")).toBeVisible();
  await page.keyboard.press("Enter");
  await recordAnswers(page);
  await page.getByTestId("submit-interview").click();
  await expect(page.getByTestId("outbox-item")).toHaveCount(1);
  await expect(page.getByTestId("outbox-item")).toContainText("No connection");

  // A new deployment: the worker of another build takes over and drops the old build's caches.
  const oldCaches = await page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith("cxmap-")));
  expect(oldCaches.length).toBeGreaterThan(0);
  const thisBuildsWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
  expect(thisBuildsWorker).toMatch(/\/sw\.js\?v=/);
  await page.evaluate(async () => {
    await navigator.serviceWorker.register("/sw.js?v=next-deployment", { scope: "/" });
  });
  await expect
    .poll(async () => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith("cxmap-")).sort()), { timeout: 30_000 })
    .toEqual(["cxmap-shell-next-deployment", "cxmap-static-next-deployment"]);
  // The page hands the new worker what to keep, and the queued interview is still there.
  await expect
    .poll(async () => page.evaluate(async () => Boolean(await caches.match(location.pathname, { cacheName: "cxmap-shell-next-deployment" }))), { timeout: 30_000 })
    .toBe(true);
  await page.reload();
  await expect(page.getByTestId("outbox-item")).toHaveCount(1);
  // The reloaded page comes from this build, so it puts this build's worker back in charge (a
  // deployment the other way round). Wait for that hand-over before reloading again.
  await expect.poll(() => handOver(context, page), { timeout: 30_000, intervals: [500, 1_000, 2_000] }).toBe(thisBuildsWorker);

  // Signing out now would delete it from the device: cxmap asks first, and "Cancel" keeps everything.
  const question = new Promise<string>((resolve) =>
    page.once("dialog", (dialog) => {
      resolve(dialog.message());
      void dialog.dismiss();
    }),
  );
  await page.getByRole("button", { name: interviewer.name }).click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  expect(await question).toBe("1 interview recorded on this device has not been sent yet. Signing out deletes it from this device. Sign out anyway?");
  await expect(page).toHaveURL(new RegExp(`${captureOf(workspaceWithMap)}$`));
  await page.reload();
  await expect(page.getByTestId("outbox-item")).toHaveCount(1);

  // The server is reachable again: the next load sends it, once.
  await context.unroute("**/submission");
  await page.reload();
  await expect(page.getByTestId("outbox-summary")).toHaveText(/Nothing waiting/, { timeout: 30_000 });
  expect(await db.interview.count({ where: { workspaceId: workspaceWithMap.id, status: "SUBMITTED", createdAt: { gte: startedAt } } })).toBe(1);
});

test("the capture app is refused to a manager and to a member of another workspace, and its start address leads to your own", async ({
  browser,
  demoUsers,
  page,
  signIn,
  workspaceWithMap,
}) => {
  await signIn(workspaceWithMap.members.MANAGER);
  await page.goto(captureOf(workspaceWithMap));
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByTestId("capture-nav")).toHaveCount(0);

  const stranger = await browser.newContext();
  try {
    await signIn(demoUsers.INTERVIEWER, stranger);
    const other = await stranger.newPage();
    await other.goto(captureOf(workspaceWithMap));
    await expect(other.getByRole("heading", { name: "Page not found" })).toBeVisible();
    // The installed app's start address opens the capture list of the interviewer's own workspace.
    await other.goto("/capture");
    await expect(other).toHaveURL(/\/w\/[^/]+\/capture$/);
    expect(other.url()).not.toContain(workspaceWithMap.id);
    await expect(other.getByRole("heading", { name: "Capture", level: 1 })).toBeVisible();
  } finally {
    await stranger.close();
  }
});
