/**
 * `deals build`: check the data, build the site and the PDF briefings into a scratch folder next to the output
 * folder, validate them, and only then swap the result into `dist/`. A failure at any step leaves the previous
 * `dist/` untouched, removes the scratch folder and says which step failed (and which data loader, if one did).
 * One build at a time per project: builds share Framework's cache (docs/.observablehq), so a second one waits.
 */
import {existsSync, rmSync} from "node:fs";
import {mkdir, readdir, readFile, rename, rm, stat, writeFile} from "node:fs/promises";
import {basename, dirname, join, resolve} from "node:path";
import type {Browser} from "puppeteer-core";
import {hashInputs} from "../io/manifest.js";
import {acquireBuildLock} from "./buildLock.js";
import {bundleCore} from "./bundleCore.js";
import {checkData, checkSummaries} from "./check.js";
import {checkCache} from "./checkCache.js";
import {isRunning, run} from "./exec.js";
import {writeFontFaces} from "./fontFaces.js";
import {minifyModules} from "./minifyModules.js";
import type {CardPlan} from "./ogCards.js";
import {EVERY_PAGE, type PageScope, relinkedScope} from "./pageScope.js";
import {PRERENDER_CACHE, prerenderPages} from "./prerender.js";
import {registeredFiles, relinkSite, siteKey} from "./relink.js";
import {validateSite} from "./validateSite.js";
import {writeManifest} from "./writeManifest.js";

export interface BuildOptions {
  /** Final output folder; default `dist`. */
  out?: string;
  /** Skip the PDF briefings (site only). */
  site?: boolean;
  /** Data folder; default `data`. Passed to loaders as $DEALS_DATA. */
  data?: string;
  /** Log function for progress lines. */
  log?: (line: string) => void;
}

export const FRAMEWORK = "node_modules/@observablehq/framework/dist/bin/observable.js";
const CACHE = "docs/.observablehq/cache";

/**
 * Builds everything; returns 0 on success, 1 on a data problem (nothing else happens then). Throws on any other
 * failure, after cleaning up, with a message that starts with the step that failed (e.g. `building the site:`).
 *
 * @example
 * process.exitCode = await buildAll({out: "dist", site: true});
 */
