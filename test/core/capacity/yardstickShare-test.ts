import {assert, it} from "vitest";
import {gwToTwhPerYear} from "../../../src/core/capacity/convert.js";
import {yardstickShare} from "../../../src/core/capacity/yardstickShare.js";
import {type Figure, figure, leaf} from "../../../src/core/lineage.js";
import type {Yardstick} from "../../../src/core/model.js";
import {assertInDelta} from "../../asserts.js";

const yardstick = (id: string, value: number, extra: Partial<Yardstick> = {}): Yardstick => ({
  id,
  label: id,
  value,
  unit: "twh-per-year",
  year: 2024,
  status: "confirmed",
  source: "iea",
  asOf: "2025-04-01",
  ...extra
});

const us = yardstick("us-2024", 183);
const world = yardstick("world-2024", 415);

// Up to 5 GW × 8,760 h × 0.8 load = 35,040 GWh = 35.04 TWh a year, as the capacity card computes it.
const energy: Figure = figure(gwToTwhPerYear(5, 0.8), "twh-per-year", [
  {lineage: leaf("amazon-anthropic.capacity.ceiling", "confirmed"), bound: "up-to"},
  {lineage: leaf("assumption:load-factor", "assumption")}
]);

it("yardstickShare(energy, yardstick) divides the energy by the yardstick: 35.04 TWh ÷ 183 TWh = 19.1%", () => {
  assertInDelta(energy.value, 35.04);
  const share = yardstickShare(energy, us);
  assertInDelta(share.value, 0.191475, 1e-6); // 35.04 ÷ 183 = 0.1914754…
  assert.strictEqual(share.unit, "fraction");
  assertInDelta(yardstickShare(energy, world).value, 0.084434, 1e-6); // 35.04 ÷ 415 = 0.0844337…
});

it("yardstickShare(energy, yardstick) adds the yardstick to the lineage and keeps the weakest status", () => {
  assert.deepStrictEqual(yardstickShare(energy, us).lineage, {
    inputs: ["amazon-anthropic.capacity.ceiling", "assumption:load-factor", "yardstick:us-2024"],
    status: "assumption"
  });
  const sourced = figure(10, "twh-per-year", [{lineage: leaf("x.capacity.ceiling", "confirmed")}]);
  assert.strictEqual(yardstickShare(sourced, yardstick("r", 100, {status: "reported"})).lineage.status, "reported");
});

it("yardstickShare(energy, yardstick) combines the bounds", () => {
  assert.strictEqual(energy.bound, "about"); // up to 5 GW × an assumed load: a model estimate
  assert.strictEqual(yardstickShare(energy, us).bound, "about");
  const ceiling = figure(35, "twh-per-year", [{lineage: leaf("x.capacity.ceiling", "confirmed"), bound: "up-to"}]);
  assert.strictEqual(yardstickShare(ceiling, us).bound, "up-to");
  const exact = figure(10, "twh-per-year", [{lineage: leaf("x", "confirmed")}]);
  assert.strictEqual(yardstickShare(exact, us).bound, "exact");
  assert.strictEqual(yardstickShare(exact, yardstick("about", 100, {bound: "about"})).bound, "about");
});

it("yardstickShare(0 TWh, yardstick) is 0", () => {
  assert.strictEqual(yardstickShare(figure(0, "twh-per-year", [{lineage: leaf("x", "confirmed")}]), us).value, 0);
});

it("yardstickShare(…) rejects another unit and a yardstick that is not above 0", () => {
  assert.throws(() => yardstickShare(figure(5, "gw", [{lineage: leaf("x", "confirmed")}]), us), /invalid unit: gw against twh-per-year/);
  assert.throws(() => yardstickShare(energy, yardstick("zero", 0)), /invalid yardstick: zero \(0\)/);
  assert.throws(() => yardstickShare(energy, yardstick("nan", Number.NaN)), /invalid yardstick: nan \(NaN\)/);
});
