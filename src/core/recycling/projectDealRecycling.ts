import {type AssumptionValues, assumptionLineage, type MarginId, marginId} from "../assumptions.js";
import {factGw} from "../capacity/convert.js";
import {energyCostPerGwYear} from "../commitment/costPerGwYear.js";
import {dealCommitmentTotals} from "../commitment/dealCommitmentTotals.js";
import {decimalYear} from "../commitment/decimalYear.js";
import type {CommitmentSpend, DealCommitmentProjection} from "../commitment/projectDealCommitment.js";
import {
  differenceProvenance,
  factProvenance,
  type Provenance,
  provenanceOf,
  quotientProvenance,
  withValue
} from "../commitment/provenance.js";
import type {SpendTerm, YearUsd} from "../commitment/spendByYear.js";
import {toUsd} from "../headlines.js";
import type {Figure} from "../lineage.js";
import type {Assumption, Bound, Deal, Status} from "../model.js";
import type {TwoClusters} from "../uncertainty/monteCarlo.js";
import {buildOut} from "./buildOut.js";
import {lastYearWith, netPresentValue, paybackYear} from "./cashFlowMeasures.js";
import {dealEquityGain, dealEquitySeries, type EquityPoint} from "./dealEquity.js";
import {type DealInvestment, dealInvestment, newMoneyDate} from "./dealInvestment.js";
import {type ProviderCashYear, providerCash} from "./providerCash.js";
import {type FlowTranche, flowTranches, type NetCashByYear, netCashByYear, type RecyclingFlow, recyclingFlows} from "./recyclingFlows.js";

/**
 * The one valuation date of every NPV: 1 January of this year, for every deal ("2026 dollars"). Flows before it
 * are compounded forward at the discount rate, flows after it discounted, so NPVs of different deals compare.
 */
export const VALUATION_YEAR = 2026;

/** A chip maker's return on a deal: its gross margin on the chips the delivered capacity needs, USD. */
export interface ChipMakerReturn {
  company: string;
  margin: {id: MarginId; value: number};
  /** Capex × it-share × chip-content-share: what it sells into the capacity. */
  chipsUsd: number;
  /** chipsUsd × its gross margin. */
  grossProfitUsd: number;
  /** Its firm money in the deal. */
  investedFirmUsd: number;
  /** The bound its sources put on that money ("up-to" for Nvidia's "up to $10B"), kept wherever the amount is printed. */
  investedFirmBound: Bound;
  /** Gross profit in the capex years − its firm tranches in theirs, at discount-rate to 1 January {@link VALUATION_YEAR}. Cash, at gross margin. */
  npvUsd: number;
  /** The most GW the commitment keeps busy: the capacity whose chips chipsUsd counts. */
  gw: number;
  /**
   * When the deal contracts capacity on top of the commitment (its ceiling is `beyondCommitment`): the same formula on
   * that capacity, if it is built with this chip maker's systems: GW × capex per GW × it-share × chip-content-share,
   * and × its gross margin; undiscounted (the data give it no dates). Null otherwise.
   */
  onCeiling: {gw: number; chipsUsd: number; grossProfitUsd: number} | null;
}

/**
 * The "if the lab fills the ceiling" reading of a deal, beside the central case (which is paid on the stated
 * commitment): the lab pays the contract price on every GW-year the schedule delivers, when that comes to more than
 * its commitment, and the provider builds all it delivers. It shows how much more the deal is worth, or costs, if
 * the lab uses all the capacity it may take.
 */
export interface CeilingFilled {
  /** The lab's spend: the contract price on every GW-year delivered (never less than the commitment), USD. */
  revenueUsd: number;
  /** The price per GW-year it is paid at (the contract price, or commitment ÷ delivered GW-years when dearer), USD. */
  pricePerGwYearUsd: number;
  /** GW-years that spend keeps busy (revenueUsd ÷ pricePerGwYearUsd). */
  gwYears: number;
  /** Capex to build that capacity, undiscounted, USD. */
  capexUsd: number;
  /** The provider's cash on that spend after capex, undiscounted, USD. */
  providerCashUsd: number;
  /** Cash NPV of the new money's flows on that spend, USD (in projectDeal: the median of the draws). */
  npvUsd: Figure;
  /** Payback year of the new money on that spend; null when it is not back within the deal (before its spend ends). */
  paybackYear: number | null;
  /** Set by projectDeal when npvUsd is the median of the draws: its value at the base values, USD. */
  baseNpvUsd?: number;
}

/** The assumptions the provider's cash reads, besides its margin ({@link providerCash}). */
export const PROVIDER_CASH_ASSUMPTIONS = [
  "capex-per-gw",
  "it-share",
  "it-life",
  "facility-life",
  "revenue-per-gw-year",
  "opex-per-gw-year",
  "asset-charge-rate",
  "it-renewal-share",
  "old-kit-price-share",
  "power-price",
  "load-factor"
] as const;

