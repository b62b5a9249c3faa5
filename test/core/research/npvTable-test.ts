import {assert, it} from "vitest";
import {type NpvInput, npvTable} from "../../../src/core/research/npvTable.js";
import {assertInDelta} from "../../asserts.js";

const deal = (id: string, npvUsd: number | null, {live = true, paybackYear = null as number | null, rate = 0.1} = {}): NpvInput => ({
  id,
  name: id.toUpperCase(),
  live,
  npvUsd,
  p10: npvUsd === null ? null : npvUsd - 1e9,
  p90: npvUsd === null ? null : npvUsd + 1e9,
  paybackYear,
  neverShare: npvUsd === null ? null : 0.5,
  discountRate: rate
});

it("npvTable(deals) ranks the live priced deals by median NPV, best first, and counts the negative and the unpriced", () => {
  const table = npvTable([
    deal("a", -2e9),
    deal("b", 5e9, {paybackYear: 2031}),
    deal("c", null),
    deal("old", 9e9, {live: false}),
    deal("d", -8e9),
    deal("e", 5e9)
  ]);
  // 5 = 5 > −2 > −8: the tie keeps data order and shares the better rank; the superseded 9 is history.
  assert.deepStrictEqual(
    table.rows.map((r) => [r.id, r.rank]),
    [
      ["b", 1],
      ["e", 1],
      ["a", 3],
      ["d", 4]
    ]
  );
  assert.deepInclude(table, {priced: 4, negative: 2, unpriced: 1, superseded: 1, others: null, discountRate: 0.1});
  assertInDelta(table.rows[0].p10!, 4e9);
  assert.isNull(npvTable([deal("a", 1, {rate: 0.1}), deal("b", 2, {rate: 0.12})]).discountRate);
});

it("npvTable(30 deals) keeps the best and worst five and sums up the twenty in between", () => {
  // NPVs 1..30 $B, every third (3, 6, …) paying back in 2030; 1..5 negative (−1..−5).
  const inputs = Array.from({length: 30}, (_, i) =>
    deal(`d${i + 1}`, (i < 5 ? -(i + 1) : i + 1) * 1e9, {paybackYear: (i + 1) % 3 === 0 ? 2030 : null})
  );
  const table = npvTable(inputs);
  assert.lengthOf(table.rows, 10);
  const sorted = inputs.map((d) => d.npvUsd!).sort((a, b) => b - a);
  assert.deepStrictEqual(
    table.rows.map((r) => r.npvUsd),
    [...sorted.slice(0, 5), ...sorted.slice(-5)]
  );
  assert.deepStrictEqual(
    table.rows.map((r) => r.npvUsd / 1e9),
    [30, 29, 28, 27, 26, -1, -2, -3, -4, -5]
  );
  // In between: 25..6 $B, twenty deals, none negative; never pays back at the median: those not divisible by 3
  // among 6..25 = 20 − |{6, 9, …, 24}| = 20 − 7 = 13.
  assert.deepStrictEqual(table.others, {deals: 20, negative: 0, low: 6e9, high: 25e9, neverMedian: 13});
  assert.strictEqual(table.negative, 5);
  // Up to a dozen, every deal has a row.
  assert.lengthOf(npvTable(inputs.slice(0, 12)).rows, 12);
  assert.isNull(npvTable(inputs.slice(0, 12)).others);
});
