import {assert, beforeAll, it} from "vitest";
import {type Dataset, netCashBands, projectDeal} from "../../../src/core/index.js";
import {readValidDataset} from "../../../src/io/readDataset.js";
import {assertInDelta} from "../../asserts.js";

let data: Dataset;

beforeAll(async () => {
  data = await readValidDataset("data");
});

it("netCashBands(dataset, deal) gives one ordered band per year of the deal's flows", () => {
  const bands = netCashBands(data, "amazon-anthropic", {draws: 200});
  const flows = projectDeal(data, "amazon-anthropic", {draws: 0}).recycling.flows;
  assert.deepStrictEqual(
    bands.map((b) => b.year),
    flows.map((f) => f.year)
  );
  for (const b of bands) assert(b.p10 <= b.p50 && b.p50 <= b.p90, `${b.year}: ${b.p10} ≤ ${b.p50} ≤ ${b.p90}`);
});

it("netCashBands(dataset, deal) has no spread before any assumption enters the flows", () => {
  // 2023–2025 hold only firm tranches (−1.25, −8, −8 $B), which no assumption touches.
  const [first, , third] = netCashBands(data, "amazon-anthropic", {draws: 200});
  assertInDelta([first.p10, first.p90], [-1.25e9, -1.25e9], 1);
  assertInDelta([third.p10, third.p90], [-8e9, -8e9], 1);
});

it("netCashBands(dataset, deal) is reproducible for a seed and moves with it", () => {
  const a = netCashBands(data, "amazon-anthropic", {draws: 100, seed: 1});
  assert.deepStrictEqual(netCashBands(data, "amazon-anthropic", {draws: 100, seed: 1}), a);
  assert.notDeepEqual(netCashBands(data, "amazon-anthropic", {draws: 100, seed: 2}), a);
});

it("netCashBands(dataset, deal) is empty for a deal without a commitment", () => {
  assert.deepStrictEqual(netCashBands(data, "broadcom-openai", {draws: 10}), []);
});

it("netCashBands(…) rejects invalid inputs", () => {
  assert.throws(() => netCashBands(data, "nope"), /invalid deal: nope/);
  assert.throws(() => netCashBands(data, "amazon-anthropic", {scenario: "nope"}), /invalid scenario: nope/);
  assert.throws(() => netCashBands(data, "amazon-anthropic", {draws: 0}), /invalid draws: 0/);
});

it("netCashBands(dataset, deal, {values, vary}) centres on the given values and varies only the named assumptions", () => {
  const base = projectDeal(data, "amazon-anthropic", {draws: 0});
  const values = {...base.assumptions, "provider-margin": 0.38};
  // Nothing varies: every band collapses onto the flows at a 38% margin.
  const fixed = netCashBands(data, "amazon-anthropic", {draws: 20, values, vary: []});
  const flows = projectDeal(data, "amazon-anthropic", {draws: 0, scenario: "base"}).recycling.flows;
  assert.strictEqual(fixed.length, flows.length);
  for (const b of fixed) assertInDelta([b.p10, b.p90], [b.p50, b.p50], 1e-3);
  // 2027: −8 − 5 − 1 (contingent: 20 × 0.5 over 2027–2036) + (7.014 + 10) × 0.38 = −7.535 $B
  assertInDelta(fixed[4].p50, -14e9 + 17.0137e9 * 0.38, 1e6);
  assert.throws(() => netCashBands(data, "amazon-anthropic", {vary: ["nope"]}), /invalid vary: nope/);
});

it('netCashBands(dataset, deal, {profile: "capacity"}) spreads the spend with the capacity and keeps the years', () => {
  const flat = netCashBands(data, "amazon-anthropic", {draws: 50});
  const tied = netCashBands(data, "amazon-anthropic", {draws: 50, profile: "capacity"});
  assert.deepStrictEqual(
    tied.map((b) => b.year),
    flat.map((b) => b.year)
  );
  // Spend tied to capacity arrives later than flat spend, so 2027's cumulative net cash is lower.
  assert(tied[4].p50 < flat[4].p50, `${tied[4].p50} < ${flat[4].p50}`);
});
