/**
 * `deals check`: validates every data file, then what the briefings need from the data (src/site/checkReports.ts),
 * and prints every problem at once.
 */

import {countFactsByStatus} from "../core/facts.js";
import {type Dataset, STATUSES, type Status} from "../core/model.js";
import {annotateProblem, formatProblem, type Problem} from "../io/problem.js";
import {readDataset} from "../io/readDataset.js";
import {type CheckReportsOptions, checkProjections, checkReports} from "../site/checkReports.js";
import type {CheckCache} from "./checkCache.js";

/**
 * Returns the process exit code of `deals check` (0 clean, 1 problems: in the data files, or in executive summaries
 * that do not resolve against the data) after printing: on success one line
 * starting `ok:` with counts (unless `quiet`); otherwise every problem as `path:line:col: field: message` on
 * stderr, plus a GitHub Actions `::error` annotation per problem on stdout when `GITHUB_ACTIONS=true`.
 *
 * @example
 * process.exitCode = await check({dataDir: "data"});
 */
export async function check(options: CheckOptions = {}): Promise<number> {
  return (await checkData(options)).code;
}

export interface CheckOptions {
  dataDir?: string;
  quiet?: boolean;
  /** Whether a stale summary is a problem (it needs every deal projected at the published draws); see checkReports. */
  stale?: boolean;
  /** Keeps parsed files and projections between runs (the build's; checkCache.ts). */
  cache?: CheckCache;
  /**
   * Warnings printed at most (the rest counted in one line that points to `deals check`); default all. `deals build`
   * passes a few: at 1,000 deals without summaries of their own it printed 990 lines at every build.
   */
  warnings?: number;
  /**
   * Whether to check the summaries against the figures too (default true). `deals build` checks the data files here
   * and the summaries once its site data has the figure table the briefings print (checkSummaries), instead of
   * projecting every deal a second time for a table of the check's own.
   */
  summaries?: boolean;
}

/**
 * Returns what `check` returns as `code`, and the checked dataset when it is 0: `deals build` and `deals preview`
 * compute the site data from it instead of reading and checking every data file a second time.
 */
export async function checkData({
  dataDir = "data",
  quiet = false,
  stale = true,
  cache,
  warnings: shown = Number.POSITIVE_INFINITY,
  summaries = true
}: CheckOptions = {}): Promise<{
  code: number;
  dataset?: Dataset;
}> {
  const {dataset, problems: dataProblems, files} = await readDataset(dataDir, cache?.store);
  // Only valid data can be checked against the summaries (their figures are computed from it).
  const checked = `${files.length} file${files.length === 1 ? "" : "s"} checked in ${dataDir}`;
  if (!dataset) return {code: reportProblems(dataProblems, checked)};
  // The summaries' conditions are checked against the figures as published: the projections the site computes.
  if (summaries) {
    const code = await checkSummaries(dataset, {
      projections: stale ? checkProjections(dataset) : undefined,
      stale,
      memo: cache?.memo,
      reads: cache?.reads,
      warnings: shown,
      checked
    });
    if (code) return {code};
  }
  if (!quiet) {
    const counts = countFactsByStatus(dataset);
    const mix = STATUSES.map((s: Status) => `${counts[s]} ${s}`).join(", ");
    console.log(
      `ok: ${files.length} files, ${dataset.deals.length} deals, ${dataset.chips.length} chips, ` +
        `${dataset.assumptions.length} assumptions, ${dataset.yardsticks.length} yardsticks, ${dataset.sources.length} sources; facts: ${mix}; as of ${dataset.asOf}`
    );
  }
  return {code: 0, dataset};
}

/**
 * Checks the summaries of every briefing against the figures (checkReports with `options`); prints the warnings (the
 * first `warnings`, see warningLines) and every problem, ending with a line that counts them and says what was
 * `checked`. Returns 0 when there is no problem, else 1.
 *
 * @example if (await checkSummaries(dataset, {figures: site.summaryFigures(), stale: false, checked: "the summaries"})) return 1;
 */
export async function checkSummaries(
  dataset: Dataset,
  {warnings: shown = Number.POSITIVE_INFINITY, checked, ...options}: CheckReportsOptions & {warnings?: number; checked: string}
): Promise<number> {
  const warnings: Problem[] = [];
  const problems = await checkReports(dataset, {...options, warn: (p) => warnings.push(p)});
  // Not problems: a deal briefing printing the generic template (a new deal whose summary is not written yet).
  for (const line of warningLines(warnings, shown)) console.error(line);
  return problems.length ? reportProblems(problems, checked) : 0;
}

/** Prints every problem (and a GitHub Actions annotation each under Actions) and a line counting them; returns 1. */
function reportProblems(problems: readonly Problem[], checked: string): number {
  for (const p of problems) console.error(formatProblem(p));
  if (process.env.GITHUB_ACTIONS === "true") for (const p of problems) console.log(annotateProblem(p));
  console.error(`\n${problems.length} problem${problems.length === 1 ? "" : "s"}; ${checked}`);
  return 1;
}

/**
 * Returns the lines that print `warnings`: the first `shown` as `file: warning: message`, then one line counting the
 * rest, if any.
 *
 * @example warningLines([a, b, c], 1) // ["<a.file>: warning: <a.message>", "… and 2 more warnings: `deals check` lists every one"]
 */
export function warningLines(warnings: readonly Problem[], shown = Number.POSITIVE_INFINITY): string[] {
  const lines = warnings.slice(0, shown).map((w) => `${w.file}: warning: ${w.message}`);
  const rest = warnings.length - lines.length;
  if (rest > 0) lines.push(`… and ${rest} more warning${rest === 1 ? "" : "s"}: \`deals check\` lists every one`);
  return lines;
}
