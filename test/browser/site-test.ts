import {mkdtempSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {ElementHandle, Page} from "puppeteer-core";
import {afterAll, assert, beforeAll, describe, it} from "vitest";
import {measurePageWeights} from "../../src/cli/bench/pageWeight.js";
import {HEADLINE} from "../../src/cli/bench/sliderLatency.js";
import {type LockedBrowser, type LockedPage, launchBrowser, lockedPage} from "../../src/cli/browser.js";
import {type SiteServer, serveSite} from "../../src/cli/serve.js";
import type {HeadlineFigure} from "../../src/core/index.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import {parseCsv} from "../csv.js";
import {builtSite} from "../setup/builtSite.js";
import {type AxeFinding, axeStates, type ColourMemo, settled} from "./axe.js";
import {disagreements} from "./consistency.js";
import {drawDeferred} from "./deferred.js";

const siteDir = await builtSite();
let server: SiteServer;
let chromium: LockedBrowser;

beforeAll(async () => {
  server = await serveSite(siteDir);
  chromium = await launchBrowser();
});

/** Seconds axe-core ran, over every page (printed at the end: its cost in this file's time). */
let axeSeconds = 0;
/** What axe's colour rules checked on the pages before (test/browser/axe.ts): each page adds what is its own. */
const colourMemo: ColourMemo = new Map();

afterAll(async () => {
  if (axeSeconds) console.warn(`site-test: axe-core ran ${axeSeconds.toFixed(1)} s in all`);
  await chromium?.close();
  await server?.close();
});

/** The axe runs queued so far: one page's at a time (oneAxeAtATime). */
let axeQueue: Promise<unknown> = Promise.resolve();

/**
 * Runs `work` (a page's axe states) after every axe run queued before it, so each page's colour rules see what all the
 * pages before them checked (ColourMemo). Run side by side, the first three deal pages each checked their whole
 * template (3,080 + 2,119 + 734 elements at 1280 px; 2 to 21 for each deal page after them), ≈ 35 s of axe in all.
 */
function oneAxeAtATime<T>(work: () => Promise<T>): Promise<T> {
  const next = axeQueue.then(work, work);
  axeQueue = next.catch(() => {});
  return next;
}

/**
 * Loads a page, waits for every cell to settle, and returns what it showed and what went wrong; with `axe`, also
 * axe-core's serious and critical violations (test/browser/axe.ts, in the same page load).
 */
async function visit(path: string, {width = 1280, axe = null as Parameters<typeof axeStates>[1] | null, keep = false} = {}) {
  const opened = await lockedPage(chromium.browser, server.origin);
  const {page, log, dispose} = opened;
  let kept = false;
  try {
    await page.setViewport({width, height: 900});
    // Every layout shift the reader did not cause while the page loads and its cells draw (Lighthouse's CLS, which
    // measures a phone only, without its windows): on a desktop a cell drawn from the controls moved the footer.
    await page.evaluateOnNewDocument(`window.__shift = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
        .observe({type: "layout-shift", buffered: true});`);
    await page.goto(`${server.origin}${path}`, {waitUntil: "load", timeout: 30_000});
    await page.waitForFunction(() => !document.querySelector("observablehq-loading"), {timeout: 30_000});
    await page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))");
    const shift = (await page.evaluate("window.__shift")) as number;
    // The parts below the first screen that wait to come near it, then drawn as for print: the checks see every part.
    const deferred = await drawDeferred(page);
    const errors = await page.$$eval(".observablehq--error", (nodes) => nodes.map((n) => n.textContent ?? ""));
    const text = await page.$eval("main", (main) => (main as HTMLElement).innerText);
    const h1 = await page.$eval("h1", (h) => (h.textContent ?? "").replace(/\s+/g, " ").trim()).catch(() => "");
    // The first family each chart's text asks for (the house sans, not Plot's system-ui, which is DejaVu here).
    const chartFonts = await page.$$eval("svg text", (nodes) => [
      ...new Set(nodes.map((n) => getComputedStyle(n).fontFamily.split(",")[0].trim().replace(/"/g, "")))
    ]);
    const {
      findings: violations,
      seconds,
      sideways
    }: {findings: AxeFinding[]; seconds: number; sideways: string[]} = axe
      ? await oneAxeAtATime(() => axeStates(page, axe))
      : {findings: [], seconds: 0, sideways: []};
    axeSeconds += seconds;
    // Error blocks again after the states (read before them, at 1280 px light, only): a cell that fails only at 390 px
    // or in dark shows one too. Framework also logs such a failure to the console, which was always read after them.
    if (axe)
      for (const error of await page.$$eval(".observablehq--error", (nodes) => nodes.map((n) => n.textContent ?? "")))
        if (!errors.includes(error)) errors.push(error);
    if (keep) {
      // Handed to a test of this page's controls (reopened()): back to light at 1280 × 900 px, as a fresh load is.
      await page.emulateMediaFeatures([{name: "prefers-color-scheme", value: "light"}]);
      if (page.viewport()?.width !== 1280) {
        await page.setViewport({width: 1280, height: 900});
        await settled(page);
      }
      loaded.set(path, opened);
      kept = true;
    }
    return {text, h1, errors, log, chartFonts, violations, deferred, shift, sideways};
  } finally {
    if (!kept) await dispose();
  }
}

/**
 * The pages whose controls a test below works (a slider, the CSV links), left open by their visit in "every page"
 * instead of loaded a second time: a page load in this browser costs about 3 CPU-s (the renderer's drawing, the
 * browser's and this process's share), a switch back to 1280 px a redraw.
 */
const KEPT = ["/commitment", "/signals", "/recycling"];
/** The pages "every page" left open (KEPT), for the test that takes them. */
const loaded = new Map<string, LockedPage>();

/**
 * The page `path` as its visit in "every page" left it (every part drawn, light, 1280 × 900 px), or (the file run with
 * -t) a fresh load of it at 1280 × 900 px; the caller disposes of it. Which one, the test's claims do not tell apart:
 * a fresh page's figures, controls and links are the ones drawn at load, and nothing the visit did (axe marks elements
 * with data attributes, switches the scheme and width, sends `beforeprint`) moves a control or changes the URL.
 */
async function reopened(path: string): Promise<LockedPage> {
  const kept = loaded.get(path);
  loaded.delete(path);
  if (kept) return kept;
  const opened = await lockedPage(chromium.browser, server.origin);
  await opened.page.setViewport({width: 1280, height: 900});
  await opened.page.goto(`${server.origin}${path}`, {waitUntil: "load", timeout: 30_000});
  return opened;
}

const pages = readdirSync(siteDir, {recursive: true, encoding: "utf-8"})
  .filter((f) => f.endsWith(".html"))
  .map((f) => `/${f.replace(/\.html$/, "").replace(/(^|\/)index$/, "")}`)
  .sort();

/**
 * The topic pages with charts or tables below their first screen that wait to come near it at 1280 × 900 px (besides the
 * deal pages; /methodology's methods wait on a phone only, within a screen of the first one on a desktop, its sources on both).
 */
const DEFERRING = ["/comparison", "/methodology", "/options", "/recycling", "/roadmap"];

/**
 * The briefings' print pages visited below: one of each kind (the market's and a deal's; every deal briefing is the
 * same page and components on other data), for what only a browser shows on them: chart text in the house font. That
 * every one of the eleven loads with no error block, console error or blocked request the shared test build shows: its
 * PDF stage loads each in the same locked-down browser, waits until it is ready, and refuses it on any of these
 * (refuseProblems, src/cli/pdf/pageChecks.ts), which fails the build and every file of the browser project.
 */
const BRIEFINGS_VISITED = ["/briefings/deal-amazon-anthropic", "/briefings/market"];
const visited = pages.filter((path) => !path.startsWith("/briefings/") || BRIEFINGS_VISITED.includes(path));

/** The main text of each deal page (and the overview) as its visit below read it (every part drawn, 1280 px). */
const dealTexts = new Map<string, string>();

describe("every page", () => {
  // A few pages at a time (the site project's maxConcurrency): most of a visit is waiting.
  // axe-core on the pages a reader opens (the briefings' print pages are read as PDFs), in the same page load: every
  // page in full (every part drawn), in light and dark at 1280 px and at 390 px (test/browser/axe.ts); the colour
  // rules check on each page what the pages before did not show (a deal page after the first: its own figures).
  it.concurrent.each(visited)(
    "%s loads with no error, no request leaving 127.0.0.1 and no serious accessibility violation",
    async (path) => {
      const axe = path.startsWith("/briefings/") ? null : {memo: colourMemo};
      const {text, errors, log, chartFonts, violations, h1, deferred, shift, sideways} = await visit(path, {
        axe,
        keep: KEPT.includes(path)
      });
      if (path.startsWith("/deals/") || path === "/") dealTexts.set(path, text);
      assert.deepStrictEqual(errors, [], "error blocks");
      // Nothing on the first screen at 1280 × 900 jumps while the page draws (CLS ≤ 0.1, "good").
      if (!path.startsWith("/briefings/")) assert.isAtMost(shift, 0.1, "layout shift at 1280 px");
      // No page scrolls sideways, light or dark, at 1280 or 390 px (every part drawn).
      assert.deepStrictEqual(sideways, [], "sideways scroll");
      // Parts below the first screen wait until the reader comes near them (drawn for the checks below as for print).
      if (path.startsWith("/deals/") || DEFERRING.includes(path)) assert.isAbove(deferred, 0, "parts waiting to come near the screen");
      // Chart text is in the house font (Inter), on every page that draws a chart.
      assert.includeMembers(["Inter"], chartFonts, "chart text font");
      assert.deepStrictEqual(log.errors, [], "console errors");
      assert.deepStrictEqual(log.blocked, [], "blocked requests");
      // The headline the HTML holds before any script runs is the one the page then shows (taken over in place).
      if (!path.startsWith("/briefings/")) assert.strictEqual(staticText(staticHeading(path)), h1, "static h1");
      assert.deepStrictEqual(
        violations.map((v) => `${v.state}: ${v.rule} (${v.impact}): ${v.help} at ${v.targets.join(", ")}`),
        [],
        "axe-core: serious or critical violations"
      );
      // A deal page is drawn in full at two widths and checked in four states: at a load of 20 or more on two cores the
      // founding deal's visit alone ran over the default 60 s (a hang guard, not a speed check: the CPU is measured);
      // a page's axe may also wait for the two pages' beside it (oneAxeAtATime).
    },
    180_000
  );
});

it("the site has a page for every deal file", () => {
  const deals = readdirSync("data/deals").map((f) => f.replace(/\.ya?ml$/, ""));
  assert.include(deals, "amazon-anthropic");
  // …and the pages every page test visits are the whole site, not an empty list.
  assert.includeMembers(pages, ["/", "/capacity", "/methodology", "/briefings/market"]);
  for (const deal of deals) assert.include(pages, `/deals/${deal}`);
  // Every page a reader opens is visited, and a briefing of each kind.
  assert.deepStrictEqual(
    visited.filter((p) => p.startsWith("/briefings/")),
    BRIEFINGS_VISITED
  );
  assert.strictEqual(visited.filter((p) => !p.startsWith("/briefings/")).length, pages.filter((p) => !p.startsWith("/briefings/")).length);
});

// On the text "every page" read from the overview's visit (run alone with -t, the page is loaded here).
it("the overview shows the founding figures with their bounds", async () => {
  const text = dealTexts.get("/") ?? (await visit("/")).text;
  for (const figure of ["$5B", "$13B", "over $100B", "up to 5 GW"]) assert.include(text, figure);
});

it("every page loads at most 250 kB of JavaScript, gzip, lazy imports included", async () => {
  const {pages: weights} = await measurePageWeights(siteDir);
  const over = weights.filter((p) => p.js.gzip > 250_000).map((p) => `${p.page}: ${(p.js.gzip / 1000).toFixed(1)} kB`);
  assert.deepStrictEqual(over, []);
  assert.strictEqual(weights.length, pages.length);
});

it("/commitment: moving a slider with the keyboard updates the headline figure and the URL, with no error", async () => {
  const {label, high} = (await readValidDataset("data")).assumptions.find((a) => a.id === "revenue-per-gw-year")!;
  const {page, log, dispose} = await reopened("/commitment");
  try {
    await page.waitForFunction(
      (h) => !!document.querySelector(h) && !document.querySelector("observablehq-loading"),
      {timeout: 30_000},
      HEADLINE
    );
    // Sliders at their defaults are not the reader's values, even where a default sits between two steps (AWS's
    // 35.4% margin on a 0.2-point grid): the page shows the published figures and writes no assumption to the URL.
    const written = [...new URL(page.url()).searchParams.keys()].filter((key) => key !== "deal");
    assert.deepStrictEqual(written, [], page.url());
    const before = await page.$eval(HEADLINE, (n) => n.textContent ?? "");
    // The range input of the slider whose label names the assumption (Inputs.range: a label, a number box, a range).
    const slider = await page.evaluateHandle((text) => {
      const forms = [...document.querySelectorAll("form.controls form")];
      const form = forms.find((f) => f.querySelector("label")?.textContent?.startsWith(text));
      return form?.querySelector("input[type=range]") ?? null;
    }, label);
    const range = slider.asElement() as ElementHandle<HTMLInputElement> | null;
    assert.isNotNull(range, `no slider labelled "${label}"`);
    await range!.focus();
    await page.keyboard.press("End");
    await page
      .waitForFunction((h, was) => document.querySelector(h)?.textContent !== was, {timeout: 5_000}, HEADLINE, before)
      .catch(() => assert.fail(`${HEADLINE} still reads "${before}" 5 s after "${label}" moved to ${high}`));
    const after = await page.$eval(HEADLINE, (n) => n.textContent ?? "");
    assert.notStrictEqual(after, before);
    assert.match(after, /GW-years/);
    assert.strictEqual(await range!.evaluate((input) => Number(input.value)), high);
    const query = new URL(page.url()).searchParams;
    assert.strictEqual(Number(query.get("revenue-per-gw-year")), high, page.url());
    assert.deepStrictEqual(await page.$$eval(".observablehq--error", (nodes) => nodes.map((n) => n.textContent)), [], "error blocks");
    assert.deepStrictEqual(log.errors, [], "console errors");
    assert.deepStrictEqual(log.blocked, [], "blocked requests");
  } finally {
    await dispose();
  }
});

it("a deal page on a phone draws its topics as the reader scrolls down to them, and nothing on the screen jumps", async () => {
  const {page, log, dispose} = await lockedPage(chromium.browser, server.origin);
  try {
    await page.setViewport({width: 390, height: 844});
    // Every layout shift the reader did not cause, from the start of the load (Lighthouse's CLS, without its windows).
    await page.evaluateOnNewDocument(`window.__shift = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
        .observe({type: "layout-shift", buffered: true});`);
    await page.goto(`${server.origin}/deals/amazon-anthropic`, {waitUntil: "load", timeout: 30_000});
    await page.waitForFunction(() => !document.querySelector("observablehq-loading"), {timeout: 30_000});
    const topics = await page.$$eval(".deal-topic [data-deferred]", (boxes) => boxes.length);
    const waiting = await page.$$eval("[data-deferred=waiting]", (boxes) => boxes.length);
    assert.isAtLeast(topics, 8, "topic parts");
    assert.strictEqual(waiting, topics, "no topic drawn before the reader scrolls");
    // A screen and a half at a time (parts draw a screen ahead), as a reader flicks through, to the end of the page.
    for (let step = 0; step < 200; step++) {
      const more = (await page.evaluate(
        "window.scrollBy(0, 1200), window.innerHeight + window.scrollY < document.body.scrollHeight - 1"
      )) as boolean;
      await page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50))))");
      if (!more) break;
    }
    await page.waitForFunction(() => !document.querySelector("[data-deferred]:not([data-deferred=drawn])"), {timeout: 20_000});
    assert.isAtLeast(await page.$$eval(".deal-topics svg", (svgs) => svgs.length), topics, "charts drawn");
    const shift = (await page.evaluate("window.__shift")) as number;
    assert.isAtMost(shift, 0.1, "layout shift");
    assert.deepStrictEqual(await page.$$eval(".observablehq--error", (nodes) => nodes.map((n) => n.textContent)), [], "error blocks");
    assert.deepStrictEqual(log.errors, [], "console errors");
  } finally {
    await dispose();
  }
});

