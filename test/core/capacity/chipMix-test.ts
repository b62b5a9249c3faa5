import fc from "fast-check";
import {assert, it} from "vitest";
import {chipAtMonth, chipFillOrder, chipMixByYear, gwAddedByChip} from "../../../src/core/capacity/chipMix.js";
import {capacityAt} from "../../../src/core/capacity/curve.js";
import {deliveryCurve} from "../../../src/core/capacity/schedule.js";
import {assertInDelta} from "../../asserts.js";
import {alpha, beta, chip, chips} from "./fixtures.js";

// alpha: available 2025-01 (2025 × 12 = 24300) → fills from 2025-07 (24306); beta: 2026-01 (24312) → from 2026-07 (24318).
const order = chipFillOrder(chips, ["beta", "alpha"]);
const curve = deliveryCurve(
  [
    {by: "2026-12-31", gw: 1},
    {by: "2027-12-31", gw: 3}
  ],
  {ceiling: 4, announced: "2026-01-10", ramp: "linear"}
);

it("chipFillOrder(chips, ids) sorts by availability and adds a 6-month lag by default", () => {
  assert.deepStrictEqual(order, [
    {id: "alpha", from: 24306},
    {id: "beta", from: 24318}
  ]);
  assert.deepStrictEqual(chipFillOrder(chips, ["alpha", "beta"], {lagMonths: 0}), [
    {id: "alpha", from: 24300},
    {id: "beta", from: 24312}
  ]);
});

it("chipFillOrder(chips, ids) keeps the order of ids for chips available on the same date", () => {
  const twin = chip("twin", {date: alpha.available.date, itKw: 1, bf16: 1});
  assert.deepStrictEqual(
    chipFillOrder([alpha, twin], ["twin", "alpha"]).map((d) => d.id),
    ["twin", "alpha"]
  );
});

it("chipFillOrder(chips, ids) rejects unknown chips, no chips and a bad lag", () => {
  assert.throws(() => chipFillOrder(chips, ["gamma"]), /invalid chip: gamma/);
  assert.throws(() => chipFillOrder(chips, []), /invalid ids: \(none\)/);
  assert.throws(() => chipFillOrder(chips, ["alpha"], {lagMonths: -1}), /invalid lagMonths: -1/);
  assert.throws(() => chipFillOrder(chips, ["alpha"], {lagMonths: 1.5}), /invalid lagMonths: 1.5/);
});

it("chipAtMonth(order, month) picks the newest chip available by the month, else the oldest", () => {
  assert.strictEqual(chipAtMonth(order, 24000), "alpha"); // before any is available: the oldest
  assert.strictEqual(chipAtMonth(order, 24317), "alpha"); // June 2026
  assert.strictEqual(chipAtMonth(order, 24318), "beta"); // July 2026: beta + 6 months, on or before
  assert.strictEqual(chipAtMonth([{id: "beta", from: 24318}], 24000), "beta");
  assert.throws(() => chipAtMonth([], 1), /invalid order: \(none\)/);
});

it("gwAddedByChip(curve, order, t0, t1) splits a year's growth at the switch month", () => {
  // Linear 0 → 1 GW over 2026: January–June (alpha) adds 0.5, July–December (beta) adds 0.5.
  assertInDelta(gwAddedByChip(curve, order, 2026 * 12, 2027 * 12), [0.5, 0.5]);
  assertInDelta(gwAddedByChip(curve, order, 2027 * 12, 2028 * 12), [0, 2]);
  assertInDelta(gwAddedByChip(curve, order, 2026 * 12, 2026 * 12), [0, 0]);
  assert.throws(() => gwAddedByChip(curve, order, 2, 1), /invalid t1: 1/);
});

it("chipMixByYear(curve, order, fromYear, toYear) returns GW added by chip per year", () => {
  const years = chipMixByYear(curve, order, 2026, 2028);
  assert.deepStrictEqual(
    years.map((d) => d.year),
    [2026, 2027, 2028]
  );
  assertInDelta([years[0].byChip.alpha, years[0].byChip.beta], [0.5, 0.5]);
  assertInDelta([years[1].byChip.alpha, years[1].byChip.beta], [0, 2]);
  assertInDelta([years[2].byChip.alpha, years[2].byChip.beta], [0, 0]); // flat after the last point
});

it("chipMixByYear(curve, order, …) with a front-loaded ramp gives the early chip more", () => {
  const front = {...curve, ramp: "front-loaded" as const};
  const [y2026] = chipMixByYear(front, order, 2026, 2026);
  assertInDelta([y2026.byChip.alpha, y2026.byChip.beta], [0.75, 0.25]); // 1 − 0.5² by June
});

it("gwAddedByChip(curve, order, t0, t1): the chips' parts sum to the GW added", () => {
  fc.assert(
    fc.property(fc.integer({min: 24290, max: 24350}), fc.integer({min: 0, max: 40}), fc.integer({min: 0, max: 12}), (t0, span, lag) => {
      const o = chipFillOrder([alpha, beta], ["alpha", "beta"], {lagMonths: lag});
      const parts = gwAddedByChip(curve, o, t0, t0 + span);
      const total = capacityAt(curve, t0 + span) - capacityAt(curve, t0);
      return parts.every((g) => g >= 0) && Math.abs(parts[0] + parts[1] - total) < 1e-12;
    })
  );
});

it("chipFillOrder(chips, ids, {startMonth}) never draws capacity as a chip before it is available: the oldest fills from its availability or the start, and what is built before it is the earlier chip of its line", () => {
  const line = (c: typeof alpha, name: string) => ({...c, line: name});
  // old: available 2024-01 (24288); alpha 2025-01 (24300), beta 2026-01 (24312), all of one line; lag 6 months.
  const old = line(chip("old", {date: "2024-01-01", itKw: 1, bf16: 1}), "l");
  const lined = [old, line(alpha, "l"), line(beta, "l")];
  // Delivery from April 2026 (24315): alpha, out since January 2025, fills from then, not from its lag's July 2025;
  // beta, out in January 2026, still waits its lag (24318).
  assert.deepStrictEqual(chipFillOrder(lined, ["alpha", "beta"], {startMonth: 24315}), [
    {id: "alpha", from: 24315},
    {id: "beta", from: 24318}
  ]);
  // Delivery from March 2025 (24302), two months after alpha came out: alpha fills from the start (max(24300, 24302)),
  // where the lag rule alone would have drawn March–June 2025 as alpha while saying it filled only from July.
  assert.deepStrictEqual(chipFillOrder(lined, ["alpha", "beta"], {startMonth: 24302}), [
    {id: "alpha", from: 24302},
    {id: "beta", from: 24318}
  ]);
  // Delivery from June 2024 (24293), before alpha is out: the newest earlier chip of alpha's line out by then, "old",
  // fills from the start until alpha is out (24300), then alpha until beta's lag ends.
  const early = chipFillOrder(lined, ["alpha", "beta"], {startMonth: 24293});
  assert.deepStrictEqual(early, [
    {id: "old", from: 24293},
    {id: "alpha", from: 24300},
    {id: "beta", from: 24318}
  ]);
  assert.strictEqual(chipAtMonth(early, 24299), "old");
  assert.strictEqual(chipAtMonth(early, 24300), "alpha");
  // No earlier chip of the line in the data (or no line): the oldest of the deal's, as without a start.
  assert.deepStrictEqual(chipFillOrder(chips, ["alpha", "beta"], {startMonth: 24293})[0], {id: "alpha", from: 24300});
  assert.throws(() => chipFillOrder(chips, ["alpha"], {startMonth: 1.5}), /invalid startMonth: 1.5/);
});
