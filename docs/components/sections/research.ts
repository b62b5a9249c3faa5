/**
 * The furniture of a research note, per deal: the risks (the assumptions that move the provider's NPV most, from the
 * tornado, and the checkpoints that are not on track), the bull / base / bear table (every scenario in the data,
 * computed by the build at its values), the peer box (the deal against the other live deals on the same ratios,
 * with its rank), and a short methodology and disclosures part. Every figure and every ranking is computed.
 */
import {CEILING_FILLED, capacityName, capitalChain, type Deal, EXACT_RANKS, factGw, type TornadoRow} from "../../lib/core.js";
import {ChartCsv, PEER_BOX, peerRows, scenarioDownload, scenarioRows} from "../chartDownloads.js";
import {CHECKPOINT_LABELS, checkpointEvidence} from "../charts/roadmapChain.js";
import {el} from "../dom.js";
import {count, date, figureText, figureWords, inputText, modelUsd, paybackYearText, unitText, usd} from "../format.js";
import {Badge} from "../provenance.js";
import {dataUnitText} from "../tables/methodologyUnits.js";
import {ScenarioGrid, type ScenarioGridRow} from "../tables/scenarioGrid.js";
import {bandCell, bandNote, computeTimingNote, priceCapacityNote, priceCapexNote, ScenarioAssumptions} from "./scenarioNotes.js";
import {StatusPill} from "./signals.js";
import type {Section, SectionContext} from "./types.js";

/** How many tornado rows a risk list names. */
const TOP_DRIVERS = 3;

function researchDeal({data, dealId}: SectionContext): Deal {
  const deal = data.deals.find((d) => d.id === dealId) ?? data.deals[0];
  if (!deal) throw new Error("invalid deal: none");
  return deal;
}

function companyName(data: SectionContext["data"], id: string): string {
  return data.companies.find((c) => c.id === id)?.name ?? id;
}

/** Returns `text` with its first letter in lower case, unless the first word is an acronym ("GW-years", "NPV"). */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

// The assumption's value in its unit, with every digit the data has so a reader can recompute ("PUE 1.15×",
// "margin 35.4%"): the vocabulary's percentages and multiples are rounded further for prose.
export function assumptionValue(value: number, unit: string): string {
  if (unit === "fraction") return inputText(value, "fraction");
  if (unit === "ratio") return `${inputText(value, "number")}×`;
  return dataUnitText(value, unit);
}

/** The risks: the top drivers of the NPV by swing, then each checkpoint that is not on track, with its evidence. */
/**
 * The risks a deal without a cash NPV states in its own terms (critic s9 M16: AMD's Risks said only that there were
 * none to compute): its dated delivery points and what each option leaves open and costs, in the data's words, each
 * with its badge; one line when the terms state neither.
 */
function TermRisks(context: SectionContext, deal: Deal, provider: string): HTMLElement {
  const {data} = context;
  const sources = {sources: data.sourcesById, index: data.sourceNumbers};
  const points = deal.capacity?.schedule ?? [];
  const items: HTMLElement[] = [
    ...points.map((p) =>
      el(
        "li",
        {},
        el("strong", {}, "Delivery"),
        `: ${figureText(factGw(p.gw), "gw", p.gw.bound)} by ${date(p.by)}, the terms' ${points.length === 1 ? "only" : "dated"} schedule point; it sets when the deal becomes capacity`,
        Badge(p.gw, sources),
        "."
      )
    ),
    ...deal.hardware.options.map((o) =>
      el(
        "li",
        {},
        el("strong", {}, o.label),
        `: ${o.flexibility.replace(/\.$/, "")}; ${lowerFirst(o.costOfWaiting.replace(/\.$/, ""))}`,
        Badge({...o, asOf: deal.asOf}, sources),
        "."
      )
    )
  ];
  const lead = `${deal.name} states no dollar commitment to value, so there is no cash NPV for ${provider} for an assumption to move.`;
  if (!items.length)
    return el("p", {}, `${lead} Its terms state no dated delivery and no option to weigh; the checkpoints below are its risks.`);
  return el("div", {}, el("p", {}, `${lead} The risks are in its own terms:`), el("ul", {class: "research-risks"}, items));
}

