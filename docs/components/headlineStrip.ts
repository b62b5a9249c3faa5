/** The founding deal in big numbers: the figures a reader repeats, each with its bound and provenance. */
import type {Company, Deal, Source} from "../lib/core.js";
import {capacityLabel, headlineTerms, providerGroupInvestors, quotientProvenance} from "../lib/core.js";
import {type Child, el} from "./dom.js";
import {date, derivedText, figureText, moneyTermText} from "./format.js";
import {Badge, DerivedBadge} from "./provenance.js";

interface Options {
  sources: Record<string, Source>;
  index?: Record<string, number>;
  /** Company id → name. */
  companies?: Record<string, string>;
  /**
   * Every company (with its parent): the spend-per-dollar ratio then counts only the money of the investors in the
   * provider's group (providerGroupInvestors), as the recycling figures do (Microsoft's $5B beside Azure, not
   * Nvidia's $10B too). Without it, every investor.
   */
  companyList?: Company[];
}

function card(label: string, value: string, badge: Node, note: Child, figure: string): HTMLElement {
  return el(
    "div",
    {class: "card headline"},
    el("h2", {}, label),
    el("div", {class: "big", "data-figure": figure}, value),
    badge,
    el("p", {class: "card-foot"}, note)
  );
}

/** Returns cards for the deal's fresh money, firm total, contingent money, commitment and capacity. */
export function HeadlineStrip(deal: Deal, options: Options): HTMLElement {
  const {sources, index} = options;
  const terms = headlineTerms(deal);
  const cards: HTMLElement[] = [];
  // The latest tranche is a card of its own only when it is not the whole firm total (one tranche: the same figure twice).
  const latestIsFirm = terms.latest && terms.firm && terms.firm.fact === terms.latest.tranche.amount;
  if (terms.latest && !latestIsFirm) {
    const {tranche, usd: amount} = terms.latest;
    cards.push(
      card(
        "Fresh investment",
        figureText(amount, "usd", tranche.amount.bound, tranche.amount.status),
        Badge(tranche.amount, {sources, index, key: `${deal.id}.investment.latest`}),
        `${tranche.label}, ${date(tranche.date)}`,
        "investment.latest"
      )
    );
  }
  if (terms.firm) {
    const key = `${deal.id}.investment.firm`;
    const badge = terms.firm.fact
      ? Badge(terms.firm.fact, {sources, index, key})
      : DerivedBadge(terms.firm.lineage, {key, value: moneyTermText(terms.firm)});
    const foot = latestIsFirm ? `${terms.firm.label}, ${date(terms.latest!.tranche.date)}` : terms.firm.label;
    cards.push(card("Invested in total (firm)", moneyTermText(terms.firm), badge, foot, "investment.firm"));
  }
  if (terms.contingent) {
    const key = `${deal.id}.investment.contingent`;
    const badge = terms.contingent.fact
      ? Badge(terms.contingent.fact, {sources, index, key})
      : DerivedBadge(terms.contingent.lineage, {key, value: moneyTermText(terms.contingent)});
    const conditions = deal.tranches
      .filter((t) => !t.firm)
      .map((t) => t.condition)
      .filter(Boolean);
    // What the deal's card also said: the most it comes to if every condition is met, with its own badge.
    const most = terms.max
      ? [
          `; in all if every condition is met, ${moneyTermText(terms.max)}`,
          // The badge right after the figure it qualifies, as every other figure's.
          terms.max.fact
            ? Badge(terms.max.fact, {sources, index, key: `${deal.id}.investment.max`})
            : DerivedBadge(terms.max.lineage, {key: `${deal.id}.investment.max`, value: moneyTermText(terms.max)})
        ]
      : [];
    cards.push(
      card("More on conditions", moneyTermText(terms.contingent), badge, [conditions.join("; "), ...most], "investment.contingent")
    );
  }
  for (const {commitment, usd: amount} of terms.commitments) {
    cards.push(
      card(
        "Compute commitment",
        figureText(amount, "usd", commitment.amount.bound, commitment.amount.status),
        Badge(commitment.amount, {sources, index, key: `${deal.id}.commitments.${commitment.id}.amount`}),
        // The term carries its own badge: it is often the editors' assumption where the amount is sourced.
        [
          `over ${figureText(commitment.years.value, "years", commitment.years.bound, commitment.years.status)}`,
          Badge(commitment.years, {sources, index, key: `${deal.id}.commitments.${commitment.id}.years`}),
          ` from ${date(commitment.start)}: ${commitment.platform}`
        ],
        "commitment.total"
      )
    );
  }
  if (deal.capacity) {
    const c = deal.capacity.ceiling;
    const next = deal.capacity.schedule[0];
    cards.push(
      card(
        // The key box's label: "Trainium capacity (part of the deal)" is no ceiling, "over 10 GW" a floor (capacityLabel).
        capacityLabel(deal.capacity),
        figureText(c.value, c.unit, c.bound, c.status),
        Badge(c, {sources, index, key: `${deal.id}.capacity.ceiling`}),
        next
          ? [
              `${figureText(next.gw.value, next.gw.unit, next.gw.bound, next.gw.status)} by ${date(next.by)}`,
              Badge(next.gw, {sources, index, key: `${deal.id}.capacity.schedule.${next.by}`})
            ]
          : "no dated schedule",
        "capacity.ceiling"
      )
    );
  }
  // The ratio is per investor: only the provider's group's money is set against the spend with the provider.
  const group = options.companyList ? providerGroupInvestors(options.companyList, deal) : undefined;
  const own =
    group && group.length < deal.investors.length
      ? headlineTerms({...deal, tranches: deal.tranches.filter((t) => group.includes(t.investor))})
      : terms;
  const firmOwn = own.firm;
  const whose = own === terms ? "" : ` ${group!.map((id) => options.companies?.[id] ?? id).join(" and ")}`;
  if (firmOwn && terms.committed) {
    const ratio = terms.committed.usd / firmOwn.usd;
    // Spend ÷ money invested: an "up to" investment makes the ratio "at least" (the comparison's quotient rule).
    const {bound} = quotientProvenance(terms.committed, firmOwn);
    const text = derivedText({value: ratio, unit: "ratio", bound});
    cards.push(
      card(
        `Spend committed per dollar${whose} invested`,
        text,
        DerivedBadge(
          {
            inputs: [...terms.committed.lineage.inputs, ...firmOwn.lineage.inputs],
            status: terms.committed.lineage.status === "confirmed" ? firmOwn.lineage.status : terms.committed.lineage.status
          },
          {key: `${deal.id}.ratio.commitmentToInvestment`, value: text}
        ),
        `${moneyTermText(terms.committed)} committed ÷ ${moneyTermText(firmOwn)} invested${whose ? ` by${whose}` : ""}`,
        "ratio.commitmentToInvestment"
      )
    );
  }
  return el("div", {class: "headline-strip"}, cards);
}

