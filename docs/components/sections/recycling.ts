/**
 * Recycling: how much of a deal's investment comes back to the investor as cloud revenue and operating profit, when,
 * and the net economic impact with equity gains kept apart from cash; then the critique and its counter-arguments.
 */
import {
  aboveZeroText,
  type BandExitCause,
  type Bound,
  bandExitCause,
  capacityName,
  capexTimingText,
  clustersText,
  type DealRecycling,
  drawShareText,
  type Figure,
  type FigureSpread,
  firmWord,
  heldMarginText,
  itRenewalText,
  type LabExposure,
  labExposure,
  laterCapexText,
  marketMap,
  medianBetweenClusters,
  type NetCashBand,
  netCashBands,
  netCashLineFinding,
  type ProviderExposure,
  paybackEven,
  providerExposure,
  providerGroupInvestors,
  toUsd
} from "../../lib/core.js";
import {ChartCsv, EQUITY, NET_CASH, netCashRows} from "../chartDownloads.js";
import {ChartFrame, chartSourceLine} from "../charts/chartFrame.js";
import {companyName, type DealView, dealOf, dealView, isCustom} from "../charts/commitmentModel.js";
import {Deferred, heightAt, whenNear} from "../deferred.js";
import {el} from "../dom.js";
import {
  bounded,
  date,
  derivedText,
  inputText,
  modelUsd,
  monthYear,
  NO_PAYBACK,
  paybackYearText,
  pct,
  ratioNumber,
  times,
  unitText,
  usd,
  withBound
} from "../format.js";
import {heldMarginRef, marginRef, NamedDerivedBadge, SourceLink} from "../provenance.js";
import type {Section, SectionContext} from "./types.js";

/**
 * The assumptions that move the recycling figures, offered as sliders on the recycling page: the price per GW-year,
 * the capex per GW the provider must spend, the contingent money's probability, the discount rate and the share of
 * the investment paid in cloud credits. Not the provider's reported margin: it sets no cash figure (a check, and the
 * margin the held-margin sensitivity holds the flows at), so a control on it would move nothing (s9 critic H7).
 */
export function recyclingSliders(_deal: {provider: string}): string[] {
  return ["revenue-per-gw-year", "capex-per-gw", "contingent-probability", "discount-rate", "credit-share"];
}

/** The drawn height (CSS px) of the section's charts and critique, median of the ten deals, at 326 and 704 px wide. */
const LOWER_HEIGHT = {narrow: 3425, wide: 2611};

const bandCache = new Map<string, NetCashBand[]>();

// The charts load when the section is first drawn (or prepared), keeping them (and d3-sankey) out of the page's first
// JavaScript; once loaded, every render takes the same settled promise.
let loadedCharts: ReturnType<typeof loadCharts> | null = null;
const charts = () => (loadedCharts ??= loadCharts());
const loadCharts = () =>
  Promise.all([
    import("../charts/recyclingCritique.js"),
    import("../charts/recyclingEquityChart.js"),
    import("../charts/recyclingNetCashChart.js"),
    import("../charts/sankeyRecycling.js")
  ]).then(([critique, equity, netCash, sankey]) => ({...critique, ...equity, ...netCash, ...sankey}));
type Charts = Awaited<ReturnType<typeof charts>>;

/** The options the net-cash band is drawn with: around the view's values, the reader's fixed ones held, 1,000 draws. */
function bandOptions(context: SectionContext, view: DealView) {
  const fixed = isCustom(context.controls) ? context.controls!.changed : [];
  const vary = (context.data.assumptions as {id: string}[]).map((a) => a.id).filter((id) => !fixed.includes(id));
  return {
    key: `${view.deal}:${JSON.stringify(view.assumptions)}:${fixed.join(",")}`,
    scenario: context.controls?.scenario ?? "base",
    values: view.assumptions,
    vary,
    draws: BAND_DRAWS
  };
}

/** Draws behind the net-cash chart's band (fewer than the headline's: it runs in the reader's browser). */
const BAND_DRAWS = 1000;

/** Returns the P10–P90 bands of cumulative net cash around the view's values (the reader's fixed ones held), cached. */
function bandsFor(context: SectionContext, view: DealView): NetCashBand[] {
  const {key, ...options} = bandOptions(context, view);
  let bands = bandCache.get(key);
  if (!bands) {
    bands = netCashBands(context.data, view.deal, options);
    if (bandCache.size > 64) bandCache.clear();
    bandCache.set(key, bands);
  }
  return bands;
}

/**
 * Under the net-cash chart, where the line leaves its own band, the sentence that says where and why (s16 critic #4:
 * Microsoft → OpenAI's line sat below the P10 in 2025 and above the P90 in 2030–33, unexplained), from
 * {@link bandExitCause}: "The line leaves the band: below its P10 in 2025, above its P90 in 2030, 2032 and 2033. It is
 * one path, at every assumption's base value, where the delivery slip is 0 months, the low end of the draws' range (0
 * months to 18 months), so every draw's is at or above it; with it held at 0 months in the draws, the band holds the line in every
 * year." Null when the line stays inside.
 */
export function bandExitSentence(
  assumptions: readonly {id: string; label: string; unit: string; low: number; high: number}[],
  cause: BandExitCause,
  values: Record<string, number>,
  {custom = false, draws = BAND_DRAWS}: {custom?: boolean; draws?: number} = {}
): string | null {
  const {below, above, held} = cause;
  if (!below.length && !above.length) return null;
  const years = (list: readonly number[]) => (list.length > 1 ? `${list.slice(0, -1).join(", ")} and ${list.at(-1)}` : `${list[0]}`);
  const where = [below.length ? `below its P10 in ${years(below)}` : "", above.length ? `above its P90 in ${years(above)}` : ""]
    .filter(Boolean)
    .join(", ");
  const path = `It is one path, ${custom ? "at the values chosen" : "at every assumption's base value"}`;
  const items = (held ?? []).map((id) => assumptions.find((a) => a.id === id)).filter((a) => a !== undefined);
  if (!items.length)
    return `The line leaves the band: ${where}. ${path}; the band is each year's own P10–P90 over ${draws.toLocaleString("en-US")} draws, which need not hold any one path.`;
  // "Delivery slip" → "delivery slip"; an initialism ("IT share") keeps its capitals.
  const name = (label: string) => (/^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label);
  const parts = items.map((a) => {
    const value = values[a.id];
    const end = value === a.low ? "low" : "high";
    return `the ${name(a.label)} is ${inputText(value, a.unit)}, the ${end} end of the draws' range (${inputText(a.low, a.unit)} to ${inputText(a.high, a.unit)}), so every draw's is at or ${end === "low" ? "above" : "below"} it`;
  });
  const list = parts.length > 1 ? `${parts.slice(0, -1).join("; ")}; and ${parts.at(-1)}` : parts[0];
  const heldText = items.map((a) => inputText(values[a.id], a.unit));
  return `The line leaves the band: ${where}. ${path}, where ${list}; with ${items.length > 1 ? "them" : "it"} held at ${heldText.length > 1 ? `${heldText.slice(0, -1).join(", ")} and ${heldText.at(-1)}` : heldText[0]} in the draws, the band holds the line in every year.`;
}

/** {@link bandExitSentence} for the view's line and band: null when the line stays inside it. */
function bandExitNote(context: SectionContext, view: DealView, bands: NetCashBand[]): string | null {
  const {key: _key, ...options} = bandOptions(context, view);
  const cause = bandExitCause(context.data, view.deal, view.recycling.flows, {...options, bands});
  return bandExitSentence(context.data.assumptions, cause, view.assumptions as Record<string, number>, {
    custom: isCustom(context.controls)
  });
}

/**
 * The comparison ratio's divisor in words: "the firm money Amazon has invested in Anthropic to date", or for money
 * stated only as a ceiling, "the up to $5B Microsoft has committed to Anthropic" (critic s15 #8: page 1 calls that money
 * committed, not invested).
 */
export function ratioDivisor(
  row: {ratioInvestors: readonly {name: string}[]; ratioInvestmentFirmUsd: Pick<Figure, "value" | "bound"> | null},
  lab: string
): string {
  const names = row.ratioInvestors.map((p) => p.name).join(" and ");
  const money = row.ratioInvestmentFirmUsd;
  return money?.bound === "up-to"
    ? `the ${bounded(money.value, "up-to", usd)} ${names} ${row.ratioInvestors.length === 1 ? "has" : "have"} committed to ${lab}`
    : `the firm money ${names} ${row.ratioInvestors.length === 1 ? "has" : "have"} invested in ${lab} to date`;
}

