import fc from "fast-check";
import {assert, it} from "vitest";
import {projectDealCapacity} from "../../../src/core/capacity/projectCapacity.js";
import {commitmentEnd, projectDealFleet, projectFleet} from "../../../src/core/roadmap/fleet.js";
import {assertInDelta} from "../../asserts.js";
import {alpha, assumptions, beta, chip, chips, deal, fact, values} from "../capacity/fixtures.js";

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
    {year: 2026, chip: "alpha", accelerators: 100, retires: 2028, gw: 0},
    {year: 2027, chip: "beta", accelerators: 50, retires: 2029, gw: 0},
    {year: 2028, chip: "beta", accelerators: 30, retires: 2030, gw: 0}
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

it("projectDealFleet(capacity, chips, values, {deal}) replaces retired capacity on the newest chip while a commitment runs", () => {
  // Fixture deal: alpha fills 0.5 GW in 2026, beta 0.5 GW in 2026 and 2 GW in 2027 (3 GW in all; PUE 1.25). A two-year life,
  // and a commitment from January 2026 for 4 years (to 2030.0): cohorts retiring in 2028 and 2029 are replaced,
  // those retiring in 2030 or later are not.
  const capacity = projectDealCapacity(deal(), chips, values(), assumptions)!;
  const committed = deal({
    commitments: [{id: "c", label: "c", amount: fact(1, "usd-bn"), years: fact(4, "years"), start: "2026-01-10", platform: "p"}]
  });
  const fleet = projectDealFleet(capacity, chips, values("linear", {"it-life": 2}), {deal: committed});
  const replacements = fleet.cohorts.filter((c) => c.replaces);
  // 2028: alpha's 0.5 GW and beta's 0.5 GW of 2026 come back as beta (the newest available by 2028):
  // 0.5 GW ÷ 1.25 = 400 MW ÷ 1.5 kW = 266,666 each. 2029: beta's 2 GW of 2027 → 1,600 MW ÷ 1.5 kW = 1,066,666.
  assert.deepStrictEqual(
    replacements.map(({year, chip, accelerators, replaces}) => [year, chip, accelerators, replaces!.chip]),
    [
      [2028, "beta", 266_666, "alpha"],
      [2028, "beta", 266_666, "beta"],
      [2029, "beta", 1_066_666, "beta"]
    ]
  );
  // Inside the commitment the fleet holds its GW: 2029 has the 2028 replacements and the 2029 one.
  assert.strictEqual(fleet.years.find((y) => y.year === 2029)!.accelerators, 266_666 * 2 + 1_066_666);
  // Without the deal nothing is replaced and 2029 holds nothing.
  assert.strictEqual(
    projectDealFleet(capacity, chips, values("linear", {"it-life": 2})).years.find((y) => y.year === 2029)!.accelerators,
    0
  );
  assertInDelta(commitmentEnd(committed)!, 2030);
});
