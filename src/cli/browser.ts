/**
 * Launches the system Chromium for the PDF renderer and the browser tests, locked down in layers:
 * 1. request interception aborts every request of a page that is not to the site's own origin (no file://, no
 *    other host or port, no data: documents);
 * 2. below it, every connection of a page's browser context (workers, a service worker, WebSockets, preconnects,
 *    popups: what interception does not see) goes to a proxy that does not exist, except to the site's own
 *    host:port, and host names do not resolve;
 * 3. WebRTC may not send UDP of its own (it would have to use the dead proxy), popups are blocked and closed,
 *    and the site server refuses service-worker scripts (src/cli/serve.ts).
 * test/hardening/lockdown-test.ts tries each way out against a canary server.
 */
import type {ChildProcess} from "node:child_process";
import {mkdtemp, readdir, readlink, rm} from "node:fs/promises";
import {hostname, tmpdir} from "node:os";
import {join} from "node:path";
import puppeteer, {type Browser, type BrowserContext, type Page} from "puppeteer-core";
import {findChromium, installHint} from "../../scripts/chromium.mjs";
import {isRunning} from "./exec.js";
import {withTimeout} from "./timeout.js";

/** Where every connection but the site's goes: a port nothing listens on (the discard port). */
const DEAD_PROXY = "http://127.0.0.1:9";

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
  // A proxy that does not exist, for every host: loopback included ("<-loopback>" removes Chromium's implicit
  // bypass of localhost), so a connection that slips past interception cannot leave the browser. lockedPage
  // opens each page in a context whose proxy settings let the site's own host:port through, and nothing else.
  `--proxy-server=${DEAD_PROXY}`,
  "--proxy-bypass-list=<-loopback>",
  // No DNS at all except loopback, in case something ever bypasses the proxy.
  "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
  // WebRTC sends UDP (STUN) around any proxy unless told not to (the lockdown test fails without this flag).
  "--webrtc-ip-handling-policy=disable_non_proxied_udp",
  // No popups or other new windows (their requests would escape the page's interception).
  "--block-new-web-contents",
  // Headless Chromium preloads two omnibox popups (chrome://omnibox-popup.top-chrome/), each a renderer of ~150 MB
  // that no PDF needs: a third of the renderer's memory with two documents at once.
  "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,SpareRendererForSitePerProcess"
];

/**
 * Returns the launch flags of the locked-down browser. With `allow` (a `host:port`), that origin bypasses the dead
 * proxy at the process level: for a plain `chromium` process (the benchmark's baseline), which has no per-context
 * proxy settings as lockedPage does.
 */
export function chromiumFlags({allow}: {allow?: string} = {}): string[] {
  return allow ? FLAGS.map((f) => (f === "--proxy-bypass-list=<-loopback>" ? `--proxy-bypass-list=<-loopback>;${allow}` : f)) : [...FLAGS];
}

/** No browser to launch on this machine: trying again cannot help (unlike a browser that failed starting). */
export class BrowserNotFound extends Error {
  override name = "BrowserNotFound";
}

export interface LockedBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Launches Chromium headless with a fresh profile (in the temp folder, `deals-chromium-*`; profiles that killed
 * runs left behind are removed first). Throws with install instructions when none is found.
 *
 * @example
 * const chromium = await launchBrowser(); try { … } finally { await chromium.close(); }
 */
