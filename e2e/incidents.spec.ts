import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { openAs, USERS, WORKSPACE } from "./helpers";

const SAMPLE = path.join(
  __dirname,
  "../lib/incidents/fixtures/ucdp-ged-candidate-26.0.7-mali-sample.csv",
);

async function insertEmbed(
  page: Page,
  kind: "table" | "figure" | "chart",
  fields: Record<string, string>,
) {
  const picker = page.getByTestId("incident-embed-picker");
  await picker.locator("summary").click();
  await picker.getByTestId("picker-kind").selectOption(kind);
  for (const [name, value] of Object.entries(fields))
    await picker.getByTestId(`picker-${name}`).fill(value);
  await picker.getByTestId("picker-insert").click();
}

const UCDP_CREDIT =
  "UCDP Candidate Events Dataset v26.0.7, Uppsala Conflict Data Program, Uppsala University";

test("an editor re-imports the UCDP sample the demo holds, filters to Kayes, embeds a table, a figure and a citation a co-editor sees", async ({
  browser,
}) => {
  const editor = await openAs(browser, USERS.editor);

  // The demo seed imported this very file (lib/demo/incidents.ts): the first screen and the
  // incidents page show its rows with UCDP's credit and licence.
  await editor.goto(WORKSPACE);
  await expect(editor.getByTestId("incident-data-card")).toContainText(UCDP_CREDIT);
  await expect(editor.getByTestId("incident-data-count")).toHaveText("12");
  await editor.goto(`${WORKSPACE}/incidents`);
  await expect(editor.getByTestId("incident-attribution")).toContainText(UCDP_CREDIT);
  await expect(editor.getByTestId("incident-attribution")).toContainText("CC BY 4.0");

  // Re-import: the preview (nothing written) finds every row already there and unchanged,
  // so there is nothing to commit and no new batch.
  await editor.goto(`${WORKSPACE}/incidents/import`);
  const history = editor.getByTestId("import-history").locator("tbody tr");
  await expect(history.first()).toContainText("ucdp-ged-candidate-26.0.7-mali-sample.csv");
  const batchesBefore = await history.count();
  await editor.locator('input[name="file"]').setInputFiles(SAMPLE);
  await expect(editor.locator('input[name="version"]')).toHaveValue("26.0.7");
  await editor.getByTestId("import-preview").click();
  const preview = editor.getByTestId("import-preview-result");
  await expect(preview.getByTestId("count-rows")).toHaveText("12");
  await expect(preview.getByTestId("count-inserted")).toHaveText("0");
  await expect(preview.getByTestId("count-updated")).toHaveText("0");
  await expect(preview.getByTestId("count-unchanged")).toHaveText("12");
  await expect(preview.getByTestId("count-removed")).toHaveText("0");
  await expect(preview.getByTestId("count-rejected")).toHaveText("0");
  await expect(editor.getByTestId("import-commit")).toBeDisabled();
  await editor.reload();
  await expect(history).toHaveCount(batchesBefore);

  // Browse: the French/Arabic name of the region finds the GED "Kayes region" rows.
  await editor.goto(`${WORKSPACE}/incidents`);
  await editor.getByTestId("incident-filters").locator('input[name="admin1"]').fill("كاي");
  await editor.getByTestId("incident-filter-submit").click();
  await expect(editor.getByTestId("incident-count")).toHaveText("4");
  await expect(editor.getByTestId("incident-fatalities")).toHaveText("2");
  await expect(editor.getByTestId("incident-row")).toHaveCount(4);
  await expect(editor.getByTestId("incident-chart")).toBeVisible();
  expect(await editor.getByTestId("incident-export").getAttribute("href")).toContain("admin1=");

  // A brief with a live figure and table; a co-editor sees them.
  await editor.goto(WORKSPACE);
  await editor.getByTestId("create-brief").locator("summary").click();
  await editor.locator('input[name="title"]').fill(`Kayes data ${Date.now()}`);
  await editor.getByTestId("create-brief").locator('button[type="submit"]').click();
  await expect(editor.getByTestId("connection-status")).toHaveAttribute("data-state", "saved");
  const briefPath = new URL(editor.url()).pathname;

  await editor.getByTestId("editor").click();
  await editor.keyboard.type("JNIM incidents in Kayes, July 2026: ");
  await insertEmbed(editor, "figure", { actor: "JNIM", admin1: "Kayes" });
  await expect(editor.getByTestId("embed-figure-value")).toHaveText("4");
  await editor.keyboard.press("End");
  await insertEmbed(editor, "table", { admin1: "Kayes" });
  await expect(editor.getByTestId("embed-table").getByTestId("embed-row")).toHaveCount(4);
  await expect(editor.getByTestId("embed-as-of").first()).toBeVisible();

  const approver = await openAs(browser, USERS.approver);
  await approver.goto(briefPath);
  await expect(approver.getByTestId("embed-figure-value")).toHaveText("4");
  await expect(approver.getByTestId("embed-table").getByTestId("embed-row")).toHaveCount(4);
  await expect(
    approver.getByTestId("embed-table").getByTestId("embed-row").first(),
  ).toHaveAttribute("data-external-id", "636798");

  // Cite the table's rows: a numbered citation (shared numbering with sources) appears for both.
  await editor.getByTestId("embed-cite-rows").click();
  await expect(editor.getByTestId("citation-marker")).toHaveText("1");
  await expect(approver.getByTestId("citation-marker")).toHaveText("1");
  // The footnote names the dataset, its release and the row ids (formatted by lib/citations).
  await expect(editor.getByTestId("footnote").first()).toContainText("UCDP GED 26.0.7, 636798");
  await expect(approver.getByTestId("footnote").first()).toContainText("UCDP GED 26.0.7, 636798");
  await expect(approver.getByTestId("footnote").first()).toContainText(
    `${UCDP_CREDIT} (CC BY 4.0)`,
  );

  for (const page of [editor, approver]) await page.context().close();
});

