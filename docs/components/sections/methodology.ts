/**
 * Methodology: every assumption with its range and source; each headline figure of a deal with its formula in
 * words and its lineage; how the Monte Carlo works, with the deal's P10–P90 bands and tornado; the option model;
 * the data version and as-of date. The numbered sources list is the `sources` section (re-exported here so the
 * section registry finds it).
 */
import {
  CLUSTER_BINS,
  CLUSTER_DIP,
  CLUSTER_MIN_SHARE,
  capacityName,
  type Deal,
  type DealProjection,
  drawShareText,
  energyCostPerGwYear,
  headlineFormulas,
  heldMarginText,
  laterCapexText,
  numberWord,
  skewedRanges,
  toUsd
} from "../../lib/core.js";
import {ChartCsv, SPREAD, type SpreadRow, TORNADO} from "../chartDownloads.js";
import {ChartFrame, chartSourceLine} from "../charts/chartFrame.js";
import {MethodologyTornado} from "../charts/methodologyTornado.js";
import {el} from "../dom.js";
import {count, date, figureText, inputText, pct, withBound} from "../format.js";
import {heldMarginRef, marginRef} from "../provenance.js";
import {type AssumptionRow, MethodologyAssumptionsTable} from "../tables/methodologyAssumptions.js";
import {MethodologyLineage} from "../tables/methodologyLineage.js";
import {OptionModelNote} from "./options.js";
import type {Section, SectionContext} from "./types.js";

export {sources} from "./sources.js";

/** The figures drawn in the Monte Carlo (UNCERTAIN_FIGURES in the core), in words and units. */
const SPREAD_FIGURES: Record<string, [string, string]> = {
  "capacity.accelerators": ["Accelerators", "count"],
  "capacity.servers": ["Systems (UltraServers, racks or pods)", "count"],
  "capacity.energyTwhPerYear": ["Energy a year at the ceiling", "twh-per-year"],
  "capacity.flopsBf16": ["Compute, dense BF16", "flops"],
  "capacity.flopsFp8": ["Compute, dense 8-bit", "flops"],
  "capacity.h100e": ["H100-equivalents, dense BF16 basis", "count"],
  "capacity.h100eFp8": ["H100-equivalents, Epoch AI's 8-bit basis", "count"],
  "commitment.gwYears": ["GW-years the commitment buys", "gw-years"],
  "commitment.coverage": ["Share of the ceiling's GW-years", "fraction"],
  "recycling.operatingProfitUsd": ["Provider's operating profit on the commitment (accounting view, the margin the flows imply)", "usd"],
  "recycling.npvUsd": ["Investor's cash NPV, new money, 2026 dollars", "usd"],
  "recycling.paybackYear": ["Payback year (cash, new money)", "year"],
  "recycling.filledNpvUsd": ["Investor's cash NPV if the lab uses all its capacity", "usd"],
  "recycling.npvWithResidualUsd": ["Investor's cash NPV with the capacity's value at term end", "usd"],
  "recycling.relationshipNpvUsd": ["Investor's cash NPV, relationship to date", "usd"],
  "recycling.npvAtHeldMarginUsd": [
    "Investor's cash NPV with the provider's margin held at its guided or reported value (a sensitivity)",
    "usd"
  ],
  "recycling.spendEndYear": ["Last year of the lab's spend (a payback counts up to it)", "year"],
  "options.valuePerGwYear": ["Option value per GW-year", "usd-per-gw-year"]
};

/**
 * Returns the economics choices in plain words, with this deal's values: whose money is netted, which margin, cash
 * not accounting, spend against delivered capacity, and the one valuation date. Every choice that can move the sign
 * of the headline is here, next to the figures it moves.
 */
