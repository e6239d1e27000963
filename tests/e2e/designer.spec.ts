// An analyst designs journey maps in the browser: from scratch and from a template, by
// keyboard and by mouse; managers see the journey, interviewers cannot change it. Every
// test that designs does it in a workspace of its own and leaves the demo workspace alone.
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DEMO_MAP, DEMO_WORKSPACE, expectAccessible } from "./support";

const mapsOf = (workspaceId: string) => `/w/${workspaceId}`;

function cell(page: Page, stage: string, channel: string): Locator {
  return page.locator(`[data-testid="designer-cell"][data-stage="${stage}"][data-channel="${channel}"]`);
}

function cardNames(container: Locator) {
  return container.getByTestId("designer-touchpoint").getByRole("button", { name: /^Edit / });
}

function announcer(page: Page) {
  return page.getByTestId("designer-announcer");
}

/** Presses a control from the keyboard (focus, then Enter), as someone without a mouse does. */
async function press(control: Locator) {
  await control.focus();
  await control.press("Enter");
}

async function newMap(page: Page, workspaceId: string, name: string, template: "Blank map" | "Retail store" | "Telecom service") {
  await page.goto(mapsOf(workspaceId));
  await page.getByRole("link", { name: "New map" }).click();
  await expect(page.getByRole("heading", { name: "New journey map" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(template).check();
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create map" }).click();
  await page.waitForURL(/\/design$/);
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(name) })).toBeVisible();
}

async function addLane(page: Page, kind: "stage" | "channel", name: string) {
  await page.getByRole("textbox", { name: `New ${kind}` }).fill(name);
  await page.getByRole("button", { name: `Add ${kind}` }).click();
  await expect(announcer(page)).toHaveText(`Added the ${kind} "${name}".`);
}

async function addTouchpoint(
  page: Page,
  where: { stage: string; channel: string },
  touchpoint: { name: string; prompt: string; momentOfTruth?: boolean; expectations: string[] },
) {
  await page.getByRole("button", { name: `Add a touchpoint in ${where.stage}, ${where.channel}` }).click();
  const dialog = page.getByRole("dialog", { name: "Add a touchpoint" });
  await dialog.getByLabel("Name").fill(touchpoint.name);
  await dialog.getByLabel("Question prompt for interviewers").fill(touchpoint.prompt);
  if (touchpoint.momentOfTruth) await dialog.getByLabel("Moment of truth").check();
  await dialog.getByRole("button", { name: "Add touchpoint" }).click();
  // The dialog moves on to the new touchpoint's expectations, ready for typing.
  const editor = page.getByRole("dialog", { name: touchpoint.name });
  await expect(editor.getByRole("tab", { name: /Expectations/ })).toHaveAttribute("aria-selected", "true");
  const input = editor.getByLabel("New expectation");
  await expect(input).toBeFocused();
  for (const text of touchpoint.expectations) {
    await input.fill(text);
    await input.press("Enter");
    await expect(editor.getByTestId("designer-expectation").filter({ hasText: text })).toBeVisible();
  }
  await page.keyboard.press("Escape");
  await expect(editor).toBeHidden();
}