/** The recycling critique in numbers: how much of the investment comes back, when, and the equity kept apart. */
export interface DealRecycling {
  deal: string;
  /** Every firm tranche of the deal, USD. */
  investmentFirmUsd: Figure;
  /** Every tranche at face value, USD. */
  investmentMaxUsd: Figure;
  /** Firm + contingent × contingent-probability, USD. */
  investmentExpectedUsd: Figure;
  commitmentUsd: Figure | null;
  /** investmentFirmUsd ÷ commitmentUsd, a fraction; null without a commitment. */
  investmentToCommitmentFirm: Figure | null;
  investmentToCommitmentMax: Figure | null;
  /** Firm tranches dated on or after {@link newMoneyDate} ÷ commitmentUsd: the article's 5% for Amazon–Anthropic. */
  investmentToCommitmentNew: Figure | null;
  /** Every tranche dated on or after {@link newMoneyDate} ÷ commitmentUsd. */
  investmentToCommitmentNewMax: Figure | null;
  /**
   * New firm money at its cost to the investor ÷ commitmentUsd: credits (credit-share of each dollar) count at
   * 1 − margin; equals investmentToCommitmentNew when no credits are assumed. Null without a commitment.
   */
  investmentToCommitmentNewAtCost: Figure | null;
  /** Cloud revenue over the term (the commitment) per firm dollar invested; null without firm investment. */
  revenuePerDollarInvested: Figure | null;
  /**
   * Accounting view, not cash: the provider's operating profit over the term that the flows imply (Σ revenue − old-kit
   * discount − cash running costs − depreciation), USD; null without a commitment. Its reported margin is a check.
   */
  operatingProfitUsd: Figure | null;
  /**
   * The lab's spend with the provider over the term, USD: its stated commitment, and less only when it receives less
   * capacity than the commitment pays for (a slip) ({@link revenueOnCommitment}). One rule for every deal, whatever
   * bound word the source used.
   */
  revenueUsd: Figure | null;
  /** The price per GW-year the revenue is paid at: max(contract price, commitment ÷ the GW-years on schedule), USD. */
  pricePerGwYearUsd: Figure | null;
  /**
   * The contract price per GW-year, an input (`revenue-per-gw-year` × 1e9), USD: where {@link pricePerGwYearUsd} is
   * dearer, the price paid is computed (the commitment spread over the GW-years on schedule) and reads "about".
   */
  contractPricePerGwYearUsd: number;
  /** GW-years the scheduled capacity supplies over the term (the most the lab can use); null without a schedule. */
  deliveredGwYears: Figure | null;
  /** The provider's margin assumption (`margin-<provider>`) and its value. */
  margin: {id: MarginId; value: number};
  /**
   * The operating margin the flows imply over the term (Σ (revenue − old-kit discount − cash opex − depreciation) ÷ Σ
   * revenue, {@link providerCash}): the contract's own margin, printed beside the provider's reported `margin`, which
   * sets no cash figure; null without flows.
   */
  impliedMargin: number | null;
  /**
   * The margin the sensitivity {@link npvAtHeldMarginUsd} holds the flows at, and where it comes from: the provider's
   * own guidance for a very large AI contract where the data has one ("guidance", Oracle's 35% gross margin), else its
   * reported margin (`margin-<provider>`, "reported"); `source` is the id of the source it comes from (the company
   * fact's or the assumption's), for a caller that numbers sources to cite it; null without flows.
   */
  heldMargin: {value: number; basis: "guidance" | "reported"; status: Status; source: string} | null;
  /**
   * Sensitivity, not the headline: the cash NPV with the provider's margin held at {@link heldMargin} instead of the
   * implied one, by a cash cost (a saving when the held margin is higher) of (implied − held) × each year's revenue
   * ({@link heldMarginCostPv}), USD; null without flows. In projectDeal the median of the draws, each draw held at
   * its own values.
   */
  npvAtHeldMarginUsd: Figure | null;
  /**
   * Cash running costs per GW-year in use over the term (Σ cash opex ÷ Σ GW in use), USD: energy, staff and
   * maintenance, property tax and insurance, and a lessee's rent; null without flows.
   */
  cashOpexPerGwYearUsd: number | null;
  /** Revenue given up over the term on kit kept running past its IT life (undiscounted), USD; null without flows. */
  oldKitDiscountUsd: number | null;
  /**
   * GW-years of use over the term run on kit past its IT life; null without flows. With the contract price and
   * `oldKitPriceShare`, it gives `oldKitDiscountUsd` by hand: GW-years × price × (1 − share).
   */
  oldKitGwYears: number | null;
  /** The share (0–1) of the contract price a GW-year on kit past its IT life earns (`old-kit-price-share`). */
  oldKitPriceShare: number;
  /**
   * GW-years the provider runs over the term (Σ of each year's GW in use), the ones it pays running costs on: the
   * spend ÷ the price, so the same GW-years the lab pays for; null without flows. Σ cash opex = this ×
   * `cashOpexPerGwYearUsd`.
   */
  gwYearsInUse: number | null;
  /**
   * Years of the provider's facility leases when it leases the data centres it serves from (a sourced company fact),
   * else null: its capex is then the IT alone, its rent a cash operating cost inside its margin, and the rent still
   * owed after the term is paid in the last year ({@link providerCash}'s `facilityLeaseYears`).
   */
  facilityLeaseYears: number | null;
  /**
   * A lessee's leased data centres at their build cost, USD: the most GW it uses × capex per GW × (1 − IT share), the
   * facility capex its landlords spend instead of it (so capex + this is on the same all-in basis as an owner's capex);
   * null for an owner or without flows.
   */
  leasedFacilityUsd: Figure | null;
  /** A lessee's rent per GW-year of facility power (`facility-rent-per-gw-year`), USD; null for an owner. */
  rentPerGwYearUsd: number | null;
  /** A lessee's rent still owed after the term on its facility leases, paid in the last year's cash, undiscounted, USD; null for an owner or without flows. */
  leaseTailUsd: number | null;
  /**
   * The build-out of a deal without a dated schedule ({@link buildOut}), as decimal years: the build time in months,
   * when the first part starts coming online and when the last is online (slip included), the contracts' stated end
   * and when the lab's use ends (later when the ramp left it short); null for a deal with a schedule or none.
   */
  buildOut: {months: number; onlineFrom: number; onlineBy: number; statedEnd: number; useEnd: number} | null;
  /** Year of the valuation date (1 January) every NPV is discounted to: {@link VALUATION_YEAR}. */
  valuationYear: number;
  /**
   * Headline scope, "new money": this deal's commitment against the investor's tranches dated from the deal
   * ({@link newMoneyDate}). One row per year, contiguous, from the first tranche or spend to the last; empty
   * without a commitment.
   */
  flows: RecyclingFlow[];
  netCashByYear: YearUsd[];
  /** First year from which cumulative net cash (new money) stays ≥ 0; null if it ends below zero or there are no flows. */
  paybackYear: number | null;
  /** Cash NPV of the new money's flows at discount-rate, in {@link VALUATION_YEAR} dollars, USD; null without flows. */
  npvUsd: Figure | null;
  /** Accounting NPV of the same flows (operating profit − investment; no capex), USD; labelled, not cash. */
  accountingNpvUsd: Figure | null;
  /** The provider's capex to deliver the capacity the commitment pays for, undiscounted, USD; null without flows. */
  capexUsd: Figure | null;
  /** The provider's cash on the lab's spend over the term, after capex, undiscounted, USD (no book value: not cash). */
  providerCashUsd: Figure | null;
  /** Book value of the capex left at the end of the term, undiscounted, USD: the provider keeps it; not cash, in no cash figure. */
  residualUsd: Figure | null;
  /** residualUsd discounted at discount-rate from the term's last year to 1 January {@link VALUATION_YEAR}, USD; not cash. */
  residualPvUsd: Figure | null;
  /**
   * The new money's cash NPV with the capacity's value at term end: npvUsd + residualPvUsd (the book value left, as
   * the value of capacity that can be re-let), USD; shown beside the cash-only NPV, never instead of it.
   */
  npvWithResidualUsd: Figure | null;
  /**
   * How much the flat capex price moves the headline: capex per GW is the same in nominal dollars in every year, so
   * capacity built or IT renewed in 2030 costs what 2026's does. This is npvUsd at the same values but with everything
   * bought from `fromYear` ({@link VALUATION_YEAR} + 1) at `capexPerGwUsd`, the high end of `capex-per-gw` (the
   * estimates that look ahead to later chip generations); `capexUsd` is that reading's capex. Null without flows or
   * without a purchase from `fromYear` on.
   */
  laterCapex: {fromYear: number; capexPerGwUsd: number; npvUsd: number; capexUsd: number} | null;
  /** The new money the headline nets: new firm tranches + new contingent ones × contingent-probability, USD. */
  newMoneyExpectedUsd: Figure;
  /** The new money if every new contingent tranche is paid (new firm + new contingent), USD: the ceiling of the expectation. */
  newMoneyMaxUsd: Figure;
  /** Second scope, "relationship to date": this commitment against every tranche of the investor in the deal. */
  relationship: {flows: RecyclingFlow[]; paybackYear: number | null; npvUsd: Figure | null};
  /** Relationship cash NPV + the latest equity mark (not cash: the mark is a fair value, not money received); null without a mark. */
  totalReturnUsd: Figure | null;
  /**
   * Set by projectDeal when the headline NPV, operating profit and payback are the medians (P50) of the Monte Carlo draws
   * that make their P10–P90 bands, as are the NPV with the value at term end, the relationship's NPV and the total
   * return (so a comparison never mixes a median with a base value): their values at the scenario's base values, USD
   * (null where undefined).
   */
  baseCase?: {
    npvUsd: number | null;
    operatingProfitUsd: number | null;
    paybackYear: number | null;
    npvWithResidualUsd?: number | null;
    relationshipNpvUsd?: number | null;
    totalReturnUsd?: number | null;
    npvAtHeldMarginUsd?: number | null;
  };
  /** Set with baseCase: the share of the draws (0–1) in which the new money never pays back within the deal (before its spend ends). */
  paybackNeverShare?: number;
  /** Set with baseCase: the share of the draws (0–1) in which the cash NPV (npvUsd) is above zero. */
  npvPositiveShare?: number;
  /**
   * Set with baseCase: the two groups the cash NPV's draws split into when their histogram has a dip (twoClusters),
   * the median then lying between two groups rather than in one; null when they do not split.
   */
  npvClusters?: TwoClusters | null;
  /**
   * Rebates in kind from the provider's group (its stock or warrant given to the lab), USD: firm at face value,
   * contingent × contingent-probability; a discount on the lab's spend, netted in the flows, never "invested". Null without any.
   */
  rebateExpectedUsd: Figure | null;
  /** Money from investors outside the provider's group (e.g. Nvidia beside Azure), USD, firm; not in these flows. */
  otherInvestorsFirmUsd: Figure;
  /**
   * Each chip-maker investor outside the provider's group, valued on its own return channel: its gross margin on the
   * chips the capacity needs (capex × it-share × chip-content-share × its margin), undiscounted, against its firm money.
   */
  chipMakers: ChipMakerReturn[];
  /**
   * The same deal if the lab filled the ceiling: the contract price on every GW-year delivered, and the provider
   * builds it all ({@link CeilingFilled}); equal to the central reading when the commitment already pays for all of
   * it or the deal has no delivery schedule. Null without a commitment.
   */
  ceilingFilled: CeilingFilled | null;
  /** Marks and valuations in date order; not cash. */
  equity: EquityPoint[];
  /** Latest mark − firm cash invested by its date, USD; null without a mark. */
  equityGainUsd: Figure | null;
}

