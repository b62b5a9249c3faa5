import {fsum, quantileSorted} from "d3-array";
import type {Assumption} from "../model.js";
import {correlatedUniform} from "../random/gaussianCopula.js";
import {rngFor} from "../random/rngFor.js";
import {triangularQuantile} from "../random/triangular.js";

/** Headline figures for one set of assumption values; null, undefined, NaN or ±Infinity mean "undefined here". */
export type ProjectFigures = Record<string, number | null | undefined>;

/** The spread of one figure over the draws. */
export interface FigureSpread {
  /** 10th, 50th and 90th percentiles over the draws where the figure is defined (type-7 interpolation); NaN if none. */
  p10: number;
  p50: number;
  p90: number;
  /** Mean over the draws where the figure is defined; NaN if none. */
  mean: number;
  /** Share of draws (0–1) where the figure was undefined (null, NaN or infinite), e.g. a payback that never comes. */
  undefinedShare: number;
  /** Share of all draws (0–1) in which the figure is defined and above zero (the undefined ones count as not). */
  positiveShare: number;
  /** For a figure named in `clusters`: the two groups its draws split into (see twoClusters), null when they do not. */
  clusters?: TwoClusters | null;
}

/** Two groups of draws either side of a dip in their histogram (twoClusters). */
export interface TwoClusters {
  /** The value the draws are split at: the middle of the histogram's deepest dip. */
  split: number;
  /** Shares of all draws (0–1) below and at or above the split (the undefined draws are in neither). */
  lowShare: number;
  highShare: number;
  /** The median of each group. */
  lowMedian: number;
  highMedian: number;
  /**
   * The share (0–1) of each group's draws above zero: a group gathered around a loss can still hold gains (a split
   * above zero puts some in the low group), which its centre alone would hide.
   */
  lowAboveZero: number;
  highAboveZero: number;
  /** The drawn input that best tells the two groups apart (splitCause), when simulate found one; absent otherwise. */
  cause?: SplitCause;
}

/**
 * The drawn input whose value best tells two groups of draws apart: the threshold on it that puts the most of each
 * group on its own side (the mean of the two groups' shares on their side, so the smaller group weighs as much).
 */
export interface SplitCause {
  /** The input's id (an assumption or a chip input), and the threshold on its drawn value. */
  id: string;
  threshold: number;
  /** True when the low group's draws lie mostly below the threshold (the input's low values give the low figure). */
  lowBelow: boolean;
  /** Share (0–1) of the low group's draws on the low group's side of the threshold, and of the high group's on its side. */
  lowOnSide: number;
  highOnSide: number;
}

export interface SimulateOptions {
  /** Number of draws, a positive integer; defaults to 10,000. */
  draws?: number;
  /** Global seed; the same seed and stream give identical results on every machine. */
  seed: string | number;
  /** Stream name (usually the deal id, or the deal id and scenario); defaults to "simulate". */
  stream?: string;
  /** Ids of the assumptions to vary; defaults to all. The others stay at their base values. */
  vary?: readonly string[];
  /**
   * Figures whose undefined draws mean "later than any value" (a payback that never comes): their P10 / P50 / P90
   * are taken over every draw with those draws ranked last, NaN where a percentile falls among them.
   */
  undefinedLast?: readonly string[];
  /** Figures whose draws are tested for a split into two groups (`clusters` in their spread; see twoClusters). */
  clusters?: readonly string[];
}

export interface Simulation {
  seed: string | number;
  stream: string;
  draws: number;
  /** Ids of the assumptions that were varied, in the order they are drawn. */
  varied: string[];
  /** One spread per figure the projection returned on its first draw. */
  figures: Record<string, FigureSpread>;
}

