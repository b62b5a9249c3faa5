import fc from "fast-check";
import {assert, it} from "vitest";
import {capacityAt} from "../../../src/core/capacity/curve.js";
import {monthLabel} from "../../../src/core/capacity/months.js";
import {
  curveLastMonth,
  datedPoints,
  dealDeliverySchedule,
  deliveryCurve,
  deliverySchedule,
  deliveryStart,
  scheduleMonths,
  yearlyCapacity
} from "../../../src/core/capacity/schedule.js";
import type {RampShape} from "../../../src/core/model.js";
import {assertInDelta} from "../../asserts.js";
import {deal, values} from "./fixtures.js";

const points = [
  {by: "2026-12-31", gw: 1},
  {by: "2027-12-31", gw: 3}
];
const options = {ceiling: 4, announced: "2026-01-10", ramp: "linear" as const};

it("deliverySchedule(points, options) returns GW at each month end from the announcement to the last point", () => {
  const {months} = deliverySchedule(points, options);
  assert.strictEqual(months.length, 24); // 2026-01 … 2027-12
  assert.deepStrictEqual(months[0].month, "2026-01");
  assertInDelta(months[0].gw, 1 / 12);
  assertInDelta(months[5].gw, 0.5); // end of June 2026: half way to 1 GW
  assert.deepStrictEqual(months[11], {month: "2026-12", gw: 1});
  assertInDelta(months[17].gw, 2); // end of June 2027: 1 + 2 × 0.5
  assert.deepStrictEqual(months[23], {month: "2027-12", gw: 3});
});

it("deliverySchedule(points, options) gives year-end, added and average GW per year", () => {
  const {years} = deliverySchedule(points, options);
  assert.deepStrictEqual(years, [
    {year: 2026, gw: 1, gwAdded: 1, gwAverage: 0.5}, // linear 0 → 1: average 0.5
    {year: 2027, gw: 3, gwAdded: 2, gwAverage: 2} // 1 + (3 − 1) × 0.5
  ]);
});

it("deliverySchedule(points, {ramp: 'front-loaded'}) averages 2/3 of each segment's rise", () => {
  const {years, months} = deliverySchedule(points, {...options, ramp: "front-loaded"});
  assertInDelta(months[5].gw, 0.75); // 1 − (1 − 0.5)²
  assertInDelta(years[0].gwAverage, 2 / 3);
  assertInDelta(years[1].gwAverage, 1 + 2 * (2 / 3));
});

it("deliverySchedule(points, {slipMonths: 6}) meets each point six months later", () => {
  const {months, years} = deliverySchedule(points, {...options, slipMonths: 6});
  assert.strictEqual(months.length, 30); // through 2028-06
  assert.deepStrictEqual(months[17], {month: "2027-06", gw: 1});
  assert.deepStrictEqual(months[29], {month: "2028-06", gw: 3});
  assertInDelta(years[0].gw, 12 / 18); // end-2026: 12 of the 18 months to the first point
  assertInDelta(years[1].gw, 2); // end-2027: half way from 1 to 3
  assert.deepStrictEqual(
    years.map((d) => d.year),
    [2026, 2027, 2028]
  );
});

it("deliverySchedule(points, options) keeps capacity flat below the ceiling after the last point", () => {
  const {years} = deliverySchedule([{by: "2026-06-30", gw: 1}], {...options, ceiling: 10});
  assert.strictEqual(years.at(-1)!.gw, 1);
  const curve = deliveryCurve([{by: "2026-06-30", gw: 1}], {...options, ceiling: 10});
  assert.deepStrictEqual(yearlyCapacity(curve, 2030, 2030), [{year: 2030, gw: 1, gwAdded: 0, gwAverage: 1}]);
});

it("deliverySchedule(points, options) clamps points above the ceiling", () => {
  const {months} = deliverySchedule(points, {...options, ceiling: 2});
  assert.strictEqual(Math.max(...months.map((d) => d.gw)), 2);
});

it("deliverySchedule([], options) has no months and no years", () => {
  assert.deepStrictEqual(deliverySchedule([], options), {months: [], years: []});
});