/** Clicks the link `selector` as a reader would and returns the file the browser saved (its name and rows). */
async function clickDownload(page: Page, selector: string): Promise<{name: string; rows: string[][]}> {
  const dir = mkdtempSync(join(tmpdir(), "deals-csv-"));
  try {
    const client = await page.browser().target().createCDPSession();
    const done = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no download from ${selector} in 10 s`)), 10_000);
      client.on("Browser.downloadProgress", (event) => {
        if (event.state === "completed") {
          clearTimeout(timer);
          resolve(event.guid);
        } else if (event.state === "canceled") reject(new Error(`download from ${selector} canceled`));
      });
    });
    const names = new Map<string, string>();
    client.on("Browser.downloadWillBegin", (event) => names.set(event.guid, event.suggestedFilename));
    await client.send("Browser.setDownloadBehavior", {
      behavior: "allowAndName",
      browserContextId: page.browserContext().id,
      downloadPath: dir,
      eventsEnabled: true
    });
    await page.click(selector);
    const guid = await done;
    await client.detach();
    return {name: names.get(guid) ?? "", rows: parseCsv(readFileSync(join(dir, guid), "utf-8"))};
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

it("a chart's Data (CSV) link downloads a file that parses, with the rows drawn, units in the header and the data version", async () => {
  const signalsPage = await reopened("/signals");
  const recyclingPage = reopened("/recycling");
  recyclingPage.catch(() => {});
  const {page: signalsTab, log: signalsLog} = signalsPage;
  let page = signalsTab;
  try {
    // Signals: one row per observation on the board, under its signal.
    await page.waitForFunction(
      () => !document.querySelector("observablehq-loading") && !!document.querySelector(".signal-board a.csv-link"),
      {
        timeout: 30_000
      }
    );
    const version = await page.$eval("main", (m) => /data version ([0-9a-f]{12})/.exec(m.textContent ?? "")?.[1] ?? "");
    assert.match(version, /^[0-9a-f]{12}$/, "the page prints its data version");
    const signals = await clickDownload(page, ".signal-board a.csv-link");
    assert.strictEqual(signals.name, `signals-all-${version}.csv`);
    const [header, ...rows] = signals.rows;
    assert.deepStrictEqual(header.slice(0, 4), ["Signal", "Question", "Signal status", "Observation date"]);
    assert.strictEqual(header.at(-1), "dataVersion");
    const shown = await page.$$eval(".signal-board .signal", (cards) =>
      cards.map((c) => [c.querySelector("h3")?.textContent ?? "", Math.max(1, c.querySelectorAll(".evidence li").length)] as const)
    );
    assert.strictEqual(
      rows.length,
      shown.reduce((n, [, k]) => n + k, 0),
      "one row per observation drawn"
    );
    for (const [signal, k] of shown) assert.strictEqual(rows.filter((r) => r[0] === signal).length, k, signal);
    for (const row of rows) {
      assert.lengthOf(row, header.length);
      assert.strictEqual(row.at(-1), version);
    }
    // Recycling: the net-cash line, year by year, and its P10–P90 band once drawn (the charts are drawn when the reader
    // scrolls near them, the band then when idle).
    assert.deepStrictEqual(signalsLog.errors, [], "console errors on /signals");
    assert.deepStrictEqual(signalsLog.blocked, [], "blocked requests on /signals");
    const {page: recyclingTab, log} = await recyclingPage;
    page = recyclingTab;
    await page.waitForFunction(() => !document.querySelector("observablehq-loading") && !!document.querySelector(".recycling"), {
      timeout: 30_000
    });
    await page.$eval(".net-cash, [data-deferred=waiting]", (box) => box.scrollIntoView());
    await page.waitForSelector(".net-cash", {timeout: 10_000});
    await page.$eval(".net-cash", (box) => box.scrollIntoView());
    const selector = 'a.csv-link[download^="recycling-net-cash-"]';
    await page.waitForSelector(selector, {timeout: 10_000});
    // The chart is drawn again when its band arrives (when idle), replacing the link under a click in flight: try again
    // until a download carries the band.
    let cash: {name: string; rows: string[][]} | undefined;
    let failure: unknown;
    for (let tries = 0; tries < 20 && !cash?.rows.slice(1).some((r) => r[7] !== ""); tries++) {
      if (tries) await new Promise((resolve) => setTimeout(resolve, 500));
      cash = await clickDownload(page, selector).catch((error) => {
        failure = error;
        return cash;
      });
    }
    if (!cash) throw failure;
    const [cashHeader, ...years] = cash.rows;
    assert.includeMembers(cashHeader, [
      "Year",
      "Invested (usd)",
      "Cumulative net cash (usd)",
      "Cumulative net cash P10 (usd)",
      "Cumulative net cash P90 (usd)"
    ]);
    const col = (name: string) => cashHeader.indexOf(name);
    assert.isAbove(years.length, 3);
    for (const y of years) {
      assert.match(y[col("Year")], /^20\d\d$/);
      const [p10, p90] = [Number(y[col("Cumulative net cash P10 (usd)")]), Number(y[col("Cumulative net cash P90 (usd)")])];
      assert.isTrue(Number.isFinite(p10) && Number.isFinite(p90) && p10 <= p90, `band of ${y[col("Year")]}: ${p10}..${p90}`);
    }
    // Each year's net cash adds up to the cumulative line drawn.
    let sum = 0;
    for (const y of years) {
      sum += Number(y[col("Net cash (usd)")]);
      assert.approximately(Number(y[col("Cumulative net cash (usd)")]), sum, 1);
    }
    // The same page's cross-deal cash table (below the first screen: drawn once the reader scrolls to it): one row per
    // deal drawn, in the order drawn, medians as printed.
    await page.$eval(".market-npv-table, [data-deferred=waiting]", (box) => box.scrollIntoView());
    await page.waitForSelector('a.csv-link[download^="market-npv-"]', {timeout: 10_000});
    const npv = await clickDownload(page, 'a.csv-link[download^="market-npv-"]');
    const drawn = await page.$$eval(".market-npv-table tbody tr[data-deal]", (trs) => trs.map((tr) => tr.getAttribute("data-deal")));
    const [npvHeader, ...npvRows] = npv.rows;
    assert.deepStrictEqual(
      npvRows.map((r) => r[npvHeader.indexOf("Deal id")]),
      drawn
    );
    const medians = npvRows.map((r) => Number(r[npvHeader.indexOf("Cash NPV, median (usd)")]));
    assert.deepStrictEqual(
      medians,
      [...medians].sort((a, b) => b - a)
    );
    assert.deepStrictEqual(log.errors, [], "console errors");
    assert.deepStrictEqual(log.blocked, [], "blocked requests");
  } finally {
    await signalsPage.dispose();
    await recyclingPage.then(
      (opened) => opened.dispose(),
      () => {}
    );
  }
});

it('every built page has lang="en" and a description, and each deal page its own title', async () => {
  const dataset = await readValidDataset("data");
  for (const deal of dataset.deals) {
    const html = readFileSync(join(siteDir, "deals", `${deal.id}.html`), "utf-8");
    assert.include(html, '<html lang="en">', deal.id);
    assert.include(html, `<title>${deal.name.replace(/&/g, "&amp;")} | compute-deals</title>`, deal.id);
    assert.match(html, /<meta name="description" content="[^"]{40,}"/, deal.id);
  }
  for (const page of ["index", "capacity", "comparison", "methodology"]) {
    const html = readFileSync(join(siteDir, `${page}.html`), "utf-8");
    assert.include(html, '<html lang="en">', page);
    assert.match(html, /<meta name="description" content="[^"]{40,}"/, page);
  }
  // The link preview: the test build draws the market's card only (DEALS_CARDS, builtSite.ts), a PNG of 1200 × 630.
  const image = /<meta property="og:image" content="([^"]+)"/.exec(readFileSync(join(siteDir, "index.html"), "utf-8"))?.[1];
  const png = readFileSync(join(siteDir, image ?? "no og:image"));
  assert.deepStrictEqual([png.toString("latin1", 12, 16), png.readUInt32BE(16), png.readUInt32BE(20)], ["IHDR", 1200, 630]);
});

it("the pages a reader opens preload none of their own modules, only Framework's client (the first paint waits on no script)", () => {
  const preloaded = pages
    .filter((path) => !path.startsWith("/briefings/"))
    .flatMap((path) => [...builtHtml(path).matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => ({path, href: m[1]})));
  assert.isAbove(preloaded.length, 0, "no page preloads Framework's client");
  assert.deepStrictEqual(
    preloaded.filter(({href}) => !href.includes("_observablehq/")).map(({path, href}) => `${path}: ${href}`),
    []
  );
});

it("every page's On this page entries are words, not a heading whose interpolation the build could not read", () => {
  // Framework writes the contents from the Markdown's headings at build time: "## ${x.title}: every deal" became
  // ": every deal" on /recycling.
  const entries = pages
    .filter((path) => !path.startsWith("/briefings/"))
    .flatMap((path) => {
      const toc = /<aside id="observablehq-toc"[\s\S]*?<\/aside>/.exec(builtHtml(path))?.[0] ?? "";
      return [...toc.matchAll(/<a href="#[^"]*">([^<]*)<\/a>/g)].map((m) => ({path, text: m[1]}));
    });
  assert.isAbove(entries.length, 0, "no page has an On this page list");
  assert.deepStrictEqual(
    entries.filter(({text}) => !/^[A-Z0-9$]/.test(text.trim())).map(({path, text}) => `${path}: "${text}"`),
    []
  );
});

/** The built HTML of a site path. */
function builtHtml(path: string): string {
  return readFileSync(join(siteDir, `${path === "/" ? "index" : path.slice(1)}.html`), "utf-8");
}

/** The `<h1>` of a built page as its HTML holds it. */
function staticHeading(path: string): string {
  return /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(builtHtml(path))?.[1] ?? "";
}

/** The text of markup as a reader without JavaScript reads it: tags and scripts out, entities decoded, spaces collapsed. */
function staticText(html: string): string {
  return (
    html
      .replace(/<script\b[\s\S]*?<\/script>/g, "")
      // An inline element's tags (a figure run's span, a link) join the text around them, as a browser renders it
      // ("9.09 GW-years</span>:" reads "9.09 GW-years:"); any other tag separates words.
      .replace(/<\/?(?:span|a|em|strong|b|i|abbr|sup|sub|time)\b[^>]*>/g, "")
      .replace(/<[^>]+>/g, " ")
      .replace(/&nbsp;|&#160;/g, " ")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&")
      .replace(/\s+/g, " ")
      .trim()
  );
}

it("every page's first screen is in its HTML: its headline, and on a deal page the deal's key figures", async () => {
  const dataset = await readValidDataset("data");
  for (const path of pages.filter((p) => !p.startsWith("/briefings/"))) {
    assert.isAbove(staticText(staticHeading(path)).length, 4, `${path}: the h1 is empty without JavaScript`);
    assert.match(builtHtml(path), /<meta name="description" content="[^"]{40,}"/, `${path}: meta description`);
    if (path.startsWith("/deals/")) {
      const deal = dataset.deals.find((d) => `/deals/${d.id}` === path)!;
      assert.strictEqual(staticText(staticHeading(path)), deal.name, path);
      // The key box holds each key figure once on the first screen; the terms' cards with their badges are below (s11).
      assert.include(builtHtml(path), 'class="key-figures"', `${path}: key figures`);
    }
  }
  const main = /<main\b[\s\S]*?<\/main>/.exec(builtHtml("/deals/amazon-anthropic"))?.[0] ?? "";
  for (const figure of ["$5B", "$13B", "over $100B", "up to 5 GW"]) assert.include(staticText(main), figure);
});

it("every page links its fonts as woff2 files, preloaded, and no stylesheet carries them as base64", () => {
  for (const path of pages) {
    const html = readFileSync(join(siteDir, `${path === "/" ? "index" : path.slice(1)}.html`), "utf-8");
    assert.match(html, /<link rel="preload" href="(?:\.\.\/)*_fonts\/inter-latin-700-normal\.[0-9a-f]{8}\.woff2" as="font"/, path);
    // A page a reader opens never swaps a first-screen font in late (no layout shift); a briefing waits for its fonts.
    const display = path.startsWith("/briefings/") ? "swap" : "optional";
    assert.match(
      html,
      new RegExp(`font-display: ${display}; src: url\\("(?:\\.\\./)*_fonts/source-serif-4-latin-400-normal\\.[0-9a-f]{8}\\.woff2"\\)`),
      path
    );
    // Until a font is there, a local face matched to its metrics stands in (src/cli/fontMetrics.ts).
    assert.match(
      html,
      /font-family: "Source Serif 4 fallback"; font-style: normal; font-weight: 400; src: local\("DejaVu Serif"\); unicode-range: [^;]+; size-adjust: [\d.]+%/,
      path
    );
    assert.match(html, /font-display: swap; src: url\("(?:\.\.\/)*_fonts\/source-serif-4-latin-400-italic\.[0-9a-f]{8}\.woff2"\)/, path);
  }
  const styles = readdirSync(join(siteDir, "_import")).filter((f) => f.endsWith(".css"));
  assert.isNotEmpty(styles);
  for (const style of styles) assert.notInclude(readFileSync(join(siteDir, "_import", style), "utf-8"), "base64,", style);
});

// One truth across outputs (test/browser/consistency.ts), on the text of the deal pages that "every page" loaded: the
// same page load at the same width with every part drawn, which a file of its own loaded a second time (10 deal pages,
// the heaviest: consistency-test, 56 CPU-s with its own browser). Run alone (`-t`), a deal's page is loaded here.
describe("every published headline figure reads the same on the site, in the PDF and in deals project --json", () => {
  const figures = (JSON.parse(readFileSync(join(siteDir, "manifest.json"), "utf-8")) as {figures: HeadlineFigure[]}).figures;
  const deals = [...new Set(figures.map((f) => f.deal))].sort();
  let dataset: ReturnType<typeof readValidDataset> | undefined;

  it("the build publishes headline figures for several deals", () => {
    assert.isAbove(deals.length, 1);
  });

  it.concurrent.each(deals)(
    "%s",
    async (deal) => {
      const path = `/deals/${deal}`;
      const site = dealTexts.get(path) ?? (await visit(path)).text;
      dataset ??= readValidDataset("data");
      const {problems, checked, checkpoints} = await disagreements(deal, site, {siteDir, figures, dataset: await dataset});
      assert.strictEqual(checkpoints, 3, `${deal}: checkpoints`);
      assert.isAbove(checked, 0, `${deal}: no figure checked`);
      assert.deepStrictEqual(problems, [], `${deal}: figures that disagree`);
    },
    120_000
  );
});
