/**
 * Clean and incremental builds (targets 1, 4 and 7): per repetition, copy `data/` to a scratch folder, clear
 * Framework's cache, build everything into a fresh output folder while polling the memory of the build's process
 * tree, change one value, and rebuild into the same folder. Time spent waiting for another build of the project
 * (the build lock) is left out; a clean build that had to wait is redone, since the other build filled the cache.
 */
import {cp, rm} from "node:fs/promises";
import {join} from "node:path";
import {changeLine} from "../../core/index.js";
import {withBuildLock} from "../buildLock.js";
import {readBuiltChanges} from "../changes.js";
import {type BuildStage, type FrameworkLoads, parseBuildSteps, parseFrameworkLoads} from "./buildLog.js";
import {changeOneValue} from "./changeOneValue.js";
import {countPdfPages} from "./countPages.js";
import {runTimed, type TimedRun} from "./runTimed.js";
import {median, type Spread, summarize} from "./stats.js";

export const FRAMEWORK_CACHE = "docs/.observablehq/cache";

export interface StageSummary {
  name: string;
  seconds: Spread;
  /** Median share of the build's own total (0–1). */
  share: number;
}

export interface BuildBench {
  clean: {
    /** Wall seconds of `deals build` (process start to exit), less any wait for another build. */
    seconds: Spread;
    /** CPU seconds (user + system) of the build's process tree; null without GNU time. */
    cpuSeconds: Spread | null;
    stages: StageSummary[];
    /** Median seconds Framework reports per data loader it ran, and for loading all pages together. */
    loaders: Record<string, number>;
    pagesLoadSeconds: number;
    /** PDFs the clean build wrote (briefings/*.pdf). */
    pdf: {documents: number; pages: number};
    /** Clean builds redone because another build of the project ran in between. */
    redone: number;
  };
  incremental: {
    seconds: Spread;
    cpuSeconds: Spread | null;
    ratio: Spread;
    change: string;
    stages: StageSummary[];
    loaders: Record<string, number>;
    /** Loader outputs Framework reused from its cache in the rebuild. */
    reused: string[];
    /** The rebuilt site's What-changed lines (`deals changes`), which must name the changed value. */
    whatChanged: string[];
    /** Seconds the rebuilds waited for other builds (left out of `seconds`). */
    waited: number;
  };
  memory: {peakBytes: Spread; maxProcesses: number};
  /** The last build's output folder, for the measurements that need a built site. */
  site: string;
}

const MAX_REDO = 2;

/**
 * Returns clean-build and incremental-rebuild timings, stage shares and peak memory over `repetitions` (≥ 1)
 * rounds, working in `work` (a scratch folder). `log` gets one progress line per build.
 *
 * @example const builds = await benchBuilds({repetitions: 3, work: "/tmp/bench", log: console.warn});
 */