/**
 * Returns the P10 / P50 / P90, mean and undefined share of each headline figure over a seeded Monte Carlo of the
 * assumptions' ranges. Each draw sets every varied assumption from its distribution (triangular on low / mode /
 * high, or uniform on low–high) and calls `project` on the values; the others keep `baseValues`. The triangular
 * mode is the scenario's value (`baseValues[id]`, the assumption's base if absent) clamped to [low, high], so a
 * scenario override moves the centre of the range, not its ends. Assumptions are drawn one uniform each, in the
 * order of `assumptions`, from `rngFor(seed, stream)`. An assumption with a `correlation` {with, rho} takes its uniform
 * through a Gaussian copula with the uniform of the one it names (when that one is drawn too), so the two have
 * normal-scores correlation rho and each keeps its own distribution.
 *
 * Percentiles use type-7 linear interpolation between order statistics (R's default, d3.quantileSorted) over the
 * draws where the figure is finite; undefined draws are counted in `undefinedShare` instead. `project` receives
 * the same values object on every draw (it must not keep or mutate it), and the figures are the keys of its first
 * result. Deterministic: the same inputs, seed and stream give identical results; low = base = high everywhere
 * gives p10 = p50 = p90 = mean. Throws `invalid draws`, `invalid vary`, `invalid assumption <id>` (bounds not
 * ordered low ≤ base ≤ high, or not finite), `invalid distribution` or `invalid <id>` (a non-finite base value).
 *
 * @example simulate(assumptions, scenarioValues(assumptions, base).values, (v) => ({twh: 5 * v.pue * 8.76}), {seed: 1})
 * // {seed: 1, stream: "simulate", draws: 10000, varied: [...], figures: {twh: {p10, p50, p90, mean, undefinedShare: 0}}}
 */
export function simulate<V extends Record<string, number>>(
  assumptions: readonly Assumption[],
  baseValues: V,
  project: (values: V) => ProjectFigures,
  {draws = 10_000, seed, stream = "simulate", vary, undefinedLast = [], clusters = []}: SimulateOptions
): Simulation {
  if (!(Number.isInteger(draws) && draws >= 1)) throw new Error(`invalid draws: ${draws}`);
  const ranges = assumptionRanges(assumptions, baseValues, vary);
  const k = ranges.length;
  const rng = rngFor(seed, stream);
  const values: Record<string, number> = {...baseValues};
  const uniforms = new Float64Array(k);
  let names: string[] = [];
  let samples: Float64Array[] = [];
  let counts: Int32Array = new Int32Array(0);
  // With figures to test for a split, each draw's inputs and those figures' values in draw order (NaN: undefined), to
  // find which input tells the groups apart (splitCause).
  const inputs = clusters.length ? ranges.map(() => new Float64Array(draws)) : [];
  const byDraw = new Map<string, Float64Array>(clusters.map((name) => [name, new Float64Array(draws)]));
  for (let d = 0; d < draws; ++d) {
    for (let i = 0; i < k; ++i) uniforms[i] = rng();
    for (let i = 0; i < k; ++i) {
      const r = ranges[i];
      const u = r.lead < 0 ? uniforms[i] : correlatedUniform(uniforms[r.lead], uniforms[i], r.rho);
      values[r.id] = r.uniform ? r.low + (r.high - r.low) * u : triangularQuantile(u, r.low, r.mode, r.high);
      if (inputs.length) inputs[i][d] = values[r.id];
    }
    const result = project(values as V);
    if (d === 0) {
      names = Object.keys(result);
      samples = names.map(() => new Float64Array(draws));
      counts = new Int32Array(names.length);
    }
    for (let f = 0; f < names.length; ++f) {
      const v = result[names[f]];
      // Defined draws are packed at the front of each array, so the summary needs no second pass to filter.
      if (typeof v === "number" && Number.isFinite(v)) samples[f][counts[f]++] = v;
    }
    for (const [name, at] of byDraw) {
      const v = result[name];
      at[d] = typeof v === "number" && Number.isFinite(v) ? v : Number.NaN;
    }
  }
  const figures: Record<string, FigureSpread> = {};
  names.forEach((name, f) => {
    const defined = samples[f].subarray(0, counts[f]);
    // Before spread, which reorders the draws: twoClusters sorts a copy of them.
    const split = clusters.includes(name) ? twoClusters(defined, draws) : undefined;
    figures[name] = spread(defined, draws, undefinedLast.includes(name));
    if (split) {
      const cause = splitCause(
        ranges.map((r, i) => ({id: r.id, values: inputs[i]})),
        byDraw.get(name)!,
        split.split
      );
      if (cause) split.cause = cause;
    }
    if (split !== undefined) figures[name].clusters = split;
  });
  return {seed, stream, draws, varied: ranges.map((r) => r.id), figures};
}

interface Range {
  id: string;
  /** Index of the range this one is correlated with (its own uniform), −1 for none. */
  lead: number;
  rho: number;
  low: number;
  mode: number;
  high: number;
  uniform: boolean;
}