export async function buildAll({
  out = "dist",
  site = false,
  data = "data",
  log = (l) => console.warn(l)
}: BuildOptions = {}): Promise<number> {
  const started = performance.now();
  const step = (label: string) => log(`build: ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  // A stale summary does not stop a build (its briefing prints the template instead); `deals check` reports it. The
  // files and deals unchanged since the last build are not parsed and projected again (checkCache.ts).
  const cache = await checkCache();
  // The summaries are checked once the site data has the figures the briefings print (below), not against a table of
  // the check's own.
  const {code, dataset} = await checkData({dataDir: data, stale: false, cache, warnings: 5, summaries: false});
  if (code !== 0 || !dataset) return 1;
  await checkOutput(out);
  const {drawCards, launchBrowser, planCards, writeDownloads, writePageHeads, writeSiteData} = await import("./buildSteps.js");
  const release = await acquireBuildLock({
    onWait: (holder) => log(`build: waiting for another build of this project to finish (pid ${holder})`)
  });
  const scratch = `${resolve(out)}.build-${process.pid}`;
  const cleanUp = () => {
    rmSync(scratch, {recursive: true, force: true});
    release();
  };
  // Interrupted (Ctrl-C reaches the whole process group): clean up now, and again once Framework has died too. The
  // first pass can fail (Framework, signalled at the same moment, may still be writing into the scratch folder:
  // ENOTEMPTY), and a throw here would end the process with 1 instead of the signal's code: the second pass removes
  // what is left, and a build that finds a scratch folder of a dead process removes it too (removeStaleScratch).
  const cleanUpAfterSignal = () => {
    try {
      cleanUp();
    } catch {
      // See above.
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUpAfterSignal();
    setTimeout(() => {
      cleanUpAfterSignal();
      process.exit(signal === "SIGINT" ? 130 : 143);
    }, 300);
  };
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
  const stage = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    step(label);
    try {
      return await work();
    } catch (error) {
      throw new Error(`${label}: ${(error as Error).message}`);
    }
  };
  let cards: CardPlan | null = null;
  try {
    await removeStaleScratch(out);
    await stage("bundling the core for the browser", () => Promise.all([bundleCore(), writeFontFaces()]));
    // Every data file the loaders publish, computed here in one process and handed to Framework through its cache.
    // Hashes of every input, once: the manifest records them, and the site data and relink keys derive from them.
    const inputs = await hashInputs(undefined, data);
    // Every summary is checked against the figures its briefing prints, once the site data has them and before any
    // file is computed: a problem stops the build with every problem located, as `deals check` prints them (each
    // briefing's result is kept with the figures it read, so a rebuild checks again only those whose figures moved).
    let summariesPass = true;
    const snapshots = await stage("computing the site data", () =>
      writeSiteData({
        dataDir: data,
        dataset,
        previousManifest: previousManifest(out),
        inputs,
        check: async (site) => {
          summariesPass =
            (await checkSummaries(dataset, {
              figures: site.summaryFigures(),
              stale: false,
              reads: cache.reads,
              warnings: 5,
              checked: `the summaries checked against ${data}`
            })) === 0;
          return summariesPass;
        }
      })
    );
    if (!summariesPass) return 1;
    // What this build's check did not use (its summaries' results included) is gone from the check cache.
    await cache.prune();
    step(
      `site data: ${snapshots.written.length} file${snapshots.written.length === 1 ? "" : "s"} changed, ${snapshots.kept.length} unchanged`
    );
    // The checked deals' names by id: the site key and the page heads need not parse every deal file again.
    const known = new Map(dataset?.deals.map((d) => [d.id, d.name]));
    const key = siteKey(inputs, data, known);
    // Only data changed since the previous build: re-point its pages at the new data files instead of re-rendering.
    const relinked = await stage("relinking the site to the new data", () =>
      relinkSite({previousOut: out, scratch, files: snapshots.files, key})
    );
    if (relinked)
      step(
        `site: only data changed, ${relinked.files.length} data file${relinked.files.length === 1 ? "" : "s"} replaced, ${relinked.pages.length} page${relinked.pages.length === 1 ? "" : "s"} re-pointed`
      );
    // Framework reads the files from its cache: their texts are not needed any more, and were held while Framework's
    // own process and the prerender's ran beside this one (70 MB of JSON at 100 deals, growing with the deals).
    else snapshots.files.clear();
    // The pages the later steps take: every one, or in a relinked build those that can differ from the previous build's.
    let scope: PageScope = EVERY_PAGE;
    // Pages whose head this build changed (all of them when a relinked build's site address changed, see writePageHeads).
    const headsChanged = new Set<string>();
    await stage(relinked ? "checking the site" : "building the site", async () => {
      if (!relinked) {
        await frameworkBuild(scratch, data, previousManifest(out));
        // A relinked build copies the previous site, whose modules are minified already.
        await minifyModules(scratch);
      }
      // The link-preview cards: the previous build's where unchanged, the rest drawn in the PDF stage (none without it).
      cards = await planCards({scratch, previousOut: out, index: await snapshots.site.briefings(), drawing: !site});
      if (relinked) scope = relinkedScope(relinked.pages, cards);
      await writePageHeads(scratch, data, cards, known, scope, headsChanged);
      // Relinked: only the data files this build wrote are new; the rest are the previous build's, checked then.
      await validateSite(scratch, relinked ? {parsed: new Set(relinked.files), pages: scope} : {});
      // Each page's first screen (title, finding, key figures) in its HTML, for readers without JavaScript, search
      // engines and link previews: the page's own cells run in Node (src/cli/prerender.ts), a few seconds in all.
      step("site: writing each page's first screen into its HTML");
      const prerendered = await prerenderPages(scratch, {log, cache: PRERENDER_CACHE, ...(relinked ? {scope} : {})});
      step(`site: first screen of ${prerendered} page${prerendered === 1 ? "" : "s"} written into their HTML`);
      await fixFileDates(scratch, buildEpoch(snapshots.site.changes().asOf), scope);
      // Which pages register which data file, for the next relinked build (relink.ts).
      const registered = relinked ? relinked.registered : await registeredFiles(scratch);
      await writeManifest(scratch, {site: snapshots.site, inputs, siteKey: key, registered});
      // The downloads at stable paths (/data/figures.csv) and under the data version, beside Framework's hashed files.
      await writeDownloads(scratch, snapshots.site);
      // The memo keeps the downloads' parts too: pruned only once they are written (SnapshotPlan.pruneMemo).
      await snapshots.pruneMemo();
    });
    if (!site) {
      await stage("rendering the PDF briefings", async () => {
        const {renderBriefings} = await import("./pdf.js");
        const {PDF_IDENTITIES, recordPdfs, reusePdfs} = await import("./pdf/reuse.js");
        // A PDF whose page, page files, renderer and settings are unchanged is copied from the previous build (its
        // bytes checked against the manifest, without reading them when this checkout noted the file unmoved).
        const plan = await reusePdfs(scratch, out, {
          identities: PDF_IDENTITIES,
          unchanged: (name) => !scope(`briefings/${name}.html`) && !headsChanged.has(`briefings/${name}.html`)
        });
        plan.render = pdfsWanted(plan.render);
        step(`pdf: ${plan.kept.length} unchanged and kept, ${plan.render.length} to render`);
        const pages: Record<string, number> = Object.fromEntries(plan.kept.filter((n) => plan.pages[n]).map((n) => [n, plan.pages[n]]));
        // The cards are drawn by the browser that printed the PDFs (a browser of their own when every PDF was kept).
        let drawn = 0;
        const drawAll = async (browser: Browser) => {
          drawn = cards ? await drawCards(browser, scratch, cards) : 0;
        };
        if (plan.render.length) {
          const rendered = await renderBriefings({
            site: scratch,
            out: join(scratch, "briefings"),
            names: plan.render,
            log,
            afterDocuments: drawAll
          });
          for (const d of rendered.documents) pages[d.name] = d.pages;
        } else if (cards?.cards.some((c) => c.draw)) {
          const chromium = await launchBrowser();
          try {
            await drawAll(chromium.browser);
          } finally {
            await chromium.close();
          }
        }
        if (cards) step(`pdf: ${drawn} link-preview card${drawn === 1 ? "" : "s"} drawn, ${cards.cards.length - drawn} kept`);
        await recordPdfs(scratch, plan.keys, pages, plan.sha256, {identities: PDF_IDENTITIES, pageHashes: plan.pageHashes});
      });
    }
    await stage(`swapping the new build into ${out}`, () => swapInto(scratch, out));
    step(`done: ${out}/`);
    return 0;
  } finally {
    // The handlers go after the event loop's current turn, not now: a signal to the whole process group (Ctrl-C, a
    // test's SIGTERM) reaches Framework's child too; if the child's exit were handled first, the build would fail,
    // reach here and remove the handlers before this process's own signal was dispatched, which would then be
    // swallowed (exit 1, not 143). Deferred, a pending signal still finds its handler. (One of the two ways s16's CI
    // run could have exited 1 on faults-test's SIGTERM; the other is the first clean-up's throw, above. Not reproduced
    // alone: the test passed when run by itself.)
    setImmediate(() => process.off("SIGINT", onSignal).off("SIGTERM", onSignal));
    cleanUp();
  }
}

/**
 * Returns the briefings of `names` that this build renders: all of them, or in a test run (VITEST set) only those
 * DEALS_PDFS lists when it is set (a test that needs only some PDFs; the others are then missing from the build, never
 * stale). Outside a test run DEALS_PDFS does nothing.
 */
export function pdfsWanted(names: readonly string[], env: NodeJS.ProcessEnv = process.env): string[] {
  const listed = env.DEALS_PDFS;
  if (!env.VITEST || listed === undefined) return [...names];
  const wanted = new Set(listed.split(",").map((n) => n.trim()));
  return names.filter((n) => wanted.has(n));
}

/** Runs `observable build` into `scratch`; an error names the data loader that failed, if one did. */
async function frameworkBuild(scratch: string, data: string, previous: string): Promise<void> {
  await pinNpmVersions();
  const earlierErrors = await loaderErrors();
  try {
    await run("node", [FRAMEWORK, "build"], {
      env: {DEALS_SITE_OUT: scratch, DEALS_DATA: data, DEALS_PREVIOUS_MANIFEST: previous, OBSERVABLE_TELEMETRY_DISABLE: "true"},
      label: "observable build"
    });
  } catch (error) {
    const loaders = await failedLoaders(earlierErrors);
    throw loaders.length ? new Error(`${(error as Error).message}; data loader failed: ${loaders.join(", ")} (its error is above)`) : error;
  }
}

/** Returns the absolute path of the previous build's manifest, or "" when there is no previous build. */
function previousManifest(out: string): string {
  const path = resolve(out, "manifest.json");
  return existsSync(path) ? path : "";
}

/**
 * Throws `cannot write the output folder <out>: <reason>` unless `out`'s parent can be created and written and
 * `out` is a folder or absent; checked before any work, so a bad `--out` fails in a second, not after the build.
 */
async function checkOutput(out: string): Promise<void> {
  const target = resolve(out);
  const probe = join(dirname(target), `.${basename(target)}.probe-${process.pid}`);
  try {
    if (existsSync(target) && !(await stat(target)).isDirectory()) throw new Error("it is a file, not a folder");
    await mkdir(dirname(target), {recursive: true});
    await writeFile(probe, "");
    await rm(probe);
  } catch (error) {
    const {code, message} = error as NodeJS.ErrnoException;
    const reason =
      code === "ENOTDIR" || code === "EEXIST"
        ? "a parent of it is a file"
        : code === "EACCES" || code === "EROFS"
          ? "permission denied"
          : message;
    throw new Error(`cannot write the output folder ${out}: ${reason}`);
  }
}

/**
 * Cleans up after builds that were killed (their pid no longer runs): removes their scratch folders
 * (`<out>.build-<pid>`), and puts back a previous output that a swap had moved aside (`<out>.old-<pid>`) when
 * `out` itself is missing (killed between swapInto's two renames), else removes it.
 */
async function removeStaleScratch(out: string): Promise<void> {
  const target = resolve(out);
  const pattern = new RegExp(`^${basename(target).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(build|old)-(\\d+)$`);
  for (const name of (await readdir(dirname(target))).sort()) {
    const [, kind, pid] = pattern.exec(name) ?? [];
    if (!pid || Number(pid) === process.pid || isRunning(Number(pid))) continue;
    const path = join(dirname(target), name);
    if (kind === "old" && !existsSync(target)) await rename(path, target);
    else await rm(path, {recursive: true, force: true});
  }
}

/**
 * Versions Framework would otherwise ask registry.npmjs.org for (the libraries its client offers as implicit
 * imports; our pages import nothing from npm). Seeding them into its cache keeps the build offline and the
 * client bundle, which names them, the same on every machine and every day.
 */
const NPM_PINS = [
  "@observablehq/plot@0.6.17",
  "@observablehq/sample-datasets@1.0.1",
  "apache-arrow@21.2.0",
  "arquero@8.0.3",
  "d3-dsv@3.0.2",
  "d3@7.9.2",
  "echarts@6.1.0",
  "htl@1.0.0",
  "leaflet@1.9.4",
  "lodash@4.18.1",
  "mapbox-gl@3.32.0",
  "parquet-wasm@0.8.0",
  "react-dom@19.3.1",
  "react@19.3.1",
  "topojson-client@3.1.0"
];

export async function pinNpmVersions(): Promise<void> {
  for (const pin of NPM_PINS) {
    const name = pin.slice(0, pin.lastIndexOf("@"));
    const dir = join(CACHE, "_npm", name.includes("/") ? dirname(name) : "");
    const cached = existsSync(dir) ? (await readdir(dir)).filter((entry) => entry.startsWith(`${basename(name)}@`)) : [];
    // Framework takes the highest cached version: remove any other, then add the pinned one.
    for (const entry of cached) if (entry !== basename(pin)) await rm(join(dir, entry), {recursive: true, force: true});
    await mkdir(join(CACHE, "_npm", pin), {recursive: true});
  }
}

/** Returns the date files are stamped with (ms): $SOURCE_DATE_EPOCH (seconds) if set, else the data's as-of date `asOf`. */
function buildEpoch(asOf: string): number {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== "") {
    if (!/^\d+$/.test(epoch)) throw new Error(`invalid SOURCE_DATE_EPOCH: ${epoch}`);
    return Number(epoch) * 1000;
  }
  return Date.parse(`${asOf}T00:00:00Z`);
}

/**
 * Replaces the file dates Framework writes into every page (`"lastModified":<ms>`, from the cache files' mtimes,
 * i.e. when a loader ran or a file was checked out) with `epochMs`, so two builds of the same inputs are identical.
 * Only the pages `scope` takes (pageScope.ts), when one page it leaves out has the dates of `epochMs` already (a
 * relinked build's pages left as they were carry the previous build's dates: another as-of date rewrites them all).
 */
async function fixFileDates(dir: string, epochMs: number, scope: PageScope = EVERY_PAGE): Promise<void> {
  const pages = (await readdir(dir, {recursive: true})).map((f) => String(f).split("\\").join("/")).filter((f) => f.endsWith(".html"));
  const outside = pages.find((p) => !scope(p));
  const dates = outside
    ? [...(await readFile(join(dir, outside), "utf-8")).matchAll(/"lastModified":(\d+)/g)].map((m) => Number(m[1]))
    : [];
  const current = dates.length > 0 && dates.every((d) => d === epochMs);
  for (const page of current ? pages.filter(scope) : pages) {
    const html = await readFile(join(dir, page), "utf-8");
    const fixed = html.replace(/("lastModified":)\d+/g, `$1${epochMs}`);
    if (fixed !== html) await writeFile(join(dir, page), fixed);
  }
}

/** Returns the failed loader outputs in Framework's cache (it keeps them as `<path>.<pid>.err`), relative to it. */
async function loaderErrors(): Promise<Set<string>> {
  return new Set(existsSync(CACHE) ? (await readdir(CACHE, {recursive: true})).filter((f) => f.endsWith(".err")) : []);
}

/** Returns the source files of the data loaders that failed since `earlier` was taken (see loaderErrors). */
async function failedLoaders(earlier: Set<string>): Promise<string[]> {
  const failed = [...(await loaderErrors())].filter((f) => !earlier.has(f)).map((f) => f.replace(/\.\d+\.err$/, ""));
  const loaders: string[] = [];
  for (const output of failed.sort()) {
    const dir = join("docs", dirname(output));
    const sources = existsSync(dir) ? (await readdir(dir)).filter((f) => f.startsWith(`${basename(output)}.`)) : [];
    loaders.push(...(sources.length ? sources.map((f) => join(dir, f)) : [join("docs", output)]));
  }
  return loaders;
}

/** Replaces `target` with `source` by two renames, so a reader never sees a half-written folder for long. */
export async function swapInto(source: string, target: string): Promise<void> {
  await mkdir(dirname(target), {recursive: true});
  const old = `${target}.old-${process.pid}`;
  if (existsSync(target)) await rename(target, old);
  try {
    await rename(source, target);
  } catch (error) {
    if (existsSync(old)) await rename(old, target);
    throw error;
  }
  await rm(old, {recursive: true, force: true});
}
