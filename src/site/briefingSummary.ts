/**
 * A briefing's page 1: its call (one sentence that takes a position), its takeaways and its key figures, from the
 * briefing's executive summary (reports/summaries) and the computed figures. A summary is Markdown with
 * placeholders (placeholders.ts) and conditions (summaryConditions.ts); its first paragraph is the call, its first
 * list the takeaways, and the rest stays in the executive summary after them. When a condition the written summary
 * relies on no longer holds, the summary is stale: the briefing prints the generic template (whose call is computed
 * from the same conditions) instead, and `deals check` reports the failing line.
 */
import {firmWord} from "../core/format/firmWord.js";
import {NO_PAYBACK} from "../core/format/payback.js";
import {renderMarkdown} from "../io/markdown.js";
import {type FigureValue, formatFigure, MISSING_TEXT, resolvePlaceholders} from "./placeholders.js";
import {applyDirectives, type FailedCondition} from "./summaryConditions.js";

import type {KeyFigure} from "./types.js";

export type {KeyFigure} from "./types.js";

/** A briefing's page 1, rendered. */
export interface BriefingCall {
  /** The call: one paragraph of sanitized HTML. */
  callHtml: string;
  /** The takeaways: a list, sanitized HTML ("" when the summary has none). */
  takeawaysHtml: string;
  /** What else the executive summary says, sanitized HTML. */
  restHtml: string;
  keyFigures: KeyFigure[];
  /** The summary file printed: the briefing's own, or the generic template. */
  file: string;
  /** True when the generic template is printed (no own summary, or the own one is stale). */
  template: boolean;
  /**
   * Conditions that failed: the own summary's (why the template is printed instead), and the printed file's own
   * (a template or market summary whose claim no longer holds).
   */
  stale: (FailedCondition & {file: string})[];
}

/** One summary to try: its file and text. */
export interface SummarySource {
  file: string;
  text: string;
}

/**
 * Returns the Markdown of a summary split into its call (first paragraph), takeaways (first list after it) and the
 * rest, blocks being separated by blank lines.
 *
 * @example splitSummary("Call.\n\n- a\n- b\n\nMore.") // {call: "Call.", takeaways: "- a\n- b", rest: "More."}
 */