test("the English demo brief shows a table, a chart and figures drawn from the imported rows, and credits them in its notes", async ({
  browser,
}) => {
  const english = `${WORKSPACE}/briefs/6f1d6c1e-0b7a-4f3e-9a51-5b0e2f6c0a02`;
  const approver = await openAs(browser, USERS.approver, english);
  const table = approver.getByTestId("embed-table");
  await expect(table.getByTestId("embed-row")).toHaveCount(4);
  expect(
    (
      await table
        .getByTestId("embed-row")
        .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-external-id")))
    ).sort(),
  ).toEqual(["636520", "636592", "636664", "636798"]);
  await expect(approver.getByTestId("embed-chart").getByTestId("incident-chart")).toBeVisible();
  // The JNIM clashes in Kayes and their deaths, inline in the text.
  await expect(approver.getByTestId("embed-figure-value")).toHaveText(["4", "2"]);
  // Notes: a source, the four rows (with UCDP's credit and licence), another source.
  const notes = approver.getByTestId("footnote");
  await expect(notes).toHaveCount(3);
  await expect(notes.nth(1)).toContainText("UCDP GED 26.0.7, 636520");
  await expect(notes.nth(1)).toContainText(`${UCDP_CREDIT} (CC BY 4.0)`);
  await expect(notes.first()).toContainText("Timbuktu Institute");
  await approver.context().close();
});

test("a viewer browses incidents but cannot import", async ({ browser }) => {
  const viewer = await openAs(browser, USERS.viewer);
  await viewer.goto(`${WORKSPACE}/incidents`);
  await expect(viewer.getByTestId("incident-filters")).toBeVisible();
  await expect(viewer.getByTestId("incident-import-link")).toHaveCount(0);
  const response = await viewer.goto(`${WORKSPACE}/incidents/import`);
  expect(response?.status()).toBe(404);
  await expect(viewer.getByRole("heading", { level: 1 })).toHaveText("Not found");
  await expect(viewer.getByTestId("import-form")).toHaveCount(0);
  await viewer.context().close();
});

test("an editor adds an in-house incident that the browser finds by its Arabic actor name", async ({
  browser,
}) => {
  const editor = await openAs(browser, USERS.editor);
  await editor.goto(`${WORKSPACE}/incidents`);
  const form = editor.getByTestId("add-incident");
  await form.locator("summary").click();
  await form.locator('input[name="dateStart"]').fill("2025-02-10");
  await form.locator('input[name="eventType"]').fill("Battles");
  await form.locator('input[name="sideA"]').fill("JNIM");
  await form.locator('input[name="admin1"]').fill("Kayes");
  await form.locator('input[name="placeName"]').fill("Melgué e2e");
  await form.locator('input[name="fatalitiesBest"]').fill("3");
  await form.locator('button[type="submit"]').click();
  await expect(form.getByRole("status")).toBeVisible();
  await editor.goto(
    `${WORKSPACE}/incidents?dataset=INHOUSE&actor=${encodeURIComponent("جماعة نصرة الإسلام والمسلمين")}&place=${encodeURIComponent("Melgué e2e")}`,
  );
  await expect(editor.getByTestId("incident-row").first()).toContainText("Melgué e2e");
  await editor.context().close();
});

