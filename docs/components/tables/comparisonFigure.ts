/** A figure in a comparison table cell: its value with the source's bound words, and a compact status badge. */
import type {Figure} from "../../lib/core.js";
import {el} from "../dom.js";
import {bounded, gw, type Precision, pct, sig, times, unitText, usd} from "../format.js";
import {DerivedBadge} from "../provenance.js";

// Short forms for table cells, where the column heading names the unit ("$ a year", "$ per GW").
const SHORT: Record<string, (x: number, precision?: Precision) => string> = {
  usd,
  "usd-per-year": usd,
  "usd-per-gw": usd,
  gw,
  ratio: times,
  // "8.3 years", as the article's table and every sentence write a term: a span computed over several contracts
  // (8.3178 years) has two significant figures, not the three of "8.32".
  years: (x, precision) => unitText(x, "years", precision),
  fraction: pct
};

/** Returns a figure's value in short form with its bound ("over $100B"), for a table cell. */
export function comparisonFigureText(figure: Pick<Figure, "value" | "unit" | "bound" | "words" | "inclusive">): string {
  // "7–8 years (2 contracts)", not the model's 8.3-year span (critic s8 M14).
  if (figure.words) return figure.words;
  // A floor rounded down, a ceiling up: 100 ÷ 13 = 7.69 is "over 7.6×", never "over 7.7×".
  return bounded(figure.value, figure.bound, SHORT[figure.unit] ?? sig, figure.inclusive);
}

/**
 * Returns a figure for a table cell: the short value with its bound and a badge naming the weakest status of its
 * inputs (the inputs are listed on hover, as on every derived badge); an en dash for a missing figure.
 */
export function ComparisonFigure(figure: Figure | null, {mark = ""}: {mark?: string} = {}): HTMLElement {
  if (!figure) return el("span", {class: "muted", title: "not stated"}, "–");
  // A sum over nothing (a deal with no investment at all) is a structural zero, not an uncertain figure: no badge
  // (s14 critic #20: "$0 estimate" on Oracle → OpenAI).
  if (figure.lineage.inputs.length === 0)
    return el("span", {class: "comparison-figure", title: "none in the deal's terms"}, comparisonFigureText(figure));
  const badge = DerivedBadge(figure.lineage);
  badge.textContent = figure.lineage.status;
  // Drawn in its status's colour, as the legend draws each status; the grey outline is the legend's "derived"
  // style, which every cell printed before (s14 critic #20). The tip still says it is computed and from what.
  badge.classList.replace("badge--derived", `badge--${figure.lineage.status}`);
  badge.classList.add("comparison-badge", `comparison-badge--${figure.lineage.status}`);
  return el(
    "span",
    {class: "comparison-figure"},
    comparisonFigureText(figure),
    mark ? el("sup", {class: "comparison-mark"}, mark) : null,
    badge
  );
}
