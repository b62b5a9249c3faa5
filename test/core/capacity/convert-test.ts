import fc from "fast-check";
import {assert, it} from "vitest";
import {
  acceleratorsToFlops,
  acceleratorsToServers,
  facilityGwToItMw,
  facilityMwToBuildings,
  factGw,
  flopsToH100e,
  gwToTwhPerYear,
  itMwToAccelerators,
  scheduleGw,
  toGw
} from "../../../src/core/capacity/convert.js";
import {assertInDelta} from "../../asserts.js";

it("facilityGwToItMw(1, 1.15) is 869.565 MW of IT power", () => {
  assertInDelta(facilityGwToItMw(1, 1.15), 869.565217, 1e-6); // 1,000 ÷ 1.15
});

it("itMwToAccelerators(mw, 0.75) counts 1,159,420 Trainium2 in 1 GW at PUE 1.15", () => {
  // 869.565217 MW × 1,000 ÷ 0.75 kW = 1,159,420.29 → 1,159,420
  assert.strictEqual(itMwToAccelerators(facilityGwToItMw(1, 1.15), 0.75), 1_159_420);
});

it("itMwToAccelerators(mw, itKw) rounds down but not below an exact count lost to float noise", () => {
  assert.strictEqual(itMwToAccelerators(1, 0.3), 3333); // 3,333.3
  assert.strictEqual(itMwToAccelerators(facilityGwToItMw(1.2, 1.2), 1), 1_000_000); // 1,200 ÷ 1.2 × 1,000 = 1,000,000 exactly
  assert.strictEqual(itMwToAccelerators(0, 1), 0);
});

it("gwToTwhPerYear(1, 0.8) is 7.008 TWh", () => {
  assertInDelta(gwToTwhPerYear(1, 0.8), 7.008); // 1 × 8,760 × 0.8 ÷ 1,000
  assertInDelta(gwToTwhPerYear(5, 1), 43.8);
  assert.strictEqual(gwToTwhPerYear(0, 0.5), 0);
});

it("acceleratorsToServers(n, perServer) rounds up", () => {
  assert.strictEqual(acceleratorsToServers(128, 64), 2);
  assert.strictEqual(acceleratorsToServers(129, 64), 3);
  assert.strictEqual(acceleratorsToServers(0, 64), 0);
});

it("facilityMwToBuildings(mw, buildingMw) rounds up", () => {
  assert.strictEqual(facilityMwToBuildings(1000, 75), 14); // 13.33
  assert.strictEqual(facilityMwToBuildings(750, 75), 10);
  assert.strictEqual(facilityMwToBuildings(0, 75), 0);
});

it("acceleratorsToFlops(n, pflops) multiplies by 1e15", () => {
  assert.strictEqual(acceleratorsToFlops(1000, 0.667), 6.67e17);
  assert.strictEqual(acceleratorsToFlops(0, 0.667), 0);
});

it("flopsToH100e(flops, h100Pflops) divides by the H100's FLOP/s", () => {
  assertInDelta(flopsToH100e(9.89e17, 0.989), 1000);
  // 1,159,420 Trainium2 × 0.667 PF = 773,333.14 PF ÷ 0.989 PF = 781,934.42 H100e
  assertInDelta(flopsToH100e(acceleratorsToFlops(1_159_420, 0.667), 0.989), 781_934.4186, 1e-3);
});

it("factGw(fact) reads GW and converts MW", () => {
  assert.strictEqual(factGw({value: 5, unit: "gw"}), 5);
  assert.strictEqual(factGw({value: 300, unit: "mw"}), 0.3);
  assert.throws(() => factGw({value: 1, unit: "kw"}), /invalid unit: kw/);
});

it("conversions reject invalid inputs", () => {
  assert.throws(() => facilityGwToItMw(-1, 1.2), /invalid gw: -1/);
  assert.throws(() => facilityGwToItMw(1, 0.9), /invalid pue: 0.9/);
  assert.throws(() => facilityGwToItMw(1, NaN), /invalid pue: NaN/);
  assert.throws(() => itMwToAccelerators(NaN, 1), /invalid mw: NaN/);
  assert.throws(() => itMwToAccelerators(1, 0), /invalid itKw: 0/);
  assert.throws(() => acceleratorsToServers(1, 0), /invalid perServer: 0/);
  assert.throws(() => acceleratorsToServers(1, 1.5), /invalid perServer: 1.5/);
  assert.throws(() => facilityMwToBuildings(1, 0), /invalid buildingMw: 0/);
  assert.throws(() => gwToTwhPerYear(1, 1.5), /invalid loadFactor: 1.5/);
  assert.throws(() => acceleratorsToFlops(-1, 1), /invalid accelerators: -1/);
  assert.throws(() => flopsToH100e(1, 0), /invalid h100Pflops: 0/);
});

it("itMwToAccelerators(mw, itKw): more power never means fewer accelerators", () => {
  fc.assert(
    fc.property(
      fc.double({min: 0, max: 1e4, noNaN: true}),
      fc.double({min: 0, max: 1e4, noNaN: true}),
      fc.double({min: 0.1, max: 5, noNaN: true}),
      (a, b, kw) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return itMwToAccelerators(lo, kw) <= itMwToAccelerators(hi, kw);
      }
    )
  );
});

it("gwToTwhPerYear(gw, load) is linear in GW and in load", () => {
  fc.assert(
    fc.property(
      fc.double({min: 0, max: 100, noNaN: true}),
      fc.double({min: 0, max: 1, noNaN: true}),
      fc.double({min: 0, max: 10, noNaN: true}),
      (gw, load, k) => {
        const base = gwToTwhPerYear(gw, load);
        const tolerance = 1e-9 * Math.max(1, base * k);
        return (
          Math.abs(gwToTwhPerYear(gw * k, load) - base * k) <= tolerance &&
          (k > 1 || Math.abs(gwToTwhPerYear(gw, load * k) - base * k) <= tolerance)
        );
      }
    )
  );
});

it("toGw(value, unit) divides MW by 1,000, keeps GW and refuses any other unit", () => {
  assert.strictEqual(toGw(300, "mw"), 0.3);
  assert.strictEqual(toGw(1_500, "mw"), 1.5);
  assert.strictEqual(toGw(5, "gw"), 5);
  assert.throws(() => toGw(5, "usd-bn"), "invalid unit: usd-bn");
});

it("scheduleGw(schedule stated in MW) gives GW, so the capacity section's chart and caption never print 300 MW as 300 GW", () => {
  const fact = (value: number, unit: "mw" | "gw", bound?: "about" | "up-to") =>
    ({value, unit, bound, status: "reported", source: "s", asOf: "2026-01-01"}) as const;
  const points = scheduleGw([
    {id: "first", by: "2026-12-31", gw: fact(300, "mw", "about")},
    {id: "second", by: "2027-12-31", gw: fact(1.2, "gw", "up-to")}
  ]);
  assert.deepStrictEqual(points, [
    {id: "first", by: "2026-12-31", gw: 0.3, bound: "about", status: "reported"},
    {id: "second", by: "2027-12-31", gw: 1.2, bound: "up-to", status: "reported"}
  ]);
});