test("an analyst builds a small map from scratch, reorders it by keyboard, archives and restores, and sees the journey", async ({ page, pageAs, signIn, workspace }) => {
  await signIn(workspace.members.ANALYST);
  const name = "Phone repair";
  await newMap(page, workspace.id, name, "Blank map");
  await expect(page.getByRole("heading", { name: "Lay out the journey" })).toBeVisible();
  await expectAccessible(page);

  // A duplicate name is refused next to the field, and nothing is added.
  await addLane(page, "stage", "Book");
  await page.getByRole("textbox", { name: "New stage" }).fill("book");
  await page.getByRole("button", { name: "Add stage" }).click();
  await expect(page.getByText('There is already a stage called "book" in this map. Choose another name.')).toBeVisible();
  await expect(page.getByRole("textbox", { name: "New stage" })).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("textbox", { name: "New stage" }).fill("");

  await addLane(page, "stage", "Repair");
  await addLane(page, "channel", "Web");
  await addLane(page, "channel", "Store");
  await expect(page.getByTestId("designer-grid")).toBeVisible();

  await addTouchpoint(page, { stage: "Book", channel: "Web" }, {
    name: "Online booking",
    prompt: "Tell me about booking the repair.",
    expectations: ["I can pick a time slot", "The price is shown up front"],
  });
  await addTouchpoint(page, { stage: "Book", channel: "Web" }, {
    name: "Booking confirmation",
    prompt: "Tell me about what happened after you booked.",
    expectations: ["I get a confirmation email"],
  });
  await addTouchpoint(page, { stage: "Repair", channel: "Store" }, {
    name: "Device hand-over",
    prompt: "Walk me through handing over your phone.",
    momentOfTruth: true,
    expectations: ["Someone is free to take it", "I am told when it will be ready"],
  });
  await expect(page.getByTestId("designer-touchpoint")).toHaveCount(3);
  await expectAccessible(page);

  // Keyboard: move the confirmation up within its cell; focus stays with the moved card.
  const bookWeb = cell(page, "Book", "Web");
  await expect(cardNames(bookWeb)).toHaveText(["Online booking", "Booking confirmation"]);
  await press(page.getByRole("button", { name: "Move Booking confirmation up" }));
  await expect(cardNames(bookWeb)).toHaveText(["Booking confirmation", "Online booking"]);
  await expect(announcer(page)).toHaveText("Booking confirmation moved to position 1 of 2 in Book, Web.");
  // Now at the top, "up" is disabled: the focus went to its neighbour, not to the page.
  await expect(page.getByRole("button", { name: "Move Booking confirmation down" })).toBeFocused();

  // Keyboard: swap the stages.
  await press(page.getByRole("button", { name: "Move stage Repair left" }));
  await expect(page.getByTestId("designer-stage")).toHaveText([/Repair/, /Book/]);
  await expect(announcer(page)).toHaveText("Stage Repair moved to position 1 of 2.");

  // Keyboard: the card's menu, "Move to…", into another cell.
  const menuButton = page.getByRole("button", { name: "Actions for Online booking" });
  await menuButton.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: "Actions for Online booking" });
  await expect(menu.getByRole("menuitem").first()).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Move to…" })).toBeFocused();
  await page.keyboard.press("Enter");
  const moveDialog = page.getByRole("dialog", { name: 'Move "Online booking"' });
  await expect(moveDialog.getByLabel("Stage")).toBeFocused();
  await moveDialog.getByLabel("Channel").selectOption({ label: "Store" });
  await expectAccessible(page);
  await moveDialog.getByRole("button", { name: "Move here" }).click();
  await expect(cardNames(cell(page, "Book", "Store"))).toHaveText(["Online booking"]);
  await expect(announcer(page)).toHaveText("Online booking moved to position 1 of 1 in Book, Store.");

  // Keyboard: reorder expectations in the editor.
  await page.getByRole("button", { name: "Edit Device hand-over" }).click();
  const editor = page.getByRole("dialog", { name: "Device hand-over" });
  await editor.getByRole("tab", { name: "Expectations (2)" }).click();
  await press(editor.getByRole("button", { name: 'Move "I am told when it will be ready" up' }));
  await expect(editor.getByTestId("designer-expectation")).toHaveText([/I am told when it will be ready/, /Someone is free to take it/]);
  await expectAccessible(page);
  await page.keyboard.press("Escape");

  // Archive a touchpoint: it leaves the grid, keeps its data, and comes back from Archived.
  await page.getByRole("button", { name: "Actions for Booking confirmation" }).click();
  await page.getByRole("menuitem", { name: "Archive" }).click();
  await expect(page.getByTestId("designer-touchpoint").filter({ hasText: "Booking confirmation" })).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: 'Archived the touchpoint "Booking confirmation"' }).first()).toBeVisible();
  await page.getByRole("navigation", { name: "Map designer" }).getByRole("link", { name: /Archived/ }).click();
  const row = page.getByTestId("archived-touchpoint").filter({ hasText: "Booking confirmation" });
  await expect(row).toContainText("Book, Web");
  await expectAccessible(page);
  await row.getByRole("button", { name: "Restore Booking confirmation" }).click();
  await expect(page.getByRole("heading", { name: "Nothing archived" })).toBeVisible();
  await page.getByRole("navigation", { name: "Map designer" }).getByRole("link", { name: "Grid" }).click();
  await expect(cardNames(cell(page, "Book", "Web"))).toHaveText(["Booking confirmation"]);

  // The journey view shows the same map, read-only.
  await page.getByRole("link", { name: "View journey" }).click();
  const journey = page.getByRole("table", { name: `Touchpoints of ${name} by stage and channel` });
  await expect(journey).toBeVisible();
  await expect(journey.getByRole("columnheader")).toHaveText(["Channel", "Repair", "Book"]);
  await expect(page.getByTestId("journey-touchpoint")).toHaveCount(3);
  const handOver = page.getByTestId("journey-touchpoint").filter({ hasText: "Device hand-over" });
  await expect(handOver).toContainText("Moment of truth");
  await expect(handOver).toContainText("2 expectations");
  await expect(journey.getByRole("button")).toHaveCount(0);
  await expectAccessible(page);

  // A manager sees the journey but cannot open the designer; an interviewer sees neither.
  const managerPage = await pageAs(workspace.members.MANAGER);
  const url = new URL(page.url()).pathname;
  await managerPage.goto(url);
  await expect(managerPage.getByTestId("journey-touchpoint")).toHaveCount(3);
  await expect(managerPage.getByRole("link", { name: "Design map" })).toHaveCount(0);
  expect((await managerPage.goto(`${url}/design`))?.status()).toBe(404);
  await managerPage.close();
  const interviewerPage = await pageAs(workspace.members.INTERVIEWER);
  expect((await interviewerPage.goto(`${url}/design`))?.status()).toBe(404);
  expect((await interviewerPage.goto(url))?.status()).toBe(404);
  await interviewerPage.close();
});