function EconomicsNote(
  deal: Deal,
  projection: DealProjection,
  names: (id: string) => string,
  assumptions: readonly AssumptionRow[],
  /** The reported margin's source number, " [12]" (marginRef), or "". */
  marginSourceRef = "",
  /** The held margin's source number (heldMarginRef: the guidance's or the reported margin's), or "". */
  heldSourceRef = ""
): HTMLElement {
  const r = projection.recycling;
  const v = projection.assumptions;
  const capex = assumptions.find((a) => a.id === "capex-per-gw");
  // The range as the data holds it ($B per GW), never typed here.
  const capexRange = capex ? `${figureText(capex.low * 1e9, "usd")} to ${figureText(capex.high * 1e9, "usd")}` : "in the assumptions table";
  const provider = names(deal.provider);
  const profile = projection.commitment?.profile;
  const items = [
    `Each investor is analysed on its own return channel. A cloud provider earns what its cash flows leave of the lab's spend (below); its reported margin, for ${provider} ${inputText(r.margin.value, "fraction")} (from its published results, as secondary pages report them), is a check on them and the margin a sensitivity holds them at, not an input. One rule for every provider: the reported margin is an operating margin, after depreciation (Oracle reports none for its cloud, so its reported gross margin on rented GPUs is taken less the depreciation its source says that margin leaves out), and its low and high are the provider's own reported quarters, mirrored about the base where the sources report one side only; no provider's range is cut to an AI-rental margin that none of them reports. Bear and bull economics take every provider to its own low and high end; the assumptions table gives each. A chip maker's return is its gross margin on the chips bought (Nvidia, AMD and Broadcom margins are in the table); it is not netted against a cloud's margin.`,
    r.otherInvestorsFirmUsd.value > 0
      ? `Only money from ${provider}'s own group is set against ${provider}'s return: ${figureText(r.otherInvestorsFirmUsd.value, "usd")} from other investors in this deal earns nothing from ${provider}'s margin and is left out of its cash flows and ratios.`
      : `Only money from ${provider}'s own group is set against ${provider}'s return; in this deal that is every investor.`,
    (deal.otherReturns ?? []).length
      ? `Returns outside the compute commitment are left out of every cash figure and NPV, and named instead: ${(deal.otherReturns ?? [])
          .map(
            (x) =>
              `${x.label}, ${withBound(figureText(toUsd(x.amount), "usd"), x.amount.bound ?? "exact")}${x.until ? ` to ${date(x.until)}` : ""}`
          )
          .join(
            "; "
          )}. The flows value only ${provider}'s cash on the commitment; modelling this cash would need a forecast of ${names(deal.lab)}'s revenue, which the data do not hold.`
      : "",
    `Cash, not accounting. Each year, ${provider}'s cash = the lab's spend − cash operating costs − capex. One revenue rule for every deal, whatever bound word the source used ("over", "about" or "up to"): the lab pays its stated commitment${r.revenueUsd ? ` (${figureText(r.revenueUsd.value, "usd")} here, at the base values)` : ""}, at the contract price of ${figureText(v["revenue-per-gw-year"] * 1e9, "usd-per-gw-year")} (from GPU rental prices, not from any deal) unless the commitment would then buy more than the capacity supplies on schedule, when the price is the commitment ÷ those GW-years; it never pays for more capacity than it receives, so a delivery slip that leaves it less than its commitment pays for lowers what it pays. The model takes the commitment rather than the lab's spend on everything the provider may deliver because the commitment is the only contracted cash: using all the capacity is an option the lab holds, not an obligation. ${provider} builds only the capacity that spend keeps busy (spend ÷ ${figureText(r.pricePerGwYearUsd?.value ?? v["revenue-per-gw-year"] * 1e9, "usd-per-gw-year")}). Capex is ${figureText(v["capex-per-gw"] * 1e9, "usd")} per GW of facility power, chips included (range ${capexRange}, the lowest and highest of its sources' estimates in the assumptions table), in the year the capacity comes online${r.buildOut ? " (ahead of its use for a deal without a dated schedule, below)" : ""}; IT (${pct(v["it-share"])} of it) is replaced every ${v["it-life"]} years, but a new generation is bought only while the term left covers at least ${pct(v["it-renewal-share"])} of its life (${figureText(v["it-renewal-share"] * v["it-life"], "years")}); with less left, ${provider} keeps the kit it has running to the term's end (the capacity past its life earning less, below) rather than buy kit the contract would pay for only in part. Half is the model's choice (range 0, renew whenever a year is left, to 60%, kit running up to 1.6 lives; it has its own bar in the sensitivity chart): hyperscalers depreciate servers over 5–6 years, A100s still rent six years after launch and Bernstein finds GPUs can profitably run for about six, so running the old kit at most half a life longer is in line with practice, and no source supports kit running two lives, while a generation bought with less than half its life under contract would be paid for mostly by capacity no one has bought yet. What is left at the end of the term at its straight-line book value${r.residualUsd ? ` (${figureText(r.residualUsd.value, "usd")} here)` : ""} is not cash: it is shown apart and enters neither the cash NPV nor the payback. Cash running costs come from physical inputs, the same per GW of facility power in use for every provider, whatever its margin or the price: electricity (${figureText(v["power-price"], "usd-per-mwh")} × ${pct(v["load-factor"])} load × 8,760 hours, ${figureText(energyCostPerGwYear(v), "usd")} per GW-year; the GW are facility power, which already counts cooling, so no PUE), staff, maintenance, repair and network (${figureText(v["opex-per-gw-year"] * 1e9, "usd")}, from Epoch AI's cost model of a 1 GW Blackwell data centre), and property tax and insurance (${pct(v["asset-charge-rate"])} of the capex owned a year, an assumption)${r.cashOpexPerGwYearUsd !== null ? `: ${figureText(r.cashOpexPerGwYearUsd, "usd")} per GW-year here${r.facilityLeaseYears !== null ? ", rent included" : ""}` : ""}. The provider's reported margin sets no cash figure: it is a check. ${r.impliedMargin !== null ? `The flows imply a margin of ${pct(r.impliedMargin)} (revenue − running costs − depreciation, over the term), against ${provider}'s reported ${inputText(r.margin.value, "fraction")}${marginSourceRef}, a segment margin after overheads (sales, research, administration) a contract adds little to. ` : ""}${
      r.heldMargin && r.npvAtHeldMarginUsd
        ? `A sensitivity holds the margin instead: ${heldMarginText(provider, r, {ref: heldSourceRef})}${r.baseCase?.npvAtHeldMarginUsd != null ? ` (${figureText(r.baseCase.npvAtHeldMarginUsd, "usd")} at the base values)` : ""}. The held margin is ${r.heldMargin.basis === "guidance" ? `${provider}'s own example of a very large AI contract, a gross margin and so, like the flows' margin, before overheads` : `${provider}'s reported margin, which is after its overheads, so it is the lower bound of what this contract alone earns if the segment's other costs scale with it`}. As the lab's commitment fixes the revenue, the margin is held through the cost of delivering it: each year's cash is lowered (raised, when the held margin is the higher) by the gap between the two margins × that year's revenue, so that the term's operating profit is the held margin × the revenue. Holding it through the price instead would change the capacity the commitment buys, and so the capex, which would no longer give that margin; taking the gap as extra capex paid up front would lower the NPV further than this cost, spread with the revenue, does. `
        : ""
    }Kit kept running past its IT life earns ${pct(v["old-kit-price-share"])} of the contract price (range 30%, a new generation's price ratio over 2.5 generations, to 100%): a five-year-old A100 rented for $0.86–1 an hour in early 2026, 64–75% of the contract price per kW of IT power. ${laterCapexText(v["capex-per-gw"] * 1e9, r).replace(/^c/, "C")}. The price per GW-year is flat in the same way, so the two stay consistent: a later capex price with no later contract price is a bound on what a rising build cost could do, not a forecast. Depreciation itself never enters a cash figure${
      r.facilityLeaseYears !== null
        ? ` ${provider} does not own the data centres it serves from: its filings show it leases them${r.leaseTailUsd ? ", on leases longer than the term" : ""}, so its capex is the IT alone (${pct(v["it-share"])} of the capex per GW), and its rent is a cash running cost each year of the term. The rent is ${figureText(v["facility-rent-per-gw-year"] * 1e9, "usd")} per GW-year of facility power: a landlord's build cost repaid with a return (range: the sites' straight-line cost, ${figureText(((v["capex-per-gw"] * (1 - v["it-share"])) / v["facility-life"]) * 1e9, "usd")}, to CBRE's asking rate for small data-centre suites, in the assumptions table; it has its own bar in the sensitivity chart); the rent still owed on the leases when the term ends${r.leaseTailUsd ? ` (${figureText(r.leaseTailUsd, "usd")} here)` : ""} is paid in cash in the last year, and counted back, as the use of the sites for those years, only in the NPV with the capacity's value at term end.`
        : ""
    } The operating profit the flows imply (spend − running costs − depreciation, no capex) is shown as the accounting view, labelled as such.`,
    r.ceilingFilled && r.revenueUsd && r.ceilingFilled.revenueUsd > r.revenueUsd.value * 1.001
      ? `If the lab fills ${capacityName(deal.capacity)}, beside the central case: the lab might pay the contract price on all the capacity the schedule delivers (${figureText(r.ceilingFilled.gwYears, "gw-years")}, ${figureText(r.ceilingFilled.revenueUsd, "usd")}) rather than only its commitment; ${provider} would then build all of it (${figureText(r.ceilingFilled.capexUsd, "usd")} of capex), and the new money's cash NPV is ${figureText(r.ceilingFilled.npvUsd.value, "usd")} (median of the same draws${r.ceilingFilled.baseNpvUsd !== undefined ? `, ${figureText(r.ceilingFilled.baseNpvUsd, "usd")} at the base values` : ""}) against the central ${r.npvUsd ? figureText(r.npvUsd.value, "usd") : "figure"}.`
      : r.ceilingFilled && r.commitmentUsd
        ? `If the lab fills ${capacityName(deal.capacity)}: the same figures here, since ${r.deliveredGwYears ? "at the contract price the capacity on schedule comes to no more than the commitment" : "the deal states no delivery schedule to pay for beyond the commitment"}; where it comes to more, the recycling page shows that reading beside the central case.`
        : "",
    r.ceilingFilled
      ? "Provider-side exposure: a deal's commitment is set against the backlog (or remaining performance obligations) its provider last stated, as a share of it; a lab's share of that backlog is given only where a source states it, with that source's status. An announcement can follow the signing, so the dates alone never say whether the backlog already holds the commitment."
      : "",
    profile === "capacity"
      ? "Spend follows the delivered capacity: a commitment cannot be consumed before the capacity exists, so each year's share of the commitment is the capacity delivered that year, and a delivery slip moves spend, capex, NPV and payback. Flat and ramped spend are scenarios on the commitment page."
      : r.buildOut
        ? `The deal has no dated capacity schedule, so the cash model builds its capacity out: the GW the contract keeps busy come online along a straight ramp over ${inputText(r.buildOut.months, "months")} (Epoch AI finds 1 to 3.6 years from the start of construction to 1 GW at US sites, and 2 years for Stargate Abilene), ending on the contract's start, or, when that would begin the build before the deal was signed, starting at the signing and ending later (here ${Math.floor(r.buildOut.onlineFrom)} to ${Math.floor(r.buildOut.onlineBy - 1e-9)}). Each part's capex falls in the year it comes online; capacity built before the contract starts runs no cost for it until it is used. The lab spends its commitment only as the capacity exists, at the same price, so what is not yet online when the contract starts is used after the stated end${r.buildOut.useEnd > r.buildOut.statedEnd + 1 / 365 ? ` (here into ${Math.floor(r.buildOut.useEnd - 1e-9)})` : ""}. A delivery slip moves the whole ramp, so capex and spend move together: it can lower the NPV (spend later) or raise it (capex later, or an IT renewal no longer due within the use). Flat and ramped spend are scenarios on the commitment page.`
        : "The deal has no dated capacity schedule, so its spend is spread evenly over the term.",
    `One valuation date for every deal: each NPV is discounted at ${pct(v["discount-rate"])} to 1 January ${r.valuationYear} (flows before it compounded forward), so NPVs compare across deals. Each year's flow is discounted from the start of its year (a ${r.valuationYear} flow is not discounted), which values each year's flow ${pct((1 + v["discount-rate"]) ** 0.5 - 1)} higher than discounting from the middle of the year would. The headline is this deal's new money (tranches from the deal's announcement, contingent ones × ${pct(v["contingent-probability"])}) against this commitment; the second figure, the relationship to date, adds the investor's earlier tranches (the lab's past spend on the provider is not in the data); the third, total return, adds the investor's latest mark of its stake and is not cash.`,
    `Cloud credits: a share of each invested dollar (${pct(v["credit-share"])} here; no 2025–26 deal discloses any, half of Microsoft's 2019 $1B was reported as credits) counts at its cost to the provider, 1 − its margin, in the NPV and in the new-money ratio at cost; the lab's use of credits is taken to be on top of the committed cash spend.`,
    `Which figure is the headline: the median of the same Monte Carlo draws that make its P10–P90 band, for the cash NPV, the operating profit and the payback year; the base case (every assumption at its base value) is shown beside it as a named scenario${r.baseCase?.npvUsd != null && r.npvUsd ? ` (here ${figureText(r.npvUsd.value, "usd")} median, ${figureText(r.baseCase.npvUsd, "usd")} at the base values)` : ""}. The base values can sit at the favourable end of a range (no delivery slip is the low end of 0–18 months), so the base case can lie outside the band while the median never does. A draw that never pays back ranks after every year, so the payback's median is the middle draw of all of them${r.paybackNeverShare !== undefined ? `; here ${pct(r.paybackNeverShare)} of the draws never pay back` : ""}.`,
    r.npvPositiveShare !== undefined
      ? `How the draws fall: beside the median, the share of the draws whose cash NPV is above zero (here ${drawShareText(r.npvPositiveShare)}). The draws are said to split in two groups when a histogram of them (${CLUSTER_BINS} equal bins between their 2nd and 98th percentiles) has a bin holding at most ${pct(CLUSTER_DIP)} of the fullest bin on each side of it, and each side holds at least ${pct(CLUSTER_MIN_SHARE)} of the draws; each group's share and median are then given${r.npvClusters ? " (here they split)" : " (here they do not)"}, and the median is said to lie between them when it is more than a quarter of the distance between the two groups' medians from each.`
      : "",
    "The sign of the cash NPV depends most on the contract price per GW-year and the capex per GW: the sensitivity chart below ranks them for this deal."
  ];
  // The held margin's source is cited by number in the text: listed in a briefing's appendix like a badge's.
  const cites = heldSourceRef && r.heldMargin && r.npvAtHeldMarginUsd ? r.heldMargin.source : undefined;
  return el("ul", {class: "methodology-note", "data-sources": cites}, ...items.filter(Boolean).map((text) => el("li", {}, text)));
}

