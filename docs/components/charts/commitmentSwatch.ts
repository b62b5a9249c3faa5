/** The legend swatch shared by the commitment and recycling charts. */
import {el} from "../dom.js";

/** Returns a colour swatch and its label, for a chart's legend: a bar, a line, a band or a dashed line. */
export function Swatch(label: string, color: string, kind: "bar" | "line" | "band" | "dash" = "bar"): HTMLElement {
  return el(
    "span",
    {class: "commitment-swatch"},
    el("span", {class: `commitment-swatch-mark commitment-swatch-mark--${kind}`, style: `--swatch: ${color}`}),
    label
  );
}
