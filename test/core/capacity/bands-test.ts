import {assert, it} from "vitest";
import {capacityBands} from "../../../src/core/capacity/bands.js";
import type {Assumption, Scenario} from "../../../src/core/model.js";
import {MONTE_CARLO_DRAWS} from "../../../src/core/uncertainty/draws.js";
import {assertInDelta} from "../../asserts.js";
import {chips, deal, assumptions as fixtureAssumptions} from "./fixtures.js";

// Fixture deal: announced January 2026; up to 4 GW; 1 GW by end-2026, 3 GW by end-2027; alpha fills capacity
// added before July 2026, beta from July 2026 on. Capacity assumptions fixed at PUE 1.25, load factor 0.5 and
// 100 MW buildings, so only the slip moves; its range is 0–`slipHigh` months with the mode at 0.
function dataset({slipHigh = 0, pue = [1.25, 1.25, 1.25]}: {slipHigh?: number; pue?: number[]} = {}) {
  const ranges: Record<string, number[]> = {
    pue,
    "load-factor": [0.5, 0.5, 0.5],
    "slip-months": [0, 0, slipHigh],
    "building-mw": [100, 100, 100]
  };
  const assumptions: Assumption[] = fixtureAssumptions.map((a) => {
    const r = ranges[a.id];
    return r ? {...a, low: r[0], base: r[1], high: r[2]} : a;
  });
  const scenarios: Scenario[] = [
    {id: "base", label: "Base", description: "", ramp: "linear", overrides: {}},
    {id: "slip", label: "Slip", description: "", ramp: "linear", overrides: {"slip-months": 12}}
  ];
  return {
    deals: [deal(), deal({id: "bare"}, {schedule: []}), deal({id: "chipless"}, {chips: []}), deal({id: "none", capacity: undefined})],
    chips,
    assumptions,
    scenarios
  };
}

it("capacityBands(dataset, deal) with fixed assumptions collapses every band onto the scenario's value", () => {
  const bands = capacityBands(dataset(), "d", {draws: 50})!;
  assert.deepStrictEqual(
    bands.years.map((y) => y.year),
    [2026, 2027]
  );
  const [y2026, y2027] = bands.years;
  assert.deepStrictEqual(y2026.gw, {value: 1, base: 1, p10: 1, p50: 1, p90: 1});
  assert.deepStrictEqual(y2027.gw, {value: 3, base: 3, p10: 3, p50: 3, p90: 3});
  // 2026: average 0.5 GW (linear 0 → 1) × 8,760 h × 0.5 ÷ 1,000 = 2.19 TWh; 2027: average 2 GW → 8.76 TWh
  assertInDelta([y2026.energyTwh.value, y2026.energyTwh.p90, y2027.energyTwh.p10], [2.19, 2.19, 8.76]);
  // alpha 0.5 GW → 400 MW ÷ 0.75 kW = 533,333 × 0.5 PF; beta 0.5 GW → 400 MW ÷ 1.5 kW = 266,666 × 1 PF
  assertInDelta(y2026.h100e!.value, 533_333 * 0.5 + 266_666);
  assertInDelta(y2026.h100e!.p50, 533_333 * 0.5 + 266_666);
});

it("capacityBands(dataset, deal) describes the run: scenario, ramp, seed, draws and the assumptions drawn", () => {
  const bands = capacityBands(dataset(), "d", {draws: 10, seed: 7})!;
  assert.deepStrictEqual(
    {...bands, years: []},
    {
      deal: "d",
      scenario: "base",
      ramp: "linear",
      seed: 7,
      draws: 10,
      varied: ["pue", "load-factor", "slip-months", "building-mw"],
      years: []
    }
  );
});

it("capacityBands(dataset, deal) defaults to the one published draw count (10,000) of the base scenario with the seed compute-deals", () => {
  const bands = capacityBands(dataset(), "d")!;
  assert.strictEqual(bands.draws, MONTE_CARLO_DRAWS);
  assert.strictEqual(MONTE_CARLO_DRAWS, 10_000);
  assert.strictEqual(bands.scenario, "base");
  assert.strictEqual(bands.seed, "compute-deals");
});