/**
 * Where some draws' spend runs past the line's last year (capacity that comes online late carries it), the words that
 * say why the band runs on past the line: "; the band runs on past 2033, as capacity that comes online later in a
 * draw carries its spend to 2035 in some draws (a draw's cumulative cash holds once its flows end)" (critic s15 #1:
 * the median draw's 2034 lay past the line's 2033); "" otherwise.
 */
export function bandTail(view: Pick<DealView, "recycling" | "uncertainty">): string {
  const last = view.recycling.flows.at(-1)?.year;
  const spread = view.uncertainty?.figures["recycling.spendEndYear"];
  const latest = spread && Number.isFinite(spread.p90) ? Math.floor(spread.p90) : null;
  if (last === undefined || latest === null || latest <= last) return "";
  return `; the band runs on past ${last}, as capacity that comes online later in a draw carries its spend to ${latest} in a tenth of the draws or more (a draw's cumulative cash holds once its flows end)`;
}

/**
 * The scope's new money: "$15B expected (contingent tranches at their probability; up to $25B if every one is paid)"
 * only where a contingent tranche lifts the ceiling above the expected money; else the money with its own bound,
 * "up to $5B, counted at that ceiling" (critic s15 #8: the parenthesis was printed for Microsoft + Nvidia →
 * Anthropic, which has no contingent tranche, and turned its "up to" into a point).
 */
export function newMoneyScope(expected: number, max: {value: number; bound?: Bound}): string {
  if (max.value > expected * 1.000001)
    return `${usd(expected)} expected (contingent tranches at their probability; up to ${usd(max.value)} if every one is paid)`;
  return max.bound === "up-to" ? `up to ${usd(expected)}, counted at that ceiling` : bounded(expected, max.bound, usd);
}

/**
 * The investment card's new money, by the Scope's rule ({@link newMoneyScope}) in fewer words: "$15B expected (up to
 * $25B)" where a contingent tranche lifts the ceiling, else the money with its own bound, "up to $5B" (critic s16 #3:
 * the card printed "$5B expected" beside the Scope's "up to $5B, counted at that ceiling").
 */
export function newMoneyCard(expected: number, max: {value: number; bound?: Bound}): string {
  return max.value > expected * 1.000001 ? `${usd(expected)} expected (up to ${usd(max.value)})` : bounded(expected, max.bound, usd);
}

/**
 * Returns the net-cash chart. Its P10–P90 band needs a Monte Carlo: in print it runs at once; on screen the chart is
 * drawn first without the band and redrawn with it when the browser is idle once the chart is near the screen (at
 * once when the page prints), so neither the page's load nor a slider move waits for it.
 */
function NetCashPanel(
  context: SectionContext,
  view: DealView,
  {RecyclingNetCashChart}: Charts
): {chart: HTMLElement; csv: HTMLElement | null; note: HTMLElement} {
  const r = view.recycling;
  const draw = (bands: NetCashBand[] | null) =>
    RecyclingNetCashChart(r.flows, {
      bands,
      // The marker is the plotted line's own payback, as the title says (netCashLineFinding).
      paybackYear: netCashLineFinding(r.flows, {group: "", medianPaybackYear: null, fromDraws: false}).paybackYear,
      width: context.width,
      print: context.print
    });
  // Under the chart: where the line leaves its own band, why (empty until the band is drawn).
  const note = el("p", {class: "muted band-exit"});
  const explain = (bands: NetCashBand[]) => {
    const text = bandExitNote(context, view, bands);
    note.replaceChildren(text ?? "");
    note.hidden = !text;
  };
  if (context.print) {
    const bands = bandsFor(context, view);
    explain(bands);
    return {chart: draw(bands), csv: null, note};
  }
  // The file holds what is drawn: the line alone at first, the band's P10 and P90 once it is drawn.
  const csvFor = (bands: NetCashBand[] | null) =>
    ChartCsv(NET_CASH, view.deal, netCashRows(r.flows, bands), context.data.version).firstChild as HTMLElement;
  const holder = el("div", {class: "net-cash"}, draw(null));
  const csv = el("p", {class: "csv-download"}, csvFor(null));
  const fill = () => {
    const bands = bandsFor(context, view);
    holder.replaceChildren(draw(bands));
    explain(bands);
    const old = csv.querySelector("a")?.href;
    csv.replaceChildren(csvFor(bands));
    if (old?.startsWith("blob:")) URL.revokeObjectURL(old);
  };
  // The band's Monte Carlo (a few hundred ms on a phone) runs once the chart comes near the screen, not at load.
  whenNear(holder, fill, {key: "net-cash-band"});
  return {chart: holder, csv, note};
}

/**
 * The equity chart's title, with the base its gain is measured from: the firm cash paid in by the mark's date, not
 * the firm total the chart's dashed line draws (critic s8 M8: "marked above the cash paid in by $52.6B" beside a
 * "$13B" line, the gain being over the $8B paid by the mark): "Amazon's stake in Anthropic is marked about $52.6B
 * above the $8B paid in by Dec 2025: a gain on paper, not cash".
 */
function equityGainTitle(deal: ReturnType<typeof dealOf>, gain: Figure, investor: string, lab: string): string {
  const mark = deal.equityMarks.reduce((a, b) => (b.date > a.date ? b : a), deal.equityMarks[0]);
  const words = derivedText({...gain, value: Math.abs(gain.value), unit: "usd"});
  const side = gain.value >= 0 ? "above" : "below";
  if (!mark) return `${investor}'s stake in ${lab} is marked ${words} ${side} the cash paid in: a gain on paper, not cash`;
  const paid = toUsd(mark.value) - gain.value;
  return `${investor}'s stake in ${lab} is marked ${words} ${side} the ${usd(paid)} paid in by ${date(mark.date)}: a ${gain.value >= 0 ? "gain" : "loss"} on paper, not cash`;
}

/**
 * Returns the names of a deal's investors joined with "and": "Microsoft and Nvidia"; with `group`, only those in the
 * provider's group, whose money the provider's return is set against ("Microsoft").
 */
export function investorNames(context: Pick<SectionContext, "data" | "dealId">, {group = false}: {group?: boolean} = {}): string {
  const deal = dealOf(context);
  const ids = group ? providerGroupInvestors(context.data.companies, deal) : deal.investors;
  const names = ids.map((id) => companyName(context.data, id));
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : (names[0] ?? "The investor");
}

/**
 * Returns the recycling finding in one sentence, computed, on the headline's scope (this deal's new money, cash after
 * the provider's capex): "Amazon's new $15B is worth about −$12.7B in cash in 2026 dollars (median of the draws): AWS
 * keeps about $19B of cash from the commitment (base values, not discounted) after about $72.3B of capex, paying back
 * in 2035 (the median of the draws does not pay back within the deal)", or what the deal lacks to say it. It is {@link recyclingCall}'s call and detail joined.
 */
export function recyclingFinding(
  context: Pick<SectionContext, "data" | "dealId">,
  r: DealRecycling,
  options: {custom?: boolean} = {}
): string {
  const {call, detail} = recyclingCall(context, r, options);
  return detail ? `${call}: ${detail}` : call;
}

/**
 * Returns the recycling finding in two parts, for a headline that fits a phone: the call ("Amazon's new $15B is worth
 * about −$12.7B in cash in 2026 dollars (median of the draws)", at most about 20 words) and the detail that backs it
 * ("AWS keeps about $19B of cash from the commitment (base values, not discounted) after about $72.3B of capex, paying
 * back in 2035 (the median of the draws does not pay back within the deal)"); the detail is "" when the call is the
 * whole finding.
 */
