/**
 * Lighthouse on every built page (issue #19): its default mobile preset (a Moto G Power-sized screen, simulated
 * "slow 4G" and 4× CPU slowdown computed from an unthrottled load), run with the system Chromium against the site
 * served on 127.0.0.1. Records the four category scores (target ≥ 90 each, with a `pass`), Largest Contentful
 * Paint, Cumulative Layout Shift and the bytes transferred. Simulated throttling reduces the effect of a busy
 * machine on the performance score but does not remove it: the bench records the load beside the scores.
 */
import {readdir} from "node:fs/promises";
import {loadavg} from "node:os";
import {findChromium, installHint} from "../../../scripts/chromium.mjs";
import {chromiumFlags} from "../browser.js";
import {serveSite} from "../serve.js";

export const LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type LighthouseCategory = (typeof LIGHTHOUSE_CATEGORIES)[number];
/** The score every category must reach on every page. */
export const LIGHTHOUSE_TARGET = 90;
/** The layout shift the issue asks for at most ("good" in Lighthouse's terms). */
export const CLS_TARGET = 0.1;

export interface LighthousePage {
  /** Site path, e.g. `/deals/amazon-anthropic`. */
  path: string;
  /** Category scores 0–100 (null when Lighthouse could not score one). */
  scores: Record<LighthouseCategory, number | null>;
  /** Largest Contentful Paint, seconds (simulated). */
  lcp: number | null;
  /** Cumulative Layout Shift. */
  cls: number | null;
  /** Bytes transferred for the page and everything it loaded. */
  bytes: number | null;
  /** Ids of the failed audits with weight in a category (what to look at first). */
  failing: string[];
  /** Every score ≥ the target and CLS ≤ its target. */
  pass: boolean;
  /** One-minute load average when the page's run started (the bench's runs measure it). */
  load?: number;
}

export interface LighthouseBench {
  lighthouse: string;
  preset: string;
  /** One-minute load average before and after the runs. */
  load: {before: number; after: number};
  /** Wall time of the runs, one page after another in one Chromium (seconds). */
  seconds?: number;
  /** The built pages not measured, and why. */
  excluded?: string;
  pages: LighthousePage[];
  /** Every page passes. */
  pass: boolean;
}

/** Returns the site paths of the built pages in `site` (clean URLs: `/`, `/capacity`, `/deals/x`), sorted. */
export async function sitePages(site: string, {briefings = false} = {}): Promise<string[]> {
  return (await readdir(site, {recursive: true}))
    .map(String)
    .filter((f) => f.endsWith(".html") && (briefings || !f.startsWith("briefings")))
    .map(
      (f) =>
        `/${f
          .split("\\")
          .join("/")
          .replace(/\.html$/, "")
          .replace(/(^|\/)index$/, "")}`
    )
    .sort();
}

interface LhAudit {
  id?: string;
  score: number | null;
  numericValue?: number;
  scoreDisplayMode?: string;
}
interface LhResult {
  lighthouseVersion: string;
  categories: Record<string, {score: number | null; auditRefs: {id: string; weight: number}[]}>;
  audits: Record<string, LhAudit>;
}

/**
 * Returns one page's figures from a Lighthouse result (`lhr`).
 *
 * @example lighthouseFigures("/", lhr).scores.performance // 0–100
 */
export function lighthouseFigures(path: string, lhr: LhResult): LighthousePage {
  const scores = Object.fromEntries(
    LIGHTHOUSE_CATEGORIES.map((c) => {
      const score = lhr.categories[c]?.score;
      return [c, score === null || score === undefined ? null : Math.round(score * 100)];
    })
  ) as Record<LighthouseCategory, number | null>;
  const value = (id: string) => lhr.audits[id]?.numericValue ?? null;
  const lcp = value("largest-contentful-paint");
  const cls = value("cumulative-layout-shift");
  const failing = [
    ...new Set(
      LIGHTHOUSE_CATEGORIES.flatMap((c) =>
        (lhr.categories[c]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0)
          .map((ref) => ({ref, audit: lhr.audits[ref.id]}))
          .filter(({audit}) => audit && audit.scoreDisplayMode !== "informative" && audit.score !== null && audit.score < 0.9)
          .map(({ref}) => ref.id)
      )
    )
  ];
  const pass = Object.values(scores).every((s) => s !== null && s >= LIGHTHOUSE_TARGET) && cls !== null && cls <= CLS_TARGET;
  return {
    path,
    scores,
    lcp: lcp === null ? null : lcp / 1000,
    cls,
    bytes: value("total-byte-weight"),
    failing,
    pass
  };
}