function assumptionRanges(assumptions: readonly Assumption[], baseValues: Record<string, number>, vary?: readonly string[]): Range[] {
  const ids = new Set(assumptions.map((a) => a.id));
  if (vary) for (const id of vary) if (!ids.has(id)) throw new Error(`invalid vary: ${id}`);
  const varied = vary ? new Set(vary) : ids;
  const drawn = assumptions.filter((a) => varied.has(a.id));
  return drawn.map(({id, low, base, high, distribution, correlation}) => {
    if (!(Number.isFinite(low) && Number.isFinite(high) && low <= base && base <= high)) {
      throw new Error(`invalid assumption ${id}: ${low} / ${base} / ${high}`);
    }
    if (distribution !== "triangular" && distribution !== "uniform") throw new Error(`invalid distribution: ${distribution}`);
    const value = baseValues[id] ?? base;
    if (!Number.isFinite(value)) throw new Error(`invalid ${id}: ${value}`);
    // A correlation with an assumption that is not drawn (or with itself) draws this one independently.
    const lead = correlation && correlation.with !== id ? drawn.findIndex((a) => a.id === correlation.with) : -1;
    const rho = correlation?.rho ?? 0;
    if (!(rho >= -1 && rho <= 1)) throw new Error(`invalid correlation of ${id}: ${rho}`);
    return {id, lead, rho, low, mode: Math.min(high, Math.max(low, value)), high, uniform: distribution === "uniform"};
  });
}

/**
 * The spread of the defined draws `values` (reordered in place) out of `draws`. Only the order statistics the
 * percentiles and the mean read are put in their sorted positions (the minimum, and the two each type-7 percentile
 * interpolates between), by selection in linear time instead of a sort: the same numbers as from the sorted array,
 * and the mean's exactly rounded sum (fsum) does not depend on the order of the values.
 */
function spread(values: Float64Array, draws: number, last = false): FigureSpread {
  const n = values.length;
  const undefinedShare = (draws - n) / draws;
  let positive = 0;
  for (let i = 0; i < n; ++i) if (values[i] > 0) ++positive;
  const positiveShare = positive / draws;
  if (n === 0) return {p10: Number.NaN, p50: Number.NaN, p90: Number.NaN, mean: Number.NaN, undefinedShare, positiveShare};
  const positions = [0];
  for (const p of PERCENTILES) {
    // The positions quantileWithLast and d3's quantileSorted read (the latter: its floor and the next one).
    const h = ((last ? draws : n) - 1) * p;
    positions.push(Math.floor(h), last ? Math.ceil(h) : Math.floor(h) + 1);
  }
  const wanted = [...new Set(positions.filter((k) => k < n))].sort((a, b) => a - b);
  selectPositions(values, wanted, 0, n - 1, 0, wanted.length);
  // d3-array reads any array-like by index; its types only name plain arrays.
  const sorted = values as unknown as number[];
  const quantile = last ? (p: number) => quantileWithLast(values, draws, p) : (p: number) => quantileSorted(sorted, p)!;
  const min = values[0];
  return {
    p10: quantile(0.1),
    p50: quantile(0.5),
    p90: quantile(0.9),
    // Summing offsets from the minimum (exactly, with fsum) returns a constant sample's value exactly.
    mean: min + fsum(sorted, (x) => x - min) / n,
    undefinedShare,
    positiveShare
  };
}

const PERCENTILES = [0.1, 0.5, 0.9] as const;

/** Fewest defined draws twoClusters tests: below it a histogram's dips are noise. */
export const CLUSTER_MIN_DRAWS = 1000;
/** twoClusters' histogram: bins between the 2nd and 98th percentiles of the draws. */
export const CLUSTER_BINS = 20;
/** A dip: a bin holding at most this share of the smaller of the fullest bins on its left and on its right. */
export const CLUSTER_DIP = 0.8;
/** Each group holds at least this share of the defined draws (a thin tail is not a group). */
export const CLUSTER_MIN_SHARE = 0.1;

/**
 * Whether the defined draws `values` (any order; not changed) of `draws` split into two groups, and where: a
 * histogram of CLUSTER_BINS equal bins between their 2nd and 98th percentiles has a dip when an inner bin holds at
 * most CLUSTER_DIP × the smaller of the fullest bin on its left and the fullest on its right. A unimodal spread of
 * this many draws has no such dip (each side of its peak only falls, up to a sampling error of about 5% a bin at
 * 10,000 draws). The deepest dip whose two sides each hold at least CLUSTER_MIN_SHARE of the defined draws splits
 * them at its bin's middle; null without one, or with fewer than CLUSTER_MIN_DRAWS defined draws.
 *
 * @example twoClusters(draws of which half spread evenly over −30…−10 and half over 20…40, 10000)
 * // {split: ≈ 5, lowShare: 0.5, highShare: 0.5, lowMedian: −20, highMedian: 30}
 */