export function recyclingCall(
  context: Pick<SectionContext, "data" | "dealId">,
  r: DealRecycling,
  {custom = false}: {custom?: boolean} = {}
): {call: string; detail: string} {
  // The undiscounted cash is at the base values, or at the reader's own when a control has moved (s9 critic H7).
  const basis = custom ? "your settings, not discounted" : "base values, not discounted";
  const investor = investorNames(context, {group: true});
  const provider = companyName(context.data, dealOf(context).provider);
  const firm = bounded(r.investmentFirmUsd.value, r.investmentFirmUsd.bound, usd);
  const max = bounded(r.investmentMaxUsd.value, r.investmentMaxUsd.bound, usd);
  const stake =
    r.investmentFirmUsd.value > 0
      ? `invests ${firm}`
      : r.investmentMaxUsd.value > 0
        ? `offers ${max} of contingent equity`
        : "invests nothing";
  if (!r.providerCashUsd || !r.capexUsd)
    return {call: `${investor} ${stake}, and the deal states no dollar commitment for money to come back through`, detail: ""};
  const cash = r.providerCashUsd.value;
  // Both are model outputs: "about", as everywhere (the bound words come with the figures).
  const cashText = derivedText({...r.providerCashUsd, unit: "usd"});
  const capex = `after ${derivedText({...r.capexUsd, unit: "usd"})} of capex`;
  // The payback on the cash's own basis (the base values, or the reader's), the median draw's beside it where it
  // differs (critic s14 #11: "(base values, not discounted) … and does not pay back within the deal" set the median
  // draw's "never" beside base values that pay back in 2035).
  const basePayback = r.baseCase ? r.baseCase.paybackYear : r.paybackYear;
  const medianPayback =
    !r.baseCase || r.paybackYear === basePayback
      ? ""
      : r.paybackYear !== null
        ? ` (the median of the draws in ${r.paybackYear})`
        : " (the median of the draws does not pay back within the deal)";
  const when =
    r.baseCase && paybackEven(r.paybackNeverShare)
      ? `, paying back within the deal at about even odds (in ${drawShareText(1 - (r.paybackNeverShare ?? 0))} of the draws)`
      : basePayback !== null
        ? `, paying back in ${basePayback}${medianPayback}`
        : `, and does not pay back within the deal${medianPayback}`;
  if (!(r.newMoneyExpectedUsd.value > 0))
    return {
      call:
        cash >= 0
          ? `${provider} keeps ${cashText} of cash from the commitment (${basis}) ${capex}, with no new investment against it`
          : `${provider}'s cash from the commitment is ${cashText} (${basis}) ${capex}, with no new investment against it`,
      detail: ""
    };
  // The expected new money keeps its range where milestones make it one ("new money ($15B expected, up to $25B)"),
  // as the key box says it; a sure amount keeps its source's bound word.
  const expected = r.newMoneyExpectedUsd.value;
  const money =
    r.newMoneyMaxUsd.value > expected * 1.000001
      ? `new money (${usd(expected)} expected, up to ${usd(r.newMoneyMaxUsd.value)})`
      : `new ${bounded(r.newMoneyMaxUsd.value, r.newMoneyMaxUsd.bound, usd)}`;
  const detail =
    cash >= 0
      ? `${provider} keeps ${cashText} of cash from the commitment (${basis}) ${capex}${when}`
      : `${provider}'s cash from the commitment is ${cashText} (${basis}) ${capex}`;
  // The NPV leads, so the undiscounted cash beside it never reads as a gain on the money (s9 critic H7).
  if (r.npvUsd)
    return {
      call: `${investor}'s ${money} is worth ${derivedText({...r.npvUsd, unit: "usd"})} in cash in ${r.valuationYear} dollars${r.baseCase ? " (median of the draws)" : ""}`,
      detail
    };
  return {call: cash >= 0 ? `${investor}'s ${money}: ${detail}` : `${investor}'s ${money} does not come back: ${detail}`, detail: ""};
}

/**
 * Returns the section's answer in plain words, scope, date and margin first: how much of the investor's new money
 * comes back as the provider's cash, when, net of the capex the provider must spend, and what the equity is worth
 * on top (not cash). Null without a commitment.
 */
/** " (the median of the draws; −$2.44B at the base values)" when the NPV headline is a median, else "". */
/**
 * Where the cash NPV's draws fall, in page 1's words: "above zero in 57% of the 10,000 draws; its draws split in two:
 * …" ("" without draws).
 */
function drawsNote(r: DealRecycling, draws: number | undefined): string {
  if (!r.npvUsd || r.npvPositiveShare === undefined || !draws) return "";
  const c = r.npvClusters;
  return `${aboveZeroText(r.npvPositiveShare, draws)}${c ? `; ${clustersText(c, medianBetweenClusters(c, r.npvUsd.value))}` : ""}`;
}

function medianNote(r: DealRecycling): string {
  const base = r.baseCase?.npvUsd;
  if (base === null || base === undefined || !r.npvUsd || base === r.npvUsd.value) return "";
  return ` (the median of the Monte Carlo draws; ${derivedText({value: base, unit: "usd", bound: r.npvUsd.bound})} at the base values)`;
}

/**
 * The lease clause of a provider that leases its data centres (null for one that owns them): "Oracle leases its data
 * centres it serves from, on leases of about 15 years by its filings, so its capex is the IT alone and its rent is a cash
 * running cost each year, and the $27B of rent it still owes when the term ends is paid then".
 */
export function leaseClause(context: Pick<SectionContext, "data" | "dealId">, r: DealRecycling): string | null {
  if (r.facilityLeaseYears === null) return null;
  const deal = dealOf(context);
  const provider = companyName(context.data, deal.provider);
  const fact = context.data.companies.find((c) => c.id === deal.provider)?.facilityLeaseYears;
  const years = withBound(inputText(r.facilityLeaseYears, "years"), fact?.bound ?? "exact");
  const tail =
    r.leaseTailUsd && r.leaseTailUsd > 0
      ? `, and the rent it still owes on them when the term ends (at ${r.rentPerGwYearUsd !== null ? usd(r.rentPerGwYearUsd) : "the assumed rent"} per GW-year) is charged that year at its value then, ${modelUsd(r.leaseTailUsd)} (each later year's rent discounted at the NPV's rate)`
      : "";
  // The filing's site-wide number, as in the appendix (s15 critic #3: the SEC filings printed "[–]").
  const n = fact ? context.data.sourceNumbers?.[fact.source] : undefined;
  return `${provider} leases the data centres it serves from, on leases of ${years} by its filings${n !== undefined ? ` [${n}]` : ""}, so its capex is the IT alone and its rent is a cash running cost each year${tail}`;
}

/**
 * The returns the cash flows leave out, one clause each, from the deal's `otherReturns` (null when it has none):
 * "OpenAI's 20% revenue share to Microsoft (up to $38B to 31 Dec 2030, an estimate) is cash OpenAI pays Microsoft
 * outside the compute commitment; no NPV here counts it".
 */
export function otherReturnsClause(context: Pick<SectionContext, "data" | "dealId">): string | null {
  const deal = dealOf(context);
  const items = deal.otherReturns ?? [];
  if (!items.length) return null;
  const lab = companyName(context.data, deal.lab);
  const list = items.map(
    (x) =>
      `${x.label} (${bounded(toUsd(x.amount), x.amount.bound ?? "exact", usd)}${x.until ? ` to ${date(x.until)}` : ""}, ${x.amount.status === "estimate" ? "an estimate" : x.amount.status}) is cash ${lab} pays ${companyName(context.data, x.to)}`
  );
  return `${list.join("; ")} outside the compute commitment; no NPV here counts ${items.length > 1 ? "them" : "it"}`;
}

/**
 * The margin clause of the scope: the cash running costs per GW-year from physical inputs, the margin the flows imply
 * and the provider's reported one beside it, as a check: " (cash running costs about $951M per GW-year, the same for
 * every provider; the flows imply about 39%, against its reported 41.5%, a check, not an input)"; "" without flows.
 */
export function impliedMarginClause(
  r: Pick<DealRecycling, "impliedMargin" | "margin" | "cashOpexPerGwYearUsd" | "facilityLeaseYears">,
  ref = ""
): string {
  if (r.impliedMargin === null || r.cashOpexPerGwYearUsd === null) return "";
  return `cash running costs of ${derivedText({value: r.cashOpexPerGwYearUsd, unit: "usd", bound: "about"})} per GW-year (power, staff and maintenance, property tax and insurance${r.facilityLeaseYears !== null ? ", rent" : ""}: the same per GW for every provider that ${r.facilityLeaseYears !== null ? "leases" : "owns"} its data centres), so the flows imply a margin of ${derivedText({value: r.impliedMargin, unit: "fraction", bound: "about"})}, against the provider's reported ${inputText(r.margin.value, "fraction")}${ref} (a check, not an input to the cash)`;
}

/**
 * A lessee's IT left at the term's end: "the IT's book value ($11.2B)", or "the IT, fully written off" when less than
 * $1M is left (what a fully depreciated fleet leaves in floating point).
 */
function itBookText(usdLeft: number): string {
  return usdLeft >= 1e6 ? `the IT's book value (${modelUsd(usdLeft)})` : "the IT, fully written off";
}

