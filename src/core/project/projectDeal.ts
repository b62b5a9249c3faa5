import {type AssumptionValues, marginId, type ScenarioValues, scenarioValues} from "../assumptions.js";
import {chipAssumptions, shareAssumptions} from "../capacity/chipAssumptions.js";
import {
  CAPACITY_BANDED,
  type CapacityBaseCase,
  type CapacityHeadlines,
  type CapacityYear,
  type DealCapacity,
  prepareDealCapacity
} from "../capacity/prepareDealCapacity.js";
import {
  type DealCommitmentProjection,
  evaluateCommitmentSpend,
  evaluateDealCommitment,
  prepareDealCommitment
} from "../commitment/projectDealCommitment.js";
import {factProvenance, type Provenance, provenanceOf} from "../commitment/provenance.js";
import type {DeliveredGw, SpendProfile} from "../commitment/spendByYear.js";
import type {Figure} from "../lineage.js";
import {figure} from "../lineage.js";
import type {Company, Dataset, Deal, Status} from "../model.js";
import {type OptionQuestionRow, optionQuestions} from "../options/optionQuestions.js";
import {type ChipOptionValue, chipOptionClosedForm, unvaluedReason, valueChipOption, yearsToExercise} from "../options/valueChipOption.js";
import {chipVendorCompany, facilityLeaseYears, parentCompany} from "../recycling/companyParents.js";
import {
  type DealRecycling,
  evaluateDealRecycling,
  prepareDealRecycling,
  type RecyclingHeadlines,
  recyclingHeadlines,
  VALUATION_YEAR
} from "../recycling/projectDealRecycling.js";

/** The date every option is valued from, the same for every deal (the NPVs' valuation date). */
export const OPTION_VALUATION_DATE = `${VALUATION_YEAR}-01-01`;

import {lastYearWith} from "../recycling/cashFlowMeasures.js";
import {type Fleet, projectDealFleet} from "../roadmap/fleet.js";
import {MONTE_CARLO_DRAWS, MONTE_CARLO_SEED} from "../uncertainty/draws.js";
import {type FigureSpread, simulate} from "../uncertainty/monteCarlo.js";
import {type TornadoRow, tornado} from "../uncertainty/tornado.js";

/** The id of the NPV tornado's row for the value of the capacity at term end (a treatment, not an assumption). */
export const TERMINAL_VALUE = "terminal-value";

/** The headline figures drawn in the Monte Carlo and ranked in the tornado, by name. */
export const UNCERTAIN_FIGURES = [
  "capacity.accelerators",
  "capacity.servers",
  "capacity.energyTwhPerYear",
  "capacity.flopsBf16",
  "capacity.flopsFp8",
  "capacity.h100e",
  "capacity.h100eFp8",
  "commitment.gwYears",
  "commitment.coverage",
  "recycling.operatingProfitUsd",
  "recycling.npvUsd",
  "recycling.paybackYear",
  "recycling.filledNpvUsd",
  "recycling.npvWithResidualUsd",
  "recycling.relationshipNpvUsd",
  "recycling.npvAtHeldMarginUsd",
  "recycling.spendEndYear",
  "options.valuePerGwYear"
] as const;

export interface ProjectDealOptions {
  /** Scenario id; defaults to "base". */
  scenario?: string;
  /** Spend profile of the commitment; defaults to {@link defaultSpendProfile}. */
  profile?: SpendProfile;
  /** Monte Carlo draws for the P10–P90 bands; 0 skips the simulation. Defaults to MONTE_CARLO_DRAWS (10,000). */
  draws?: number;
  /** Seed of the Monte Carlo; each deal draws from its own stream (the deal id), so adding a deal changes nothing else. */
  seed?: string | number;
  /** Figures to rank in the tornado; defaults to the H100-equivalents on Epoch AI's 8-bit basis, the commitment's GW-years and the investor's NPV. */
  tornadoFigures?: readonly string[];
}

