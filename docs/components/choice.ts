/**
 * Two small native controls with the interface of Observable Inputs' select and radio (an element with `.value`
 * that fires "input"), for the sections that need nothing more: Inputs is 8.3 kB of gzip JavaScript that every page
 * drawing a section loaded for one menu and one set of radio buttons (the briefing and deal pages were over their
 * 250 kB budget). The sliders (controls.ts) keep Inputs.
 */
import {el} from "./dom.js";

let counter = 0;
/** Returns an id for a control's label, unique on the page. */
const nextId = (prefix: string) => `${prefix}-${++counter}`;

/** A control as Inputs returns it: the element, its current value and "input" events when the reader changes it. */
export type Choice<T> = HTMLElement & {value: T};

/**
 * Returns a labelled `<select>` over `options` (shown through `format`), starting at `value`.
 *
 * @example selectInput(deals, {label: "Deal", value: deals[0], format: (d) => d.name}).value // deals[0]
 */
export function selectInput<T>(
  options: readonly T[],
  {label, value, format}: {label: string; value: T; format: (option: T) => string}
): Choice<T> {
  const id = nextId("choice-select");
  const select = el("select", {id}, ...options.map((option, i) => el("option", {value: String(i)}, format(option))));
  select.selectedIndex = Math.max(0, options.indexOf(value));
  const root = el("form", {class: "choice choice--select"}, el("label", {for: id}, label), select) as unknown as Choice<T>;
  root.value = options[select.selectedIndex];
  root.addEventListener("submit", (event) => event.preventDefault());
  select.addEventListener("input", (event) => {
    event.stopPropagation();
    root.value = options[select.selectedIndex];
    root.dispatchEvent(new Event("input", {bubbles: true}));
  });
  return root;
}

/**
 * Returns a labelled group of radio buttons over `options` (shown through `format`), `value` checked.
 *
 * @example radioInput(["flat", "ramp"], {label: "Spend profile", value: "flat", format: (p) => p}).value // "flat"
 */
export function radioInput<T>(
  options: readonly T[],
  {label, value, format}: {label: string; value: T; format: (option: T) => string}
): Choice<T> {
  const name = nextId("choice-radio");
  const buttons = options.map((option, i) => {
    const input = el("input", {type: "radio", name, value: String(i), checked: option === value});
    return {input, label: el("label", {}, input, ` ${format(option)}`)};
  });
  const root = el(
    "form",
    {class: "choice choice--radio"},
    el("fieldset", {}, el("legend", {}, label), el("div", {class: "choice-options"}, ...buttons.map((b) => b.label)))
  ) as unknown as Choice<T>;
  root.value = options.includes(value) ? value : options[0];
  root.addEventListener("submit", (event) => event.preventDefault());
  for (const [i, {input}] of buttons.entries())
    input.addEventListener("input", (event) => {
      event.stopPropagation();
      root.value = options[i];
      root.dispatchEvent(new Event("input", {bubbles: true}));
    });
  return root;
}