export function twoClusters(values: ArrayLike<number>, draws: number): TwoClusters | null {
  const n = values.length;
  if (n < CLUSTER_MIN_DRAWS) return null;
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) => quantileSorted(sorted as unknown as number[], p)!;
  const lo = at(0.02);
  const hi = at(0.98);
  if (!(hi > lo)) return null;
  const width = (hi - lo) / CLUSTER_BINS;
  const bins = new Array<number>(CLUSTER_BINS).fill(0);
  for (const x of sorted) if (x >= lo && x <= hi) ++bins[Math.min(CLUSTER_BINS - 1, Math.floor((x - lo) / width))];
  let best: {depth: number; split: number; below: number} | null = null;
  for (let i = 1; i < CLUSTER_BINS - 1; ++i) {
    const peak = Math.min(Math.max(...bins.slice(0, i)), Math.max(...bins.slice(i + 1)));
    const depth = peak > 0 ? bins[i] / peak : 1;
    if (depth > CLUSTER_DIP || (best && depth >= best.depth)) continue;
    const split = lo + (i + 0.5) * width;
    const below = countBelow(sorted, split);
    if (below < CLUSTER_MIN_SHARE * n || n - below < CLUSTER_MIN_SHARE * n) continue;
    best = {depth, split, below};
  }
  if (!best) return null;
  const {split, below} = best;
  // Sorted: the draws above zero are those from the first one above it.
  const zero = sorted.length - countAtMost(sorted, 0);
  const lowAbove = Math.max(0, zero - (n - below));
  return {
    split,
    lowShare: below / draws,
    highShare: (n - below) / draws,
    lowAboveZero: below ? lowAbove / below : 0,
    highAboveZero: n - below ? (zero - lowAbove) / (n - below) : 0,
    lowMedian: quantileSorted(sorted.subarray(0, below) as unknown as number[], 0.5)!,
    highMedian: quantileSorted(sorted.subarray(below) as unknown as number[], 0.5)!
  };
}

/**
 * Returns the input whose drawn values best tell apart the draws of `figure` below `split` (the low group) from those
 * at or above it (the high group), with its threshold: for each input, every threshold between two of its sorted
 * values is tried, either way round, and scored by the mean of the two groups' shares on their own side (a draw
 * whose figure is NaN is in neither group); the best score wins, ties to the earlier input. Null without draws in
 * both groups or without inputs.
 *
 * @example splitCause([{id: "a", values: [1, 2, 3, 4]}], [-5, -6, 7, 8], 0) // {id: "a", threshold: 2.5, lowBelow: true, lowOnSide: 1, highOnSide: 1}
 */
export function splitCause(
  inputs: readonly {id: string; values: ArrayLike<number>}[],
  figure: ArrayLike<number>,
  split: number
): SplitCause | null {
  let lows = 0;
  let highs = 0;
  for (let d = 0; d < figure.length; ++d)
    if (figure[d] >= split) ++highs;
    else if (!Number.isNaN(figure[d])) ++lows;
  if (!lows || !highs) return null;
  let best: (SplitCause & {score: number}) | null = null;
  const low = new Float64Array(lows);
  const high = new Float64Array(highs);
  for (const {id, values} of inputs) {
    // Each group's values of the input, sorted (a typed array sorts natively, without a comparator call per pair),
    // then walked together from the smallest: every threshold between two distinct values is tried.
    let l = 0;
    let h = 0;
    for (let d = 0; d < figure.length; ++d)
      if (figure[d] >= split) high[h++] = values[d];
      else if (!Number.isNaN(figure[d])) low[l++] = values[d];
    low.sort();
    high.sort();
    let lowBelow = 0;
    let highBelow = 0;
    while (lowBelow < lows || highBelow < highs) {
      // Take every draw at the next smallest value, of both groups.
      const here = Math.min(lowBelow < lows ? low[lowBelow] : Infinity, highBelow < highs ? high[highBelow] : Infinity);
      while (lowBelow < lows && low[lowBelow] === here) ++lowBelow;
      while (highBelow < highs && high[highBelow] === here) ++highBelow;
      if (lowBelow === lows && highBelow === highs) break;
      const next = Math.min(lowBelow < lows ? low[lowBelow] : Infinity, highBelow < highs ? high[highBelow] : Infinity);
      // Low group below the threshold, high above; or the reverse.
      const asIs = {lowOnSide: lowBelow / lows, highOnSide: (highs - highBelow) / highs};
      const reversed = {lowOnSide: (lows - lowBelow) / lows, highOnSide: highBelow / highs};
      for (const [side, lowIsBelow] of [
        [asIs, true],
        [reversed, false]
      ] as const) {
        const score = (side.lowOnSide + side.highOnSide) / 2;
        if (!best || score > best.score + 1e-12) best = {id, threshold: (here + next) / 2, lowBelow: lowIsBelow, ...side, score};
      }
    }
  }
  if (!best) return null;
  const {score: _, ...cause} = best;
  return cause;
}

