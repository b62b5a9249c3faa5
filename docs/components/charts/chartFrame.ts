/**
 * The one frame every chart is drawn in, on the site and in the briefings: a title that states the chart's finding,
 * numbered "Figure N." in document order (numberFigures, kept up to date as charts are drawn, so a chart added or
 * dropped renumbers the rest; the CSS counter in docs/style.css is only the fallback before it runs), the chart, and a "Source:" line beneath naming the publishers its figures come from, computed from the
 * figures' lineage.
 */
import {type Dataset, resolveLineageInput, type Yardstick} from "../../lib/core.js";
import {el} from "../dom.js";
import type {SourceRef} from "../provenance.js";

/** What {@link chartSource} reads: the dataset's facts, chips and assumptions, and its sources by id. */
export type ChartSourceData = Pick<Dataset, "deals" | "chips" | "assumptions"> & {
  yardsticks?: readonly Yardstick[];
  sourcesById: Record<string, SourceRef>;
  /**
   * The site's source numbers (publicDataset's, the appendices' and the text's "[n]"): with them each publisher the
   * line names carries the numbers of its sources, "AWS [12]", as the text cites them; without, names alone.
   */
  sourceNumbers?: Record<string, number>;
};

export interface ChartSourceOptions {
  /** Lineage input ids of the figures the chart draws (`<deal>.<path>`, `chip:…`, `assumption:…`): a derived chart. */
  inputs?: Iterable<string>;
  /** Source ids of sourced facts the chart draws as stated. */
  sources?: Iterable<string>;
}

const MAX_NAMES = 5;

/** The publisher name the data gives the project's own estimates. */
const SELF = "compute-deals";

/**
 * Returns "A", "A and B", "A, B and C"; past {@link MAX_NAMES} names, "A, B, C, D, E and 3 more", with `rest` after
 * the count when given (a source line's "and 3 more [60–62]": the numbers of the publishers it does not name). One
 * name past five is named, never counted: "and 1 more" takes about as much room as the name it hides.
 */
