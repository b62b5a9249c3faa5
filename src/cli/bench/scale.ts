/**
 * Growth with the number of deals (target 8): calls `measureScale(counts)` from ./scaleDeals.ts (the hardening
 * engineer's generator of valid synthetic deals) when that file exists, and reads seconds per deal from its answer.
 */
import {existsSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

export interface ScaleRow {
  deals: number;
  seconds: number;
  secondsPerDeal: number;
}

export interface ScaleBench {
  rows: ScaleRow[];
  /** Seconds per deal at the largest count ÷ at the smallest: about 1 when growth is linear, more when worse. */
  growth: number;
  /** What measureScale returned, as is. */
  raw: unknown;
}

export const SCALE_COUNTS = [10, 100, 1000];

/**
 * Returns seconds per deal for `counts` generated deals, or null when src/cli/bench/scaleDeals.ts does not exist.
 * Throws when its `measureScale` returns something without a count and seconds per row.
 *
 * @example const scale = await benchScale(); // scale?.rows[2].secondsPerDeal
 */
export async function benchScale(counts: readonly number[] = SCALE_COUNTS): Promise<ScaleBench | null> {
  const here = dirname(fileURLToPath(import.meta.url));
  const source = ["scaleDeals.ts", "scaleDeals.js"].map((f) => join(here, f)).find((f) => existsSync(f));
  if (!source) return null;
  // A computed specifier: the module is optional, so the type checker must not require it.
  const module = (await import(new URL("./scaleDeals.js", import.meta.url).href)) as {measureScale?: (counts: number[]) => unknown};
  if (typeof module.measureScale !== "function") throw new Error(`${source} does not export measureScale(counts)`);
  const raw = await module.measureScale([...counts]);
  const rows = scaleRows(raw);
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {rows, growth: last.secondsPerDeal / first.secondsPerDeal, raw};
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
