/**
 * `deals bench`: measures the whole pipeline in one run (clean and incremental builds with their stages and peak
 * memory, our site build against bare Framework, PDF seconds per page against Chromium's --print-to-pdf, Monte Carlo
 * throughput, slider latency in the browser, bytes per page, growth with the number of deals), prints each figure
 * with its median, spread and target, and writes bench/results.json.
 */
import {existsSync} from "node:fs";
import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {readValidDataset} from "../../io/readDataset.js";
import {buildSiteWithBriefings} from "./briefingSite.js";
import {benchBuilds, FRAMEWORK_CACHE} from "./buildBench.js";
import {readEnvironment, resultsDate} from "./environment.js";
import {benchLighthouse} from "./lighthouse.js";
import {benchMonteCarlo} from "./monteCarlo.js";
import {busyNotePrefix, replacedNote} from "./notes.js";
import {measurePageWeights} from "./pageWeight.js";
import {benchPdf} from "./pdfBench.js";
import {type BenchResults, evaluateTargets, formatTable} from "./report.js";
import {runTimed} from "./runTimed.js";
import {benchScale, SCALE_COUNTS} from "./scale.js";
import {benchScaleBuilds, projectBuild, SAMPLE_ABOVE, SAMPLE_DEALS} from "./scaleBuilds.js";
import {benchSiteOverhead} from "./siteOverhead.js";
import {benchSlider} from "./sliderLatency.js";
import {BENCH_STEPS, type BenchStep} from "./steps.js";

/** Returns how a step's CPU-s were counted, in words for its note. */
function cpuWords(method: string | null | undefined): string {
  if (!method) return "not measured";
  if (method.startsWith("cgroup")) return `of every process each build started, Chromium's included (${method})`;
  return `from ${method}, which misses the processes nobody waited for (Chromium's renderers)`;
}

export interface BenchOptions {
  json?: boolean;
  quick?: boolean;
  /** Comma-separated steps to run (default all); results.json is written only when all run. */
  only?: string;
  /** Where the results go; default bench/results.json. */
  out?: string;
  /** With `only`: merge the steps that ran into the existing results file instead of not writing it. */
  merge?: boolean;
}

/** Repetitions per step: a full run stays under about 10 minutes on 2 cores; --quick is for a first look. */
const REPETITIONS = {
  full: {builds: 3, site: 3, pdf: 2, mc: 5, moves: 10, scale: 2},
  quick: {builds: 1, site: 1, pdf: 1, mc: 2, moves: 5, scale: 1}
};

/**
 * Runs the benchmark and returns the exit code: 0 when every step measured (whether or not the targets pass), 1
 * when a step failed (its error is printed and recorded in the notes).
 *
 * @example process.exitCode = await benchCommand({quick: true});
 */
