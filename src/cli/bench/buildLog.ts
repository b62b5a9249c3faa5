/** Reads the progress lines `deals build` prints (`build: <step> (<seconds> s)`) and Framework's `load … in <n>ms`. */

/** One stage of a build: from its `build:` line to the next one. */
export interface BuildStage {
  /** The step's label up to a colon or " into " (`done: dist/` → `done`). */
  name: string;
  seconds: number;
  /** Fraction of the build's own total (0–1). */
  share: number;
}

export interface BuildSteps {
  /** Seconds from the build's start to its `done` line, less `waited`. */
  total: number;
  stages: BuildStage[];
}

const STEP = /^build: (.*) \((\d+(?:\.\d+)?) s\)\s*$/;
const REPORT = /^(loader cache|site data|site|pdf):/;

/**
 * Returns the stages of a build from its output lines: each `build: <label> (<t> s)` line starts a stage that lasts
 * until the next such line (`t` counts from the build's start); the time before the first line is "checking the
 * data", less `waited` seconds (default 0) spent waiting for another build's lock, which happens between the check
 * and the first step and is left out of the total and the shares. The `done` line ends the last stage; other lines
 * are ignored, and so are the reports `site data: …` and `pdf: … kept` (and the older `loader cache: …`). Stage names drop what follows a colon or " into "
 * (`swapping the new build into dist` → `swapping the new build`). Without any `build:` line: total 0, no stages.
 *
 * @example
 * parseBuildSteps(["build: bundling (1.0 s)", "build: building the site (2.0 s)", "build: done: dist/ (6.0 s)"])
 * // {total: 6, stages: [{name: "checking the data", seconds: 1, share: 1/6}, {name: "bundling", …}, …]}
 */
export function parseBuildSteps(lines: readonly string[], waited = 0): BuildSteps {
  if (!(waited >= 0)) throw new Error(`invalid waited: ${waited}`);
  const marks = lines.flatMap((line) => {
    const match = STEP.exec(line);
    // Reports of what a step found ("site data: N files changed …", "pdf: N unchanged and kept …") start no work.
    return match && !REPORT.test(match[1]) ? [{label: match[1], t: Math.max(0, Number(match[2]) - waited)}] : [];
  });
  if (!marks.length) return {total: 0, stages: []};
  const total = marks[marks.length - 1].t;
  const bounds = [{label: "checking the data", t: 0}, ...marks];
  const stages: BuildStage[] = [];
  for (let i = 0; i + 1 < bounds.length; ++i) {
    if (/^done\b/.test(bounds[i].label)) break;
    const seconds = round(bounds[i + 1].t - bounds[i].t);
    stages.push({name: bounds[i].label.replace(/:.*$/, "").replace(/ into .*$/, ""), seconds, share: total > 0 ? seconds / total : 0});
  }
  return {total, stages};
}

export interface FrameworkLoads {
  /** Seconds per page path (`/capacity`): parsing it and bundling the node_modules it imports the first time. */
  pages: Record<string, number>;
  /** Seconds per data loader Framework ran (`/data/analysis.json`). */
  loaders: Record<string, number>;
  /** Loader outputs Framework took from its cache (`[fresh]`). */
  reused: string[];
}

/**
 * Returns the seconds Framework reports per loaded page and per data loader it ran in its build log (`load /capacity
 * … in 23346ms`, `load /data/analysis.json → [missing] success 207 kB in 5394ms`), keyed by path; a path loaded
 * twice counts twice. Loader outputs taken from the cache (`[fresh]`) are listed in `reused`, not timed.
 *
 * @example parseFrameworkLoads(["load /index in 82ms"]) // {pages: {"/index": 0.082}, loaders: {}, reused: []}
 */
export function parseFrameworkLoads(lines: readonly string[]): FrameworkLoads {
  const result: FrameworkLoads = {pages: {}, loaders: {}, reused: []};
  let pending: string | null = null;
  for (const line of lines) {
    const start = /(?:^|→ )load (\/\S*)/.exec(line);
    if (start) pending = start[1];
    const end = /\bin (\d+)ms\s*$/.exec(line);
    if (!end || !pending) continue;
    if (/\[fresh\]/.test(line)) result.reused.push(pending);
    else {
      const target = /\.(json|csv|txt|zip|parquet)$/.test(pending) ? result.loaders : result.pages;
      target[pending] = (target[pending] ?? 0) + Number(end[1]) / 1000;
    }
    pending = null;
  }
  return result;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