/** The options on future chips, valued per GW-year of optioned capacity (the size of the options is not public). */
export interface DealOptions {
  /** Sum of the options' closed-form values, USD per GW-year. */
  value: Figure;
  /** Sum of the options' Monte Carlo values, USD per GW-year. */
  valueMonteCarlo: Figure;
  standardError: number;
  items: (ChipOptionValue & {label: string; questions: OptionQuestionRow[]})[];
}

/** Everything the reports show about one deal under one scenario. */
export interface DealProjection {
  deal: string;
  scenario: string;
  ramp: ScenarioValues["ramp"];
  /** The deal's as-of date (the options' time to exercise counts from {@link OPTION_VALUATION_DATE}, for every deal). */
  asOf: string;
  /** Assumption values used, by id, in their units. */
  assumptions: AssumptionValues;
  capacity: DealCapacity | null;
  fleet: Fleet | null;
  commitment: DealCommitmentProjection | null;
  recycling: DealRecycling;
  options: DealOptions | null;
  /**
   * P10 / P50 / P90 of each figure in UNCERTAIN_FIGURES over the assumptions' ranges and the chip inputs' ranges
   * (`varied` lists every id drawn: the assumptions, then `chip:<id>.<input>`).
   */
  uncertainty: {seed: string | number; draws: number; varied: string[]; figures: Record<string, FigureSpread>} | null;
  /** One-at-a-time sensitivity, figure → rows sorted by swing. */
  tornado: Record<string, TornadoRow[]>;
}

/**
 * Returns a deal's projections under a scenario: capacity and fleet, commitment, recycling, options on future chips,
 * P10–P90 bands from a seeded Monte Carlo over the assumptions' ranges and the ranges of the deal's chip inputs
 * (IT power, FLOP/s; see chipAssumptions), and a tornado per chosen figure over the same inputs. The capacity
 * headline figures that have a band (CAPACITY_BANDED) are the band's median (P50), so a headline always lies inside
 * its own P10–P90; their values at the scenario's own values stay in `capacity.base`, the "base case" (with draws:
 * 0 the headline is the base case and `capacity.central` says so). The per-deal work is prepared once and only the
 * arithmetic that depends on assumption values runs per draw.
 * Throws `invalid deal: <id>` or `invalid scenario: <id>` when either is not in the dataset.
 *
 * @example projectDeal(dataset, "amazon-anthropic").commitment.gwYears.contract.value // ≈ 9.09 (GW-years)
 */