export async function benchCommand({
  json = false,
  quick = false,
  only,
  out = join("bench", "results.json"),
  merge = false
}: BenchOptions): Promise<number> {
  if (!existsSync("observablehq.config.ts")) {
    console.error("deals bench: run it from the project's root folder");
    return 1;
  }
  const steps = parseSteps(only);
  const reps = quick ? REPETITIONS.quick : REPETITIONS.full;
  const log = (line: string) => console.warn(line);
  const environment = readEnvironment();
  const dataset = await readValidDataset("data");
  await mkdir(".build", {recursive: true});
  const logFile = join(".build", "bench.log");
  await writeFile(logFile, "");
  const work = await mkdtemp(join(tmpdir(), "deals-bench-"));
  const results: Omit<BenchResults, "targets"> = {
    date: resultsDate(process.env, dataset.asOf),
    measuredAt: new Date().toISOString(),
    quick,
    environment,
    notes: []
  };
  if (environment.loadAverage > environment.cores)
    results.notes.push(`${busyNotePrefix(steps)} (load ${environment.loadAverage} on ${environment.cores} cores): times are inflated`);
  let failed = false;
  const step = async (name: BenchStep, run: () => Promise<void>) => {
    if (!steps.has(name)) return;
    log(`bench: ${name}…`);
    try {
      await run();
    } catch (error) {
      failed = true;
      const message = `${name} failed: ${(error as Error).message}`;
      results.notes.push(message);
      console.error(`deals bench: ${message}`);
    }
  };
  let site = "";
  const builtSite = async () => {
    if (site) return site;
    site = join(work, "site");
    log("bench: building a site to measure (not timed)…");
    await runTimed("node", ["bin/deals.js", "build", "--site-only", "--out", site], {logFile});
    return site;
  };
  try {
    await step("mc", async () => {
      results.monteCarlo = await benchMonteCarlo({repetitions: reps.mc});
    });
    await step("build", async () => {
      results.build = await benchBuilds({repetitions: reps.builds, work, log, logFile});
      site = results.build.site;
      const {clean, incremental} = results.build;
      if (!clean.pdf.documents) results.notes.push("the clean build wrote no PDF (no briefing pages in the site)");
      if (!incremental.whatChanged.some((line) => line.includes("compute commitment")))
        results.notes.push(`the rebuilt site's What changed does not name the changed commitment (${incremental.change})`);
      if (clean.redone) results.notes.push(`${clean.redone} clean build(s) redone: another build of the project ran meanwhile`);
      if (incremental.waited)
        results.notes.push(
          `the rebuilds waited ${incremental.waited.toFixed(0)} s in all for other builds of the project (left out of their times)`
        );
    });
    await step("site", async () => {
      results.site = await benchSiteOverhead({repetitions: reps.site, work, log, logFile});
      if (results.site.loadersRerun.length)
        results.notes.push(
          `warm site builds still ran loaders (${results.site.loadersRerun.join(", ")}; their keys hash all of src/ and data/, which other work changed meanwhile): the ratio includes them, the line below it does not`
        );
    });
    await step("pdf", async () => {
      let pdfSite = await builtSite();
      if (!existsSync(join(pdfSite, "briefings")) && existsSync("src/site/briefings.ts")) {
        log("bench: the site has no briefing pages; building one with them for the PDF measurement (not timed)…");
        pdfSite = await buildSiteWithBriefings(work, logFile);
        results.notes.push(
          "observablehq.config.ts does not list the briefing pages yet, so `deals build` renders no PDF (the clean build excludes PDFs); the PDF figures come from a site built with them added by a temporary config"
        );
      }
      const pdf = await benchPdf({site: pdfSite, repetitions: reps.pdf, work, log, logFile});
      results.pdf = pdf ?? {unavailable: "the built site has no briefing pages (briefings/*.html): nothing to print"};
      if (!pdf) results.notes.push(`pdf not measured: ${results.pdf && "unavailable" in results.pdf ? results.pdf.unavailable : ""}`);
      else
        results.notes.push(
          `PDF target (restated in issue #18): seconds per page at most 1.2× those of \`chromium --print-to-pdf --virtual-time-budget\`, one process per document, on the same pages in the same run; measured ${pdf.ratio.median.toFixed(2)}× (${pdf.secondsPerPage.median.toFixed(3)} s a page against ${pdf.rendered.secondsPerPage.median.toFixed(3)} s). Ours still waits for every chart and font, prints once (the contents' page numbers are stamped into that print; a second print only when stamping is not possible: the renderer's log says "2 prints") and post-processes each file; the baseline prints once when its virtual-time budget runs out.`
        );
    });
    await step("slider", async () => {
      results.slider = await benchSlider({site: await builtSite(), moves: reps.moves});
      if (results.slider.problems.length) results.notes.push(`/commitment logged: ${results.slider.problems.join("; ")}`);
    });
    await step("bytes", async () => {
      results.pageWeight = await measurePageWeights(await builtSite());
    });
    await step("lighthouse", async () => {
      results.lighthouse = await benchLighthouse({site: await builtSite(), log});
      if (results.lighthouse.load.before > environment.cores || results.lighthouse.load.after > environment.cores)
        results.notes.push(
          `Lighthouse ran on a busy machine (load ${results.lighthouse.load.before} → ${results.lighthouse.load.after} on ${environment.cores} cores): its simulated throttling reduces the effect on performance scores but does not remove it`
        );
    });
    await step("scale", async () => {
      results.scale = (await benchScale(SCALE_COUNTS, reps.scale)) ?? {
        unavailable: "src/cli/bench/scaleDeals.ts (measureScale) does not exist yet"
      };
      if ("unavailable" in results.scale) results.notes.push(`scale not measured: ${results.scale.unavailable}`);
    });
    await step("growth", async () => {
      // $DEALS_BENCH_COUNTS (comma-separated) tries the step on other counts.
      const counts = process.env.DEALS_BENCH_COUNTS
        ? process.env.DEALS_BENCH_COUNTS.split(",").map(Number)
        : quick
          ? SCALE_COUNTS.slice(0, 2)
          : SCALE_COUNTS;
      const load = readEnvironment().loadAverage;
      const rows = await benchScaleBuilds({counts, work, log, logFile});
      // Short of 1,000 deals measured, the clean build there is projected from the two largest counts, and says so.
      const largest = rows[rows.length - 1];
      const projection = rows.length >= 2 && largest.deals < 1000 ? projectBuild(rows[rows.length - 2], largest, 1000) : undefined;
      results.growth = {rows, loadAtStart: load, projection};
      const sampled = results.growth.rows.find((r) => r.clean.sampled);
      results.notes.push(
        `growth: builds of the real deals plus generated copies of the founding deal (each copy with a lab of its own), load ${load} at the start of the step on ${environment.cores} cores; CPU-s ${cpuWords(rows[0]?.rebuild.cpuMethod)}.` +
          (sampled
            ? ` Above ${SAMPLE_ABOVE} deals the clean build renders the site, the market briefing and ${SAMPLE_DEALS} deal briefings spread over the deals; the other PDFs' time is extrapolated from the sample's ${sampled.clean.rendered.secondsPerPage.toFixed(3)} s a page (${sampled.clean.pdfPages.toLocaleString("en-US")} pages estimated from the sample's mean deal briefing), and stand-in copies recorded under their own input keys let the rebuild keep them as it keeps real ones.`
            : "")
      );
    });
  } finally {
    // The builds ran on an edited copy of the data: leave no loader output of it behind for `observable preview`.
    if (steps.has("build") && !steps.has("site")) await rm(join(FRAMEWORK_CACHE, "data"), {recursive: true, force: true});
    await rm(work, {recursive: true, force: true});
  }
  let full: BenchResults = {...results, targets: evaluateTargets(results)};
  if (steps.size === BENCH_STEPS.length) {
    await mkdir(join(out, ".."), {recursive: true});
    await writeFile(out, `${toJson(full)}\n`);
    log(`bench: wrote ${out} (log: ${logFile})`);
  } else if (merge && existsSync(out)) {
    // The steps that ran replace theirs in the earlier results; the rest keep their earlier values and say when.
    const earlier = JSON.parse(await readFile(out, "utf-8")) as BenchResults;
    const merged: Omit<BenchResults, "targets"> = {
      ...earlier,
      ...pickSteps(results, steps),
      measuredAt: results.measuredAt,
      environment,
      quick
    };
    merged.notes = [
      ...results.notes,
      `steps ${[...steps].join(", ")} measured at ${results.measuredAt}; the others (${BENCH_STEPS.filter((s) => !steps.has(s)).join(", ")}) are from the run at ${earlier.measuredAt}`,
      // Notes that only a step writes are replaced when that step ran again.
      ...earlier.notes.filter((n) => !replacedNote(n, steps))
    ];
    full = {...merged, targets: evaluateTargets(merged)};
    await writeFile(out, `${toJson(full)}\n`);
    log(`bench: merged ${[...steps].join(", ")} into ${out} (log: ${logFile})`);
  } else log(`bench: ${out} not written (only ${[...steps].join(", ")} ran; log: ${logFile})`);
  console.log(json ? toJson(full) : formatTable(full));
  return failed ? 1 : 0;
}

