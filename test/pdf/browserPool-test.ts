import type {Browser} from "puppeteer-core";
import {assert, it} from "vitest";
import {BrowserNotFound, type LockedBrowser} from "../../src/cli/browser.js";
import {BrowserFailure, BrowserPool} from "../../src/cli/pdf/browserPool.js";

/** Returns a launcher of fake browsers that records launches and closes. */
function fakeLauncher() {
  const log = {launched: 0, closed: 0, browsers: [] as {connected: boolean}[]};
  const launch = async (): Promise<LockedBrowser> => {
    const browser = {connected: true, id: ++log.launched};
    log.browsers.push(browser);
    return {browser: browser as unknown as Browser, close: async () => void ++log.closed};
  };
  return {launch, log};
}

it("new BrowserPool(launch, maxUses) serves maxUses documents per browser, then launches a new one", async () => {
  const {launch, log} = fakeLauncher();
  const pool = new BrowserPool(launch, 2);
  const ids: number[] = [];
  for (let i = 0; i < 5; ++i) await pool.use(async (browser) => ids.push((browser as unknown as {id: number}).id));
  // 5 documents, 2 per browser: browsers 1, 1, 2, 2, 3; the first two are closed once used up.
  assert.deepStrictEqual(ids, [1, 1, 2, 2, 3]);
  assert.strictEqual(pool.launches, 3);
  await pool.close();
  assert.strictEqual(log.closed, 3);
});

it("pool.use(job) shares one browser between concurrent documents and closes it after the last", async () => {
  const {launch, log} = fakeLauncher();
  const pool = new BrowserPool(launch, 2);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const first = pool.use(async () => gate);
  const second = pool.use(async () => gate);
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.strictEqual(log.launched, 1);
  assert.strictEqual(log.closed, 0, "not closed while documents run");
  release();
  await Promise.all([first, second]);
  assert.strictEqual(log.closed, 1, "retired after its 2 uses, closed when idle");
  await pool.close();
});

it("pool.use(job) turns a crash into a BrowserFailure and replaces the browser", async () => {
  const {launch, log} = fakeLauncher();
  const pool = new BrowserPool(launch, 20);
  try {
    await pool.use(async () => {
      log.browsers[0].connected = false;
      throw new Error("Target closed");
    });
    assert.fail("expected a BrowserFailure");
  } catch (error) {
    assert.instanceOf(error, BrowserFailure);
    assert.strictEqual((error as Error).message, "Target closed");
  }
  await pool.use(async () => {});
  assert.strictEqual(pool.launches, 2);
  await pool.close();
  assert.strictEqual(log.closed, 2);
});

it("pool.use(job) turns a browser that fails to launch into a BrowserFailure, and launches another next time", async () => {
  const {launch, log} = fakeLauncher();
  let failures = 1;
  const pool = new BrowserPool(async () => {
    if (failures-- > 0) throw new Error("could not start chromium: killed");
    return launch();
  }, 20);
  const runs: string[] = [];
  const error = await pool.use(async () => void runs.push("first")).catch((e: Error) => e);
  assert.instanceOf(error, BrowserFailure);
  assert.strictEqual((error as Error).message, "could not start chromium: killed");
  await pool.use(async () => void runs.push("second"));
  assert.deepStrictEqual(runs, ["second"]);
  assert.strictEqual(pool.launches, 2);
  await pool.close();
  assert.strictEqual(log.closed, 1);
});

it("pool.warmUp(note) launches once more when the first browser fails starting, and says so", async () => {
  const {launch, log} = fakeLauncher();
  let failures = 1;
  const pool = new BrowserPool(async () => {
    if (failures-- > 0) throw new Error("could not start chromium: Target closed\nat …");
    return launch();
  }, 20);
  const notes: string[] = [];
  await pool.warmUp((line) => notes.push(line));
  assert.deepStrictEqual(notes, [
    "pdf: the browser failed starting (could not start chromium: Target closed); retrying once with a new browser"
  ]);
  assert.strictEqual(pool.launches, 2);
  // The documents then use the browser that started.
  await pool.use(async () => {});
  assert.strictEqual(pool.launches, 2);
  await pool.close();
  assert.strictEqual(log.closed, 1);
});

it("pool.warmUp(note) throws when the retry fails starting too, or at once when there is no browser", async () => {
  const twice = new BrowserPool(async () => {
    throw new Error("could not start chromium: killed");
  }, 20);
  const notes: string[] = [];
  const error = await twice.warmUp((line) => notes.push(line)).catch((e: Error) => e);
  assert.strictEqual((error as Error)?.message, "could not start chromium: killed");
  assert.strictEqual(twice.launches, 2);
  assert.strictEqual(notes.length, 1);
  await twice.close();
  const none = new BrowserPool(async () => {
    throw new BrowserNotFound("no Chromium or Chrome found.");
  }, 20);
  const missing = await none.warmUp((line) => notes.push(line)).catch((e: Error) => e);
  assert.instanceOf(missing, BrowserNotFound);
  assert.strictEqual(none.launches, 1, "no retry: another launch cannot find one either");
  assert.strictEqual(notes.length, 1);
  await none.close();
});

it("pool.use(job) passes a page's own error through and keeps the browser", async () => {
  const {launch} = fakeLauncher();
  const pool = new BrowserPool(launch, 20);
  try {
    await pool.use(async () => {
      throw new Error("error in the page");
    });
  } catch (error) {
    assert.notInstanceOf(error, BrowserFailure);
  }
  await pool.use(async () => {});
  assert.strictEqual(pool.launches, 1);
  await pool.close();
});

it("new BrowserPool(launch, 0) throws", () => {
  assert.throws(() => new BrowserPool(fakeLauncher().launch, 0), /invalid maxUses: 0/);
});
