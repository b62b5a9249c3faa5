/**
 * A step diagram (HTML and CSS, so it prints as text): chains of figures joined by the operation that turns one
 * into the next, e.g. "up to 5 GW facility → ÷ 1.15 PUE → 4.35 GW IT → ÷ 1.64 kW per chip → 2.65 million chips".
 */
import {el} from "../dom.js";

export interface Step {
  /** The operation that leads to this step from the previous one ("÷ 1.15 PUE"); none for the first. */
  op?: string;
  /** The figure, formatted (with its bound). */
  value: string;
  /** What the figure is. */
  label: string;
  /** `data-figure` name, for the browser tests. */
  figure?: string;
}

/**
 * Returns the diagram: one row per chain, each step a box, each operation an arrow between boxes, and an optional
 * note. An operation and the box it leads to are one item of the row, and neither breaks inside, so a row never
 * ends on an arrow nor splits an arrow from its result, at any width (a narrow screen stacks the items).
 */
export function CapacitySteps(chains: readonly {title: string; steps: readonly Step[]; note?: string}[]): HTMLElement {
  return el(
    "div",
    {class: "capacity-steps"},
    chains.map(({title, steps, note}) =>
      el(
        "figure",
        {class: "capacity-chain"},
        el("figcaption", {}, title),
        el(
          "ol",
          {},
          steps.map((step) =>
            el(
              "li",
              {class: "capacity-link"},
              step.op ? el("span", {class: "capacity-op", "aria-label": step.op}, el("span", {}, step.op)) : null,
              el("span", {class: "capacity-step", "data-figure": step.figure}, el("strong", {}, step.value), el("span", {}, step.label))
            )
          )
        ),
        note ? el("p", {class: "capacity-chain-note"}, note) : null
      )
    )
  );
}