export function projectDeal(dataset: Dataset, dealId: string, options: ProjectDealOptions = {}): DealProjection {
  const {scenario: scenarioId = "base", draws = MONTE_CARLO_DRAWS, seed = MONTE_CARLO_SEED} = options;
  const deal = dataset.deals.find((d) => d.id === dealId);
  if (!deal) throw new Error(`invalid deal: ${dealId}`);
  const profile = options.profile ?? defaultSpendProfile(deal);
  const scenario = dataset.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) throw new Error(`invalid scenario: ${scenarioId}`);
  const base = scenarioValues(dataset.assumptions, scenario);
  const projector = prepareDealProjector(dataset, deal, {profile});

  const {optionValue: _, ...result} = projector.evaluate(base.values, {detail: true, ramp: base.ramp});
  const figures = (values: AssumptionValues) => projector.draw(values, base.ramp);
  // Another company's margin cannot move this deal: leave it out of the draws and the tornado.
  const own = marginId(deal.provider);
  // The build time moves only a deal whose capacity is built out (buildsOut); left out, the others' draws stay as they were.
  const built = buildsOut(deal, profile);
  const relevant = dataset.assumptions.filter((a) => (!a.id.startsWith("margin-") || a.id === own) && (built || a.id !== "build-months"));
  // The deal's stated generation shares and the chip inputs with a range in chips.yaml are drawn after the assumptions.
  const chipRanges = deal.capacity ? [...shareAssumptions(deal), ...chipAssumptions(dataset.chips, deal.capacity.chips)] : [];
  const ranges = [...relevant, ...chipRanges];
  const baseValues = {...base.values, ...Object.fromEntries(chipRanges.map((a) => [a.id, a.base]))} as AssumptionValues;
  // A draw that never pays back ranks after every payback year, so the payback's P50 is the median of all draws.
  const undefinedLast = ["recycling.paybackYear"];
  // The cash NPV's draws are tested for a split into two groups (a median between two humps says little alone).
  const clusters = ["recycling.npvUsd"];
  const simulation = draws > 0 ? simulate(ranges, baseValues, figures, {draws, seed, stream: deal.id, undefinedLast, clusters}) : null;
  const uncertainty = simulation ? {seed, draws, varied: simulation.varied, figures: simulation.figures} : null;
  if (uncertainty && result.capacity) result.capacity = medianCapacity(result.capacity, uncertainty.figures);
  if (uncertainty) result.recycling = medianRecycling(result.recycling, uncertainty.figures);
  const rank = options.tornadoFigures ?? ["capacity.h100eFp8", "commitment.gwYears", "recycling.npvUsd"];
  const tornadoes = Object.fromEntries(rank.map((name) => [name, tornado(ranges, baseValues, figures, name)]));
  // The value of the capacity at term end is a treatment, not a drawn assumption: its bar runs from leaving it out
  // (the cash NPV) to counting its book value (the NPV with it), at the base values.
  const npvRows = tornadoes["recycling.npvUsd"];
  const atBase = figures(baseValues);
  const cashOnly = atBase["recycling.npvUsd"];
  const withResidual = atBase["recycling.npvWithResidualUsd"];
  if (npvRows && cashOnly != null && withResidual != null && Number.isFinite(cashOnly) && Number.isFinite(withResidual)) {
    npvRows.push({
      id: TERMINAL_VALUE,
      // A lessee's "what is left" is its IT's book value and the leases still owed, counted as worth their rent.
      label:
        result.recycling.facilityLeaseYears !== null
          ? "Term-end value (IT at book value, leases owed at their rent)"
          : "Capacity's value at term end (× its book value)",
      low: 0,
      high: 1,
      valueAtLow: cashOnly,
      valueAtHigh: withResidual,
      baseValue: cashOnly,
      swing: Math.abs(withResidual - cashOnly)
    });
    npvRows.sort((a, b) => (Number.isNaN(b.swing) ? -1 : Number.isNaN(a.swing) ? 1 : b.swing - a.swing));
  }
  return {
    deal: deal.id,
    scenario: scenario.id,
    ramp: base.ramp,
    asOf: deal.asOf,
    assumptions: base.values,
    ...result,
    uncertainty,
    tornado: tornadoes
  };
}

/** One evaluation: the projections, plus the options' total value per GW-year as a plain number (null without options). */
type Evaluated = Pick<DealProjection, "capacity" | "fleet" | "commitment" | "recycling" | "options"> & {optionValue: number | null};

/** A deal with everything independent of assumption values prepared once; `evaluate` runs per set of values. */
export interface DealProjector {
  /**
   * Projects the deal for one set of values. With `detail: false` (inside a Monte Carlo) the options are valued in
   * closed form only (`options` is null, `optionValue` is set) and the fleet is skipped.
   */
  evaluate(values: AssumptionValues, options?: {detail?: boolean; ramp?: ScenarioValues["ramp"]}): Evaluated;
  /** The UNCERTAIN_FIGURES of an evaluation as plain numbers (null when undefined). */
  figures(evaluated: Evaluated): Record<string, number | null>;
  /**
   * The UNCERTAIN_FIGURES for one set of values, equal to `figures(evaluate(values, {detail: false, ramp}))` but
   * computing only what they read (what each Monte Carlo draw and each tornado end calls).
   */
  draw(values: AssumptionValues, ramp?: ScenarioValues["ramp"]): Record<string, number | null>;
}