/** Returns the steps to run from `--only a,b` (all when absent); throws `invalid step` for an unknown name. */
function parseSteps(only: string | undefined): Set<BenchStep> {
  if (!only) return new Set(BENCH_STEPS);
  const names = only.split(",").map((s) => s.trim());
  for (const name of names)
    if (!(BENCH_STEPS as readonly string[]).includes(name)) throw new Error(`invalid step: ${name} (one of ${BENCH_STEPS.join(", ")})`);
  return new Set(names as BenchStep[]);
}

/** The result fields each step writes. */
const STEP_FIELDS: Record<BenchStep, (keyof BenchResults)[]> = {
  mc: ["monteCarlo"],
  build: ["build"],
  site: ["site"],
  pdf: ["pdf"],
  slider: ["slider"],
  bytes: ["pageWeight"],
  lighthouse: ["lighthouse"],
  scale: ["scale"],
  growth: ["growth"]
};

/** Returns the fields of `results` that the given steps write. */
function pickSteps(results: Omit<BenchResults, "targets">, steps: ReadonlySet<BenchStep>): Partial<BenchResults> {
  return Object.fromEntries(
    [...steps].flatMap((step) => STEP_FIELDS[step].map((field) => [field, results[field as keyof typeof results]]))
  );
}

/** Returns the results as indented JSON without the scratch folder's path (no result; it differs on every run). */
function toJson(results: BenchResults): string {
  return JSON.stringify(results, (key, value) => (key === "site" && typeof value === "string" ? undefined : value), 2);
}
