/**
 * Growth with the number of deals (target 8): calls `measureScale(counts)` from ./scaleDeals.ts (the hardening
 * engineer's generator of valid synthetic deals, timing `checkFiles`) when that file exists, several times, and
 * reads seconds per deal from its answers.
 */
import {existsSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {compiledEntry} from "../compiled.js";
import {type Spread, summarize} from "./stats.js";

export interface ScaleRow {
  deals: number;
  seconds: number;
  secondsPerDeal: number;
}

export interface ScaleBench {
  /** Per count: the check's seconds over the repetitions, and the median seconds per deal. */
  rows: {deals: number; seconds: Spread; secondsPerDeal: number}[];
  /**
   * Median seconds per deal at the largest count ÷ at the next smaller one: about 1 when growth is linear, more when
   * worse (the smallest count is left out: there the files other than deals dominate).
   */
  growth: number;
}

export const SCALE_COUNTS = [10, 100, 1000];

/**
 * Returns the check time for `counts` generated deals over `repetitions` calls of measureScale (default 1), or null
 * when src/cli/bench/scaleDeals.ts does not exist. Throws when its `measureScale` returns rows without a count and
 * seconds.
 *
 * @example const scale = await benchScale(SCALE_COUNTS, 3); // scale?.rows[2].secondsPerDeal
 */
export async function benchScale(counts: readonly number[] = SCALE_COUNTS, repetitions = 1): Promise<ScaleBench | null> {
  if (!(Number.isInteger(repetitions) && repetitions >= 1)) throw new Error(`invalid repetitions: ${repetitions}`);
  const here = dirname(fileURLToPath(import.meta.url));
  const source = ["scaleDeals.ts", "scaleDeals.js"].map((f) => join(here, f)).find((f) => existsSync(f));
  if (!source) return null;
  // A computed specifier: the module is optional, so the type checker must not require it.
  // From the compiled CLI, its compiled copy (plain Node cannot import the .ts source).
  const compiled = compiledEntry("scaleDeals");
  const specifier = compiled ? pathToFileURL(compiled).href : new URL("./scaleDeals.js", import.meta.url).href;
  const module = (await import(specifier)) as {measureScale?: (counts: number[]) => unknown};
  if (typeof module.measureScale !== "function") throw new Error(`${source} does not export measureScale(counts)`);
  const runs: ScaleRow[][] = [];
  for (let r = 0; r < repetitions; ++r) runs.push(scaleRows(await module.measureScale([...counts])));
  const rows = runs[0].map(({deals}) => {
    const seconds = summarize(runs.map((run) => run.find((row) => row.deals === deals)?.seconds ?? Number.NaN));
    return {deals, seconds, secondsPerDeal: seconds.median / deals};
  });
  const last = rows[rows.length - 1];
  const previous = rows[Math.max(0, rows.length - 2)];
  return {rows, growth: last.secondsPerDeal / previous.secondsPerDeal};
}

/**
 * Returns `{deals, seconds, secondsPerDeal}` rows from measureScale's answer: an array (or `{rows: [...]}`) of
 * objects with a count (`deals`, `count` or `n`) and a time (`seconds`, `checkSeconds` or `ms`, in milliseconds),
 * sorted by count. Throws `invalid measureScale result` otherwise.
 *
 * @example scaleRows([{deals: 10, seconds: 0.5}]) // [{deals: 10, seconds: 0.5, secondsPerDeal: 0.05}]
 */
export function scaleRows(raw: unknown): ScaleRow[] {
  const list = Array.isArray(raw) ? raw : (raw as {rows?: unknown})?.rows;
  if (!Array.isArray(list) || !list.length) throw new Error(`invalid measureScale result: ${JSON.stringify(raw)?.slice(0, 200)}`);
  const rows = list.map((row: Record<string, unknown>) => {
    const deals = Number(row.deals ?? row.count ?? row.n);
    const seconds = row.seconds ?? row.checkSeconds ?? (row.ms === undefined ? undefined : Number(row.ms) / 1000);
    if (!(deals > 0) || !(Number(seconds) >= 0)) throw new Error(`invalid measureScale result: ${JSON.stringify(row).slice(0, 200)}`);
    return {deals, seconds: Number(seconds), secondsPerDeal: Number(seconds) / deals};
  });
  return rows.sort((a, b) => a.deals - b.deals);
}