it("deliveryCurve(points, options) never starts before the announcement: an earlier point is moved to it", () => {
  const curve = deliveryCurve([{by: "2025-06-30", gw: 1}], options);
  assert.deepStrictEqual(curve.times, [24312, 24313]); // 2026-01, the announcement month, not 2025-06
  assert.strictEqual(curveLastMonth(curve), 24312);
});

it("deliveryCurve(points, {start}) starts at the first possible delivery, not the announcement", () => {
  // AMD → OpenAI: announced 2025-10-06, first 1 GW in H2 2026 (start 2026-07), 1 GW by 2026-12-31.
  const {years, months} = deliverySchedule([{by: "2026-12-31", gw: 1}], {
    ceiling: 6,
    announced: "2025-10-06",
    start: "2026-07-01",
    ramp: "linear"
  });
  assert.strictEqual(months[0].month, "2026-07");
  assertInDelta(months[0].gw, 1 / 6); // six months from 0 to 1 GW
  assert.deepStrictEqual(years, [{year: 2026, gw: 1, gwAdded: 1, gwAverage: 0.25}]); // 6 months at 0, 6 at 0.5 on average
});

it("deliveryStart(deal, chips) is the latest of the announcement, the first stated delivery and the oldest chip's date", () => {
  const fact = (date: string) => ({date, status: "confirmed" as const, source: "s", asOf: date});
  const chips = [
    {id: "old", available: fact("2024-12-03")},
    {id: "new", available: fact("2026-07-01")}
  ];
  const capacity = (chipIds: string[], firstDelivery?: string) =>
    ({
      ceiling: {value: 1, unit: "gw", status: "confirmed", source: "s", asOf: "2025-01-01"},
      schedule: [],
      chips: chipIds,
      ...(firstDelivery ? {firstDelivery: fact(firstDelivery)} : {})
    }) as never;
  assert.deepStrictEqual(deliveryStart({announced: "2025-11-18", capacity: capacity(["old", "new"])}, chips), {
    date: "2025-11-18",
    reason: "announced"
  });
  assert.deepStrictEqual(deliveryStart({announced: "2025-09-22", capacity: capacity(["new"])}, chips), {
    date: "2026-07-01",
    reason: "chip-available",
    chip: "new"
  });
  assert.deepStrictEqual(deliveryStart({announced: "2025-10-06", capacity: capacity([], "2026-07-01")}, chips), {
    date: "2026-07-01",
    reason: "first-delivery"
  });
  // A tie keeps the first delivery (it is what the deal states).
  assert.deepStrictEqual(
    deliveryStart({announced: "2025-09-22", capacity: capacity(["new"], "2026-07-01")}, chips).reason,
    "first-delivery"
  );
  assert.throws(() => deliveryStart({announced: "2025-09-22", capacity: capacity(["nope"])}, chips), /invalid chip: nope/);
});

it("deliverySchedule(points, options) rejects invalid dates", () => {
  assert.throws(() => deliverySchedule([{by: "2026-13-01", gw: 1}], options), /invalid date: 2026-13-01/);
  assert.throws(() => deliverySchedule(points, {...options, announced: "soon"}), /invalid date: soon/);
  assert.throws(() => yearlyCapacity(deliveryCurve(points, options), 2026.5, 2027), /invalid fromYear: 2026.5/);
});

it("scheduleMonths(points, announced) puts points on the month axis and starts at the announcement", () => {
  assert.deepStrictEqual(scheduleMonths(points, "2026-04-20"), {
    start: 24315, // 2026-04
    months: [
      {month: 24323, gw: 1},
      {month: 24335, gw: 3}
    ]
  });
  assert.deepStrictEqual(scheduleMonths([], "2026-04-20"), {start: 24315, months: []});
  // A point due before the start is moved to the start month.
  assert.deepStrictEqual(scheduleMonths([{by: "2025-12-31", gw: 1}], "2026-04-20"), {start: 24315, months: [{month: 24315, gw: 1}]});
});

