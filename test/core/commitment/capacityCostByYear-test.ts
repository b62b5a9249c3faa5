import {assert, it} from "vitest";
import {capacityCostByYear} from "../../../src/core/index.js";
import {assertInDelta} from "../../asserts.js";

const whole = {
  perYear: [
    {year: 2026, usd: 10e9},
    {year: 2027, usd: 10e9}
  ],
  start: "2026-01-01",
  years: {value: 2}
};

it("capacityCostByYear(commitment, delivered, cost) prices the GW delivered each year", () => {
  const rows = capacityCostByYear(
    whole,
    [
      {year: 2026, gwAverage: 2},
      {year: 2027, gwAverage: 4}
    ],
    11e9
  );
  assert.deepStrictEqual(
    rows.map((d) => d.gwYears),
    [2, 4]
  );
  assert.deepStrictEqual(
    rows.map((d) => d.capacityCostUsd),
    [22e9, 44e9]
  ); // 2 × 11e9, 4 × 11e9
  assertInDelta(
    rows.map((d) => d.gwYearsBought),
    [10 / 11, 10 / 11]
  ); // 10e9 ÷ 11e9
  assertInDelta(
    rows.map((d) => d.coverage!),
    [10 / 22, 10 / 44]
  );
  assert.deepStrictEqual(
    rows.map((d) => d.spendUsd),
    [10e9, 10e9]
  );
});

it("capacityCostByYear(commitment, delivered, cost) holds the last year-end GW after the last row", () => {
  const rows = capacityCostByYear(whole, [{year: 2026, gwAverage: 1, gw: 3}], 10e9);
  assert.deepStrictEqual(
    rows.map((d) => d.gwAverage),
    [1, 3]
  );
  assert.deepStrictEqual(
    rows.map((d) => d.capacityCostUsd),
    [10e9, 30e9]
  );
});

it("capacityCostByYear(commitment, delivered, cost) holds the average when no year-end GW is given", () => {
  const rows = capacityCostByYear(whole, [{year: 2026, gwAverage: 1}], 10e9);
  assert.deepStrictEqual(
    rows.map((d) => d.gwAverage),
    [1, 1]
  );
});

it("capacityCostByYear(commitment, delivered, cost) counts 0 GW before the first delivered year", () => {
  const rows = capacityCostByYear(whole, [{year: 2027, gwAverage: 2}], 10e9);
  assert.deepStrictEqual(
    rows.map((d) => d.gwYears),
    [0, 2]
  );
  assert.strictEqual(rows[0].coverage, null);
});

it("capacityCostByYear(commitment, delivered, cost) counts only the part of the last year inside the term", () => {
  // Term from 2026-07-02 (2026 + 182/365) for one year ends at 2027 + 182/365 (2027 is not a leap year).
  const half = {
    perYear: [
      {year: 2026, usd: 5e9},
      {year: 2027, usd: 5e9}
    ],
    start: "2026-07-02",
    years: {value: 1}
  };
  const rows = capacityCostByYear(
    half,
    [
      {year: 2026, gwAverage: 1},
      {year: 2027, gwAverage: 2}
    ],
    10e9
  );
  assertInDelta(rows[0].gwYears, 1); // delivery starts with the deal: the 2026 average already counts nothing before
  assertInDelta(rows[1].gwYears, 2 * (182 / 365));
});

it("capacityCostByYear(commitment, delivered, cost) clips the first year when capacity was delivered before it", () => {
  const late = {perYear: [{year: 2027, usd: 5e9}], start: "2027-07-02", years: {value: 1}};
  const rows = capacityCostByYear(
    late,
    [
      {year: 2026, gwAverage: 1},
      {year: 2027, gwAverage: 2}
    ],
    10e9
  );
  // Inside 2027 the term runs from 2027 + 182/365 to the year's end: 183/365 of a year at 2 GW.
  assertInDelta(rows[0].gwYears, 2 * (183 / 365));
});

it("capacityCostByYear(commitment, [], cost) has no capacity cost and no coverage", () => {
  const rows = capacityCostByYear(whole, [], 11e9);
  assert.deepStrictEqual(
    rows.map((d) => [d.gwYears, d.capacityCostUsd, d.coverage]),
    [
      [0, 0, null],
      [0, 0, null]
    ]
  );
});

it("capacityCostByYear({perYear: []}, delivered, cost) returns no rows", () => {
  assert.deepStrictEqual(capacityCostByYear({...whole, perYear: []}, [{year: 2026, gwAverage: 1}], 1), []);
});

it("capacityCostByYear(commitment, delivered, cost) reads rows in any order", () => {
  const rows = capacityCostByYear(
    whole,
    [
      {year: 2027, gwAverage: 4},
      {year: 2026, gwAverage: 2}
    ],
    11e9
  );
  assert.deepStrictEqual(
    rows.map((d) => d.gwAverage),
    [2, 4]
  );
});

it("capacityCostByYear(…) rejects invalid inputs", () => {
  assert.throws(() => capacityCostByYear(whole, [], 0), /invalid costPerGwYear: 0/);
  assert.throws(() => capacityCostByYear(whole, [], Number.NaN), /invalid costPerGwYear: NaN/);
  assert.throws(() => capacityCostByYear({...whole, years: {value: 0}}, [], 1), /invalid years: 0/);
  assert.throws(() => capacityCostByYear(whole, [{year: 2026.5, gwAverage: 1}], 1), /invalid deliveredGw: year 2026.5/);
  assert.throws(() => capacityCostByYear(whole, [{year: 2026, gwAverage: -1}], 1), /invalid deliveredGw: -1 in 2026/);
  assert.throws(() => capacityCostByYear({...whole, start: "2026-13-01"}, [], 1), /invalid date: 2026-13-01/);
});
