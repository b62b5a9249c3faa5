/** Provenance marks: a badge on every figure saying how sure it is, where it comes from and as of when. */

import {CorrectionLink, figureKey} from "./correction.js";
import {el} from "./dom.js";
import {type Bound, date, figureText, withBound} from "./format.js";

export type Status = "confirmed" | "reported" | "estimate" | "assumption";

export interface SourceRef {
  id: string;
  title: string;
  url: string;
  publisher?: string;
  date: string;
}

export interface FactLike {
  value?: number | boolean;
  unit?: string;
  status: Status;
  bound?: Bound;
  source: string;
  asOf: string;
  note?: string;
}

export interface LineageLike {
  inputs: string[];
  status: Status;
}

/** Returns the one-line provenance of a fact: "Reported · Axios, 21 Apr 2026 · as of 21 Apr 2026". */
export function provenanceText(fact: FactLike, sources: Record<string, SourceRef>): string {
  const source = sources[fact.source];
  const where = source ? `${source.publisher ?? source.title}, ${date(source.date)}` : fact.source;
  const status = fact.status[0].toUpperCase() + fact.status.slice(1);
  return `${status} · ${where} · as of ${date(fact.asOf)}${fact.note ? ` · ${fact.note}` : ""}`;
}

/**
 * Makes a badge's provenance reachable without a mouse: a tip (`.badge-tip`) that shows on hover, on keyboard focus
 * (the badge or its link is focusable) and on tap. On a touch screen the first tap on a sourced badge opens its
 * tip instead of leaving the page; the tip's text names the source, and a second tap follows the link.
 */
function withTip<T extends HTMLElement>(badge: T, text: string): T {
  badge.append(el("span", {class: "badge-tip", role: "tooltip"}, text));
  badge.addEventListener("click", (event) => {
    // The correction control works on its own: it neither opens the tip nor follows the source.
    if ((event.target as Element).closest(".correction, .correction-link")) return;
    const onLink = !!(event.target as Element).closest("a");
    const open = badge.classList.contains("badge--open");
    const touch = typeof matchMedia === "function" && matchMedia("(hover: none)").matches;
    if (onLink && (open || !touch)) return; // follow the link
    event.preventDefault();
    for (const other of document.querySelectorAll(".badge--open")) if (other !== badge) other.classList.remove("badge--open");
    badge.classList.toggle("badge--open", !open);
  });
  badge.addEventListener("keydown", (event) => {
    if ((event.key === "Enter" || event.key === " ") && event.target === badge) {
      event.preventDefault();
      badge.classList.toggle("badge--open");
    }
    if (event.key === "Escape") badge.classList.remove("badge--open");
  });
  return badge;
}

/**
 * Returns a badge for a sourced fact: coloured by status, linking to the source, with its source and as-of date in a
 * tip shown on hover, focus and tap (and to screen readers); `index` numbers it against the sources appendix in
 * print.
 */
export function Badge(
  fact: FactLike,
  {sources, index, key}: {sources: Record<string, SourceRef>; index?: Record<string, number>; key?: string}
): HTMLElement {
  const source = sources[fact.source];
  const text = provenanceText(fact, sources);
  const number = index?.[fact.source];
  const value =
    typeof fact.value === "number" && fact.unit
      ? figureText(fact.value, fact.unit, fact.bound)
      : typeof fact.value === "boolean"
        ? fact.value
          ? "yes"
          : "no"
        : "(see page)";
  return withTip(
    el(
      "span",
      {class: `badge badge--${fact.status}`, "data-source": fact.source},
      el("a", {href: source?.url ?? "#", target: "_blank", rel: "noopener noreferrer", "aria-label": text}, fact.status),
      number !== undefined ? el("sup", {class: "print-only source-ref"}, `[${number}]`) : null,
      // Screen only: a prefilled issue for this figure, or its details to copy when the site knows no repository.
      CorrectionLink({
        key,
        value,
        status: fact.status,
        source: source ? {id: source.id, label: source.publisher ?? source.title, url: source.url} : undefined
      })
    ),
    text
  );
}

/**
 * Returns a link to a source: its publisher and date, numbered against the sources appendix in print. Where the
 * number is already printed beside it (a badge of the same source, or a bracket in the sentence), `print` says what
 * the link adds in print: "unnumbered" keeps the publisher and date without a second number, "none" prints nothing
 * (a screen-only link); either way the source stays cited (`data-source`), so the briefing's appendix lists it
 * (s15 critic #20: "[38] … [38]").
 */
