import {assert, it} from "vitest";
import {chipAssumptionId, chipAssumptions, chipInputReader, shareAssumptions} from "../../../src/core/capacity/chipAssumptions.js";
import {chipAccelerators, chipFlops} from "../../../src/core/capacity/chipCounts.js";
import {prepareDealCapacity} from "../../../src/core/capacity/prepareDealCapacity.js";
import type {Chip} from "../../../src/core/model.js";
import {assertInDelta} from "../../asserts.js";
import {alpha, beta, deal, fact, assumptions as fixtureAssumptions, h100, values} from "./fixtures.js";

// alpha: itKw 0.75 with range 0.7–0.8; bf16 0.5 with only a low of 0.25; fp8 without a range. beta: no ranges.
const ranged: Chip = {
  ...alpha,
  itKw: {...alpha.itKw, low: 0.7, high: 0.8},
  flops: {...alpha.flops, bf16: {...alpha.flops.bf16, low: 0.25}}
};

it("chipAssumptionId(chip, input) names the input as its lineage does", () => {
  assert.strictEqual(chipAssumptionId("trainium4", "flops.bf16"), "chip:trainium4.flops.bf16");
});

it("chipAssumptions(chips, ids) makes a triangular range of each chip input with a low or a high, mode at the value", () => {
  const a = chipAssumptions([ranged, beta], ["alpha", "beta"]);
  assert.deepStrictEqual(
    a.map(({id, low, base, high, distribution, unit}) => ({id, low, base, high, distribution, unit})),
    [
      {id: "chip:alpha.itKw", low: 0.7, base: 0.75, high: 0.8, distribution: "triangular", unit: "kw"},
      // Only a low: the high is the value itself.
      {id: "chip:alpha.flops.bf16", low: 0.25, base: 0.5, high: 0.5, distribution: "triangular", unit: "pflops"}
    ]
  );
  assert.strictEqual(a[0].status, alpha.itKw.status);
  assert.throws(() => chipAssumptions([ranged], ["nope"]), /invalid chip: nope/);
});

it("chipInputReader(chips, input) reads a drawn value where there is one, else the chip's own figure", () => {
  const read = chipInputReader([ranged, beta], "itKw");
  assert.deepStrictEqual(read({}), [0.75, 1.5]);
  assert.deepStrictEqual(read({"chip:alpha.itKw": 0.8}), [0.8, 1.5]);
  // 1 GW at PUE 1.25 = 800 MW of IT; at 0.8 kW per chip: 1,000,000 accelerators (0.75 kW: 1,066,666).
  assert.deepStrictEqual(chipAccelerators([ranged], [1], 1.25, read({"chip:alpha.itKw": 0.8}).slice(0, 1)), [1_000_000]);
  assert.deepStrictEqual(chipAccelerators([ranged], [1], 1.25), [1_066_666]);
  // 1,000 accelerators at a drawn 0.25 PFLOP/s = 2.5e17 FLOP/s.
  assertInDelta(chipFlops([ranged], [1000], "bf16", chipInputReader([ranged], "flops.bf16")({"chip:alpha.flops.bf16": 0.25})), 2.5e17);
});

it("prepareDealCapacity(deal with stated shares, …) splits the ceiling by the shares, drawn and normalised", () => {
  const share = (value: number, low: number, high: number) => ({...fact(value, "fraction", "assumption"), low, high});
  const stated = deal(
    {},
    {
      schedule: [],
      shares: [
        {id: "alpha", share: share(0.5, 0.2, 0.8)},
        {id: "beta", share: share(0.5, 0.2, 0.8)}
      ]
    }
  );
  const project = prepareDealCapacity(stated, [alpha, beta, h100], fixtureAssumptions)!;
  // 4 GW ÷ PUE 1.25 = 3,200 MW: 1,600 MW ÷ 0.75 kW = 2,133,333 alpha + 1,600 MW ÷ 1.5 kW = 1,066,666 beta.
  const even = project(values());
  assert.deepStrictEqual(even.mix, {alpha: 0.5, beta: 0.5});
  assert.strictEqual(even.accelerators!.value, 2_133_333 + 1_066_666);
  // Drawn 0.8 and 0.4: normalised to 2/3 and 1/3 of 3,200 MW.
  const drawn = project(values("linear", {"d.capacity.shares.alpha.share": 0.8, "d.capacity.shares.beta.share": 0.4}));
  assertInDelta([drawn.mix.alpha, drawn.mix.beta], [2 / 3, 1 / 3]);
  assert.strictEqual(drawn.accelerators!.value, Math.floor((3200e3 * (2 / 3)) / 0.75) + Math.floor((3200e3 * (1 / 3)) / 1.5));
  assert.include(even.accelerators!.lineage.inputs, "d.capacity.shares.alpha.share");
  assert.deepStrictEqual(
    shareAssumptions(stated).map(({id, low, base, high}) => ({id, low, base, high})),
    [
      {id: "d.capacity.shares.alpha.share", low: 0.2, base: 0.5, high: 0.8},
      {id: "d.capacity.shares.beta.share", low: 0.2, base: 0.5, high: 0.8}
    ]
  );
});
