/**
 * The market's figures over the Monte Carlo, for the P10–P90 beside the market's bull / base / bear columns: the live
 * deals evaluated together on each draw, at the SAME assumption values (one price per GW-year, one capex per GW, one
 * renewal rule… for every deal, as a scenario column sets them), then added up. Each deal's own bands draw from its own
 * stream; summing those would treat the deals as independent, which the market's common assumptions are not.
 */
import {type AssumptionValues, scenarioValues} from "../assumptions.js";
import {chipAssumptions, shareAssumptions} from "../capacity/chipAssumptions.js";
import type {Assumption, Dataset, Deal} from "../model.js";
import {prepareDealProjector} from "../project/projectDeal.js";
import {MONTE_CARLO_SEED} from "../uncertainty/draws.js";
import {type FigureSpread, simulate} from "../uncertainty/monteCarlo.js";

/** The market's sums over the draws: each a spread (P10, P50, P90…) of the figure a market scenario column adds up. */
export interface MarketDraws {
  draws: number;
  /** The priced live deals in the sums. `draws`: how many draws were taken. */
  priced: number;
  /** Sum of the priced deals' cash NPVs of the new money, USD. */
  npvUsd: FigureSpread;
  /** Sum of the same with the capacity's value at term end (not cash), USD; null when a priced deal has none. */
  npvWithResidualUsd: FigureSpread | null;
  /** How many priced deals are above zero, and with the term-end value. */
  positive: FigureSpread;
  positiveWithResidual: FigureSpread | null;
  /** How many priced deals pay back within their term. */
  paysBack: FigureSpread;
  /** Sums over every live deal with the figure: the GW-years the commitments buy, the H100-equivalents (8-bit) at the ceilings. */
  gwYears: FigureSpread | null;
  h100eFp8: FigureSpread | null;
}

/** Stream of the market's draws (each deal's own bands draw from the deal's id). */
export const MARKET_STREAM = "market";

/**
 * Most deal evaluations the market's draws spend (draws × priced deals, about 10 µs each): 10,000 draws up to 20
 * live deals, fewer beyond (1,000 deals: 200 draws), never fewer than MARKET_MIN_DRAWS, so the market's band does not
 * grow a build's time with the square of the deals.
 */
export const MARKET_MAX_EVALUATIONS = 200_000;
export const MARKET_MIN_DRAWS = 200;

/**
 * One deal's part of the market's draws: what it adds on each common draw, and whether it counts at the base values.
 * JSON-safe, so a build can keep it between builds (see MarketDrawsOptions.part): a figure that is not finite on a draw
 * is written as its text ("NaN", "Infinity", "-Infinity") and read back exactly.
 */
export interface DealMarketDraws {
  /** Has a cash NPV at the base values: the NPV sums and the counts take it. */
  priced: boolean;
  /** Priced without an NPV with the term-end value at the base values: the market then gives none. */
  lacksResidual: boolean;
  /** Has GW-years, H100-equivalents at the base values. */
  hasGwYears: boolean;
  hasH100e: boolean;
  /** Per draw: the cash NPV and the NPV with the term-end value (priced only), GW-years and H100e (0 when absent). */
  npv: (number | string)[];
  withResidual: (number | string)[];
  gwYears: (number | string)[];
  h100e: (number | string)[];
  /** Per draw, 1 when the deal pays back within its term (priced only). */
  paysBack: number[];
}

export interface MarketDrawsOptions {
  draws: number;
  seed?: string | number;
  /**
   * Returns a deal's part of the draws, `compute()` or a copy kept from an earlier build for the same deal and the same
   * `key` (the draws' ranges, count, seed and stream: with the deal and the dataset's other inputs, all the part reads).
   * Default: compute. A rebuild after one deal changes then evaluates that deal only, not every deal on every draw.
   */
  part?: (deal: Deal, key: unknown, compute: () => DealMarketDraws) => DealMarketDraws;
}

/** A number of a DealMarketDraws series, back from its JSON-safe form. */
const numberOf = (x: number | string): number => (typeof x === "number" ? x : Number(x));
const jsonSafe = (x: number): number | string => (Number.isFinite(x) ? x : String(x));

/**
 * Returns the spreads of the market sums over `draws` seeded draws (fewer above 20 priced deals: see
 * MARKET_MAX_EVALUATIONS) in which every live deal of `dealIds` with a cash
 * NPV is evaluated at the same drawn values (every assumption, every provider's margin, the chip inputs of all the
 * deals), at the base scenario's values and ramp; null with no draws or no priced deal. Each deal's values on every
 * draw are its part (DealMarketDraws, kept between builds through `part`); the sums add the parts in the deals' order
 * on each draw, so the result is the same with or without kept parts.
 *
 * @example marketDraws(dataset, ["a", "b"], {draws: 1000}).npvUsd.p10 // the 10th percentile of NPV(a) + NPV(b) over common draws
 */