export function SourceLink(
  id: string,
  {
    sources,
    index,
    print = "numbered"
  }: {sources: Record<string, SourceRef>; index?: Record<string, number>; print?: "numbered" | "unnumbered" | "none"}
): HTMLElement {
  const source = sources[id];
  const label = source ? `${source.publisher ?? source.title}, ${date(source.date)}` : id;
  const number = print === "numbered" ? index?.[id] : undefined;
  return el(
    "span",
    {class: print === "none" ? "source-link no-print" : "source-link", "data-source": id},
    " — ",
    el("a", {href: source?.url ?? "#", target: "_blank", rel: "noopener noreferrer", title: source?.title ?? id}, label),
    number !== undefined ? el("sup", {class: "print-only source-ref"}, `[${number}]`) : null
  );
}

/**
 * Returns a badge for a derived figure: "derived · reported", focusable, saying in a tip (hover, focus, tap) how many
 * inputs it is computed from and the weakest status among them; the methodology page lists each input. `figure`
 * names it (key and value as printed) for the correction control; without it the control sends only the inputs.
 * A group, not a button: it holds the correction control, and a button may not hold another.
 */
export function DerivedBadge(lineage: LineageLike, figure?: {key: string; value: string}): HTMLElement {
  const n = lineage.inputs.length;
  const text = `Computed here from ${n} sourced input${n === 1 ? "" : "s"}${lineage.status === "confirmed" ? ", all confirmed" : `; the weakest is ${lineage.status}`}. The methodology page lists each.`;
  return withTip(
    el(
      "span",
      {class: "badge badge--derived", tabindex: 0, role: "group", "aria-label": `derived · ${lineage.status}. ${text}`},
      `derived · ${lineage.status}`,
      CorrectionLink({
        key: figure?.key,
        value: figure?.value ?? "derived from the inputs named",
        status: `derived · ${lineage.status}`,
        inputs: lineage.inputs
      })
    ),
    text
  );
}

/** Returns a derived badge naming the figure `name` (see figureKey) and its value as printed, for the correction control. */
export function NamedDerivedBadge(lineage: LineageLike, name: string | null | undefined, value: string): HTMLElement {
  return DerivedBadge(lineage, name ? {key: figureKey(name, lineage.inputs), value} : undefined);
}

/** Returns a derived figure in words with its bound and a derived badge. */
export function FigureValue(figure: {value: number; unit: string; bound: Bound; lineage: LineageLike}, key?: string): HTMLElement {
  const text = figureText(figure.value, figure.unit, figure.bound);
  return el("span", {class: "figure"}, text, DerivedBadge(figure.lineage, key ? {key, value: text} : undefined));
}

/** Returns the legend of provenance statuses. */
export function StatusLegend(): HTMLElement {
  const items: [string, string][] = [
    ["confirmed", "in a filing or a party's own statement (a vendor's own document for a chip)"],
    ["reported", "in a named outlet's own report, not confirmed by the parties"],
    ["estimate", "by analysts, derived by the editors, or found only in a secondary copy (a mirror, reprint or aggregator)"],
    ["assumption", "set by the editors, with a range"]
  ];
  return el(
    "div",
    {class: "legend-status", role: "list"},
    items.map(([status, meaning]) => el("span", {role: "listitem"}, el("span", {class: `badge badge--${status}`}, status), ` ${meaning}`)),
    el(
      "span",
      {role: "listitem"},
      el("span", {class: "badge badge--derived"}, "derived"),
      " computed here; hover, focus or tap a badge for its inputs"
    ),
    el(
      "span",
      {},
      `Bounds stay as the source wrote them: ${withBound("5 GW", "up-to")}, ${withBound("$100B", "at-least")}, ${withBound("1 GW", "about")}. ` +
        `Confirmed and reported figures keep the digits their source wrote; computed figures, estimates and assumptions have three significant figures. ` +
        `A result below zero computed from a floor or a ceiling reads "${withBound("−$3B", "at-least", -3e9)}".`
    )
  );
}

/**
 * The site-wide source number of the provider's reported margin (assumption `margin-<provider>`), " [12]", to print
 * after it; "" when the data numbers no source for it. A company-sourced figure in a sentence carries its number like
 * a badge does (s16: "(it reports 35%)" had none).
 */
export function marginRef(
  data: {assumptions: readonly {id: string; source: string}[]; sourceNumbers?: Record<string, number>},
  r: {margin: {id: string}}
): string {
  const source = data.assumptions.find((a) => a.id === r.margin.id)?.source;
  const n = source ? data.sourceNumbers?.[source] : undefined;
  return n !== undefined ? ` [${n}]` : "";
}

/**
 * The site-wide source number of the margin the held-margin sensitivity holds the flows at (`heldMargin.source`: the
 * provider's guidance, Oracle's 35%, or its reported margin), " [12]"; "" when there is none or it has no number
 * (s17 closing: the reported margin was cited, the guided one not).
 */
export function heldMarginRef(data: {sourceNumbers?: Record<string, number>}, r: {heldMargin: {source: string} | null}): string {
  const n = r.heldMargin ? data.sourceNumbers?.[r.heldMargin.source] : undefined;
  return n !== undefined ? ` [${n}]` : "";
}