it("datedPoints(capacity) reads GW from the point facts, converting MW", () => {
  const mw = {value: 300, unit: "mw" as const, status: "confirmed" as const, source: "s", asOf: "2026-01-01"};
  assert.deepStrictEqual(datedPoints({schedule: [{id: "a", by: "2026-12-31", gw: mw}]}), [{by: "2026-12-31", gw: 0.3}]);
});

it("dealDeliverySchedule(deal, values) runs a deal's schedule with the scenario's slip and ramp", () => {
  const {years} = dealDeliverySchedule(deal(), values("linear", {"slip-months": 6}))!;
  assertInDelta(
    years.map((d) => d.gw),
    [12 / 18, 2, 3]
  );
  assert.isNull(dealDeliverySchedule(deal({capacity: undefined}), values()));
});

const schedules = fc.record({
  points: fc.array(fc.record({month: fc.integer({min: 0, max: 60}), gw: fc.double({min: 0, max: 8, noNaN: true})}), {maxLength: 4}),
  ceiling: fc.double({min: 0, max: 6, noNaN: true}),
  ramp: fc.constantFrom<RampShape>("linear", "s-curve", "front-loaded"),
  slip: fc.double({min: 0, max: 24, noNaN: true}),
  more: fc.double({min: 0, max: 24, noNaN: true})
});

// Points as dated schedule points from January 2026 (month 0) on; announced 2026-01-01.
function asDated(points: {month: number; gw: number}[]) {
  return points.map(({month, gw}) => ({by: `${2026 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}-15`, gw}));
}

function scheduleOf(
  {points, ceiling, ramp}: {points: {month: number; gw: number}[]; ceiling: number; ramp: RampShape},
  slipMonths: number
) {
  return deliverySchedule(asDated(points), {ceiling, announced: "2026-01-01", ramp, slipMonths});
}

function curveOf({points, ceiling, ramp}: {points: {month: number; gw: number}[]; ceiling: number; ramp: RampShape}, slipMonths: number) {
  return deliveryCurve(asDated(points), {ceiling, announced: "2026-01-01", ramp, slipMonths});
}

it("deliverySchedule(…) is monotone non-decreasing and never above the ceiling", () => {
  fc.assert(
    fc.property(schedules, (s) => {
      const {months} = scheduleOf(s, s.slip);
      return months.every((d, i) => d.gw <= s.ceiling && (i === 0 || months[i - 1].gw <= d.gw + 1e-12));
    })
  );
});

it("deliverySchedule(…, {slipMonths: 0}) meets every point (below the ceiling) exactly at its month", () => {
  fc.assert(
    fc.property(schedules, (s) => {
      const {months} = scheduleOf(s, 0);
      const gwByMonth = new Map(months.map((d) => [d.month, d.gw]));
      const sorted = [...s.points].sort((a, b) => a.month - b.month);
      // Each point is met at its month with the running maximum of the points so far, clamped to the ceiling.
      return sorted.every(({month}) => {
        const expected = Math.min(s.ceiling, Math.max(...sorted.filter((p) => p.month <= month).map((p) => p.gw)));
        return gwByMonth.get(monthLabel(2026 * 12 + month)) === expected;
      });
    })
  );
});

it("deliverySchedule(…): more slip never adds GW by any date, and a slipped point comes later", () => {
  fc.assert(
    fc.property(schedules, (s) => {
      const early = curveOf(s, s.slip);
      const late = curveOf(s, s.slip + s.more);
      for (let t = 2026 * 12; t <= 2026 * 12 + 120; t += 0.5) if (capacityAt(late, t) > capacityAt(early, t) + 1e-9) return false;
      return late.times.every((t, i) => t >= early.times[i]);
    })
  );
});

it("yearlyCapacity(curve, …): the average lies between the year's start and end", () => {
  fc.assert(
    fc.property(schedules, (s) => {
      const curve = curveOf(s, s.slip);
      return yearlyCapacity(curve, 2026, 2033).every((d) => d.gwAverage >= d.gw - d.gwAdded - 1e-9 && d.gwAverage <= d.gw + 1e-9);
    })
  );
});