export function marketDraws(
  dataset: Dataset,
  dealIds: readonly string[],
  {draws, seed = MONTE_CARLO_SEED, part = (_deal, _key, compute) => compute()}: MarketDrawsOptions
): MarketDraws | null {
  if (!(draws > 0)) return null;
  const base = dataset.scenarios.find((s) => s.id === "base");
  if (!base) return null;
  const start = scenarioValues(dataset.assumptions, base);
  const deals = dealIds.map((id) => dataset.deals.find((d) => d.id === id)).filter((d) => d !== undefined);
  if (!deals.length) return null;
  const n = Math.min(draws, Math.max(MARKET_MIN_DRAWS, Math.floor(MARKET_MAX_EVALUATIONS / deals.length)));
  // The chip inputs of every deal, each once (a chip's specification is one draw for every deal that uses it).
  const chipRanges = new Map<string, Assumption>();
  for (const deal of deals)
    if (deal.capacity)
      for (const a of [...shareAssumptions(deal), ...chipAssumptions(dataset.chips, deal.capacity.chips)]) chipRanges.set(a.id, a);
  const ranges = [...dataset.assumptions, ...chipRanges.values()];
  const baseValues = {...start.values, ...Object.fromEntries([...chipRanges.values()].map((a) => [a.id, a.base]))} as AssumptionValues;
  // Every draw's values, one column per drawn input, drawn once (only when a part is computed): the same stream and
  // order the sums' simulation below draws again, so a part computed in another build saw the same values.
  let columns: {ids: string[]; values: Float64Array[]} | null = null;
  const drawnValues = () => {
    if (columns) return columns;
    const ids = [...new Set(ranges.map((a) => a.id))];
    const values = ids.map(() => new Float64Array(n));
    let d = 0;
    simulate(
      ranges,
      baseValues,
      (v) => {
        for (let i = 0; i < ids.length; ++i) values[i][d] = (v as Record<string, number>)[ids[i]];
        ++d;
        return {};
      },
      {draws: n, seed, stream: MARKET_STREAM}
    );
    columns = {ids, values};
    return columns;
  };
  const partOf = (deal: Deal): DealMarketDraws => {
    const projector = prepareDealProjector(dataset, deal);
    // Which deals have a cash NPV: those the sums count (the base values decide; a deal's commitment does not move).
    const atBase = projector.draw(start.values, start.ramp);
    const priced = finite(atBase["recycling.npvUsd"]);
    const {ids, values: drawn} = drawnValues();
    const values: Record<string, number> = {...baseValues};
    const out: DealMarketDraws = {
      priced,
      lacksResidual: priced && !finite(atBase["recycling.npvWithResidualUsd"]),
      hasGwYears: finite(atBase["commitment.gwYears"]),
      hasH100e: finite(atBase["capacity.h100eFp8"]),
      npv: [],
      withResidual: [],
      gwYears: [],
      h100e: [],
      paysBack: []
    };
    for (let d = 0; d < n; ++d) {
      for (let i = 0; i < ids.length; ++i) values[ids[i]] = drawn[i][d];
      const f = projector.draw(values as AssumptionValues, start.ramp);
      out.gwYears.push(jsonSafe(f["commitment.gwYears"] ?? 0));
      out.h100e.push(jsonSafe(f["capacity.h100eFp8"] ?? 0));
      if (!priced) continue;
      out.npv.push(jsonSafe(f["recycling.npvUsd"] ?? Number.NaN));
      out.withResidual.push(jsonSafe(f["recycling.npvWithResidualUsd"] ?? Number.NaN));
      out.paysBack.push(finite(f["recycling.paybackYear"]) ? 1 : 0);
    }
    return out;
  };
  const key = {stream: MARKET_STREAM, draws: n, seed, ramp: start.ramp, ranges};
  const parts = deals.map((deal) => part(deal, key, () => partOf(deal)));
  const priced = parts.filter((p) => p.priced);
  if (!priced.length) return null;
  const residual = parts.every((p) => !p.lacksResidual);
  // Each part's series as numbers, then the sums on each draw, adding the deals in their order.
  const series = parts.map((p) => ({
    priced: p.priced,
    npv: p.npv.map(numberOf),
    withResidual: p.withResidual.map(numberOf),
    gwYears: p.gwYears.map(numberOf),
    h100e: p.h100e.map(numberOf),
    paysBack: p.paysBack
  }));
  let d = 0;
  const simulation = simulate(
    ranges,
    baseValues,
    () => {
      let npv = 0;
      let withResidual = 0;
      let positive = 0;
      let positiveWithResidual = 0;
      let paysBack = 0;
      let gwYears = 0;
      let h100e = 0;
      for (const s of series) {
        gwYears += s.gwYears[d];
        h100e += s.h100e[d];
        if (!s.priced) continue;
        const v = s.npv[d];
        const r = s.withResidual[d];
        npv += v;
        withResidual += r;
        if (v > 0) ++positive;
        if (r > 0) ++positiveWithResidual;
        paysBack += s.paysBack[d];
      }
      ++d;
      return {npv, withResidual, positive, positiveWithResidual, paysBack, gwYears, h100e};
    },
    {draws: n, seed, stream: MARKET_STREAM}
  );
  const f = simulation.figures;
  return {
    draws: n,
    priced: priced.length,
    npvUsd: f.npv,
    npvWithResidualUsd: residual ? f.withResidual : null,
    positive: f.positive,
    positiveWithResidual: residual ? f.positiveWithResidual : null,
    paysBack: f.paysBack,
    gwYears: parts.some((p) => p.hasGwYears) ? f.gwYears : null,
    h100eFp8: parts.some((p) => p.hasH100e) ? f.h100e : null
  };
}

function finite(x: number | null | undefined): x is number {
  return typeof x === "number" && Number.isFinite(x);
}