/**
 * Whether a median stands for neither of two groups of draws: it lies farther from both groups' medians than a
 * quarter of the distance between them (a median inside one group reads as that group's).
 *
 * @example medianBetweenClusters({lowMedian: -14.3, highMedian: 41.8}, 6.8) // true: 21.1 and 35 from them, > 56.1 ÷ 4
 */
export function medianBetweenClusters(c: Pick<TwoClusters, "lowMedian" | "highMedian">, median: number): boolean {
  const quarter = (c.highMedian - c.lowMedian) / 4;
  return median - c.lowMedian > quarter && c.highMedian - median > quarter;
}

// The number of values of the ascending `sorted` at most x (binary search).
function countAtMost(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// The number of values of the ascending `sorted` below x (binary search).
function countBelow(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Puts `values[k]` for every k of `positions` (ascending, distinct, within [lo, hi]) at its place in ascending order,
 * as Float64Array.prototype.sort would (−0 before +0), everything before it no greater and everything after it no
 * smaller: one selection at the middle position, then each side's positions on each side.
 */
export function selectPositions(
  values: Float64Array,
  positions: readonly number[],
  lo: number,
  hi: number,
  from = 0,
  to = positions.length
): void {
  if (from >= to) return;
  const mid = (from + to) >> 1;
  const k = positions[mid];
  select(values, k, lo, hi);
  // Selection compares with <, which holds −0 and +0 equal: with a zero at k, order the range's zeros as the sort does.
  if (values[k] === 0) {
    const negatives = moveToFront(values, lo, hi, (x) => x < 0);
    const negativeZeros = moveToFront(values, negatives, hi, (x) => Object.is(x, -0));
    moveToFront(values, negativeZeros, hi, (x) => x === 0);
  }
  selectPositions(values, positions, lo, k - 1, from, mid);
  selectPositions(values, positions, k + 1, hi, mid + 1, to);
}

// Swaps the values of [lo, hi] that pass `test` to its front; returns the index after them.
function moveToFront(values: Float64Array, lo: number, hi: number, test: (x: number) => boolean): number {
  let next = lo;
  for (let i = lo; i <= hi; ++i) if (test(values[i])) swap(values, i, next++);
  return next;
}

/**
 * Floyd–Rivest selection (as d3-array's quickselect, without a comparator call per element): reorders values[left..right]
 * so that values[k] is the value the ascending sort puts there (up to the sign of a zero), those before it ≤ it and those
 * after it ≥ it.
 */
function select(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      select(a, k, Math.max(left, Math.floor(k - (m * s) / n + sd)), Math.min(right, Math.floor(k + ((n - m) * s) / n + sd)));
    }
    const t = a[k];
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right] > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      ++i;
      --j;
      while (a[i] < t) ++i;
      while (a[j] > t) --j;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      ++j;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/**
 * Type-7 quantile of `draws` values of which `sorted` holds the defined ones (ascending, or at least the two order
 * statistics it reads in their places: see selectPositions) and the rest rank above every one of them; NaN when the
 * quantile touches an undefined draw.
 *
 * @example quantileWithLast(Float64Array.of(2030, 2031), 4, 0.5) // NaN: h = 1.5 reaches the third draw, undefined
 */
export function quantileWithLast(sorted: Float64Array, draws: number, p: number): number {
  const h = (draws - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  if (hi >= sorted.length) return Number.NaN;
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (h - lo);
}