function Risks(context: SectionContext, deal: Deal): HTMLElement {
  const {data, analysis} = context;
  const projection = analysis.projections[deal.id];
  const units = Object.fromEntries(data.assumptions.map((a) => [a.id, a.unit]));
  const provider = companyName(data, deal.provider);
  const rows: TornadoRow[] = (projection?.tornado["recycling.npvUsd"] ?? [])
    .filter((r) => Number.isFinite(r.swing) && r.swing > 0)
    .slice(0, TOP_DRIVERS);
  const drivers = rows.length
    ? el(
        "ol",
        {class: "research-risks"},
        rows.map((r) => {
          const unit = units[r.id];
          const ends = unit ? ` (${assumptionValue(r.low, unit)} to ${assumptionValue(r.high, unit)})` : "";
          return el(
            "li",
            {},
            el("strong", {}, r.label),
            `${ends}: the NPV runs from ${figureText(r.valueAtLow, "usd")} at the low end to ${figureText(r.valueAtHigh, "usd")} at the high, a swing of ${figureText(r.swing, "usd")}.`
          );
        })
      )
    : TermRisks(context, deal, provider);
  const base = rows[0]?.baseValue;
  const chain = capitalChain(data, deal.id);
  const open = chain.checkpoints.filter((c) => c.status !== "on-track");
  // With no evidence for any checkpoint, the list would repeat the roadmap's cards: one line says so.
  const unread = open.length === chain.checkpoints.length && open.every((c) => c.status === "unknown");
  const sources = {sources: data.sourcesById, index: data.sourceNumbers};
  return el(
    "div",
    {class: "research-part"},
    el("h3", {}, "Risks"),
    el(
      "p",
      {},
      rows.length
        ? `What moves ${provider}'s cash NPV of the new money most (${figureText(base ?? Number.NaN, "usd")} at the base values), one assumption at a time from its low to its high, the others at base:`
        : ""
    ),
    drivers,
    el(
      "p",
      {},
      unread
        ? `None of the deal's ${chain.checkpoints.length} checkpoints (capacity on schedule, performance per dollar, roadmap alignment) can be read yet: there is no evidence for any of them.`
        : open.length === 0
          ? `All ${chain.checkpoints.length} of the deal's checkpoints are on track.`
          : open.length === chain.checkpoints.length
            ? `None of the deal's ${chain.checkpoints.length} checkpoints (${chain.checkpoints.map((c) => lowerFirst(CHECKPOINT_LABELS[c.id])).join(", ")}) is on track yet:`
            : openCheckpointsLead(chain.checkpoints.length, open)
    ),
    open.length && !unread
      ? el(
          "ul",
          {class: "research-checkpoints"},
          open.map((c) =>
            el(
              "li",
              {},
              el("strong", {}, `${CHECKPOINT_LABELS[c.id]}: `),
              // The same words as the roadmap's card: one status per checkpoint in the whole briefing.
              StatusPill(c.status, "verdict" in c ? c.verdict : undefined),
              " ",
              ...checkpointEvidence(c, deal, data, sources)
            )
          )
        )
      : null
  );
}

