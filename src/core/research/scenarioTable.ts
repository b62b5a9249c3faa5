/**
 * The bull / base / bear table of a research note: one column per scenario in the data (base, slip, fast build-out,
 * bear economics…), each with the deal's key figures computed by the same projection at that scenario's values (no
 * draw: a scenario is a set of values, not a distribution), and the assumptions the scenario changes.
 */
import {marginId, scenarioValues} from "../assumptions.js";
import {capacityName} from "../format/capacityLabel.js";
import type {Assumption, Dataset} from "../model.js";
import {prepareDealProjector} from "../project/projectDeal.js";
import {normalCdf, normalQuantile} from "../random/gaussianCopula.js";

/** One scenario's column. */
export interface ScenarioColumn {
  /** The scenario's id, or {@link CEILING_FILLED} for the base case if the lab filled the ceiling. */
  scenario: string;
  label: string;
  description: string;
  ramp: string;
  /** The assumptions the scenario sets away from their base, with their base value, in data order. */
  overrides: {id: string; label: string; unit: string; value: number; base: number}[];
  /** The provider's cash NPV of the deal's new money, USD, at the scenario's values; null without a commitment. */
  npvUsd: number | null;
  /**
   * The same NPV plus the present value of the capacity's book value at term end (not cash: what the provider keeps),
   * USD; null without a commitment, and in the "if the lab fills the ceiling" column unless it equals the base case.
   */
  npvWithResidualUsd: number | null;
  /** First year cumulative cash on the new money turns positive for good; null when it never does or no commitment. */
  paybackYear: number | null;
  /** The commitment's GW-years at the scenario's revenue per GW-year; null without a commitment. */
  gwYears: number | null;
  /** H100-equivalents on the 8-bit basis at the ceiling; null without chip counts. */
  h100eFp8: number | null;
  /**
   * The GW-years the lab's spend pays for in the cash model (its spend ÷ the price per GW-year it is paid at, which is
   * never below the commitment ÷ the GW-years on schedule): what the provider builds; null without a commitment.
   */
  paidGwYears: number | null;
  /**
   * The same, with only the scenario's contract revenue per GW-year moved (every other assumption at base, the base
   * ramp): what the price alone does to the capacity the commitment pays for; null when the scenario sets no price.
   */
  paidGwYearsPriceAlone: number | null;
  /**
   * For a scenario that pairs the price per GW-year with the capex per GW against the model's correlation between the
   * two (see priceCapexCorner): the cash NPV with the capex per GW moved to the end of its range on the price's side
   * instead (a cheap price with cheap capex, a dear one with dear capex), every other value the scenario's, USD; and
   * that capex per GW (USD bn per GW). Absent for every other column, and without a commitment.
   */
  together?: {capexPerGw: number; npvUsd: number};
}

/** The column id of the base case if the lab filled the ceiling (not a scenario in the data: no assumption moves). */
export const CEILING_FILLED = "ceiling-filled";

/**
 * Returns the deal's figures under every scenario of `dataset`, in data order, with, right after the base case for a
 * deal with a commitment, the base case if the lab filled the ceiling ({@link CEILING_FILLED}: the lab pays the
 * contract price on all the capacity delivered, not only its commitment, and the provider builds it all; see CeilingFilled).
 * Throws `invalid deal: <id>` when the deal is not in the dataset.
 *
 * @example scenarioTable(dataset, "amazon-anthropic").map((c) => c.scenario) // ["base", "ceiling-filled", "slip", "fast", "bear", "bull"]
 */
