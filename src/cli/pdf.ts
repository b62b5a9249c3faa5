/**
 * PDF briefings: renders the briefing pages of a built site (docs/briefings/[briefing].md) to
 * `<out>/<name>.pdf` with the system Chromium, locked down to the site's own 127.0.0.1 origin. One browser,
 * bounded concurrency, a fresh context per document, a new browser every `maxDocsPerBrowser` documents, one retry
 * when the browser crashed (and no further documents once a retry failed too), and every browser closed (killed
 * after a timeout) whatever happens.
 */

import {mkdir, rm, writeFile} from "node:fs/promises";
import {availableParallelism} from "node:os";
import {join} from "node:path";
import type {Browser} from "puppeteer-core";
import {type Paper, parsePaper} from "../core/paper.js";
import {launchBrowser} from "./browser.js";
import {BrowserFailure, BrowserPool} from "./pdf/browserPool.js";
import {DYNAMIC_PATHS_HINT, readSiteBriefings} from "./pdf/manifest.js";
import {createProgress, isInteractive} from "./pdf/progress.js";
import {HUNG} from "./pdf/retry.js";
import {parseShard, type Shard, selectBriefings} from "./pdf/select.js";
import {writeBriefing} from "./pdf/writeBriefing.js";
import {serveSite} from "./serve.js";

export interface RenderOptions {
  /** The built site. */
  site: string;
  /** Where the PDFs go; default `<site>/briefings`. */
  out?: string;
  log?: (line: string) => void;
  /** Briefings to render; all when empty. */
  names?: string[];
  /** Paper for every document, instead of each briefing's own. */
  paper?: Paper;
  shard?: Shard;
  /** Documents rendered at once; default the number of cores. */
  concurrency?: number;
  /** Documents per browser before it is replaced; default 20. */
  maxDocsPerBrowser?: number;
  /** Milliseconds allowed per document (load, ready, each print); default 60 s. */
  timeoutMs?: number;
  /** Draw a progress bar; default when stderr is a terminal and CI is not set. */
  interactive?: boolean;
  /** Public address of the site, for links from a briefing to site pages; default `$DEALS_SITE_URL` (else removed). */
  siteUrl?: string;
  /** More work for the same browser once the documents are done (the build's link-preview cards, ogCards.ts). */
  afterDocuments?: (browser: Browser) => Promise<unknown>;
}

export interface RenderedBriefing {
  name: string;
  file: string;
  pages: number;
  bytes: number;
  seconds: number;
  /** Seconds loading the page (until ready) and printing it (every print, and stamping the contents' page numbers). */
  timings: {load: number; print: number};
  /** Content wider than the page (it would be cut), as the renderer measured it. */
  warnings: string[];
}

export interface RenderSummary {
  documents: RenderedBriefing[];
  seconds: number;
  pages: number;
  /** Sections left out: not in the registry yet, or per-deal in the market briefing; with the briefings concerned. */
  skipped: {id: string; reason: string; briefings: string[]}[];
  /** Why nothing could be rendered, when the site has no briefing pages. */
  unavailable?: string;
}

/**
 * Renders the site's briefings to PDF and returns what was written, with timings. Throws one error naming every
 * failed document after the others are done (no partial file is left for a failed one).
 *
 * @example await renderBriefings({site: "dist", out: "dist/briefings", log: console.warn})
 */
