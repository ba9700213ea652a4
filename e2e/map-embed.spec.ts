import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { pdfText } from "../lib/export/pdf-text";
import { collabReady, openAs, USERS, WORKSPACE } from "./helpers";

// A map in a brief: inserted by the editor and seen live by a co-editor, frozen into v1 on
// publication, unchanged in v1 (reader and PDF) after a re-import moves one of its rows.
// The rows are the journey's own (an ACLED file of its own release), so nothing depends on,
// or disturbs, what other journeys import into the demo workspace.

const HEADER =
  "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

type Row = { id: string; date: string; place: string; admin1: string; lat: string; lon: string };

/** An ACLED file of `rows`; every note carries `token`, which the map's query searches. */
function acledFile(rows: Row[], token: string): string {
  const lines = rows.map((r) =>
    [
      r.id,
      r.date,
      r.date.slice(0, 4),
      "1",
      "Political violence",
      "Battles",
      "Armed clash",
      "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)",
      "",
      "Rebel group",
      "Military Forces of Mali (2021-)",
      "",
      "State forces",
      "Rebel group-State forces",
      "",
      "466",
      "Western Africa",
      "Mali",
      r.admin1,
      "",
      "",
      r.place,
      r.lat,
      r.lon,
      "1",
      "Local source",
      "Local partner-National",
      `"Clash near ${r.place} (${token})."`,
      "2",
      "",
      "1700000000",
    ].join(","),
  );
  return [HEADER, ...lines].join("\n") + "\n";
}

async function importFile(page: Page, name: string, text: string, version: string) {
  await page.goto(`${WORKSPACE}/incidents/import`);
  await page
    .locator('input[name="file"]')
    .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
  await page.locator('select[name="dataset"]').selectOption("ACLED");
  await page.locator('input[name="version"]').fill(version);
  await page.getByTestId("import-preview").click();
  await expect(page.getByTestId("import-preview-result").getByTestId("count-rejected")).toHaveText(
    "0",
  );
  await expect(page.getByTestId("import-commit")).toBeEnabled();
  await page.getByTestId("import-commit").click();
  await expect(page.getByTestId("import-result")).toBeVisible();
}

function status(page: Page) {
  return page.getByTestId("workflow-status");
}

const points = (scope: ReturnType<Page["locator"]>) => scope.locator('[data-mark="point"]');

test("a map embedded in a brief is live for co-editors and frozen into the published version, PDF included", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const token = `mapcheck${stamp}`;
  const version = `map-e2e-${stamp}`;
  const nioro = {
    id: `MLI${stamp}1`,
    date: "2019-03-02",
    place: "Nioro",
    admin1: "Kayes",
    lat: "15.231",
    lon: "-9.590",
  };
  const kita = {
    id: `MLI${stamp}2`,
    date: "2019-03-09",
    place: "Kita",
    admin1: "Kayes",
    lat: "13.035",
    lon: "-9.489",
  };
  const editor = await openAs(browser, USERS.editor);
  const approver = await openAs(browser, USERS.approver);

  const briefPath = await test.step("two rows of the journey's own are imported", async () => {
    await importFile(editor, `acled-map-${stamp}.csv`, acledFile([nioro, kita], token), version);
    await editor.goto(WORKSPACE);
    await editor.getByTestId("create-brief").locator("summary").click();
    await editor.locator('input[name="title"]').fill(`Kayes map ${stamp}`);
    await editor.locator('select[name="language"]').selectOption("en");
    await editor.getByTestId("create-brief").locator('button[type="submit"]').click();
    await collabReady(editor);
    return new URL(editor.url()).pathname;
  });

  await test.step("the editor inserts a map of Kayes from the keyboard; the approver sees it live", async () => {
    await approver.goto(briefPath);
    await collabReady(approver);
    await editor.getByTestId("editor").click();
    await editor.keyboard.type("Where the clashes were:");
    await editor.keyboard.press("Enter");
    const picker = editor.getByTestId("incident-embed-picker");
    await picker.locator("summary").focus();
    await editor.keyboard.press("Enter");
    await picker.getByTestId("picker-kind").selectOption("map");
    await picker.getByTestId("picker-extent").selectOption("Kayes");
    await picker.getByTestId("picker-q").fill(token);
    await picker.getByTestId("picker-q").press("Enter");
    for (const page of [editor, approver]) {
      const map = page.getByTestId("embed-map");
      await expect(map).toHaveAttribute("data-extent", "Kayes");
      await expect(points(map.getByTestId("embed-map-svg"))).toHaveCount(2);
      await expect(map.getByTestId("embed-map-not-mapped")).toHaveAttribute("data-count", "0");
      // Drawn in the brief's language (English), whatever the person's interface language.
      await expect(map.getByTestId("embed-map-svg")).toContainText("Located to a place");
      await expect(map.getByTestId("embed-as-of")).toBeVisible();
    }
    await collabReady(editor);
  });

  const publication = await test.step("v1 is submitted, approved and published", async () => {
    await editor.getByTestId("workflow-submit").click();
    await expect(status(editor)).toHaveAttribute("data-status", "IN_REVIEW");
    await expect(status(approver)).toHaveAttribute("data-status", "IN_REVIEW");
    await approver.getByTestId("workflow-approve").click();
    await expect(status(approver)).toHaveAttribute("data-status", "APPROVED");
    await approver.getByTestId("workflow-publish").click();
    await approver.getByTestId("publish-form").locator('button[type="submit"]').click();
    await expect(status(approver)).toHaveAttribute("data-status", "PUBLISHED");
    const href = await approver.getByTestId("latest-version-link").getAttribute("href");
    return href!.replace(/\/v\/\d+$/, "");
  });

  await test.step("a re-import moves one row to Gao: the draft's map follows and says so", async () => {
    const moved = { ...nioro, place: "Gao", admin1: "Gao", lat: "16.271", lon: "-0.044" };
    await importFile(editor, `acled-map-${stamp}.csv`, acledFile([moved, kita], token), version);
    await expect(editor.getByTestId("import-result").getByTestId("count-updated")).toHaveText("1");
    await editor.goto(briefPath);
    const map = editor.getByTestId("embed-map");
    await expect(points(map.getByTestId("embed-map-svg"))).toHaveCount(1);
    await expect(map.getByTestId("embed-map-not-mapped")).toHaveAttribute("data-count", "1");
    await expect(map.getByTestId("embed-changed")).toBeVisible();
  });

  await test.step("v1's map is as it was published, on the reader page and in its PDF", async () => {
    await approver.goto(`${publication}/v/1`);
    const figure = approver.getByTestId("reader-body").locator("figure.embed-map");
    await expect(figure).toHaveAttribute("data-not-mapped", "0");
    await expect(points(figure)).toHaveCount(2);
    await expect(figure.locator('[data-mark="point"][data-lon-lat="-9.59,15.231"]')).toHaveCount(1);
    await expect(figure).toContainText("Map of incidents · Kayes region");
    const [file] = await Promise.all([
      approver.waitForEvent("download"),
      approver.getByTestId("export-pdf").click(),
    ]);
    const pdf = await pdfText(await readFile((await file.path())!));
    expect(pdf.text).toContain("Map of incidents · Kayes region");
    expect(pdf.text).toContain("Rows not mapped (no usable coordinates, or outside this map): 0");
    // Drawn inside the map: its legend and the border credit.
    expect(pdf.text).toContain("Located to a place");
    expect(pdf.text).toContain("Natural Earth (public domain), via world-atlas");
    expect(pdf.text).toContain("Armed Conflict Location & Event Data (ACLED)");
  });

  for (const page of [editor, approver]) await page.context().close();
});
