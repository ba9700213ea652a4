import { expect, test, type Locator } from "@playwright/test";
import { openAs, USERS, WORKSPACE } from "./helpers";

/** Rows under the map's marks (a cluster or a shared centroid counts each of its rows). */
async function rowsDrawn(map: Locator): Promise<number> {
  const counts = await map
    .locator("[data-mark]")
    .evaluateAll((marks) => marks.map((m) => Number(m.getAttribute("data-count"))));
  return counts.reduce((a, b) => a + b, 0);
}

test("an editor opens the map of the demo's UCDP rows and filters it to Kayes", async ({
  browser,
}) => {
  const editor = await openAs(browser, USERS.editor);
  await editor.goto(`${WORKSPACE}/incidents`);
  await editor.getByTestId("incident-view-map").click();
  await expect(editor).toHaveURL(/\/incidents\/map/);

  // The demo seed imported the 12 UCDP sample rows: all are drawn, none left out.
  const map = editor.getByTestId("incident-map");
  await expect(map.locator("svg [data-layer=borders] path").first()).toBeVisible();
  expect(await rowsDrawn(map)).toBe(12);
  await expect(editor.getByTestId("incident-not-mapped")).toHaveAttribute("data-count", "0");
  // The region- and country-level rows are dashed rings with their precision, not pins.
  await expect(map.locator('[data-mark="centroid"][data-precision="region"]')).toHaveCount(1);
  await expect(map.locator('[data-mark="centroid"][data-precision="country"]')).toHaveCount(1);
  await expect(map.locator("[data-layer=credits]")).toContainText("Natural Earth");
  await expect(map.locator("[data-layer=credits]")).toContainText("UCDP Candidate Events Dataset");

  // The filter form stays on the map: Kayes has 4 rows, 2 located points and 2 area centres.
  await editor.locator('input[name="admin1"]').fill("Kayes");
  await editor.getByTestId("incident-filters").locator('button[type="submit"]').click();
  await expect(editor).toHaveURL(/\/incidents\/map\?.*admin1=Kayes/);
  await expect(editor.getByTestId("incident-count")).toHaveText("4");
  await expect(map.locator("[data-mark]")).toHaveCount(4);
  expect(await rowsDrawn(map)).toBe(4);
  await expect(map.locator('[data-mark="point"]')).toHaveCount(2);
  await expect(map.locator('[data-mark="centroid"]')).toHaveCount(2);

  // Hover text names date, actors and fatalities (in the editor's language); a click opens the row.
  const sandare = map.locator('[data-mark="point"][data-lon-lat="-10.305606,14.703479"]');
  await expect(sandare.locator("title")).toHaveText(
    /2026 · Government of Mali – JNIM · 1 \S+ · Sandare village, Kayes region$/,
  );
  await sandare.locator("circle").click();
  await expect(editor).toHaveURL(new RegExp(`${WORKSPACE}/incidents/[0-9a-f-]{36}$`));
  await editor.context().close();
});
