import {factGw} from "../capacity/convert.js";
import {dealCommitmentTotals} from "../commitment/dealCommitmentTotals.js";
import {factProvenance, quotientProvenance, withValue} from "../commitment/provenance.js";
import type {Figure} from "../lineage.js";
import type {Dataset, Deal, DealStatus, Status} from "../model.js";
import {parentCompany} from "../recycling/companyParents.js";
import {dealInvestment, newMoneyDate} from "../recycling/dealInvestment.js";
import {capacityScope} from "./capacityScope.js";
import {dealStatusMix} from "./dealStatusMix.js";
import {runRateUsdPerYear} from "./runRate.js";

/** A company as a table shows it. */
export interface Party {
  id: string;
  name: string;
}

/** One deal on normalized metrics; every number is a Figure with its bound and lineage. */
export interface DealComparison {
  id: string;
  name: string;
  investors: Party[];
  lab: Party;
  provider: Party;
  status: DealStatus;
  announced: string;
  /** When a superseded deal's terms were superseded (ISO date); its row is history and ranks in no sort. */
  supersededOn: string | null;
  /** Firm tranches, USD (0 without tranches). */
  investmentFirmUsd: Figure;
  /** Every tranche at face value, USD. */
  investmentMaxUsd: Figure;
  /** Sum of the commitments, USD; null without a commitment. */
  commitmentUsd: Figure | null;
  years: Figure | null;
  /** commitmentUsd ÷ years; with several contracts, each one's amount ÷ its term, summed while the most run together. */
  usdPerYear: Figure | null;
  /** Capacity ceiling in GW; null when the deal states none. */
  gw: Figure | null;
  /** True when `gw` counts only some of the chips the deal names (capacityScope): part of the deal, not its ceiling. */
  gwPartial: boolean;
  /** commitmentUsd ÷ gw; null without either. */
  usdPerGw: Figure | null;
  /**
   * commitmentUsd ÷ the firm money of the investors in the provider's group (`ratioInvestors`), whose return the
   * spend is; null without a commitment or such money. Microsoft + Nvidia → Anthropic: $30B ÷ Microsoft's $5B.
   */
  commitmentToInvestment: Figure | null;
  /** The investors whose money commitmentToInvestment counts: those with the provider's top parent. */
  ratioInvestors: Party[];
  /** The firm money of `ratioInvestors` (commitmentToInvestment's divisor), USD; null when they invest none. */
  ratioInvestmentFirmUsd: Figure | null;
  /**
   * True when every firm dollar of `ratioInvestors` predates the deal (none dated on or after its new-money date):
   * the commitment is then per dollar invested before this deal (Microsoft's 2019–23 money in Microsoft → OpenAI),
   * and a ranking of what a lab commits per new dollar leaves the deal out.
   */
  ratioMoneyBeforeDeal: boolean;
  /** The provider's group's investment if every condition is met (its firm money where it has no contingent money). */
  ratioInvestmentMaxUsd: Figure | null;
  /** Names of the chips the deal names (ids when a chip is not in the dataset). */
  chips: string[];
  /** Other named hardware. */
  otherHardware: string[];
  boardSeat: boolean;
  boardSeatStatus: Status;
  /** Investor's stake, a fraction; null when not disclosed. */
  stake: Figure | null;
  /** Count of the deal's sourced figures by status. */
  statusMix: Record<Status, number>;
}

/**
 * Returns one row per deal (in the dataset's order) on normalized metrics: parties, status, investment firm
 * and maximum (USD), commitment (USD), years, USD per year, GW ceiling, USD per GW, commitment ÷ the firm
 * investment of the provider's group (per investor: the other investors earn nothing from the provider's spend), chip names, board seat and stake, and the count of facts by status. Ratios invert the
 * denominator's bound ("over $100B" ÷ "up to 5 GW" is "at-least" $20B per GW).
 *
 * @example compareDeals(dataset)[0].usdPerGw // {value: 20e9, unit: "usd-per-gw", bound: "at-least", …}
 */
export function compareDeals(dataset: Dataset): DealComparison[] {
  const companies = new Map(dataset.companies.map((c) => [c.id, c.name]));
  const chips = new Map(dataset.chips.map((c) => [c.id, c.name]));
  const party = (id: string): Party => ({id, name: companies.get(id) ?? id});
  return dataset.deals.map((deal) => {
    // A company not in the data is its own top parent (the table falls back to ids for such companies).
    const topOf = (id: string) => (companies.has(id) ? parentCompany(dataset.companies, id) : id);
    const top = topOf(deal.provider);
    const group = deal.investors.filter((id) => topOf(id) === top);
    return compareDeal(deal, party, (id) => chips.get(id) ?? id, group);
  });
}

function compareDeal(deal: Deal, party: (id: string) => Party, chipName: (id: string) => string, group: string[]): DealComparison {
  const investment = dealInvestment(deal);
  const own = dealInvestment(deal, {investor: (id) => group.includes(id)});
  const totals = dealCommitmentTotals(deal);
  const ceiling = deal.capacity?.ceiling;
  const gw = ceiling ? withValue(factProvenance(`${deal.id}.capacity.ceiling`, ceiling), factGw(ceiling), "gw") : null;
  const commitment = totals?.totalUsd ?? null;
  const quotient = (numerator: Figure | null, denominator: Figure | null, unit: string) =>
    numerator && denominator && denominator.value > 0
      ? withValue(quotientProvenance(numerator, denominator), numerator.value / denominator.value, unit)
      : null;
  const runRate = totals ? runRateUsdPerYear(totals.terms) : null;
  const scope = capacityScope(deal);
  const {stake, boardSeat} = deal.governance;
  return {
    id: deal.id,
    name: deal.name,
    investors: deal.investors.map(party),
    lab: party(deal.lab),
    provider: party(deal.provider),
    status: deal.status,
    announced: deal.announced,
    supersededOn: deal.supersededOn?.date ?? null,
    investmentFirmUsd: investment.firmUsd,
    investmentMaxUsd: investment.maxUsd,
    commitmentUsd: commitment,
    years: totals?.years ?? null,
    // Several contracts: the rate while the most run together, not the commitment ÷ the span (runRate.ts).
    usdPerYear:
      totals && totals.terms.length > 1 && commitment && runRate !== null
        ? withValue(quotientProvenance(commitment, totals.years), runRate, "usd-per-year")
        : quotient(commitment, totals?.years ?? null, "usd-per-year"),
    gw,
    gwPartial: scope.partial,
    // A GW figure that counts part of the hardware the commitment pays for gives no $ per GW (capacityScope).
    // Nor does a GW figure contracted on top of the commitment: the commitment does not buy it.
    usdPerGw: scope.partial || scope.additional ? null : quotient(commitment, gw, "usd-per-gw"),
    commitmentToInvestment: quotient(commitment, own.firmUsd, "ratio"),
    ratioInvestors: group.map(party),
    ratioInvestmentFirmUsd: own.firmUsd,
    ratioInvestmentMaxUsd: own.maxUsd,
    ratioMoneyBeforeDeal:
      own.firmUsd.value > 0 && dealInvestment(deal, {investor: (id) => group.includes(id), since: newMoneyDate(deal)}).firmUsd.value === 0,
    chips: deal.hardware.chips.map(chipName),
    otherHardware: deal.hardware.other,
    boardSeat: boardSeat.value,
    boardSeatStatus: boardSeat.status,
    stake: stake ? withValue(factProvenance(`${deal.id}.governance.stake`, stake), stake.value, "fraction") : null,
    statusMix: dealStatusMix(deal)
  };
}
