import {termText} from "../format/units.js";
import {toUsd} from "../headlines.js";
import type {Figure} from "../lineage.js";
import type {Deal} from "../model.js";
import {decimalYear, earliestDate} from "./decimalYear.js";
import {factProvenance, provenanceOf, withValue} from "./provenance.js";
import type {SpendTerm} from "./spendByYear.js";

/** A deal's commitments summed: what does not depend on any assumption. */
export interface DealCommitmentTotals {
  /** One per commitment, in the deal's order, money in USD. */
  terms: (SpendTerm & {id: string})[];
  /** Sum of the commitments' amounts, USD. */
  totalUsd: Figure;
  /** The term in years: the commitment's own, or from the earliest start to the latest end for several. */
  years: Figure;
  /** Earliest start, ISO. */
  start: string;
}

/**
 * Returns the sum of a deal's commitments (USD, with the amounts' bounds and lineage), their term in years and
 * earliest start; null when the deal has no commitment. With several commitments the term runs from the
 * earliest start to the latest end (e.g. $38B over 7 years from 2025-11 and $100B over 8 years from 2026-02
 * span about 8.3 years).
 *
 * @example dealCommitmentTotals(amazonAnthropic) // {totalUsd: {value: 100e9, bound: "at-least", …}, years: {value: 10, …}, start: "2026-04-20", …}
 */
export function dealCommitmentTotals(deal: Deal): DealCommitmentTotals | null {
  const {commitments} = deal;
  if (!commitments.length) return null;
  const terms = commitments.map((c) => {
    if (!(c.years.unit === "years")) throw new Error(`invalid unit: ${c.years.unit}`);
    return {id: c.id, usd: toUsd(c.amount), years: c.years.value, start: c.start};
  });
  const amounts = commitments.map((c) => factProvenance(`${deal.id}.commitments.${c.id}.amount`, c.amount));
  const years = commitments.map((c) => factProvenance(`${deal.id}.commitments.${c.id}.years`, c.years));
  let total = 0;
  for (const term of terms) total += term.usd;
  const start = earliestDate(terms.map((t) => t.start))!;
  return {
    terms,
    totalUsd: withValue(provenanceOf(...amounts), total, "usd"),
    // Several contracts: the model runs over the span, and the words give each contract's own term (critic s8 M14).
    years:
      terms.length === 1
        ? withValue(provenanceOf(...years), terms[0].years, "years")
        : {...withValue(provenanceOf(...years), span(terms), "years"), words: termText(terms.map((t) => t.years))!},
    start
  };
}

function span(terms: readonly SpendTerm[]): number {
  let from = Infinity;
  let to = -Infinity;
  for (const {start, years} of terms) {
    const begin = decimalYear(start);
    from = Math.min(from, begin);
    to = Math.max(to, begin + years);
  }
  return to - from;
}
