import type {Figure} from "../lineage.js";
import {decimalYear} from "./decimalYear.js";
import type {DeliveredGw, YearUsd} from "./spendByYear.js";

/** One calendar year of a commitment: what is spent against what the capacity delivered that year would cost. */
export interface CapacityCostYear {
  year: number;
  /** The commitment's spend in the year, USD. */
  spendUsd: number;
  /** Average facility GW delivered in the year (0 before the first delivered year; after the last, its year-end GW). */
  gwAverage: number;
  /** GW-years delivered inside the term in the year. */
  gwYears: number;
  /** gwYears × the cost per GW-year, USD: what the capacity delivered that year would cost. */
  capacityCostUsd: number;
  /** spendUsd ÷ the cost per GW-year: the GW-years the year's spend buys. */
  gwYearsBought: number;
  /** spendUsd ÷ capacityCostUsd, a fraction; null when no capacity is delivered in the year. */
  coverage: number | null;
}

/** Capacity delivered in a calendar year: the average GW, and optionally the GW online at year end. */
export interface DeliveredCapacity extends DeliveredGw {
  /** GW online at year end; held for the years after the last row (its average otherwise). */
  gw?: number;
}

/** The parts of a commitment projection that {@link capacityCostByYear} reads. */
export interface CommitmentYears {
  perYear: readonly YearUsd[];
  /** First day of spend, ISO. */
  start: string;
  /** Term in years. */
  years: Pick<Figure, "value">;
}

/**
 * Returns, for each calendar year of a commitment's spend, the spend (USD) against the cost of the capacity
 * delivered that year: delivered GW-years × `costPerGwYear` (USD per GW-year, e.g. the contract price). The
 * delivered GW-years of a year are its average GW × the share of the year inside the term: the year the term
 * ends counts only the part before the end; the year it starts counts only the part after the start when
 * capacity was already being delivered in an earlier year (otherwise the calendar-year average already counts
 * nothing before delivery began, which starts with the deal). `deliveredGw` is the capacity projection's
 * `byYear` (one row per year, any order); years before its first row count 0 GW, years after its last hold the
 * last row's year-end `gw` (its `gwAverage` when absent), since the capacity stays online once delivered. Without delivered capacity every year costs 0 and its
 * coverage is null. Throws `invalid costPerGwYear:` unless positive, `invalid years:` unless positive and
 * `invalid deliveredGw:` for a non-integer year or a negative GW.
 *
 * @example capacityCostByYear({perYear: [{year: 2026, usd: 10e9}], start: "2026-01-01", years: {value: 1}}, [{year: 2026, gwAverage: 2}], 11e9)
 * // [{year: 2026, spendUsd: 10e9, gwAverage: 2, gwYears: 2, capacityCostUsd: 22e9, gwYearsBought: 0.909…, coverage: 0.4545…}]
 */
export function capacityCostByYear(
  commitment: CommitmentYears,
  deliveredGw: readonly DeliveredCapacity[],
  costPerGwYear: number
): CapacityCostYear[] {
  if (!(costPerGwYear > 0 && costPerGwYear < Infinity)) throw new Error(`invalid costPerGwYear: ${costPerGwYear}`);
  const years = commitment.years.value;
  if (!(years > 0 && years < Infinity)) throw new Error(`invalid years: ${years}`);
  const from = decimalYear(commitment.start);
  const to = from + years;
  const sorted = [...deliveredGw].sort((a, b) => a.year - b.year);
  for (const {year, gwAverage, gw = gwAverage} of sorted) {
    if (!Number.isInteger(year)) throw new Error(`invalid deliveredGw: year ${year}`);
    if (!(gwAverage >= 0 && gw >= 0)) throw new Error(`invalid deliveredGw: ${gwAverage} in ${year}`);
  }
  const startYear = Math.floor(from);
  const deliveringBefore = sorted.some((d) => d.year < startYear && d.gwAverage > 0);
  return commitment.perYear.map(({year, usd}) => {
    const gwAverage = heldGw(sorted, year);
    const end = Math.min(year + 1, to);
    const begin = deliveringBefore ? Math.max(year, from) : year;
    const share = Math.max(0, Math.min(1, end - begin));
    const gwYears = gwAverage * share;
    const capacityCostUsd = gwYears * costPerGwYear;
    return {
      year,
      spendUsd: usd,
      gwAverage,
      gwYears,
      capacityCostUsd,
      gwYearsBought: usd / costPerGwYear,
      coverage: capacityCostUsd > 0 ? usd / capacityCostUsd : null
    };
  });
}

// The average GW of the row for `year`; after the last row, that row's year-end GW; 0 before the first.
function heldGw(sorted: readonly DeliveredCapacity[], year: number): number {
  let gw = 0;
  for (const row of sorted) {
    if (row.year > year) break;
    gw = row.year === year ? row.gwAverage : (row.gw ?? row.gwAverage);
  }
  return gw;
}
