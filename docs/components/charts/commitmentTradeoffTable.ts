/**
 * The founding article's benefits and costs of a commitment, per party (capacity certainty, demand backstop,
 * pricing and lock-in, switching costs, perception risk), each tied to the figure it rests on. The framing of each
 * row is editorial structure (constant); every number comes from the projection.
 */

import {capacityName, cashSpendByYear, type Deal, type Figure, mergeLineage} from "../../lib/core.js";
import {el} from "../dom.js";
import {bounded, count, figureText, gw, pct, sig, times, usd, withBound} from "../format.js";
import {DerivedBadge} from "../provenance.js";
import type {DealView} from "./commitmentModel.js";
import {operatingProfitBasis} from "./recyclingCritique.js";

interface Cell {
  /** Benefit or cost, for this party. */
  effect: "benefit" | "cost";
  text: string;
  /** The figure the claim rests on, in words, and its lineage; null when the deal lacks it. */
  figure: {text: string; lineage: Figure["lineage"]} | null;
}

interface Row {
  topic: string;
  lab: Cell;
  provider: Cell;
}

const fig = (figure: Figure | null | undefined, text: (f: Figure) => string) =>
  figure ? {text: text(figure), lineage: figure.lineage} : null;

/** Returns the rows for a deal's projection; the text of each cell is constant, its figure computed. */
export function tradeoffRows(deal: Deal, view: DealView, marginRef = ""): Row[] {
  const {commitment, recycling, capacity} = view;
  const chips = deal.hardware.chips.length;
  // The year of most spend as the cash figures take it (the commitment chart's bars, critic s14 #3), else the
  // commitment's own spread.
  const cash = cashSpendByYear(recycling.flows ?? []);
  const peak = Math.max(0, ...(cash.length ? cash : (commitment?.perYear ?? [])).map((d) => d.usd));
  // Its lineage is the spread's as well as the amount's (critic s14 #12: it carried the commitment's "reported"): the
  // spend the cash model takes (the price per GW-year, the build-out's months and slip where the capacity is built
  // out), the term, and the capacity whose delivery it follows.
  const peakLineage = commitment
    ? mergeLineage(
        commitment.totalUsd.lineage,
        commitment.years.lineage,
        commitment.gwYears.contract.lineage,
        ...(cash.length && recycling.revenueUsd ? [recycling.revenueUsd.lineage] : []),
        ...(capacity?.gw ? [capacity.gw.lineage] : [])
      )
    : null;
  // Whether the provider's group puts money into the lab (a rebate in the supplier's own stock is not an investment).
  const invests = recycling.investmentFirmUsd.value > 0 || recycling.investmentMaxUsd.value > 0;
  // A capacity figure for part of the hardware is never called the ceiling (critic s9: AO's 2 GW is Trainium only).
  const name = capacityName(deal.capacity);
  return [
    {
      topic: "Capacity certainty",
      lab: {
        effect: "benefit",
        text: "Capacity reserved on a schedule, ahead of rivals.",
        figure: fig(
          commitment?.ceilingGwYears,
          (f) =>
            `${name === "the ceiling" ? `${bounded(commitment!.ceilingGw!.value, commitment!.ceilingGw!.bound, gw)} ceiling` : `${bounded(commitment!.ceilingGw!.value, commitment!.ceilingGw!.bound, gw)} of ${name.replace(/^the /, "")}`}: ${figureText(f.value, "gw-years", f.bound)} over the term`
        )
      },
      provider: {
        effect: "cost",
        text: "Must build the capacity before the spend arrives.",
        figure: fig(commitment?.coverage, (f) => `the spend pays for ${bounded(f.value, f.bound, pct)} of ${name}'s GW-years`)
      }
    },
    {
      topic: "Demand backstop",
      lab: {
        effect: "cost",
        text: "An obligation to spend whether or not its own demand comes.",
        figure: fig(
          commitment?.totalUsd,
          (f) =>
            `${figureText(f.value, "usd", f.bound)} ${commitment!.years.words ? `for ${commitment!.years.words}` : `over ${sig(commitment!.years.value)} years`}`
        )
      },
      provider: {
        effect: "benefit",
        text: "Booked revenue that backs its capital spending.",
        figure: commitment
          ? {
              // The year of most spend in the model's spread of the commitment: a model figure, "about" whatever the
              // commitment's own bound (critic s6 #15: "over $11.7B" was 100 ÷ 8.55, a spread, not a floor).
              text: `${withBound(usd(peak), "about")} in a full year of spend`,
              lineage: peakLineage!
            }
          : null
      }
    },
    {
      topic: "Pricing and lock-in",
      lab: {
        effect: "benefit",
        text: "A price per GW-year set for the term.",
        figure: fig(
          commitment?.costPerGwYear.contract,
          (f) => `${usd(f.value)} per GW-year, against ${usd(commitment!.costPerGwYear.buildUp.value)} built up from the provider's costs`
        )
      },
      provider: {
        effect: "benefit",
        text: commitment
          ? `A margin on every GW-year for ${commitment.years.words ?? termWords(commitment.years.value)}.`
          : "A margin on every GW-year of the term.",
        figure: fig(
          recycling.operatingProfitUsd,
          (f) => `${figureText(f.value, "usd", f.bound)} of operating profit${operatingProfitBasis(view.recycling, marginRef)}`
        )
      }
    },
    {
      topic: "Switching costs",
      lab: {
        effect: "cost",
        text: chips ? "Software tuned to the provider's chips; moving costs time." : "Workloads tied to one platform; moving costs time.",
        figure: commitment
          ? {
              text: `${commitment.years.words ? `a term of ${commitment.years.words}` : `${sig(commitment.years.value)}-year term`}${chips ? ` on ${chips} named chip generation${chips > 1 ? "s" : ""}` : ""}`,
              lineage: commitment.years.lineage
            }
          : null
      },
      provider: {
        effect: "benefit",
        text: "A customer that stays on its silicon and services.",
        figure: fig(
          capacity?.accelerators,
          (f) => `${bounded(f.value, f.bound, count)} accelerators ${name === "the ceiling" ? "at the ceiling" : `in ${name}`}`
        )
      }
    },
    {
      topic: "Perception risk",
      // Investor-shaped words only where the provider's group invests: a pure supplier is no investor.
      lab: invests
        ? {
            effect: "cost",
            text: "Seen as captive to one investor's cloud.",
            figure: fig(
              recycling.revenuePerDollarInvested,
              // The comparison's denominator, named: all the firm money to date (critic s14 #4).
              // A ceiling is money committed, not yet put in (critic s15 #8: Microsoft's up to $5B).
              (f) =>
                `the spend is ${bounded(f.value, f.bound, times, f.inclusive)} ${recycling.investmentFirmUsd.bound === "up-to" ? `the ${bounded(recycling.investmentFirmUsd.value, "up-to", usd)} its investor has committed` : "the firm money its investor has put in to date"}`
            )
          }
        : {
            effect: "cost",
            text: "Seen as dependent on one supplier for a large share of its compute.",
            figure: fig(commitment?.totalUsd, (f) => `${figureText(f.value, "usd", f.bound)} committed to one supplier`)
          },
      provider: invests
        ? {
            effect: "cost",
            text: "Seen as buying its own revenue (the recycling critique).",
            // Worded for what the figure is: this deal's new money, or (when the deal states none apart) all firm money.
            // Firm to every tranche paid, both said (critic s14 #4: "up to 5%" read as a ceiling where the new money
            // can reach 25%); "at most" where the commitment is a floor, so the shares can only be smaller.
            figure: recycling.investmentToCommitmentNew
              ? newMoneyShare(recycling.investmentToCommitmentNew, recycling.investmentToCommitmentNewMax, {
                  share: recycling.commitmentUsd ? recycling.newMoneyExpectedUsd.value / recycling.commitmentUsd.value : Number.NaN,
                  chance: view.assumptions["contingent-probability"]
                })
              : fig(recycling.investmentToCommitmentFirm, (f) =>
                  f.value > 0
                    ? `firm investment is ${bounded(f.value, f.bound, pct)} of the commitment`
                    : "no firm money is put in against the commitment"
                )
          }
        : {
            effect: "cost",
            text: "Seen as resting its growth on one customer's ability to pay.",
            figure: fig(recycling.capexUsd, (f) => `${figureText(f.value, "usd", f.bound)} of capex built for that customer`)
          }
    }
  ];
}