export async function benchBuilds({
  repetitions,
  work,
  log,
  logFile
}: {
  repetitions: number;
  work: string;
  log: (line: string) => void;
  logFile?: string;
}): Promise<BuildBench> {
  if (!(Number.isInteger(repetitions) && repetitions >= 1)) throw new Error(`invalid repetitions: ${repetitions}`);
  const clean: {run: TimedRun; stages: BuildStage[]; loads: FrameworkLoads}[] = [];
  const incremental: {run: TimedRun; stages: BuildStage[]; loads: FrameworkLoads}[] = [];
  let change = "";
  let whatChanged: string[] = [];
  let pdf = {documents: 0, pages: 0};
  let site = "";
  let redone = 0;
  for (let rep = 1; rep <= repetitions; ++rep) {
    const data = join(work, `data-${rep}`);
    site = join(work, `out-${rep}`);
    await cp("data", data, {recursive: true});
    const args = ["bin/deals.js", "build", "--out", site, "--data", data];
    let first: TimedRun;
    for (let attempt = 0; ; ++attempt) {
      await rm(site, {recursive: true, force: true});
      await withBuildLock(() => rm(FRAMEWORK_CACHE, {recursive: true, force: true}), {
        onWait: (pid) => log(`bench: waiting for another build (pid ${pid}) to clear the cache`)
      });
      first = await runTimed("node", args, {memory: true, logFile});
      if (!first.waitedSeconds || attempt >= MAX_REDO) break;
      redone++;
      log(`bench: clean build ${rep} waited ${first.waitedSeconds.toFixed(0)} s for another build, which used the cache: redoing it`);
    }
    clean.push({run: first, stages: parseBuildSteps(first.lines, first.waitedSeconds).stages, loads: parseFrameworkLoads(first.lines)});
    pdf = await countPdfPages(join(site, "briefings"));
    log(`bench: clean build ${rep}/${repetitions}: ${first.seconds.toFixed(1)} s, peak ${(first.peakBytes / 2 ** 20).toFixed(0)} MiB`);
    change = await changeOneValue(data);
    const second = await runTimed("node", args, {logFile});
    incremental.push({
      run: second,
      stages: parseBuildSteps(second.lines, second.waitedSeconds).stages,
      loads: parseFrameworkLoads(second.lines)
    });
    log(
      `bench: rebuild after one change ${rep}/${repetitions}: ${second.seconds.toFixed(1)} s${second.waitedSeconds ? ` (+ ${second.waitedSeconds.toFixed(0)} s waiting for another build)` : ""}`
    );
    whatChanged = (await readBuiltChanges(site)).changes.map(changeLine);
    if (rep < repetitions) await rm(site, {recursive: true, force: true});
    await rm(data, {recursive: true, force: true});
  }
  return {
    clean: {
      seconds: summarize(clean.map((c) => c.run.seconds)),
      cpuSeconds: cpuSpread(clean.map((c) => c.run)),
      stages: summarizeStages(clean.map((c) => c.stages)),
      loaders: medianLoaders(clean.map((c) => c.loads)),
      pagesLoadSeconds: median(clean.map((c) => Object.values(c.loads.pages).reduce((s, x) => s + x, 0))),
      pdf,
      redone
    },
    incremental: {
      seconds: summarize(incremental.map((i) => i.run.seconds)),
      cpuSeconds: cpuSpread(incremental.map((i) => i.run)),
      ratio: summarize(incremental.map((i, k) => i.run.seconds / clean[k].run.seconds)),
      change,
      stages: summarizeStages(incremental.map((i) => i.stages)),
      loaders: medianLoaders(incremental.map((i) => i.loads)),
      reused: [...new Set(incremental.flatMap((i) => i.loads.reused))],
      whatChanged,
      waited: incremental.reduce((s, i) => s + i.run.waitedSeconds, 0)
    },
    memory: {peakBytes: summarize(clean.map((c) => c.run.peakBytes)), maxProcesses: Math.max(...clean.map((c) => c.run.maxProcesses))},
    site
  };
}

/**
 * Returns each stage's spread over the runs, in first-seen order; a stage missing from a run counts 0 s there.
 *
 * @example summarizeStages([parseBuildSteps(lines1).stages, parseBuildSteps(lines2).stages])
 */
export function summarizeStages(runs: readonly BuildStage[][]): StageSummary[] {
  const names = [...new Set(runs.flatMap((stages) => stages.map((s) => s.name)))];
  return names.map((name) => {
    const found = runs.map((stages) => stages.find((s) => s.name === name));
    return {name, seconds: summarize(found.map((s) => s?.seconds ?? 0)), share: median(found.map((s) => s?.share ?? 0))};
  });
}

/** Returns the median seconds of each loader over the runs (0 in a run that did not run it). */
function medianLoaders(loads: readonly FrameworkLoads[]): Record<string, number> {
  const names = [...new Set(loads.flatMap((l) => Object.keys(l.loaders)))];
  return Object.fromEntries(names.map((name) => [name, median(loads.map((l) => l.loaders[name] ?? 0))]));
}

/**
 * Returns the spread of the runs' CPU seconds, or null when any run has none (no GNU time). A run that waited for
 * another build's lock spent no CPU meanwhile, so nothing is subtracted.
 *
 * @example cpuSpread([run1, run2])?.median
 */
export function cpuSpread(runs: readonly TimedRun[]): Spread | null {
  const cpu = runs.map((r) => r.cpuSeconds);
  return cpu.every((c): c is number => c !== null) && cpu.length ? summarize(cpu) : null;
}