/**
 * Returns the spend profile a deal is projected with by default: "capacity" when the deal has a dated capacity
 * schedule (a commitment cannot be consumed before the capacity exists, so spend follows the delivered GW), else
 * "flat". "flat" and "ramp" stay available as scenarios.
 *
 * @example defaultSpendProfile(amazonAnthropic) // "capacity"
 */
export function defaultSpendProfile(deal: Pick<Deal, "capacity">): SpendProfile {
  return deal.capacity?.schedule.length ? "capacity" : "flat";
}

/**
 * Returns whether the cash model builds a deal's capacity out ahead of its spend (prepareDealRecycling's `buildOut`):
 * for a deal with a commitment and without a dated capacity schedule, its spend spread evenly ("flat"). A contract
 * cannot be used before its capacity exists, and without a schedule the data give no date for it.
 *
 * @example buildsOut(oracleOpenai, "flat") // true; buildsOut(amazonAnthropic, "capacity") // false
 */
export function buildsOut(deal: Pick<Deal, "capacity" | "commitments">, profile: SpendProfile): boolean {
  return profile === "flat" && deal.commitments.length > 0 && !deal.capacity?.schedule.length;
}

/**
 * Returns the delivered capacity path the cash model reads, one row per year: each year's average GW while the
 * schedule runs, then the level the schedule ends at (the last year's year-end GW, not its average) held to the end
 * of the term, as the capacity section shows it (the capacity stays online after its last schedule point).
 *
 * @example deliveredPath([{year: 2028, gw: 5, gwAverage: 4.25}]) // [{year: 2028, gwAverage: 4.25}, {year: 2029, gwAverage: 5}]
 */
export function deliveredPath(byYear: readonly Pick<CapacityYear, "year" | "gw" | "gwAverage">[]): DeliveredGw[] {
  const rows = byYear.map((y) => ({year: y.year, gwAverage: y.gwAverage}));
  const last = byYear[byYear.length - 1];
  if (last) rows.push({year: last.year + 1, gwAverage: last.gw});
  return rows;
}

/**
 * Returns the investors whose money the provider's return is set against: those in the provider's group (the
 * same top parent: Amazon for AWS). An investor outside it (Nvidia beside Azure) earns nothing from the provider's
 * margin, so its money is not netted against it; its own return channel is its chip margin.
 *
 * @example providerGroupInvestors(companies, microsoftNvidiaAnthropic) // ["microsoft"]
 */
export function providerGroupInvestors(companies: Dataset["companies"], deal: Pick<Deal, "investors" | "provider">): string[] {
  const top = parentCompany(companies, deal.provider);
  return deal.investors.filter((id) => parentCompany(companies, id) === top);
}

/**
 * Returns a projector for a deal: capacity, commitment and recycling prepared once, so evaluating a new set of
 * assumption values costs only arithmetic (this is what the Monte Carlo and the browser's sliders call). The spend
 * profile defaults to {@link defaultSpendProfile}.
 */
