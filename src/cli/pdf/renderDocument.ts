/**
 * Renders one briefing page to PDF in a fresh, locked-down browser context: loads it at the paper's printable
 * width, waits for the page's ready signal, refuses it on any error, prints it once with a placeholder of fixed
 * width in each contents entry's page-number cell, learns where each part starts from the bookmarks and stamps the
 * page numbers into that print (stampContentsNumbers). Only when stamping is not possible does it write the numbers
 * into the page and print again.
 */
import {ParseSpeeds, PDFDocument} from "pdf-lib";
import type {Browser, Page} from "puppeteer-core";
import {PAPER_SIZES, type Paper, printableArea, printableWidthPx} from "../../core/paper.js";
import type {BriefingMeta} from "../../site/types.js";
import {lockedPage, type PageLog} from "../browser.js";
import {contentsPages} from "./contentsPages.js";
import {readOutline, repairOutlineTitles} from "./outline.js";
import {DocumentError, overflowing, problems, refuseProblems, relinkSite} from "./pageChecks.js";
import {FIGURE_SPACE, SLOT_WIDTH, stampContentsNumbers} from "./stampNumbers.js";

export interface RenderRequest {
  /** Origin of the site server, `http://127.0.0.1:<port>`. */
  origin: string;
  /** Briefing name; its page is `/briefings/<name>`. */
  name: string;
  paper: Paper;
  /** Milliseconds allowed for loading and for each print; default 60 s. */
  timeoutMs?: number;
  /**
   * Public address of the site (e.g. `https://example.org/compute-deals`): links from the briefing to other site
   * pages point there. Without it they are removed, since the local server's address means nothing on paper.
   */
  siteUrl?: string;
}

export interface RenderedDocument {
  /** The PDF as Chromium printed it, with the contents' page numbers stamped in (before {@link finalizePdf}). */
  document: PDFDocument;
  meta: BriefingMeta;
  pages: number;
  /** Prints needed: 1 when the contents' page numbers were stamped into the first, else until they held still. */
  passes: number;
  /** What a reader would notice but does not stop the document: elements wider than the printable width. */
  warnings: string[];
  /** Seconds spent loading (navigation until ready) and printing (every pass). */
  timings: {load: number; print: number};
}

const MAX_PASSES = 4;
/** How long after a failed render a crash report still counts as its cause, ms. */
const CRASH_GRACE_MS = 1_000;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Returns the briefing printed to PDF with its contents' page numbers; throws {@link DocumentError} on a bad page. */
export async function renderDocument(
  browser: Browser,
  {origin, name, paper, timeoutMs = 60_000, siteUrl}: RenderRequest
): Promise<RenderedDocument> {
  const started = performance.now();
  const {page, log, crashed, dispose} = await lockedPage(browser, origin);
  // A crashed renderer fails nothing that is pending (a wait would run into its timeout): fail at once, as the
  // browser's fault (isBroken: "crashed"), so the document is retried with a new browser.
  try {
    return await Promise.race([render(page, log, {origin, name, paper, timeoutMs, siteUrl}, started), crashed]);
  } catch (error) {
    // A renderer killed while the page navigates fails the navigation (net::ERR_ABORTED) a moment before its crash is
    // reported: a failure followed within CRASH_GRACE_MS by a crash is the crash (the browser's fault, retried).
    throw await Promise.race([crashed.catch((crash: Error) => crash), delay(CRASH_GRACE_MS).then(() => error)]);
  } finally {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([dispose(), new Promise((resolve) => (timer = setTimeout(resolve, 5_000)))]).catch(() => {});
    clearTimeout(timer);
  }
}

