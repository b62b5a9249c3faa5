// The renderer's lockdown (src/cli/browser.ts) against a hostile page: nothing may reach a canary on another
// 127.0.0.1 port or an outside host, no file:// content may appear, and the attempts are logged as blocked; and the
// PDF renderer itself (renderDocument) refuses to print such a page.
import {existsSync} from "node:fs";
import {mkdir, mkdtemp, rm, symlink} from "node:fs/promises";
import {hostname, tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, assert, beforeAll, it} from "vitest";
import {type LockedBrowser, launchBrowser, lockedPage} from "../../src/cli/browser.js";
import {DocumentError} from "../../src/cli/pdf/pageChecks.js";
import {renderDocument} from "../../src/cli/pdf/renderDocument.js";
import {type SiteServer, serveSite} from "../../src/cli/serve.js";
import {type Canary, startCanary} from "./canary.js";
import {navigationPages, OUTSIDE, writeEscapeSite} from "./escapePage.js";

let dir: string;
let canary: Canary;
let server: SiteServer;
let chromium: LockedBrowser;

/** A profile that a killed Chromium left behind: its SingletonLock names a process that is gone. */
const staleProfile = join(tmpdir(), `deals-chromium-stale-${process.pid}`);

beforeAll(async () => {
  await mkdir(staleProfile, {recursive: true});
  await symlink(`${hostname()}-999999999`, join(staleProfile, "SingletonLock"));
  dir = await mkdtemp(join(tmpdir(), "deals-escape-"));
  canary = await startCanary();
  await writeEscapeSite(dir, canary.origin, canary.udpPort, canary.port);
  server = await serveSite(dir);
  chromium = await launchBrowser();
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  await canary?.close();
  await rm(dir, {recursive: true, force: true});
});

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Returns the URL and HTML of every frame of every page of the browser (popups included), for leaked file
 * content. An error frame (a refused load) cannot be read, so only its URL is given.
 */
async function allText(): Promise<string> {
  const texts: string[] = [];
  for (const context of chromium.browser.browserContexts()) {
    // A concurrent test may be closing its context: its pages are gone, which is fine.
    for (const page of await context.pages().catch(() => [])) {
      for (const frame of page.frames()) {
        texts.push(frame.url());
        if (frame.url().startsWith("chrome-error:")) continue;
        // A frame of a concurrent test's page may be detached (closed) meanwhile: evaluate then throws at once.
        const html = Promise.resolve()
          .then(() => frame.evaluate(() => document.documentElement?.outerHTML ?? ""))
          .catch(() => "");
        texts.push(await Promise.race([html, sleep(500).then(() => "")]));
      }
    }
  }
  return texts.join("\n");
}

it("launchBrowser() removes the profile folders that killed Chromiums left behind", () => {
  assert.isFalse(existsSync(staleProfile));
});

it("lockedPage(browser, origin) stops every escape route of a hostile page and logs the attempts", async () => {
  const {page, log, dispose} = await lockedPage(chromium.browser, server.origin);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  try {
    await page.goto(`${server.origin}/`, {waitUntil: "load", timeout: 30_000});
    // Some attempts never settle (a WebSocket to a dead proxy may hang): what matters is what reached the canary.
    await page
      .waitForFunction(() => !Object.values((window as unknown as {attempts: object}).attempts).includes("pending"), {timeout: 5000})
      .catch(() => {});
    await sleep(1500); // late beacons, prefetches, worker and service-worker fetches
    const attempts = await page.evaluate(() => (window as unknown as {attempts: Record<string, string>}).attempts);
    const text = await allText();
    assert.deepStrictEqual(canary.hits, [], `reached the canary; attempts: ${JSON.stringify(attempts, null, 1)}`);
    const requests = Object.entries(attempts).filter(([name]) =>
      /^(fetch|xhr|import|eventsource|websocket|worker|shared worker|fetch no-cors)/.test(name)
    );
    // Checked something: each kind of request the escape page tries (the page notes one or more of each).
    const kinds = new Set(requests.map(([name]) => name.split(" ")[0]));
    assert.includeMembers([...kinds], ["fetch", "xhr", "import", "eventsource", "websocket", "worker", "shared"]);
    for (const [name, outcome] of requests) assert.notMatch(outcome, /^reached: (canary|open|fulfilled|opaque)/, `${name}: ${outcome}`);
    assert.notMatch(attempts["service worker"], /^reached/, "service worker registered");
    assert.notInclude(text, "root:x:", "file:///etc/passwd leaked into a frame");
    assert.notMatch(text, /^file:/m, "a frame shows a file:// URL");
    assert.deepStrictEqual(dialogs, []);
    const blocked = log.blocked.join("\n");
    assert.include(blocked, `websocket: ${canary.origin.replace("http:", "ws:")}/ws`);
    for (const path of ["/fetch", "/xhr", "/img", "/iframe", "/link.css", "/script.js", "/worker-fetch"]) {
      assert.include(blocked, `${canary.origin}${path}`, `canary ${path} not logged as blocked`);
      assert.include(blocked, `${OUTSIDE}${path}`, `outside ${path} not logged as blocked`);
    }
  } finally {
    await dispose();
  }
});

it("renderDocument(browser, {name}) on a briefing page that tries every escape route refuses it, naming what it blocked", async () => {
  const error = await renderDocument(chromium.browser, {origin: server.origin, name: "escape", paper: "a4", timeoutMs: 20_000}).then(
    () => null,
    (e: Error) => e
  );
  assert.instanceOf(error, DocumentError, String(error));
  const message = (error as Error).message;
  assert.match(message, /^escape: /);
  for (const path of ["/fetch", "/img", "/iframe", "/script.js"]) {
    assert.include(message, `blocked request: ${canary.origin}${path}`);
    assert.include(message, `blocked request: ${OUTSIDE}${path}`);
  }
  assert.include(message, `blocked request: websocket: ${canary.origin.replace("http:", "ws:")}/ws`);
  await sleep(1000); // late beacons and worker fetches
  assert.deepStrictEqual(canary.hits, []);
});

it.concurrent.each(Object.keys(navigationPages("http://127.0.0.1:1")))("lockedPage(browser, origin) keeps %s on the site", async (path) => {
  const {page, log, dispose} = await lockedPage(chromium.browser, server.origin);
  try {
    await page.goto(`${server.origin}${path}`, {waitUntil: "load", timeout: 30_000}).catch(() => {});
    await sleep(1000);
    const url = page.url();
    assert.match(url, new RegExp(`^(${server.origin}/|chrome-error://|about:blank)`), `navigated to ${url}`);
    const html = await page.content().catch(() => "");
    assert.notInclude(html, "root:x:");
    const text = await allText();
    assert.notInclude(text, "root:x:");
    assert.notMatch(text, /^file:/m, "a frame shows a file:// URL");
    assert.deepStrictEqual(canary.hits, []);
    if (/canary|outside|form|base/.test(path)) assert.isNotEmpty(log.blocked, "the attempt was not logged");
  } finally {
    await dispose();
  }
});
