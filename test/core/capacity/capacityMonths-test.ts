import {assert, it} from "vitest";
import {dealCapacityMonths} from "../../../src/core/capacity/capacityMonths.js";
import {projectDealCapacity} from "../../../src/core/capacity/projectCapacity.js";
import {assertInDelta} from "../../asserts.js";
import {assumptions, chips, deal, values} from "./fixtures.js";

// Fixture: announced January 2026; 1 GW by end-2026 and 3 GW by end-2027, linear ramp; alpha fills capacity
// added before July 2026 (available January 2025 + 6 months), beta from July 2026 on.
const base = dealCapacityMonths(deal(), chips, values())!;

it("dealCapacityMonths(deal, chips, values) has one row per month from the start to the last point", () => {
  assert.strictEqual(base.start, "2026-01");
  assert.strictEqual(base.startDate, "2026-01-01");
  assert.strictEqual(base.months.length, 24);
  assert.deepStrictEqual(
    [base.months[0].month, base.months[0].end, base.months[1].end, base.months[23].end],
    ["2026-01", "2026-01-31", "2026-02-28", "2027-12-31"]
  );
});

it("dealCapacityMonths(deal, chips, values) ramps between points and splits GW by the chip that filled it", () => {
  const [jan, , , , , jun, jul] = base.months;
  assertInDelta(jan.gw, 1 / 12); // 1 GW over 12 months, linear
  assertInDelta([jan.byChip.alpha, jan.byChip.beta], [1 / 12, 0]);
  assertInDelta([jun.byChip.alpha, jun.byChip.beta], [0.5, 0]);
  assertInDelta([jul.byChip.alpha, jul.byChip.beta], [0.5, 1 / 12]);
  const dec2027 = base.months[23];
  assertInDelta([dec2027.gw, dec2027.byChip.alpha, dec2027.byChip.beta], [3, 0.5, 2.5]);
});

it("dealCapacityMonths(deal, chips, values) agrees in December with the yearly view of projectDealCapacity", () => {
  const years = projectDealCapacity(deal(), chips, values("s-curve"), assumptions)!.byYear;
  const months = dealCapacityMonths(deal(), chips, values("s-curve"))!.months.filter((d) => d.month.endsWith("-12"));
  for (const [i, year] of years.entries()) {
    assertInDelta(months[i].gw, year.gw);
    for (const id of ["alpha", "beta"]) assertInDelta(months[i].byChip[id], year.byChip[id].gw);
  }
});

it("dealCapacityMonths(deal, chips, {slip-months}) runs to the slipped month of the last point", () => {
  assert.strictEqual(dealCapacityMonths(deal(), chips, values("linear", {"slip-months": 6}))!.months.at(-1)!.month, "2028-06");
  // The last knot at t = 24,335 + 1 + 1.5 lies inside February 2028.
  assert.strictEqual(dealCapacityMonths(deal(), chips, values("linear", {"slip-months": 1.5}))!.months.at(-1)!.month, "2028-02");
});

it("dealCapacityMonths(deal, chips, values, {throughYear}) extends the months flat to December", () => {
  const long = dealCapacityMonths(deal(), chips, values(), {throughYear: 2028})!;
  assert.strictEqual(long.months.length, 36);
  assert.deepStrictEqual(long.months.at(-1), {month: "2028-12", end: "2028-12-31", gw: 3, byChip: long.months[23].byChip});
});

it("dealCapacityMonths(deal, chips, values) leaves byChip empty for a deal naming no chip", () => {
  const chipless = dealCapacityMonths(deal({}, {chips: []}), chips, values())!;
  assert.deepStrictEqual(chipless.months[11].byChip, {});
  assert.strictEqual(chipless.months[11].gw, 1);
});

it("dealCapacityMonths(deal, …) has no months without schedule points, and is null without capacity", () => {
  assert.deepStrictEqual(dealCapacityMonths(deal({}, {schedule: []}), chips, values())!.months, []);
  assert.strictEqual(dealCapacityMonths(deal({}, {schedule: []}), chips, values(), {throughYear: 2026})!.months.length, 12);
  assert.isNull(dealCapacityMonths(deal({capacity: undefined}), chips, values()));
});

it("dealCapacityMonths(…) rejects invalid inputs", () => {
  assert.throws(() => dealCapacityMonths(deal(), chips, values(), {throughYear: 2026.5}), /invalid throughYear: 2026.5/);
  assert.throws(() => dealCapacityMonths(deal(), chips, values("linear", {"slip-months": -1})), /invalid slipMonths: -1/);
  assert.throws(() => dealCapacityMonths(deal(), [], values()), /invalid chip: alpha/);
});
