import fc from "fast-check";
import {assert, it} from "vitest";
import {prepareDealCapacity} from "../../../src/core/capacity/prepareDealCapacity.js";
import {projectDealCapacity} from "../../../src/core/capacity/projectCapacity.js";
import {assertInDelta} from "../../asserts.js";
import {alpha, assumptions, beta, chip, chips, deal, h100, values} from "./fixtures.js";

// Fixture: up to 4 GW; 1 GW by end-2026, 3 GW by end-2027; announced January 2026; PUE 1.25, load 0.5,
// 100 MW buildings. Linear ramp: 2026 adds 0.5 GW of alpha (Jan–Jun) and 0.5 GW of beta (Jul–Dec), 2027 adds
// 2 GW of beta. The schedule's mix is alpha 0.5/3 = 1/6, beta 5/6.
const base = projectDealCapacity(deal(), chips, values(), assumptions)!;

it("projectDealCapacity(deal, …) returns the ceiling in GW and IT MW", () => {
  assert.deepStrictEqual(base.gw, {value: 4, unit: "gw", bound: "up-to", lineage: {inputs: ["d.capacity.ceiling"], status: "confirmed"}});
  assert.strictEqual(base.itMw.value, 3200); // 4,000 MW ÷ 1.25
  assert.deepStrictEqual(base.itMw.lineage, {inputs: ["assumption:pue", "d.capacity.ceiling"], status: "estimate"});
});

it("projectDealCapacity(deal, …) counts accelerators at the ceiling with the schedule's chip mix", () => {
  assertInDelta([base.mix.alpha, base.mix.beta], [1 / 6, 5 / 6]);
  // alpha: 4 GW × 1/6 = 0.667 GW → 533.33 MW IT → ÷ 0.75 kW = 711,111.1 → 711,111
  // beta: 4 GW × 5/6 = 3.333 GW → 2,666.67 MW IT → ÷ 1.5 kW = 1,777,777.8 → 1,777,777
  assert.strictEqual(base.accelerators!.value, 711_111 + 1_777_777);
  assert.strictEqual(base.accelerators!.unit, "count");
  // ⌈711,111 ÷ 64⌉ = 11,112; ⌈1,777,777 ÷ 144⌉ = 12,346
  assert.strictEqual(base.servers!.value, 11_112 + 12_346);
});

it("projectDealCapacity(deal, …) returns buildings, energy, compute and H100-equivalents", () => {
  assert.strictEqual(base.buildings.value, 40); // ⌈4,000 MW ÷ 100⌉
  assertInDelta(base.energyTwhPerYear.value, 17.52); // 4 × 8,760 × 0.5 ÷ 1,000
  assert.strictEqual(base.energyTwhPerYear.unit, "twh-per-year");
  // 711,111 × 0.5 PF + 1,777,777 × 1 PF = 2,133,332.5 PF
  assertInDelta(base.flopsBf16!.value / 1e15, 2_133_332.5, 1e-6);
  // 711,111 × 1 PF + 1,777,777 × 2 PF = 4,266,665 PF
  assertInDelta(base.flopsFp8!.value / 1e15, 4_266_665, 1e-6);
  assertInDelta(base.h100e!.value, 2_133_332.5, 1e-6); // the fixture H100 is 1 PF
  // Epoch AI's basis: 8-bit FLOP/s ÷ the H100's 8-bit (2 PF in the fixture): 4,266,665 ÷ 2 = 2,133,332.5
  assertInDelta(base.h100eFp8!.value, 4_266_665 / 2, 1e-6);
  assert.includeMembers(base.h100eFp8!.lineage.inputs, ["chip:alpha.flops.fp8", "chip:beta.flops.fp8", "chip:h100.flops.fp8"]);
});

