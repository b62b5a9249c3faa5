/**
 * Launches the system Chromium for the PDF renderer and the browser tests, locked down: every request that is
 * not to the site's own 127.0.0.1 origin is aborted (no file://, no other host, no data: documents), service
 * workers are blocked, and the browser has no network of its own to wander on.
 */
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import puppeteer, {type Browser, type Page} from "puppeteer-core";
import {findChromium, installHint} from "../../scripts/chromium.mjs";

const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
  "--no-first-run",
  "--no-default-browser-check",
  "--disable-background-timer-throttling",
  "--disable-backgrounding-occluded-windows",
  "--disable-renderer-backgrounding",
  "--disable-quic",
  "--font-render-hinting=none",
  // Nothing but loopback: a proxy that does not exist for every other host, so even a request that slips past
  // interception (a worker, a WebSocket) cannot leave the machine.
  "--proxy-server=http://127.0.0.1:9",
  "--proxy-bypass-list=127.0.0.1"
];

export interface LockedBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/** Launches Chromium headless with a fresh profile. Throws with install instructions when none is found. */
export async function launchBrowser(): Promise<LockedBrowser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`no Chromium or Chrome found.\n${installHint()}`);
  const userDataDir = await mkdtemp(join(tmpdir(), "deals-chromium-"));
  const browser = await puppeteer.launch({executablePath, headless: true, args: FLAGS, userDataDir, protocolTimeout: 120_000});
  const close = async () => {
    const proc = browser.process();
    try {
      await Promise.race([browser.close(), new Promise((_, fail) => setTimeout(() => fail(new Error("close timeout")), 10_000))]);
    } catch {
      proc?.kill("SIGKILL");
    }
    await rm(userDataDir, {recursive: true, force: true});
  };
  return {browser, close};
}

/** What a locked page saw: requests refused and errors printed, for the caller to fail on. */
export interface PageLog {
  blocked: string[];
  errors: string[];
}

/**
 * Returns a new page in a fresh browser context that only talks to `origin`; the log collects every refused
 * request, console error and uncaught page error.
 */
export async function lockedPage(browser: Browser, origin: string): Promise<{page: Page; log: PageLog; dispose(): Promise<void>}> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const log: PageLog = {blocked: [], errors: []};
  const client = await page.createCDPSession();
  await client.send("ServiceWorker.disable").catch(() => {});
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    const local = url === origin || url.startsWith(`${origin}/`);
    // Inline resources (fonts and icons as data: URLs) fetch nothing; a data: *document* could, so it is refused.
    const inline = url.startsWith("data:") && request.resourceType() !== "document";
    if (local || inline) request.continue();
    else {
      log.blocked.push(url.slice(0, 200));
      request.abort("blockedbyclient");
    }
  });
  page.on("console", (message) => {
    if (message.type() === "error") {
      const text = message.text();
      // A request we refused is reported by us already (log.blocked); do not count it twice.
      if (!/net::ERR_BLOCKED_BY_CLIENT/.test(text)) log.errors.push(text);
    }
  });
  page.on("response", (response) => {
    if (response.status() >= 400) log.errors.push(`HTTP ${response.status()} for ${response.url().slice(0, 200)}`);
  });
  page.on("pageerror", (error) => log.errors.push(String((error as Error).message ?? error)));
  return {page, log, dispose: () => context.close()};
}
