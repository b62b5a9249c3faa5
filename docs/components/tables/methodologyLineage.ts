/** Each headline figure of a deal with its formula in words and its inputs, resolved to facts and assumptions. */
import {type HeadlineFormula, type LineageInput, resolveLineageInput} from "../../lib/core.js";
import {el} from "../dom.js";
import {derivedText} from "../format.js";
import {Badge, NamedDerivedBadge, SourceLink, type SourceRef} from "../provenance.js";
import {dataUnitText} from "./methodologyUnits.js";

/** Returns one input: what it is, its value in its unit with its bound, its status badge and its source. */
function InputItem(
  input: LineageInput,
  links: {sources: Record<string, SourceRef>; index?: Record<string, number>},
  dealName?: string
): HTMLElement {
  const prefix = `${dealName} · `;
  const label = dealName && input.label.startsWith(prefix) ? input.label.slice(prefix.length) : input.label;
  return el(
    "li",
    {"data-input": input.id},
    el("span", {class: "methodology-input-label"}, label.charAt(0).toUpperCase() + label.slice(1)),
    input.value !== null && input.unit
      ? el("span", {class: "methodology-input-value"}, `: ${dataUnitText(input.value, input.unit, input.bound, input.status)}`)
      : ": the option's terms",
    input.kind === "assumption" && input.low !== undefined && input.high !== undefined && input.unit
      ? el("span", {class: "muted"}, ` (range ${dataUnitText(input.low, input.unit)} to ${dataUnitText(input.high, input.unit)})`)
      : null,
    Badge({status: input.status, source: input.source, asOf: input.asOf}, links),
    // The badge prints the number; the link adds the publisher and date, not the number again.
    SourceLink(input.source, {...links, print: "unnumbered"})
  );
}

/**
 * Returns a card per headline figure: its label and value (with bound and derived badge, marked
 * `data-figure="<name>"`), its formula in words, the weakest status of its inputs, and each input resolved against
 * the dataset (label, value, status, source; `dealName` is left off the labels of the deal's own facts). A figure the deal cannot have (no capacity, no commitment, no option)
 * says so instead.
 */
export function MethodologyLineage(
  rows: readonly HeadlineFormula[],
  {
    data,
    dealName
  }: {
    dealName?: string;
    data: Parameters<typeof resolveLineageInput>[0] & {sourcesById: Record<string, SourceRef>; sourceNumbers?: Record<string, number>};
  }
): HTMLElement {
  const links = {sources: data.sourcesById, index: data.sourceNumbers};
  return el(
    "div",
    {class: "methodology-lineage"},
    rows.map(({name, label, formula, figure}) => {
      const inputs = figure ? figure.lineage.inputs.map((id) => resolveLineageInput(data, id)) : [];
      return el(
        "section",
        {class: "card methodology-figure", id: `figure-${name.replace(/\W/g, "-")}`},
        el("h4", {}, label),
        figure
          ? el(
              "div",
              {class: "methodology-figure-value"},
              el("span", {"data-figure": name}, derivedText(figure)),
              NamedDerivedBadge(figure.lineage, name, derivedText(figure))
            )
          : el(
              "div",
              {class: "methodology-figure-value muted"},
              "Not computed for this deal: it lacks the capacity, commitment or option the figure needs."
            ),
        el("p", {class: "methodology-formula"}, formula),
        figure
          ? [
              el(
                "p",
                {class: "methodology-inputs-head"},
                `${inputs.length} input${inputs.length === 1 ? "" : "s"}; the weakest is `,
                el("span", {class: `badge badge--${figure.lineage.status}`}, figure.lineage.status)
              ),
              el(
                "ul",
                {class: "methodology-inputs"},
                inputs.map((input) => InputItem(input, links, dealName))
              )
            ]
          : null
      );
    })
  );
}