/**
 * The provider's new money as a share of the commitment, firm and with every contingent tranche paid: "new money is
 * 5% (firm) to 25% (every tranche paid) of the commitment, at most (the commitment is a floor)"; one share where the
 * two agree; "no new money …" at none.
 */
export function newMoneyShare(
  firm: Figure,
  max: Figure | null | undefined,
  expected?: {share: number; chance: number}
): {text: string; lineage: Figure["lineage"]} {
  if (!(firm.value > 0) && !(max && max.value > 0)) return {text: "no new money is put in against the commitment", lineage: firm.lineage};
  const floor = firm.bound === "up-to" ? ", at most (the commitment is a floor)" : "";
  const range = max && max.value > firm.value * (1 + 1e-9);
  // The expected share between the two, the basis the market briefing ranks the deals on (critic s15 #9: its "about
  // 24% of its commitment" for Amazon → OpenAI appeared in no deal briefing).
  const middle =
    expected && Number.isFinite(expected.share) && expected.share > firm.value && max && expected.share < max.value
      ? `, ${pct(expected.share)} expected (each contingent tranche at the editors' ${pct(expected.chance)} chance),`
      : "";
  return {
    text: range
      ? `new money is ${firm.bound === "about" ? "about " : ""}${pct(firm.value)} (firm)${middle} to ${pct(max.value)} (every tranche paid) of the commitment${floor}`
      : `new money is ${bounded(firm.value, firm.bound, pct)} of the commitment`,
    lineage: range ? mergeLineage(firm.lineage, max.lineage) : firm.lineage
  };
}