/** Returns the deal the section explains: the context's, else the founding deal, else the first. */
function methodologyDeal({data, dealId}: SectionContext): Deal {
  const deals = data.deals;
  const deal = deals.find((d) => d.id === (dealId ?? "amazon-anthropic")) ?? (dealId ? undefined : deals[0]);
  if (!deal) throw new Error(`invalid dealId: ${dealId}`);
  return deal;
}

/**
 * The ranges that lie on one side of their base, which put the draws' median below the base case: "Two ranges lie
 * mostly on one side of their base: slip (0 to 18 months, base 0), so no draw is ahead of schedule, and the IT renewal
 * share (0% to 60%, base 50%), below its base in 83% of draws (renewing more eagerly than the base case); so a deal's
 * median cash NPV sits below its base case, and can lie on the other side of zero. " ("" without either). The share of
 * draws below the base is (base − low) ÷ (high − low), for a triangular draw as for a uniform one.
 */
export function oneSidedWords(rows: readonly Pick<AssumptionRow, "id" | "unit" | "low" | "base" | "high">[]): string {
  const below = (a: Pick<AssumptionRow, "low" | "base" | "high">) => (a.high > a.low ? (a.base - a.low) / (a.high - a.low) : 0);
  // "0 to 18 months": the unit's words once, after the range's high end.
  const range = (a: Pick<AssumptionRow, "unit" | "low" | "base" | "high">) => {
    const [low, high] = [inputText(a.low, a.unit), inputText(a.high, a.unit)];
    const suffix = low.match(/ \D*$/)?.[0];
    return `${suffix && high.endsWith(suffix) ? low.slice(0, -suffix.length) : low} to ${high}, base ${inputText(a.base, a.unit)}`;
  };
  const slip = rows.find((a) => a.id === "slip-months");
  const renewal = rows.find((a) => a.id === "it-renewal-share");
  const parts = [
    slip && slip.base === slip.low && slip.high > slip.low ? `slip (${range(slip)}), so no draw is ahead of schedule` : "",
    renewal && Math.abs(below(renewal) - 0.5) > 0.1
      ? `the IT renewal share (${range(renewal)}), ${below(renewal) > 0.5 ? "below" : "above"} its base in ${pct(below(renewal) > 0.5 ? below(renewal) : 1 - below(renewal))} of draws (renewing ${below(renewal) > 0.5 ? "more" : "less"} eagerly than the base case)`
      : ""
  ].filter(Boolean);
  if (!parts.length) return "";
  return `${parts.length === 2 ? "Two ranges lie" : "One range lies"} mostly on one side of their base: ${parts.join(", and ")}; so a deal's median cash NPV can sit below its base case, even on the other side of zero. `;
}

