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
  {draws = 10_000, seed, stream = "simulate", vary, undefinedLast = []}: SimulateOptions
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
  for (let d = 0; d < draws; ++d) {
    for (let i = 0; i < k; ++i) uniforms[i] = rng();
    for (let i = 0; i < k; ++i) {
      const r = ranges[i];
      const u = r.lead < 0 ? uniforms[i] : correlatedUniform(uniforms[r.lead], uniforms[i], r.rho);
      values[r.id] = r.uniform ? r.low + (r.high - r.low) * u : triangularQuantile(u, r.low, r.mode, r.high);
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
  }
  const figures: Record<string, FigureSpread> = {};
  names.forEach((name, f) => {
    figures[name] = spread(samples[f].subarray(0, counts[f]).sort(), draws, undefinedLast.includes(name));
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

function spread(sorted: Float64Array, draws: number, last = false): FigureSpread {
  const undefinedShare = (draws - sorted.length) / draws;
  if (sorted.length === 0) return {p10: Number.NaN, p50: Number.NaN, p90: Number.NaN, mean: Number.NaN, undefinedShare};
  // d3-array reads any array-like by index; its types only name plain arrays.
  const values = sorted as unknown as number[];
  const quantile = last ? (p: number) => quantileWithLast(sorted, draws, p) : (p: number) => quantileSorted(values, p)!;
  return {
    p10: quantile(0.1),
    p50: quantile(0.5),
    p90: quantile(0.9),
    // Summing offsets from the minimum (exactly, with fsum) returns a constant sample's value exactly.
    mean: sorted[0] + fsum(values, (x) => x - sorted[0]) / sorted.length,
    undefinedShare
  };
}

/**
 * Type-7 quantile of `draws` values of which `sorted` holds the defined ones (ascending) and the rest rank above
 * every one of them; NaN when the quantile touches an undefined draw.
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
