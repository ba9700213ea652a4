import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { collabReady, newBrief, openAs, USERS } from "./helpers";

type Service = "collab" | "web";

/** Written by lib/dev/e2e-server.ts each time a supervised service (re)starts. */
function pidOf(service: Service): number {
  const port = Number(process.env.E2E_PORT ?? 3107);
  const file = path.join(process.cwd(), ".tmp", `e2e-services-${port}.json`);
  const pids = JSON.parse(readFileSync(file, "utf8")) as Record<Service, number>;
  return pids[service];
}

/** Kills a service the way a crash would, and waits until the supervisor has started another. */
async function crash(service: Service): Promise<void> {
  const before = pidOf(service);
  process.kill(before, "SIGKILL");
  await expect.poll(() => pidOf(service), { timeout: 20_000 }).not.toBe(before);
}

async function typeParagraph(page: Page, text: string): Promise<void> {
  await page.getByTestId("editor").locator("p").last().click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(text);
}

test("a killed collaboration or web server is restarted; editors reconnect by themselves and nothing saved is lost", async ({
  browser,
  baseURL,
}) => {
  const editor = await openAs(browser, USERS.editor);
  const briefPath = await newBrief(editor, `Supervision ${Date.now()}`);
  await editor.getByTestId("editor").click();
  await editor.keyboard.type("Saved before the crash.");
  await collabReady(editor);

  // The collaboration server dies mid-session: the editor keeps typing, offline.
  await crash("collab");
  await typeParagraph(editor, "Typed while the server restarted.");
  // No reload: the same page reconnects and its offline edit is stored.
  await expect(editor.getByTestId("connection-status")).toHaveAttribute("data-state", "saved", {
    timeout: 20_000,
  });
  const coEditor = await openAs(browser, USERS.approver, briefPath);
  await expect(coEditor.getByTestId("editor")).toContainText("Saved before the crash.");
  await expect(coEditor.getByTestId("editor")).toContainText("Typed while the server restarted.");

  // The web server dies: pages come back, and the open editor never lost its document.
  await crash("web");
  await expect
    .poll(async () => (await fetch(`${baseURL}/signin`).catch(() => null))?.status, {
      timeout: 30_000,
    })
    .toBe(200);
  await typeParagraph(editor, "Typed after the web server came back.");
  await collabReady(editor);
  await coEditor.reload();
  await collabReady(coEditor);
  for (const text of [
    "Saved before the crash.",
    "Typed while the server restarted.",
    "Typed after the web server came back.",
  ]) {
    await expect(coEditor.getByTestId("editor")).toContainText(text);
  }
});