export function nameList(names: readonly string[], rest = ""): string {
  if (names.length > MAX_NAMES + 1) return `${names.slice(0, MAX_NAMES).join(", ")} and ${names.length - MAX_NAMES} more${rest}`;
  return names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * Returns source numbers as a citation prints them: sorted, each once, three or more in a row as a range (en dash),
 * two in a row apart, "" for none.
 *
 * @example numberRanges([71, 60, 61, 62, 65, 66, 60]) // "60–62, 65, 66, 71"
 */
export function numberRanges(numbers: Iterable<number>): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    if (j - i >= 2) parts.push(`${sorted[i]}–${sorted[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]));
    i = j + 1;
  }
  return parts.join(", ");
}

/**
 * Returns the words of a chart's source line, without "Source:": the publishers of the sources its figures come
 * from, in order of first appearance. A chart that draws derived figures reads "compute-deals calculations from
 * Amazon and Anthropic, with assumptions from DatacenterDynamics"; one that draws sourced facts as stated names
 * their publishers. Lineage ids that name nothing in the data are skipped; with no source at all it reads
 * "compute-deals calculations".
 *
 * @example chartSource(data, {inputs: ["amazon-anthropic.capacity.ceiling", "assumption:pue"]}) // "compute-deals calculations from Anthropic, with assumptions from DatacenterDynamics"
 */
export function chartSource(data: ChartSourceData, options: ChartSourceOptions): string {
  return chartSourceLine(data, options).text;
}

/** A chart's source line: its words (see {@link chartSource}) and the ids of every source it rests on. */
export interface ChartSourceLine {
  text: string;
  /** The sources the named publishers stand for, in order of first appearance: the briefing's appendix lists them. */
  ids: string[];
}

/**
 * Returns a chart's source line with the ids of the sources behind it (critic s14 #5: a briefing's appendix listed
 * only bracket-cited sources, so the blog behind a chart's capacity point had no address anywhere in the PDF).
 *
 * @example chartSourceLine(data, {inputs: ["amazon-anthropic.capacity.ceiling"]}) // {text: "compute-deals calculations from Anthropic", ids: ["anthropic-2026-04-20"]}
 */
export function chartSourceLine(data: ChartSourceData, {inputs = [], sources = []}: ChartSourceOptions): ChartSourceLine {
  const ids: string[] = [];
  // Each publisher's sources, for its numbers: one publisher may stand for several sources ("AWS [12, 40]").
  const idsOf = new Map<string, string[]>();
  const publisher = (id: string): string | null => {
    const source = data.sourcesById[id];
    if (source && !ids.includes(id)) ids.push(id);
    const name = source ? (source.publisher ?? source.title) : null;
    if (name && !idsOf.get(name)?.includes(id)) idsOf.set(name, [...(idsOf.get(name) ?? []), id]);
    return name;
  };
  // The numbers of some publishers' sources, in the text's form (s15/s16: chart source lines were not numbered).
  const numbersOf = (names: readonly string[]): string =>
    numberRanges(
      names.flatMap((name) => (idsOf.get(name) ?? []).map((id) => data.sourceNumbers?.[id])).filter((n): n is number => n !== undefined)
    );
  const cite = (name: string): string => {
    const numbers = numbersOf([name]);
    return numbers ? `${name} [${numbers}]` : name;
  };
  // Past MAX_NAMES, nameList counts the rest and the line gives their numbers together ("and 9 more [59, 61–64]", s17
  // closing: "and 9 more" alone left a reader no way to find them in the appendix).
  const cited = (names: readonly string[]) => {
    const rest = names.length > MAX_NAMES + 1 ? numbersOf(names.slice(MAX_NAMES)) : "";
    return nameList(names.map(cite), rest ? ` [${rest}]` : "");
  };
  const facts: string[] = [];
  const assumptions: string[] = [];
  // Our own estimates are what "compute-deals calculations" already says; they are not a publisher to cite.
  const add = (list: string[], name: string | null) => {
    if (name && name !== SELF && !list.includes(name)) list.push(name);
  };
  let derived = false;
  for (const id of inputs) {
    derived = true;
    let input: ReturnType<typeof resolveLineageInput>;
    try {
      input = resolveLineageInput(data, id);
    } catch {
      continue;
    }
    add(input.kind === "assumption" ? assumptions : facts, publisher(input.source));
  }
  for (const id of sources) add(facts, publisher(id));
  const stated = facts;
  if (!derived) return {text: cited(stated) || "compute-deals", ids};
  const from = stated.length ? ` from ${cited(stated)}` : "";
  const assumed = assumptions.filter((name) => !stated.includes(name));
  return {
    text: `compute-deals calculations${from}${assumed.length ? `${from ? ", with" : " with"} assumptions from ${cited(assumed)}` : ""}`,
    ids
  };
}

/**
 * Returns the lineage inputs of every figure among `values` and their fields, one level down (a comparison row's
 * figures): what a chart drawn from those values is computed from.
 *
 * @example figureInputs([row]) // ["amazon-anthropic.capacity.ceiling", "amazon-anthropic.commitments.aws-2026.amount", …]
 */
export function figureInputs(values: Iterable<unknown>): string[] {
  const inputs = new Set<string>();
  const take = (value: unknown) => {
    const lineage = (value as {lineage?: {inputs?: unknown}} | null)?.lineage;
    if (Array.isArray(lineage?.inputs)) for (const id of lineage.inputs) if (typeof id === "string") inputs.add(id);
  };
  for (const value of values) {
    take(value);
    if (value && typeof value === "object") for (const field of Object.values(value)) take(field);
  }
  return [...inputs];
}

/** Returns `sentence` without its closing full stop, for a chart title. */
export function asTitle(sentence: string): string {
  return sentence.trim().replace(/\.$/, "");
}

export interface ChartFrameOptions {
  /** The chart's finding in one sentence, computed from the figures it draws (no "Figure N."; the frame numbers it). */
  title: string;
  /**
   * The source line: its words (see {@link chartSource}), or the line with its source ids (see
   * {@link chartSourceLine}), which the source line carries as `data-sources` for a briefing's appendix.
   */
  source: string | ChartSourceLine;
  /** Extra class names for the figure. */
  className?: string;
}

/**
 * Returns `chart` (one node or several, e.g. a chart and its caption) in a numbered figure with its finding as the
 * title and a "Source:" line beneath. Heading, chart and source stay on one page in print.
 *
 * @example ChartFrame(svg, {title: "Up to 5 GW is reached in 2030", source: chartSource(data, {inputs})})
 */
export function ChartFrame(chart: Node | (Node | null)[] | null, {title, source, className}: ChartFrameOptions): HTMLElement {
  const line = typeof source === "string" ? {text: source, ids: []} : source;
  watchFigures();
  return el(
    "figure",
    {class: `chart-frame${className ? ` ${className}` : ""}`},
    el("div", {class: "chart-frame-title", role: "heading", "aria-level": "4"}, el("span", {class: "chart-frame-number"}), title),
    chart,
    el(
      "p",
      {class: "chart-frame-source", "data-sources": line.ids.length ? line.ids.join(" ") : undefined},
      // Each bracket of numbers kept on one line with the word before it ("[82, 94,⏎99]" read as two citations,
      // "Wakefield⏎[85]" as a number without a name), the text between free to wrap.
      `Source: ${line.text}.`
        .split(/(\S+ \[[^\]]*\])/)
        .map((part) => (/\]$/.test(part) ? el("span", {class: "chart-frame-refs"}, part) : part))
    )
  );
}

/**
 * Numbers every chart frame under `root` in document order, "Figure 1. ", "Figure 2. ", …, writing only the numbers
 * that changed; returns how many frames it numbered. On the site the CSS counter restarted at each part drawn after
 * the first screen (s14 critic #17: three "Figure 1." on the deal page while the PDF numbered the same charts 1, 2,
 * 3), so the numbers are written here, for the page as a whole, as the briefing counts them.
 *
 * @example numberFigures(document) // 12, the frames now read "Figure 1." … "Figure 12."
 */
export function numberFigures(root: ParentNode): number {
  const frames = root.querySelectorAll(".chart-frame");
  frames.forEach((frame, i) => {
    const number = frame.querySelector(":scope > .chart-frame-title > .chart-frame-number");
    const text = `Figure ${i + 1}. `;
    if (number && number.textContent !== text) number.textContent = text;
  });
  return frames.length;
}

/** The documents whose frames are numbered as nodes are added (one watcher each). */
const watched = new WeakSet<Document>();

/** Starts numbering the page's chart frames whenever nodes are added to it (once per page; not without a DOM). */
function watchFigures(): void {
  if (typeof MutationObserver === "undefined" || typeof document === "undefined" || !document.body) return;
  const page = document;
  if (watched.has(page)) return;
  watched.add(page);
  let queued = false;
  const run = () => {
    queued = false;
    // The page may be gone by the time the queued numbering runs (a test's DOM torn down): then nothing is numbered.
    if (typeof document !== "undefined" && document === page) numberFigures(page);
  };
  new MutationObserver((records) => {
    if (queued || !records.some((r) => r.addedNodes.length || r.removedNodes.length)) return;
    queued = true;
    queueMicrotask(run);
  }).observe(document.body, {childList: true, subtree: true});
}