/**
 * Runs Lighthouse (mobile preset, simulated throttling) on every page of the built `site` (or on `paths`), one
 * after another in one Chromium, and returns the figures per page.
 *
 * @example const lh = await benchLighthouse({site: "dist"}); lh.pages.filter((p) => !p.pass)
 */
export async function benchLighthouse({
  site,
  paths,
  log = () => {}
}: {
  site: string;
  paths?: string[];
  log?: (line: string) => void;
}): Promise<LighthouseBench> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`no Chromium or Chrome found.\n${installHint()}`);
  const [{default: lighthouse}, chromeLauncher] = await Promise.all([import("lighthouse"), import("chrome-launcher")]);
  const server = await serveSite(site);
  const host = new URL(server.origin).host;
  const chrome = await chromeLauncher.launch({
    chromePath: executablePath,
    chromeFlags: ["--headless=new", ...chromiumFlags({allow: host})],
    logLevel: "silent"
  });
  const before = loadavg()[0];
  const started = performance.now();
  const pages: LighthousePage[] = [];
  let version = "";
  try {
    for (const path of paths ?? (await sitePages(site))) {
      const load = Math.round(loadavg()[0] * 100) / 100;
      log(`bench: lighthouse ${path} (load ${load})…`);
      const result = await lighthouse(`${server.origin}${path}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: [...LIGHTHOUSE_CATEGORIES]
      });
      if (!result) throw new Error(`lighthouse returned nothing for ${path}`);
      const lhr = result.lhr as unknown as LhResult & {runtimeError?: {message: string}};
      if (lhr.runtimeError) throw new Error(`lighthouse on ${path}: ${lhr.runtimeError.message}`);
      version = lhr.lighthouseVersion;
      pages.push({...lighthouseFigures(path, lhr), load});
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  return {
    lighthouse: version,
    preset: "mobile (Lighthouse default: simulated slow 4G, 4× CPU slowdown, 412×823 screen)",
    load: {before: Math.round(before * 100) / 100, after: Math.round(loadavg()[0] * 100) / 100},
    seconds: Math.round((performance.now() - started) / 1000),
    excluded: paths
      ? undefined
      : "briefings/*.html: the pages the PDF briefings are printed from, linked nowhere on the site (readers get the PDFs)",
    pages,
    pass: pages.every((p) => p.pass)
  };
}

/**
 * Returns the Lighthouse table as Markdown: one row per page with the four scores, LCP, CLS, kB and pass.
 *
 * @example console.log(formatLighthouse(results.lighthouse))
 */
export function formatLighthouse(lh: LighthouseBench): string {
  const cell = (x: number | null, f: (x: number) => string) => (x === null ? "—" : f(x));
  const lines = [
    `Lighthouse ${lh.lighthouse}, ${lh.preset}; load ${lh.load.before} → ${lh.load.after}${lh.seconds === undefined ? "" : `, ${lh.seconds} s for ${lh.pages.length} pages in sequence`}; target ≥ ${LIGHTHOUSE_TARGET} each, CLS ≤ ${CLS_TARGET}`,
    ...(lh.excluded ? [`Not measured: ${lh.excluded}.`] : []),
    "| page | performance | accessibility | best practices | SEO | LCP | CLS | kB | pass | below 0.9 |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  ];
  for (const p of lh.pages)
    lines.push(
      `| ${p.path} | ${LIGHTHOUSE_CATEGORIES.map((c) => cell(p.scores[c], String)).join(" | ")} | ${cell(p.lcp, (x) => `${x.toFixed(1)} s`)} | ${cell(
        p.cls,
        (x) => x.toFixed(2)
      )} | ${cell(p.bytes, (x) => Math.round(x / 1000).toLocaleString("en-US"))} | ${p.pass ? "pass" : "FAIL"} | ${p.failing.join(", ")} |`
    );
  return lines.join("\n");
}
