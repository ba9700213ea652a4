import { existsSync } from "node:fs";
import type { Browser, BrowserContext } from "playwright-core";

/**
 * One headless Chromium per process, launched on the first export and kept warm (a launch
 * costs about a second; a page in a warm browser tens of milliseconds). Renders are
 * serialized: the machines have two cores, and Chromium's print pipeline is CPU-bound, so
 * running several at once only makes each slower and uses more memory.
 */
let browser: Promise<Browser> | null = null;
let queue: Promise<unknown> = Promise.resolve();

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-extensions",
  "--no-first-run",
];

export class PdfUnavailableError extends Error {}

/**
 * Debian's Chromium (what CI installs), or PLAYWRIGHT_CHROMIUM_EXECUTABLE; else Playwright's
 * own browser when one was installed (`npx playwright install chromium` on a laptop).
 */
async function executable(): Promise<string> {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (configured) return configured;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  const { chromium } = await import("playwright-core");
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return bundled;
  throw new PdfUnavailableError(
    "PDF export needs Chromium: install Debian's `chromium` package, run `npx playwright install chromium`, or set PLAYWRIGHT_CHROMIUM_EXECUTABLE.",
  );
}

async function launch(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  const instance = await chromium.launch({ executablePath: await executable(), args: ARGS });
  // A crashed or killed browser is relaunched by the next export.
  instance.on("disconnected", () => {
    browser = null;
  });
  return instance;
}

function sharedBrowser(): Promise<Browser> {
  browser ??= launch().catch((error: unknown) => {
    browser = null;
    throw error;
  });
  return browser;
}

/**
 * Runs `work` in a fresh, isolated context of the warm browser: JavaScript off, and every
 * request that is not a data: URL aborted, so a print page can never reach the network.
 */
export function withPrintContext<T>(work: (context: BrowserContext) => Promise<T>): Promise<T> {
  const run = async () => {
    const context = await (await sharedBrowser()).newContext({ javaScriptEnabled: false });
    try {
      await context.route("**/*", (route) =>
        route.request().url().startsWith("data:")
          ? route.continue()
          : route.abort("blockedbyclient"),
      );
      return await work(context);
    } finally {
      await context.close().catch(() => undefined);
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/** Closes the warm browser (benchmarks, tests, shutdown). The next export relaunches it. */
export async function closePrintBrowser(): Promise<void> {
  const current = browser;
  browser = null;
  if (current) await (await current.catch(() => null))?.close();
}

// Playwright kills the browsers it launched when the process exits; closing on beforeExit
// lets scripts that finish their work end without waiting on the browser's handles.
process.once("beforeExit", () => void closePrintBrowser());
