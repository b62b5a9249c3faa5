import {assert, beforeAll, it} from "vitest";
import {type Dataset, netCashBands, prepareDealProjector, projectDeal} from "../../../src/core/index.js";
import {cumulativeBands} from "../../../src/core/recycling/netCashBands.js";
import {readValidDataset} from "../../../src/io/readDataset.js";
import {assertInDelta} from "../../asserts.js";

let data: Dataset;

beforeAll(async () => {
  data = await readValidDataset("data");
});

it("netCashBands(dataset, deal) gives one ordered band per year, every year of the deal's flows and none missing", () => {
  const bands = netCashBands(data, "amazon-anthropic", {draws: 200});
  const flows = projectDeal(data, "amazon-anthropic", {draws: 0}).recycling.flows;
  const years = bands.map((b) => b.year);
  for (const f of flows) assert.include(years, f.year);
  assert.deepStrictEqual(
    years,
    years.map((_, i) => years[0] + i)
  );
  for (const b of bands) assert(b.p10 <= b.p50 && b.p50 <= b.p90, `${b.year}: ${b.p10} ≤ ${b.p50} ≤ ${b.p90}`);
});

it("cumulativeBands: every draw counts in every year, at 0 before its first flow and held at its last value after its end", () => {
  // Years 2030–2032. 2030: −2, −3, 0 (C starts in 2031) → sorted [−3, −2, 0]: type-7 P10 at h = 0.2: −3 + 0.2 × 1 = −2.8;
  // P50 at h = 1: −2; P90 at h = 1.8: −2 + 0.8 × 2 = −0.4. 2032: A held at 1, B 2, C held at 5 → [1, 2, 5]: P10 1 + 0.2 × 1
  // = 1.2, P50 2, P90 2 + 0.8 × 3 = 4.4.
  const bands = cumulativeBands([
    {first: 2030, cumulative: [-2, 1]},
    {first: 2030, cumulative: [-3, -1, 2]},
    {first: 2031, cumulative: [5]}
  ]);
  assert.deepStrictEqual(
    bands.map((b) => b.year),
    [2030, 2031, 2032]
  );
  assertInDelta([bands[0].p10, bands[0].p50, bands[0].p90], [-2.8, -2, -0.4], 1e-12);
  assertInDelta([bands[2].p10, bands[2].p50, bands[2].p90], [1.2, 2, 4.4], 1e-12);
  assert.deepStrictEqual(cumulativeBands([]), []);
});

it("netCashBands runs to the latest draw's last year: Microsoft → OpenAI's median payback year lies on its chart (critic s15 #1)", () => {
  // Its base case's spend ends in 2033; in most draws late capacity carries the spend to 2034 or 2035, and the median
  // draw pays back in 2034. The bands used to keep the first draw's years only and stopped at 2033.
  const p = projectDeal(data, "microsoft-openai", {draws: 2000});
  const bands = netCashBands(data, "microsoft-openai", {draws: 1000});
  assert.isNotNull(p.recycling.paybackYear);
  assert.isAtLeast(bands.at(-1)!.year, p.recycling.paybackYear!);
  assert.isAbove(bands.at(-1)!.year, p.recycling.flows.at(-1)!.year);
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
