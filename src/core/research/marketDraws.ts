/**
 * The market's figures over the Monte Carlo, for the P10–P90 beside the market's bull / base / bear columns: the live
 * deals evaluated together on each draw, at the SAME assumption values (one price per GW-year, one capex per GW, one
 * renewal rule… for every deal, as a scenario column sets them), then added up. Each deal's own bands draw from its own
 * stream; summing those would treat the deals as independent, which the market's common assumptions are not.
 */
import {type AssumptionValues, scenarioValues} from "../assumptions.js";
import {chipAssumptions, shareAssumptions} from "../capacity/chipAssumptions.js";
import type {Assumption, Dataset} from "../model.js";
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
 * Returns the spreads of the market sums over `draws` seeded draws (fewer above 20 priced deals: see
 * MARKET_MAX_EVALUATIONS) in which every live deal of `dealIds` with a cash
 * NPV is evaluated at the same drawn values (every assumption, every provider's margin, the chip inputs of all the
 * deals), at the base scenario's values and ramp; null with no draws or no priced deal.
 *
 * @example marketDraws(dataset, ["a", "b"], {draws: 1000}).npvUsd.p10 // the 10th percentile of NPV(a) + NPV(b) over common draws
 */
export function marketDraws(
  dataset: Dataset,
  dealIds: readonly string[],
  {draws, seed = MONTE_CARLO_SEED}: {draws: number; seed?: string | number}
): MarketDraws | null {
  if (!(draws > 0)) return null;
  const base = dataset.scenarios.find((s) => s.id === "base");
  if (!base) return null;
  const start = scenarioValues(dataset.assumptions, base);
  const deals = dealIds.map((id) => dataset.deals.find((d) => d.id === id)).filter((d) => d !== undefined);
  const projectors = deals.map((deal) => prepareDealProjector(dataset, deal));
  // Which deals have a cash NPV: those the sums count (the base values decide; a deal's commitment does not move).
  const atBase = projectors.map((p) => p.draw(start.values, start.ramp));
  const isPriced = atBase.map((a) => finite(a["recycling.npvUsd"]));
  const priced = projectors.filter((_, i) => isPriced[i]);
  if (!priced.length) return null;
  const n = Math.min(draws, Math.max(MARKET_MIN_DRAWS, Math.floor(MARKET_MAX_EVALUATIONS / projectors.length)));
  const residual = projectors.every((_, i) => !finite(atBase[i]["recycling.npvUsd"]) || finite(atBase[i]["recycling.npvWithResidualUsd"]));
  // The chip inputs of every deal, each once (a chip's specification is one draw for every deal that uses it).
  const chipRanges = new Map<string, Assumption>();
  for (const deal of deals)
    if (deal.capacity)
      for (const a of [...shareAssumptions(deal), ...chipAssumptions(dataset.chips, deal.capacity.chips)]) chipRanges.set(a.id, a);
  const ranges = [...dataset.assumptions, ...chipRanges.values()];
  const baseValues = {...start.values, ...Object.fromEntries([...chipRanges.values()].map((a) => [a.id, a.base]))} as AssumptionValues;
  const simulation = simulate(
    ranges,
    baseValues,
    (values) => {
      let npv = 0;
      let withResidual = 0;
      let positive = 0;
      let positiveWithResidual = 0;
      let paysBack = 0;
      let gwYears = 0;
      let h100e = 0;
      for (let i = 0; i < projectors.length; ++i) {
        const f = projectors[i].draw(values, start.ramp);
        gwYears += f["commitment.gwYears"] ?? 0;
        h100e += f["capacity.h100eFp8"] ?? 0;
        if (!isPriced[i]) continue;
        const v = f["recycling.npvUsd"] ?? Number.NaN;
        const r = f["recycling.npvWithResidualUsd"] ?? Number.NaN;
        npv += v;
        withResidual += r;
        if (v > 0) ++positive;
        if (r > 0) ++positiveWithResidual;
        if (finite(f["recycling.paybackYear"])) ++paysBack;
      }
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
    gwYears: atBase.some((a) => finite(a["commitment.gwYears"])) ? f.gwYears : null,
    h100eFp8: atBase.some((a) => finite(a["capacity.h100eFp8"])) ? f.h100e : null
  };
}

function finite(x: number | null | undefined): x is number {
  return typeof x === "number" && Number.isFinite(x);
}
