/**
 * Renders one briefing page to PDF in a fresh, locked-down browser context: loads it at the paper's printable
 * width, waits for the page's ready signal, refuses it on any error, prints it once to learn where each part
 * starts (from the bookmarks), writes the page numbers into the contents and prints again.
 */
import {PDFDocument} from "pdf-lib";
import type {Browser, Page} from "puppeteer-core";
import {LANDSCAPE_CLASS} from "../../../docs/components/briefing/fitToWidth.js";
import {PAPER_SIZES, type Paper, printableArea, printableWidthPx} from "../../../docs/components/briefing/paper.js";
import type {BriefingMeta} from "../../../docs/components/briefing/types.js";
import {lockedPage, type PageLog} from "../browser.js";
import {contentsPages} from "./contentsPages.js";
import {readOutline, repairOutlineTitles} from "./outline.js";

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
  /** The PDF as Chromium printed it (before {@link finalizePdf}). */
  bytes: Uint8Array;
  meta: BriefingMeta;
  pages: number;
  /** Prints needed until the contents' page numbers held still (2 normally). */
  passes: number;
  /** What a reader would notice but does not stop the document: elements wider than the printable width. */
  warnings: string[];
  /** Seconds spent loading (navigation until ready) and printing (every pass). */
  timings: {load: number; print: number};
}

/** A document that the page itself refused: an error block, a console error, a blocked request. Not retried. */
export class DocumentError extends Error {
  override name = "DocumentError";
}

const MAX_PASSES = 4;

/** Returns the briefing printed to PDF with its contents' page numbers; throws {@link DocumentError} on a bad page. */
export async function renderDocument(
  browser: Browser,
  {origin, name, paper, timeoutMs = 60_000, siteUrl}: RenderRequest
): Promise<RenderedDocument> {
  const started = performance.now();
  const {page, log, dispose} = await lockedPage(browser, origin);
  try {
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
    let numbers: number[] = [];
    for (let pass = 1; pass <= MAX_PASSES; ++pass) {
      const bytes = await print(page, paper, timeoutMs);
      const doc = await PDFDocument.load(bytes, {updateMetadata: false});
      repairOutlineTitles(doc);
      const found = contentsPages(titles, readOutline(doc));
      if (found.join() === numbers.join()) {
        await refuseProblems(page, log, name);
        const timings = {load: (loaded - started) / 1000, print: (performance.now() - loaded) / 1000};
        return {bytes, meta, pages: doc.getPageCount(), passes: pass, timings, warnings};
      }
      numbers = found;
      await page.evaluate((numbers: number[]) => {
        document.querySelectorAll("[data-toc-title]").forEach((item, i) => {
          const cell = item.querySelector(".toc-page");
          if (cell) cell.textContent = String(numbers[i]);
        });
      }, numbers);
    }
    throw new DocumentError(`${name}: the contents' page numbers did not settle after ${MAX_PASSES} prints`);
  } finally {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([dispose(), new Promise((resolve) => (timer = setTimeout(resolve, 5_000)))]).catch(() => {});
    clearTimeout(timer);
  }
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

/**
 * Returns a warning for the page's content box when it is not the paper's printable width, and for each chart,
 * table or figure wider than its page's printable width (`landscape` inside `.print-landscape`): it would be cut.
 */
async function overflowing(page: Page, width: number, landscape: number): Promise<string[]> {
  return page.evaluate(
    (width: number, landscape: number, landscapeClass: string) => {
      const main = document.querySelector("main")?.getBoundingClientRect();
      if (!main) return ["the page has no <main>"];
      const warnings =
        Math.abs(main.width - width) > 1 ? [`the content is ${Math.round(main.width)} px wide, not the paper's ${width} px`] : [];
      for (const node of document.querySelectorAll("main svg, main table, main figure, main img, main pre")) {
        const box = node.getBoundingClientRect();
        const limit = node.closest(`.${landscapeClass}`) ? landscape : width;
        if (box.width > limit + 1 || box.left < main.left - 1) {
          const name = `${node.tagName.toLowerCase()}${node.getAttribute("class") ? `.${String(node.getAttribute("class")).split(" ")[0]}` : ""}`;
          warnings.push(`${name} is ${Math.round(box.width)} px wide, wider than the printable ${limit} px`);
        }
      }
      return warnings;
    },
    width,
    landscape,
    LANDSCAPE_CLASS
  );
}

/**
 * Points links to other pages of the site at `siteUrl`, or removes them without one (they would print the local
 * server's address, which changes every run and leads nowhere). Links within the document and to other sites
 * stay as they are.
 */
async function relinkSite(page: Page, siteUrl: string | undefined): Promise<void> {
  await page.evaluate((siteUrl: string | null) => {
    for (const a of document.querySelectorAll<HTMLAnchorElement>("a[href]")) {
      const url = new URL(a.href, location.href);
      if (url.origin !== location.origin || (url.pathname === location.pathname && url.hash)) continue;
      if (siteUrl) a.href = `${siteUrl.replace(/\/+$/, "")}${url.pathname}${url.hash}`;
      else a.removeAttribute("href");
    }
  }, siteUrl ?? null);
}

/** Returns the log's errors and refused requests as "; console: …" text, or "". */
function problems(log: PageLog): string {
  return [...log.errors.map((text) => `; console: ${text}`), ...log.blocked.map((url) => `; blocked request: ${url}`)].join("");
}

/** Throws a {@link DocumentError} for an error block, a console or page error, or a refused request. */
async function refuseProblems(page: Page, log: PageLog, name: string): Promise<void> {
  const blocks = await page.$$eval(".observablehq--error", (nodes) => nodes.map((n) => (n.textContent ?? "").trim().slice(0, 300)));
  const problems = [
    ...blocks.map((text) => `error in the page: ${text}`),
    ...log.errors.map((text) => `console: ${text}`),
    ...log.blocked.map((url) => `blocked request: ${url}`)
  ];
  if (problems.length) throw new DocumentError(`${name}: ${problems.join("; ")}`);
}