function CellView(cell: Cell, party: string): HTMLElement {
  return el(
    "td",
    {"data-party": party},
    el("span", {class: `tradeoff-effect tradeoff-effect--${cell.effect}`}, cell.effect),
    " ",
    cell.text,
    el(
      "div",
      {class: "tradeoff-figure"},
      cell.figure ? [`Rests on: ${cell.figure.text}`, DerivedBadge(cell.figure.lineage)] : "No figure in the data for this deal."
    )
  );
}

/** Returns the benefits/costs table: one row per topic, a column per party, each cell naming its figure. */
export function CommitmentTradeoffTable(
  deal: Deal,
  view: DealView,
  {lab, provider, marginRef = ""}: {lab: string; provider: string; marginRef?: string}
): HTMLElement {
  return el(
    "table",
    {class: "tradeoff-table"},
    el(
      "thead",
      {},
      el("tr", {}, el("th", {}, "What the commitment does"), el("th", {}, `For ${lab} (lab)`), el("th", {}, `For ${provider} (provider)`))
    ),
    el(
      "tbody",
      {},
      tradeoffRows(deal, view, marginRef).map((row) =>
        el("tr", {}, el("th", {scope: "row"}, row.topic), CellView(row.lab, lab), CellView(row.provider, provider))
      )
    )
  );
}

/** Returns a term in words: "a decade" for 10 years, "5 years" otherwise. */
export function termWords(years: number): string {
  return years === 10 ? "a decade" : `${sig(years)} year${years === 1 ? "" : "s"}`;
}