it("projectDealCapacity(deal, …) names every input in the lineage; the ceiling alone keeps its 'up-to', an assumed input makes 'about'", () => {
  assert.deepStrictEqual(base.accelerators!.lineage, {
    inputs: [
      "assumption:pue",
      "assumption:slip-months",
      "chip:alpha.itKw",
      "chip:beta.itKw",
      "d.capacity.ceiling",
      "d.capacity.schedule.p1",
      "d.capacity.schedule.p2"
    ],
    status: "assumption"
  });
  assert.deepStrictEqual(base.buildings.lineage.inputs, ["assumption:building-mw", "d.capacity.ceiling"]);
  assert.deepStrictEqual(base.energyTwhPerYear.lineage.inputs, ["assumption:load-factor", "d.capacity.ceiling"]);
  assert.includeMembers(base.h100e!.lineage.inputs, ["chip:alpha.flops.bf16", "chip:beta.flops.bf16", "chip:h100.flops.bf16"]);
  assert.includeMembers(base.flopsFp8!.lineage.inputs, ["chip:alpha.flops.fp8", "chip:beta.flops.fp8"]);
  assert.strictEqual(base.gw.bound, "up-to"); // the ceiling itself, no assumed input
  // Each of these divides or multiplies the ceiling by an assumption (PUE, building size, load): a model estimate.
  for (const key of ["itMw", "accelerators", "servers", "buildings", "energyTwhPerYear", "flopsBf16", "h100e"] as const) {
    assert.strictEqual(base[key]!.bound, "about", key);
  }
  assert.isTrue(Object.isFrozen(base.accelerators!.lineage.inputs));
});

it("projectDealCapacity(deal, …) with one chip leaves the schedule and slip out of the counts' lineage", () => {
  const one = projectDealCapacity(deal({}, {chips: ["beta"]}), chips, values(), assumptions)!;
  assert.deepStrictEqual(one.accelerators!.lineage, {
    inputs: ["assumption:pue", "chip:beta.itKw", "d.capacity.ceiling"],
    status: "estimate"
  });
  assert.strictEqual(one.accelerators!.value, 2_133_333); // 3,200 MW ÷ 1.5 kW = 2,133,333.3
});

it("projectDealCapacity(deal, …) lists only the chips with a share of the ceiling", () => {
  const late = projectDealCapacity(deal({announced: "2026-08-01"}), chips, values(), assumptions)!;
  assert.deepStrictEqual(late.mix, {alpha: 0, beta: 1});
  assert.notInclude(late.accelerators!.lineage.inputs, "chip:alpha.itKw");
});

it("projectDealCapacity(deal, …) gives each year's stocks at year end and energy at the year's average", () => {
  const [y2026, y2027] = base.byYear;
  assert.deepStrictEqual(
    base.byYear.map((d) => d.year),
    [2026, 2027]
  );
  assert.deepStrictEqual([y2026.gw, y2026.gwAdded, y2026.gwAverage], [1, 1, 0.5]);
  assert.strictEqual(y2026.itMw, 800); // 1,000 ÷ 1.25
  // alpha 0.5 GW → 400 MW ÷ 0.75 kW = 533,333.3; beta 0.5 GW → 400 MW ÷ 1.5 kW = 266,666.7
  assert.deepStrictEqual(y2026.byChip, {
    alpha: {gw: 0.5, gwAdded: 0.5, accelerators: 533_333},
    beta: {gw: 0.5, gwAdded: 0.5, accelerators: 266_666}
  });
  assert.strictEqual(y2026.accelerators, 799_999);
  assert.strictEqual(y2026.servers, 8_334 + 1_852); // ⌈533,333 ÷ 64⌉ + ⌈266,666 ÷ 144⌉
  assert.strictEqual(y2026.buildings, 10);
  assertInDelta(y2026.energyTwh, 2.19); // 0.5 GW × 8,760 × 0.5 ÷ 1,000
  assertInDelta(y2026.flopsBf16! / 1e15, 533_332.5); // 533,333 × 0.5 + 266,666 × 1
  assertInDelta(y2026.h100e!, 533_332.5);
  assertInDelta(y2026.h100eFp8!, (533_333 * 1 + 266_666 * 2) / 2); // 8-bit: 533,333 × 1 + 266,666 × 2, ÷ 2 PF
  assert.deepStrictEqual([y2027.gw, y2027.gwAdded, y2027.gwAverage], [3, 2, 2]);
  assert.strictEqual(y2027.byChip.beta.accelerators, 1_333_333); // 2.5 GW → 2,000 MW ÷ 1.5 kW
  assert.strictEqual(y2027.accelerators, 533_333 + 1_333_333);
  assertInDelta(y2027.energyTwh, 8.76); // 2 × 8,760 × 0.5 ÷ 1,000
});

