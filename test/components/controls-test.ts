// @vitest-environment jsdom
// The scenario sliders read as a reader types: a share in per cent (35 for 35%), a unit the label already names not
// repeated ("Contract revenue per GW-year ($B)"), while the model and the URL keep the fraction.
import {assert, it} from "vitest";
import {ScenarioControls, stepOf, unitHint} from "../../docs/components/controls.js";
import {assertInDelta} from "../asserts.js";

const assumptions = [
  {id: "paid", label: "Probability that contingent tranches are paid", unit: "fraction", low: 0.3, base: 0.5, high: 0.8},
  {id: "price", label: "Contract revenue per GW-year", unit: "usd-bn-per-gw-year", low: 7, base: 11, high: 15},
  {id: "capex", label: "All-in capex per GW (facility + IT)", unit: "usd-bn-per-gw", low: 29, base: 40, high: 55},
  {id: "power", label: "Electricity price", unit: "usd-per-mwh", low: 50, base: 70, high: 100}
];
const scenarios = [{id: "base", label: "Central case", ramp: "s-curve", overrides: {}}];

it("names each slider's unit once, in the units its box shows", () => {
  assert.deepStrictEqual(
    assumptions.map((a) => unitHint(a)),
    ["%", "$B", "$B", "$ per MWh"]
  );
  // A label that does not name the "per" part keeps it in the unit.
  assert.strictEqual(unitHint({label: "Rent", unit: "usd-bn-per-gw-year"}), "$B per GW-year");
  // Steps in shown units: 30–80% over 50 → 1 point; $7–15B over 50 → 0.16 → 0.2.
  assert.strictEqual(stepOf(assumptions[0]), 1);
  assertInDelta(stepOf(assumptions[1]), 0.2, 1e-12);
});

it("shows a share in per cent and gives the model the fraction", () => {
  const controls = ScenarioControls({assumptions, scenarios, sliders: ["paid", "price"], url: false});
  const labels = [...controls.querySelectorAll("label")].map((l) => l.textContent);
  assert.include(labels, "Probability that contingent tranches are paid (%)");
  assert.include(labels, "Contract revenue per GW-year ($B)");
  const [paidBox] = [...controls.querySelectorAll<HTMLInputElement>("input[type=number]")];
  assert.strictEqual(Number(paidBox.value), 50);
  // At their defaults the sliders change nothing.
  assert.deepStrictEqual(controls.value.changed, []);
  assert.strictEqual(controls.value.values.paid, 0.5);
  // The reader drags the share to 72%: the model gets 0.72.
  const paidRange = controls.querySelector<HTMLInputElement>("input[type=range]")!;
  paidRange.value = "72";
  paidRange.dispatchEvent(new Event("input", {bubbles: true}));
  assert.deepStrictEqual(controls.value.changed, ["paid"]);
  assertInDelta(controls.value.values.paid, 0.72, 1e-12);
  assert.strictEqual(controls.value.values.price, 11);
});

it("shows a share as the reader would type it, with no floating-point tail", () => {
  const margin = {id: "margin", label: "Operating margin", unit: "fraction", low: 0.07, base: 0.29, high: 0.57};
  const controls = ScenarioControls({assumptions: [margin], scenarios, sliders: ["margin"], url: false});
  const box = controls.querySelector<HTMLInputElement>("input[type=number]")!;
  assert.strictEqual(box.value, "29");
  assert.strictEqual(box.min, "7");
  assert.strictEqual(box.max, "57");
  assert.strictEqual(controls.value.values.margin, 0.29);
});