export async function renderBriefings({
  site,
  out = join(site, "briefings"),
  log = (line) => console.warn(line),
  names = [],
  paper,
  shard,
  concurrency = availableParallelism(),
  maxDocsPerBrowser = 20,
  timeoutMs = 60_000,
  interactive = isInteractive(),
  siteUrl = process.env.DEALS_SITE_URL || undefined,
  afterDocuments
}: RenderOptions): Promise<RenderSummary> {
  if (!(Number.isInteger(concurrency) && concurrency >= 1)) throw new Error(`invalid concurrency: ${concurrency}`);
  const started = performance.now();
  const available = await readSiteBriefings(site);
  if (!available) {
    const unavailable = `no briefing pages in ${site}/briefings/, so no PDF was rendered: ${DYNAMIC_PATHS_HINT}`;
    log(`pdf: warning: ${unavailable}`);
    return {documents: [], seconds: 0, pages: 0, skipped: [], unavailable};
  }
  const selected = selectBriefings(
    available.map((b) => b.name),
    {names, shard}
  );
  const byName = new Map(available.map((b) => [b.name, b]));
  await checkWritable(out);
  const server = await serveSite(site);
  const pool = new BrowserPool(launchBrowser, maxDocsPerBrowser);
  const progress = createProgress(selected.length, {log, interactive});
  const documents: RenderedBriefing[] = [];
  const failures: string[] = [];
  const skipped: RenderSummary["skipped"] = [];
  // Once a document failed because the browser failed even on its retry, the browser is broken (missing libraries,
  // out of memory…): the documents not started yet are reported, not attempted.
  let browserBroken = false;
  const notRendered: string[] = [];
  try {
    await pool.warmUp(progress.note);
    const queue = [...selected];
    const worker = async () => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        if (browserBroken) {
          notRendered.push(name);
          continue;
        }
        const t0 = performance.now();
        try {
          const request = {origin: server.origin, name, paper: paper ?? byName.get(name)!.paper, timeoutMs, siteUrl};
          const {rendered, file, bytes} = await writeBriefing(pool, request, {out, note: progress.note});
          for (const warning of rendered.warnings) progress.note(`pdf: warning: ${name}: ${warning}`);
          for (const {id, reason} of rendered.meta.skipped) {
            const entry = skipped.find((s) => s.id === id && s.reason === reason);
            if (entry) entry.briefings.push(name);
            else skipped.push({id, reason, briefings: [name]});
          }
          const seconds = (performance.now() - t0) / 1000;
          const {pages, timings, warnings, passes} = rendered;
          documents.push({name, file, pages, bytes, seconds, timings, warnings});
          const detail = `${pages} pages, ${seconds.toFixed(1)} s (load ${timings.load.toFixed(1)} s, ${passes === 1 ? "1 print" : `${passes} prints`} ${timings.print.toFixed(1)} s)`;
          progress.done(name, detail);
        } catch (error) {
          const message = (error as Error).message;
          failures.push(message.startsWith(`${name}: `) ? message : `${name}: ${message}`);
          if (error instanceof BrowserFailure && !message.includes(HUNG)) browserBroken = true;
          progress.done(name, "FAILED");
        }
      }
    };
    await Promise.all(Array.from({length: Math.min(concurrency, selected.length)}, worker));
    if (afterDocuments && !failures.length) await pool.use(afterDocuments);
  } finally {
    progress.stop();
    await pool.close();
    await server.close();
  }
  for (const {id, reason, briefings} of skipped) {
    log(`pdf: warning: section "${id}" skipped in ${briefings.length === 1 ? briefings[0] : `${briefings.length} briefings`}: ${reason}`);
  }
  if (notRendered.length) failures.push(`not rendered, since the browser failed twice in a row: ${notRendered.join(", ")}`);
  if (failures.length) {
    const count = failures.length - (notRendered.length ? 1 : 0) + notRendered.length;
    throw new Error(`${count} of ${selected.length} briefings failed:\n  ${failures.join("\n  ")}`);
  }
  const seconds = (performance.now() - started) / 1000;
  const pages = documents.reduce((sum, d) => sum + d.pages, 0);
  documents.sort((a, b) => selected.indexOf(a.name) - selected.indexOf(b.name));
  log(
    `pdf: ${documents.length} briefing${documents.length === 1 ? "" : "s"}, ${pages} pages in ${seconds.toFixed(1)} s (${pages ? (seconds / pages).toFixed(2) : "0"} s a page, ${Math.min(concurrency, selected.length)} at a time, ${pool.launches} browser launch${pool.launches === 1 ? "" : "es"}) → ${out}/`
  );
  return {documents, seconds, pages, skipped};
}

/**
 * Creates `out` if needed and throws `cannot write <out>: <reason>` unless a file can be written in it: checked
 * before any rendering, so a read-only or full folder fails in a second, not after every document.
 */
async function checkWritable(out: string): Promise<void> {
  const probe = join(out, `.probe-${process.pid}`);
  try {
    await mkdir(out, {recursive: true});
    await writeFile(probe, "%PDF-");
    await rm(probe);
  } catch (error) {
    const {code, message} = error as NodeJS.ErrnoException;
    const reason =
      code === "EROFS"
        ? "read-only file system"
        : code === "ENOSPC"
          ? "no space left on the device"
          : code === "EACCES"
            ? "permission denied"
            : message;
    throw new Error(`cannot write ${out}: ${reason}`);
  }
}

/** Options of `deals pdf` as commander parses them. */
export interface PdfCommandOptions {
  site: string;
  out?: string;
  paper?: string;
  shard?: string;
  concurrency?: string;
  timeout?: string;
}

/** Runs `deals pdf [NAME…]`; returns the exit code (0 when every PDF was written). */
export async function pdfCommand(names: string[], options: PdfCommandOptions): Promise<number> {
  try {
    const concurrency = options.concurrency === undefined ? undefined : Number(options.concurrency);
    const seconds = options.timeout === undefined ? undefined : Number(options.timeout);
    if (seconds !== undefined && !(seconds > 0 && seconds <= 3600))
      throw new Error(`invalid timeout: ${options.timeout} (seconds, at most 3600)`);
    const summary = await renderBriefings({
      site: options.site,
      out: options.out,
      names,
      paper: options.paper ? parsePaper(options.paper) : undefined,
      shard: options.shard ? parseShard(options.shard) : undefined,
      concurrency,
      timeoutMs: seconds === undefined ? undefined : seconds * 1000
    });
    return summary.unavailable ? 1 : 0;
  } catch (error) {
    console.error(`deals pdf: ${(error as Error).message}`);
    return 1;
  }
}