test("an analyst starts from the telecom template, reorders by keyboard and by dragging, and sees the journey", async ({ page, signIn, workspace }) => {
  // Tall enough to drag from the last row to the first without scrolling mid-drag.
  await page.setViewportSize({ width: 1400, height: 2000 });
  await signIn(workspace.members.ANALYST);
  const name = "Broadband";
  await newMap(page, workspace.id, name, "Telecom service");
  await expect(page.getByTestId("designer-stage")).toHaveText([/Sign up/, /Get connected/, /Billing/, /Support/, /Renewal/]);
  await expect(page.getByTestId("designer-touchpoint")).toHaveCount(14);
  await expectAccessible(page);

  // Keyboard reorder within a cell.
  const signUpWeb = cell(page, "Sign up", "Web");
  await expect(cardNames(signUpWeb)).toHaveText(["Plan comparison", "Online order"]);
  await press(page.getByRole("button", { name: "Move Plan comparison down" }));
  await expect(cardNames(signUpWeb)).toHaveText(["Online order", "Plan comparison"]);
  await expect(announcer(page)).toHaveText("Plan comparison moved to position 2 of 2 in Sign up, Web.");

  // Drag a card into an empty cell, and a channel header to the top.
  await page.getByTestId("designer-touchpoint").filter({ hasText: "Device upgrade" }).dragTo(cell(page, "Sign up", "App"));
  await expect(cardNames(cell(page, "Sign up", "App"))).toHaveText(["Device upgrade"]);
  await expect(announcer(page)).toHaveText("Device upgrade moved to position 1 of 1 in Sign up, App.");
  const channels = page.getByTestId("designer-channel");
  await channels.filter({ hasText: "Store" }).dragTo(channels.filter({ hasText: "Web" }), { targetPosition: { x: 20, y: 5 } });
  await expect(channels).toHaveText([/Store/, /Web/, /App/, /Phone/]);
  await expect(announcer(page)).toHaveText("Channel Store moved to position 1 of 4.");

  // Drag an expectation to the top of its list.
  await page.getByRole("button", { name: "Edit Plan comparison" }).click();
  const editor = page.getByRole("dialog", { name: "Plan comparison" });
  await editor.getByRole("tab", { name: "Expectations (3)" }).click();
  const expectations = editor.getByTestId("designer-expectation");
  await expectations.filter({ hasText: "Plans are easy to compare" }).dragTo(expectations.first(), { targetPosition: { x: 100, y: 4 } });
  await expect(expectations).toHaveText([/Plans are easy to compare/, /The total monthly price is clear/, /Coverage at my address is shown/]);
  // The page shows a move at once and announces it when the server has saved it: a reload
  // before that would cancel the save.
  await expect(announcer(page)).toHaveText('"Plans are easy to compare" moved to position 1 of 3.');
  await page.keyboard.press("Escape");

  // The order survives a reload: it was the server's, not only the page's.
  await page.reload();
  await expect(cardNames(cell(page, "Sign up", "Web"))).toHaveText(["Online order", "Plan comparison"]);
  await expect(page.getByTestId("designer-channel")).toHaveText([/Store/, /Web/, /App/, /Phone/]);
  await page.getByRole("button", { name: "Edit Plan comparison" }).click();
  await page.getByRole("tab", { name: "Expectations (3)" }).click();
  await expect(page.getByTestId("designer-expectation").first()).toContainText("Plans are easy to compare");
  await page.keyboard.press("Escape");

  // Archive a whole stage with its touchpoints, then restore it.
  await page.getByRole("button", { name: "Actions for stage Renewal" }).click();
  await page.getByRole("menuitem", { name: "Archive" }).click();
  await expect(page.getByTestId("designer-stage")).toHaveCount(4);
  await expect(page.getByTestId("designer-touchpoint")).toHaveCount(12);
  await page.getByRole("navigation", { name: "Map designer" }).getByRole("link", { name: /Archived/ }).click();
  await expect(page.getByTestId("archived-touchpoint")).toHaveCount(2);
  await expect(page.getByTestId("archived-touchpoint").first()).toContainText('Comes back with its stage "Renewal"');
  await page.getByRole("button", { name: "Restore Renewal" }).click();
  await expect(page.getByRole("heading", { name: "Nothing archived" })).toBeVisible();

  await page.getByRole("link", { name: "View journey" }).click();
  await expect(page.getByTestId("journey-touchpoint")).toHaveCount(14);
  await expect(page.getByRole("table", { name: `Touchpoints of ${name} by stage and channel` }).getByRole("columnheader")).toHaveText([
    "Channel",
    "Sign up",
    "Get connected",
    "Billing",
    "Support",
    "Renewal",
  ]);
  await expectAccessible(page);

  // The maps list shows it, with its settings one click away.
  await page.goto(mapsOf(workspace.id));
  const card = page.getByTestId("map-card").filter({ hasText: name });
  await expect(card).toContainText("14 touchpoints");
  await expect(card).toContainText("Draft");
  await card.getByRole("button", { name: `More actions for ${name}` }).click();
  await page.getByRole("menuitem", { name: "Settings and targets" }).click();
  await page.getByRole("textbox", { name: "Interview target" }).fill("400");
  await page.getByRole("button", { name: "Add a segment target" }).click();
  await page.getByLabel("Segment value 1").fill("Students");
  await page.getByLabel("Target 1").fill("lots");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Enter the segment's target as a number.")).toBeVisible();
  await page.getByLabel("Target 1").fill("120");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
  await expectAccessible(page);
  await page.goto(mapsOf(workspace.id));
  await expect(page.getByTestId("map-card").filter({ hasText: name })).toContainText("0 of 400 interviews");
  await expect(page.getByTestId("map-card").filter({ hasText: name })).toContainText("Students");
});