/** The assumption-free part of a recycling projection; see {@link evaluateDealRecycling}. */
export interface PreparedDealRecycling {
  deal: string;
  investment: DealInvestment;
  newInvestment: DealInvestment;
  expected: Provenance;
  newExpected: Provenance;
  /** Tranches the headline flows pay (new money) and the relationship's (every tranche of the provider's group). */
  flowTranches: {new: FlowTranche[]; all: FlowTranche[]};
  otherInvestors: DealInvestment;
  /** Rebates in kind from the provider's group (deal.rebates), summed as tranches. */
  rebates: DealInvestment;
  /** The rebates' expected value's provenance (null without rebates): assumption-free, so worked out once. */
  rebate: Provenance | null;
  chipMakers: {
    company: string;
    marginId: MarginId;
    investedFirmUsd: number;
    investedFirmBound: Bound;
    firmTranches: {year: number; usd: number}[];
  }[];
  equity: EquityPoint[];
  equityGainUsd: Figure | null;
  latestMark: Figure | null;
  marginId: MarginId;
  /**
   * The margin the held-margin sensitivity holds the flows at, the same in every draw: the provider's own gross margin
   * for a very large AI contract (a company fact) where the data has one, else the base value of its reported
   * `margin-<provider>`; with its provenance and its source's id (the fact's or the assumption's). Null without a
   * margin assumption.
   */
  held: {value: number; basis: "guidance" | "reported"; status: Status; source: string; provenance: Provenance} | null;
  /** Years of the provider's facility leases, or null when it owns them ({@link providerCash}'s `facilityLeaseYears`). */
  facilityLeaseYears: number | null;
  /**
   * The contracts whose capacity the provider builds out ahead of their spend ({@link buildOut}: over `build-months`,
   * ending on each contract's start unless that would start the build before the deal's announcement, later by
   * `slip-months`), for a deal without a dated schedule whose spend is spread evenly; null otherwise (the spend's own
   * rows, capacity online the year it is first used).
   */
  buildOut: {terms: SpendTerm[]; notBefore: string} | null;
  /** GW of capacity the deal contracts on top of its commitment (a `beyondCommitment` ceiling), else null. */
  additionalGw: number | null;
  /**
   * The high end of `capex-per-gw`, USD per GW: the price the flat-capex sensitivity ({@link DealRecycling}'s
   * `laterCapex`) charges for capacity built or renewed after {@link VALUATION_YEAR}; null without the assumption.
   */
  laterCapexPerGwUsd: number | null;
  margin: Provenance;
  discount: Provenance;
  cash: Provenance;
  credit: Provenance;
  /** Provenances of the figures that involve the commitment, for the last commitment figure seen. */
  memo: {totalUsd: Figure | null; provenances: ReturnType<typeof commitmentProvenances> | null};
}

/**
 * Returns the assumption-free part of a deal's recycling projection: investment totals (the tranches of the
 * provider's `group`, default every investor: all of them; and the new money from {@link newMoneyDate}), the
 * tranches each scope's cash flows pay, the equity series, gain and latest mark, and lineage. The margin is the
 * provider's own (`margin-<provider>`). Call once per deal; {@link evaluateDealRecycling} once per draw.
 *
 * @example const prepared = prepareDealRecycling(deal, dataset.assumptions, {group: ["amazon", "aws"]})
 */
export function prepareDealRecycling(
  deal: Deal,
  assumptions: readonly Assumption[],
  {
    group,
    chipMakers = [],
    facilityLeaseYears = null,
    guidedMargin = null,
    buildOut: built = false
  }: {
    group?: readonly string[];
    chipMakers?: readonly string[];
    facilityLeaseYears?: number | null;
    guidedMargin?: {value: number; status: Status; source: string; provenance: Provenance} | null;
    /** True for a deal without a dated schedule, spread evenly: its capacity is built out ahead of the spend. */
    buildOut?: boolean;
  } = {}
): PreparedDealRecycling {
  const own = (investor: string) => !group || group.includes(investor);
  const investment = dealInvestment(deal, {investor: own});
  const newInvestment = dealInvestment(deal, {since: newMoneyDate(deal), investor: own});
  const otherInvestors = dealInvestment(deal, {investor: (id) => !own(id)});
  const rebates = dealInvestment({...deal, tranches: deal.rebates ?? [], totals: []}, {investor: own});
  const hasContingent = investment.tranches.some((t) => !t.firm);
  const probability = {lineage: assumptionLineage(assumptions, "contingent-probability")};
  const margin = marginId(deal.provider);
  const latest = deal.equityMarks.reduce<Deal["equityMarks"][number] | null>((a, m) => (!a || m.date > a.date ? m : a), null);
  return {
    deal: deal.id,
    investment,
    newInvestment,
    expected: hasContingent ? provenanceOf(investment.firmUsd, investment.contingentUsd, probability) : investment.firmUsd,
    newExpected: newInvestment.tranches.some((t) => !t.firm)
      ? provenanceOf(newInvestment.firmUsd, newInvestment.contingentUsd, probability)
      : newInvestment.firmUsd,
    // A rebate in kind from the provider's group (its own stock or warrant given to the lab) is a discount on the
    // lab's spend: money's worth out of the provider, netted in both scopes like a tranche, never counted as invested.
    flowTranches: {
      new: [...flowTranches(deal, newInvestment.tranches), ...flowTranches(deal, rebates.tranches)],
      all: [...flowTranches(deal, investment.tranches), ...flowTranches(deal, rebates.tranches)]
    },
    rebates,
    rebate: rebates.tranches.length > 0 ? provenanceOf(rebates.maxUsd, {lineage: rebates.maxUsd.lineage}) : null,
    otherInvestors,
    chipMakers: chipMakers
      .filter((company) => assumptions.some((a) => a.id === marginId(company)))
      .map((company) => {
        const own = dealInvestment(deal, {investor: (id) => id === company});
        return {
          company,
          marginId: marginId(company),
          investedFirmUsd: own.firmUsd.value,
          investedFirmBound: own.firmUsd.bound,
          firmTranches: own.tranches.filter((t) => t.firm).map(({year, usd}) => ({year, usd}))
        };
      }),
    equity: dealEquitySeries(deal),
    equityGainUsd: dealEquityGain(deal, investment),
    latestMark: latest ? withValue(factProvenance(`${deal.id}.equityMarks.${latest.id}`, latest.value), toUsd(latest.value), "usd") : null,
    marginId: margin,
    held: heldMarginOf(assumptions, margin, guidedMargin),
    facilityLeaseYears,
    buildOut: buildOutOf(deal, built),
    additionalGw: deal.capacity?.ceiling && deal.capacity.beyondCommitment ? factGw(deal.capacity.ceiling) : null,
    laterCapexPerGwUsd: laterCapexOf(assumptions),
    margin: provenanceOf({lineage: assumptionLineage(assumptions, margin)}),
    discount: provenanceOf({lineage: assumptionLineage(assumptions, "discount-rate")}),
    credit: provenanceOf({lineage: assumptionLineage(assumptions, "credit-share")}),
    // A lessee's cash also reads its rent; an owner's does not.
    cash: provenanceOf(
      ...[
        ...PROVIDER_CASH_ASSUMPTIONS,
        ...(facilityLeaseYears !== null ? (["facility-rent-per-gw-year"] as const) : []),
        ...(built ? (["build-months", "slip-months"] as const) : [])
      ].map((id) => ({
        lineage: assumptionLineage(assumptions, id)
      }))
    ),
    memo: {totalUsd: null, provenances: null}
  };
}