it("capacityBands(dataset, deal) runs the years through the last point slipped by the top of the slip range", () => {
  // The last point is due in December 2027; 12 months of slip move it to December 2028.
  const bands = capacityBands(dataset({slipHigh: 12}), "d", {draws: 500})!;
  assert.deepStrictEqual(
    bands.years.map((y) => y.year),
    [2026, 2027, 2028]
  );
  // Every draw has delivered its last point (3 GW) by the end of 2028.
  assert.deepStrictEqual(bands.years[2].gw, {value: 3, base: 3, p10: 3, p50: 3, p90: 3});
});

it("capacityBands(dataset, deal) orders its percentiles, and a slip only ever lowers capacity below the schedule", () => {
  const bands = capacityBands(dataset({slipHigh: 12}), "d", {draws: 500})!;
  for (const {gw, energyTwh} of bands.years) {
    assert.isTrue(gw.p10 <= gw.p50 && gw.p50 <= gw.p90, `${gw.p10} ≤ ${gw.p50} ≤ ${gw.p90}`);
    assert.isTrue(energyTwh.p10 <= energyTwh.p50 && energyTwh.p50 <= energyTwh.p90);
    assert.isAtMost(gw.p90, gw.base + 1e-12); // the mode is no slip: the schedule (the base case) is the best case
    // The headline is the median of the same draws, so it lies inside its own band.
    assert.strictEqual(gw.value, gw.p50);
    assert.isTrue(gw.p10 <= gw.value && gw.value <= gw.p90);
    assert.isAtMost(gw.p90, 4); // never above the ceiling
  }
  assert.isBelow(bands.years[0].gw.p10, 1);
});

it("capacityBands(dataset, deal, {seed}) is deterministic for a seed and changes with it", () => {
  const data = dataset({slipHigh: 12, pue: [1.1, 1.25, 1.4]});
  const a = capacityBands(data, "d", {draws: 200, seed: 1});
  assert.deepStrictEqual(capacityBands(data, "d", {draws: 200, seed: 1}), a);
  assert.notDeepEqual(capacityBands(data, "d", {draws: 200, seed: 2})!.years, a!.years);
});

it("capacityBands(dataset, deal, {scenario}) centres the draws on the scenario's values", () => {
  const slipped = capacityBands(dataset({slipHigh: 18}), "d", {draws: 100, scenario: "slip"})!;
  assert.strictEqual(slipped.scenario, "slip");
  // 12 months late: 0.5 GW at the end of 2026 (half of the 24-month ramp to 1 GW), 1 GW in 2027, 3 GW in 2028.
  assertInDelta(
    slipped.years.map((y) => y.gw.base),
    [0.5, 1, 3, 3]
  );
});

it("capacityBands(dataset, deal, {values}) replaces the scenario's values with the reader's", () => {
  const moved = capacityBands(dataset({slipHigh: 18}), "d", {draws: 100, values: {"slip-months": 12}})!;
  assertInDelta(
    moved.years.map((y) => y.gw.base),
    [0.5, 1, 3, 3]
  );
  const kept = capacityBands(dataset({slipHigh: 18}), "d", {draws: 100, values: {"slip-months": undefined}})!;
  assert.strictEqual(kept.years[0].gw.base, 1);
});

it("capacityBands(dataset, deal naming no chip) has no H100-equivalents", () => {
  const bands = capacityBands(dataset(), "chipless", {draws: 20})!;
  assert.isNull(bands.years[0].h100e);
  assert.strictEqual(bands.years[0].gw.value, 1);
});

it("capacityBands(dataset, deal without schedule) has no years, and a deal without capacity none at all", () => {
  assert.deepStrictEqual(capacityBands(dataset(), "bare", {draws: 20})!.years, []);
  assert.isNull(capacityBands(dataset(), "none", {draws: 20}));
});

it("capacityBands(…) rejects invalid inputs", () => {
  assert.throws(() => capacityBands(dataset(), "x"), /invalid deal: x/);
  assert.throws(() => capacityBands(dataset(), "d", {scenario: "x"}), /invalid scenario: x/);
  assert.throws(() => capacityBands(dataset(), "d", {draws: 0}), /invalid draws: 0/);
  assert.throws(() => capacityBands(dataset(), "d", {draws: 1.5}), /invalid draws: 1.5/);
});
