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

/** Returns the diagram: one row per chain, each step a box, each operation an arrow between boxes, and an optional note. */
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
          steps.map((step) => [
            step.op ? el("li", {class: "capacity-op", "aria-label": step.op}, el("span", {}, step.op)) : null,
            el("li", {class: "capacity-step", "data-figure": step.figure}, el("strong", {}, step.value), el("span", {}, step.label))
          ])
        ),
        note ? el("p", {class: "capacity-chain-note"}, note) : null
      )
    )
  );
}
