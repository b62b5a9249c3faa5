/**
 * Our site build against a bare `observable build` of the same pages (target 2), both with the loader outputs
 * already cached: what `deals build --site-only` adds around Framework (checking the data, bundling the core,
 * keying the cache, validating the site, the manifest, the swap).
 */
import {rm} from "node:fs/promises";
import {join} from "node:path";
import {withBuildLock} from "../buildLock.js";
import {cpuSpread, type StageSummary, summarizeStages} from "./buildBench.js";
import {type BuildStage, parseBuildSteps, parseFrameworkLoads} from "./buildLog.js";
import {runTimed, type TimedRun} from "./runTimed.js";
import {type Spread, summarize} from "./stats.js";

export const FRAMEWORK_BIN = "node_modules/@observablehq/framework/dist/bin/observable.js";

export interface SiteOverhead {
  /** Wall seconds of `deals build --site-only` with a warm cache. */
  ours: Spread;
  /** Where our warm build spends its time. */
  oursStages: StageSummary[];
  /** Wall seconds of `observable build` alone with the same warm cache. */
  bare: Spread;
  /** ours ÷ bare, per round. */
  ratio: Spread;
  /** ours less the seconds Framework spent in loaders it ran anyway (see loadersRerun) ÷ bare, per round. */
  ratioWithoutReruns: Spread;
  /** CPU seconds (user + system) of each, null without GNU time. */
  oursCpu: Spread | null;
  bareCpu: Spread | null;
  /** Loaders Framework ran anyway in the measured rounds (`ours: /data/x.json`, `bare: …`); none when the cache is warm. */
  loadersRerun: string[];
}

/**
 * Returns the warm site-build times of `deals build --site-only` and of a bare `observable build` over
 * `repetitions` alternating rounds, after one uncounted warm-up build that fills the cache for `data`.
 *
 * @example const overhead = await benchSiteOverhead({repetitions: 3, work: "/tmp/bench", log: console.warn});
 */
export async function benchSiteOverhead({
  repetitions,
  work,
  log,
  logFile,
  data = "data"
}: {
  repetitions: number;
  work: string;
  log: (line: string) => void;
  logFile?: string;
  data?: string;
}): Promise<SiteOverhead> {
  if (!(Number.isInteger(repetitions) && repetitions >= 1)) throw new Error(`invalid repetitions: ${repetitions}`);
  const oursOut = join(work, "site-ours");
  const bareOut = join(work, "site-bare");
  const ours = () => runTimed("node", ["bin/deals.js", "build", "--site-only", "--out", oursOut, "--data", data], {logFile});
  // Under the build lock, like `deals build`, so no other build changes the shared cache meanwhile.
  const bare = () =>
    withBuildLock(() =>
      runTimed("node", [FRAMEWORK_BIN, "build"], {
        env: {DEALS_SITE_OUT: bareOut, DEALS_DATA: data, OBSERVABLE_TELEMETRY_DISABLE: "true"},
        logFile
      })
    );
  await ours();
  const oursRuns: TimedRun[] = [];
  const bareRuns: TimedRun[] = [];
  const rerunSeconds: number[] = [];
  const oursStages: BuildStage[][] = [];
  const loadersRerun = new Set<string>();
  for (let rep = 1; rep <= repetitions; ++rep) {
    // A fresh output folder each time: no previous manifest, so the What-changed loader's key stays the same.
    await rm(oursOut, {recursive: true, force: true});
    const run = await ours();
    oursRuns.push(run);
    oursStages.push(parseBuildSteps(run.lines, run.waitedSeconds).stages);
    const loaders = parseFrameworkLoads(run.lines).loaders;
    for (const name of Object.keys(loaders)) loadersRerun.add(`ours: ${name}`);
    rerunSeconds.push(Object.values(loaders).reduce((sum, x) => sum + x, 0));
    await rm(bareOut, {recursive: true, force: true});
    const bareRun = await bare();
    for (const name of Object.keys(parseFrameworkLoads(bareRun.lines).loaders)) loadersRerun.add(`bare: ${name}`);
    bareRuns.push(bareRun);
    log(`bench: warm site build ${rep}/${repetitions}: ours ${run.seconds.toFixed(1)} s, bare Framework ${bareRun.seconds.toFixed(1)} s`);
  }
  await rm(oursOut, {recursive: true, force: true});
  await rm(bareOut, {recursive: true, force: true});
  return {
    ours: summarize(oursRuns.map((r) => r.seconds)),
    oursStages: summarizeStages(oursStages),
    bare: summarize(bareRuns.map((r) => r.seconds)),
    ratio: summarize(oursRuns.map((r, i) => r.seconds / bareRuns[i].seconds)),
    ratioWithoutReruns: summarize(oursRuns.map((r, i) => (r.seconds - rerunSeconds[i]) / bareRuns[i].seconds)),
    oursCpu: cpuSpread(oursRuns),
    bareCpu: cpuSpread(bareRuns),
    loadersRerun: [...loadersRerun]
  };
}
