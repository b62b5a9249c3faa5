import {format} from "d3-format";
import type {Figure} from "../lineage.js";
import type {Bound} from "../model.js";

/** The figures a reading is built from; see {@link commitmentReading}. */
export interface CommitmentReadingInput {
  totalUsd: Figure;
  years: Figure;
  /** USD per GW-year. */
  costPerGwYear: Figure;
  gwYears: Figure;
  /** The capacity ceiling in GW; null when the deal states none. */
  ceilingGw: Figure | null;
  ceilingGwYears: Figure | null;
  /** gwYears ÷ ceilingGwYears. */
  coverage: Figure | null;
}

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
const LEADING: Record<Bound, string> = {exact: "", "up-to": "up to ", "at-least": "over ", about: "about "};
const whole = format(",.0f");
const tenth = format(".1~f");
const small = format(".2~r");

/**
 * Returns a plain-language reading of what a commitment buys, built from the numbers: e.g. "Over $100B buys
 * about 9.1 GW-years at $11B per GW-year: 18% of the 50 GW-years that up to 5 GW for ten years would supply.
 * The spend figure and the capacity figure do not describe the same thing." The last sentence says they
 * "roughly agree" when the coverage is within 80–125%. Bounds are said in words ("over", "up to", "about");
 * numbers of 10 and more are rounded to whole numbers, smaller ones to one decimal. Without a ceiling the
 * reading says the deal states no capacity.
 *
 * @example commitmentReading(projection) // "Over $100B buys about 9.1 GW-years at $11B per GW-year: …"
 */
export function commitmentReading({
  totalUsd,
  years,
  costPerGwYear,
  gwYears,
  ceilingGw,
  ceilingGwYears,
  coverage
}: CommitmentReadingInput): string {
  const amount = capitalize(`${LEADING[totalUsd.bound]}${formatUsd(totalUsd.value)}`);
  const buys = `${amount} buys about ${formatNumber(gwYears.value)} GW-years at ${formatUsd(costPerGwYear.value)} per GW-year`;
  if (!ceilingGw || !ceilingGwYears || !coverage)
    return `${buys} over ${yearsInWords(years.value)}; the deal states no capacity to compare it with.`;
  const ceiling = `${LEADING[ceilingGw.bound]}${formatNumber(ceilingGw.value)} GW`;
  const verdict =
    coverage.value >= 0.8 && coverage.value <= 1.25
      ? "The spend figure and the capacity figure roughly agree."
      : "The spend figure and the capacity figure do not describe the same thing.";
  return (
    `${buys}: ${formatNumber(coverage.value * 100)}% of the ${formatNumber(ceilingGwYears.value)} GW-years that ` +
    `${ceiling} for ${yearsInWords(years.value)} would supply. ${verdict}`
  );
}

/**
 * Returns a number as the readings write it: whole with thousands separators from 10 up, one decimal below.
 *
 * @example formatNumber(9.0909) // "9.1"
 */
export function formatNumber(x: number): string {
  const a = Math.abs(x);
  return a >= 9.95 ? whole(x) : a >= 0.095 ? tenth(x) : small(x);
}

/**
 * Returns US dollars in the short form the readings use: "$100B", "$11B", "$2.5B", "$750M", "$1.2T".
 *
 * @example formatUsd(10.987e9) // "$11B"
 */
export function formatUsd(usd: number): string {
  const a = Math.abs(usd);
  if (a >= 1e12) return `$${formatNumber(usd / 1e12)}T`;
  if (a >= 1e9) return `$${formatNumber(usd / 1e9)}B`;
  if (a >= 1e6) return `$${formatNumber(usd / 1e6)}M`;
  return `$${formatNumber(usd)}`;
}

function yearsInWords(years: number): string {
  const name = Number.isInteger(years) && years < NUMBER_WORDS.length ? NUMBER_WORDS[years] : formatNumber(years);
  return `${name} ${years === 1 ? "year" : "years"}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