/**
 * The sum that gives the provider's cash over the term, from figures each printed in it, so an auditor gets the cash by
 * hand (s16 critic #8: for a deal whose kit runs past its IT life, spend − capex − GW-years × running costs missed the
 * printed cash by the price given back on that kit): "$250B paid for about 22.7 GW-years at $11B each, less about
 * $21.6B of running costs (about $951M a GW-year), about $183B of capex and about $8.02B given back on about 2.43 of
 * those GW-years run at 70% of the price on kit past its IT life"; a lessee's rent still owed after the term is one
 * more term. The GW-years run are the GW-years paid for (the spend ÷ the price). Each term
 * follows the footer's rule (s16 closing: the terms printed bare): one computed from an assumption reads "about" (the
 * GW-years, the running costs, capex, the price given back and the rent owed), an input or a stated figure does not
 * (the contract price, the share the old kit earns, and the spend where it is the lab's commitment); a price dearer
 * than the contract's is computed (the commitment spread over the GW-years on schedule) and reads "about". Null
 * without flows.
 */
export function cashSumClause(
  r: Pick<
    DealRecycling,
    | "revenueUsd"
    | "commitmentUsd"
    | "pricePerGwYearUsd"
    | "contractPricePerGwYearUsd"
    | "capexUsd"
    | "gwYearsInUse"
    | "cashOpexPerGwYearUsd"
    | "oldKitDiscountUsd"
    | "oldKitGwYears"
    | "oldKitPriceShare"
    | "leaseTailUsd"
  >
): string | null {
  const {revenueUsd, pricePerGwYearUsd, capexUsd, gwYearsInUse, cashOpexPerGwYearUsd: opex} = r;
  if (!revenueUsd || !pricePerGwYearUsd || !capexUsd || gwYearsInUse === null || opex === null) return null;
  const about = (value: number, unit: string) => derivedText({value, unit, bound: "about"});
  // The spend is the lab's stated commitment unless the capacity delivered pays for less (recyclingAnswer's rule).
  const paid =
    r.commitmentUsd && revenueUsd.value >= r.commitmentUsd.value * 0.999
      ? usd(revenueUsd.value)
      : derivedText({...revenueUsd, unit: "usd"});
  const price =
    pricePerGwYearUsd.value > r.contractPricePerGwYearUsd * (1 + 1e-9)
      ? about(pricePerGwYearUsd.value, "usd")
      : usd(pricePerGwYearUsd.value);
  const parts = [
    `${about(opex * gwYearsInUse, "usd")} of running costs (${about(opex, "usd")} a GW-year)`,
    `${derivedText({...capexUsd, unit: "usd"})} of capex`
  ];
  // Below $1M the kit past its life is float residue of the renewal rule, nothing a reader could find.
  if (r.oldKitDiscountUsd && r.oldKitDiscountUsd >= 1e6 && r.oldKitGwYears)
    parts.push(
      `${about(r.oldKitDiscountUsd, "usd")} given back on ${about(r.oldKitGwYears, "number")} of those GW-years run at ${pct(r.oldKitPriceShare)} of the price on kit past its IT life`
    );
  if (r.leaseTailUsd && r.leaseTailUsd >= 1e6) parts.push(`${about(r.leaseTailUsd, "usd")} of rent still owed after the term`);
  // Four terms take a comma before the last "and": "… on kit past its IT life, and about $34.1B of rent …".
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(", ")}${parts.length > 3 ? "," : ""} and ${parts.at(-1)}` : parts[0];
  return `${paid} paid for ${about(gwYearsInUse, "gw-years")} at ${price} each, less ${list}`;
}

export function recyclingAnswer(context: Pick<SectionContext, "data" | "dealId">, r: DealRecycling, rate: number): string | null {
  if (!r.providerCashUsd || !r.capexUsd || !r.npvUsd || !r.commitmentUsd) return null;
  const deal = dealOf(context);
  const investor = investorNames(context, {group: true});
  const provider = companyName(context.data, deal.provider);
  const lab = companyName(context.data, deal.lab);
  const money = r.newMoneyExpectedUsd.value;
  // One revenue rule: the lab pays its commitment, less only when it receives less capacity than that pays for.
  const spend =
    r.revenueUsd && r.revenueUsd.value < r.commitmentUsd.value * 0.999
      ? `, of which it pays ${derivedText({...r.revenueUsd, unit: "usd"})}: the capacity delivered within the term is less than the commitment pays for`
      : "";
  const scope = `Scope: ${money > 0 ? `${investor}'s new money in this deal, ${newMoneyScope(money, r.newMoneyMaxUsd)}` : "no new money from the provider's group in this deal"}, against ${lab}'s ${bounded(r.commitmentUsd.value, r.commitmentUsd.bound, usd)} on ${provider}${spend}; ${impliedMarginClause(r) ? `${impliedMarginClause(r, marginRef(context.data, r))}; ` : ""}cash after the capex ${provider} must spend to deliver the capacity (${derivedText({...r.capexUsd, unit: "usd"})})${leaseClause(context, r) ? `; ${leaseClause(context, r)}` : ""}; NPVs at ${pct(rate)} to 1 January ${r.valuationYear}.`;
  const cash = r.providerCashUsd.value;
  const cashText = derivedText({...r.providerCashUsd, unit: "usd"});
  const kept = cash >= 0 ? `${provider} keeps ${cashText} of cash over the term` : `${provider}'s cash over the term is ${cashText}`;
  const book =
    r.residualUsd && r.residualUsd.value > 0
      ? r.facilityLeaseYears !== null
        ? `; what is left when the term ends, the IT at book value and the use of the leased sites for the rent still owed, ${derivedText({...r.residualUsd, unit: "usd"})}, is not cash and is not counted`
        : `; the capex left at book value when the term ends, ${derivedText({...r.residualUsd, unit: "usd"})}, is not cash and is not counted`
      : "";
  const withResidual =
    r.npvWithResidualUsd && r.residualUsd && r.residualUsd.value > 0
      ? ` Counting ${r.facilityLeaseYears !== null ? "that" : "that book value"} as the capacity's worth at term end (it can be re-let), the net cash would be ${derivedText({...r.npvWithResidualUsd, unit: "usd"})}${r.baseCase?.npvWithResidualUsd != null && r.baseCase.npvWithResidualUsd !== r.npvWithResidualUsd.value ? ` (median of the same draws; ${modelUsd(r.baseCase.npvWithResidualUsd)} at the base values)` : ""}.`
      : "";
  const cashSum = cashSumClause(r);
  const sumText = cashSum ? `: ${cashSum}` : "";
  const never = r.paybackNeverShare ? `; in ${pct(r.paybackNeverShare)} of the draws it never is` : "";
  const back =
    money > 0
      ? `${kept} (at the base values, not discounted${sumText}${book}), against ${usd(money)} of new money: ${r.baseCase && paybackEven(r.paybackNeverShare) ? `it is back within the deal at about even odds (in ${drawShareText(1 - (r.paybackNeverShare ?? 0))} of the draws), so no median year stands` : r.paybackYear !== null ? `it is back by ${r.paybackYear}${r.baseCase ? ` (median of the draws${never})` : ""}` : `it is not back within the deal${r.baseCase ? ` in the median draw${never}` : ""}`}, and in ${r.valuationYear} dollars the new money's net cash is ${derivedText({...r.npvUsd, unit: "usd"})}${medianNote(r)}.`
      : `${kept} (at the base values, not discounted${sumText}${book}); in ${r.valuationYear} dollars that is ${derivedText({...r.npvUsd, unit: "usd"})}${medianNote(r)}.`;
  const mark = r.equity.filter((p) => p.kind === "mark").at(-1);
  const stated = ceilingFilledSentence(context, r);
  const equity =
    mark && r.totalReturnUsd
      ? ` On top, not cash: ${investor}'s stake was marked at ${usd(mark.usd)} on ${date(mark.date)}${r.equityGainUsd ? `, ${derivedText({...r.equityGainUsd, unit: "usd"})} above the cash paid in by then` : ""}; with every tranche of the relationship, the total return is ${derivedText({...r.totalReturnUsd, unit: "usd"})}${r.baseCase?.totalReturnUsd != null && r.baseCase.totalReturnUsd !== r.totalReturnUsd.value ? ` (the relationship's NPV is the median of the same draws as the headline; ${modelUsd(r.baseCase.totalReturnUsd)} at the base values)` : ""}.`
      : " The investor has published no mark of its stake, so no equity value is added.";
  const other = otherReturnsClause(context);
  return `${scope} ${back}${withResidual}${stated ? ` ${stated}` : ""}${other ? ` Left out: ${other}.` : ""}${equity}`;
}