/** The work of renderDocument, on the page it opened. */
async function render(
  page: Page,
  log: PageLog,
  {origin, name, paper, timeoutMs, siteUrl}: Required<Omit<RenderRequest, "siteUrl">> & Pick<RenderRequest, "siteUrl">,
  started: number
): Promise<RenderedDocument> {
  await page.setViewport({width: printableWidthPx(paper), height: 1000, deviceScaleFactor: 1});
  // Print media and the light theme from the first byte, so the page lays out (and sizes its charts) as printed.
  // Through CDP: Puppeteer's own emulateMediaType does not survive the first navigation of a locked page here.
  const client = await page.createCDPSession();
  await client.send("Emulation.setEmulatedMedia", {
    media: "print",
    features: [
      {name: "prefers-color-scheme", value: "light"},
      {name: "prefers-reduced-motion", value: "reduce"}
    ]
  });
  await page.goto(`${origin}/briefings/${encodeURIComponent(name)}?paper=${paper}`, {waitUntil: "load", timeout: timeoutMs});
  await page
    .waitForFunction(
      () =>
        (document.documentElement.dataset.ready === "true" && !document.querySelector("observablehq-loading")) ||
        document.querySelector(".observablehq--error") !== null,
      {timeout: timeoutMs, polling: 50}
    )
    .catch(async (error: Error) => {
      if (error.name !== "TimeoutError") throw error;
      const pending = await page.$$eval("observablehq-loading", (nodes) => nodes.length).catch(() => "?");
      throw new DocumentError(
        `${name}: not ready after ${timeoutMs / 1000} s (no data-ready="true"; ${pending} cells still loading)${problems(log)}`
      );
    });
  await refuseProblems(page, log, name);
  const meta = JSON.parse((await page.evaluate(() => document.documentElement.dataset.briefingMeta)) ?? "null") as BriefingMeta;
  if (!meta || meta.name !== name) throw new DocumentError(`${name}: the page did not describe itself (data-briefing-meta)`);

  await relinkSite(page, siteUrl);
  const warnings = await overflowing(page, printableWidthPx(paper), printableArea(paper, {landscape: true}).width);
  const loaded = performance.now();
  const titles = await page.$$eval("[data-toc-title]", (items) => items.map((item) => item.getAttribute("data-toc-title") ?? ""));
  // Each page-number cell holds figure spaces of a number's width, so the first print lays the contents out as the
  // numbers will; the numbers are then stamped into that print (stampContentsNumbers) and it need not print again.
  await writeNumbers(
    page,
    Array.from(titles, () => FIGURE_SPACE.repeat(SLOT_WIDTH))
  );
  let numbers: number[] = [];
  for (let pass = 1; pass <= MAX_PASSES; ++pass) {
    const printed = await print(page, paper, timeoutMs);
    // Parsed in one go: pdf-lib's default yields to the event loop every 100 objects through a timer, which left a
    // 2 MB briefing (≈ 3,500 objects) idle for about 0.1 s more than the parse itself.
    const doc = await PDFDocument.load(printed, {updateMetadata: false, parseSpeed: ParseSpeeds.Fastest});
    repairOutlineTitles(doc);
    const outline = readOutline(doc);
    const found = contentsPages(titles, outline);
    // The contents lie between their own heading's page and the first part's.
    const span = {from: outline.find((item) => item.title === "Contents")?.page || 1, to: found[0]};
    const stamped = pass === 1 && stampContentsNumbers(doc, found, span);
    if (stamped || found.join() === numbers.join()) {
      await refuseProblems(page, log, name);
      const timings = {load: (loaded - started) / 1000, print: (performance.now() - loaded) / 1000};
      return {document: doc, meta, pages: doc.getPageCount(), passes: pass, timings, warnings};
    }
    numbers = found;
    await writeNumbers(page, numbers.map(String));
  }
  throw new DocumentError(`${name}: the contents' page numbers did not settle after ${MAX_PASSES} prints`);
}

/** Writes `texts[i]` into the page-number cell of the i-th contents entry. */
async function writeNumbers(page: Page, texts: string[]): Promise<void> {
  await page.evaluate((texts: string[]) => {
    document.querySelectorAll("[data-toc-title]").forEach((item, i) => {
      const cell = item.querySelector(".toc-page");
      if (cell) cell.textContent = texts[i];
    });
  }, texts);
}

/** Prints the page as a tagged PDF with bookmarks, on the paper's size; margins and running heads come from CSS. */
async function print(page: Page, paper: Paper, timeout: number): Promise<Uint8Array> {
  return page.pdf({
    format: PAPER_SIZES[paper].format,
    printBackground: true,
    preferCSSPageSize: false,
    outline: true,
    tagged: true,
    waitForFonts: true,
    timeout
  });
}