/** The ids oneSidedWords names (slip when its base is its low end, the IT renewal share when off its middle by 10 points). */
export function oneSidedIds(rows: readonly Pick<AssumptionRow, "id" | "low" | "base" | "high">[]): string[] {
  return rows
    .filter((a) =>
      a.id === "slip-months"
        ? a.base === a.low && a.high > a.low
        : a.id === "it-renewal-share" && a.high > a.low && Math.abs((a.base - a.low) / (a.high - a.low) - 0.5) > 0.1
    )
    .map((a) => a.id);
}

/**
 * Which side of its base each other drawn range that moves the cash NPV puts its draws on (issue #13: the page said
 * they were all centred, while staff costs put 76% of their draws on the worse side). Read from the deal's own NPV
 * tornado and its base values through skewedRanges, so the side that lowers the NPV is this deal's: "Of the other
 * ranges that move this deal's cash NPV, five put more of their draws on the side of their base that lowers it:
 * staff, maintenance and network per GW-year (76% of draws), …; two on the side that raises it: …; and three are
 * centred on their base: …. " The share of a triangular (or uniform) draw below the base is (base − low) ÷ (high − low);
 * a range is centred when that share rounds to 50%. `skip` are the ids already named (oneSidedIds); `dealName` names
 * the deal (the market briefing, which explains one deal's ranges for all), else "this deal's".
 */