/**
 * Returns the recycling projection for one commitment projection and one set of assumption values
 * (`contingent-probability`, the provider's `margin-<provider>`, `discount-rate` and the capex and cost
 * assumptions of {@link providerCash}). Without a commitment (null) there are no flows, and every figure that
 * needs one is null. Throws `invalid commitment:` for another deal's projection.
 *
 * @example evaluateDealRecycling(prepared, evaluateDealCommitment(preparedCommitment, values), values).paybackYear
 */
export function evaluateDealRecycling(
  prepared: PreparedDealRecycling,
  commitment: DealCommitmentProjection | null,
  values: AssumptionValues
): DealRecycling {
  if (commitment && commitment.deal !== prepared.deal) throw new Error(`invalid commitment: ${commitment.deal}`);
  const {investment, newInvestment} = prepared;
  const rate = values["discount-rate"];
  const firm = investment.firmUsd.value;
  const base = newMoneyCash(prepared, commitment, values, ROWS);
  const {probability, margin, cost, revenue, provider, flows} = base;
  const expected = withValue(prepared.expected, firm + investment.contingentUsd.value * probability, "usd");
  const filled = ceilingFilledCash(prepared, commitment, values, base, ROWS);
  const allFlows = relationshipFlows(prepared, commitment, base, ROWS);
  const cash = cashMeasures(flows, "netCash", rate);
  const accounting = cashMeasures(flows, "accountingNet", rate);
  const related = cashMeasures(allFlows, "netCash", rate);
  const filledMeasures = filled.flows === flows ? cash : cashMeasures(filled.flows, "netCash", rate);
  const netCashByYear: YearUsd[] = flows.map(({year, netCash}) => ({year, usd: netCash}));
  const p = commitment && provenancesFor(prepared, commitment.totalUsd);
  const total = commitment?.totalUsd.value ?? 0;
  const ratio = (provenance: Provenance | undefined, numerator: number, denominator: number) =>
    provenance && denominator > 0 ? withValue(provenance, numerator / denominator, "fraction") : null;
  const relationshipNpv = p && allFlows.length ? withValue(p.relationshipNpv, related.npv, "usd") : null;
  const implied = impliedMarginOf(provider);
  const {held} = prepared;
  return {
    deal: prepared.deal,
    investmentFirmUsd: investment.firmUsd,
    investmentMaxUsd: investment.maxUsd,
    investmentExpectedUsd: expected,
    commitmentUsd: commitment?.totalUsd ?? null,
    investmentToCommitmentFirm: ratio(p?.firm, firm, total),
    investmentToCommitmentMax: ratio(p?.max, investment.maxUsd.value, total),
    investmentToCommitmentNew: ratio(p?.newFirm, newInvestment.firmUsd.value, total),
    investmentToCommitmentNewMax: ratio(p?.newMax, newInvestment.maxUsd.value, total),
    investmentToCommitmentNewAtCost: ratio(p?.newAtCost, newInvestment.firmUsd.value * cost, total),
    revenuePerDollarInvested: p && firm > 0 ? withValue(p.revenuePerDollar, total / firm, "ratio") : null,
    operatingProfitUsd:
      p && revenue && provider.length
        ? withValue(
            p.operatingProfit,
            sum(provider, (y) => y.operatingProfit),
            "usd"
          )
        : null,
    revenueUsd: p && revenue ? withValue(p.revenue, revenue.totalUsd, "usd") : null,
    pricePerGwYearUsd: p && revenue ? withValue(p.price, revenue.pricePerGwYearUsd, "usd-per-gw-year") : null,
    contractPricePerGwYearUsd: values["revenue-per-gw-year"] * 1e9,
    deliveredGwYears:
      p && commitment?.delivered && commitment.delivered.totalGwYears > 0
        ? withValue(p.delivered, commitment.delivered.totalGwYears, "gw-years")
        : null,
    margin: {id: prepared.marginId, value: margin},
    impliedMargin: implied,
    heldMargin: implied !== null && held ? {value: held.value, basis: held.basis, status: held.status, source: held.source} : null,
    npvAtHeldMarginUsd:
      p && flows.length && implied !== null && held
        ? withValue(provenanceOf(p.npv, held.provenance), cash.npv - heldMarginCostPv(provider, implied, held.value, rate), "usd")
        : null,
    cashOpexPerGwYearUsd:
      provider.length && sum(provider, (y) => y.gw) > 0 ? sum(provider, (y) => y.cashOpex) / sum(provider, (y) => y.gw) : null,
    oldKitDiscountUsd: provider.length ? sum(provider, (y) => y.oldKitDiscount) : null,
    oldKitGwYears: provider.length ? sum(provider, (y) => y.oldKitGw) : null,
    oldKitPriceShare: values["old-kit-price-share"],
    gwYearsInUse: provider.length ? sum(provider, (y) => y.gw) : null,
    facilityLeaseYears: prepared.facilityLeaseYears,
    leaseTailUsd: prepared.facilityLeaseYears !== null && p && flows.length ? sum(provider, (y) => y.leaseTail) : null,
    rentPerGwYearUsd: prepared.facilityLeaseYears !== null ? values["facility-rent-per-gw-year"] * 1e9 : null,
    leasedFacilityUsd:
      prepared.facilityLeaseYears !== null && p && flows.length
        ? withValue(p.capex, Math.max(0, ...provider.map((y) => y.gw)) * values["capex-per-gw"] * 1e9 * (1 - values["it-share"]), "usd")
        : null,
    buildOut: p && flows.length ? buildOutSpan(prepared, values, base.revenue) : null,
    laterCapex: p && flows.length ? laterCapexReading(prepared, commitment, values, provider) : null,
    valuationYear: VALUATION_YEAR,
    flows,
    netCashByYear,
    paybackYear: cash.payback,
    npvUsd: p && flows.length ? withValue(p.npv, cash.npv, "usd") : null,
    accountingNpvUsd: p && flows.length ? withValue(p.accountingNpv, accounting.npv, "usd") : null,
    capexUsd:
      p && flows.length
        ? withValue(
            p.capex,
            sum(provider, (y) => y.capex),
            "usd"
          )
        : null,
    residualUsd: p && flows.length ? withValue(p.capex, residualOf(provider), "usd") : null,
    residualPvUsd: p && provider.length ? withValue(p.residualPv, residualPvOf(provider, rate), "usd") : null,
    npvWithResidualUsd:
      p && flows.length && provider.length ? withValue(p.npvWithResidual, cash.npv + residualPvOf(provider, rate), "usd") : null,
    providerCashUsd:
      p && flows.length
        ? withValue(
            p.providerCash,
            sum(provider, (y) => y.cash),
            "usd"
          )
        : null,
    newMoneyExpectedUsd: withValue(
      prepared.newExpected,
      newInvestment.firmUsd.value + newInvestment.contingentUsd.value * probability,
      "usd"
    ),
    newMoneyMaxUsd: newInvestment.maxUsd,
    relationship: {flows: allFlows, paybackYear: related.payback, npvUsd: relationshipNpv},
    totalReturnUsd:
      relationshipNpv && p?.totalReturn && prepared.latestMark
        ? withValue(p.totalReturn, relationshipNpv.value + prepared.latestMark.value, "usd")
        : null,
    otherInvestorsFirmUsd: prepared.otherInvestors.firmUsd,
    rebateExpectedUsd: prepared.rebate
      ? withValue(prepared.rebate, prepared.rebates.firmUsd.value + prepared.rebates.contingentUsd.value * probability, "usd")
      : null,
    chipMakers: provider.length
      ? prepared.chipMakers.map(({company, marginId: id, investedFirmUsd, investedFirmBound, firmTranches}) => {
          // A lessee's capex is all IT; an owner's is IT for its it-share.
          const share = (prepared.facilityLeaseYears !== null ? 1 : values["it-share"]) * values["chip-content-share"];
          const chipsUsd = sum(provider, (y) => y.capex) * share;
          // Chips are sold when the capacity is built (the capex years); the money goes out in the tranches' years.
          const at = (usd: number, year: number) => usd * (1 + rate) ** (VALUATION_YEAR - year);
          const npvUsd = sum(provider, (y) => at(y.capex * share * values[id], y.year)) - sum(firmTranches, (t) => at(t.usd, t.year));
          // The capacity contracted on top of the commitment, built by an owner at the all-in capex (IT share of it).
          const extra = prepared.additionalGw;
          const extraChips = extra ? extra * values["capex-per-gw"] * 1e9 * values["it-share"] * values["chip-content-share"] : 0;
          return {
            company,
            margin: {id, value: values[id]},
            chipsUsd,
            grossProfitUsd: chipsUsd * values[id],
            investedFirmUsd,
            investedFirmBound,
            npvUsd,
            gw: Math.max(0, ...provider.map((y) => y.gw)),
            onCeiling: extra ? {gw: extra, chipsUsd: extraChips, grossProfitUsd: extraChips * values[id]} : null
          };
        })
      : [],
    ceilingFilled:
      p && filled.revenue && filled.flows.length
        ? {
            revenueUsd: filled.revenue.totalUsd,
            pricePerGwYearUsd: filled.revenue.pricePerGwYearUsd,
            gwYears: filled.revenue.gwYears,
            capexUsd: sum(filled.provider, (y) => y.capex),
            providerCashUsd: sum(filled.provider, (y) => y.cash),
            npvUsd: withValue(p.npv, filledMeasures.npv, "usd"),
            paybackYear: filledMeasures.payback
          }
        : null,
    equity: prepared.equity,
    equityGainUsd: prepared.equityGainUsd
  };
}

