/**
 * The figures executive summaries can name (see src/site/placeholders.ts for the syntax): one flat table from
 * name to value, computed from the data with the core. Each contributor below adds a family of names; later
 * figures (capacity, commitment, recycling…) join by adding a contributor to FIGURE_SOURCES.
 */

import {factGw} from "../core/capacity/convert.js";
import type {HeadlineFigure} from "../core/changes.js";
import {isHistory, stageNoun} from "../core/comparison/dealStage.js";
import {capacityLabel, date, figureWords, monthYear, termText} from "../core/format/index.js";
import {headlineTerms, type MoneyTerm, toUsd} from "../core/headlines.js";
import {combineBounds} from "../core/lineage.js";
import type {Dataset, Deal, Fact} from "../core/model.js";
import type {DealProjection} from "../core/project/projectDeal.js";
import {marketMap} from "../core/recycling/marketMap.js";
import type {MarketDraws} from "../core/research/marketDraws.js";
import type {ScenarioColumn} from "../core/research/scenarioTable.js";
import {economicsFigures, headlineFigureNames, marketFigures} from "./callFigures.js";
import type {FigureValue} from "./placeholders.js";

/** What contributors compute from. */
export interface FigureInput {
  dataset: Dataset;
  /** The data version (a hash of the data files). */
  version: string;
  /** The projections the pages show, by deal id: the economics and market figures (callFigures.ts) need them. */
  projections?: Record<string, DealProjection>;
  /** The headline figures as the manifest records them; default computed from `projections`. */
  headlines?: HeadlineFigure[];
  /** Each deal's scenario columns as the site computed them (the market's bull / base / bear); default computed. */
  scenarios?: Record<string, ScenarioColumn[]>;
  /** The market's sums over common draws (marketDraws), as the site computed them; absent: no band on page 1. */
  marketDraws?: MarketDraws | null;
}

/** A family of figures: name → value pairs. */
export type FigureSource = (input: FigureInput) => Iterable<[string, FigureValue]>;

const text = (value: string): FigureValue => ({kind: "text", text: value});
const missing: FigureValue = {kind: "missing"};
const money = (term: MoneyTerm | null): FigureValue =>
  term
    ? {
        kind: "number",
        value: term.usd,
        unit: "usd",
        bound: term.bound,
        status: term.fact?.status ?? term.lineage.status,
        derived: !term.fact
      }
    : missing;

/** Figures about the dataset as a whole: `data.as-of`, `data.version`, `data.deals`, `data.sources`. */
export function* dataFigures({dataset, version}: FigureInput): Iterable<[string, FigureValue]> {
  yield ["data.as-of", text(date(dataset.asOf))];
  yield ["data.version", text(version)];
  yield ["data.deals", {kind: "number", value: dataset.deals.length, unit: "count"}];
  yield ["data.sources", {kind: "number", value: dataset.sources.length, unit: "count"}];
  // Live deals where the supplier invests in the lab and the lab's spend goes back to it (its cloud or its chips): the
  // market map's loops. A rebate in the supplier's own stock is not an investment; a superseded deal is history.
  yield ["data.deals-invested", {kind: "number", value: new Set(marketMap(dataset).loops.map((l) => l.deal)).size, unit: "count"}];
}

/**
 * Figures about each deal, named `<deal id>.<figure>`: name, investors, lab, provider, announced, as-of;
 * terms.latest, terms.latest-date, terms.firm, terms.contingent, terms.max (headlineTerms), terms.latest-round (every
 * tranche announced with the latest firm one: "$5B + up to $20B" is "up to $25B"), terms.earlier (firm money
 * before it); commitment.total,
 * commitment.years, commitment.count (how many contracts the commitment adds up), commitment.starts (each contract's
 * start, month and year: "Nov 2025 and Feb 2026"), commitment.start-years ("in 2025"), terms.firm-years (the years of
 * the firm tranches: "from 2019 to 2023"), terms.earlier-since (the year of the first firm tranche before the latest
 * one: "2023"); capacity.ceiling, capacity.label (capacityLabel), capacity.first, capacity.first-by; superseded-on (month and year); profile.capacity-language,
 * profile.hardware-angle, profile.governance-posture, profile.strategic-intent. Every deal has every name: what
 * its data does not state is "not disclosed"; the investment terms of a deal with no investment leg are "none".
 */
