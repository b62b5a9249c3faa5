import fc from "fast-check";
import {assert, it} from "vitest";
import {evaluateSpend, prepareSpend, spendByYear} from "../../../src/core/commitment/spendByYear.js";
import {assertInDelta} from "../../asserts.js";

const bn = (rows: {usd: number}[]) => rows.map((d) => d.usd / 1e9);

it("spendByYear(terms) spreads a term starting on 1 January evenly over its years", () => {
  assert.deepStrictEqual(spendByYear([{usd: 2e9, years: 2, start: "2026-01-01"}]), [
    {year: 2026, usd: 1e9},
    {year: 2027, usd: 1e9}
  ]);
});

it("spendByYear(terms) gives a mid-year start a pro-rata first year and the remainder at the end", () => {
  // 2026-04-20: 256 of 365 days remain, so 2026 gets 10 × 256/365 = 7.0137; 2036 gets 10 × 109/365 = 2.9863
  const rows = spendByYear([{usd: 100e9, years: 10, start: "2026-04-20"}]);
  assert.deepStrictEqual(
    rows.map((d) => d.year),
    [2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035, 2036]
  );
  assertInDelta(bn(rows), [(10 * 256) / 365, 10, 10, 10, 10, 10, 10, 10, 10, 10, (10 * 109) / 365]);
});

it("spendByYear(terms, {profile: 'ramp'}) ramps linearly to a plateau after rampYears, same total", () => {
  // $85B over 10 years, 3-year ramp: plateau p = 85 ÷ (10 − 3/2) = 10/year; year 1 = p × 1/6, year 2 = p × 3/6,
  // year 3 = p × 5/6, then 10 a year for 7 years: 1.667 + 5 + 8.333 + 70 = 85
  const rows = spendByYear([{usd: 85e9, years: 10, start: "2026-01-01"}], {profile: "ramp", rampYears: 3});
  assertInDelta(bn(rows), [10 / 6, 5, 50 / 6, 10, 10, 10, 10, 10, 10, 10]);
});

it("spendByYear(terms, {profile: 'ramp'}) never reaches its plateau when the ramp outlasts the term", () => {
  // $4B over 2 years, 4-year ramp: cumulative share t²/T² → 1/4 then 3/4
  assertInDelta(bn(spendByYear([{usd: 4e9, years: 2, start: "2026-01-01"}], {profile: "ramp", rampYears: 4})), [1, 3]);
});

it("spendByYear(terms, {profile: 'ramp', rampYears: 0}) is flat, and 'flat' ignores rampYears", () => {
  const term = [{usd: 100e9, years: 10, start: "2026-04-20"}];
  const flat = bn(spendByYear(term));
  assertInDelta(bn(spendByYear(term, {profile: "ramp", rampYears: 0})), flat);
  assertInDelta(bn(spendByYear(term, {profile: "flat", rampYears: 3})), flat);
});

it("spendByYear(terms, {profile: 'capacity'}) follows delivered GW and holds the last year's value", () => {
  // weights 1, 3, 3 (2028 holds 2027's 3 GW): $7B → 1, 3, 3
  const rows = spendByYear([{usd: 7e9, years: 3, start: "2026-01-01"}], {
    profile: "capacity",
    deliveredGw: [
      {year: 2026, gwAverage: 1},
      {year: 2027, gwAverage: 3}
    ]
  });
  assertInDelta(bn(rows), [1, 3, 3]);
});

it("spendByYear(terms, {profile: 'capacity'}) counts years before the first delivered year as 0 GW", () => {
  const deliveredGw = [{year: 2027, gwAverage: 2}];
  assertInDelta(bn(spendByYear([{usd: 7e9, years: 3, start: "2026-01-01"}], {profile: "capacity", deliveredGw})), [0, 3.5, 3.5]);
});

it("spendByYear(terms, {profile: 'capacity'}) weights a partial year by its share in the term", () => {
  // start 2026-07-02: 183/365 of 2026 in the term, 182/365 of 2028; 1 GW throughout → flat
  const term = [{usd: 2e9, years: 2, start: "2026-07-02"}];
  const rows = spendByYear(term, {profile: "capacity", deliveredGw: [{year: 2020, gwAverage: 1}]});
  assertInDelta(bn(rows), bn(spendByYear(term)));
  assertInDelta(bn(rows), [183 / 365, 1, 182 / 365]);
});