export function leaningRangesWords(
  projection: {tornado?: DealProjection["tornado"]; assumptions: Readonly<Record<string, number>>},
  skip: readonly string[] = [],
  dealName?: string
): string {
  const ranges = skewedRanges(projection.tornado?.["recycling.npvUsd"] ?? [], projection.assumptions, 0).filter(
    (g) => !skip.includes(g.id)
  );
  if (!ranges.length) return "";
  const centred = (share: number) => Math.round(share * 100) === 50;
  const worse = ranges.filter((g) => !centred(g.worseShare) && g.worseShare > 0.5);
  const better = ranges.filter((g) => !centred(g.worseShare) && g.worseShare < 0.5).sort((a, b) => a.worseShare - b.worseShare);
  const middle = ranges.filter((g) => centred(g.worseShare));
  const name = (label: string) => {
    const bare = label.replace(/\s*\([^)]*\)$/, "");
    // "IT share of all-in capex" keeps its capitals; "Electricity price" → "electricity price".
    return /^.[A-Z]/.test(bare) ? bare : `${bare.charAt(0).toLowerCase()}${bare.slice(1)}`;
  };
  const share = (s: number, first: boolean) => (s >= 1 ? "every draw" : `${pct(Math.round(s * 100) / 100)}${first ? " of draws" : ""}`);
  const list = (words: string[]) => (words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words.at(-1)}` : words[0]);
  const leaning = (group: typeof ranges, side: "worse" | "better") => {
    const shares = group.map((g) => (side === "worse" ? g.worseShare : 1 - g.worseShare));
    // "of draws" once, after the first share that is not "every draw".
    const first = shares.findIndex((s) => s < 1);
    return list(group.map((g, i) => `${name(g.label)} (${share(shares[i], i === first)})`));
  };
  const whose = dealName ? `${dealName}'s` : "this deal's";
  const lead = (n: number) => `${numberWord(n)} ${n === 1 ? "puts" : "put"}`;
  const parts = [
    worse.length
      ? `${lead(worse.length)} more of ${worse.length === 1 ? "its" : "their"} draws on the side of ${worse.length === 1 ? "its" : "their"} base that lowers it: ${leaning(worse, "worse")}`
      : "",
    better.length
      ? `${worse.length ? `${numberWord(better.length)} on` : `${lead(better.length)} more of ${better.length === 1 ? "its" : "their"} draws on`} the side that raises it: ${leaning(better, "better")}`
      : "",
    middle.length
      ? `${numberWord(middle.length)} ${middle.length === 1 ? "is" : "are"} centred on ${middle.length === 1 ? "its" : "their"} base: ${list(middle.map((g) => name(g.label)))}`
      : ""
  ].filter(Boolean);
  const joined = parts.length > 1 ? `${parts.slice(0, -1).join("; ")}; and ${parts.at(-1)}` : parts[0];
  return `Of the ${skip.length ? "other " : ""}ranges that move ${whose} cash NPV, ${joined}. `;
}