export function* dealFigures({dataset}: FigureInput): Iterable<[string, FigureValue]> {
  const companies = new Map(dataset.companies.map((c) => [c.id, c.name]));
  const name = (id: string) => companies.get(id) ?? id;
  for (const deal of dataset.deals) {
    const terms = headlineTerms(deal);
    // A deal with no tranche has no investment leg (Oracle, Broadcom; AMD and CoreWeave give the lab their own
    // stock, a rebate, not an investment): the answer is "none", not "not disclosed".
    const none = deal.tranches.length ? null : text("none");
    const first = deal.capacity?.schedule[0];
    const figures: Record<string, FigureValue> = {
      name: text(deal.name),
      investors: text(deal.investors.map(name).join(" and ")),
      lab: text(name(deal.lab)),
      provider: text(name(deal.provider)),
      announced: text(date(deal.announced)),
      "as-of": text(date(deal.asOf)),
      "terms.latest": terms.latest
        ? {
            kind: "number",
            value: terms.latest.usd,
            unit: "usd",
            bound: terms.latest.tranche.amount.bound,
            status: terms.latest.tranche.amount.status,
            derived: false
          }
        : (none ?? missing),
      "terms.latest-date": terms.latest ? text(date(terms.latest.tranche.date)) : (none ?? missing),
      "terms.firm": none ?? money(terms.firm),
      "terms.contingent": none ?? money(terms.contingent),
      "terms.max": none ?? money(terms.max),
      "terms.latest-round": latestRound(deal) ?? none ?? missing,
      "terms.earlier": earlierFirm(deal) ?? none ?? missing,
      "commitment.total": money(terms.committed),
      "commitment.years": commitmentYears(deal),
      "commitment.count": {kind: "number", value: deal.commitments.length, unit: "count"},
      // Dates a summary names come from the data, never typed (critic s9, CLOSING #16).
      "commitment.starts": deal.commitments.length
        ? text(listWords(sortedDates(deal.commitments.map((c) => c.start)).map(monthYear)))
        : missing,
      "commitment.start-years": deal.commitments.length ? text(yearsWords(deal.commitments.map((c) => c.start))) : missing,
      "terms.firm-years": deal.tranches.some((t) => t.firm)
        ? text(yearsWords(deal.tranches.filter((t) => t.firm).map((t) => t.date)))
        : missing,
      "terms.earlier-since": earlierSince(deal),
      "capacity.ceiling": deal.capacity ? fact(deal.capacity.ceiling) : missing,
      // What the capacity figure is called: a ceiling only when it is one (a floor, a part of the deal, capacity on top).
      "capacity.label": deal.capacity ? text(capacityLabel(deal.capacity)) : missing,
      // Present only when the capacity is contracted on top of the commitment, not what the commitment buys.
      "capacity.additional": deal.capacity?.beyondCommitment ? text("on top of the commitment") : missing,
      "capacity.first": first ? fact(first.gw) : missing,
      "capacity.first-by": first ? text(date(first.by)) : missing,
      "superseded-on": deal.supersededOn ? text(monthYear(deal.supersededOn.date)) : missing,
      "profile.capacity-language": text(deal.profile.capacityLanguage),
      "profile.hardware-angle": text(deal.profile.hardwareAngle),
      "profile.governance-posture": text(deal.profile.governancePosture),
      "profile.strategic-intent": text(deal.profile.strategicIntent)
    };
    for (const [key, value] of Object.entries(figures)) yield [`${deal.id}.${key}`, value];
  }
}

/** How many places each ranking names. */
const RANKED = 3;

/**
 * Rankings a summary can state without typing them, so the sentence changes when the data does: `rank.commitment-N`
 * (the N-th largest compute commitment in dollars, "OpenAI's to Oracle (about $300B)") and `rank.ceiling-N` (the
 * N-th largest capacity ceiling of a deal not superseded, named with its stage: "Broadcom's letter of intent with
 * OpenAI (up to 10 GW)", "AMD's deal with OpenAI (up to 6 GW)"), N = 1…3; a superseded deal is history and ranks in
 * neither. Ties keep the data's order. A place the data cannot fill is "not disclosed".
 */
export function* rankFigures({dataset}: FigureInput): Iterable<[string, FigureValue]> {
  const companies = new Map(dataset.companies.map((c) => [c.id, c.name]));
  const name = (id: string) => companies.get(id) ?? id;
  const live = dataset.deals.filter((d) => !d.supersededOn && !isHistory(d));
  const commitments = live
    .map((deal) => ({deal, term: headlineTerms(deal).committed}))
    .filter((d): d is {deal: Deal; term: MoneyTerm} => d.term !== null)
    .sort((a, b) => b.term.usd - a.term.usd);
  const ceilings = live
    .filter((deal) => deal.capacity)
    .map((deal) => ({deal, ceiling: deal.capacity!.ceiling, gw: factGw(deal.capacity!.ceiling)}))
    .sort((a, b) => b.gw - a.gw);
  for (let i = 0; i < RANKED; ++i) {
    const c = commitments[i];
    yield [
      `rank.commitment-${i + 1}`,
      c
        ? text(
            `${name(c.deal.lab)}'s to ${name(c.deal.provider)} (${figureWords({
              value: c.term.usd,
              unit: "usd",
              bound: c.term.bound,
              status: c.term.fact?.status ?? c.term.lineage.status,
              derived: !c.term.fact
            })})`
          )
        : missing
    ];
    const g = ceilings[i];
    yield [
      `rank.ceiling-${i + 1}`,
      g
        ? text(
            `${name(g.deal.provider)}'s ${stageNoun(g.deal.status)} with ${name(g.deal.lab)} (${figureWords({value: g.gw, unit: "gw", bound: g.ceiling.bound, status: g.ceiling.status})})`
          )
        : missing
    ];
  }
}