export function prepareDealProjector(
  dataset: Dataset,
  deal: Deal,
  {profile = defaultSpendProfile(deal), ramp = "s-curve"}: {profile?: SpendProfile; ramp?: ScenarioValues["ramp"]} = {}
): DealProjector {
  const capacityOf = prepareDealCapacity(deal, dataset.chips, dataset.assumptions);
  const preparedCommitment = prepareDealCommitment(deal, dataset.assumptions, {profile});
  const group = providerGroupInvestors(dataset.companies, deal);
  // A chip-maker investor outside the provider's group is valued on its gross margin on the deal's chips.
  const vendors = new Set(deal.hardware.chips.map((id) => chipVendorCompany(dataset, id)));
  const chipMakers = deal.investors.filter((id) => !group.includes(id) && vendors.has(parentCompany(dataset.companies, id)));

  const preparedRecycling = prepareDealRecycling(deal, dataset.assumptions, {
    group,
    chipMakers,
    facilityLeaseYears: facilityLeaseYears(dataset.companies, deal.provider),
    guidedMargin: guidedMargin(dataset.companies, deal.provider),
    buildOut: buildsOut(deal, profile)
  });
  // A lessee's cash reads its lease term (the rent still owed after the deal's term): the filed fact joins the
  // lineage of every cash figure, so its source and status are listed with them.
  const lease = facilityLeaseProvenance(dataset.companies, deal.provider);
  if (lease) preparedRecycling.cash = provenanceOf(preparedRecycling.cash, lease);
  // Only rights on a future generation are valued (see unvaluedReason), all from one date: 1 January of VALUATION_YEAR.
  const chipOptions = deal.hardware.options.filter((option) => unvaluedReason(option) === null);
  const exerciseYears = chipOptions.map((option) => yearsToExercise(option, OPTION_VALUATION_DATE));

  // The options' closed-form total per GW-year, the one option figure a draw reads (null without options).
  const optionValueOf = (values: AssumptionValues): number | null => {
    let optionValue = 0;
    for (const years of exerciseYears) optionValue += chipOptionClosedForm(years, values, {generationYears: values["generation-years"]});
    return chipOptions.length ? optionValue : null;
  };

  const evaluate: DealProjector["evaluate"] = (values, {detail = true, ramp: shape = ramp} = {}) => {
    const scenario: ScenarioValues = {scenario: "", ramp: shape, values};
    const capacity = capacityOf ? capacityOf(scenario, {byYear: detail || profile === "capacity"}) : null;
    const deliveredGw = profile === "capacity" && capacity ? deliveredPath(capacity.byYear) : undefined;
    // A GW-year is priced on schedule: with a slip drawn, the schedule without it gives the GW-years the commitment pays for.
    const scheduledGw =
      deliveredGw && capacityOf && values["slip-months"] > 0
        ? deliveredPath(capacityOf({...scenario, values: {...values, "slip-months": 0}}, {byYear: true}).byYear)
        : undefined;
    const commitment = preparedCommitment ? evaluateDealCommitment(preparedCommitment, values, {deliveredGw, scheduledGw}) : null;
    const recycling = evaluateDealRecycling(preparedRecycling, commitment, values);
    const generationYears = values["generation-years"];
    if (!detail) return {capacity, fleet: null, commitment, recycling, options: null, optionValue: optionValueOf(values)};
    const valued = chipOptions.map((option) => ({
      ...valueChipOption(option, {asOf: OPTION_VALUATION_DATE, deal: deal.id, assumptions: dataset.assumptions, values, generationYears}),
      label: option.label,
      questions: optionQuestions(option)
    }));
    const options: DealOptions | null = valued.length
      ? {
          value: figure(
            sum(valued, (v) => v.valuePerGwYear),
            "usd-per-gw-year",
            valued
          ),
          valueMonteCarlo: figure(
            sum(valued, (v) => v.monteCarlo.value / (v.gw * v.yearsOfUse)),
            "usd-per-gw-year",
            valued
          ),
          standardError: Math.sqrt(sum(valued, (v) => (v.monteCarlo.standardError / (v.gw * v.yearsOfUse)) ** 2)),
          items: valued
        }
      : null;
    const fleet = capacity?.accelerators ? projectDealFleet(capacity, dataset.chips, scenario, {deal}) : null;
    return {capacity, fleet, commitment, recycling, options, optionValue: options?.value.value ?? null};
  };

  // The same steps as evaluate (the delivered path, the schedule without slip, the commitment's spend, the recycling's
  // cash flows), each computing only the numbers the UNCERTAIN_FIGURES read.
  // The schedule without slip reads no drawn value, only the ramp's shape: its path is worked out once per shape.
  const onSchedule = new Map<ScenarioValues["ramp"], DeliveredGw[]>();
  const scheduledPath = (capacity: NonNullable<typeof capacityOf>, scenario: ScenarioValues): DeliveredGw[] => {
    let path = onSchedule.get(scenario.ramp);
    if (!path) {
      path = deliveredPath(capacity.gwAverageByYear(scenario, {onSchedule: true}));
      onSchedule.set(scenario.ramp, path);
    }
    return path;
  };

  const draw: DealProjector["draw"] = (values, shape = ramp) => {
    const scenario: ScenarioValues = {scenario: "", ramp: shape, values};
    // The capacity's headline numbers and, for the spend that follows delivered capacity, its yearly rows: one curve.
    const capacity = capacityOf ? capacityOf.headlines(scenario, {years: profile === "capacity"}) : null;
    const deliveredGw = capacity?.years ? deliveredPath(capacity.years) : undefined;
    const scheduledGw = deliveredGw && capacityOf && values["slip-months"] > 0 ? scheduledPath(capacityOf, scenario) : undefined;
    const commitment = preparedCommitment ? evaluateCommitmentSpend(preparedCommitment, values, {deliveredGw, scheduledGw}) : null;
    const recycling = recyclingHeadlines(preparedRecycling, commitment, values);
    const spend = commitment ? {gwYears: commitment.gwYearsContract, coverage: commitment.coverage} : null;
    return uncertainFigures(capacity, spend, recycling, optionValueOf(values));
  };

  const figures: DealProjector["figures"] = ({capacity, commitment, recycling, optionValue}) =>
    uncertainFigures(
      capacity && {
        accelerators: capacity.accelerators?.value ?? null,
        servers: capacity.servers?.value ?? null,
        energyTwhPerYear: capacity.energyTwhPerYear.value,
        flopsBf16: capacity.flopsBf16?.value ?? null,
        flopsFp8: capacity.flopsFp8?.value ?? null,
        h100e: capacity.h100e?.value ?? null,
        h100eFp8: capacity.h100eFp8?.value ?? null
      },
      commitment ? {gwYears: commitment.gwYears.contract.value, coverage: commitment.coverage?.value ?? null} : null,
      {
        operatingProfitUsd: recycling.operatingProfitUsd?.value ?? null,
        npvUsd: recycling.npvUsd?.value ?? null,
        paybackYear: recycling.paybackYear,
        filledNpvUsd: recycling.ceilingFilled?.npvUsd.value ?? null,
        npvWithResidualUsd: recycling.npvWithResidualUsd?.value ?? null,
        relationshipNpvUsd: recycling.relationship.npvUsd?.value ?? null,
        npvAtHeldMarginUsd: recycling.npvAtHeldMarginUsd?.value ?? null,
        spendEndYear: lastYearWith(recycling.flows, (f) => f.spend)
      },
      optionValue
    );

  return {evaluate, figures, draw};
}