it("projectDealCapacity(deal, …, {slip-months: 12}) delays every point by a year and shifts the mix to the newer chip", () => {
  const slipped = projectDealCapacity(deal(), chips, values("linear", {"slip-months": 12}), assumptions)!;
  assert.deepStrictEqual(
    slipped.byYear.map((d) => d.gw),
    [0.5, 1, 3]
  );
  assertInDelta(slipped.mix.alpha, 0.25 / 3); // 6 of the 24 months to the first point
  assert.isAbove(slipped.accelerators!.value, 0);
  assert.isBelow(slipped.accelerators!.value, base.accelerators!.value); // beta draws more power per chip
});

it("projectDealCapacity(deal, …, {throughYear}) extends the years flat", () => {
  const long = projectDealCapacity(deal(), chips, values(), assumptions, {throughYear: 2029})!;
  assert.deepStrictEqual(
    long.byYear.map((d) => [d.year, d.gw, d.gwAdded]),
    [
      [2026, 1, 1],
      [2027, 3, 2],
      [2028, 3, 0],
      [2029, 3, 0]
    ]
  );
});

it("projectDealCapacity(deal, …) with no schedule fills the ceiling with the chip available at the start", () => {
  const bare = projectDealCapacity(deal({}, {schedule: []}), chips, values(), assumptions)!;
  assert.deepStrictEqual(bare.byYear, []);
  assert.deepStrictEqual(bare.mix, {alpha: 1, beta: 0});
  assert.strictEqual(bare.accelerators!.value, 4_266_666); // 3,200 MW ÷ 0.75 kW = 4,266,666.7
});

it("projectDealCapacity(deal naming no chip, …) projects power and energy but no chip counts", () => {
  const chipless = projectDealCapacity(deal({}, {chips: []}), [alpha], values(), assumptions)!;
  assert.strictEqual(chipless.itMw.value, 3200);
  assert.strictEqual(chipless.buildings.value, 40);
  for (const key of ["accelerators", "servers", "flopsBf16", "flopsFp8", "h100e", "h100eFp8"] as const) assert.isNull(chipless[key], key);
  assert.deepStrictEqual(chipless.mix, {});
  assert.deepStrictEqual(chipless.byYear[0], {
    year: 2026,
    gw: 1,
    gwAdded: 1,
    gwAverage: 0.5,
    itMw: 800,
    accelerators: null,
    byChip: {},
    servers: null,
    buildings: 10,
    energyTwh: 2.19, // 0.5 × 8,760 × 0.5 ÷ 1,000
    flopsBf16: null,
    h100e: null,
    h100eFp8: null
  });
});

it("projectDealCapacity(deal, …) returns a null fp8 figure when a chip in the mix has none", () => {
  const noFp8 = chip("beta", {date: beta.available.date, itKw: 1.5, bf16: 1, perServer: 144});
  const result = projectDealCapacity(deal(), [alpha, noFp8, h100], values(), assumptions)!;
  assert.isNull(result.flopsFp8);
  assert.isNull(result.h100eFp8);
  assert.strictEqual(result.accelerators!.value, base.accelerators!.value);
});

it("projectDealCapacity(deal without capacity, …) returns null", () => {
  assert.isNull(projectDealCapacity(deal({capacity: undefined}), chips, values(), assumptions));
  assert.isNull(prepareDealCapacity(deal({capacity: undefined}), chips, assumptions));
});

