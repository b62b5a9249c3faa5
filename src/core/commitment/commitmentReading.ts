import {derivedText} from "../format/figureWords.js";
import {numberText, numberWord} from "../format/numbers.js";
import {unitText} from "../format/units.js";
import type {Figure} from "../lineage.js";
import {quotientProvenance, withValue} from "./provenance.js";

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
  /** True when the ceiling counts only part of the hardware the commitment pays for: the two are not compared. */
  partialCapacity?: boolean;
  /** True when the ceiling is contracted on top of the commitment, not what it buys: the two are not compared. */
  additionalCapacity?: boolean;
}

/**
 * Returns a plain-language reading of what a commitment buys, built from the numbers: e.g. "Over $100B buys over
 * 9.09 GW-years at $11B per GW-year: 18% of the 50 GW-years that up to 5 GW for ten years would supply. The spend
 * figure and the capacity figure do not describe the same thing." The last sentence says they "roughly agree" when
 * the coverage is within 80–100%; above 100% it gives the price per GW-year the commitment implies for the
 * ceiling (total ÷ ceiling GW-years), the one the economics use. Every figure is written with the core's figure vocabulary (src/core/format): its
 * own bound's words, three significant figures. Without a ceiling the reading says the deal states no capacity.
 *
 * @example commitmentReading(projection) // "Over $100B buys over 9.09 GW-years at $11B per GW-year: …"
 */
export function commitmentReading({
  totalUsd,
  years,
  costPerGwYear,
  gwYears,
  ceilingGw,
  ceilingGwYears,
  coverage,
  partialCapacity = false,
  additionalCapacity = false
}: CommitmentReadingInput): string {
  const amount = capitalize(derivedText({...totalUsd, unit: "usd"}));
  const buys = `${amount} buys ${derivedText({...gwYears, unit: "gw-years"})} at ${derivedText({...costPerGwYear, unit: "usd-per-gw-year"}, {bare: true})}`;
  if (ceilingGw && partialCapacity)
    return `${buys} over ${yearsInWords(years)}; the ${derivedText({...ceilingGw, unit: "gw"}, {bare: true})} capacity figure counts only part of the hardware the commitment pays for, so the two are not compared.`;
  if (ceilingGw && additionalCapacity)
    return `${buys} over ${yearsInWords(years)}; the capacity figure, ${derivedText({...ceilingGw, unit: "gw"})}, is contracted on top of the commitment, not what it buys, so the two are not compared.`;
  if (!ceilingGw || !ceilingGwYears || !coverage)
    return `${buys} over ${yearsInWords(years)}; the deal states no capacity to compare it with.`;
  const ceiling = derivedText({...ceilingGw, unit: "gw"});
  // Above 100% the lab would buy more than the ceiling supplies: the commitment implies a dearer GW-year instead.
  const implied = withValue(quotientProvenance(totalUsd, ceilingGwYears), totalUsd.value / ceilingGwYears.value, "usd-per-gw-year");
  const verdict =
    coverage.value > 1
      ? `No lab can buy more than the ceiling supplies: the commitment pays ${derivedText(implied)} of the ceiling, above the ${derivedText({...costPerGwYear, unit: "usd-per-gw-year"}, {bare: true})} assumed, and the economics use that price.`
      : coverage.value >= 0.8
        ? "The spend figure and the capacity figure roughly agree."
        : "The spend figure and the capacity figure do not describe the same thing.";
  return (
    `${buys}: ${derivedText({...coverage, unit: "fraction"}, {bare: true})} of the ${numberText(ceilingGwYears.value)} GW-years that ` +
    `${ceiling} for ${yearsInWords(years)} would supply. ${verdict}`
  );
}

function yearsInWords({value: years, words}: {value: number; words?: string}): string {
  // Several contracts: each one's own term ("7–8 years (2 contracts)"), not the model's span (critic s8 M14).
  if (words) return words;
  if (Number.isInteger(years) && years >= 0 && years <= 12) return `${numberWord(years)} ${years === 1 ? "year" : "years"}`;
  // A term spanning several contracts (8.3178 years): the vocabulary's words for a computed span ("8.3 years").
  return unitText(years, "years");
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