/** The bull / base / bear table: a column per scenario, the figures computed at its values, its assumptions stated. */
function Scenarios(context: SectionContext, deal: Deal): HTMLElement | null {
  const {data, analysis} = context;
  const columns = analysis.scenarios?.[deal.id] ?? [];
  if (!columns.length) return null;
  const provider = companyName(data, deal.provider);
  // The same measures over the Monte Carlo's draws (the deal's own bands, as page 1 gives them): the band column.
  const uncertainty = analysis.projections[deal.id]?.uncertainty;
  const spread = (name: string) => uncertainty?.figures[name];
  const rows: ScenarioGridRow<(typeof columns)[number]>[] = [];
  if (columns.some((c) => c.npvUsd !== null))
    rows.push({
      label: `${provider}'s cash NPV of the new money`,
      cell: (c) => (c.npvUsd === null ? "n/a" : modelUsd(c.npvUsd)),
      band: bandCell(spread("recycling.npvUsd"), usd)
    });
  if (columns.some((c) => c.npvWithResidualUsd !== null))
    rows.push({
      label: "The same with the capacity's value at term end (not cash)",
      cell: (c) => (c.npvWithResidualUsd === null ? "n/a" : modelUsd(c.npvWithResidualUsd)),
      band: bandCell(spread("recycling.npvWithResidualUsd"), usd)
    });
  if (columns.some((c) => c.npvUsd !== null))
    rows.push({
      label: "Pays back in",
      cell: (c) => paybackYearText(c.paybackYear),
      band: bandCell(spread("recycling.paybackYear"), String, "never")
    });
  if (columns.some((c) => c.gwYears !== null))
    rows.push({
      label: "GW-years the commitment buys",
      cell: (c) => (c.gwYears === null ? "n/a" : unitText(c.gwYears, "gw-years")),
      band: bandCell(spread("commitment.gwYears"), (x) => unitText(x, "gw-years"))
    });
  if (columns.some((c) => c.h100eFp8 !== null))
    rows.push({
      label: `H100-equivalents ${capacityName(deal.capacity) === "the ceiling" ? "at the ceiling" : `in ${capacityName(deal.capacity)}`} (8-bit)`,
      cell: (c) => (c.h100eFp8 === null ? "n/a" : count(c.h100eFp8)),
      band: bandCell(spread("capacity.h100eFp8"), count)
    });
  if (!rows.length)
    return el(
      "div",
      {class: "research-part"},
      el("h3", {}, "Bull, base and bear"),
      el("p", {}, `No scenario moves a figure of ${deal.name}: ${scenarioAbsence(context, deal)}.`)
    );
  const valued = columns.filter((c) => c.npvUsd !== null);
  const bull = valued.length ? valued.reduce((a, b) => (b.npvUsd! > a.npvUsd! ? b : a)) : null;
  const bear = valued.length ? valued.reduce((a, b) => (b.npvUsd! < a.npvUsd! ? b : a)) : null;
  const reading =
    bull && bear && bull !== bear
      ? `For ${provider}, the most favourable scenario is ${bull.scenario === "base" ? "the base case itself" : lowerFirst(bull.label)} (${modelUsd(bull.npvUsd!)}) and the least favourable ${bear.scenario === "base" ? "the base case itself" : lowerFirst(bear.label)} (${modelUsd(bear.npvUsd!)}).`
      : "";
  // The table computes each scenario at its values, without draws: the base scenario's column is the base case, not
  // the central case whose headlines are medians of draws (page 1's figures).
  const title = (c: (typeof columns)[number]) => (c.scenario === "base" ? "Base case" : c.label);
  const stated = (c: (typeof columns)[number]) =>
    c.overrides.length
      ? c.overrides.map((o) => `${o.label} ${assumptionValue(o.value, o.unit)} (base ${assumptionValue(o.base, o.unit)})`).join("; ")
      : "every assumption at its base value";
  return el(
    "div",
    {class: "research-part"},
    el("h3", {}, "Bull, base and bear"),
    el("p", {}, `Each scenario in the data, computed with the same model at its values (no draw). ${reading}`),
    ScenarioGrid(columns, rows, {title, label: "Scenarios compared", className: "research-scenarios", band: "Monte Carlo P10 to P90"}),
    ...[
      uncertainty
        ? bandNote(
            columns
              .filter((c) => c.scenario !== CEILING_FILLED)
              .map((c) => ({title: c.scenario === "base" ? "the base case" : lowerFirst(c.label), value: c.npvUsd})),
            spread("recycling.npvUsd"),
            {draws: uncertainty.draws, measure: `${provider}'s cash NPV`}
          )
        : "",
      priceCapacityNote(columns, "the commitment"),
      priceCapexNote(data.assumptions, columns),
      computeTimingNote(columns, "the deal's")
    ]
      .filter(Boolean)
      .map((note) => el("p", {class: "research-scenarios-note"}, note)),
    context.print ? null : ChartCsv(scenarioDownload(columns), deal.id, scenarioRows(columns), data.version),
    ScenarioAssumptions(columns, {
      title,
      baseText:
        "every assumption at its base value, no draws (the headline figures are the medians of draws around these values, so they can differ, even in sign).",
      stated
    })
  );
}

/**
 * The peer box's rank cell: the standing, or "not ranked" with its reason where the row says it: commitment ÷
 * investment on money the provider's group all invested before this deal (`moneyBeforeDeal`, the comparison's
 * ratioMoneyBeforeDeal; critic s15 #6: Microsoft → OpenAI's "about 19× | not ranked | Highest: Google → Anthropic"
 * beside a 15× read as an error).
 */
export function peerRankText(row: {id: string; standing: string | null; value: number | null}, moneyBeforeDeal: boolean): string {
  if (row.standing !== null) return row.standing;
  return row.id === "commitmentToInvestment" && row.value !== null && moneyBeforeDeal
    ? "not ranked: the money was all invested before this deal"
    : "not ranked";
}

