/**
 * The figures a briefing's call can name beyond the deal terms (figures.ts): each deal's headline figures under
 * their manifest keys (`<deal>.recycling.npv`, `<deal>.recycling.paybackYear`…, so a change to how a headline is
 * computed flows into every sentence that names it), the economics the call weighs (`<deal>.econ.*`), and the
 * cross-deal comparisons and rankings of the market call (`market.*`, `rank.npv-N.*`…). All are computed from the
 * projections the pages show; without projections (a check of names only) none of them is defined.
 */

import {factGw} from "../core/capacity/convert.js";
import {
  aboveZeroText,
  CEILING_FILLED,
  chanceText,
  chipAssumptions,
  clustersText,
  combineBounds,
  count as countText,
  type DealProjection,
  drawShareText,
  type Figure,
  figureWords,
  type HeadlineFigure,
  headlineFigures,
  heldMarginText,
  inputText,
  largestLevers,
  type MarketDraws,
  marketScenarios,
  medianBetweenClusters,
  numberWord,
  paybackEven,
  pct,
  presentValueAt,
  priceCapexCorner,
  providerGroupInvestors,
  quotientProvenance,
  renewalCases,
  roundSig,
  type ScenarioColumn,
  scenarioTable,
  shareAssumptions,
  skewedRanges,
  splitCauseText,
  type TornadoRow,
  type TwoClusters,
  toUsd,
  weakestStatus,
  withValue
} from "../core/index.js";
import type {Bound, Dataset, Deal} from "../core/model.js";
import type {FigureValue} from "./placeholders.js";
import {numberSources} from "./sourceNumbers.js";

/** What these figures are computed from (a part of figures.ts's CallFigureInput). */
export interface CallFigureInput {
  dataset: Dataset;
  projections?: Record<string, DealProjection>;
  headlines?: HeadlineFigure[];
  /** Each deal's scenario columns (scenarioTable), as the site computed them; default computed here from the data. */
  scenarios?: Record<string, ScenarioColumn[]>;
  /** The market's sums over common draws, as the site computed them (the P10–P90 of the summed cash NPV). */
  marketDraws?: MarketDraws | null;
}

const missing: FigureValue = {kind: "missing"};
const text = (value: string): FigureValue => ({kind: "text", text: value});

/**
 * Returns the source number of an assumption's source as the briefings print it, " [12]", or "" (docs' marginRef,
 * for page 1's figures, which are computed from the dataset before it is published).
 */
export function marginSourceRef(dataset: Dataset, assumptionId: string): string {
  return sourceRef(dataset, dataset.assumptions.find((a) => a.id === assumptionId)?.source);
}

/** Returns a source's number as the briefings print it after a figure, " [12]", or "" when it has none. */
export function sourceRef(dataset: Dataset, sourceId: string | undefined): string {
  const n = sourceId ? numberSources(dataset)[sourceId] : undefined;
  return n !== undefined ? ` [${n}]` : "";
}
const figure = (f: Figure | null | undefined): FigureValue =>
  f && Number.isFinite(f.value)
    ? {
        kind: "number",
        value: f.value,
        unit: f.unit,
        bound: f.bound,
        status: f.lineage.status,
        derived: true,
        ...(f.inclusive ? {inclusive: true} : {})
      }
    : missing;
const number = (value: number | null | undefined, unit: string, bound: Bound = "exact", derived = true): FigureValue =>
  value === null || value === undefined || !Number.isFinite(value)
    ? missing
    : {kind: "number", value, unit, bound, derived, status: "estimate"};

/**
 * A figure computed at the deal's capacity ceiling: "about 3.04 million or more" when that ceiling is a floor ("over 10
 * GW"); not "over 3.04 million", since at the floor itself the assumptions still spread it (critic s9 M14).
 */
const floorOf = (f: FigureValue, deal: Deal): FigureValue =>
  f.kind === "number" && deal.capacity?.ceiling?.bound === "at-least" ? {...f, orMore: true} : f;

/** The headline figures' names (core/changes.ts headlineFigures), defined for every deal even when none has them. */
export const HEADLINE_NAMES = [
  "investment.firm",
  "investment.max",
  "commitment",
  "commitment.gwYears",
  "recycling.investmentToCommitmentFirm",
  "recycling.npv",
  "recycling.paybackYear"
] as const;

/** The headline figures a call names, from the input's list or computed from its projections. */
function headlinesOf({dataset, projections, headlines}: CallFigureInput): HeadlineFigure[] | null {
  if (headlines) return headlines;
  return projections ? headlineFigures(dataset, projections) : null;
}

/**
 * Every deal's headline figures under their keys (`amazon-anthropic.recycling.npv`): every deal has every key any
 * deal has, "not disclosed" where its own list lacks it (a deal with no payback within its flows). A key the deal
 * terms already name (`capacity.ceiling`) keeps the terms' figure, the same fact.
 */
export function* headlineFigureNames(input: CallFigureInput): Iterable<[string, FigureValue]> {
  const list = headlinesOf(input);
  if (!list) return;
  const byKey = new Map(list.map((f) => [f.key, f]));
  // The names headlineFigures gives, whatever the data (a summary may name them though no deal has them now), and
  // any it gives beyond these.
  const names = [...new Set([...HEADLINE_NAMES, ...list.map((f) => f.key.slice(f.deal.length + 1))])]
    .filter((n) => n !== "capacity.ceiling")
    .sort();
  for (const deal of input.dataset.deals) {
    for (const name of names) {
      const f = byKey.get(`${deal.id}.${name}`);
      yield [
        `${deal.id}.${name}`,
        f ? {kind: "number", value: f.value, unit: f.unit, bound: f.bound, status: f.status, derived: f.derived ?? true} : missing
      ];
    }
  }
}

/**
 * New money in words as an expectation with its ceiling: "$15B expected (up to $25B)" when contingent tranches
 * weigh in (the expectation is neither a floor nor a ceiling, and "up to" belongs to the most that can be paid);
 * the figure with its own bound ("up to $5B", "$2B") when the expectation is the whole of it; "none" for zero. With
 * the chance each contingent tranche is weighted at, and the ceilings counted in full, in the parenthesis: the
 * words of {@link expectedMoneyParts} in one phrase, for a sentence.
 *
 * @example expectedMoneyText({value: 15e9, unit: "usd"}, {value: 25e9, unit: "usd", bound: "up-to"}, 0.5) // "$15B expected (up to $25B; each contingent tranche at the editors' 50% chance)"
 */
export function expectedMoneyText(
  expected: Pick<Figure, "value" | "unit">,
  max: Pick<Figure, "value" | "unit" | "bound">,
  probability?: number,
  ceilings: readonly string[] = []
): string {
  const {figure, notes} = expectedMoneyParts(expected, max, probability, ceilings);
  return notes.length ? `${figure.slice(0, -1)}; ${notes.join("; ")})` : figure;
}

/**
 * New money as a figure and the notes that qualify it, apart, for a key-figures box that prints the notes on a line
 * of their own (s15–s17: "$15B expected (up to $25B; each contingent tranche at the editors' 50% chance)" wrapped to
 * two lines in half a box): figure "$15B expected (up to $25B)", notes ["each contingent tranche at the editors' 50%
 * chance"] and, for a sum, "<deal>'s up to $5B counted in full". No notes where the expectation is the whole of it.
 *
 * @example expectedMoneyParts({value: 15e9, unit: "usd"}, {value: 25e9, unit: "usd", bound: "up-to"}, 0.5) // {figure: "$15B expected (up to $25B)", notes: ["each contingent tranche at the editors' 50% chance"]}
 */
export function expectedMoneyParts(
  expected: Pick<Figure, "value" | "unit">,
  max: Pick<Figure, "value" | "unit" | "bound">,
  probability?: number,
  ceilings: readonly string[] = []
): {figure: string; notes: string[]} {
  if (expected.value === 0 && max.value === 0) return {figure: "none", notes: []};
  const words = (value: number, bound?: Figure["bound"], bare = false) => figureWords({value, unit: "usd", bound, derived: true}, {bare});
  if (Math.abs(max.value - expected.value) <= 1e-9 * Math.abs(max.value)) return {figure: words(max.value, max.bound), notes: []};
  return {
    figure: `${words(expected.value, undefined, true)} expected (up to ${words(max.value, undefined, true)})`,
    notes: [
      // The weight is the editors' assumption, not odds any deal states (critic s14 #7): said next to the figure.
      probability === undefined ? "" : `each contingent tranche at the editors' ${inputText(probability, "fraction")} chance`,
      // A sum's part stated as a ceiling ("up to $5B") counts at that ceiling: said, so the bound is not lost (critic s15 #8).
      ceilings.length ? `${ceilings.join(" and ")} counted in full` : ""
    ].filter(Boolean)
  };
}

/**
 * The parts of the market's new money stated only as a ceiling and counted at it: a deal whose new money is "up to"
 * with no contingent tranche (its expected money is its ceiling), as "Microsoft + Nvidia → Anthropic's up to $5B".
 */
export function ceilingParts(parts: readonly {name: string; expected: Figure; max: Figure}[]): string[] {
  return parts
    .filter(({expected, max}) => max.bound === "up-to" && max.value > 0 && Math.abs(max.value - expected.value) <= 1e-9 * max.value)
    .map(({name, max}) => `${name}'s up to ${figureWords({value: max.value, unit: "usd", derived: true}, {bare: true})}`);
}