/** Returns the paragraph on how the bands are drawn, with the seed, draws and distributions of this build. */
function MonteCarloNote(projection: DealProjection, assumptions: readonly AssumptionRow[], market?: {dealName: string}): HTMLElement {
  const u = projection.uncertainty;
  const chipInputs = (u?.varied ?? []).filter((id) => id.startsWith("chip:")).length;
  const rows = assumptions as readonly (AssumptionRow & {id: string; label: string; correlation?: {with: string; rho: number}})[];
  const tied = rows
    .filter((a) => a.correlation)
    .map((a) => {
      const other = rows.find((b) => b.id === a.correlation!.with);
      return ` ${a.label} is drawn correlated with ${other ? other.label.charAt(0).toLowerCase() + other.label.slice(1) : a.correlation!.with} (normal-scores correlation ${a.correlation!.rho}, through a Gaussian copula that keeps each one's own distribution); the tornado still moves each alone.`;
    })
    .join("");
  const triangular = assumptions.filter((a) => a.distribution === "triangular").length;
  const uniform = assumptions.length - triangular;
  const shapes = [triangular ? `${triangular} triangular (low, mode, high)` : "", uniform ? `${uniform} uniform (low to high)` : ""]
    .filter(Boolean)
    .join(" and ");
  return el(
    "p",
    {class: "methodology-note"},
    u
      ? `Each band comes from ${count(u.draws)} draws seeded with “${u.seed}”: the same draws in the CLI, on the site and in the briefings. A draw sets all ${assumptions.length} assumptions at once from their distributions, ${shapes}, whose mode is the scenario's value${market ? ", and each deal's chip inputs (IT power per chip, FLOP/s) from the range their sources give, triangular with the mode at the chip's figure" : chipInputs ? `, and ${chipInputs} chip input${chipInputs === 1 ? "" : "s"} of this deal (IT power per chip, FLOP/s) from the range their sources give, triangular with the mode at the chip's figure` : ""}, and recomputes the deal with the same core as the base case. Each deal draws from its own stream of random numbers, named after the deal${market ? "" : ` (“${projection.deal}”)`}, so adding or editing one deal leaves every other deal's bands unchanged, and the same seed gives the same bands on every machine.${market ? " The market's sums over the draws (the P10–P90 beside its scenario table) draw once per draw for every deal together, from a stream of their own, so each draw is one set of assumptions shared by every deal, as a scenario column is." : ""} P10, P50 and P90 are the 10th, 50th and 90th percentiles over the draws where the figure exists, interpolated between order statistics; draws where it does not (a payback that never comes) are counted apart. The capacity headlines for chips (accelerators, systems, compute, H100-equivalents) are the P50 of these draws, so each lies inside its own band; the explainer chains show the same arithmetic at the scenario's values with no draw. Energy is the ceiling × the load factor at its base value, which lies inside its band. Slip runs from 0 to 18 months with its mode at 0, so the deal's own dates are the best case for timing, and the year-by-year medians lie below them: slip is one-sided on purpose (the model has no early delivery), so for timing the base case is a best case, not the middle of the draws. ${oneSidedWords(rows)}${leaningRangesWords(projection, oneSidedIds(rows), market?.dealName)}The tornado moves one input at a time to its low and its high, the others at base.${tied}`
      : "The Monte Carlo was not run for this build (0 draws)."
  );
}

/** Returns the P10 / P50 / P90 table's rows: the figures with a median, in words and units, in the projection's order. */
export function spreadRows(projection: Pick<DealProjection, "uncertainty">): SpreadRow[] {
  return Object.entries(projection.uncertainty?.figures ?? {})
    .filter(([, s]) => typeof s.p50 === "number" && Number.isFinite(s.p50))
    .map(([key, s]) => {
      const [label, unit] = SPREAD_FIGURES[key] ?? [key, ""];
      return {...s, key, label, unit};
    });
}

/** Returns the P10 / P50 / P90 table of a deal's uncertain figures, and on screen its "Data (CSV)" (`version`). */
function SpreadTable(projection: DealProjection, version?: string): HTMLElement | null {
  const spread = spreadRows(projection);
  const rows = spread.map((r) => [r.key, r] as const);
  if (!rows.length) return null;
  const text = (x: number, unit: string) => figureText(x, unit).replace(/ (a year|per GW-year)$/, "");
  return el(
    "div",
    {class: "methodology-scroll", tabindex: "0"},
    el(
      "table",
      {class: "methodology-spread"},
      el(
        "thead",
        {},
        el(
          "tr",
          {},
          el("th", {scope: "col"}, "Figure"),
          el("th", {scope: "col", class: "num"}, "P10"),
          el("th", {scope: "col", class: "num"}, "P50"),
          el("th", {scope: "col", class: "num"}, "P90"),
          el("th", {scope: "col", class: "num"}, "Draws without it")
        )
      ),
      el(
        "tbody",
        {},
        rows.map(([name, s]) => {
          const [label, unit] = SPREAD_FIGURES[name] ?? [name, ""];
          return el(
            "tr",
            {"data-spread": name},
            el("th", {scope: "row"}, label),
            el("td", {class: "num"}, text(s.p10, unit)),
            el("td", {class: "num"}, Number.isFinite(s.p50) ? text(s.p50, unit) : "never"),
            el("td", {class: "num"}, Number.isFinite(s.p90) ? text(s.p90, unit) : "never"),
            el("td", {class: "num"}, s.undefinedShare > 0 ? pct(s.undefinedShare) : "none")
          );
        })
      )
    ),
    version === undefined ? null : ChartCsv(SPREAD, projection.deal, spread, version)
  );
}

export const methodology: Section = {
  id: "methodology",
  title: "Methodology",
  perDeal: false,
  render(context) {
    const {data, analysis, width, print} = context;
    const deal = methodologyDeal(context);
    const projection: DealProjection = analysis.projections[deal.id];
    const assumptions: AssumptionRow[] = data.assumptions;
    // The tornado also moves the deal's chip inputs (`chip:<id>.itKw`, `chip:<id>.flops.<precision>`).
    const chipUnits = (projection.uncertainty?.varied ?? [])
      .filter((id) => id.startsWith("chip:"))
      .map((id) => [id, id.endsWith(".itKw") ? "kw" : "pflops"]);
    const units = Object.fromEntries([...assumptions.map((a) => [a.id, a.unit]), ...chipUnits]);
    const links = {sources: data.sourcesById, index: data.sourceNumbers};
    // The market briefing prints the method, not one deal's audit trail: each deal's briefing carries its own economics,
    // lineage, bands and tornadoes (critic s8 M15: they were 8 of the market briefing's 31 pages).
    const market = Boolean(print && !context.dealId);
    return el(
      "div",
      {class: "methodology-section"},
      el(
        "p",
        {class: "methodology-version"},
        `Data version ${data.version}, as of ${date(data.asOf)}. Figures are computed for the ${projection.scenario === "base" ? "base" : projection.scenario} scenario (${projection.ramp} delivery ramp): each banded headline is the median of the Monte Carlo draws over the assumptions' ranges, and the base case, every assumption at its base value, is shown beside it; NPVs and options are valued at 1 January 2026 for every deal, so they compare across deals.`
      ),
      el("h3", {}, "Assumptions"),
      el(
        "p",
        {class: "methodology-note"},
        `The ${assumptions.length} conversion factors below turn the deals' sourced figures into capacity, energy, compute and cash. Each has a low, base and high value: the base case uses the base, a scenario overrides some, and the Monte Carlo draws each from its range.`
      ),
      MethodologyAssumptionsTable(assumptions, links),
      market
        ? [
            el("h3", {}, "How the uncertainty bands are drawn"),
            MonteCarloNote(projection, assumptions, {dealName: deal.name}),
            el(
              "p",
              {class: "methodology-note"},
              `Each deal's briefing gives its own economics (whose money, which margin, cash not accounting), the inputs of each of its headline figures with their statuses and sources, its bands and what moves them most.`
            ),
            el("h3", {}, "The option model"),
            OptionModelNote()
          ]
        : dealMethod()
    );
    function dealMethod() {
      return [
        el("h3", {}, `The economics of ${deal.name}: whose money, which margin, cash not accounting`),
        EconomicsNote(
          deal,
          projection,
          (id) => (data.companies as {id: string; name: string}[]).find((c) => c.id === id)?.name ?? id,
          data.assumptions,
          marginRef(data, projection.recycling),
          heldMarginRef(data, projection.recycling)
        ),
        el("h3", {}, `Headline figures for ${deal.name}: how each is computed, and from what`),
        el(
          "p",
          {class: "methodology-note"},
          "Each figure lists its inputs: the deal's facts, chip specifications and assumptions it is computed from, with their values, statuses and sources. A figure is only as sure as its weakest input."
        ),
        MethodologyLineage(headlineFormulas(projection), {data, dealName: deal.name}),
        el("h3", {}, "How the uncertainty bands are drawn"),
        MonteCarloNote(projection, assumptions),
        SpreadTable(projection, print ? undefined : data.version),
        Object.entries(projection.tornado).map(([name, rows]) => {
          const [label, unit] = SPREAD_FIGURES[name] ?? [name, ""];
          return [
            el("h4", {class: "methodology-tornado-title"}, `${label}: what moves it`),
            ChartFrame(MethodologyTornado(rows, {width, unit, assumptionUnits: units}), {
              title: rows.length
                ? `${label}: ${rows[0].label.charAt(0).toLowerCase()}${rows[0].label.slice(1)} moves it the most`
                : `${label}: no assumption moves it`,
              source: chartSourceLine(data, {inputs: rows.map((r) => `assumption:${r.id}`)})
            }),
            !print &&
              ChartCsv(
                TORNADO,
                `${deal.id}-${name.replace(/\W+/g, "-")}`,
                rows.map((r) => ({...r, figure: label, unit})),
                data.version
              )
          ];
        }),
        el("h3", {}, "The option model"),
        OptionModelNote()
      ];
    }
  }
};