export function scenarioTable(dataset: Dataset, dealId: string): ScenarioColumn[] {
  const deal = dataset.deals.find((d) => d.id === dealId);
  if (!deal) throw new Error(`invalid deal: ${dealId}`);
  // The probability that contingent tranches are paid moves nothing in a deal with none.
  const contingent = deal.tranches.some((t) => !t.firm);
  // The deal prepared once; each scenario's column is one evaluation of its four figures at the scenario's values (the
  // same numbers as projectDeal(…, {scenario, draws: 0}), without the parts the table does not show: no chip option
  // valued by simulation, no fleet). Only the base case is evaluated in full, for its "if the lab fills the ceiling" reading.
  const projector = prepareDealProjector(dataset, deal);
  const own = marginId(deal.provider);
  const baseScenario = dataset.scenarios.find((s) => s.id === "base");
  // The price and the capex per GW paired against their correlation: the same column with them moving together.
  const priceRange = dataset.assumptions.find((a) => a.id === "revenue-per-gw-year");
  const capexRange = dataset.assumptions.find((a) => a.id === "capex-per-gw");
  const rho = priceRange?.correlation?.with === "capex-per-gw" ? priceRange.correlation.rho : 0;
  const togetherCapex = (overrides: Record<string, number>): number | null => {
    const p = overrides["revenue-per-gw-year"];
    const c = overrides["capex-per-gw"];
    if (!priceRange || !capexRange || !rho || p === undefined || c === undefined) return null;
    const side = Math.sign(p - priceRange.base);
    if (!side || side * Math.sign(c - capexRange.base) * rho >= 0) return null;
    // The end of the capex range on the side the correlation moves it with the price.
    return side * Math.sign(rho) > 0 ? capexRange.high : capexRange.low;
  };
  const paidOf = (r: {revenueUsd: {value: number} | null; pricePerGwYearUsd: {value: number} | null}) =>
    r.revenueUsd && r.pricePerGwYearUsd ? r.revenueUsd.value / r.pricePerGwYearUsd.value : null;
  const columns = dataset.scenarios.map((scenario) => {
    const {ramp, values} = scenarioValues(dataset.assumptions, scenario);
    const figures = projector.draw(values, ramp);
    const moved = togetherCapex(scenario.overrides);
    const togetherNpv = moved === null ? null : projector.draw({...values, "capex-per-gw": moved}, ramp)["recycling.npvUsd"];
    const evaluated = projector.evaluate(values, {detail: false, ramp}).recycling;
    const recycling = scenario.id === "base" ? evaluated : null;
    const price = scenario.overrides["revenue-per-gw-year"];
    let priceAlone: number | null = null;
    if (price !== undefined && baseScenario) {
      const base = scenarioValues(dataset.assumptions, baseScenario);
      priceAlone = paidOf(projector.evaluate({...base.values, "revenue-per-gw-year": price}, {detail: false, ramp: base.ramp}).recycling);
    }
    const overrides = dataset.assumptions
      .filter((a) => scenario.overrides[a.id] !== undefined && scenario.overrides[a.id] !== a.base)
      // Another provider's margin does not move this deal: leave it out of the stated assumptions.
      .filter((a) => !a.id.startsWith("margin-") || a.id === own)
      .filter((a) => a.id !== "contingent-probability" || contingent)
      .map((a) => ({id: a.id, label: a.label, unit: a.unit, value: scenario.overrides[a.id], base: a.base}));
    return {
      scenario: scenario.id,
      label: scenario.label,
      description: scenario.description,
      ramp: scenario.ramp,
      overrides,
      npvUsd: figures["recycling.npvUsd"],
      npvWithResidualUsd: figures["recycling.npvWithResidualUsd"],
      paybackYear: figures["recycling.paybackYear"],
      gwYears: figures["commitment.gwYears"],
      h100eFp8: figures["capacity.h100eFp8"],
      paidGwYears: paidOf(evaluated),
      paidGwYearsPriceAlone: priceAlone,
      ...(moved !== null && togetherNpv !== null && Number.isFinite(togetherNpv)
        ? {together: {capexPerGw: moved, npvUsd: togetherNpv}}
        : {}),
      recycling
    };
  });
  const out: ScenarioColumn[] = [];
  for (const {recycling: r, ...column} of columns) {
    out.push(column);
    const s = r?.ceilingFilled;
    if (column.scenario !== "base" || !r || !s || !r.revenueUsd) continue;
    const same = !(s.revenueUsd > r.revenueUsd.value * 1.001);
    out.push({
      ...column,
      scenario: CEILING_FILLED,
      // The deal's own name for its capacity figure: "the Trainium capacity" for a part, never "the ceiling" (capacityName).
      label: `If the lab fills ${capacityName(deal.capacity)}`,
      description: same
        ? "The base case if the lab paid the contract price on all the capacity delivered: here that comes to no more than its stated commitment (or the deal has no delivery schedule), so every figure is the base case's."
        : "The base case if the lab paid the contract price on all the capacity delivered, not only its stated commitment, and the provider built it all; every assumption at its base value. The model gives this reading no value at term end (n/a).",
      npvUsd: s.npvUsd.value,
      // The model gives this reading no term-end value of its own.
      npvWithResidualUsd: same ? column.npvWithResidualUsd : null,
      paybackYear: s.paybackYear,
      // Filling the ceiling pays for every GW-year delivered.
      paidGwYears: same ? column.paidGwYears : (r.deliveredGwYears?.value ?? null)
    });
  }
  return out;
}

/** The parts of a scenario column (a deal's, or the market's sum) that the notes under the table read. */
export type ScenarioNoteColumn = Pick<
  ScenarioColumn,
  "scenario" | "label" | "ramp" | "overrides" | "gwYears" | "paidGwYears" | "paidGwYearsPriceAlone" | "h100eFp8"
