import {type Figure, type Lineage, mergeLineage} from "../lineage.js";
import type {DealProjection} from "../project/projectDeal.js";
import type {DealRecycling} from "../recycling/projectDealRecycling.js";

/** One headline figure of a deal's projection, with how it is computed, for the methodology page. */
export interface HeadlineFormula {
  /** Figure name, as in `data-figure` attributes and UNCERTAIN_FIGURES: "capacity.gw", "recycling.npvUsd"… */
  name: string;
  /** What the figure is, in words. */
  label: string;
  /** How it is computed, in words. */
  formula: string;
  /** The figure, with bound and lineage; null when the deal lacks what it needs (no capacity, commitment, options). */
  figure: Figure | null;
}

type Projection = Pick<DealProjection, "capacity" | "commitment" | "recycling" | "options">;

/**
 * Returns a deal projection's headline figures in reading order (capacity, commitment, recycling, options), each
 * with its label, its formula in words and the figure itself (null when the deal has no capacity, commitment or
 * option to compute it from): capacity.gw, capacity.itMw, capacity.accelerators, capacity.energyTwhPerYear,
 * capacity.h100eFp8 (Epoch AI's 8-bit basis), capacity.h100e (BF16), commitment.gwYears, commitment.coverage, recycling.investmentToCommitmentFirm and …Max,
 * recycling.npvUsd, recycling.paybackYear and options.valuePerGwYear. The payback year is a plain number in the
 * projection; here it becomes a figure (unit "year", bound "about": a model output) with the NPV's lineage and
 * status but no discount rate ({@link paybackLineage}), since both are read from the same cash flows (the operating
 * profit, the capex, the credits' cost and the expected investment) and payback does not discount.
 *
 * @example headlineFormulas(projection).map((d) => d.name)[0] // "capacity.gw"
 */
/**
 * Returns the payback year's lineage: the NPV's (the same cash flows: inputs and status) without the discount rate,
 * since payback counts cash undiscounted; null without an NPV.
 */
export function paybackLineage(recycling: Pick<DealRecycling, "npvUsd">): Lineage | null {
  const npv = recycling.npvUsd?.lineage;
  return npv ? {inputs: npv.inputs.filter((i) => i !== "assumption:discount-rate"), status: npv.status} : null;
}

export function headlineFormulas(projection: Projection): HeadlineFormula[] {
  const {capacity, commitment, recycling, options} = projection;
  const cashFlows =
    recycling.operatingProfitUsd &&
    mergeLineage(
      recycling.operatingProfitUsd.lineage,
      ...(recycling.capexUsd ? [recycling.capexUsd.lineage] : []),
      recycling.investmentExpectedUsd.lineage
    );
  const payback: Figure | null =
    recycling.paybackYear !== null && cashFlows
      ? {value: recycling.paybackYear, unit: "year", bound: "about", lineage: paybackLineage(recycling) ?? cashFlows}
      : null;
  return [
    {
      name: "capacity.gw",
      label: "Capacity ceiling",
      formula:
        "The deal's stated capacity in facility power (cooling and losses included), in GW; figures stated in MW are divided by 1,000.",
      figure: capacity?.gw ?? null
    },
    {
      name: "capacity.itMw",
      label: "IT power",
      formula: "Facility GW × 1,000 ÷ PUE: the power the servers themselves draw.",
      figure: capacity?.itMw ?? null
    },
    {
      name: "capacity.accelerators",
      label: "Accelerators",
      formula:
        "IT MW shared among the deal's chips in the order they become available along the capacity schedule; each chip's share × 1,000 ÷ its IT kW per accelerator, rounded down, then summed.",
      figure: capacity?.accelerators ?? null
    },
    {
      name: "capacity.energyTwhPerYear",
      label: "Energy a year at the ceiling",
      formula: "Facility GW × 8,760 hours × load factor ÷ 1,000.",
      figure: capacity?.energyTwhPerYear ?? null
    },
    {
      name: "capacity.h100eFp8",
      label: "H100-equivalents, Epoch AI's basis",
      formula:
        "Each chip's accelerators × its dense 8-bit PFLOP/s, summed, ÷ the H100's dense 8-bit PFLOP/s (Epoch AI's definition: a chip's 8-bit TOPS ÷ 1,979).",
      figure: capacity?.h100eFp8 ?? null
    },
    {
      name: "capacity.h100e",
      label: "H100-equivalents, dense BF16 basis",
      formula: "Each chip's accelerators × its dense bf16 PFLOP/s, summed, ÷ the H100's dense bf16 PFLOP/s.",
      figure: capacity?.h100e ?? null
    },
    {
      name: "commitment.gwYears",
      label: "GW-years the commitment buys",
      formula: "The commitment in dollars ÷ contract revenue per GW-year (what a customer pays for one GW for one year).",
      figure: commitment?.gwYears.contract ?? null
    },
    {
      name: "commitment.coverage",
      label: "Share of the ceiling's GW-years",
      formula: "GW-years bought ÷ (ceiling GW × the commitment's term in years).",
      figure: commitment?.coverage ?? null
    },
    {
      name: "recycling.investmentToCommitmentFirm",
      label: "Firm investment ÷ commitment",
      formula:
        "The firm tranches of the investor that owns the provider (another investor's money, such as Nvidia's beside Azure, is left out) ÷ the lab's commitment to spend on that provider.",
      figure: recycling.investmentToCommitmentFirm
    },
    {
      name: "recycling.investmentToCommitmentMax",
      label: "Maximum investment ÷ commitment",
      formula: "Every tranche at face value, contingent ones included, ÷ the commitment.",
      figure: recycling.investmentToCommitmentMax
    },
    {
      name: "recycling.npvUsd",
      label: "Investor's cash NPV, new money, 2026 dollars",
      formula:
        "Cash, not accounting: each year the provider's revenue from the commitment (spend follows the delivered capacity where the deal has a schedule) minus its cash running costs (per GW in use: electricity at the power price and load, staff, maintenance and network, property tax and insurance on the capex owned, and a lessee's rent; the provider's reported margin is not used) minus the capex to build the capacity the spend keeps busy (spend ÷ revenue per GW-year × capex per GW, chips included, IT replaced at the end of its life while enough of the term is left, else run on at the old-kit share of the price); minus this deal's new money (firm tranches at face value, contingent ones × their probability). Discounted at the discount rate to 1 January 2026, the same date for every deal, from the start of each year. The book value left at the end of the term is not cash and is not counted. Equity marks are kept apart.",
      figure: recycling.npvUsd
    },
    {
      name: "recycling.paybackYear",
      label: "Payback year",
      formula:
        "The first year from which the investor's cumulative net cash on this deal's new money (the provider's cash, after capex, minus the money invested) stays at or above zero, counted to the last year of the lab's spend (the contract's term, later in a draw whose capacity comes online late): 'not within the deal' when it never does by then.",
      figure: payback
    },
    {
      name: "options.valuePerGwYear",
      label: "Value of the options on future chips",
      formula:
        "Black–Scholes–Merton value of a call on one GW-year of a future chip generation (see the option model below), summed over the deal's options, per GW-year of optioned capacity.",
      figure: options?.value ?? null
    }
  ];
}