/** The peer box: the deal against the other live deals on the same ratios, with the peers' median and its rank. */
function Peers(context: SectionContext, deal: Deal): HTMLElement | null {
  const rows = context.analysis.peers?.[deal.id] ?? [];
  const shown = rows.filter((r) => r.value !== null);
  if (!rows.length) return null;
  const live = deal.status !== "superseded";
  const fact = (id: string) => context.analysis.comparison.find((c) => c.id === deal.id)?.[id as "usdPerGw"];
  const valueText = (r: (typeof rows)[number]) => {
    const f = fact(r.id);
    // A ratio is computed: three significant figures, with the bound of the figures it comes from.
    return f && typeof f === "object" && "bound" in f
      ? figureWords({value: r.value!, unit: r.unit, bound: f.bound, inclusive: f.inclusive})
      : figureText(r.value!, r.unit);
  };
  // Nothing to compare: one line where the reader looks, not an empty table.
  if (!shown.length)
    return el(
      "div",
      {class: "research-part"},
      el("h3", {}, "Against its peers"),
      el("p", {}, `${deal.name} has none of the figures the deals are compared on (${rows.map((r) => lowerFirst(r.label)).join(", ")}).`)
    );
  return el(
    "div",
    {class: "research-part"},
    el("h3", {}, "Against its peers"),
    el(
      "p",
      {},
      live
        ? `${deal.name} against the other live deals in the data on the same ratios; rank 1 is the highest (for a cash NPV below zero, the least negative)${
            shown.some((r) => r.of === null)
              ? `, and where more than ${EXACT_RANKS} deals have the ratio the rank is given as a band (top or bottom 10%, quarter or half)`
              : ""
          }. Values as the deals state them, or computed from them (the NPV at the median of the draws).`
        : `${deal.name} was superseded: it is shown against the live deals but ranked among none of them.`
    ),
    shown.length
      ? el(
          "table",
          {class: "research-peers"},
          el(
            "thead",
            {},
            el(
              "tr",
              {},
              el("th", {}, "Ratio"),
              el("th", {class: "num"}, "This deal"),
              el("th", {class: "num"}, "Rank"),
              el("th", {}, "Highest")
            )
          ),
          el(
            "tbody",
            {},
            shown.map((r) =>
              el(
                "tr",
                {},
                el("th", {scope: "row"}, r.label),
                el("td", {class: "num"}, valueText(r)),
                el(
                  "td",
                  {class: "num"},
                  peerRankText(r, context.analysis.comparison.find((c) => c.id === deal.id)?.ratioMoneyBeforeDeal === true)
                ),
                el("td", {}, r.leader === null ? "" : r.leader.id === deal.id ? "this deal" : r.leader.name)
              )
            )
          )
        )
      : null,
    context.print
      ? null
      : ChartCsv(
          PEER_BOX,
          deal.id,
          peerRows(
            rows,
            context.analysis.comparison.find((c) => c.id === deal.id)
          ),
          context.data.version
        ),
    rows.length > shown.length
      ? el(
          "p",
          {class: "muted"},
          `Not compared, for want of the figure in this deal: ${rows
            .filter((r) => r.value === null)
            .map((r) => lowerFirst(r.label))
            .join(", ")}.`
        )
      : null
  );
}

/**
 * Why no scenario moves a figure of the deal ("it states no dollar commitment to value and no chip …"), or null when
 * one does (or the data holds no scenario): the same measures {@link Scenarios} makes rows of.
 */
function scenarioAbsence(context: SectionContext, deal: Deal): string | null {
  const columns = context.analysis.scenarios?.[deal.id] ?? [];
  if (!columns.length) return null;
  const moved = columns.some((c) => c.npvUsd !== null || c.npvWithResidualUsd !== null || c.gwYears !== null || c.h100eFp8 !== null);
  return moved
    ? null
    : `it states no dollar commitment to value${deal.capacity ? " and no chip with published specifications to convert its capacity into" : " and no capacity in gigawatts"}`;
}

/** The ratios the deals are compared on when the deal has none of them ("compute commitment, …"), else null. */
function peerAbsence(context: SectionContext, deal: Deal): string | null {
  const rows = context.analysis.peers?.[deal.id] ?? [];
  return rows.length && rows.every((r) => r.value === null) ? rows.map((r) => lowerFirst(r.label)).join(", ") : null;
}

export const risks: Section = {
  id: "risks",
  title: "Risks, scenarios and peers",
  perDeal: true,
  render(context) {
    const deal = researchDeal(context);
    const noScenario = scenarioAbsence(context, deal);
    const noPeers = peerAbsence(context, deal);
    // Neither part has anything to show (AMD → OpenAI, Broadcom → OpenAI): one line under the risks says so, where the
    // reader of this part looks for them, instead of two headings over a line each (critic s8 M12).
    if (noScenario && noPeers)
      return el(
        "div",
        {class: "research-section"},
        Risks(context, deal),
        el(
          "p",
          {class: "research-absent"},
          `No bull, base and bear table and no peer box for ${deal.name}: ${noScenario}, so no scenario moves any of its figures, and it has none of the figures the deals are compared on (${noPeers}).`
        )
      );
    return el("div", {class: "research-section"}, Risks(context, deal), Scenarios(context, deal), Peers(context, deal));
  }
};

