/**
 * The deal at a glance (one deal) and the deals at a glance (all of them): the deal cards, the deal's summary and
 * notes, its investment tranches and the article's comparison rows in words.
 */
import type {Deal, Fact} from "../../lib/core.js";
import {ChartCsv, TRANCHES} from "../chartDownloads.js";
import {DealCard} from "../dealCard.js";
import {el, trustedHtml} from "../dom.js";
import {date, figureText} from "../format.js";
import {Badge} from "../provenance.js";
import type {Section, SectionContext} from "./types.js";

type PublicDeal = Deal & {summaryHtml: string; notesHtml: string};

/** Returns the deal named by the context, or throws `invalid dealId: x` when there is none. */
function dealOf({data, dealId}: SectionContext): PublicDeal {
  const deal = data.deals.find((d) => d.id === dealId);
  if (!deal) throw new Error(`invalid dealId: ${dealId}`);
  return deal;
}

function cardOptions(data: SectionContext["data"]) {
  const companies: Record<string, string> = Object.fromEntries(data.companies.map((c: {id: string; name: string}) => [c.id, c.name]));
  return {sources: data.sourcesById, companies, index: data.sourceNumbers};
}

/** Returns a deal card whose title is an h3, so that in print the outline lists sections, not cards. */
function Card(deal: Deal, data: SectionContext["data"]): HTMLElement {
  const card = DealCard(deal, cardOptions(data));
  const heading = card.querySelector("h2");
  if (heading) {
    const h3 = el("h3", {});
    h3.append(...heading.childNodes);
    heading.replaceWith(h3);
  }
  return card;
}

/** Returns a fact's value in words with its badge, or an empty string for a missing fact. */
function factCell(fact: Fact | undefined, data: SectionContext["data"], key?: string): Node | string {
  if (!fact) return "";
  return el(
    "span",
    {},
    figureText(fact.value, fact.unit, fact.bound, fact.status),
    Badge(fact, {sources: data.sourcesById, index: data.sourceNumbers, key})
  );
}

/**
 * Returns the table of investment tranches: date, tranche, amount, firm or contingent, instrument; with `version`
 * (on screen), its "Data (CSV)" beneath (`tranches-<deal>` or, for rebates, `tranches-<deal>-rebates`).
 */
export function TrancheTable(deal: Deal, data: SectionContext["data"], tranches = deal.tranches, version?: string): HTMLElement {
  const table = TrancheRows(deal, data, tranches);
  if (version === undefined) return table;
  const name = tranches === deal.tranches ? deal.id : `${deal.id}-rebates`;
  return el("div", {class: "tranche-table-wrap"}, table, ChartCsv(TRANCHES, name, tranches, version));
}

function TrancheRows(deal: Deal, data: SectionContext["data"], tranches: readonly Deal["tranches"][number][]): HTMLElement {
  return el(
    "table",
    {class: "tranche-table"},
    el("thead", {}, el("tr", {}, el("th", {}, "Date"), el("th", {}, "Tranche"), el("th", {class: "num"}, "Amount"), el("th", {}, "Terms"))),
    el(
      "tbody",
      {},
      tranches.map((t) =>
        el(
          "tr",
          {},
          el("td", {class: "nowrap"}, date(t.date)),
          el("td", {}, t.label),
          el("td", {class: "num"}, factCell(t.amount, data, `${deal.id}.tranches.${t.id}.amount`)),
          el(
            "td",
            {},
            // A firm tranche of "up to" a sum is committed without a condition, not paid: "Firm" would read as the whole sum.
            [
              t.firm
                ? t.amount.bound === "up-to"
                  ? "Committed, no condition"
                  : "Firm"
                : `Contingent: ${t.condition ?? "conditions not disclosed"}`,
              t.instrument ? ` · ${t.instrument}` : ""
            ].join("")
          )
        )
      )
    )
  );
}

/** Returns the article's comparison rows for one deal, in words: capacity, hardware, governance, intent. */
export function ProfileList(deal: Deal): HTMLElement {
  const rows: [string, string][] = [
    ["Capacity language", deal.profile.capacityLanguage],
    ["Hardware angle", deal.profile.hardwareAngle],
    ["Governance posture", deal.profile.governancePosture],
    ["Strategic intent", deal.profile.strategicIntent]
  ];
  return el(
    "dl",
    {class: "profile-list"},
    rows.map(([term, text]) => [el("dt", {}, term), el("dd", {}, text)])
  );
}

export const dealOverview: Section = {
  id: "deal-overview",
  title: "The deal at a glance",
  perDeal: true,
  render(context) {
    const deal = dealOf(context);
    return el(
      "div",
      {class: "deal-overview"},
      trustedHtml(deal.summaryHtml, "dek"),
      el("div", {class: "keep"}, Card(deal, context.data)),
      el("h3", {}, "In words"),
      ProfileList(deal),
      deal.tranches.length
        ? [
            el("h3", {}, "Investment tranches"),
            TrancheTable(deal, context.data, deal.tranches, context.print ? undefined : context.data.version)
          ]
        : null,
      deal.rebates?.length
        ? [
            el("h3", {}, "Rebates in kind (not investments)"),
            el(
              "p",
              {class: "muted"},
              "The provider's own stock or warrants, given to the lab: the lab holds them and the provider gets no stake in the lab, so they count as a discount on the lab's purchases, never as money invested."
            ),
            TrancheTable(deal, context.data, deal.rebates, context.print ? undefined : context.data.version)
          ]
        : null,
      deal.notesHtml ? [el("h3", {}, "Notes"), trustedHtml(deal.notesHtml)] : null
    );
  }
};

export const dealsOverview: Section = {
  id: "deals-overview",
  title: "The deals at a glance",
  render({data}) {
    return el(
      "div",
      {class: "deal-list deals-overview"},
      data.deals.map((deal) => Card(deal, data))
    );
  }
};
