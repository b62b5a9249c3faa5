/**
 * Scenario controls: a scenario picker and sliders for the assumptions that matter most for a deal (ranked by the
 * tornado), whose value is the full set of assumption values to project with. The state lives in the URL
 * (`?scenario=slip&pue=1.2`), so a link reproduces the view. In print the controls are replaced by a line stating
 * the values used (`ControlsSummary`).
 */
import * as Inputs from "@observablehq/inputs";
import {el} from "./dom.js";
import {sig} from "./format.js";

export interface AssumptionLike {
  id: string;
  label: string;
  unit: string;
  low: number;
  base: number;
  high: number;
}

export interface ScenarioLike {
  id: string;
  label: string;
  ramp: string;
  overrides: Record<string, number>;
}

/** What the controls produce: the scenario chosen and every assumption's value. */
export interface ControlsValue {
  scenario: string;
  ramp: string;
  values: Record<string, number>;
  /** The ids the reader moved away from the scenario's values. */
  changed: string[];
}

/** Returns the assumption values of a scenario: each base value, with the scenario's overrides. */
export function scenarioAssumptionValues(assumptions: readonly AssumptionLike[], scenario: ScenarioLike): Record<string, number> {
  return Object.fromEntries(assumptions.map((a) => [a.id, scenario.overrides[a.id] ?? a.base]));
}

function formatAssumption(a: AssumptionLike, x: number): string {
  if (a.unit === "fraction") return `${sig(x * 100)}%`;
  if (a.unit === "usd-bn-per-gw-year") return `$${sig(x)}B`;
  if (a.unit === "usd-bn-per-gw") return `$${sig(x)}B`;
  if (a.unit === "usd-per-mwh") return `$${sig(x)}`;
  return sig(x);
}

/**
 * The unit a slider's number box is read in, named after its label. A share is shown in per cent (a reader types 35
 * for 35%, not 0.35); the URL and the model keep the fraction. A label that already names the "per GW" or
 * "per GW-year" part of its unit ("Contract revenue per GW-year") is not told it again.
 */
const UNIT_HINTS: Record<string, string> = {
  fraction: "%",
  ratio: "×",
  years: "years",
  months: "months",
  mw: "MW",
  "usd-bn-per-gw": "$B per GW",
  "usd-bn-per-gw-year": "$B per GW-year",
  "usd-per-mwh": "$ per MWh"
};

/** Multiplier from the model's value to the number the slider shows (100 for a share shown in per cent). */
export function displayScale(a: Pick<AssumptionLike, "unit">): number {
  return a.unit === "fraction" ? 100 : 1;
}

/** Returns the unit named after a slider's label, e.g. "%" or "$B" ("Contract revenue per GW-year ($B)"). */
export function unitHint(a: Pick<AssumptionLike, "unit" | "label">): string {
  const hint = UNIT_HINTS[a.unit] ?? a.unit;
  const per = / per GW(-year)?$/.exec(hint)?.[0];
  return per && a.label.includes(per.trim()) ? hint.slice(0, -per.length) : hint;
}

/** The slider's step, in the units it shows: about a fiftieth of its range, rounded to 1, 2 or 5 × a power of ten. */
export function stepOf(a: Pick<AssumptionLike, "unit" | "low" | "high">): number {
  const span = (a.high - a.low) * displayScale(a);
  if (span <= 0) return 1;
  const raw = span / 50;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
}

/**
 * Returns the controls element (a view: `.value` is a ControlsValue and it emits "input" on change). `sliders`
 * names the assumption ids to offer; the rest follow the chosen scenario.
 */
