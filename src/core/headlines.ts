import {combineBounds, type Lineage, leaf, mergeLineage, weakestStatus} from "./lineage.js";
import {type Bound, type Commitment, type Deal, type Fact, STATUSES, type StatedTotal, type Status, type Tranche} from "./model.js";

/** A money figure that is either a stated fact (with its source) or a sum of facts (with its lineage). */
export interface MoneyTerm {
  /** US dollars. */
  usd: number;
  bound: Bound;
  /** The fact itself when the figure is stated in the data; absent when it is a sum. */
  fact?: Fact;
  lineage: Lineage;
  label: string;
}

/** The terms a reader looks for first, for one deal. */
export interface HeadlineTerms {
  /** The newest firm tranche (the "fresh" money), or null without tranches. */
  latest: {tranche: Tranche; usd: number} | null;
  /** Firm investment: the stated total covering exactly the firm tranches if there is one, else their sum. */
  firm: MoneyTerm | null;
  /** Firm plus contingent: the stated total covering every tranche if there is one, else their sum. */
  max: MoneyTerm | null;
  /** Contingent money only, or null when there is none. */
  contingent: MoneyTerm | null;
  /** Each compute commitment with its amount in dollars and term. */
  commitments: {commitment: Commitment; usd: number}[];
  /** Sum of commitments, or null when there are none. */
  committed: MoneyTerm | null;
}

/** Returns a money fact in US dollars: usd-bn × 1e9, usd-m × 1e6; throws for a non-money unit. */
export function toUsd(fact: Pick<Fact, "value" | "unit">): number {
  switch (fact.unit) {
    case "usd-bn":
      return fact.value * 1e9;
    case "usd-m":
      return fact.value * 1e6;
    case "usd":
      return fact.value;
    default:
      throw new Error(`invalid money unit: ${fact.unit}`);
  }
}

/**
 * Returns how a sum of tranches and the stated total that covers exactly those tranches settle on one status:
 * `stated` is that total (undefined when none covers them); `agrees` when the tranches add up to it (same value and
 * bound); `stronger` is "stated" or "sum", whichever has the stronger status when they agree (a sum's status is its
 * weakest tranche's; a tie keeps the stated one, which shows its own source), else "stated" when there is one.
 * Cards, tables and the recycling figures all use it, so one figure carries one status everywhere.
 *
 * @example totalEvidence(amazonAnthropic, firmTranches).stronger // "sum": four reported tranches beat an estimate of $13B
 */
export function totalEvidence(
  deal: Pick<Deal, "totals">,
  tranches: readonly Pick<Tranche, "id" | "amount">[]
): {stated: StatedTotal | undefined; agrees: boolean; stronger: "stated" | "sum"} {
  const ids = new Set(tranches.map((t) => t.id));
  const stated = deal.totals.find((t) => t.tranches.length === ids.size && t.tranches.every((id) => ids.has(id)));
  if (!stated || !tranches.length) return {stated, agrees: false, stronger: stated ? "stated" : "sum"};
  const sum = tranches.reduce((s, t) => s + toUsd(t.amount), 0);
  const agrees =
    Math.abs(toUsd(stated.amount) - sum) <= 1e-9 * Math.max(1, sum) &&
    (stated.amount.bound ?? "exact") === combineBounds(tranches.map((t) => t.amount.bound));
  const sumStatus = weakestStatus(tranches.map((t) => t.amount.status));
  const sumStronger = agrees && STATUSES.indexOf(sumStatus) < STATUSES.indexOf(stated.amount.status);
  return {stated, agrees, stronger: sumStronger ? "sum" : "stated"};
}

function sumTerm(deal: Deal, tranches: Tranche[], _totals: StatedTotal[], label: string): MoneyTerm | null {
  if (!tranches.length) return null;
  const {stated, stronger} = totalEvidence(deal, tranches);
  const sum = tranches.reduce((s, t) => s + toUsd(t.amount), 0);
  const sumBound = combineBounds(tranches.map((t) => t.amount.bound));
  const agrees = stronger === "sum";
  if (stated && !agrees) {
    return {
      usd: toUsd(stated.amount),
      bound: stated.amount.bound ?? "exact",
      fact: stated.amount,
      lineage: leaf(`${deal.id}.totals.${stated.id}`, stated.amount.status),
      label: stated.label
    };
  }
  if (tranches.length === 1) {
    const [t] = tranches;
    return {
      usd: toUsd(t.amount),
      bound: t.amount.bound ?? "exact",
      fact: t.amount,
      lineage: leaf(`${deal.id}.tranches.${t.id}.amount`, t.amount.status),
      label: t.label
    };
  }
  const lineage = mergeLineage(...tranches.map((t) => leaf(`${deal.id}.tranches.${t.id}.amount`, t.amount.status)));
  return {usd: sum, bound: sumBound, lineage, label: stated?.label ?? label};
}

/**
 * Returns the deal's headline terms: the latest firm tranche, firm and maximum investment, contingent money and
 * the compute committed. A stated total is shown with its own source, unless its tranches add up to it (same value
 * and bound) with a stronger status: then the figure is their sum, with the weakest tranche's status, so it reads
 * the same here as wherever else the sum is printed. Sums carry lineage.
 *
 * @example headlineTerms(amazonAnthropic).firm.usd // 13e9, the stated "total $13B"
 */
export function headlineTerms(deal: Deal): HeadlineTerms {
  const firm = deal.tranches.filter((t) => t.firm);
  const contingent = deal.tranches.filter((t) => !t.firm);
  const latestFirm = [...firm].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).at(-1);
  const commitments = deal.commitments.map((commitment) => ({commitment, usd: toUsd(commitment.amount)}));
  const committed: MoneyTerm | null = commitments.length
    ? {
        usd: commitments.reduce((s, c) => s + c.usd, 0),
        bound: combineBounds(deal.commitments.map((c) => c.amount.bound)),
        fact: commitments.length === 1 ? commitments[0].commitment.amount : undefined,
        lineage: mergeLineage(...deal.commitments.map((c) => leaf(`${deal.id}.commitments.${c.id}.amount`, c.amount.status))),
        label: commitments.length === 1 ? commitments[0].commitment.label : "Compute commitments, total"
      }
    : null;
  return {
    latest: latestFirm ? {tranche: latestFirm, usd: toUsd(latestFirm.amount)} : null,
    firm: sumTerm(deal, firm, deal.totals, "Firm investment"),
    max: contingent.length ? sumTerm(deal, deal.tranches, deal.totals, "Investment if every condition is met") : null,
    contingent: sumTerm(deal, contingent, deal.totals, "Contingent investment"),
    commitments,
    committed
  };
}

/** Returns the status of a term for its badge: the fact's own status, or the weakest among a sum's inputs. */
export function termStatus(term: MoneyTerm): Status {
  return term.fact?.status ?? term.lineage.status;
}