/** What a briefing knows of the edition before it: the earlier build's data date (null on a first build) and how many of its headline figures moved. */
export interface Edition {
  previousAsOf: string | null;
  moved: number;
}

/**
 * Returns the disclosures' clause on what moved since the previous edition, true to what the document prints
 * (s14 critic #20: "the briefing names the headline figures that moved since the previous edition" in a first
 * edition, which names none): on the site (no edition), where the changes are listed.
 *
 * @example editionWords({previousAsOf: null, moved: 0}) // "this is the first edition built, so there is no previous one to compare with"
 */
export function editionWords(edition?: Edition): string {
  if (!edition) return "the Changes page lists the headline figures that moved since the previous edition";
  if (edition.previousAsOf === null) return "this is the first edition built, so there is no previous one to compare with";
  const since = `since the previous edition (its data as of ${date(edition.previousAsOf)})`;
  if (edition.moved === 0) return `none of this briefing's headline figures moved ${since}`;
  return `“What changed” lists the ${count(edition.moved)} headline figure${edition.moved === 1 ? "" : "s"} that moved ${since}`;
}

/** Methodology and disclosures: when the note was published, what data it draws, how its figures are made. */
export const disclosures: Section = {
  id: "disclosures",
  title: "Methodology and disclosures",
  render(context) {
    const {data, analysis} = context;
    const published = (context as SectionContext & {published?: string}).published;
    const projection = context.dealId ? analysis.projections[context.dealId] : undefined;
    const rate = projection?.assumptions["discount-rate"];
    return el(
      "div",
      {class: "research-section research-disclosures"},
      el(
        "dl",
        {class: "research-facts"},
        published ? [el("dt", {}, "Published"), el("dd", {}, date(published))] : null,
        el("dt", {}, "Data as of"),
        // The deal's own as-of on its page, as its briefing prints it; the dataset's for the market.
        el("dd", {}, date(data.deals.find((d) => d.id === context.dealId)?.asOf ?? data.asOf)),
        el("dt", {}, "Data version"),
        el("dd", {}, data.version)
      ),
      el(
        "p",
        {},
        "Every figure is either stated by a source (with its status: confirmed by a party or a filing, reported by a named outlet, an estimate, or an assumption) or computed from stated figures and the assumptions, which are listed with their low, base and high values and sources. Bounds are kept as the sources wrote them (“up to”, “over”, “about”). Computed figures are given to about three significant figures."
      ),
      el(
        "p",
        {},
        `Headline figures with a band are the median of ${count(projection?.uncertainty?.draws ?? 10_000)} seeded draws over the assumptions' ranges, with their P10–P90; the scenario table and the explainer chains use the scenario's values with no draw. Cash NPVs count revenue less cash costs and the capital the provider must spend to deliver, discounted${rate === undefined ? "" : ` at ${figureText(rate, "fraction")}`} to 1 January 2026 for every deal, so they compare across deals. Equity gains are kept apart from cash.`
      ),
      el(
        "p",
        {},
        `Disclosures: built from public sources only, each listed under Sources with its date. Projections are this note's, under the stated assumptions; they are not forecasts by the companies named, and nothing here is investment advice. Figures are recomputed whenever the data changes; ${editionWords((context as SectionContext & {edition?: Edition}).edition)}.`
      )
    );
  }
};

/**
 * The sentence before the list of checkpoints not on track, when some are and some are not: "1 of the deal's 3
 * checkpoints is on track; the other 2 are not on track or not yet read:" (critic s16 #11e: "…; not on track, or
 * not yet read:" did not parse). The statuses are the checkpoints' own; this only words them.
 */
export function openCheckpointsLead(total: number, open: readonly {status: string}[]): string {
  const onTrack = total - open.length;
  const read = open.filter((c) => c.status !== "unknown").length;
  const state = read === 0 ? "not yet read (no evidence)" : read === open.length ? "not on track" : "not on track or not yet read";
  return `${onTrack} of the deal's ${total} checkpoints ${onTrack === 1 ? "is" : "are"} on track; the other ${open.length === 1 ? "one is" : `${open.length} are`} ${state}:`;
}
