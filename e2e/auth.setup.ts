import { test as setup } from "@playwright/test";
import { signInThroughForm, storageStateOf, USERS, type DemoRole } from "./helpers";

// Each demo user signs in once, through the real form, and the journeys reuse that browser
// state (playwright.config.ts: the chromium project depends on this one). Run again on every
// `playwright test`, even for one spec: each run starts its own server with a fresh database
// and a fresh session secret.
for (const role of Object.keys(USERS) as DemoRole[]) {
  setup(`the demo ${role} signs in once for the journeys`, async ({ page }) => {
    await signInThroughForm(page, USERS[role]);
    await page.context().storageState({ path: storageStateOf(USERS[role]) });
  });
}