/**
 * The present value, at `rate` to 1 January of `valuationYear`, of `totalUsd` paid in equal parts each year from
 * `firstYear` to `lastYear` (inclusive), each year's part discounted as the cash NPV discounts that year's flow
 * (× (1 + rate)^(valuationYear − year)): the rough worth of a capped return "if the cap is reached". NaN for an
 * empty span.
 *
 * @example evenPaymentsPv(38e9, 2026, 2030, 0.1, 2026) // 7.6e9 × (1 + 1/1.1 + 1/1.1² + 1/1.1³ + 1/1.1⁴) ≈ 31.7e9
 */
export function evenPaymentsPv(totalUsd: number, firstYear: number, lastYear: number, rate: number, valuationYear: number): number {
  const years = lastYear - firstYear + 1;
  if (!(years > 0)) return Number.NaN;
  let pv = 0;
  for (let year = firstYear; year <= lastYear; ++year) pv += (totalUsd / years) * (1 + rate) ** (valuationYear - year);
  return pv;
}

/** The words of a figure computed by a model ("about"), as a sentence sets it: "about $31.7B". */
const about = (value: number, unit: string) => figureWords({value, unit, bound: "about", derived: true});

/**
 * The chance of a corner of two correlated draws, in words that keep to what the model knows: "about a 3% chance";
 * below 1%, one in a number rounded to one significant figure ("about a 1 in 20,000 chance", for 0.0041%: not a
 * share of the 10,000 draws, which such a corner is less than one of).
 *
 * @example cornerChance(0.000041) // "about a 1 in 20,000 chance under that correlation"
 */
export function cornerChance(probability: number): string {
  return `${chanceText(probability)} under that correlation`;
}

/**
 * A return outside the commitment in words: what it is worth today if its cap is reached, beside the cap ("worth about
 * $31.7B today if its $38B cap is reached": a cap's own "up to" is the word cap), so the present value is not read as
 * the cap.
 */
const capWorth = (x: {pvUsd: number; capUsd: number; capBound: Bound}) =>
  `worth ${about(x.pvUsd, "usd")} today if its ${figureWords({value: x.capUsd, unit: "usd", bound: x.capBound, derived: false}, {bare: true})} cap is reached`;

/**
 * A deal's returns outside the commitment (otherReturns: OpenAI's revenue share to Microsoft), each at its cap paid
 * evenly from the valuation year to its end, discounted at the NPV's rate: a rough value "if the cap is reached", not
 * counted in any cash figure. Null when the deal has none.
 */
export function otherReturnsPv(
  deal: Deal,
  rate: number,
  valuationYear: number
): {label: string; capUsd: number; capBound: Bound; pvUsd: number; until: number}[] {
  return (deal.otherReturns ?? []).flatMap((x) => {
    const until = x.until ? Number(x.until.slice(0, 4)) : Number.NaN;
    const cap = toUsd(x.amount);
    if (!Number.isFinite(until) || until < valuationYear) return [];
    return [
      {
        label: x.label,
        capUsd: cap,
        capBound: x.amount.bound ?? "exact",
        pvUsd: evenPaymentsPv(cap, valuationYear, until, rate, valuationYear),
        until
      }
    ];
  });
}

/**
 * A lessee's rent still owed after the term (paid in the last year of the flows), discounted to the valuation year at
 * the NPV's rate; null for an owner or without flows.
 */
export function leaseTailPv(p: DealProjection): number | null {
  const r = p.recycling;
  const lastFlow = r?.flows.length ? r.flows[r.flows.length - 1].year : null;
  return r?.leaseTailUsd && lastFlow !== null
    ? presentValueAt(r.leaseTailUsd, lastFlow, p.assumptions["discount-rate"], r.valuationYear)
    : null;
}

/** The year the deal's spend ends (the last year of its commitment's spend), or null without a commitment. */
export function termEndYear(p: DealProjection): number | null {
  // The cash flows' last year of spend: later than the contract's stated end when a built-out deal's use runs on.
  const spent = (p.recycling?.flows ?? []).filter((f) => f.spend > 0);
  if (spent.length) return spent[spent.length - 1].year;
  const years = p.commitment?.perYear ?? [];
  return years.length ? years[years.length - 1].year : null;
}

/**
 * Each deal's economics, named `<deal>.econ.<name>`: npv-base (the cash NPV at every assumption's base value),
 * operating-profit-base (the operating profit there, as margin × revenue at base), capex, provider-cash (cash over the term after capex, undiscounted), operating-profit, margin, discount-rate,
 * new-money (this deal's new money, contingent tranches weighted: an expectation, "about"), new-money-max (if every
 * contingent tranche is paid), new-money-expected (the two in words, with the chance: "$15B expected (up to $25B; each
 * contingent tranche at the editors' 50% chance)"), new-money-figure and new-money-notes (the same apart, "$15B expected
 * (up to $25B)" and "each contingent tranche at the editors' 50% chance", one note a line, "" for none), new-share (new firm money ÷ commitment),
 * revenue-per-dollar, gw-years, ceiling-gw-years, coverage (GW-years bought ÷ what the ceiling supplies over the
 * term), term-end (the last year of spend), relationship-npv (median of the same draws as the NPV), npv-with-residual
 * (the NPV with the capacity's value at term end), revenue (the lab's spend: its stated commitment, less only when
 * it receives less capacity than that pays for; what the cash figures are computed on); and at the capacity ceiling
 * accelerators, h100e (Epoch AI's 8-bit H100-equivalents), energy-twh (a year's energy) and load-factor (the average
 * load it assumes). What a deal lacks is missing. Also `<deal>.status.letter-of-intent`, `<deal>.status.superseded`
 * and `<deal>.status.commitment-floor` (the dollar commitment is a floor, "over"), 1 or 0, for conditions.
 */
export function* economicsFigures({dataset, projections}: CallFigureInput): Iterable<[string, FigureValue]> {
  if (!projections) return;
  for (const deal of dataset.deals) {
    const p = projections[deal.id];
    const r = p?.recycling;
    const c = p?.commitment;
    const flows = Boolean(r?.flows.length);
    const money =
      flows && r && p ? expectedMoneyParts(r.newMoneyExpectedUsd, r.newMoneyMaxUsd, p.assumptions["contingent-probability"]) : null;
    const figures: Record<string, FigureValue> = {
      // 1 when the headline NPV is the median of the draws (a base case beside it), 0 when it is the base case itself.
      "npv-median": {kind: "number", value: r?.npvUsd && r.baseCase ? 1 : 0, unit: "count"},
      "npv-base": number(r?.baseCase ? r.baseCase.npvUsd : r?.npvUsd?.value, "usd", r?.npvUsd?.bound),
      capex: figure(r?.capexUsd),
      revenue: figure(r?.revenueUsd),
      "provider-cash": figure(r?.providerCashUsd),
      "operating-profit": figure(r?.operatingProfitUsd),
      // At every assumption's base value, as the margin and the capex a sentence sets beside it (the figure above is
      // the draws' median): "35% of $100B is $35B" must hold in print.
      "operating-profit-base": number(
        r?.baseCase ? r.baseCase.operatingProfitUsd : r?.operatingProfitUsd?.value,
        "usd",
        r?.operatingProfitUsd?.bound
      ),
      // An input, written as the data states it ("41.5%", as the cards print it), not rounded as a computed figure, with
      // its source number as every other print of it carries (marginRef on the cards, the Scope and the critique; s16:
      // page 1's "(it reports 35.4%)" had none).
      margin: flows && r ? text(`${inputText(r.margin.value, "fraction")}${marginSourceRef(dataset, r.margin.id)}`) : missing,
      "discount-rate": p ? number(p.assumptions["discount-rate"], "fraction", "exact", false) : missing,
      "new-money": flows && r ? figure(r.newMoneyExpectedUsd) : missing,
      "new-money-max": flows && r ? figure(r.newMoneyMaxUsd) : missing,
      "new-money-expected":
        flows && r && p
          ? text(expectedMoneyText(r.newMoneyExpectedUsd, r.newMoneyMaxUsd, p.assumptions["contingent-probability"]))
          : missing,
      // The same apart, for the key box: the figure, and its notes, one a line ("" for none).
      "new-money-figure": money ? text(money.figure) : missing,
      "new-money-notes": money ? text(money.notes.join("\n")) : missing,
      // The editors' chance that a contingent tranche is paid (an assumption the expected new money rests on).
      "contingent-probability": p
        ? ({...number(p.assumptions["contingent-probability"], "fraction", "exact", false), status: "assumption"} as FigureValue)
        : missing,
      "new-share": figure(r?.investmentToCommitmentNew),
      "revenue-per-dollar": figure(r?.revenuePerDollarInvested),
      "gw-years": figure(c?.gwYears.contract),
      "ceiling-gw-years": figure(c?.ceilingGwYears),
      coverage: figure(c?.coverage),
      "term-end": number(p ? termEndYear(p) : null, "year"),
      // The payback sentence with each year's basis named (critic s14 #3); missing without cash flows.
      "payback.words": flows && r ? text(paybackWords(r, p ? termEndYear(p) : null, p ? spendEndMedian(p) : null)) : missing,
      // The bold lead over it names its basis, so it holds quoted alone (critic s15 #10).
      "payback-lead": flows && r && r.paybackYear === null ? text(paybackLead(r)) : missing,
      "relationship-npv": figure(r?.relationship.npvUsd),
      "npv-with-residual": figure(r?.npvWithResidualUsd),
      // A floor times a constant is a floor: at "over 10 GW" the fleet and its energy are "over" too (critic s8 M3).
      accelerators: floorOf(figure(p?.capacity?.accelerators), deal),
      h100e: floorOf(figure(p?.capacity?.h100eFp8), deal),
      "energy-twh": floorOf(figure(p?.capacity?.energyTwhPerYear), deal),
      "load-factor": p?.capacity ? number(p.assumptions["load-factor"], "fraction", "exact", false) : missing
    };
    for (const [name, value] of Object.entries(figures)) yield [`${deal.id}.econ.${name}`, value];
    // The investors whose money the cash figures count (the provider's group), named when others invest beside them
    // (Microsoft + Nvidia → Anthropic: "Microsoft"), so a page says whose money a figure is: missing otherwise.
    const group = providerGroupInvestors(dataset.companies, deal);
    yield [
      `${deal.id}.econ.investor-group`,
      group.length && group.length < deal.investors.length
        ? text(group.map((id) => dataset.companies.find((c) => c.id === id)?.name ?? id).join(" and "))
        : missing
    ];
    yield* pricingFigures(deal.id, p);
    yield* leverFigures(dataset, deal, p);
    yield* otherReturnFigures(deal, p);
    yield* drawFigures(dataset, deal, p);
    // The deal's standing as numbers a condition can test (1 or 0): a letter of intent, superseded.
    yield [`${deal.id}.status.letter-of-intent`, {kind: "number", value: deal.status === "loi" ? 1 : 0, unit: "count"}];
    yield [`${deal.id}.status.superseded`, {kind: "number", value: deal.supersededOn ? 1 : 0, unit: "count"}];
    // 1 when the dollar commitment is a floor ("over $100B"): a sentence that calls it one holds only then.
    yield [`${deal.id}.status.commitment-floor`, {kind: "number", value: r?.commitmentUsd?.bound === "at-least" ? 1 : 0, unit: "count"}];
  }
}

