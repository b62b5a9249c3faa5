import {differenceProvenance, factProvenance, NO_INPUTS, provenanceOf, withValue} from "../commitment/provenance.js";
import {toUsd} from "../headlines.js";
import type {Figure} from "../lineage.js";
import type {Bound, Deal, Status} from "../model.js";
import type {DealInvestment} from "./dealInvestment.js";

/**
 * A point in a deal's equity story: the investor's mark of its stake, the lab's post-money valuation in a round, or
 * a valuation offered for the lab but not taken (an offer).
 */
export interface EquityPoint {
  id: string;
  date: string;
  kind: "mark" | "valuation" | "offer";
  usd: number;
  status: Status;
  bound: Bound;
  /** Lineage id of the fact, e.g. `amazon-anthropic.equityMarks.fy-2025`. */
  input: string;
}

/**
 * Returns the investor's equity marks, the lab's post-money valuations and valuations offered (kind "offer") as one
 * series in USD, in date order
 * (marks first on a shared date). Equity is not cash: these points stay apart from the cash flows.
 *
 * @example dealEquitySeries(amazonAnthropic)[0] // {id: "v2024-03", date: "2024-03-27", kind: "valuation", usd: 18.4e9, …}
 */
export function dealEquitySeries(deal: Deal): EquityPoint[] {
  const marks = deal.equityMarks.map((m) => point(m.id, m.date, "mark", m.value, `${deal.id}.equityMarks.${m.id}`));
  const valuations = deal.valuations.map((v) =>
    point(v.id, v.date, v.offer ? "offer" : "valuation", v.postMoney, `${deal.id}.valuations.${v.id}.postMoney`)
  );
  return [...marks, ...valuations].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Returns the investor's equity gain in USD: its latest mark minus the firm cash it had invested by the mark's
 * date (tranches dated on or before it), or null when the investor has published no mark. Non-cash.
 *
 * @example dealEquityGain(amazonAnthropic, dealInvestment(amazonAnthropic)).value // 52.6e9 (60.6 − 8 invested by 2025-12-31)
 */
export function dealEquityGain(deal: Deal, investment: DealInvestment): Figure | null {
  let latest = deal.equityMarks[0];
  if (!latest) return null;
  for (const mark of deal.equityMarks) if (mark.date > latest.date) latest = mark;
  const paid = investment.tranches.filter((t) => t.firm && t.date <= latest.date);
  const paidProvenance = paid.length ? provenanceOf(...paid.map((t) => t.provenance)) : NO_INPUTS;
  const markProvenance = factProvenance(`${deal.id}.equityMarks.${latest.id}`, latest.value);
  const paidUsd = paid.reduce((sum, t) => sum + t.usd, 0);
  return withValue(differenceProvenance(markProvenance, paidProvenance), toUsd(latest.value) - paidUsd, "usd");
}

function point(
  id: string,
  date: string,
  kind: EquityPoint["kind"],
  fact: Deal["valuations"][number]["postMoney"],
  input: string
): EquityPoint {
  return {id, date, kind, usd: toUsd(fact), status: fact.status, bound: fact.bound ?? "exact", input};
}
