import {assert, beforeAll, it} from "vitest";
import {type Dataset, netCashBands, prepareDealProjector, projectDeal} from "../../../src/core/index.js";
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

it("netCashBands(dataset, deal) spreads every year once the capacity and its capex enter the flows", () => {
  // The headline flows start in 2026 with the $5B and the first capex: both margin and capex per GW move them.
  const [first] = netCashBands(data, "amazon-anthropic", {draws: 200});
  assert.strictEqual(first.year, 2026);
  assert(first.p10 < first.p90);
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
  const values = {...base.assumptions, "margin-aws": 0.38};
  // Nothing varies: every band collapses onto the flows at a 38% margin, as the projector computes them.
  const fixed = netCashBands(data, "amazon-anthropic", {draws: 20, values, vary: []});
  const deal = data.deals.find((d) => d.id === "amazon-anthropic")!;
  const flows = prepareDealProjector(data, deal).evaluate(values, {detail: false}).recycling.flows;
  assert.strictEqual(fixed.length, flows.length);
  for (const [i, b] of fixed.entries()) {
    assertInDelta([b.p10, b.p90], [b.p50, b.p50], 1e-3);
    assertInDelta(b.p50, flows[i].cumulativeNetCash, 1e-3);
  }
  assert.throws(() => netCashBands(data, "amazon-anthropic", {vary: ["nope"]}), /invalid vary: nope/);
});

it('netCashBands(dataset, deal, {profile: "flat"}) spends before the capacity exists; the default follows the capacity', () => {
  const tied = netCashBands(data, "amazon-anthropic", {draws: 50});
  const flat = netCashBands(data, "amazon-anthropic", {draws: 50, profile: "flat"});
  assert.deepStrictEqual(
    tied.map((b) => b.year),
    flat.map((b) => b.year)
  );
  // Flat spend brings 2026 more revenue than the ~1 GW then delivered can carry, and with it more capex: the two differ.
  assert.notStrictEqual(tied[0].p50, flat[0].p50);
});