it("projectDealCapacity(…) rejects a missing reference chip, chips and invalid values", () => {
  assert.throws(() => projectDealCapacity(deal(), [alpha, beta], values(), assumptions), /invalid referenceChip: h100/);
  assert.throws(() => projectDealCapacity(deal({}, {chips: ["gamma"]}), chips, values(), assumptions), /invalid chip: gamma/);
  assert.throws(() => projectDealCapacity(deal(), chips, values("linear", {pue: 0.5}), assumptions), /invalid pue: 0.5/);
  assert.throws(() => projectDealCapacity(deal(), chips, values("linear", {"slip-months": -1}), assumptions), /invalid slipMonths: -1/);
  assert.throws(() => projectDealCapacity(deal(), chips, values("step" as never), assumptions), /invalid ramp: step/);
  assert.throws(() => projectDealCapacity(deal(), chips, values(), assumptions.slice(1)), /invalid assumption: pue/);
  assert.throws(() => projectDealCapacity(deal(), chips, values(), assumptions, {throughYear: 2029.5}), /invalid throughYear: 2029.5/);
});

it("projectDealCapacity(…) re-prepares when the chips change and agrees with prepareDealCapacity", () => {
  const d = deal();
  const first = projectDealCapacity(d, chips, values(), assumptions)!;
  const bigger = chip("alpha", {date: alpha.available.date, itKw: 1.5, bf16: 0.5, fp8: 1, perServer: 64});
  const second = projectDealCapacity(d, [bigger, beta, h100], values(), assumptions)!;
  assert.isBelow(second.accelerators!.value, first.accelerators!.value);
  assert.deepStrictEqual(prepareDealCapacity(d, chips, assumptions)!(values()), first);
});

const draws = fc.record({
  ceiling: fc.double({min: 0, max: 10, noNaN: true}),
  extra: fc.double({min: 0, max: 10, noNaN: true}),
  pue: fc.double({min: 1, max: 1.5, noNaN: true}),
  load: fc.double({min: 0, max: 1, noNaN: true}),
  slip: fc.double({min: 0, max: 18, noNaN: true}),
  more: fc.double({min: 0, max: 18, noNaN: true}),
  ramp: fc.constantFrom("linear" as const, "s-curve" as const, "front-loaded" as const)
});

const ceilingOf = (gw: number) => ({value: gw, unit: "gw" as const, status: "confirmed" as const, source: "src", asOf: "2026-01-01"});

it("projectDealCapacity(…): more GW never means fewer accelerators, servers or FLOP/s", () => {
  fc.assert(
    fc.property(draws, (s) => {
      const v = values(s.ramp, {pue: s.pue, "slip-months": s.slip});
      const small = projectDealCapacity(deal({}, {ceiling: ceilingOf(s.ceiling)}), chips, v, assumptions)!;
      const large = projectDealCapacity(deal({}, {ceiling: ceilingOf(s.ceiling + s.extra)}), chips, v, assumptions)!;
      return (
        small.accelerators!.value <= large.accelerators!.value &&
        small.servers!.value <= large.servers!.value &&
        small.flopsBf16!.value <= large.flopsBf16!.value
      );
    })
  );
});

it("projectDealCapacity(…): a later slip never adds GW by a year end", () => {
  const d = deal();
  fc.assert(
    fc.property(draws, (s) => {
      const early = projectDealCapacity(d, chips, values(s.ramp, {"slip-months": s.slip}), assumptions)!.byYear;
      const late = projectDealCapacity(d, chips, values(s.ramp, {"slip-months": s.slip + s.more}), assumptions)!.byYear;
      return late.every((y) => y.gw <= (early.find((e) => e.year === y.year)?.gw ?? 3) + 1e-12) && late.length >= early.length;
    })
  );
});

it("projectDealCapacity(…): energy is linear in load, and chips add up to each year's totals", () => {
  const d = deal();
  fc.assert(
    fc.property(draws, (s) => {
      const r = projectDealCapacity(d, chips, values(s.ramp, {"load-factor": s.load, "slip-months": s.slip}), assumptions)!;
      const half = projectDealCapacity(d, chips, values(s.ramp, {"load-factor": s.load / 2, "slip-months": s.slip}), assumptions)!;
      return (
        Math.abs(half.energyTwhPerYear.value * 2 - r.energyTwhPerYear.value) < 1e-9 &&
        r.byYear.every((y) => {
          const parts = Object.values(y.byChip);
          return (
            Math.abs(parts.reduce((a, c) => a + c.gw, 0) - y.gw) < 1e-9 && parts.reduce((a, c) => a + c.accelerators, 0) === y.accelerators
          );
        })
      );
    })
  );
});