/**
 * The UNCERTAIN_FIGURES by name, for a draw (its plain numbers) and for a full evaluation (its figures' values) alike,
 * in one place; null without capacity, a commitment or the figure. One object literal, not a spread of part-records:
 * it runs once per Monte Carlo draw, and spreading one record into another here halved the draws per second.
 */
function uncertainFigures(
  capacity: CapacityHeadlines | null,
  commitment: {gwYears: number; coverage: number | null} | null,
  recycling: RecyclingHeadlines,
  optionValue: number | null
): Record<string, number | null> {
  return {
    "capacity.accelerators": capacity?.accelerators ?? null,
    "capacity.servers": capacity?.servers ?? null,
    "capacity.energyTwhPerYear": capacity?.energyTwhPerYear ?? null,
    "capacity.flopsBf16": capacity?.flopsBf16 ?? null,
    "capacity.flopsFp8": capacity?.flopsFp8 ?? null,
    "capacity.h100e": capacity?.h100e ?? null,
    "capacity.h100eFp8": capacity?.h100eFp8 ?? null,
    "commitment.gwYears": commitment?.gwYears ?? null,
    "commitment.coverage": commitment?.coverage ?? null,
    "recycling.operatingProfitUsd": recycling.operatingProfitUsd,
    "recycling.npvUsd": recycling.npvUsd,
    "recycling.paybackYear": recycling.paybackYear,
    "recycling.filledNpvUsd": recycling.filledNpvUsd,
    "recycling.npvWithResidualUsd": recycling.npvWithResidualUsd,
    "recycling.relationshipNpvUsd": recycling.relationshipNpvUsd,
    "recycling.npvAtHeldMarginUsd": recycling.npvAtHeldMarginUsd,
    "recycling.spendEndYear": recycling.spendEndYear,
    "options.valuePerGwYear": optionValue
  };
}