/**
 * What the cash model is paid per GW-year, beside the market price the commitment page converts at
 * (`<deal>.econ.`): price (max(market price, commitment ÷ the GW-years the capacity supplies on schedule), what the
 * cash figures use), market-price (the revenue-per-gw-year assumption), price-above-market (1 when the cash model is
 * paid more than the market price, else 0), gw-years-paid (the lab's spend ÷ that price: the GW-years the cash model
 * delivers), coverage-paid (those GW-years ÷ what the ceiling supplies over the term; missing where the coverage is),
 * and npv-with-residual.words (", in cash (about $7.37B if the capacity left at the term's end is worth its book
 * value)" beside the cash NPV; "" without it).
 */
function* pricingFigures(id: string, p: DealProjection | undefined): Iterable<[string, FigureValue]> {
  const r = p?.recycling;
  const c = p?.commitment;
  const price = r?.pricePerGwYearUsd;
  const market = p ? p.assumptions["revenue-per-gw-year"] * 1e9 : Number.NaN;
  const paid = price && r?.revenueUsd && price.value > 0 ? r.revenueUsd.value / price.value : null;
  const ceiling = c?.ceilingGwYears?.value;
  // The cash model's price is above the market price (the commitment pays for more than the capacity supplies).
  const aboveMarket = !!price && price.value > market * (1 + 1e-9);
  yield [`${id}.econ.price`, figure(price)];
  yield [`${id}.econ.market-price`, number(market, "usd-per-gw-year", "exact", false)];
  yield [`${id}.econ.price-above-market`, {kind: "number", value: aboveMarket ? 1 : 0, unit: "count"}];
  yield [`${id}.econ.gw-years-paid`, number(paid, "gw-years", "about")];
  yield [`${id}.econ.coverage-paid`, paid !== null && c?.coverage && ceiling ? number(paid / ceiling, "fraction", "about") : missing];
  yield [`${id}.econ.capex-per-gw`, p ? number(p.assumptions["capex-per-gw"] * 1e9, "usd-per-gw", "exact", false) : missing];
  // The clause a call adds where the cash model's price is not the market price (Google → Anthropic, Oracle →
  // OpenAI): the price, its rule and the GW-years it is spread over, so the coverage and capex beside it reproduce.
  yield [
    `${id}.econ.price.words`,
    text(
      price && paid !== null && aboveMarket
        ? `; the cash figures take ${about(price.value, "usd-per-gw-year")} (the commitment ÷ the ${about(paid, "gw-years").replace(/^about /, "")} the capacity supplies in the term), not the model's ${inputText(market, "usd-per-gw-year")} market price`
        : ""
    )
  ];
  yield [`${id}.econ.npv-with-residual.words`, text(r ? npvBasisWords(r) : "")];
}

/**
 * The clause after a call's cash NPV that says which figure it is (one rule for every page 1: the headline is the
 * median of the draws, and the base case, every assumption at its base value, is named as such where it is shown):
 * " in cash, the median of its draws (about $1.48B if the capacity left at the term's end is worth its book value;
 * with every assumption at its base value about −$27.1B, and about −$3.1B with that value)". The base case is added
 * when it and the median lie on opposite sides of zero, for the cash NPV or the NPV with the term-end value, so a
 * reader never meets the other sign unlabelled elsewhere on the page. Without draws (no baseCase) the NPV is the
 * base case itself and is named so. "" without a cash NPV.
 */
export function npvBasisWords(
  r: Pick<DealProjection["recycling"], "npvUsd" | "npvWithResidualUsd" | "baseCase"> &
    Partial<Pick<DealProjection["recycling"], "facilityLeaseYears">>
): string {
  if (!r.npvUsd || !Number.isFinite(r.npvUsd.value)) return "";
  const withValue = r.npvWithResidualUsd && Number.isFinite(r.npvWithResidualUsd.value) ? r.npvWithResidualUsd.value : null;
  // A lessee's term-end value is two things (critic s8 H7): the IT's book value, and the leases it still owes rent on.
  const what =
    r.facilityLeaseYears != null
      ? "the IT left at the term's end is worth its book value and the leases still owed then are worth their rent"
      : "the capacity left at the term's end is worth its book value";
  const residual = withValue !== null ? `${about(withValue, "usd")} if ${what}` : "";
  if (!r.baseCase) return ` in cash, with every assumption at its base value${residual ? ` (${residual})` : ""}`;
  const differs = (a: number | null | undefined, b: number | null | undefined) =>
    a != null && b != null && Number.isFinite(a) && Number.isFinite(b) && Math.sign(a) !== Math.sign(b);
  const base = r.baseCase.npvUsd;
  const baseWith = r.baseCase.npvWithResidualUsd;
  const showBase = differs(r.npvUsd.value, base) || differs(withValue, baseWith);
  const baseWords =
    showBase && base != null
      ? `with every assumption at its base value ${about(base, "usd")}${residual && baseWith != null ? `, and ${about(baseWith, "usd")} with that value` : ""}`
      : "";
  const inside = [residual, baseWords].filter(Boolean).join("; ");
  return ` in cash, the median of its draws${inside ? ` (${inside})` : ""}`;
}

/** A lever's name in a sentence, by assumption id (else its label, lower-cased): "the price per GW-year". */
const LEVER_NAMES: Record<string, string> = {
  "revenue-per-gw-year": "the price per GW-year",
  "capex-per-gw": "capex per GW",
  "it-life": "the IT's useful life",
  "it-share": "the IT share of capex",
  "it-renewal-share": "the IT renewal rule",
  "facility-rent-per-gw-year": "the data centres' rent",
  "contingent-probability": "the odds the contingent money is paid",
  "discount-rate": "the discount rate",
  "opex-per-gw-year": "staff, maintenance and network costs",
  "asset-charge-rate": "property tax and insurance",
  "old-kit-price-share": "the price of kit past its life",
  "power-price": "the power price"
};

/** A lever in words with its range and the NPV at each end: "the price per GW-year ($7B to $15B per GW-year: about −$52.7B to $56.2B)". */
export function leverWords(
  row: Pick<TornadoRow, "id" | "label" | "low" | "high" | "valueAtLow" | "valueAtHigh">,
  unit?: string,
  lessee = false
): string {
  const ends = `${about(row.valueAtLow, "usd")} to ${figureWords({value: row.valueAtHigh, unit: "usd", bound: "about", derived: true}, {bare: true})}`;
  if (row.id === "terminal-value")
    return `counting the capacity left at the term's end at its book value${lessee ? ", and the leases still owed then as worth their rent" : ""} (without it ${about(row.valueAtLow, "usd")}, with it ${about(row.valueAtHigh, "usd")})`;
  if (row.id === "it-renewal-share")
    return `the IT renewal rule (from renewing IT whenever the term has a year left to renewing only when at least ${inputText(row.high, "fraction")} of a new kit's life is left: ${ends})`;
  if (row.id.startsWith("margin-")) return `the margin (${inputText(row.low, "fraction")} to ${inputText(row.high, "fraction")}: ${ends})`;
  const name = LEVER_NAMES[row.id] ?? row.label.charAt(0).toLowerCase() + row.label.slice(1);
  // "$7B to $15B per GW-year", "4 to 6 years": the unit's words once, after the range's high end.
  const [low, high] = unit ? [inputText(row.low, unit), inputText(row.high, unit)] : [];
  const suffix = low?.match(/ \D*$/)?.[0];
  const range = low && high ? `${suffix && high.endsWith(suffix) ? low.slice(0, -suffix.length) : low} to ${high}: ` : "";
  return `${name} (${range}${ends})`;
}

