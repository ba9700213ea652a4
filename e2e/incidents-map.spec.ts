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

test("the editor opens the Kayes view from the keyboard, filters it, and compares two periods", async ({
  browser,
}) => {
  const editor = await openAs(browser, USERS.editor);
  await editor.goto(`${WORKSPACE}/incidents/map`);
  const map = editor.getByTestId("incident-map");
  await expect(map).toHaveAttribute("data-view", "mali");

  // The region view is a link: reached with the keyboard, it redraws the map around Kayes.
  const kayesView = editor.getByTestId("incident-map-view-kayes");
  // A press that lands while the page is still hydrating is lost: press again until it navigates.
  await expect(async () => {
    await kayesView.focus();
    await editor.keyboard.press("Enter");
    await expect(editor).toHaveURL(/\/incidents\/map\?.*view=kayes/, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expect(map).toHaveAttribute("data-view", "kayes");
  await expect(kayesView).toHaveAttribute("aria-current", "true");
  // Kayes's 4 rows at their places, the other 8 counted outside the view, none lost.
  expect(await rowsDrawn(map)).toBe(4);
  const at = (lonLat: string) => map.locator(`[data-mark][data-lon-lat="${lonLat}"]`);
  await expect(at("-10.305606,14.703479")).toHaveAttribute("data-mark", "point");
  await expect(at("-8.657024,12.942026")).toHaveAttribute("data-mark", "point");
  await expect(at("-11,14")).toHaveAttribute("data-precision", "region");
  await expect(at("-10.776848,14.649351")).toHaveAttribute("data-precision", "wide");
  await expect(editor.getByTestId("incident-map-outside")).toHaveAttribute("data-count", "8");
  await expect(map.locator("[data-layer=place-labels]")).toContainText("Kayes");
  // Drawn inside the frame: every mark's circle lies within the SVG's viewBox.
  const inside = await map.locator("svg").evaluate((svg) => {
    const [, , w, h] = (svg.getAttribute("viewBox") ?? "").split(" ").map(Number);
    return [...svg.querySelectorAll("[data-mark] circle")].every((c) => {
      const x = Number(c.getAttribute("cx"));
      const y = Number(c.getAttribute("cy"));
      return x > 0 && y > 0 && x < (w ?? 0) && y < (h ?? 0);
    });
  });
  expect(inside).toBe(true);

  // A filter keeps the view and changes the map: the 2 Kayes rows with a fatality.
  await editor.locator('input[name="admin1"]').fill("Kayes");
  await editor.locator('input[name="minFatalities"]').fill("1");
  await editor.getByTestId("incident-filters").locator('button[type="submit"]').click();
  await expect(editor).toHaveURL(/view=kayes/);
  await expect(editor).toHaveURL(/minFatalities=1/);
  await expect(editor.getByTestId("incident-count")).toHaveText("2");
  expect(await rowsDrawn(map)).toBe(2);
  await expect(editor.getByTestId("incident-map-outside")).toHaveCount(0);

  // Change by region: the first half of July against the second, per region.
  await editor.goto(`${WORKSPACE}/incidents/map`);
  await editor.getByTestId("incident-map-mode-change").click();
  const form = editor.getByTestId("incident-change-form");
  await form.locator('input[name="aFrom"]').fill("2026-07-01");
  await form.locator('input[name="aTo"]').fill("2026-07-06");
  await form.locator('input[name="bFrom"]').fill("2026-07-07");
  await form.locator('input[name="bTo"]').fill("2026-07-31");
  await form.locator('button[type="submit"]').click();
  await expect(editor).toHaveURL(/mode=change.*aFrom=2026-07-01/);
  const changeMap = editor.getByTestId("incident-change-map");
  // Kayes had none in the first days and 4 after: "new", its disc drawn at its centre.
  const kayes = changeMap.locator('svg [data-area="Kayes"]');
  await expect(kayes).toHaveAttribute("data-change", "new");
  await expect(kayes).toHaveAttribute("data-a", "0");
  await expect(kayes).toHaveAttribute("data-b", "4");
  await expect(kayes).toHaveAttribute("data-placed", "gazetteer");
  // Gao: one incident in each period, ×1; the table says the same in words.
  await expect(changeMap.locator('svg [data-area="Gao"]')).toHaveAttribute("data-change", "same");
  await expect(
    changeMap.locator('[data-testid=incident-change-table] tr[data-area="Gao"] td').last(),
  ).toHaveText("×1");
  // Said in the editor's interface language, which another journey may have set to French.
  await expect(changeMap.locator("[data-layer=method]")).toContainText(
    /not region shapes|pas les contours des régions|وليست حدود المناطق/,
  );
  await expect(changeMap.locator("[data-layer=credits]")).toContainText(
    "UCDP Candidate Events Dataset",
  );
  // By fatalities, Ségou's two clashes (3, then 8 killed) show the rise as a ratio.
  await editor
    .getByTestId("incident-change-form")
    .locator('select[name="measure"]')
    .selectOption("fatalities");
  await form.locator('input[name="aTo"]').fill("2026-07-15");
  await form.locator('input[name="bFrom"]').fill("2026-07-16");
  await form.locator('button[type="submit"]').click();
  await expect(editor).toHaveURL(/measure=fatalities/);
  const segou = changeMap.locator('svg [data-area="Segou"]');
  await expect(segou).toHaveAttribute("data-change", "up");
  await expect(segou).toHaveAttribute("data-a", "3");
  await expect(segou).toHaveAttribute("data-b", "8");
  // The editor reads French: "Ségou ×2,7".
  await expect(segou.locator("text[data-ratio]")).toHaveText(/×2[.,]7$/);
  await editor.context().close();
});