/** What the cash flows read of a commitment: a full projection or a draw's {@link CommitmentSpend}. */
type SpendInput = Pick<CommitmentSpend, "deal" | "totalUsd" | "ceilingGwYears" | "perYear" | "delivered">;

/** The lab's spend with the provider, year by year, as {@link revenueOnCommitment} and {@link revenueOnDelivered} return it. */
type Revenue = ReturnType<typeof revenueOnCommitment> & {builtGw?: number[]; useEndYear?: number};

/** The banded recycling headlines of one set of values as plain numbers: what a Monte Carlo draw reads. */
export interface RecyclingHeadlines {
  /** The provider's operating profit over the term, USD; null without a commitment. */
  operatingProfitUsd: number | null;
  /** Cash NPV of the new money's flows in {@link VALUATION_YEAR} dollars, USD; null without flows. */
  npvUsd: number | null;
  /** First year from which the new money's cumulative net cash stays ≥ 0; null if never. */
  paybackYear: number | null;
  /** The new money's cash NPV if the lab fills the ceiling ({@link CeilingFilled}), USD; null without flows. */
  filledNpvUsd: number | null;
  /** npvUsd + the present value of the capacity's book value at term end, USD; null without flows. */
  npvWithResidualUsd: number | null;
  /** Cash NPV of the relationship to date (every tranche of the investor), USD; null without flows. */
  relationshipNpvUsd: number | null;
  /** npvUsd with the provider's margin held at its guided or reported value ({@link DealRecycling.npvAtHeldMarginUsd}), USD; null without flows. */
  npvAtHeldMarginUsd: number | null;
  /** The last year of the lab's spend (a year): the horizon a payback "within the deal" is counted to; null without spend. */
  spendEndYear: number | null;
}

/**
 * Returns the same operating profit, cash NPV, payback year, "if the lab fills the ceiling" NPV, NPV with the value
 * at term end and relationship NPV as {@link evaluateDealRecycling} (the same steps: {@link newMoneyCash},
 * {@link ceilingFilledCash}, {@link relationshipFlows}, then {@link measuresOf} and {@link residualPvOf}), without the
 * figures a Monte Carlo draw does not read: no accounting view, ratios, chip makers or lineage, and the flows as their
 * net cash alone ({@link netCashByYear}, which the full rows read theirs from), not as rows.
 *
 * @example recyclingHeadlines(prepared, evaluateCommitmentSpend(preparedCommitment, values), values).npvUsd // as evaluateDealRecycling(…).npvUsd.value
 */
export function recyclingHeadlines(
  prepared: PreparedDealRecycling,
  commitment: SpendInput | null,
  values: AssumptionValues
): RecyclingHeadlines {
  if (commitment && commitment.deal !== prepared.deal) throw new Error(`invalid commitment: ${commitment.deal}`);
  const rate = values["discount-rate"];
  const base = newMoneyCash(prepared, commitment, values, NET_CASH);
  const {revenue, provider, flows} = base;
  const filled = ceilingFilledCash(prepared, commitment, values, base, NET_CASH);
  const allFlows = relationshipFlows(prepared, commitment, base, NET_CASH);
  const cash = netCashMeasures(flows, rate);
  const filledNpv = filled.flows === flows ? cash.npv : netCashMeasures(filled.flows, rate).npv;
  const implied = impliedMarginOf(provider);
  return {
    operatingProfitUsd: commitment && revenue && provider.length ? sum(provider, (y) => y.operatingProfit) : null,
    npvUsd: commitment && flows.netCash.length ? cash.npv : null,
    paybackYear: cash.payback,
    filledNpvUsd: commitment && filled.revenue && filled.flows.netCash.length ? filledNpv : null,
    npvWithResidualUsd: commitment && flows.netCash.length && provider.length ? cash.npv + residualPvOf(provider, rate) : null,
    relationshipNpvUsd: commitment && allFlows.netCash.length ? netCashMeasures(allFlows, rate).npv : null,
    npvAtHeldMarginUsd:
      commitment && flows.netCash.length && implied !== null && prepared.held
        ? cash.npv - heldMarginCostPv(provider, implied, prepared.held.value, rate)
        : null,
    spendEndYear: lastYearWith(provider, (y) => y.revenue)
  };
}