/**
 * What moves a deal's cash NPV, from its tornado at the base values (`<deal>.econ.`): levers.words (the two widest
 * bars, each with its range and the NPV at its ends: "the price per GW-year ($7B to $15B per GW-year: about −$52.7B
 * to $56.2B), then capex per GW (…)"), lever-1.crosses (1 when the widest bar's ends lie on opposite sides of zero);
 * renewal-flip (1 when the IT renewal rule's other end gives the base case the opposite sign) and renewal.words
 * (the two cases in words); margin-implied and operating-profit-implied (the margin the provider's cash flows
 * imply, beside its reported one, and the base case's operating profit at it); cash-cost-per-gw-year (the running
 * costs of a GW in use, from physical inputs, a lessee's rent included); lease-tail-pv (a lessee's rent owed after the term, discounted),
 * npv-base-ex-tail (the base NPV without it) and lease-tail-sign (1 when that turns the sign); provider-cash.words
 * (the rebate in kind the NPV nets but the undiscounted cash does not).
 */
function* leverFigures(dataset: Dataset, deal: Deal, p: DealProjection | undefined): Iterable<[string, FigureValue]> {
  const r = p?.recycling;
  const rows = p?.tornado?.["recycling.npvUsd"] ?? [];
  const unit = (id: string) => dataset.assumptions.find((a) => a.id === id)?.unit;
  const levers = r?.npvUsd ? largestLevers(rows, 2) : [];
  const lessee = r?.facilityLeaseYears != null;
  const lever = (row: TornadoRow) => leverWords(row, unit(row.id), lessee);
  yield [
    `${deal.id}.econ.levers.words`,
    levers.length ? text(`${lever(levers[0])} moves the NPV most${levers[1] ? `, then ${lever(levers[1])}` : ""}`) : missing
  ];
  yield [
    `${deal.id}.econ.levers.title`,
    levers.length ? text(levers[0].crossesZero ? "What moves the sign." : "The largest levers.") : missing
  ];
  yield [`${deal.id}.econ.lever-1.crosses`, {kind: "number", value: levers[0]?.crossesZero ? 1 : 0, unit: "count"}];
  const renewal = r?.npvUsd ? renewalCases(rows) : null;
  const share = renewal && p ? p.assumptions["it-renewal-share"] : undefined;
  yield [`${deal.id}.econ.renewal-flip`, {kind: "number", value: renewal?.flip ? 1 : 0, unit: "count"}];
  // Where the rule is one of the two levers named just before, its ends' NPVs are already in that sentence: the words
  // then give the base case's rule alone, not the same figures twice.
  const renewalNamed = levers.some((row) => row.id === "it-renewal-share");
  yield [
    `${deal.id}.econ.renewal.words`,
    renewal?.flip && share !== undefined
      ? text(
          renewalNamed
            ? `the base case renews IT that reaches the end of its life only when at least ${inputText(share, "fraction")} of a new kit's life is left in the term`
            : `the base case (${about(renewal.base, "usd")}) renews IT that reaches the end of its life only when at least ${inputText(share, "fraction")} of a new kit's life is left in the term; ${
                renewal.flip === "low"
                  ? `renewing whenever the term has a year left, the base NPV is ${about(renewal.atLow, "usd")}`
                  : `renewing only when at least ${inputText(renewal.high, "fraction")} of a new kit's life is left, the base NPV is ${about(renewal.atHigh, "usd")}`
              }`
        )
      : missing
  ];
  const implied = r?.impliedMargin ?? null;
  const opBase = r?.baseCase ? r.baseCase.operatingProfitUsd : r?.operatingProfitUsd?.value;
  yield [`${deal.id}.econ.margin-implied`, r?.npvUsd && implied !== null ? number(implied, "fraction", "about") : missing];
  // Where the provider has stated its own margin for a very large AI contract (Oracle's 35% gross margin), page 1 says
  // what the cash NPV would be with the flows held at it (heldMarginText: the same words as the card and the CLI).
  const provider = dataset.companies.find((c) => c.id === deal.provider);
  // The guidance cites its source as the reported margin does (s17 closing: Oracle's 35% carried no number).
  const held =
    r?.npvUsd && provider && r.heldMargin?.basis === "guidance"
      ? heldMarginText(provider.name, r, {ref: sourceRef(dataset, r.heldMargin.source)})
      : "";
  yield [`${deal.id}.econ.margin-guidance.words`, text(held ? ` ${held.charAt(0).toUpperCase()}${held.slice(1)}.` : "")];
  // The operating profit is the one the flows imply (at the base values, as the implied margin beside it).
  yield [
    `${deal.id}.econ.operating-profit-implied`,
    r?.npvUsd && implied !== null && opBase != null ? number(opBase, "usd", "about") : missing
  ];
  yield [`${deal.id}.econ.cash-cost-per-gw-year`, number(r?.npvUsd ? r.cashOpexPerGwYearUsd : null, "usd", "about")];
  const tailPv = p ? leaseTailPv(p) : null;
  const base = r?.baseCase?.npvUsd ?? r?.npvUsd?.value ?? null;
  yield [`${deal.id}.econ.lease-tail-pv`, number(tailPv, "usd", "about")];
  yield [`${deal.id}.econ.npv-base-ex-tail`, tailPv !== null && base !== null ? number(base + tailPv, "usd", "about") : missing];
  yield [
    `${deal.id}.econ.lease-tail-share`,
    tailPv !== null && base !== null && base < 0 ? number(tailPv / -base, "fraction", "about") : missing
  ];
  yield [
    `${deal.id}.econ.lease-tail-sign`,
    {kind: "number", value: tailPv !== null && base !== null && Math.sign(base) * Math.sign(base + tailPv) < 0 ? 1 : 0, unit: "count"}
  ];
  const rebate = r?.rebateExpectedUsd;
  const lab = dataset.companies.find((c) => c.id === deal.lab)?.name ?? deal.lab;
  yield [
    `${deal.id}.econ.provider-cash.words`,
    // The undiscounted cash is the base case's (every assumption at its base value), not the median of the draws the
    // NPV beside it is: the clause says so (critic s8 H1, Coreweave's page 1 paired the two unlabelled).
    text(
      [
        r?.baseCase && r.providerCashUsd ? "with every assumption at its base value" : "",
        rebate && rebate.value > 0 ? `not counting the ${figureWords(rebate)} rebate in kind to ${lab}, which the NPV nets` : ""
      ]
        .filter(Boolean)
        .join("; ")
        .replace(/^(.+)$/, " ($1)")
    )
  ];
}

/**
 * How the cash NPV's Monte Carlo draws fall (`<deal>.econ.`): npv-positive-share (the share of the draws above zero,
 * the same draws as its P10–P90), npv-split (1 when they split in two groups, twoClusters, else 0) and
 * npv-draws.words (a sentence for page 1: "The cash NPV is above zero in 57% of the 10,000 draws, and cumulative cash
 * turns positive within the deal in 52% of them; its draws split in two: …"). Missing without a cash NPV or draws.
 */
function* drawFigures(dataset: Dataset, deal: Deal, p: DealProjection | undefined): Iterable<[string, FigureValue]> {
  const id = deal.id;
  const r = p?.recycling;
  const share = r?.npvUsd ? r.npvPositiveShare : undefined;
  const draws = p?.uncertainty?.draws;
  if (!r?.npvUsd || share === undefined || !draws) {
    for (const name of ["npv-positive-share", "npv-split", "npv-draws.words", "payback-even.words", "payback-share"])
      yield [`${id}.econ.${name}`, missing];
    yield [`${id}.econ.payback-even`, {kind: "number", value: 0, unit: "count"}];
    return;
  }
  const c = r.npvClusters;
  yield [`${id}.econ.npv-positive-share`, number(share, "fraction", "exact", false)];
  yield [`${id}.econ.npv-split`, {kind: "number", value: c ? 1 : 0, unit: "count"}];
  const even = paybackEven(r.paybackNeverShare);
  yield [`${id}.econ.payback-even`, {kind: "number", value: even ? 1 : 0, unit: "count"}];
  yield [`${id}.econ.payback-share`, r.paybackNeverShare === undefined ? missing : text(drawShareText(1 - r.paybackNeverShare))];
  yield [`${id}.econ.payback-even.words`, even ? text(paybackEvenWords(r, p?.commitment ? termEndYear(p) : null)) : missing];
  // Said once: where the payback is at even odds its own sentence gives the share.
  const payback =
    r.paybackNeverShare === undefined || even
      ? ""
      : `, and cumulative cash turns positive within the deal in ${drawShareText(1 - r.paybackNeverShare)} of them`;
  const split = c ? `; ${clustersText(c, medianBetweenClusters(c, r.npvUsd.value))}` : "";
  yield [
    `${id}.econ.npv-draws.words`,
    text(`The cash NPV is ${aboveZeroText(share, draws)}${payback}${split}.${splitCauseWords(dataset, deal, c)}${signGapWords(p)}`)
  ];
}

/**
 * " The median lies below zero and the base case above it because most draws of two ranges fall on the side of their
 * base that lowers the NPV: term left needed to renew IT (83% of draws) and staff, … (76%)": said only where
 * the median cash NPV lies below zero and the base case above it, naming the ranges skewedRanges reads from the
 * deal's own tornado (critic s9 M18); "" elsewhere.
 */
export function signGapWords(p: DealProjection | undefined): string {
  const r = p?.recycling;
  const median = r?.npvUsd?.value;
  const base = r?.baseCase?.npvUsd;
  if (!p || median == null || base == null || !(median < 0 && base > 0)) return "";
  const ranges = skewedRanges(p.tornado?.["recycling.npvUsd"] ?? [], p.assumptions);
  if (!ranges.length) return "";
  // Short: each range's name and the share of its draws on the NPV's worse side (the ranges are in the methodology).
  const first = ranges.findIndex((g) => g.worseShare < 1);
  const words = ranges.map((g, i) => {
    const name = g.label.replace(/\s*\([^)]*\)$/, "");
    const share = g.worseShare >= 1 ? "every draw" : `${drawShareText(g.worseShare)}${i === first ? " of draws" : ""}`;
    return `${name.charAt(0).toLowerCase()}${name.slice(1)} (${share})`;
  });
  const n = ranges.length;
  const list = words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words.at(-1)}` : words[0];
  return ` The median lies below zero and the base case above it because most draws of ${numberWord(n)} ${n === 1 ? "range" : "ranges"} fall on the side of ${n === 1 ? "its" : "their"} base that lowers the NPV: ${list}.`;
}

/**
 * " What divides them most is …": the drawn input that best tells a split's two groups apart (TwoClusters.cause), in
 * the data's words with its threshold in its unit; "" without a split, a cause, or an input the data names.
 */
function splitCauseWords(dataset: Dataset, deal: Deal, c: TwoClusters | null | undefined): string {
  const cause = c?.cause;
  if (!c || !cause) return "";
  const input = drawnInput(dataset, deal, cause.id);
  if (!input) return "";
  const name = inputName(input);
  // A threshold found among the draws: a computed value, to two significant figures.
  const rounded = roundSig(cause.threshold, 2);
  const threshold = input.unit === "fraction" ? pct(rounded) : figureWords({value: rounded, unit: input.unit}, {bare: true});
  return ` ${splitCauseText({...c, cause}, name, threshold)}.`;
}

/**
 * " In both, the term left needed to renew IT (share of its life) divides them most.": the drawn input that best tells
 * the groups apart, named once when every split deal shares it, else deal by deal; "" when none is named.
 */
function splitCausesWords(dataset: Dataset, split: readonly Deal[], projections: Record<string, DealProjection>): string {
  const named = split.map((d) => ({deal: d, name: causeName(dataset, d, projections[d.id]?.recycling.npvClusters?.cause?.id)}));
  if (!named.length || named.some((n) => !n.name)) return "";
  if (new Set(named.map((n) => n.name)).size === 1)
    return ` ${named.length === 1 ? "There" : named.length === 2 ? "In both" : "In each"}, ${named[0].name} divides them most.`;
  return ` What divides them most: ${named.map((n) => `for ${n.deal.name}, ${n.name}`).join("; ")}.`;
}

/** The input `id` a deal's draws vary (an assumption, the deal's shares or its chips' figures), or undefined. */
function drawnInput(dataset: Dataset, deal: Deal, id: string | undefined) {
  if (!id) return undefined;
  const inputs = [
    ...dataset.assumptions,
    ...(deal.capacity ? [...shareAssumptions(deal), ...chipAssumptions(dataset.chips, deal.capacity.chips)] : [])
  ];
  return inputs.find((a) => a.id === id);
}

/** A drawn input in the data's words: "the term left needed to renew IT (share of its life)". */
const inputName = (input: {label: string}) => `the ${input.label.charAt(0).toLowerCase()}${input.label.slice(1)}`;

/** The drawn input `id` of a deal in the data's words, or "". */
function causeName(dataset: Dataset, deal: Deal, id: string | undefined): string {
  const input = drawnInput(dataset, deal, id);
  return input ? inputName(input) : "";
}

/**
 * Where a payback year falls against the year the spend ends (both on one basis): "before the spend ends in 2033",
 * "the year the spend ends, 2033", "after the spend ends in 2033" (a year after the last year of spend is still
 * cash from the deal: the capacity's use and its costs end with the spend, the capex can fall before it).
 */
export function paybackAgainstEnd(payback: number, termEnd: number | null): string {
  if (termEnd === null) return "";
  if (payback < termEnd) return `, before the spend ends in ${termEnd}`;
  if (payback === termEnd) return `, the year the spend ends`;
  return `, after the spend ends in ${termEnd}`;
}

/**
 * The payback sentence outside even odds, each year on a basis it names (critic s14 #3: "turns positive in about
 * 2034, with the spend ending in 2033" set the median draw's year beside the base case's last year of spend). The
 * spend's end is the base case's (the flows `termEndYear` reads), so it sits with the base case's payback; the
 * median draw's year is named as such (the share of draws that pay back is the draws sentence's, beside it):
 * "In the median of the draws cumulative cash turns positive in 2034; at every assumption's base value it does in
 * 2032, before the spend ends in 2033". Where the headline is the base case
 * itself (no draws), one clause: "Cumulative cash turns positive in 2032, before the spend ends in 2033".
 */
export function paybackWords(
  r: Pick<DealProjection["recycling"], "paybackNeverShare" | "baseCase" | "paybackYear">,
  termEnd: number | null,
  spendEnd: number | null = null
): string {
  const baseClause = (year: number | null) =>
    year !== null
      ? `turns positive in ${year}${paybackAgainstEnd(year, termEnd)}`
      : `is still below zero when the spend ends${termEnd !== null ? ` in ${termEnd}` : ""}`;
  if (!r.baseCase) return `Cumulative cash ${baseClause(r.paybackYear)}`;
  // The share of draws that pay back is the draws sentence's (npv-draws.words), which follows this one on page 1.
  const median =
    r.paybackYear !== null
      ? `In the median of the draws cumulative cash turns positive in ${figureWords({value: r.paybackYear, unit: "year", bound: "about", derived: true})}${medianAgainstEnd(r.paybackYear, termEnd, spendEnd)}`
      : "In the median of the draws cumulative cash does not turn positive within the deal";
  const base = r.baseCase.paybackYear;
  return `${median}; at every assumption's base value it ${base !== null ? `does in ${base}${paybackAgainstEnd(base, termEnd)}` : baseClause(null)}`;
}

/**
 * The bold lead of a payback takeaway where the headline does not pay back, naming its basis so it holds quoted alone
 * (critic s15 #10: Amazon → Anthropic's "No payback within the deal." stood over a base case paying back in 2035):
 * "No payback within the deal in the median draw" where the base case pays back, "… in the median draw or at the
 * base values" where neither does, "No payback within the deal" without draws (the headline is the base case).
 */
export function paybackLead(r: Pick<DealProjection["recycling"], "baseCase" | "paybackYear">): string {
  if (!r.baseCase) return "No payback within the deal";
  return r.baseCase.paybackYear !== null
    ? "No payback within the deal in the median draw"
    : "No payback within the deal, in the median draw or at the base values";
}

/**
 * Where the median draw's payback year falls after the base case's last year of spend (`termEnd`), the spend's end
 * in the median draw (`spendEnd`, the median of the draws' last year of spend), which is what "within the deal" counts
 * to in a draw (critic s15 #1: Microsoft → OpenAI's "about 2034" stood beside "the spend ends in 2033"): ", the year
 * the spend ends in the median draw (capacity that comes online later in a draw carries its spend past the base
 * case's 2033)"; "" where the year needs no such word.
 */
export function medianAgainstEnd(payback: number, termEnd: number | null, spendEnd: number | null): string {
  if (termEnd === null || spendEnd === null || payback <= termEnd) return "";
  return `${paybackAgainstEnd(payback, spendEnd)} in the median draw (capacity that comes online later in a draw carries its spend past the base case's ${termEnd})`;
}

/** The median of the draws' last year of spend (recycling.spendEndYear, rounded), or null without draws. */
export function spendEndMedian(p: DealProjection): number | null {
  const p50 = p.uncertainty?.figures["recycling.spendEndYear"]?.p50;
  return p50 !== undefined && Number.isFinite(p50) ? Math.round(p50) : null;
}

/**
 * The payback sentence where it is at even odds: "Cumulative cash turns positive within the deal in 50% of the
 * draws, so neither a payback year nor "no payback" stands for them; the spend runs to 2036, and with every
 * assumption at its base value the cash NPV is about −$7B and cumulative cash turns positive in 2035."
 */
export function paybackEvenWords(
  r: Pick<DealProjection["recycling"], "paybackNeverShare" | "npvUsd" | "baseCase" | "paybackYear">,
  termEnd: number | null
): string {
  const share = drawShareText(1 - (r.paybackNeverShare ?? 0));
  const base = r.baseCase ?? {npvUsd: r.npvUsd?.value ?? null, paybackYear: r.paybackYear};
  const basePayback =
    base.paybackYear != null
      ? `cumulative cash turns positive in ${base.paybackYear}${paybackAgainstEnd(base.paybackYear, termEnd)}`
      : `cumulative cash is still below zero when the spend ends${termEnd !== null ? ` in ${termEnd}` : ""}`;
  const npv = base.npvUsd != null ? `the cash NPV is ${about(base.npvUsd, "usd")} and ` : "";
  // The median draw's year (the CLI's and the card's) is named, as what a few draws decide.
  // How far the share is from half, in the draws per 100 the page prints, said plainly (critic s15 #9: "the median
  // draw's 'no payback' rests on a few of them" was opaque).
  const gap = Math.abs(Math.round((1 - (r.paybackNeverShare ?? 0)) * 100) - 50);
  const median = !r.baseCase
    ? ""
    : gap === 0
      ? " (half of them, so the median draw could fall either side)"
      : r.paybackYear !== null
        ? ` (just over half, so the median draw pays back, in ${figureWords({value: r.paybackYear, unit: "year", bound: "about", derived: true})}; with ${gap} fewer in 100 paying back it would not)`
        : ` (just under half, so the median draw never pays back; with ${gap} more in 100 paying back it would)`;
  // The spend's end is the base case's, so it is said with the base case's payback (critic s14 #3).
  return `Cumulative cash turns positive within the deal in ${share} of the draws${median}, so neither a payback year nor "no payback" stands for them; with every assumption at its base value ${npv}${basePayback}.`;
}

/**
 * A return outside the commitment (the deal's first otherReturns entry: OpenAI's revenue share to Microsoft), named
 * `<deal>.econ.other-return` (its cap as the data states it), `.label`, `.until` (its last year), `other-return-pv`
 * (the cap paid evenly from the valuation year to its end, discounted at the NPV's rate: "if the cap is reached") and
 * `other-return.compare.words` (the PV against the median cash NPV: "more than the median draw's loss of about
 * $33.2B" or "about 40% of the median draw's loss"). Missing without one.
 */
function* otherReturnFigures(deal: Deal, p: DealProjection | undefined): Iterable<[string, FigureValue]> {
  const r = p?.recycling;
  const x = p && r ? otherReturnsPv(deal, p.assumptions["discount-rate"], r.valuationYear)[0] : undefined;
  const fact = x ? deal.otherReturns?.find((o) => o.label === x.label)?.amount : undefined;
  yield [
    `${deal.id}.econ.other-return`,
    x && fact ? {kind: "number", value: x.capUsd, unit: "usd", bound: x.capBound, status: fact.status, derived: false} : missing
  ];
  yield [`${deal.id}.econ.other-return.label`, x ? text(x.label) : missing];
  yield [`${deal.id}.econ.other-return.until`, x ? number(x.until, "year") : missing];
  yield [`${deal.id}.econ.other-return-pv`, x ? number(x.pvUsd, "usd", "about") : missing];
  const npv = r?.npvUsd?.value;
  const base = r?.baseCase?.npvUsd ?? undefined;
  yield [`${deal.id}.econ.other-return.compare.words`, x && npv !== undefined ? text(compareReturn(x.pvUsd, npv, base)) : missing];
}

/**
 * The words comparing a return left out (its PV) with the cash NPV it would add to, the median's and the base case's:
 * "more than the median draw's loss of about $33.2B", "nearly all of …" (from 95%), "about 40% of …"; with ", and
 * more than the base case's (about −$9.13B)" when it outweighs that too.
 */
export function compareReturn(pvUsd: number, npvUsd: number, baseNpvUsd?: number): string {
  const median =
    npvUsd >= 0
      ? `on top of a median cash NPV of ${about(npvUsd, "usd")}`
      : pvUsd >= -npvUsd
        ? `more than the median draw's loss of ${about(-npvUsd, "usd")}`
        : pvUsd >= -0.95 * npvUsd
          ? `nearly all of the median draw's loss of ${about(-npvUsd, "usd")}`
          : `${figureWords({value: pvUsd / -npvUsd, unit: "fraction", bound: "about", derived: true})} of the median draw's loss of ${about(-npvUsd, "usd")}`;
  const base =
    baseNpvUsd !== undefined && baseNpvUsd < 0 && pvUsd >= -baseNpvUsd
      ? `, and more than the base case's (${about(baseNpvUsd, "usd")})`
      : "";
  return median + base;
}

/**
 * The market call's counts over the draws (`market.`): npv-majority (priced deals whose cash NPV is above zero in more
 * than half of their draws) with npv-majority.words ("only Microsoft → OpenAI's cash NPV is above zero in more than half
 * of its draws"; "no deal's …"; "every deal's …"), and npv-split.words (the deals whose draws split in two groups, and those whose
 * median then lies between them, as a sentence; "" when none splits).
 */
function* marketDrawFigures(
  dataset: Dataset,
  priced: readonly Deal[],
  projections: Record<string, DealProjection>
): Iterable<[string, FigureValue]> {
  const share = (d: Deal) => projections[d.id].recycling.npvPositiveShare;
  const known = priced.filter((d) => share(d) !== undefined);
  if (!known.length) {
    yield ["market.npv-majority", missing];
    yield ["market.npv-majority.words", missing];
    yield ["market.npv-split.words", text("")];
    return;
  }
  const most = known.filter((d) => share(d)! > 0.5);
  yield ["market.npv-majority", {kind: "number", value: most.length, unit: "count"}];
  const names = (deals: readonly Deal[]) =>
    deals.length < 3
      ? deals.map((d) => d.name).join(" and ")
      : `${deals
          .slice(0, -1)
          .map((d) => d.name)
          .join(", ")} and ${deals[deals.length - 1].name}`;
  const owners = (deals: readonly Deal[]) => names(deals.map((d) => ({...d, name: `${d.name}'s`})));
  const words =
    most.length === 0
      ? "no deal's cash NPV is above zero in more than half of its draws"
      : most.length === known.length
        ? `every deal's cash NPV is above zero in more than half of its draws`
        : `only ${owners(most)} cash ${most.length === 1 ? "NPV is" : "NPVs are"} above zero in more than half of ${most.length === 1 ? "its" : "their"} draws`;
  yield ["market.npv-majority.words", text(words)];
  const split = known.filter((d) => projections[d.id].recycling.npvClusters);
  const between = split.filter((d) => {
    const r = projections[d.id].recycling;
    return r.npvUsd && r.npvClusters && medianBetweenClusters(r.npvClusters, r.npvUsd.value);
  });
  yield [
    "market.npv-split.words",
    text(
      split.length
        ? ` The cash NPV's draws split in two groups for ${names(split)}${between.length ? `; for ${names(between)} the median lies between the two and stands for neither` : ""}.${splitCausesWords(dataset, split, projections)}`
        : ""
    )
  ];
}

/** How many places each economics ranking names. */
const RANKED = 3;

interface Scored {
  deal: Deal;
  value: number;
  bound: Bound;
  /** An input the data states (a reported margin), written as stated ("41.5%"), not rounded as a computed figure. */
  input?: boolean;
}

/**
 * The market call's comparisons across live deals (a superseded deal is history), computed so a sentence changes
 * when the data does:
 * - `market.npv-deals`, `market.npv-negative`, `market.npv-positive`: deals with a cash NPV, and how many are below
 *   and above zero (their median NPVs; `market.npv-negative.basis` says so, with the base case's count where it differs); `market.payback-base`: the same at every assumption's base value; `market.npv-residual-positive`:
 *   priced deals whose NPV with the capacity's worth at term end is above zero; `market.no-payback` and `market.payback`: deals whose cumulative cash does not (does) turn
 *   positive within the deal;
 * - `market.commitment-priced`, `market.new-money`, `market.new-share`, `market.capex`: over the deals with a cash
 *   NPV, the commitments, the new money put in against them, its share of them, and the capex they need (a lessee's
 *   IT alone); `market.leased-facilities` (the data centres lessees lease, at their build cost), `market.capex-all`
 *   (the two together: every deal on one all-in basis) and `market.lessees` (those providers' names, in words);
 *   `market.new-money-max` (every contingent tranche paid) and `market.new-money-expected` (both in words), with
 *   `market.new-money-figure` and `market.new-money-notes` (the same apart, as for a deal);
 *   `market.discount-rate` (the rate every NPV uses), `market.commitment-largest` and `market.ceiling-largest` (the
 *   largest live commitment and capacity ceiling, in dollars and GW);
 * - `market.other-returns.words`: the clause naming returns outside the commitments (a revenue share) at their caps'
 *   rough present value, or "";
 * - `rank.npv-N`, `rank.npv-low-N`, `rank.npv-residual-N`, `rank.npv-residual-low-N` (the NPV with the capacity's
 *   worth at term end), `rank.new-share-N`, `rank.margin-N`, `rank.margin-low-N` (N = 1…3), each as
 *   `.deal` (its name), `.provider`, `.value` and `.npv-max` (the best cash NPV of the provider's priced deals): the highest and lowest NPVs, the largest new money expected ÷ commitment (the basis of market.new-money), the
 *   providers' highest and lowest margins (one row per provider). Ties keep the data's order; a place the data cannot fill is missing.
 * - `market.scenario-npv-high` and `market.scenario-npv-low`: the highest and the lowest sum of the live deals' cash
 *   NPVs over the scenario columns (marketScenarios: each deal at the scenario's values, no draw; "about"), with
 *   `.label` (the column's name for a sentence: "bear economics", "the base case"); `market.scenario-positive-max`:
 *   the most deals above zero in any column, and `market.scenario-positive.words` the clause that says so.
 */
export function* marketFigures({dataset, projections, scenarios, marketDraws}: CallFigureInput): Iterable<[string, FigureValue]> {
  if (!projections) return;
  yield* marketScenarioFigures(dataset, scenarios, projections, marketDraws ?? null);
  const live = dataset.deals.filter((d) => !d.supersededOn && projections[d.id]);
  const priced = live.filter((d) => projections[d.id].recycling.npvUsd);
  const npv = (d: Deal) => projections[d.id].recycling.npvUsd!;
  const count = (n: number): FigureValue => ({kind: "number", value: n, unit: "count"});
  yield ["market.npv-deals", count(priced.length)];
  yield ["market.npv-negative", count(priced.filter((d) => npv(d).value < 0).length)];
  yield ["market.npv-positive", count(priced.filter((d) => npv(d).value > 0).length)];
  // The counts are over each deal's median NPV: the key box says so, and gives the base case's count where it differs.
  const negativeBase = priced.filter((d) => {
    const r = projections[d.id].recycling;
    return (r.baseCase ? (r.baseCase.npvUsd ?? 0) : r.npvUsd!.value) < 0;
  }).length;
  const negative = priced.filter((d) => npv(d).value < 0).length;
  yield [
    "market.npv-negative.basis",
    text(
      priced.some((d) => projections[d.id].recycling.baseCase)
        ? `(medians of the draws${negativeBase !== negative ? `; ${countText(negativeBase)} with every assumption at its base value` : ""})`
        : ""
    )
  ];
  // A payback (or its absence) counts only where it stands: near even odds neither does (paybackEven, critic s9 M1).
  const stands = (d: Deal) => !paybackEven(projections[d.id].recycling.paybackNeverShare);
  yield ["market.no-payback", count(priced.filter((d) => stands(d) && projections[d.id].recycling.paybackYear === null).length)];
  yield ["market.payback", count(priced.filter((d) => stands(d) && projections[d.id].recycling.paybackYear !== null).length)];
  yield* marketDrawFigures(dataset, priced, projections);
  // The same at every assumption's base value (the base case each briefing shows beside the median).
  const paybackBase = priced.filter((d) => {
    // The base case's own payback (null when it never pays back: not the median's year in its place).
    const r = projections[d.id].recycling;
    return (r.baseCase ? r.baseCase.paybackYear : r.paybackYear) !== null;
  }).length;
  yield ["market.payback-base", count(paybackBase)];
  // The clause a "none pays back" sentence ends with when the base case says otherwise: "" or ", though at every
  // assumption's base value 3 do" (1 does).
  yield [
    "market.payback-base.words",
    text(paybackBase ? `, though at every assumption's base value ${countText(paybackBase)} ${paybackBase === 1 ? "does" : "do"}` : "")
  ];
  // With the capacity's worth at term end counted (the NPV beside the cash NPV): how many turn positive.
  const residualPositive = priced.filter((d) => (projections[d.id].recycling.npvWithResidualUsd?.value ?? 0) > 0).length;
  yield ["market.npv-residual-positive", count(residualPositive)];
  // The count is over the medians; the scenario table's base column counts the base cases: the clause after the count
  // names its basis, and the base case's count where it differs (critic s8 H1: page 1's "2 of 7" against page 10's "1 of 7").
  const residualPositiveBase = priced.filter((d) => {
    const r = projections[d.id].recycling;
    return ((r.baseCase ? r.baseCase.npvWithResidualUsd : r.npvWithResidualUsd?.value) ?? 0) > 0;
  }).length;
  const fromDraws = priced.some((d) => projections[d.id].recycling.baseCase);
  yield [
    "market.npv-residual-positive.basis",
    text(
      fromDraws
        ? ` in the median draw${residualPositiveBase !== residualPositive ? `, ${countText(residualPositiveBase)} with every assumption at its base value` : ""}`
        : ""
    )
  ];
  // Returns outside the commitments (a revenue share), at their caps' rough present value: named beside the call, not counted.
  const others = priced.flatMap((d) =>
    otherReturnsPv(d, projections[d.id].assumptions["discount-rate"], projections[d.id].recycling.valuationYear).map((x) => ({
      ...x,
      deal: d
    }))
  );
  yield [
    "market.other-returns.words",
    text(
      others.length
        ? `; ${others.map((x) => `${x.label}, ${capWorth(x)}`).join(", and ")}, ${others.length === 1 ? "is" : "are"} left out too`
        : ""
    )
  ];
  // The same as a sentence of its own, for a takeaway: " OpenAI's 20% revenue share to Microsoft, worth about $31.7B
  // today if its $38B cap is reached, is not counted either."
  yield [
    "market.other-returns.sentence",
    text(
      others.length
        ? ` ${others.map((x) => `${x.label}, ${capWorth(x)}`).join(", and ")}, ${others.length === 1 ? "is" : "are"} not counted either.`
        : ""
    )
  ];
  const sum = (deals: Deal[], pick: (d: Deal) => Figure | null | undefined, unit: string): FigureValue => {
    const figures = deals.map(pick).filter((f): f is Figure => Boolean(f));
    if (!figures.length) return missing;
    return {
      kind: "number",
      value: figures.reduce((s, f) => s + f.value, 0),
      unit,
      bound: combineBounds(figures.map((f) => f.bound)),
      // A sum's status is its weakest part's, as a figure's lineage gives it (critic s14 #7: the expected new money,
      // weighted by an assumed chance, was badged "estimate").
      status: weakestStatus(figures.map((f) => f.lineage.status)),
      derived: true
    };
  };
  const contingentChance = dataset.assumptions.find((a) => a.id === "contingent-probability")?.base;
  yield [
    "market.contingent-probability",
    contingentChance === undefined
      ? missing
      : ({...number(contingentChance, "fraction", "exact", false), status: "assumption"} as FigureValue)
  ];
  const commitment = sum(priced, (d) => projections[d.id].recycling.commitmentUsd, "usd");
  const newMoney = sum(priced, (d) => projections[d.id].recycling.newMoneyExpectedUsd, "usd");
  yield ["market.commitment-priced", commitment];
  yield ["market.new-money", newMoney];
  const newMoneyMax = sum(priced, (d) => projections[d.id].recycling.newMoneyMaxUsd, "usd");
  yield ["market.new-money-max", newMoneyMax];
  const moneyArgs =
    newMoney.kind === "number" && newMoneyMax.kind === "number"
      ? ([
          newMoney,
          {value: newMoneyMax.value, unit: "usd", bound: newMoneyMax.bound ?? "exact"},
          contingentChance,
          ceilingParts(
            priced.map((d) => ({
              name: d.name,
              expected: projections[d.id].recycling.newMoneyExpectedUsd,
              max: projections[d.id].recycling.newMoneyMaxUsd
            }))
          )
        ] as const)
      : null;
  yield ["market.new-money-expected", moneyArgs ? text(expectedMoneyText(...moneyArgs)) : missing];
  // The same apart, for the key box (as a deal's): the figure, and its notes on a line of their own.
  const money = moneyArgs ? expectedMoneyParts(...moneyArgs) : null;
  yield ["market.new-money-figure", money ? text(money.figure) : missing];
  yield ["market.new-money-notes", money ? text(money.notes.join("\n")) : missing];
  yield [
    "market.new-share",
    commitment.kind === "number" && newMoney.kind === "number" && commitment.value > 0
      ? {
          kind: "number",
          value: newMoney.value / commitment.value,
          unit: "fraction",
          bound: combineBounds([commitment.bound === "at-least" ? "up-to" : commitment.bound, newMoney.bound]),
          status: weakestStatus([commitment.status ?? "estimate", newMoney.status ?? "estimate"]),
          derived: true
        }
      : missing
  ];
  const capex = sum(priced, (d) => projections[d.id].recycling.capexUsd, "usd");
  yield ["market.capex", capex];
  // A lessee's capex is its IT alone: its leased data centres at their build cost put every deal on one, all-in basis.
  const leasing = priced.filter((d) => projections[d.id].recycling.leasedFacilityUsd);
  const leased = sum(leasing, (d) => projections[d.id].recycling.leasedFacilityUsd, "usd");
  yield ["market.leased-facilities", leased];
  yield [
    "market.capex-all",
    capex.kind === "number" && leased.kind === "number"
      ? {...capex, value: capex.value + leased.value, bound: combineBounds([capex.bound, leased.bound])}
      : capex
  ];
  const lessees = [...new Set(leasing.map((d) => dataset.companies.find((c) => c.id === d.provider)?.name ?? d.provider))];
  yield ["market.lessees", text(lessees.length > 1 ? `${lessees.slice(0, -1).join(", ")} and ${lessees.at(-1)}` : (lessees[0] ?? ""))];
  const rate = priced.length ? projections[priced[0].id].assumptions["discount-rate"] : undefined;
  yield ["market.discount-rate", number(rate, "fraction", "exact", false)];
  // The largest live commitment, as a number a condition can compare with (rank.commitment-1 names it in words).
  const largest = live
    .map((d) => projections[d.id].recycling.commitmentUsd)
    .filter((f): f is Figure => Boolean(f))
    .sort((a, b) => b.value - a.value)[0];
  yield ["market.commitment-largest", figure(largest)];
  const ceilings = live.filter((d) => d.capacity).map((d) => factGw(d.capacity!.ceiling));
  yield ["market.ceiling-largest", number(ceilings.length ? Math.max(...ceilings) : null, "gw", "exact", false)];

  // A deal's new money expected ÷ its commitment; a floor under the commitment makes the share a ceiling.
  const newShareExpected = (d: Deal): Figure | null => {
    const {newMoneyExpectedUsd: money, commitmentUsd: commitment} = projections[d.id].recycling;
    if (!commitment || commitment.value <= 0) return null;
    return withValue(quotientProvenance(money, commitment), money.value / commitment.value, "fraction");
  };
  const scored = (deals: Deal[], pick: (d: Deal) => Figure | null | undefined): Scored[] =>
    deals.flatMap((deal) => {
      const f = pick(deal);
      return f && Number.isFinite(f.value) ? [{deal, value: f.value, bound: f.bound}] : [];
    });
  // One row per provider: its margin is the provider's, whatever the deal.
  const margins = (deals: Deal[]): Scored[] =>
    deals
      .filter((deal, i) => deals.findIndex((d) => d.provider === deal.provider) === i)
      .map((deal) => ({deal, value: projections[deal.id].recycling.margin.value, bound: "exact" as Bound, input: true}));
  // The margin each deal's cash flows imply (one per deal: the same provider's deals differ by price and schedule).
  const impliedMargins = (deals: Deal[]): Scored[] =>
    deals.flatMap((deal) => {
      const value = projections[deal.id].recycling.impliedMargin;
      return value === null ? [] : [{deal, value, bound: "about" as Bound}];
    });
  const desc = (a: Scored, b: Scored) => b.value - a.value;
  const asc = (a: Scored, b: Scored) => a.value - b.value;
  const rankings: [string, Scored[], string][] = [
    ["npv", scored(priced, npv).sort(desc), "usd"],
    ["npv-low", scored(priced, npv).sort(asc), "usd"],
    ["npv-residual", scored(priced, (d) => projections[d.id].recycling.npvWithResidualUsd).sort(desc), "usd"],
    ["npv-residual-low", scored(priced, (d) => projections[d.id].recycling.npvWithResidualUsd).sort(asc), "usd"],
    // The same basis as the sentence before it (market.new-money: new money expected, contingent tranches at their
    // probability), so the deal named "puts in the most" does so on the figure the reader has just read.
    ["new-share", scored(priced, newShareExpected).sort(desc), "fraction"],
    ["margin", margins(priced).sort(desc), "fraction"],
    ["margin-low", margins(priced).sort(asc), "fraction"],
    ["margin-implied", impliedMargins(priced).sort(desc), "fraction"],
    ["margin-implied-low", impliedMargins(priced).sort(asc), "fraction"]
  ];
  const companies = new Map(dataset.companies.map((c) => [c.id, c.name]));
  for (const [name, list, unit] of rankings) {
    for (let i = 0; i < RANKED; ++i) {
      const s = list[i];
      yield [`rank.${name}-${i + 1}.deal`, s ? text(s.deal.name) : missing];
      yield [`rank.${name}-${i + 1}.provider`, s ? text(companies.get(s.deal.provider) ?? s.deal.provider) : missing];
      // The best cash NPV among the provider's priced deals: below zero, every one of them loses in cash.
      const best = s ? Math.max(...priced.filter((d) => d.provider === s.deal.provider).map((d) => npv(d).value)) : Number.NaN;
      yield [`rank.${name}-${i + 1}.npv-max`, number(best, "usd")];
      yield [
        `rank.${name}-${i + 1}.value`,
        !s
          ? missing
          : s.input
            ? text(inputText(s.value, unit))
            : {kind: "number", value: s.value, unit, bound: s.bound, status: "estimate", derived: true}
      ];
    }
  }
}

/** A scenario column's name in a sentence: "the base case", "each lab filling its ceiling", "bear economics". */
function scenarioName(column: {scenario: string; label: string}): string {
  if (column.scenario === "base") return "the base case";
  if (column.scenario === CEILING_FILLED) return "each lab filling its ceiling";
  return /^[A-Z][a-z]/.test(column.label) ? column.label.charAt(0).toLowerCase() + column.label.slice(1) : column.label;
}

const capitalize = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** A model estimate in dollars, in words ("about −$415B"). */
const modelWords = (value: number) => figureWords({value, unit: "usd", bound: "about", derived: true});

/** The market's bull / base / bear figures (see marketFigures): the extremes of the summed cash NPVs over the scenarios. */
function* marketScenarioFigures(
  dataset: Dataset,
  scenarios: Record<string, ScenarioColumn[]> | undefined,
  projections: Record<string, DealProjection>,
  draws: MarketDraws | null
): Iterable<[string, FigureValue]> {
  // The deals with a projection: one the model cannot project (checkProjections leaves it out) has no scenario either.
  const table = marketScenarios(
    dataset.deals
      .filter((d) => projections[d.id])
      .map((d) => ({
        id: d.id,
        name: d.name,
        live: !d.supersededOn,
        columns: scenarios?.[d.id] ?? scenarioTable(dataset, d.id)
      }))
  );
  const valued = table.columns.filter((c): c is typeof c & {npvUsd: number} => c.npvUsd !== null);
  const high = valued.length ? valued.reduce((a, b) => (b.npvUsd > a.npvUsd ? b : a)) : null;
  const low = valued.length ? valued.reduce((a, b) => (b.npvUsd < a.npvUsd ? b : a)) : null;
  const about = (c: {npvUsd: number} | null): FigureValue =>
    c ? {kind: "number", value: c.npvUsd, unit: "usd", bound: "about", status: "estimate", derived: true} : missing;
  yield ["market.scenario-npv-high", about(high)];
  yield ["market.scenario-npv-high.label", high ? text(scenarioName(high)) : missing];
  yield ["market.scenario-npv-low", about(low)];
  yield ["market.scenario-npv-low.label", low ? text(scenarioName(low)) : missing];
  // The ends a reader will quote are stress cases when they pair the price and the capex against the model's own
  // correlation between the two: said beside them, with the chance of that corner (the note under the table gives more).
  const corner = priceCapexCorner(
    dataset.assumptions,
    [high, low].filter((c) => c !== null)
  );
  yield [
    "market.scenario-corner.words",
    text(
      corner
        ? `: ${corner.labels.length === 1 ? `${scenarioName(table.columns.find((c) => c.label === corner.labels[0]) ?? {scenario: "", label: corner.labels[0]})} is a stress case` : "both are stress cases"}, pairing the contract price with the capex per GW against the model's own correlation between them, a corner with ${cornerChance(corner.probability)}`
        : ""
    )
  ];
  // The same ends read with the price and the capex moving together (the model's correlation), when they are a corner:
  // "; moved together, they come to about −$415B and about $67.5B".
  const together = [high, low].filter((c) => c?.together).map((c) => c!.together!);
  yield [
    "market.scenario-together.words",
    text(
      corner && together.length
        ? `; read with the two moving together, ${together.length === 2 ? "they come to" : "it comes to"} ${together.map((t) => modelWords(t.npvUsd)).join(" and ")}`
        : ""
    )
  ];
  // The same as sentences of their own, for a takeaway in short sentences: " Both ends are stress cases: they pair …
  // reach. Read with the two moving together, they come to about −$415B and about $67.5B."
  const one = corner?.labels.length === 1;
  yield [
    "market.scenario-stress.sentence",
    text(
      corner
        ? ` ${one ? `${capitalize(scenarioName(table.columns.find((c) => c.label === corner.labels[0]) ?? {scenario: "", label: corner.labels[0]}))} is a stress case: it pairs` : "Both ends are stress cases: they pair"} the contract price with the capex per GW against the model's own correlation between them, a corner with ${cornerChance(corner.probability)}.${
            together.length
              ? ` Read with the two moving together, ${together.length === 2 ? "they come to" : "it comes to"} ${together.map((t) => modelWords(t.npvUsd)).join(" and ")}.`
              : ""
          }`
        : ""
    )
  ];
  // Where the draws put the same sum: " Over the 10,000 draws, every deal at the same drawn values, the sum's P10–P90 is
  // about −$234B to about −$66.1B." ("" without draws).
  const band = draws?.npvUsd;
  yield [
    "market.scenario-draws.words",
    text(
      band && Number.isFinite(band.p10) && Number.isFinite(band.p90)
        ? ` Over ${countText(draws.draws)} draws of every assumption, each draw shared by every deal, the sum's P10–P90 is ${modelWords(band.p10)} to ${modelWords(band.p90)}.`
        : ""
    )
  ];
  const most = valued.length ? Math.max(...valued.map((c) => c.positive)) : null;
  yield ["market.scenario-positive-max", most === null ? missing : {kind: "number", value: most, unit: "count"}];
  // The clause a sentence ends with, agreeing with the count: "; none of the 7 deals is above zero in any of them".
  const priced = valued.length ? Math.max(...valued.map((c) => c.priced)) : 0;
  yield [
    "market.scenario-positive.words",
    most === null
      ? missing
      : text(
          priced === 1
            ? `; the one deal priced is ${most ? "above zero in at least one of them" : "below zero in every one of them"}`
            : most === 0
              ? `; none of the ${countText(priced)} deals is above zero in any of them`
              : most === priced
                ? `; in at least one of them all ${countText(priced)} deals are above zero`
                : `; no scenario puts more than ${countText(most)} of the ${countText(priced)} deals above zero`
        )
  ];
}