export function splitSummary(markdown: string): {call: string; takeaways: string; rest: string} {
  const blocks = markdown
    .split(/\n[ \t]*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  const call = blocks.findIndex((b) => !/^([-*+]|\d+\.)\s/.test(b));
  const list = blocks.findIndex((b, i) => i > call && /^([-*+]|\d+\.)\s/.test(b));
  return {
    call: call >= 0 ? blocks[call] : "",
    takeaways: list >= 0 ? blocks[list] : "",
    rest: blocks.filter((_, i) => i !== call && i !== list).join("\n\n")
  };
}

/**
 * Returns the briefing's page 1 from its own summary, or from `template` when it has none (`own` null) or when one
 * of the own summary's `{{#holds}}` conditions fails. Throws a PlaceholderError for an unknown figure or a
 * malformed directive in either file.
 */
export function briefingCall({
  own,
  template,
  figures,
  deal,
  render = renderMarkdown
}: {
  own: SummarySource | null;
  template: SummarySource;
  figures: ReadonlyMap<string, FigureValue>;
  deal?: string;
  /** Markdown → sanitized HTML; default renderMarkdown (a check that only needs the choice and the text passes its own). */
  render?: (markdown: string) => string;
}): BriefingCall {
  let stale: BriefingCall["stale"] = [];
  let chosen = template;
  let applied = applyDirectives(template.text, figures, {file: template.file, deal});
  if (own) {
    const mine = applyDirectives(own.text, figures, {file: own.file, deal});
    resolvePlaceholders(mine.checkable, figures, {file: own.file, deal});
    if (mine.stale.length) stale = mine.stale.map((s) => ({...s, file: own.file}));
    else {
      chosen = own;
      applied = mine;
    }
  }
  if (chosen !== own) stale = [...stale, ...applied.stale.map((s) => ({...s, file: template.file}))];
  const {call, takeaways, rest} = splitSummary(resolvePlaceholders(applied.text, figures, {file: chosen.file, deal}));
  return {
    callHtml: call ? render(call) : "",
    takeawaysHtml: takeaways ? render(takeaways) : "",
    restHtml: rest ? render(rest) : "",
    keyFigures: keyFigures(figures, deal),
    file: chosen.file,
    template: chosen === template && own?.file !== template.file,
    stale
  };
}

/** A key figure: its label and the figure name that gives it (`deal.` for the briefing's deal). */
type KeyRow = [
  label: string,
  name: string,
  options?: {
    keepMissing?: boolean;
    zeroText?: string;
    /** Words after the figure, from other figures: `f` gives one in words, `get` as a value (its status…). */
    suffix?: (f: (n: string) => string, get: (n: string) => FigureValue) => string;
    /** Shown only when this figure is missing (e.g. the capacity's energy where no cash figure can be given). */
    unless?: string;
    /** The label when the figure is a ceiling ("up to"): "firm" and "up to" do not go together. */
    ceilingLabel?: string;
    /** The label when the figure is a floor ("over"): a ceiling stated "over 10 GW" is no ceiling. */
    floorLabel?: string;
    /** A text figure that writes the value (new money as "$15B expected (up to $25B)"); the status stays the figure's. */
    words?: string;
    /** The words that qualify the figure, each on a line of its own under it (KeyFigure.notes); "" for none. */
    notes?: (f: (n: string) => string, get: (n: string) => FigureValue) => string[];
    /** The label when this other figure is present (a capacity contracted on top of the commitment). */
    presentLabel?: [figure: string, label: string];
    /** A text figure that gives the label, when present (the capacity's, from capacityLabel). */
    labelFrom?: string;
  }
];

/** The lines of a text figure that holds several, one a line ("" and a missing figure: none). */
const textOf = (f: FigureValue): string[] => (f.kind === "text" ? f.text.split("\n").filter(Boolean) : []);

/** True for a condition figure (a count) that is 1. */
const isOne = (f: FigureValue) => f.kind === "number" && f.value === 1;

/** The key figures of a deal briefing, in order. */
export const DEAL_KEY_FIGURES: readonly KeyRow[] = [
  // With investors outside the provider's group (Microsoft + Nvidia → Anthropic) the deal's total and the money the
  // cash figures count differ: each row says whose money it is (critic s6 #9).
  [
    "Invested, firm",
    "deal.terms.firm",
    {
      keepMissing: true,
      ceilingLabel: `Invested, ${firmWord(["up-to"])}`,
      suffix: (f, get) => (get("deal.econ.investor-group").kind === "text" ? `(${f("deal.investors")} together)` : "")
    }
  ],
  [
    "New money in this deal",
    "deal.econ.new-money",
    {
      zeroText: "none",
      // The figure on its line and what qualifies it on the next (the editors' chance, whose money the cash figures
      // count): in one value it wrapped in half a box on the four deals with contingent or other investors' money.
      words: "deal.econ.new-money-figure",
      notes: (f, get) => [
        ...textOf(get("deal.econ.new-money-notes")),
        get("deal.econ.investor-group").kind === "text" ? `${f("deal.econ.investor-group")}'s: the cash figures count its money only` : ""
      ]
    }
  ],
  [
    "Compute commitment",
    "deal.commitment.total",
    {
      keepMissing: true,
      // The term has its own status: an assumed term is said so (the status after the row is the amount's).
      suffix: (f, get) => {
        const years = get("deal.commitment.years");
        // "for", not "over": "over" is the report's floor word ("over $100B over 10 years" read as more than 10 years).
        return `for ${f("deal.commitment.years")}${years.kind === "number" && years.status === "assumption" ? " (term assumed)" : ""}`;
      }
    }
  ],
  // The label says what the figure is (capacityLabel): a ceiling, a floor, part of the deal, or capacity on top.
  ["Capacity ceiling", "deal.capacity.ceiling", {keepMissing: true, labelFrom: "deal.capacity.label"}],
  // The banded figure the commitment card and the CLI give (commitment.coverage, its median: GW-years at the market
  // price ÷ the ceiling's), one figure everywhere (critic s8 H5): the call says the cash model's own price beside it.
  ["GW-years bought at the market price ÷ the ceiling's over the term", "deal.econ.coverage"],
  // Capex is not drawn: its value is the base case's, said where the NPV beside it is a median (s15 econ note).
  [
    "Provider's capex to deliver it",
    "deal.econ.capex",
    {suffix: (_f, get) => (isOne(get("deal.econ.npv-median")) ? "(at the base values)" : "")}
  ],
  [
    "Provider's cash NPV, net of new money",
    "deal.recycling.npv",
    {suffix: (_f, get) => (isOne(get("deal.econ.npv-median")) ? "(median of the draws)" : "")}
  ],
  // The median draw's year where the NPV beside it is the median (critic s14 #3: the page's text names the base
  // case's year beside it, so the box says which one it is).
  [
    "Payback year (cumulative cash)",
    "deal.recycling.paybackYear",
    {suffix: (_f, get) => (isOne(get("deal.econ.npv-median")) ? "(median of the draws)" : "")}
  ],
  [
    "Electricity at the ceiling",
    "deal.econ.energy-twh",
    {
      unless: "deal.recycling.npv",
      // At "over 10 GW" there is no ceiling: the figure is at the capacity stated, and a floor (critic s8 M3).
      floorLabel: "Electricity at the capacity stated",
      suffix: (f) => `at ${f("deal.econ.load-factor")} average load`
    }
  ]
];

/** The key figures of the market briefing, in order. */
export const MARKET_KEY_FIGURES: readonly KeyRow[] = [
  ["Deals in the data", "data.deals"],
  ["Live deals where the supplier invests in the lab", "data.deals-invested"],
  ["Commitments with a cash NPV", "market.commitment-priced"],
  [
    // Named in full: on a screen the row takes a whole line and the next figure may fill the cell before it, so
    // "them" could point at the wrong row.
    "New money put in against the commitments with a cash NPV",
    "market.new-money",
    {
      words: "market.new-money-figure",
      // Its share of the commitments leads the notes: after the figure it pushed the status to a line of its own.
      notes: (f, get) => [`${f("market.new-share")} of those commitments`, ...textOf(get("market.new-money-notes"))]
    }
  ],
  ["Cost to build the capacity (leased data centres at build cost)", "market.capex-all"],
  [
    "Deals with a negative cash NPV",
    "market.npv-negative",
    // The count is over the deals' medians (critic s8 H1: every figure says median or base).
    {
      suffix: (f, get) =>
        `of ${f("market.npv-deals")}${get("market.npv-negative.basis").kind === "text" && f("market.npv-negative.basis") ? ` ${f("market.npv-negative.basis")}` : ""}`
    }
  ]
];

/**
 * Returns the key-figures box: each row's figure in words; a row whose figure is missing is left out unless it is
 * kept ("not disclosed"). A deal with cash flows but no payback year says the cash does not turn positive within
 * the deal.
 */
export function keyFigures(figures: ReadonlyMap<string, FigureValue>, deal?: string): KeyFigure[] {
  const resolve = (name: string) => (deal && name.startsWith("deal.") ? `${deal}.${name.slice(5)}` : name);
  const get = (name: string): FigureValue => figures.get(resolve(name)) ?? {kind: "missing"};
  const words = (name: string) => formatFigure(get(name));
  const rows = deal ? DEAL_KEY_FIGURES : MARKET_KEY_FIGURES;
  const out: KeyFigure[] = [];
  for (const [label, name, options = {}] of rows) {
    const value = get(name);
    // Near even odds the median draw's year (or "never") rests on a few draws: the share is the figure (critic s8 H1).
    const even = get("deal.econ.payback-even");
    const share = get("deal.econ.payback-share");
    // Said in words, the payback keeps the status of the cash flows it is read from (the NPV's), as its year does
    // (critic s15 #9: "about even odds: … 47% of the draws" was the one payback key figure without a badge).
    const npv = get("deal.recycling.npv");
    const flowStatus = npv.kind === "number" && npv.status ? {status: npv.status} : {};
    if (name === "deal.recycling.paybackYear" && isOne(even) && share.kind === "text") {
      out.push({label, value: `about even odds: within the deal in ${formatFigure(share)} of the draws`, ...flowStatus});
      continue;
    }
    if (name === "deal.recycling.paybackYear" && value.kind === "missing" && npv.kind === "number") {
      out.push({label, value: `${NO_PAYBACK}${isOne(get("deal.econ.npv-median")) ? " (median of the draws)" : ""}`, ...flowStatus});
      continue;
    }
    if (value.kind === "missing" && !options.keepMissing) continue;
    if (options.unless && get(options.unless).kind !== "missing") continue;
    if (value.kind === "number" && value.value === 0 && options.zeroText) {
      out.push({label, value: options.zeroText});
      continue;
    }
    const written = options.words ? get(options.words) : null;
    let text = formatFigure(written && written.kind === "text" ? written : value);
    if (options.suffix && value.kind === "number") {
      const suffix = options.suffix(words, get);
      if (suffix && !suffix.includes(MISSING_TEXT)) text = suffix.startsWith(",") ? `${text}${suffix}` : `${text} ${suffix}`;
    }
    const bound = value.kind === "number" ? value.bound : undefined;
    const labelText = options.labelFrom ? get(options.labelFrom) : null;
    const shownLabel =
      labelText?.kind === "text"
        ? labelText.text
        : options.presentLabel && get(options.presentLabel[0]).kind !== "missing"
          ? options.presentLabel[1]
          : options.ceilingLabel && bound === "up-to"
            ? options.ceilingLabel
            : options.floorLabel && (bound === "at-least" || (value.kind === "number" && value.orMore))
              ? options.floorLabel
              : label;
    const notes = (options.notes && value.kind === "number" ? options.notes(words, get) : []).filter((n) => n && !n.includes(MISSING_TEXT));
    out.push({
      label: shownLabel,
      value: text,
      ...(value.kind === "number" && value.status ? {status: value.status} : {}),
      ...(notes.length ? {notes} : {})
    });
  }
  return out;
}

/**
 * Returns the page 1 of `briefing`: its own summary (`briefing.summary`) with the generic template
 * (`briefing.template`) as the fallback, or the summary alone when the briefing has no template (the market's).
 */
export async function briefingCallFor(
  briefing: {summary: string; template?: string; deal?: string},
  figures: ReadonlyMap<string, FigureValue>,
  read: (file: string) => Promise<string>,
  render?: (markdown: string) => string
): Promise<BriefingCall> {
  const templateFile = briefing.template ?? briefing.summary;
  const own = briefing.summary !== templateFile ? {file: briefing.summary, text: await read(briefing.summary)} : null;
  const template = {file: templateFile, text: await read(templateFile)};
  const page = briefingCall({own, template, figures, deal: briefing.deal, render});
  // A briefing without a template (the market's) prints its own summary, never "the template".
  return {...page, template: Boolean(briefing.template) && page.file === briefing.template};
}