/**
 * Returns the capacity with each banded headline figure (CAPACITY_BANDED) set to the median of its Monte Carlo
 * draws (whole numbers for counts), `central: "median"`, and the values it had (at the scenario's values) in `base`.
 * A figure without a finite median keeps its value.
 *
 * @example medianCapacity(capacity, {"capacity.accelerators": {p50: 2502863, …}}).accelerators.value // 2502863
 */
export function medianCapacity(capacity: DealCapacity, figures: Readonly<Record<string, FigureSpread>>): DealCapacity {
  const out: DealCapacity = {...capacity, central: "median"};
  const base: CapacityBaseCase = {};
  for (const key of CAPACITY_BANDED) {
    const f = capacity[key];
    const p50 = figures[`capacity.${key}`]?.p50;
    if (!f || p50 === undefined || !Number.isFinite(p50)) continue;
    base[key] = f.value;
    out[key] = {...f, value: f.unit === "count" ? Math.round(p50) : p50};
  }
  out.base = base;
  return out;
}

/**
 * Returns the recycling projection with its banded headlines (the new money's cash NPV, the provider's operating
 * profit, the payback year and the "if the lab fills the ceiling" NPV) set to the median of the draws that make their P10–P90, as the capacity headlines
 * are, so a headline always lies inside its own band; the values at the base values are kept in `baseCase`. The
 * payback's median ranks draws that never pay back last (null when the median draw never does; rounded to a year),
 * and `paybackNeverShare` gives their share; `npvPositiveShare` is the share of the draws whose cash NPV is above zero
 * and `npvClusters` the two groups those draws split into, if they do (twoClusters).
 *
 * @example medianRecycling(recycling, {"recycling.npvUsd": {p50: -7.9e9, …}}).npvUsd.value // -7.9e9
 */
