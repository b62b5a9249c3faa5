/** Provenance marks: a badge on every figure saying how sure it is, where it comes from and as of when. */

import {CorrectionLink} from "./correction.js";
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
 * Returns a badge for a sourced fact: coloured by status, the source and as-of date on hover (title) and in text
 * for screen readers, linking to the source; `index` numbers it against the sources appendix in print.
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
  return el(
    "span",
    {class: `badge badge--${fact.status}`, title: text, "data-source": fact.source},
    el("a", {href: source?.url ?? "#", target: "_blank", rel: "noopener noreferrer", "aria-label": text}, fact.status),
    number !== undefined ? el("sup", {class: "print-only source-ref"}, `[${number}]`) : null,
    // Screen only, and only when the site names its repository: a prefilled issue for this figure.
    CorrectionLink({
      key,
      value,
      status: fact.status,
      source: source ? {id: source.id, label: source.publisher ?? source.title, url: source.url} : undefined
    })
  );
}

/** Returns a link to a source: its publisher and date, numbered against the sources appendix in print. */
export function SourceLink(
  id: string,
  {sources, index}: {sources: Record<string, SourceRef>; index?: Record<string, number>}
): HTMLElement {
  const source = sources[id];
  const label = source ? `${source.publisher ?? source.title}, ${date(source.date)}` : id;
  const number = index?.[id];
  return el(
    "span",
    {class: "source-link", "data-source": id},
    " — ",
    el("a", {href: source?.url ?? "#", target: "_blank", rel: "noopener noreferrer", title: source?.title ?? id}, label),
    number !== undefined ? el("sup", {class: "print-only source-ref"}, `[${number}]`) : null
  );
}

/** Returns a badge for a derived figure: "derived · reported", listing its inputs on hover. */
export function DerivedBadge(lineage: LineageLike): HTMLElement {
  const text = `Derived from ${lineage.status === "confirmed" ? "confirmed figures" : `figures whose weakest status is "${lineage.status}"`}: ${lineage.inputs.join(", ")}`;
  return el(
    "span",
    {class: "badge badge--derived", title: text, role: "note", "aria-label": text},
    `derived · ${lineage.status}`,
    CorrectionLink({key: lineage.inputs.join(", "), value: "derived from the inputs named", status: `derived · ${lineage.status}`})
  );
}

/** Returns a derived figure in words with its bound and a derived badge. */
export function FigureValue(figure: {value: number; unit: string; bound: Bound; lineage: LineageLike}): HTMLElement {
  return el("span", {class: "figure"}, figureText(figure.value, figure.unit, figure.bound), DerivedBadge(figure.lineage));
}

/** Returns the legend of provenance statuses. */
export function StatusLegend(): HTMLElement {
  const items: [string, string][] = [
    ["confirmed", "in a filing or a party's own statement (a vendor's own document for a chip)"],
    ["reported", "in a named outlet's own report, not confirmed by the parties"],
    ["estimate", "by analysts, derived by us, or found only in a secondary copy (a mirror, reprint or aggregator)"],
    ["assumption", "set by the editors, with a range"]
  ];
  return el(
    "div",
    {class: "legend-status", role: "list"},
    items.map(([status, meaning]) => el("span", {role: "listitem"}, el("span", {class: `badge badge--${status}`}, status), ` ${meaning}`)),
    el("span", {role: "listitem"}, el("span", {class: "badge badge--derived"}, "derived"), " computed here; hover for its inputs"),
    el(
      "span",
      {},
      `Bounds stay as the source wrote them: ${withBound("5 GW", "up-to")}, ${withBound("$100B", "at-least")}, ${withBound("1 GW", "about")}. ` +
        `Confirmed and reported figures keep the digits their source wrote; computed figures, estimates and assumptions have three significant figures. ` +
        `A result below zero computed from a floor or a ceiling reads "${withBound("−$3B", "at-least", -3e9)}".`
    )
  );
}