/**
 * Returns the provider-side exposure in one or two sentences: this deal's commitment set against the provider's
 * stated backlog at its date (whether the backlog can hold it, from the dates), and the lab's stated share of that
 * backlog when a source gives one. Null without an exposure.
 *
 * The commitment "equals" a share of the backlog, never "is" one: the backlog may not hold it (s15 critic #2: "is over
 * 27% of the backlog" read as a share of a backlog that leaves the deal out); where the source says it leaves the
 * deal out, the sentence gives the share of the two together. A backlog read only in a secondary copy (an estimate)
 * is attributed to the page that reports it, not said to be the provider's statement. Every source carries its
 * site-wide number, as in the appendix.
 */
export function providerExposureSentence(context: Pick<SectionContext, "data">, e: ProviderExposure | null): string | null {
  if (!e) return null;
  const lab = companyName(context.data, e.lab);
  const provider = companyName(context.data, e.provider);
  const publisher = (id: string | null) => (id ? context.data.sources.find((s) => s.id === id)?.publisher : undefined);
  const number = (id: string | null) => {
    const n = id ? context.data.sourceNumbers?.[id] : undefined;
    return n !== undefined ? ` [${n}]` : "";
  };
  const by = (id: string | null) => {
    const name = publisher(id);
    return `${name ? `, ${name}` : ""}${number(id)}`;
  };
  const status = e.backlogUsd.lineage.status;
  const backlog = usd(e.backlogUsd.value);
  const when = date(e.backlogAsOf);
  // "Stated" only where the figure rests on the provider's own words (a filing, its release, or a named outlet's report
  // of them); an estimate rests on a copy, and says whose.
  const reporter = publisher(e.backlogSource);
  const backlogWords =
    status === "confirmed" || status === "reported" || !reporter
      ? `the ${backlog} of backlog ${provider} stated at ${when} (${status}${by(e.backlogSource)})`
      : `${possessive(provider)} backlog at ${when}, ${backlog} as ${reporter} reports it (${status}${number(e.backlogSource)})`;
  const commitment = bounded(e.commitmentUsd.value, e.commitmentUsd.bound, usd);
  const share = bounded(e.commitmentShare.value, e.commitmentShare.bound, pct);
  // An announcement can follow the signing by weeks (a contract signed inside a quarter is announced after it), so
  // the dates alone never say the backlog leaves a commitment out.
  // A source that says the backlog leaves the deal out settles it (s14 critic #14: the hedge below printed beside a
  // newer backlog figure stated as excluding the deal).
  const holds = e.excludedFromBacklog
    ? `that backlog leaves this deal out, as its source says, so the commitment comes on top of it${e.shareWithDeal ? ` and would be ${bounded(e.shareWithDeal.value, e.shareWithDeal.bound, pct)} of the two together` : ""}`
    : e.announcedAfterBacklog
      ? "the deal was announced after that date, so the backlog holds it only if it was signed before"
      : "whether the backlog already holds it is not stated";
  const labShare =
    e.labShare && e.labShareUsd
      ? ` ${lab}'s share of that backlog, across all its contracts with ${provider}, is ${bounded(e.labShare.value, e.labShare.bound, pct)}, ${bounded(e.labShareUsd.value, e.labShare.bound, usd)} (${e.labShare.lineage.status}${by(e.labShareSource)}).`
      : "";
  // A later backlog a source gives this commitment a share of, without its figure (s16 critic #6: the 83% was taken
  // of a backlog the briefing's page 2 said had nearly doubled by the next quarter, and that quarter's share had no number).
  const later = e.laterShare
    ? ` ${possessive(provider)} backlog at ${date(e.laterShare.asOf)} is ${e.laterShare.larger ? "larger" : "no larger"}: this commitment is ${bounded(e.laterShare.share.value, e.laterShare.share.bound, pct)} of it (${e.laterShare.share.lineage.status}${by(e.laterShare.source)}), a share its source gives without that backlog's figure.`
    : "";
  return `Provider-side exposure: this commitment, ${commitment}, equals ${share} of ${backlogWords}; ${holds}.${later}${labShare}`;
}

/**
 * Returns the provider-side exposure paragraph (null without an exposure): the sentence, which prints each source's
 * number in its bracket, and a link to each source on screen only, so print gives each number once (s15 critic #20:
 * "(estimate [107]) … — Belcourt, 29 Apr 2026[107]"); the links keep the sources cited for the briefing's appendix.
 */
export function ProviderExposureParagraph(context: Pick<SectionContext, "data">, row: ProviderExposure | null): HTMLElement | null {
  const sentence = providerExposureSentence(context, row);
  if (!sentence || !row) return null;
  const links = {sources: context.data.sourcesById, index: context.data.sourceNumbers, print: "none" as const};
  return el(
    "p",
    {class: "recycling-exposure"},
    sentence,
    SourceLink(row.backlogSource, links),
    row.labShareSource ? SourceLink(row.labShareSource, links) : null
  );
}

/** "AWS's", "Microsoft's": the possessive of a company name. */
const possessive = (name: string) => `${name}'s`;

/**
 * The equity chart's title where the investor has published no mark (critic s9 M11: the title stated no finding):
 * what the lab's post-money valuations did, and that no mark is drawn. "OpenAI's post-money valuation rose from $300B
 * (Mar 2025) to $730B (Feb 2026); Amazon has published no mark of its stake".
 */
export function equityNoMarkTitle(
  points: readonly {date: string; kind: string; usd: number; bound: Bound}[],
  investor: string,
  lab: string
): string {
  const valuations = points.filter((p) => p.kind === "valuation").sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const none = `${investor} has published no mark of its stake`;
  const at = (p: (typeof valuations)[number]) => `${bounded(p.usd, p.bound, usd)} (${monthYear(p.date)})`;
  if (!valuations.length) return `${capitalizeFirst(none)}; the chart shows ${lab}'s valuations only`;
  const first = valuations[0];
  const last = valuations.at(-1)!;
  if (valuations.length === 1 || first.usd === last.usd) return `${lab} was valued at ${at(last)} post-money; ${none}`;
  return `${lab}'s post-money valuation ${last.usd > first.usd ? "rose" : "fell"} from ${at(first)} to ${at(last)}; ${none}`;
}

const capitalizeFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Returns the "if the lab fills the ceiling" reading beside the central case (which is paid on the stated
 * commitment), in one or two sentences: what the new money's cash NPV is if the lab pays the contract price on all
 * the capacity delivered and the provider builds it all, and by how much that moves the headline (sign computed);
 * or why the two readings are the same. Null without a commitment.
 */
export function ceilingFilledSentence(context: Pick<SectionContext, "data" | "dealId">, r: DealRecycling): string | null {
  const s = r.ceilingFilled;
  if (!s || !r.commitmentUsd || !r.npvUsd || !r.revenueUsd) return null;
  const deal = dealOf(context);
  const lab = companyName(context.data, deal.lab);
  const provider = companyName(context.data, deal.provider);
  const commitment = bounded(r.commitmentUsd.value, r.commitmentUsd.bound, usd);
  // A capacity figure for part of the hardware is not the ceiling (capacityName).
  const fills = `If ${lab} fills ${capacityName(deal.capacity)}`;
  if (!(s.revenueUsd > r.revenueUsd.value * 1.001))
    return `${fills}: the same figures, since these economics rest on ${lab}'s stated ${commitment} commitment${r.deliveredGwYears ? ` and at the contract price the capacity ${provider} delivers comes to no more` : " and the deal states no delivery schedule to pay for beyond it"}.`;
  const shift = s.npvUsd.value - r.npvUsd.value;
  const base = s.baseNpvUsd !== undefined ? `; ${modelUsd(s.baseNpvUsd)} at the base values` : "";
  const moves =
    Math.abs(shift) < 0.005 * Math.abs(r.npvUsd.value)
      ? "the same as the headline"
      : `${modelUsd(Math.abs(shift))} ${shift < 0 ? "below" : "above"} the headline`;
  const sign = (x: number) => (x < 0 ? "negative" : "positive");
  const both =
    sign(r.npvUsd.value) === sign(s.npvUsd.value)
      ? `; the median is ${sign(r.npvUsd.value)} either way`
      : "; the median's sign turns on it";
  const baseSigns =
    s.baseNpvUsd !== undefined && r.baseCase?.npvUsd != null && sign(s.baseNpvUsd) !== sign(r.baseCase.npvUsd)
      ? `; at the base values the sign turns on it (${modelUsd(r.baseCase.npvUsd)} against ${modelUsd(s.baseNpvUsd)})`
      : "";
  return `${fills}: the headline is paid on ${lab}'s stated ${commitment} commitment; if it paid the contract price on all the capacity ${provider} delivers, ${modelUsd(s.revenueUsd)}, and ${provider} built it all (${modelUsd(s.capexUsd)} of capex), the new money's net cash would be ${derivedText({...s.npvUsd, unit: "usd"})} (median of the draws${base}), ${moves}${both}${baseSigns}.`;
}

