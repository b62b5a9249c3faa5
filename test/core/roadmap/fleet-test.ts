import fc from "fast-check";
import {assert, it} from "vitest";
import {projectDealCapacity} from "../../../src/core/capacity/projectCapacity.js";
import {projectDealFleet, projectFleet} from "../../../src/core/roadmap/fleet.js";
import {assertInDelta} from "../../asserts.js";
import {alpha, assumptions, beta, chip, chips, deal, values} from "../capacity/fixtures.js";

// Year-end installed counts: alpha 100 from 2026; beta 50 in 2027, 80 by 2028.
const at = (accelerators: number) => ({gw: 0, gwAdded: 0, accelerators});
const byYear = [
  {year: 2026, byChip: {alpha: at(100), beta: at(0)}},
  {year: 2027, byChip: {alpha: at(100), beta: at(50)}},
  {year: 2028, byChip: {alpha: at(100), beta: at(80)}}
];

it("projectFleet(byYear, chips, {life}) turns year-end counts into cohorts that retire after their life", () => {
  const {cohorts} = projectFleet(byYear, chips, {life: 2});
  assert.deepStrictEqual(cohorts, [
    {year: 2026, chip: "alpha", accelerators: 100, retires: 2028},
    {year: 2027, chip: "beta", accelerators: 50, retires: 2029},
    {year: 2028, chip: "beta", accelerators: 30, retires: 2030}
  ]);
});

it("projectFleet(byYear, chips, {life: 2}) counts each cohort for two years, through the year the last is gone", () => {
  const {years} = projectFleet(byYear, chips, {life: 2});
  assert.deepStrictEqual(
    years.map((d) => [d.year, d.accelerators, d.installed, d.retired]),
    [
      [2026, 100, 100, 0],
      [2027, 150, 50, 0],
      [2028, 80, 30, 100], // alpha's 2026 cohort is gone from 2028
      [2029, 30, 0, 50],
      [2030, 0, 0, 30]
    ]
  );
  assert.deepStrictEqual(years[1].byChip, {alpha: 100, beta: 50});
  assertInDelta(years[1].flopsBf16 / 1e15, 100); // 100 × 0.5 PF + 50 × 1 PF
  assertInDelta(years[1].flopsFp8! / 1e15, 200); // 100 × 1 PF + 50 × 2 PF
  assert.deepStrictEqual(years[4].byChip, {});
});

it("projectFleet(byYear, chips, {life}) rounds a fractional life up to whole years", () => {
  const a = projectFleet(byYear, chips, {life: 1.5});
  const b = projectFleet(byYear, chips, {life: 2});
  assert.deepStrictEqual(a, b);
});

it("projectFleet(byYear, chips, {throughYear}) reports through the given year", () => {
  assert.deepStrictEqual(
    projectFleet(byYear, chips, {life: 5, throughYear: 2027}).years.map((d) => d.year),
    [2026, 2027]
  );
});

it("projectFleet(byYear, chips, options) returns a null fp8 compute while a chip without fp8 is installed", () => {
  const noFp8 = chip("beta", {date: beta.available.date, itKw: 1.5, bf16: 1});
  const {years} = projectFleet(byYear, [alpha, noFp8], {life: 2});
  assert.deepStrictEqual(
    years.map((d) => d.flopsFp8 === null),
    [false, true, true, true, false]
  );
});

it("projectFleet([], chips, options) is empty", () => {
  assert.deepStrictEqual(projectFleet([], chips, {life: 5}), {cohorts: [], years: []});
});

it("projectFleet(…) rejects an invalid life, year or chip", () => {
  assert.throws(() => projectFleet(byYear, chips, {life: 0}), /invalid life: 0/);
  assert.throws(() => projectFleet(byYear, chips, {life: NaN}), /invalid life: NaN/);
  assert.throws(() => projectFleet(byYear, chips, {life: 5, throughYear: 2030.5}), /invalid throughYear: 2030.5/);
  assert.throws(() => projectFleet(byYear, [alpha], {life: 5}), /invalid chip: beta/);
});

it("projectDealFleet(capacity, chips, values) uses it-life from the values", () => {
  const capacity = projectDealCapacity(deal(), chips, values(), assumptions)!;
  const fleet = projectDealFleet(capacity, chips, values("linear", {"it-life": 1}));
  // 2026: 533,333 alpha + 266,666 beta; 2027: only the 2027 beta cohort 1,333,333 − 266,666 = 1,066,667.
  assert.deepStrictEqual(
    fleet.years.map((d) => d.accelerators),
    [799_999, 1_066_667, 0]
  );
  assert.strictEqual(projectDealFleet(capacity, chips, values()).years.at(-1)!.year, 2032); // 2027 + 5
});

it("projectFleet(…): the fleet never exceeds what was installed, and equals it while nothing has retired", () => {
  fc.assert(
    fc.property(fc.array(fc.nat(1000), {minLength: 1, maxLength: 8}), fc.double({min: 0.5, max: 10, noNaN: true}), (adds, life) => {
      const rows = adds.map((_, i) => ({year: 2026 + i, byChip: {alpha: at(adds.slice(0, i + 1).reduce((s, a) => s + a, 0))}}));
      const {years} = projectFleet(rows, chips, {life});
      let installed = 0;
      return years.every((d, i) => {
        installed += d.installed;
        return d.accelerators <= installed && (i >= Math.ceil(life) || d.accelerators === installed);
      });
    })
  );
});