it("spendByYear(terms) sums several terms by year, with a zero row between them", () => {
  const rows = spendByYear([
    {usd: 1e9, years: 1, start: "2026-01-01"},
    {usd: 3e9, years: 1, start: "2028-01-01"},
    {usd: 2e9, years: 3, start: "2026-01-01"}
  ]);
  assert.deepStrictEqual(
    rows.map((d) => d.year),
    [2026, 2027, 2028]
  );
  assertInDelta(bn(rows), [1 + 2 / 3, 2 / 3, 3 + 2 / 3]);
});

it("spendByYear([]) returns no rows", () => {
  assert.deepStrictEqual(spendByYear([]), []);
});

it("spendByYear(terms, options) rejects invalid inputs", () => {
  const term = {usd: 1e9, years: 2, start: "2026-01-01"};
  assert.throws(() => spendByYear([{...term, usd: -1}]), /invalid usd: -1/);
  assert.throws(() => spendByYear([{...term, years: 0}]), /invalid years: 0/);
  assert.throws(() => spendByYear([{...term, start: "2026-02-30"}]), /invalid date: 2026-02-30/);
  // @ts-expect-error an unknown profile
  assert.throws(() => spendByYear([term], {profile: "linear"}), /invalid profile: linear/);
  assert.throws(() => spendByYear([term], {profile: "ramp", rampYears: -1}), /invalid rampYears: -1/);
  assert.throws(() => spendByYear([term], {profile: "capacity"}), /invalid deliveredGw: undefined/);
  assert.throws(
    () => spendByYear([term], {profile: "capacity", deliveredGw: [{year: 2026, gwAverage: 0}]}),
    /invalid deliveredGw: no capacity/
  );
  assert.throws(
    () => spendByYear([term], {profile: "capacity", deliveredGw: [{year: 2026, gwAverage: -1}]}),
    /invalid deliveredGw: -1 in 2026/
  );
  assert.throws(
    () => spendByYear([term], {profile: "capacity", deliveredGw: [{year: 2026.5, gwAverage: 1}]}),
    /invalid deliveredGw: year 2026.5/
  );
});

it("evaluateSpend(prepareSpend(terms), options) matches spendByYear and can be evaluated again", () => {
  const terms = [{usd: 100e9, years: 10, start: "2026-04-20"}];
  const prepared = prepareSpend(terms);
  assert.strictEqual(prepared.firstYear, 2026);
  assert.strictEqual(prepared.yearCount, 11);
  assert.deepStrictEqual(evaluateSpend(prepared, {profile: "ramp", rampYears: 2}), spendByYear(terms, {profile: "ramp", rampYears: 2}));
  assert.deepStrictEqual(evaluateSpend(prepared, {}), spendByYear(terms));
});

const dayOfYear = fc.integer({min: 0, max: 364}).map((day) => new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10));

it("spendByYear(terms, options) always sums to the terms' total, never spends a negative amount, and has one row per year", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          usd: fc.double({min: 0, max: 1e12, noNaN: true}),
          years: fc.double({min: 0.25, max: 15, noNaN: true}),
          start: dayOfYear
        }),
        {
          minLength: 1,
          maxLength: 3
        }
      ),
      fc.constantFrom("flat" as const, "ramp" as const, "capacity" as const),
      fc.double({min: 0, max: 8, noNaN: true}),
      fc.array(fc.double({min: 0.01, max: 10, noNaN: true}), {minLength: 1, maxLength: 20}),
      (terms, profile, rampYears, gw) => {
        const deliveredGw = gw.map((gwAverage, i) => ({year: 2026 + i, gwAverage}));
        const rows = spendByYear(terms, {profile, rampYears, deliveredGw});
        const total = terms.reduce((sum, t) => sum + t.usd, 0);
        assertInDelta(
          rows.reduce((sum, d) => sum + d.usd, 0),
          total,
          total * 1e-9 + 1e-6
        );
        for (const d of rows) assert(d.usd >= -1e-6, `${d.year}: ${d.usd}`);
        assert.deepStrictEqual(
          rows.map((d) => d.year),
          rows.map((_, i) => rows[0].year + i)
        );
      }
    )
  );
});

it("spendByYear(terms) from 1 January over whole years has exactly that many rows", () => {
  fc.assert(
    fc.property(fc.integer({min: 1, max: 30}), (years) => {
      assert.strictEqual(spendByYear([{usd: 1e9, years, start: "2026-01-01"}]).length, years);
    })
  );
});