/** The held margin of {@link PreparedDealRecycling}: the guidance where given, else the margin assumption's base value. */
function heldMarginOf(
  assumptions: readonly Assumption[],
  id: MarginId,
  guided: {value: number; status: Status; source: string; provenance: Provenance} | null
): PreparedDealRecycling["held"] {
  if (guided) return {...guided, basis: "guidance"};
  const a = assumptions.find((x) => x.id === id);
  return a
    ? {
        value: a.base,
        basis: "reported",
        status: a.status,
        source: a.source,
        provenance: provenanceOf({lineage: assumptionLineage(assumptions, id)})
      }
    : null;
}

/** The operating margin the provider's flows imply: Σ operating profit ÷ Σ revenue (the lab's spend); null without revenue. */
function impliedMarginOf(provider: readonly ProviderCashYear[]): number | null {
  const revenue = sum(provider, (y) => y.revenue);
  return provider.length && revenue > 0 ? sum(provider, (y) => y.operatingProfit) / revenue : null;
}

/**
 * Returns what holding the provider's margin at `held` instead of the `implied` one costs the cash NPV (negative: adds
 * to it), USD at `rate` to 1 January {@link VALUATION_YEAR}: a cash cost of (implied − held) × each year's revenue,
 * discounted from the start of its year as the flows are. The revenue is the lab's commitment, so the margin is
 * held by the cost of delivering it, in step with the revenue: Σ operating profit then equals held × Σ revenue.
 *
 * @example heldMarginCostPv([{year: 2026, revenue: 10e9, …}, {year: 2027, revenue: 11e9, …}], 0.41, 0.35, 0.1) // 0.06 × (10 + 11 ÷ 1.1) = 1.2e9
 */
export function heldMarginCostPv(
  provider: readonly Pick<ProviderCashYear, "year" | "revenue">[],
  implied: number,
  held: number,
  rate: number
): number {
  let pv = 0;
  for (const y of provider) pv += y.revenue * (1 + rate) ** (VALUATION_YEAR - y.year);
  return (implied - held) * pv;
}

/**
 * How a path builds the yearly flows from the tranches and the provider's cash: the full evaluation's rows
 * ({@link recyclingFlows}), or a draw's net cash alone ({@link netCashByYear}); `none()`: the flows without a commitment.
 */
interface FlowsBuilder<F> {
  of(tranches: readonly FlowTranche[], provider: readonly ProviderCashYear[], options: {probability: number; cost: number}): F;
  none(): F;
}

const ROWS: FlowsBuilder<RecyclingFlow[]> = {of: recyclingFlows, none: () => []};
const NET_CASH: FlowsBuilder<NetCashByYear> = {of: netCashByYear, none: () => ({firstYear: Number.NaN, investment: [], netCash: []})};

/** One reading of the provider's side and the new money's flows ({@link newMoneyCash}). */
interface NewMoneyCash<F> {
  probability: number;
  margin: number;
  contractPrice: number;
  cost: number;
  revenue: Revenue | null;
  provider: ProviderCashYear[];
  flows: F;
}

/**
 * Returns the provider's side and the new money's yearly flows for one set of values: the lab's spend on its stated
 * commitment ({@link revenueOnCommitment}), the provider's cash on it ({@link providerCashOn}) and the flows against
 * the new money (built by `flowsOf`); the contingent probability, the provider's margin (0–1), the contract price
 * (USD per GW-year) and the cost of an invested dollar (credits at 1 − margin) they were computed with. No spend and
 * no flows without a commitment.
 */
function newMoneyCash<F>(
  prepared: PreparedDealRecycling,
  commitment: SpendInput | null,
  values: AssumptionValues,
  flowsOf: FlowsBuilder<F>,
  laterCapex?: {fromYear: number; capexPerGwUsd: number}
): NewMoneyCash<F> {
  const probability = values["contingent-probability"];
  const margin = values[prepared.marginId];
  const contractPrice = values["revenue-per-gw-year"] * 1e9;
  const onCommitment = commitment ? revenueOnCommitment(commitment, contractPrice) : null;
  const revenue = onCommitment && commitment && !commitment.delivered ? builtOut(prepared, values, onCommitment) : onCommitment;
  const provider = revenue ? providerCashOn(prepared, values, revenue, laterCapex) : [];
  // Credits cost the investor what serving them costs its cloud: 1 − margin per dollar of credit.
  const cost = 1 - values["credit-share"] * margin;
  const flows = commitment ? flowsOf.of(prepared.flowTranches.new, provider, {probability, cost}) : flowsOf.none();
  return {probability, margin, contractPrice, cost, revenue, provider, flows};
}

/**
 * The lab's spend on a deal without a dated schedule when its capacity is built out ({@link PreparedDealRecycling}'s
 * `buildOut`): the capacity each contract keeps busy at the price comes online over `build-months`, ending on its
 * start where the deal's announcement allows (later by `slip-months`); the lab spends its commitment as the capacity
 * exists, at the same price ({@link buildOut}). The spend's own reading otherwise.
 */
function builtOut(prepared: PreparedDealRecycling, values: AssumptionValues, revenue: Revenue): Revenue {
  if (!prepared.buildOut) return revenue;
  const built = buildOut(prepared.buildOut.terms, {
    pricePerGwYearUsd: revenue.pricePerGwYearUsd,
    buildYears: values["build-months"] / 12,
    slipYears: values["slip-months"] / 12,
    notBefore: prepared.buildOut.notBefore
  });
  const totalUsd = sum(built.perYear, (y) => y.usd);
  const price = revenue.pricePerGwYearUsd;
  return {
    perYear: built.perYear,
    totalUsd,
    pricePerGwYearUsd: price,
    gw: built.gw,
    builtGw: built.builtGw,
    useEndYear: built.endYear,
    gwYears: totalUsd / price
  };
}

/** The high end of `capex-per-gw` in USD per GW, or null when the assumptions do not hold it. */
function laterCapexOf(assumptions: readonly Assumption[]): number | null {
  const capex = assumptions.find((a) => a.id === "capex-per-gw");
  return capex ? capex.high * 1e9 : null;
}

/**
 * The flat-capex sensitivity ({@link DealRecycling}'s `laterCapex`): the new money's cash NPV at `values` with what is
 * bought from {@link VALUATION_YEAR} + 1 on at the high end of `capex-per-gw`; null when nothing is bought then, the
 * price is missing or already at least that high.
 */
function laterCapexReading(
  prepared: PreparedDealRecycling,
  commitment: SpendInput | null,
  values: AssumptionValues,
  provider: readonly ProviderCashYear[]
): DealRecycling["laterCapex"] {
  const price = prepared.laterCapexPerGwUsd;
  const fromYear = VALUATION_YEAR + 1;
  if (price === null || !(price > values["capex-per-gw"] * 1e9) || !provider.some((y) => y.year >= fromYear && y.capex > 0)) return null;
  const later = newMoneyCash(prepared, commitment, values, NET_CASH, {fromYear, capexPerGwUsd: price});
  return {
    fromYear,
    capexPerGwUsd: price,
    npvUsd: netCashMeasures(later.flows, values["discount-rate"]).npv,
    capexUsd: sum(later.provider, (y) => y.capex)
  };
}