>;

/** A scenario whose H100-equivalents move against its timing, with the base case's and its own. */
export interface TimingShift<C extends ScenarioNoteColumn = ScenarioNoteColumn> {
  column: C;
  /** "later": the scenario delays delivery (a slip above the base's); "earlier": no later, on the front-loaded ramp. */
  timing: "later" | "earlier";
  h100eFp8: number;
  baseH100eFp8: number;
}

/**
 * Returns the scenarios whose H100-equivalents at the ceiling move against their timing, in column order: one that
 * delivers later (a slip above the base's) yet counts more than the base case, or one that delivers earlier (no
 * later, on the front-loaded ramp while the base is not) yet counts fewer. Each GW is filled with the newest of the
 * deal's chips available when it arrives (chipMix), so later capacity gets newer, faster chips. A scenario that also
 * lowers the PUE (more IT power per GW, so more chips) is left out when it counts more, and one that raises it when it
 * counts fewer: then timing alone does not explain the move. Empty without a base column, or without H100-equivalents.
 *
 * @example computeAgainstTiming(scenarioTable(dataset, "amazon-anthropic")).map((s) => s.column.scenario) // ["slip", "fast", "bear", "bull"]
 */
export function computeAgainstTiming<C extends ScenarioNoteColumn>(columns: readonly C[]): TimingShift<C>[] {
  const base = columns.find((c) => c.scenario === "base");
  const baseH100e = base?.h100eFp8;
  if (!base || baseH100e === null || baseH100e === undefined || !(baseH100e > 0)) return [];
  const set = (c: C, id: string) => c.overrides.find((o) => o.id === id);
  const out: TimingShift<C>[] = [];
  for (const column of columns) {
    const h100e = column.h100eFp8;
    if (column === base || h100e === null || !Number.isFinite(h100e)) continue;
    const slip = set(column, "slip-months");
    const later = slip !== undefined && slip.value > slip.base;
    const earlier = !later && column.ramp === "front-loaded" && base.ramp !== "front-loaded";
    const pue = set(column, "pue");
    const pueMove = pue ? Math.sign(pue.value - pue.base) : 0;
    const tolerance = 1e-9 * baseH100e;
    if (later && h100e > baseH100e + tolerance && pueMove >= 0)
      out.push({column, timing: "later", h100eFp8: h100e, baseH100eFp8: baseH100e});
    else if (earlier && h100e < baseH100e - tolerance && pueMove <= 0)
      out.push({column, timing: "earlier", h100eFp8: h100e, baseH100eFp8: baseH100e});
  }
  return out;
}

/** A scenario that sets the contract revenue per GW-year: what the commitment's dollars then buy, against the base. */
export interface PriceCapacity<C extends ScenarioNoteColumn = ScenarioNoteColumn> {
  column: C;
  /** The scenario's contract revenue per GW-year, USD bn per GW-year (the price paid is never below commitment ÷ GW-years on schedule). */
  price: number;
  /** The capex per GW the provider builds at when the scenario sets it, USD bn per GW; null: the base's. */
  capexPerGw: number | null;
  gwYears: number;
  baseGwYears: number;
  /** gwYears ÷ baseGwYears − 1: +0.57 is 57% more GW-years for the same dollars. */
  change: number;
}

/**
 * Returns, for each scenario that sets the contract revenue per GW-year and, by that price alone (every other
 * assumption at base: paidGwYearsPriceAlone), changes the GW-years the lab's spend pays for, what the commitment's
 * dollars buy against the base case: the model reads a stated commitment as
 * the dollars the lab pays, so a lower price buys more GW-years, which the provider must build (at the scenario's
 * capex per GW), and a higher one fewer; where the commitment already pays more than the contract price for the
 * capacity on schedule, the price it is paid does not move and neither do the GW-years (no entry). Column order; empty
 * without a base column with GW-years.
 *
 * @example priceCapacity(scenarioTable(dataset, "microsoft-openai")).find((p) => p.column.scenario === "bear")?.change // 250/7 ÷ 250/11 − 1 ≈ 0.571
 */