/** A figure card; `sources` are ids the foot cites by number, listed in a briefing's appendix (`data-sources`). */
function Kpi(
  label: string,
  figure: Figure | null,
  unit: string,
  name: string | null,
  foot: string,
  sources: readonly string[] = []
): HTMLElement | null {
  if (!figure) return null;
  return el(
    "div",
    {class: "card commitment-kpi"},
    el("h3", {}, label),
    el(
      "div",
      {class: "big"},
      el("span", {"data-figure": name ?? undefined}, derivedText({...figure, unit})),
      NamedDerivedBadge(figure.lineage, name, derivedText({...figure, unit}))
    ),
    foot ? el("p", {class: "card-foot", "data-sources": sources.length ? sources.join(" ") : undefined}, foot) : null
  );
}

function range(spread: FigureSpread | undefined, format: (x: number) => string): string {
  return spread && Number.isFinite(spread.p10) && format(spread.p10) !== format(spread.p90)
    ? `P10–P90 ${format(spread.p10)} to ${format(spread.p90)}`
    : "";
}

/** Returns the recycling section for one deal. */
export async function RecyclingSection(context: SectionContext): Promise<HTMLElement> {
  const loaded = await charts();
  const {critiqueClaims, marginRef, RecyclingCritique, RecyclingEquityChart, RecyclingSankey, recyclingGraph} = loaded;
  const deal = dealOf(context);
  const view = dealView(context);
  const r = view.recycling;
  const investor = investorNames(context);
  // The cash figures are the provider group's (Microsoft's in Microsoft + Nvidia → Anthropic): a title or card on
  // them names that group, never an investor whose money is analysed apart (critic s6 #9).
  const group = investorNames(context, {group: true});
  const lab = companyName(context.data, deal.lab);
  const provider = companyName(context.data, deal.provider);
  const rate = view.assumptions["discount-rate"];
  const uncertainty = view.uncertainty?.figures;
  // When the capex comes at once and a delivery slip cannot move the cash, and how a deal without a schedule is built
  // out (s9 critic M13): said beside the capex.
  const timing = capexTimingText(
    r.flows,
    // The tornado is the base scenario's (controls do not redraw it): read only when the controls are untouched.
    isCustom(context.controls)
      ? undefined
      : context.analysis.projections[deal.id]?.tornado?.["recycling.npvUsd"]?.find((row) => row.id === "slip-months"),
    // A deal without a dated schedule: how its capacity is built out, at the values in use.
    r.buildOut
  );
  const equityEdges = marketMap({companies: context.data.companies, chips: context.data.chips, deals: [deal]}).edges.filter(
    (e) => e.kind !== "commitment"
  );
  const graph = recyclingGraph(r, equityEdges, {investor: (id) => companyName(context.data, id), lab, provider});
  const payback = r.paybackYear;
  const answer = recyclingAnswer(context, r, rate);
  // A briefing's data holds only its deal, so it carries the lab's exposure computed from every deal.
  const exposures: LabExposure[] = context.data.labExposures ?? labExposure(context.data);
  const exposure = exposures.find((d) => d.lab === deal.lab);
  const providerRow = providerExposure(context.data, deal.id);
  // The charts' findings and source line, from the same figures the cards show.
  const source = chartSourceLine(context.data, {
    inputs: [r.investmentFirmUsd, r.commitmentUsd, r.operatingProfitUsd, r.npvUsd].flatMap((f) => f?.lineage.inputs ?? [])
  });
  // Commitment ÷ investment on the comparison's one denominator for every deal, said in the title (critic s14 #4: the
  // title divided by the relationship's expected investment, "19× Microsoft's expected investment", where the table
  // divides by firm money and the money was all paid years before the deal).
  const ratioRow = context.analysis.comparison?.find((c) => c.id === deal.id);
  const ratio = ratioRow?.commitmentToInvestment;
  const flowFinding =
    r.commitmentUsd && ratio && ratioRow
      ? `${lab}'s committed spend with ${provider} is ${bounded(ratio.value, ratio.bound, times, ratio.inclusive)} ${ratioDivisor(ratioRow, lab)}${ratioRow.ratioMoneyBeforeDeal ? ", all of it before this deal" : ""}`
      : r.commitmentUsd && r.investmentExpectedUsd.value > 0
        ? `${lab}'s committed spend with ${provider} is ${times(r.commitmentUsd.value / r.investmentExpectedUsd.value)} ${investorNames(context, {group: true})}'s expected investment`
        : `${investor} puts no equity into ${lab}; ${lab}'s spend flows to ${provider}`;
  const npvWords = r.npvUsd
    ? `discounted at ${pct(rate)}, ${r.baseCase ? "the draws' median NPV is" : "the flows are worth"} ${derivedText({...r.npvUsd, unit: "usd"})}`
    : "";
  // The title describes the plotted line (the base path), and names the median draw's payback where it differs.
  const line = netCashLineFinding(r.flows, {
    group,
    medianPaybackYear: payback,
    fromDraws: Boolean(r.baseCase),
    chosen: isCustom(context.controls),
    npvWords,
    npvNegative: Boolean(r.npvUsd && r.npvUsd.value < 0),
    neverShare: r.paybackNeverShare
  });
  const netCashFinding = line.title;
  // Subsections whose whole content would be their absence (no dollar commitment: no flows to draw, nothing to weigh
  // the critique against) are left out, and one line says so (critic s8 M12).
  const claims = critiqueClaims(r, {investor: investorNames(context, {group: true}), provider, discountRate: rate});
  const debate = claims.critique.length + claims.counter.length > 0;
  const left = [graph ? "" : "where the money goes", debate ? "" : "the recycling critique weighed in dollars"].filter(Boolean);
  // A deal with no money in either direction and no commitment (Broadcom → OpenAI): an investment card would read
  // "$0 … $0 expected … $0 expected" and nothing else; the line below names what is absent instead (critic s8 M12).
  const noMoney =
    !r.commitmentUsd &&
    !r.rebateExpectedUsd &&
    r.investmentFirmUsd.value === 0 &&
    r.investmentExpectedUsd.value === 0 &&
    r.newMoneyMaxUsd.value === 0 &&
    r.otherInvestorsFirmUsd.value === 0;
  const lower = () => [
    graph ? el("h3", {}, "Where the money goes") : null,
    graph
      ? [
          el(
            "p",
            {},
            `Totals over the deal at every assumption's base value (not the median of the draws the cards above give), in US dollars, not discounted. ${r.investmentExpectedUsd.value > 0 ? `${investor}'s equity flows into ${lab}` : `${investor} puts no equity into ${lab}`}; ${lab}'s committed spend flows to ${provider}; ${provider} keeps its operating margin as profit (the accounting view: the cash view below also takes out the capex). Contingent equity is counted at its expected value (${pct(view.assumptions["contingent-probability"])} of face value).`
          ),
          ChartFrame(RecyclingSankey(graph, {width: context.width, print: context.print}), {title: flowFinding, source})
        ]
      : null,
    r.flows.length
      ? [
          el("h3", {}, `Cumulative cash to ${group} on this deal's new money, by year`),
          el(
            "p",
            {},
            `${provider}'s cash each year (the lab's spend, which follows the delivered capacity where the deal schedules it, minus its cash running costs (power, staff and maintenance, property tax and insurance${r.facilityLeaseYears !== null ? ", rent" : ""}), minus the capex for the capacity it delivers${r.facilityLeaseYears !== null ? `, the IT alone as ${provider} leases its data centres, and in the last year the rent still owed on those leases` : ""}; what is left of that capex at book value when the term ends is not cash and is left out) minus this deal's new money that year, added up. The line is that sum ${isCustom(context.controls) ? "at the values chosen" : "with every assumption at its base value"}; the band around it is each year's P10–P90 over the draws (each year's own percentiles, not one draw's path)${bandTail(view)}. ${r.baseCase ? (paybackEven(r.paybackNeverShare) ? `The money is back within the deal in ${drawShareText(1 - (r.paybackNeverShare ?? 0))} of the draws: about even odds, so no median year stands.` : payback !== null ? `In the median draw the money is back in ${payback}.` : "In the median draw the money is not back within the deal.") : ""} ${r.npvUsd ? `Discounted at ${pct(rate)} to 1 January ${r.valuationYear}, the same date for every deal, ${r.baseCase?.npvUsd != null ? `the line's flows are worth ${derivedText({...r.npvUsd, value: r.baseCase.npvUsd, unit: "usd"})}, and the median of the draws' NPVs is ${derivedText({...r.npvUsd, unit: "usd"})}` : `the flows are worth ${derivedText({...r.npvUsd, unit: "usd"})}`}.` : ""}`
          ),
          ...((panel) => [ChartFrame(panel.chart, {title: netCashFinding, source}), panel.note, panel.csv])(
            NetCashPanel(context, view, loaded)
          )
        ]
      : null,
    r.equity.length
      ? [
          el("h3", {}, "Equity, kept apart from cash"),
          ChartFrame(
            RecyclingEquityChart(r.equity, {invested: r.investmentFirmUsd, investor, lab, width: context.width, print: context.print}),
            {
              title: r.equityGainUsd ? equityGainTitle(deal, r.equityGainUsd, investor, lab) : equityNoMarkTitle(r.equity, investor, lab),
              source: chartSourceLine(context.data, {
                inputs: [...(r.equityGainUsd?.lineage.inputs ?? []), ...r.investmentFirmUsd.lineage.inputs]
              })
            }
          ),
          !context.print && ChartCsv(EQUITY, view.deal, r.equity, context.data.version)
        ]
      : null,
    debate
      ? [
          el("h3", {}, "The recycling critique, and the case against it"),
          RecyclingCritique(r, {
            investor: investorNames(context, {group: true}),
            provider,
            discountRate: rate,
            marginRef: marginRef(context.data, r),
            payback: uncertainty?.["recycling.paybackYear"]
          })
        ]
      : null,
    left.length
      ? el(
          "p",
          {class: "muted recycling-left-out"},
          `Not drawn for ${deal.name}${r.commitmentUsd ? "" : noMoney ? `, which states no dollar commitment and no investment by ${investor} in ${lab}` : ", which states no dollar commitment"}: ${left.join(", and ")}.`
        )
      : null
  ];
  return el(
    "div",
    {class: "recycling"},
    answer ? el("p", {class: "recycling-answer"}, answer) : null,
    exposure
      ? el(
          "p",
          {class: "recycling-exposure"},
          `Lab-side exposure: ${lab}'s dollar commitments across the ${exposure.deals.length} deal${exposure.deals.length > 1 ? "s" : ""} in the data add up to ${bounded(exposure.commitmentsUsd.value, exposure.commitmentsUsd.bound, usd)}` +
            (exposure.revenueUsd && exposure.yearsOfRevenue
              ? `, ${ratioNumber(exposure.yearsOfRevenue.value)} times its ${usd(exposure.revenueUsd.value)} of revenue (${exposure.revenueUsd.lineage.status}; annualized, as its source states), each commitment spread over its own term.`
              : "; the data has no sourced revenue for it to compare with.") +
            // Critic 34: the sum counts this data's deals only, so it is the least the lab has committed, not all of it.
            ` Only the deals in this data are counted; a commitment ${lab} made elsewhere would add to the sum.`
        )
      : null,
    ProviderExposureParagraph(context, providerRow),
    el(
      "div",
      {class: "commitment-kpis"},
      noMoney
        ? null
        : Kpi(
            // With investors outside the provider's group beside it, the cash analysis counts the group's money only.
            // "Up to" and "firm" do not go together: money promised up to a sum is committed (the key box says the same).
            `${r.otherInvestorsFirmUsd.value > 0 ? `Invested by ${investorNames(context, {group: true})}` : "Invested"}, ${firmWord([r.investmentFirmUsd.bound])}`,
            r.investmentFirmUsd,
            "usd",
            "recycling.investmentFirmUsd",
            [
              `expected with contingent tranches: ${derivedText({...r.investmentExpectedUsd, unit: "usd"})}`,
              `new money (this deal): ${newMoneyCard(r.newMoneyExpectedUsd.value, r.newMoneyMaxUsd)}`,
              view.assumptions["credit-share"] > 0 && r.investmentToCommitmentNewAtCost
                ? `${pct(view.assumptions["credit-share"])} paid in credits, counted at their cost to ${provider}: new money at cost is ${pct(r.investmentToCommitmentNewAtCost.value)} of the commitment`
                : "",
              r.rebateExpectedUsd
                ? `${provider}'s rebate in kind to ${lab} (its own stock or warrant): ${derivedText({...r.rebateExpectedUsd, unit: "usd"})} expected, a discount on ${lab}'s spend, ${r.flows.length ? "netted in the cash flows below" : "with no cash flows to net it in (the deal states no dollar commitment)"} and not counted as invested`
                : "",
              r.otherInvestorsFirmUsd.value > 0
                ? `${usd(r.otherInvestorsFirmUsd.value)} from investors outside ${provider}'s group is left out: it earns nothing from ${provider}'s margin`
                : ""
            ]
              .filter(Boolean)
              .join(" · ")
          ),
      Kpi("Cloud spend committed", r.commitmentUsd, "usd", null, `to ${provider} over the term`),
      Kpi(
        "Firm investment ÷ commitment",
        r.investmentToCommitmentFirm,
        "fraction",
        "recycling.investmentToCommitmentFirm",
        "every firm dollar invested, against the spend committed"
      ),
      Kpi(
        `Capex ${provider} must spend`,
        r.capexUsd,
        "usd",
        "recycling.capexUsd",
        r.facilityLeaseYears !== null
          ? `to equip the capacity ${lab}'s spend keeps busy: IT only, ${usd(view.assumptions["capex-per-gw"] * view.assumptions["it-share"] * 1e9)} per GW (${pct(view.assumptions["it-share"])} of ${usd(view.assumptions["capex-per-gw"] * 1e9)}), as ${provider} leases its data centres (their rent a cash running cost); ${itRenewalText(view.assumptions["it-life"], view.assumptions["it-renewal-share"], view.assumptions["old-kit-price-share"])}; not discounted; ${laterCapexText(view.assumptions["capex-per-gw"] * 1e9, r)}${timing ? `; ${timing}` : ""}`
          : `to build the capacity ${lab}'s spend keeps busy${r.deliveredGwYears ? " (never more than the deal schedules)" : ""}, at ${usd(view.assumptions["capex-per-gw"] * 1e9)} per GW, chips included; ${itRenewalText(view.assumptions["it-life"], view.assumptions["it-renewal-share"], view.assumptions["old-kit-price-share"])}; not discounted; ${laterCapexText(view.assumptions["capex-per-gw"] * 1e9, r)}${timing ? `; ${timing}` : ""}`
      ),
      Kpi(
        `Cash NPV at ${pct(rate)}, new money, ${r.valuationYear} dollars`,
        r.npvUsd,
        "usd",
        "recycling.npvUsd",
        [
          `${provider}'s cash (revenue − cash costs − capex) − this deal's new money, discounted to 1 January ${r.valuationYear} from the start of each year`,
          r.baseCase?.npvUsd != null ? `median of the draws; ${modelUsd(r.baseCase.npvUsd)} at the base values` : "",
          range(uncertainty?.["recycling.npvUsd"], usd),
          drawsNote(r, view.uncertainty?.draws),
          // The sensitivity page 1 and the CLI print: the flows held at the provider's guided or reported margin.
          // The held margin, guided or reported, carries its source number, as every other print of it (heldMarginRef;
          // the core numbers none), and the foot cites that source so a briefing's appendix lists it.
          heldMarginText(provider, r)
            ? `${heldMarginText(provider, r, {ref: heldMarginRef(context.data, r)})}${r.baseCase?.npvAtHeldMarginUsd != null ? ` (${modelUsd(r.baseCase.npvAtHeldMarginUsd)} at the base values)` : ""}`
            : "",
          (dealOf(context).otherReturns ?? []).length
            ? `leaves out ${(dealOf(context).otherReturns ?? []).map((x) => x.label).join(" and ")}, paid outside the commitment`
            : ""
        ]
          .filter(Boolean)
          .join(" · "),
        heldMarginText(provider, r) && r.heldMargin ? [r.heldMargin.source] : []
      ),
      r.npvWithResidualUsd && r.residualUsd && r.residualUsd.value > 0
        ? Kpi(
            `Cash NPV with the capacity's value at term end, ${r.valuationYear} dollars`,
            r.npvWithResidualUsd,
            "usd",
            "recycling.npvWithResidualUsd",
            [
              r.leaseTailUsd
                ? `the cash NPV + what is left when the term ends, discounted: ${itBookText(r.residualUsd.value - r.leaseTailUsd)} and the leased sites counted as worth the rent still owed on them (${modelUsd(r.leaseTailUsd)}) (a cash cost the cash NPV pays); not cash`
                : `the cash NPV + the book value left when the term ends (${derivedText({...r.residualUsd, unit: "usd"})}, capacity that can be re-let), discounted; not cash`,
              r.baseCase?.npvWithResidualUsd != null
                ? `median of the draws; ${modelUsd(r.baseCase.npvWithResidualUsd)} at the base values`
                : "",
              range(uncertainty?.["recycling.npvWithResidualUsd"], usd)
            ]
              .filter(Boolean)
              .join(" · ")
          )
        : null,
      r.flows.length
        ? el(
            "div",
            {class: "card commitment-kpi"},
            el("h3", {}, "Payback year, cash, new money"),
            el(
              "div",
              {class: "big", "data-figure": "recycling.paybackYear"},
              // Near even odds the median draw's year or "none" rests on a few draws: the share is the figure, as
              // on page 1 (critic s8 H1).
              paybackEven(r.paybackNeverShare)
                ? `even odds: ${drawShareText(1 - r.paybackNeverShare!)}`
                : payback === null
                  ? NO_PAYBACK
                  : derivedText({value: payback, unit: "year", bound: "about"})
            ),
            el(
              "p",
              {class: "card-foot"},
              [
                ...(paybackEven(r.paybackNeverShare)
                  ? [
                      `the share of the draws in which cumulative cash (money only: no book value at the term's end) turns positive within the deal; the median draw's payback: ${paybackYearText(payback)}`,
                      r.baseCase ? `${paybackYearText(r.baseCase.paybackYear)} at the base values` : ""
                    ]
                  : [
                      payback === null
                        ? "cumulative cash is still negative when the spend ends"
                        : "first year from which cumulative cash (money only: no book value at the term's end) stays ≥ 0",
                      r.baseCase ? `median of the draws; ${paybackYearText(r.baseCase.paybackYear)} at the base values` : "",
                      r.paybackNeverShare ? `${pct(r.paybackNeverShare)} of the draws never pay back` : ""
                    ]),
                r.residualUsd && r.residualUsd.value > 0
                  ? r.leaseTailUsd
                    ? `${r.residualUsd.value - r.leaseTailUsd >= 1e6 ? `IT book value left at the end, not cash: ${modelUsd(r.residualUsd.value - r.leaseTailUsd)}` : "the IT is fully written off by the end"}; rent owed after the term, a cash cost in the last year: ${modelUsd(r.leaseTailUsd)}`
                    : `book value left at the end, not cash: ${derivedText({...r.residualUsd, unit: "usd"})}`
                  : ""
              ]
                .filter(Boolean)
                .join(" · ")
            )
          )
        : null,
      Kpi(
        "Accounting view, not cash: operating profit",
        r.operatingProfitUsd,
        "usd",
        "recycling.operatingProfitUsd",
        [
          `the lab's spend − running costs − depreciation (no capex)`,
          r.baseCase?.operatingProfitUsd != null
            ? `median of the draws; ${modelUsd(r.baseCase.operatingProfitUsd)} at the base values`
            : "",
          r.impliedMargin !== null
            ? `at the base values ${derivedText({value: r.impliedMargin, unit: "fraction", bound: "about"})} of the spend, the margin the cash flows imply; ${provider} reports ${inputText(r.margin.value, "fraction")}${marginRef(context.data, r)}, a check that sets no figure here`
            : "",
          r.accountingNpvUsd ? `NPV of profit − new money ${derivedText({...r.accountingNpvUsd, unit: "usd"})}` : "",
          range(uncertainty?.["recycling.operatingProfitUsd"], usd)
        ]
          .filter(Boolean)
          .join(" · ")
      ),
      Kpi(
        `Cash NPV, relationship to date, ${r.valuationYear} dollars`,
        r.relationship.npvUsd,
        "usd",
        "recycling.relationshipNpvUsd",
        [
          `every tranche of ${group} in this deal, earlier ones compounded at ${pct(rate)}; the lab's past spend on ${provider} is not in the data`,
          r.baseCase?.relationshipNpvUsd != null
            ? `median of the same draws as the headline; ${modelUsd(r.baseCase.relationshipNpvUsd)} at the base values`
            : ""
        ]
          .filter(Boolean)
          .join(" · ")
      ),
      Kpi(
        "Total return, not cash",
        r.totalReturnUsd,
        "usd",
        "recycling.totalReturnUsd",
        [
          "relationship cash NPV + the investor's latest mark of its stake (a fair value, not money received)",
          r.baseCase?.totalReturnUsd != null ? `median of the draws; ${modelUsd(r.baseCase.totalReturnUsd)} at the base values` : ""
        ]
          .filter(Boolean)
          .join(" · ")
      ),
      Kpi("Equity gain, not cash", r.equityGainUsd, "usd", "recycling.equityGainUsd", "latest mark − firm cash paid in by then")
    ),
    r.chipMakers.map((m) =>
      el(
        "p",
        {class: "recycling-chip-maker"},
        `${companyName(context.data, m.company)} is analysed apart, on its own return channel: its ${pct(m.margin.value)} gross margin on the chips in the capacity the commitment keeps busy (about ${unitText(m.gw, "gw")} at most), ${modelUsd(m.chipsUsd)} (${r.facilityLeaseYears !== null ? `${provider}'s capex, all of it IT, × the chip maker's share of IT` : `${provider}'s capex × the IT share × the chip maker's share of IT`}), is ${modelUsd(m.grossProfitUsd)} of gross profit over the term, not discounted, against its ${withBound(usd(m.investedFirmUsd), m.investedFirmBound, m.investedFirmUsd)} invested; at ${pct(rate)} to 1 January ${r.valuationYear}, gross profit minus that money is ${withBound(usd(m.npvUsd), "about", m.npvUsd)}: gross profit, not cash (before ${companyName(context.data, m.company)}'s own operating costs), and the stake it holds for its money is not counted. ${provider}'s margin is not counted for it, and its money is not netted against ${provider}'s.${
          m.onCeiling
            ? ` The capacity contracted on top of the commitment (up to ${inputText(m.onCeiling.gw, "gw")}) is not in that figure; if it is built with ${companyName(context.data, m.company)}'s systems too, the same formula gives ${modelUsd(m.onCeiling.chipsUsd)} more of chips (${inputText(m.onCeiling.gw, "gw")} × ${usd(view.assumptions["capex-per-gw"] * 1e9)} per GW × the IT share × the chip maker's share of IT) and ${modelUsd(m.onCeiling.grossProfitUsd)} more gross profit, ${modelUsd(m.grossProfitUsd + m.onCeiling.grossProfitUsd)} in all against its ${withBound(usd(m.investedFirmUsd), m.investedFirmBound, m.investedFirmUsd)}, not discounted (the data give that capacity no dates).`
            : ""
        }`
      )
    ),
    isCustom(context.controls)
      ? el("p", {class: "muted commitment-note"}, "Recomputed for your scenario and values; the P10–P90 band is redrawn around them.")
      : null,
    // The charts and the critique, below the cards: drawn when they come near the screen (not in print), so a phone
    // spends its first seconds on the answer and the cards (the heights held are the drawn ones' medians, 6 Dec 2026).
    context.print
      ? lower()
      : Deferred(() => el("div", {class: "recycling-charts"}, lower()), {
          height: heightAt(context.width, [326, LOWER_HEIGHT.narrow], [704, LOWER_HEIGHT.wide]),
          key: "recycling-charts"
        })
  );
}

export const recycling: Section = {
  id: "recycling",
  title: "How much of the investment comes back",
  // A deal whose provider invests nothing has no investment to come back: the section weighs the provider's cash.
  titleFor: (context) => {
    const r = context.dealId ? context.analysis.projections[context.dealId]?.recycling : undefined;
    return !r || r.investmentMaxUsd.value > 0 ? "How much of the investment comes back" : "What the provider's cash comes to";
  },
  perDeal: true,
  render: (context) => RecyclingSection(context),
  prepare: () => charts()
};