/** The span of a deal's build-out in decimal years ({@link DealRecycling}'s `buildOut`); null without one. */
function buildOutSpan(prepared: PreparedDealRecycling, values: AssumptionValues, revenue: Revenue | null): DealRecycling["buildOut"] {
  if (!prepared.buildOut || revenue?.useEndYear === undefined) return null;
  const months = values["build-months"];
  const signed = decimalYear(prepared.buildOut.notBefore);
  const ramps = prepared.buildOut.terms.map(({start, years}) => {
    const from = decimalYear(start);
    return {a: Math.max(from - months / 12, Math.min(signed, from)) + values["slip-months"] / 12, end: from + years};
  });
  return {
    months,
    onlineFrom: Math.min(...ramps.map((r) => r.a)),
    onlineBy: Math.max(...ramps.map((r) => r.a)) + months / 12,
    statedEnd: Math.max(...ramps.map((r) => r.end)),
    useEnd: revenue.useEndYear
  };
}

/** The contracts a deal's build-out reads, and the deal's announcement (no build before it); null unless `built`. */
function buildOutOf(deal: Deal, built: boolean): PreparedDealRecycling["buildOut"] {
  const terms = built ? dealCommitmentTotals(deal)?.terms : undefined;
  return terms ? {terms: terms.map(({usd, years, start}) => ({usd, years, start})), notBefore: deal.announced} : null;
}

/** The provider's cash on one reading of the lab's spend ({@link providerCash}), at the values' capex and cost assumptions. */
function providerCashOn(
  prepared: PreparedDealRecycling,
  values: AssumptionValues,
  revenue: Revenue,
  laterCapex?: {fromYear: number; capexPerGwUsd: number}
) {
  return providerCash(revenue.perYear, {
    laterCapex,
    capexPerGwUsd: values["capex-per-gw"] * 1e9,
    itShare: values["it-share"],
    itLife: values["it-life"],
    // A new IT generation is bought only while the term left covers this share of its life (else the old kit runs on).
    renewShare: values["it-renewal-share"],
    // Kit kept running past its life earns this share of the contract price.
    oldKitPriceShare: values["old-kit-price-share"],
    facilityLife: values["facility-life"],
    revenuePerGwYearUsd: revenue.pricePerGwYearUsd,
    // Cash running costs from physical inputs, the same per GW for every provider: the margin sets none of them.
    energyPerGwYearUsd: energyCostPerGwYear(values),
    siteOpexPerGwYearUsd: values["opex-per-gw-year"] * 1e9,
    assetChargeRate: values["asset-charge-rate"],
    gw: revenue.gw ?? undefined,
    builtGw: revenue.builtGw,
    useEndYear: revenue.useEndYear,
    facilityLeaseYears: prepared.facilityLeaseYears ?? undefined,
    rentPerGwYearUsd: values["facility-rent-per-gw-year"] * 1e9,
    // The rent still owed after the term, valued at the term's end at the rate the NPV discounts at.
    leaseDiscountRate: values["discount-rate"]
  });
}

/**
 * Returns the spend, the provider's cash and the new money's flows if the lab fills the ceiling: the contract price on
 * every GW-year the schedule delivers ({@link revenueOnDelivered}), when that comes to more than the commitment (the
 * central case's revenue); the provider then builds all it delivers. The central case's own (the same objects) when
 * the commitment already pays for everything delivered, or there is no schedule.
 */
function ceilingFilledCash<F>(
  prepared: PreparedDealRecycling,
  commitment: SpendInput | null,
  values: AssumptionValues,
  {contractPrice, probability, cost, revenue, provider, flows}: NewMoneyCash<F>,
  flowsOf: FlowsBuilder<F>
): Pick<NewMoneyCash<F>, "revenue" | "provider" | "flows"> {
  const filled = commitment && revenue ? revenueOnDelivered(commitment, contractPrice) : null;
  if (!(revenue && filled && filled.gw !== null && filled.totalUsd > revenue.totalUsd * (1 + 1e-9))) return {revenue, provider, flows};
  const filledProvider = providerCashOn(prepared, values, filled);
  return {revenue: filled, provider: filledProvider, flows: flowsOf.of(prepared.flowTranches.new, filledProvider, {probability, cost})};
}

/** The relationship scope's yearly flows: the same provider cash against every tranche of the investor; none without a commitment. */
function relationshipFlows<F>(
  prepared: PreparedDealRecycling,
  commitment: SpendInput | null,
  {probability, cost, provider}: NewMoneyCash<F>,
  flowsOf: FlowsBuilder<F>
): F {
  return commitment ? flowsOf.of(prepared.flowTranches.all, provider, {probability, cost}) : flowsOf.none();
}

/**
 * Returns the NPV (USD, at `rate` to 1 January {@link VALUATION_YEAR}) and the payback year of one column of the
 * yearly flows (cash or accounting net), from its running sum; payback null without flows.
 */
function cashMeasures(flows: readonly RecyclingFlow[], column: "netCash" | "accountingNet", rate: number) {
  return measuresOf(
    flows.map((flow) => flow[column]),
    flows[0]?.year ?? VALUATION_YEAR,
    rate
  );
}

/** {@link cashMeasures} of the net cash of {@link netCashByYear} (a draw's flows). */
function netCashMeasures({firstYear, netCash}: NetCashByYear, rate: number) {
  return measuresOf(netCash, netCash.length ? firstYear : VALUATION_YEAR, rate);
}

/** The NPV at `rate` and the payback year of yearly `cash` from `firstYear`, from its running sum; payback null without any. */
function measuresOf(cash: readonly number[], firstYear: number, rate: number) {
  const n = cash.length;
  // A plain array, not a Float64Array: a typed array costs about ten times more to allocate, and this runs per draw.
  const cumulative = new Array<number>(n);
  let sum = 0;
  for (let i = 0; i < n; ++i) cumulative[i] = sum += cash[i];
  const years = {firstYear, valuationYear: VALUATION_YEAR};
  return {npv: netPresentValue(cash, rate, years), payback: n ? paybackYear(cumulative, firstYear) : null};
}

/** The book value the provider keeps at term end, discounted at `rate` from the term's last year to 1 January {@link VALUATION_YEAR}, USD (provider non-empty). */
function residualPvOf(provider: readonly ProviderCashYear[], rate: number): number {
  return residualOf(provider) * (1 + rate) ** (VALUATION_YEAR - provider[provider.length - 1].year);
}

/**
 * Returns how much of a deal's investment comes back to the investor as cloud revenue and operating profit,
 * year by year, with payback, NPV, investment ÷ commitment ratios, and equity kept apart:
 * {@link prepareDealRecycling} (all tranches) then {@link evaluateDealRecycling}. `commitmentProjection` is the
 * deal's {@link DealCommitmentProjection} (or null). A deal with no tranches has zero investment, ratios of 0
 * and pays back in its first year of profit.
 *
 * Which tranches count: those of the provider's `group` (default: every investor). Totals and the firm/max ratios
 * use all of them (Amazon–Anthropic: $13B firm, $33B max); `investmentToCommitmentNew` and the headline flows use
 * the tranches dated on or after {@link newMoneyDate} (the article's $5B ÷ $100B = 5%); the relationship's flows
 * use all of them. When: firm tranches
 * at face value in their year; contingent ones × `contingent-probability`, spread evenly over the commitment's
 * calendar years after the year they were announced, unless dated after the deal's announcement, which is
 * then read as their expected payment date ({@link recyclingFlows}).
 *
 * @example projectDealRecycling(deal, projectDealCommitment(deal, values, assumptions), values, assumptions).investmentToCommitmentNew?.value // 0.05
 */
export function projectDealRecycling(
  deal: Deal,
  commitmentProjection: DealCommitmentProjection | null,
  values: AssumptionValues,
  assumptions: readonly Assumption[],
  options: {group?: readonly string[]; chipMakers?: readonly string[]; facilityLeaseYears?: number | null} = {}
): DealRecycling {
  return evaluateDealRecycling(prepareDealRecycling(deal, assumptions, options), commitmentProjection, values);
}