/**
 * Returns a sentence card comparing another deal by the same investor: "Two months earlier, Amazon agreed to put
 * $50B ($15B of it firm) into OpenAI's $110B round at $730B pre-money as announced (it closed at $122B)", every figure
 * from the data with its badge ("put" when all the money is firm).
 */
export function SiblingDeal(
  deal: Deal,
  founding: Deal,
  {sources, index, companies}: Options & {companies: Record<string, string>}
): HTMLElement {
  const terms = headlineTerms(deal);
  const round = [...deal.valuations].filter((v) => v.raised || v.preMoney).sort((a, b) => (a.date < b.date ? -1 : 1))[0];
  const months = Math.round((Date.parse(founding.announced) - Date.parse(deal.announced)) / (30.44 * 86_400_000));
  const when =
    months > 0
      ? `${months === 1 ? "One month" : `${months === 2 ? "Two" : months} months`} earlier`
      : months < 0
        ? `${-months} months later`
        : "The same month";
  const investor = deal.investors.map((id) => companies[id] ?? id).join(" and ");
  const total = terms.max ?? terms.firm;
  // Money on conditions is not put in yet: "agreed to put $50B ($15B of it firm)", "put" only when all of it is firm.
  const conditional = Boolean(terms.max && (!terms.firm || terms.max.usd > terms.firm.usd));
  const parts: (Node | string)[] = [`${when}, ${investor} ${conditional ? "agreed to put" : "put"} `];
  if (total) parts.push(moneyTermText(total), total.fact ? Badge(total.fact, {sources, index}) : DerivedBadge(total.lineage));
  if (terms.firm && terms.max)
    parts.push(
      ` (${moneyTermText(terms.firm, {bare: true})} of it firm`,
      terms.firm.fact ? Badge(terms.firm.fact, {sources, index}) : DerivedBadge(terms.firm.lineage),
      ")"
    );
  parts.push(` into ${companies[deal.lab] ?? deal.lab}`);
  if (round?.raised)
    parts.push(
      `'s ${figureText(round.raised.value, round.raised.unit, round.raised.bound, round.raised.status)} round`,
      Badge(round.raised, {sources, index})
    );
  if (round?.preMoney)
    parts.push(
      ` at ${figureText(round.preMoney.value, round.preMoney.unit, round.preMoney.bound, round.preMoney.status)} pre-money`,
      Badge(round.preMoney, {sources, index})
    );
  // The round as it was announced when the investor joined it; a later close of it, if the data has one, beside it.
  const close = round?.raised
    ? [...deal.valuations].filter((v) => v.raised && v.date > round.date).sort((a, b) => (a.date < b.date ? 1 : -1))[0]
    : undefined;
  if (close?.raised)
    parts.push(
      ` as announced (it closed at ${figureText(close.raised.value, close.raised.unit, close.raised.bound, close.raised.status)}`,
      Badge(close.raised, {sources, index}),
      ")"
    );
  parts.push(".");
  if (terms.committed)
    parts.push(
      ` ${companies[deal.lab] ?? deal.lab} committed ${moneyTermText(terms.committed)} to ${companies[deal.provider] ?? deal.provider}.`
    );
  return el("p", {class: "sibling"}, ...parts);
}