export function medianRecycling(recycling: DealRecycling, figures: Readonly<Record<string, FigureSpread>>): DealRecycling {
  const median = (f: Figure | null, name: string): Figure | null => {
    const p50 = figures[name]?.p50;
    return f && p50 !== undefined && Number.isFinite(p50) ? {...f, value: p50} : f;
  };
  // The payback's P50 ranks the draws that never pay back last (NaN: the median draw does not pay back).
  const payback = recycling.flows.length ? figures["recycling.paybackYear"] : undefined;
  const filled = recycling.ceilingFilled;
  const relationship = median(recycling.relationship.npvUsd, "recycling.relationshipNpvUsd");
  // The mark is a fixed input: the total return's median is the relationship's median + the mark.
  const mark =
    recycling.totalReturnUsd && recycling.relationship.npvUsd ? recycling.totalReturnUsd.value - recycling.relationship.npvUsd.value : null;
  return {
    ...recycling,
    npvWithResidualUsd: median(recycling.npvWithResidualUsd, "recycling.npvWithResidualUsd"),
    relationship: {...recycling.relationship, npvUsd: relationship},
    totalReturnUsd:
      recycling.totalReturnUsd && relationship && mark !== null
        ? {...recycling.totalReturnUsd, value: relationship.value + mark}
        : recycling.totalReturnUsd,
    ceilingFilled: filled
      ? {...filled, npvUsd: median(filled.npvUsd, "recycling.filledNpvUsd") ?? filled.npvUsd, baseNpvUsd: filled.npvUsd.value}
      : null,
    npvUsd: median(recycling.npvUsd, "recycling.npvUsd"),
    npvAtHeldMarginUsd: median(recycling.npvAtHeldMarginUsd, "recycling.npvAtHeldMarginUsd"),
    operatingProfitUsd: median(recycling.operatingProfitUsd, "recycling.operatingProfitUsd"),
    paybackYear: payback ? (Number.isFinite(payback.p50) ? Math.round(payback.p50) : null) : recycling.paybackYear,
    paybackNeverShare: payback ? payback.undefinedShare : undefined,
    npvPositiveShare: recycling.npvUsd ? figures["recycling.npvUsd"]?.positiveShare : undefined,
    npvClusters: recycling.npvUsd ? (figures["recycling.npvUsd"]?.clusters ?? null) : undefined,
    baseCase: {
      npvUsd: recycling.npvUsd?.value ?? null,
      operatingProfitUsd: recycling.operatingProfitUsd?.value ?? null,
      paybackYear: recycling.paybackYear ?? null,
      npvWithResidualUsd: recycling.npvWithResidualUsd?.value ?? null,
      relationshipNpvUsd: recycling.relationship.npvUsd?.value ?? null,
      totalReturnUsd: recycling.totalReturnUsd?.value ?? null,
      npvAtHeldMarginUsd: recycling.npvAtHeldMarginUsd?.value ?? null
    }
  };
}

function sum<T>(items: readonly T[], f: (item: T) => number): number {
  let s = 0;
  for (const item of items) s += f(item);
  return s;
}

/**
 * Returns the provider's own gross margin for a very large AI contract (`aiContractGrossMargin`, its own or its
 * parent's) with its source's id and its provenance (`company:<id>.aiContractGrossMargin`), or null when the data
 * has none.
 *
 * @example guidedMargin(companies, "oracle")?.value // 0.35
 */
export function guidedMargin(
  companies: readonly Company[],
  id: string
): {value: number; status: Status; source: string; provenance: Provenance} | null {
  const byId = new Map(companies.map((c) => [c.id, c]));
  const seen = new Set<string>();
  for (let company = byId.get(id); company && !seen.has(company.id); company = company.parent ? byId.get(company.parent) : undefined) {
    seen.add(company.id);
    const fact = company.aiContractGrossMargin;
    if (fact)
      return {
        value: fact.value,
        status: fact.status,
        source: fact.source,
        provenance: factProvenance(`company:${company.id}.aiContractGrossMargin`, {status: fact.status})
      };
  }
  return null;
}

/**
 * Returns the provenance of the facility-lease term a provider's cash reads (`company:<id>.facilityLeaseYears`, its
 * own or its parent's, as facilityLeaseYears finds it), or null when it owns its data centres. Its bound is left out:
 * the term sets how many years of rent are owed, not a floor or a ceiling on a cash figure.
 *
 * @example facilityLeaseProvenance(companies, "oracle")?.lineage.inputs // ["company:oracle.facilityLeaseYears"]
 */
export function facilityLeaseProvenance(companies: readonly Company[], id: string): Provenance | null {
  const byId = new Map(companies.map((c) => [c.id, c]));
  const seen = new Set<string>();
  for (let company = byId.get(id); company && !seen.has(company.id); company = company.parent ? byId.get(company.parent) : undefined) {
    seen.add(company.id);
    if (company.facilityLeaseYears)
      return factProvenance(`company:${company.id}.facilityLeaseYears`, {status: company.facilityLeaseYears.status});
  }
  return null;
}