/** The contributors, in order. */
export const FIGURE_SOURCES: readonly FigureSource[] = [
  dataFigures,
  dealFigures,
  rankFigures,
  headlineFigureNames,
  economicsFigures,
  marketFigures
];

/**
 * Returns the table of every figure a summary can name, from every contributor in `sources` (default
 * FIGURE_SOURCES). Throws `invalid figure name: x (defined twice)` when two contributors define the same name.
 *
 * @example figureTable({dataset, version}).get("amazon-anthropic.terms.firm") // {kind: "number", value: 13e9, unit: "usd", bound: "exact"}
 */
export function figureTable(input: FigureInput, sources: readonly FigureSource[] = FIGURE_SOURCES): Map<string, FigureValue> {
  const table = new Map<string, FigureValue>();
  for (const source of sources) {
    for (const [name, value] of source(input)) {
      if (table.has(name)) throw new Error(`invalid figure name: ${name} (defined twice)`);
      table.set(name, value);
    }
  }
  return table;
}

function fact(f: Fact): FigureValue {
  return {kind: "number", value: f.value, unit: f.unit, bound: f.bound, status: f.status, derived: false};
}

/** Returns the commitments' term: "10 years", or each contract's term for several ("7–8 years (2 contracts)"). */
function commitmentYears(deal: Deal): FigureValue {
  const years = deal.commitments.map((c) => c.years.value);
  if (!years.length) return missing;
  // One length for every contract (CoreWeave's three of 5 years) is that term: "each over 5 years" reads in a sentence.
  if (new Set(years).size === 1) {
    const {status} = deal.commitments[0].years;
    return {kind: "number", value: years[0], unit: "years", status, derived: false};
  }
  // Each contract's own term: "7–8 years (2 contracts)", "5 years each (3 contracts)" (termText, critic s8 M14).
  return text(termText(deal.commitments.map((c) => c.years.value))!);
}

/** Returns the latest round: every tranche dated the newest firm tranche's date, firm or not ("up to" if any is contingent). */
function latestRound(deal: Deal): FigureValue | null {
  const latest = headlineTerms(deal).latest;
  if (!latest) return null;
  const round = deal.tranches.filter((t) => t.date === latest.tranche.date);
  const usd = round.reduce((s, t) => s + toUsd(t.amount), 0);
  const bound = round.some((t) => !t.firm) ? "up-to" : combineBounds(round.map((t) => t.amount.bound));
  return {kind: "number", value: usd, unit: "usd", bound};
}

/** Returns the firm money invested before the latest round ("none" without any), or null without tranches. */
/** ISO dates, oldest first, each once. */
function sortedDates(dates: readonly string[]): string[] {
  return [...new Set(dates)].sort();
}

/** "a", "a and b", "a, b and c". */
function listWords(items: readonly string[]): string {
  const unique = [...new Set(items)];
  return unique.length < 2 ? unique.join("") : `${unique.slice(0, -1).join(", ")} and ${unique.at(-1)}`;
}

/**
 * The years some dates fall in, for a sentence: "in 2025", "in 2025 and 2026", "from 2019 to 2023" (three or more
 * years apart). Every date a summary names comes from the data.
 *
 * @example yearsWords(["2019-07-22", "2023-01-24"]) // "from 2019 to 2023"
 */
export function yearsWords(dates: readonly string[]): string {
  const years = sortedDates(dates.map((d) => d.slice(0, 4)));
  if (years.length === 1) return `in ${years[0]}`;
  if (years.length === 2 && Number(years[1]) - Number(years[0]) === 1) return `in ${years[0]} and ${years[1]}`;
  return `from ${years[0]} to ${years.at(-1)}`;
}

/** The year of the first firm tranche before the latest one ("2023"), or "not disclosed" without one. */
function earlierSince(deal: Deal): FigureValue {
  const latest = headlineTerms(deal).latest;
  const earlier = latest ? deal.tranches.filter((t) => t.firm && t.date < latest.tranche.date) : [];
  // A tranche summing a period counts from the period's first day ("over $2B in 2023–24" is invested since 2023).
  return earlier.length ? text(sortedDates(earlier.map((t) => t.from ?? t.date))[0].slice(0, 4)) : missing;
}

function earlierFirm(deal: Deal): FigureValue | null {
  const latest = headlineTerms(deal).latest;
  if (!latest) return null;
  const earlier = deal.tranches.filter((t) => t.firm && t.date < latest.tranche.date);
  if (!earlier.length) return {kind: "text", text: "none"};
  const usd = earlier.reduce((s, t) => s + toUsd(t.amount), 0);
  return {kind: "number", value: usd, unit: "usd", bound: combineBounds(earlier.map((t) => t.amount.bound))};
}