export function priceCapacity<C extends ScenarioNoteColumn>(columns: readonly C[]): PriceCapacity<C>[] {
  const base = columns.find((c) => c.scenario === "base");
  const baseGwYears = base?.paidGwYears;
  if (!base || baseGwYears === null || baseGwYears === undefined || !(baseGwYears > 0)) return [];
  const out: PriceCapacity<C>[] = [];
  for (const column of columns) {
    const price = column.overrides.find((o) => o.id === "revenue-per-gw-year");
    const gwYears = column.paidGwYearsPriceAlone;
    if (column === base || !price || price.value === price.base || gwYears === null || !Number.isFinite(gwYears)) continue;
    if (Math.abs(gwYears - baseGwYears) <= 1e-9 * baseGwYears) continue;
    const capex = column.overrides.find((o) => o.id === "capex-per-gw");
    out.push({
      column,
      price: price.value,
      capexPerGw: capex && capex.value !== capex.base ? capex.value : null,
      gwYears,
      baseGwYears,
      change: gwYears / baseGwYears - 1
    });
  }
  return out;
}

/**
 * Returns the probability that two draws with normal-scores correlation `rho` (the Monte Carlo's Gaussian copula) land
 * in opposite tails of width `tail`: the first in its lowest `tail`, the second in its highest. With Z₂ = ρZ₁ +
 * √(1 − ρ²)ε and z = Φ⁻¹(1 − tail), that is ∫ φ(x)·(1 − Φ((z − ρx) ÷ √(1 − ρ²))) dx over x ≤ −z (Simpson's rule);
 * tail² when independent.
 *
 * @example oppositeTailProbability(0, 0.1) // 0.01
 */
export function oppositeTailProbability(rho: number, tail: number): number {
  if (!(tail > 0 && tail < 1) || !(rho >= -1 && rho <= 1)) throw new Error(`invalid tail or correlation: ${tail}, ${rho}`);
  const z = normalQuantile(1 - tail);
  const s = Math.sqrt(1 - rho * rho);
  if (s === 0) return rho > 0 ? 0 : tail;
  const f = (x: number) => (Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI)) * (1 - normalCdf((z - rho * x) / s));
  const n = 4000;
  const lo = -z - 12;
  const h = (-z - lo) / n;
  let sum = f(lo) + f(-z);
  for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * f(lo + i * h);
  return (sum * h) / 3;
}

/** A scenario that pairs the price per GW-year with the capex per GW against the model's correlation between the two. */
export interface PriceCapexCorner {
  /** The scenarios (their labels) that set the two on opposite sides of their base values against `rho`'s sign. */
  labels: string[];
  /** The normal-scores correlation the Monte Carlo draws the price with (assumptions: revenue-per-gw-year). */
  rho: number;
  /** The width of each tail the probability is read over (0.1: the lowest and the highest tenth of the draws). */
  tail: number;
  /** The chance a draw lands in that corner (oppositeTailProbability), and tail² were the two independent. */
  probability: number;
  independent: number;
}

/**
 * Returns which scenarios of `columns` take the price per GW-year and the capex per GW to opposite sides of their base
 * values although the data draws them correlated (price passes cost through), with the chance a draw lands in that
 * corner (a tenth at each end), or null when none does or the data sets no such correlation.
 */
export function priceCapexCorner(
  assumptions: readonly Pick<Assumption, "id" | "correlation">[],
  columns: readonly {label: string; overrides: readonly {id: string; value: number; base: number}[]}[],
  tail = 0.1
): PriceCapexCorner | null {
  const price = assumptions.find((a) => a.id === "revenue-per-gw-year");
  const rho = price?.correlation?.with === "capex-per-gw" ? price.correlation.rho : 0;
  if (!rho) return null;
  const side = (c: (typeof columns)[number], id: string) => {
    const o = c.overrides.find((x) => x.id === id);
    return o ? Math.sign(o.value - o.base) : 0;
  };
  const labels = columns.filter((c) => side(c, "revenue-per-gw-year") * side(c, "capex-per-gw") * rho < 0).map((c) => c.label);
  if (!labels.length) return null;
  return {labels, rho, tail, probability: oppositeTailProbability(Math.abs(rho), tail), independent: tail * tail};
}

/** Where a value sits against a Monte Carlo band: below its P10, between the P10 and the median, the median and the P90, or above the P90. */
export type BandPosition = "below-p10" | "p10-median" | "median-p90" | "above-p90";

/**
 * Returns where `value` sits among the draws summarised by `band` (a value equal to a percentile counts on the median's
 * side of it), or null when the value or the band is not a number.
 *
 * @example bandPosition(-280e9, {p10: -41.4e9, p50: 6.83e9, p90: 50.7e9}) // "below-p10"
 */
export function bandPosition(value: number | null, band: {p10: number; p50: number; p90: number}): BandPosition | null {
  if (value === null || ![value, band.p10, band.p50, band.p90].every(Number.isFinite)) return null;
  if (value < band.p10) return "below-p10";
  if (value > band.p90) return "above-p90";
  return value < band.p50 ? "p10-median" : "median-p90";
}