export async function launchBrowser(): Promise<LockedBrowser> {
  const executablePath = findChromium();
  if (!executablePath) throw new BrowserNotFound(`no Chromium or Chrome found.\n${installHint()}`);
  await removeStaleProfiles();
  const userDataDir = await mkdtemp(join(tmpdir(), "deals-chromium-"));
  const browser = await start(executablePath, userDataDir);
  const close = async () => {
    const proc = browser.process();
    try {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise((_, fail) => {
        timer = setTimeout(() => fail(new Error("close timeout")), 10_000);
      });
      // The timer must not keep the process alive once the browser has closed.
      await Promise.race([browser.close(), timeout]).finally(() => clearTimeout(timer));
    } catch {
      // Closing hung (or failed): the group is killed below.
    }
    // Chromium runs in a process group of its own (Puppeteer launches it detached): kill whatever of the group is
    // left, a hung browser or a helper that outlived it.
    killGroup(proc);
    // Processes of the group may still be exiting and writing: retry while the folder refuses to go.
    await rm(userDataDir, {recursive: true, force: true, maxRetries: 3});
  };
  return {browser, close};
}

/** How long starting a browser may take, ms (≈ 1–1.5 s here): puppeteer.launch waits up to 30 s for the endpoint. */
const START_TIMEOUT_MS = 30_000;
/** How long closing a tab the browser opened by itself may take, ms. */
const CLOSE_TAB_TIMEOUT_MS = 5_000;

/**
 * Returns Chromium launched headless with the lockdown flags and the profile `userDataDir`, with no tab open (every
 * page gets its own context; a blank tab is a renderer of ~100 MB for nothing). `--no-startup-window` keeps Chromium
 * from opening one (closing it took 250–1,300 ms with Chromium 156, and a renderer killed meanwhile left the close
 * waiting for the protocol timeout, 120 s); a browser that opens one anyway has it closed, within 5 s. Throws `could
 * not start <path>: <reason>` after killing what it started and removing the profile, also when starting takes over
 * 30 s or the browser dies starting.
 */
async function start(executablePath: string, userDataDir: string): Promise<Browser> {
  const launching = puppeteer.launch({
    executablePath,
    headless: true,
    args: [...FLAGS, "--no-startup-window"],
    // Puppeteer turns Chromium's popup blocker off by default; keep it on.
    ignoreDefaultArgs: ["--disable-popup-blocking"],
    // With no startup window there is no first page to wait for.
    waitForInitialPage: false,
    userDataDir,
    protocolTimeout: 120_000
  });
  let browser: Browser | undefined;
  try {
    browser = await withTimeout(launching, START_TIMEOUT_MS, `not started in ${START_TIMEOUT_MS / 1000} s`);
    const pages = await withTimeout(browser.pages(), CLOSE_TAB_TIMEOUT_MS, "not responding");
    for (const blank of pages) await withTimeout(blank.close(), CLOSE_TAB_TIMEOUT_MS, "not responding (closing its first tab)");
    if (!browser.connected) throw new Error("disconnected while starting");
    return browser;
  } catch (error) {
    // Puppeteer kills what it started when launching fails; a browser that failed after starting is killed here, and
    // one whose launch resolves after the timeout, when it does.
    if (browser) killGroup(browser.process());
    else
      launching.then(
        (late) => {
          killGroup(late.process());
          return rm(userDataDir, {recursive: true, force: true, maxRetries: 3});
        },
        () => {}
      );
    await rm(userDataDir, {recursive: true, force: true, maxRetries: 3});
    throw new Error(`could not start ${executablePath}: ${String((error as Error).message ?? error).split("\n")[0]}`);
  }
}

/** Kills what is left of `proc`'s process group with SIGKILL (`proc` alone if the group cannot be signalled). */
function killGroup(proc: ChildProcess | null): void {
  if (!proc?.pid) return;
  try {
    process.kill(-proc.pid, "SIGKILL");
  } catch (error) {
    // ESRCH: the group is gone already.
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") proc.kill("SIGKILL");
  }
}

/**
 * Removes the profiles of Chromiums that died without cleaning up: `deals-chromium-*` folders whose SingletonLock
 * (a symbolic link to `<host>-<pid>`) names this host and a process that no longer runs.
 */