// Lineage merging sorts ids, so it runs once per commitment figure, not once per draw.
function provenancesFor(prepared: PreparedDealRecycling, totalUsd: Figure): ReturnType<typeof commitmentProvenances> {
  const {memo} = prepared;
  if (memo.provenances && memo.totalUsd && memo.totalUsd.lineage === totalUsd.lineage && memo.totalUsd.bound === totalUsd.bound)
    return memo.provenances;
  memo.totalUsd = totalUsd;
  memo.provenances = commitmentProvenances(prepared, totalUsd);
  return memo.provenances;
}

function commitmentProvenances(
  {investment, newInvestment, expected, margin, discount, cash, credit, flowTranches: tranches, latestMark}: PreparedDealRecycling,
  totalUsd: Figure
) {
  // The operating profit the flows imply: the spend less the running costs and the depreciation of the capex.
  const operatingProfit = provenanceOf(totalUsd, cash);
  const newProvenance = newInvestment.tranches.length ? provenanceOf(...newInvestment.tranches.map((t) => t.provenance)) : null;
  const providerSide = provenanceOf(operatingProfit, cash, discount, credit);
  const net = (money: Provenance | null, side: Provenance) => (money ? differenceProvenance(side, money) : side);
  const relationshipNpv = net(tranches.all.length ? expected : null, providerSide);
  const npv = net(newProvenance, providerSide);
  const residualPv = provenanceOf(totalUsd, cash, discount);
  return {
    revenue: provenanceOf(totalUsd, cash),
    price: provenanceOf(totalUsd, cash),
    delivered: provenanceOf(totalUsd, cash),
    capex: provenanceOf(totalUsd, cash),
    residualPv,
    providerCash: provenanceOf(operatingProfit, cash),
    accountingNpv: net(newProvenance, provenanceOf(operatingProfit, discount)),
    relationshipNpv,
    /** The relationship NPV + the latest equity mark (null without a mark). */
    totalReturn: latestMark ? provenanceOf(relationshipNpv, latestMark) : null,
    /** The new money's cash NPV + the present value of the capacity left at term end. */
    npvWithResidual: provenanceOf(npv, residualPv),
    firm: quotientProvenance(investment.firmUsd, totalUsd),
    max: quotientProvenance(investment.maxUsd, totalUsd),
    newFirm: quotientProvenance(newInvestment.firmUsd, totalUsd),
    newMax: quotientProvenance(newInvestment.maxUsd, totalUsd),
    newAtCost: quotientProvenance(provenanceOf(newInvestment.firmUsd, margin, credit), totalUsd),
    revenuePerDollar: quotientProvenance(totalUsd, investment.firmUsd),
    operatingProfit,
    npv
  };
}

/**
 * Returns the lab's spend with the provider, year by year: the commitment's spend when the deal has no delivery
 * schedule (capacity in use = spend ÷ price, where the price is `contractPriceUsd` unless the commitment would then
 * buy more than the ceiling's GW-years: then commitment ÷ ceiling GW-years); with one, the delivered GW-years of each year at the
 * contract price, and never less than the commitment (stated commitments are floors), i.e. at
 * max(contract price, commitment ÷ delivered GW-years). The provider builds what it delivers, so `gw` (the
 * capacity in use each year) is the delivered GW-years then; null without a schedule.
 *
 * @example revenueOnDelivered({totalUsd: {value: 100e9}, perYear, delivered: {gwYears: [5, 5], totalGwYears: 10}}, 11e9)
 * // {pricePerGwYearUsd: 11e9, totalUsd: 110e9, perYear: [{usd: 55e9}, {usd: 55e9}], gw: [5, 5], gwYears: 10}
 */
export function revenueOnDelivered(
  commitment: Pick<DealCommitmentProjection, "totalUsd" | "perYear" | "delivered"> & {ceilingGwYears?: Figure | null},
  contractPriceUsd: number
): {perYear: YearUsd[]; totalUsd: number; pricePerGwYearUsd: number; gw: number[] | null; gwYears: number} {
  if (!(contractPriceUsd > 0)) throw new Error(`invalid contractPriceUsd: ${contractPriceUsd}`);
  const {delivered, perYear} = commitment;
  const total = commitment.totalUsd.value;
  if (!delivered || !(delivered.totalGwYears > 0)) {
    // No schedule: the spend keeps spend ÷ price GW busy, but never more than the ceiling supplies (a dearer GW-year).
    const ceiling = commitment.ceilingGwYears?.value ?? 0;
    const price = ceiling > 0 ? Math.max(contractPriceUsd, total / ceiling) : contractPriceUsd;
    return {perYear, totalUsd: total, pricePerGwYearUsd: price, gw: null, gwYears: total / price};
  }
  if (delivered.gwYears.length !== perYear.length) throw new Error("invalid delivered: not one value per spend year");
  const price = Math.max(contractPriceUsd, total / delivered.totalGwYears);
  return {
    perYear: perYear.map(({year}, i) => ({year, usd: delivered.gwYears[i] * price})),
    totalUsd: delivered.totalGwYears * price,
    pricePerGwYearUsd: price,
    gw: delivered.gwYears,
    gwYears: delivered.totalGwYears
  };
}

/**
 * Returns the lab's spend with the provider, year by year, on the one rule every deal is read with: the lab pays its
 * stated commitment, whatever bound word the source used, at max(contract price, commitment ÷ the GW-years the
 * capacity supplies on schedule: the schedule's without slip, or the ceiling × term without a schedule), and never
 * for more capacity than it receives: the total is min(commitment, delivered GW-years × that price), so a slip that
 * leaves the lab less capacity than its commitment pays for lowers what it pays. Each year's spend follows the
 * commitment's profile (with a schedule, the delivered GW), scaled to that total; the provider builds what the spend
 * keeps busy (spend ÷ price), never more than it delivers.
 *
 * @example revenueOnCommitment({totalUsd: {value: 100e9}, perYear, delivered: {gwYears: [5, 5], totalGwYears: 10}}, 11e9)
 * // {pricePerGwYearUsd: 11e9, totalUsd: 100e9, perYear: [{usd: 50e9}, {usd: 50e9}], gw: null, gwYears: 9.09}
 */
export function revenueOnCommitment(
  commitment: Pick<DealCommitmentProjection, "totalUsd" | "perYear" | "delivered"> & {ceilingGwYears?: Figure | null},
  contractPriceUsd: number
): {perYear: YearUsd[]; totalUsd: number; pricePerGwYearUsd: number; gw: number[] | null; gwYears: number} {
  const {delivered, perYear} = commitment;
  if (!delivered || !(delivered.totalGwYears > 0)) return revenueOnDelivered(commitment, contractPriceUsd);
  if (!(contractPriceUsd > 0)) throw new Error(`invalid contractPriceUsd: ${contractPriceUsd}`);
  const total = commitment.totalUsd.value;
  const onSchedule = delivered.scheduledGwYears ?? delivered.totalGwYears;
  const price = Math.max(contractPriceUsd, total / onSchedule);
  const paid = Math.min(total, delivered.totalGwYears * price);
  const scale = total > 0 ? paid / total : 0;
  return {
    perYear: perYear.map(({year, usd}) => ({year, usd: usd * scale})),
    totalUsd: paid,
    pricePerGwYearUsd: price,
    gw: null,
    gwYears: paid / price
  };
}

function residualOf(provider: readonly {residual: number}[]): number {
  return sum(provider, (y) => y.residual);
}

function sum<T>(items: readonly T[], f: (item: T) => number): number {
  let s = 0;
  for (const item of items) s += f(item);
  return s;
}