export function ScenarioControls({
  assumptions,
  scenarios,
  sliders,
  url = true
}: {
  assumptions: readonly AssumptionLike[];
  scenarios: readonly ScenarioLike[];
  sliders: readonly string[];
  url?: boolean;
}): HTMLElement & {value: ControlsValue} {
  const params = new URLSearchParams(url ? location.search : "");
  const initial = scenarios.find((s) => s.id === params.get("scenario")) ?? scenarios.find((s) => s.id === "base") ?? scenarios[0];
  const byId = new Map(assumptions.map((a) => [a.id, a]));
  const picker = Inputs.select(scenarios, {label: "Scenario", value: initial, format: (s) => s.label});
  const root = el("form", {class: "controls no-print", "aria-label": "Scenario and assumptions"}) as unknown as HTMLElement & {
    value: ControlsValue;
  };
  const sliderBox = el("div", {class: "controls-sliders"});
  const reset = el("button", {type: "button", class: "controls-reset"}, "Reset to scenario");
  root.append(el("div", {class: "controls-row"}, picker, reset), sliderBox);

  // step: in the model's units; scale: model value × scale = the number the slider shows.
  let inputs: {id: string; step: number; scale: number; input: HTMLElement & {value: number}}[] = [];
  const build = (scenario: ScenarioLike, fromUrl: boolean) => {
    const values = scenarioAssumptionValues(assumptions, scenario);
    sliderBox.replaceChildren();
    inputs = sliders
      .map((id) => byId.get(id))
      .filter((a): a is AssumptionLike => !!a)
      .map((a) => {
        const requested = fromUrl ? Number(params.get(a.id)) : Number.NaN;
        const value = Number.isFinite(requested) && params.has(a.id) ? Math.min(a.high, Math.max(a.low, requested)) : values[a.id];
        // The number box shows the raw value (a formatted "50%" is not a number), so the label names the unit.
        const step = stepOf(a);
        const scale = displayScale(a);
        // 0.07 × 100 is 7.000000000000001 in floating point: the box shows 7.
        const shown = (x: number) => Number((x * scale).toPrecision(12));
        const input = Inputs.range([shown(a.low), shown(a.high)], {label: `${a.label} (${unitHint(a)})`, step, value: shown(value)});
        // Inputs' <label> names one of its two boxes (number, range): each gets the name for a screen reader.
        for (const box of input.querySelectorAll("input")) box.setAttribute("aria-label", `${a.label} (${unitHint(a)})`);
        sliderBox.append(input);
        return {id: a.id, step: step / scale, scale, input};
      });
  };
  const update = () => {
    const scenario = picker.value;
    const values = scenarioAssumptionValues(assumptions, scenario);
    const changed: string[] = [];
    for (const {id, step, scale, input} of inputs) {
      const chosen = input.value / scale;
      // A slider shows its default snapped to its step (AWS's 35.4% margin sits at 35.5%): within half a step it is
      // still the default, which keeps its exact value, so the page shows the published figures, not a recomputation.
      if (Math.abs(chosen - values[id]) <= step / 2 + 1e-12) continue;
      changed.push(id);
      values[id] = chosen;
    }
    root.value = {scenario: scenario.id, ramp: scenario.ramp, values, changed};
    if (url) {
      // Keep what other controls put in the address (e.g. ?deal=); replace only the scenario and assumptions.
      const next = new URLSearchParams(location.search);
      next.delete("scenario");
      for (const a of assumptions) next.delete(a.id);
      if (scenario.id !== "base") next.set("scenario", scenario.id);
      for (const id of changed) next.set(id, String(values[id]));
      const query = next.toString();
      history.replaceState(history.state, "", `${location.pathname}${query ? `?${query}` : ""}${location.hash}`);
    }
  };
  build(initial, true);
  update();
  root.addEventListener("submit", (event) => event.preventDefault());
  picker.addEventListener("input", (event) => {
    event.stopPropagation();
    build(picker.value, false);
    update();
    root.dispatchEvent(new Event("input", {bubbles: true}));
  });
  sliderBox.addEventListener("input", (event) => {
    event.stopPropagation();
    update();
    root.dispatchEvent(new Event("input", {bubbles: true}));
  });
  reset.addEventListener("click", () => {
    build(picker.value, false);
    update();
    root.dispatchEvent(new Event("input", {bubbles: true}));
  });
  return root;
}

/** Returns the line that replaces the controls in print: the scenario and the values the figures use. */
export function ControlsSummary(
  value: ControlsValue,
  {
    assumptions,
    scenarios,
    sliders
  }: {assumptions: readonly AssumptionLike[]; scenarios: readonly ScenarioLike[]; sliders: readonly string[]}
): HTMLElement {
  const scenario = scenarios.find((s) => s.id === value.scenario);
  const byId = new Map(assumptions.map((a) => [a.id, a]));
  const parts = sliders
    .map((id) => byId.get(id))
    .filter((a): a is AssumptionLike => !!a)
    .map((a) => `${a.label} ${formatAssumption(a, value.values[a.id])}`);
  return el(
    "p",
    {class: "controls-summary print-only"},
    `Figures for the ${scenario?.label ?? value.scenario} scenario: ${parts.join("; ")}.`
  );
}
