import {readdirSync} from "node:fs";
import {afterAll, assert, beforeAll, describe, inject, it} from "vitest";
import {type LockedBrowser, launchBrowser, lockedPage} from "../../src/cli/browser.js";
import {type SiteServer, serveSite} from "../../src/cli/serve.js";

const siteDir = inject("siteDir");
let server: SiteServer;
let chromium: LockedBrowser;

beforeAll(async () => {
  server = await serveSite(siteDir);
  chromium = await launchBrowser();
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

/** Loads a page, waits for every cell to settle, and returns what it showed and what went wrong. */
async function visit(path: string, {width = 1280} = {}) {
  const {page, log, dispose} = await lockedPage(chromium.browser, server.origin);
  try {
    await page.setViewport({width, height: 900});
    await page.goto(`${server.origin}${path}`, {waitUntil: "load", timeout: 30_000});
    await page.waitForFunction(() => !document.querySelector("observablehq-loading"), {timeout: 30_000});
    const errors = await page.$$eval(".observablehq--error", (nodes) => nodes.map((n) => n.textContent ?? ""));
    const text = await page.$eval("main", (main) => (main as HTMLElement).innerText);
    return {text, errors, log};
  } finally {
    await dispose();
  }
}

const pages = readdirSync(siteDir, {recursive: true, encoding: "utf-8"})
  .filter((f) => f.endsWith(".html"))
  .map((f) => `/${f.replace(/\.html$/, "").replace(/(^|\/)index$/, "")}`)
  .sort();

describe("every page", () => {
  // A few pages at a time (the site project's maxConcurrency): most of a visit is waiting.
  it.concurrent.each(pages)("%s loads with no error and no request leaving 127.0.0.1", async (path) => {
    const {errors, log} = await visit(path);
    assert.deepStrictEqual(errors, [], "error blocks");
    assert.deepStrictEqual(log.errors, [], "console errors");
    assert.deepStrictEqual(log.blocked, [], "blocked requests");
  });
});

it("the site has a page for every deal file", () => {
  const deals = readdirSync("data/deals").map((f) => f.replace(/\.ya?ml$/, ""));
  for (const deal of deals) assert.include(pages, `/deals/${deal}`);
});

it("the overview shows the founding figures with their bounds", async () => {
  const {text} = await visit("/");
  for (const figure of ["$5B", "$13B", "over $100B", "up to 5 GW"]) assert.include(text, figure);
});