test("an editor opens an incident's detail page, edits it and writes a note a viewer reads", async ({
  browser,
}) => {
  const editor = await openAs(browser, USERS.editor);
  const place = `Diéma detail ${Date.now()}`;
  await editor.goto(`${WORKSPACE}/incidents`);
  const form = editor.getByTestId("add-incident");
  await form.locator("summary").click();
  await form.locator('input[name="dateStart"]').fill("2025-03-01");
  await form.locator('input[name="eventType"]').fill("Battles");
  await form.locator('input[name="placeName"]').fill(place);
  await form.locator('button[type="submit"]').click();
  await expect(form.getByRole("status")).toBeVisible();
  await editor.goto(`${WORKSPACE}/incidents?place=${encodeURIComponent(place)}`);
  await editor.getByTestId("incident-detail-link").first().click();
  await expect(editor.getByTestId("incident-detail")).toBeVisible();
  await expect(editor.locator('[data-field="placeName"]')).toHaveText(place);
  const detailUrl = editor.url();

  const edit = editor.getByTestId("edit-incident");
  await edit.locator("summary").click();
  await edit.locator('input[name="fatalitiesBest"]').fill("5");
  await edit.locator('button[type="submit"]').click();
  await expect(editor.locator('[data-field="fatalitiesBest"]')).toHaveText("5");

  await editor.getByTestId("incident-note-input").fill("Confirmed by two local contacts.");
  await editor.getByTestId("incident-note-save").click();
  await expect(editor.getByTestId("incident-note")).toContainText(
    "Confirmed by two local contacts.",
  );

  const viewer = await openAs(browser, USERS.viewer);
  await viewer.goto(detailUrl);
  await expect(viewer.getByTestId("incident-note")).toContainText(
    "Confirmed by two local contacts.",
  );
  await expect(viewer.getByTestId("incident-note-input")).toHaveCount(0);
  await expect(viewer.getByTestId("edit-incident")).toHaveCount(0);
  for (const page of [editor, viewer]) await page.context().close();
});

test("an editor embeds a figure from a saved query chosen in the embed dialog", async ({
  browser,
}) => {
  const editor = await openAs(browser, USERS.editor);
  const place = `Yélimané saved ${Date.now()}`;
  await editor.goto(`${WORKSPACE}/incidents`);
  const form = editor.getByTestId("add-incident");
  await form.locator("summary").click();
  await form.locator('input[name="dateStart"]').fill("2025-04-01");
  await form.locator('input[name="eventType"]').fill("Battles");
  await form.locator('input[name="placeName"]').fill(place);
  await form.locator('button[type="submit"]').click();
  await expect(form.getByRole("status")).toBeVisible();
  await editor.goto(`${WORKSPACE}/incidents?place=${encodeURIComponent(place)}`);
  await expect(editor.getByTestId("incident-count")).toHaveText("1");
  const save = editor.getByTestId("save-query");
  await save.locator('input[name="name"]').fill(place);
  await save.locator('button[type="submit"]').click();
  await expect(save.getByRole("status")).toBeVisible();

  await editor.goto(WORKSPACE);
  await editor.getByTestId("create-brief").locator("summary").click();
  await editor.locator('input[name="title"]').fill(`Saved query ${Date.now()}`);
  await editor.getByTestId("create-brief").locator('button[type="submit"]').click();
  await expect(editor.getByTestId("connection-status")).toHaveAttribute("data-state", "saved");
  await editor.getByTestId("editor").click();
  const picker = editor.getByTestId("incident-embed-picker");
  await picker.locator("summary").click();
  await picker.getByTestId("picker-kind").selectOption("figure");
  await picker.getByTestId("picker-saved").selectOption({ label: place });
  await expect(picker.getByTestId("picker-actor")).toHaveCount(0);
  await picker.getByTestId("picker-insert").click();
  await expect(editor.getByTestId("embed-figure-value")).toHaveText("1");
  await editor.context().close();
});
