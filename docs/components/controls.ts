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

const UNIT_HINTS: Record<string, string> = {
  fraction: "0–1",
  ratio: "×",
  years: "years",
  months: "months",
  mw: "MW",
  "usd-bn-per-gw": "$B per GW",
  "usd-bn-per-gw-year": "$B per GW-year",
  "usd-per-mwh": "$ per MWh"
};

function unitHint(a: AssumptionLike): string {
  return UNIT_HINTS[a.unit] ?? a.unit;
}

function stepOf(a: AssumptionLike): number {
  const span = a.high - a.low;
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

  let inputs: {id: string; step: number; input: HTMLElement & {value: number}}[] = [];
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
        const input = Inputs.range([a.low, a.high], {label: `${a.label} (${unitHint(a)})`, step, value});
        // Inputs' <label> names one of its two boxes (number, range): each gets the name for a screen reader.
        for (const box of input.querySelectorAll("input")) box.setAttribute("aria-label", `${a.label} (${unitHint(a)})`);
        sliderBox.append(input);
        return {id: a.id, step, input};
      });
  };
  const update = () => {
    const scenario = picker.value;
    const values = scenarioAssumptionValues(assumptions, scenario);
    const changed: string[] = [];
    for (const {id, step, input} of inputs) {
      // A slider shows its default snapped to its step (AWS's 35.4% margin sits at 35.5%): within half a step it is
      // still the default, which keeps its exact value, so the page shows the published figures, not a recomputation.
      if (Math.abs(input.value - values[id]) <= step / 2 + 1e-12) continue;
      changed.push(id);
      values[id] = input.value;
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