async function removeStaleProfiles(): Promise<void> {
  for (const name of await readdir(tmpdir()).catch(() => [] as string[])) {
    if (!name.startsWith("deals-chromium-")) continue;
    const lock = await readlink(join(tmpdir(), name, "SingletonLock")).catch(() => "");
    const at = lock.lastIndexOf("-");
    if (at < 0 || lock.slice(0, at) !== hostname() || isRunning(Number(lock.slice(at + 1)))) continue;
    await rm(join(tmpdir(), name), {recursive: true, force: true});
  }
}

/** What a locked page saw: requests refused and errors printed, for the caller to fail on. */
export interface PageLog {
  blocked: string[];
  errors: string[];
}

/** A page opened by lockedPage: what it logs, a promise that rejects when its renderer crashes, and its disposal. */
export interface LockedPage {
  page: Page;
  log: PageLog;
  /**
   * Rejects with `the page's renderer crashed (…)` if it does; never resolves. A crash fails nothing pending on the
   * page (a wait would run into its timeout), so race work on the page against it.
   */
  crashed: Promise<never>;
  dispose(): Promise<void>;
}

/**
 * Returns a new page in a fresh browser context that only talks to `origin` (`http://127.0.0.1:<port>`, as
 * serveSite gives it; anything else throws `invalid origin`). The log collects every refused request (and every
 * WebSocket and popup, which the dead proxy and the popup blocker stop), console error and uncaught page error.
 * Throws `the page's renderer crashed (…)` if it crashes while the page is set up, and `the browser is not
 * responding` if setting it up takes over `timeoutMs` (default 10 s; it takes under a second); the context is closed then.
 *
 * @example
 * const {page, log, crashed, dispose} = await lockedPage(chromium.browser, server.origin);
 */
export async function lockedPage(browser: Browser, origin: string, {timeoutMs = 10_000} = {}): Promise<LockedPage> {
  const {protocol, host} = new URL(origin);
  if (protocol !== "http:" || !/^127\.0\.0\.1:\d+$/.test(host))
    throw new Error(`invalid origin: ${origin} (expected http://127.0.0.1:<port>)`);
  const log: PageLog = {blocked: [], errors: []};
  let onCrash: (error: Error) => void = () => {};
  const crashed = new Promise<never>((_, reject) => {
    onCrash = (error) => reject(new Error(`the page's renderer crashed (${error.message})`));
  });
  crashed.catch(() => {});
  let context: BrowserContext | undefined;
  const setUp = async (): Promise<Page> => {
    context = await browser.createBrowserContext({proxyServer: DEAD_PROXY, proxyBypassList: ["<-loopback>", host]});
    // A popup (window.open, target=_blank) is a page of its own that this page's interception does not see.
    context.on("targetcreated", async (target) => {
      const popup = target.opener() ? await target.page().catch(() => null) : null;
      if (!popup) return;
      log.blocked.push(`popup: ${target.url().slice(0, 200)}`);
      await popup.close().catch(() => {});
    });
    const page = await context.newPage();
    // A renderer killed while the page is set up leaves the calls below waiting for the protocol timeout (minutes).
    page.once("error", onCrash);
    // Requests go to the network (and so to interception), never to a service worker's fetch handler.
    await page.setBypassServiceWorker(true);
    // Interception does not see WebSockets; the dead proxy stops them, and the log names them.
    const client = await page.createCDPSession();
    client.on("Network.webSocketCreated", ({url}) => log.blocked.push(`websocket: ${url.slice(0, 200)}`));
    await client.send("Network.enable");
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
    return page;
  };
  const setup = setUp();
  // It may still fail after a crash or timeout has been reported.
  setup.catch(() => {});
  const dispose = () => context?.close() ?? Promise.resolve();
  try {
    const page = await withTimeout(
      Promise.race([setup, crashed]),
      timeoutMs,
      `could not open a page in ${timeoutMs / 1000} s: the browser is not responding`
    );
    return {page, log, crashed, dispose};
  } catch (error) {
    await withTimeout(dispose(), 5_000, "").catch(() => {});
    throw error;
  }
}
