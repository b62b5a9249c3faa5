/** Every assumption with its range, unit, distribution, status and source. */
import {el} from "../dom.js";
import {inputText} from "../format.js";
import {Badge, SourceLink, type SourceRef} from "../provenance.js";
import {unitWords} from "./methodologyUnits.js";

export interface AssumptionRow {
  id: string;
  label: string;
  unit: string;
  low: number;
  base: number;
  high: number;
  distribution: string;
  status: "confirmed" | "reported" | "estimate" | "assumption";
  source: string;
  asOf: string;
  description: string;
}

/**
 * Returns the assumptions table: one row per assumption with its description; its low, base and high in its unit
 * with every digit the data gives (inputs, so a reader can recompute each figure from them),
 * with the unit and the distribution the Monte Carlo draws from; and its status badge and source. The first column stays put
 * when the table scrolls sideways on a phone.
 */
export function MethodologyAssumptionsTable(
  assumptions: readonly AssumptionRow[],
  {sources, index}: {sources: Record<string, SourceRef>; index?: Record<string, number>}
): HTMLElement {
  return el(
    "div",
    {class: "methodology-scroll", tabindex: "0"},
    el(
      "table",
      {class: "methodology-assumptions"},
      el(
        "thead",
        {},
        el(
          "tr",
          {},
          el("th", {scope: "col"}, "Assumption"),
          el("th", {scope: "col", class: "num"}, "Low / base / high"),
          el("th", {scope: "col"}, "Status and source")
        )
      ),
      el(
        "tbody",
        {},
        assumptions.map((a) =>
          el(
            "tr",
            {id: `assumption-${a.id}`},
            el(
              "th",
              {scope: "row"},
              el("span", {class: "methodology-assumption-label"}, a.label),
              el("span", {class: "methodology-assumption-description"}, a.description)
            ),
            el(
              "td",
              {class: "num methodology-range"},
              el("div", {}, el("span", {class: "muted"}, "low "), inputText(a.low, a.unit)),
              el("div", {class: "methodology-base"}, el("span", {class: "muted"}, "base "), inputText(a.base, a.unit)),
              el("div", {}, el("span", {class: "muted"}, "high "), inputText(a.high, a.unit)),
              el("div", {class: "methodology-range-meta"}, `${unitWords(a.unit)} · ${a.distribution}`)
            ),
            el("td", {}, Badge(a, {sources, index}), SourceLink(a.source, {sources, index, print: "unnumbered"}))
          )
        )
      )
    )
  );
}