test("a move the server refuses is rolled back where everyone can see it", async ({ page, pageAs, signIn, workspace }) => {
  await signIn(workspace.members.ANALYST);
  await newMap(page, workspace.id, "Refusals", "Retail store");
  const url = page.url();

  // Someone else archives the Get help stage while this page still shows it.
  const other = await pageAs(workspace.members.ANALYST);
  await other.goto(url);
  await other.getByRole("button", { name: "Actions for stage Get help" }).click();
  await other.getByRole("menuitem", { name: "Archive" }).click();
  await expect(other.getByTestId("designer-stage")).toHaveCount(4);
  await other.close();

  await page.getByRole("button", { name: "Move Shop window to another stage or channel (now in Discover, Store)" }).click();
  const dialog = page.getByRole("dialog", { name: 'Move "Shop window"' });
  await dialog.getByLabel("Stage").selectOption({ label: "Get help" });
  await dialog.getByRole("button", { name: "Move here" }).click();
  const alert = page.getByRole("alert").filter({ hasText: '"Shop window" was not moved' });
  await expect(alert).toContainText('The stage "Get help" is archived. Restore it first. It is back where it was.');
  await expect(cardNames(cell(page, "Discover", "Store"))).toHaveText(["Shop window"]);
  await expect(cardNames(cell(page, "Get help", "Store"))).toHaveText(["Returns desk"]);
  await expect(announcer(page)).toContainText('"Shop window" was not moved');
});

// Read-only, on the demo workspace.
test("an interviewer and a manager cannot reach the designer or create maps", async ({ context, demoUsers, page, signIn }) => {
  const maps = mapsOf(DEMO_WORKSPACE);
  for (const role of ["INTERVIEWER", "MANAGER"] as const) {
    await signIn(demoUsers[role]);
    await page.goto(maps);
    await expect(page.getByRole("link", { name: "New map" })).toHaveCount(0);
    expect((await page.goto(`${maps}/maps/new`))?.status()).toBe(404);
    expect((await page.goto(`${maps}/maps/${DEMO_MAP}/design`))?.status()).toBe(404);
    if (role === "MANAGER") {
      await page.goto(`${maps}/maps/${DEMO_MAP}`);
      await expect(page.getByRole("navigation", { name: "Map views" }).getByRole("link")).toHaveText(["Overview", "Journey", "Priority matrix", "Trends", "Basics and delighters", "Channels"]);
      await expect(page.getByRole("link", { name: "Design map" })).toHaveCount(0);
    }
    await context.clearCookies();
  }
});
