import {assert, it} from "vitest";
import {dealInvestment} from "../../../src/core/recycling/dealInvestment.js";
import {flowTranches, recyclingFlows} from "../../../src/core/recycling/recyclingFlows.js";
import {assertInDelta} from "../../asserts.js";
import {amazonAnthropic} from "../commitment/fixtures.js";

const spend = (first: number, ...usd: number[]) => usd.map((value, i) => ({year: first + i, usd: value * 1e9}));
const options = {probability: 0.5, margin: 0.25};
const column = (
  rows: ReturnType<typeof recyclingFlows>,
  key: "investment" | "spend" | "operatingProfit" | "netCash" | "cumulativeNetCash"
) => rows.map((d) => d[key] / 1e9);

it("recyclingFlows(tranches, perYear, options) nets operating profit against investment, year by year", () => {
  const rows = recyclingFlows([{year: 2026, usd: 5e9, firm: true, spread: false}], spend(2026, 10, 10), options);
  assert.deepStrictEqual(
    rows.map((d) => d.year),
    [2026, 2027]
  );
  assertInDelta(column(rows, "investment"), [5, 0]);
  assertInDelta(column(rows, "operatingProfit"), [2.5, 2.5]); // 10 × 25%
  assertInDelta(column(rows, "netCash"), [-2.5, 2.5]);
  assertInDelta(column(rows, "cumulativeNetCash"), [-2.5, 0]);
});

it("recyclingFlows(…) spreads an undated contingent tranche × probability over the spend years after its own", () => {
  // 20 × 0.5 = 10, over 2027 and 2028
  const rows = recyclingFlows([{year: 2026, usd: 20e9, firm: false, spread: true}], spend(2026, 10, 10, 10), options);
  assertInDelta(column(rows, "investment"), [0, 5, 5]);
});

it("recyclingFlows(…) pays a dated contingent tranche × probability in its own year", () => {
  const rows = recyclingFlows([{year: 2027, usd: 4e9, firm: false, spread: false}], spend(2026, 10, 10, 10), options);
  assertInDelta(column(rows, "investment"), [0, 2, 0]);
});

it("recyclingFlows(…) spreads a tranche dated before the spend over every spend year, and one dated in the last year in that year", () => {
  assertInDelta(
    column(recyclingFlows([{year: 2024, usd: 6e9, firm: false, spread: true}], spend(2026, 1, 1, 1), options), "investment"),
    [0, 0, 1, 1, 1]
  );
  assertInDelta(
    column(recyclingFlows([{year: 2028, usd: 6e9, firm: false, spread: true}], spend(2026, 1, 1, 1), options), "investment"),
    [0, 0, 3]
  );
});

it("recyclingFlows(…) runs from the first tranche to the last spend or tranche, with zero years between", () => {
  const rows = recyclingFlows(
    [
      {year: 2023, usd: 1e9, firm: true, spread: false},
      {year: 2030, usd: 1e9, firm: true, spread: false}
    ],
    spend(2026, 4),
    options
  );
  assert.deepStrictEqual(
    rows.map((d) => d.year),
    [2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]
  );
  assertInDelta(column(rows, "cumulativeNetCash"), [-1, -1, -1, 0, 0, 0, 0, -1]);
});

it("recyclingFlows(tranches, [], options) has no flows", () => {
  assert.deepStrictEqual(recyclingFlows([{year: 2026, usd: 1e9, firm: true, spread: false}], [], options), []);
});

it("recyclingFlows(…) rejects invalid inputs", () => {
  assert.throws(() => recyclingFlows([], spend(2026, 1), {probability: 1.5, margin: 0.25}), /invalid probability: 1.5/);
  assert.throws(() => recyclingFlows([], spend(2026, 1), {probability: 0.5, margin: -0.1}), /invalid margin: -0.1/);
  assert.throws(
    () =>
      recyclingFlows(
        [],
        [
          {year: 2026, usd: 1},
          {year: 2028, usd: 1}
        ],
        options
      ),
    /invalid perYear/
  );
});

it("flowTranches(deal, tranches) spreads only the contingent tranches dated no later than the announcement", () => {
  const tranches = flowTranches(amazonAnthropic, dealInvestment(amazonAnthropic).tranches);
  assert.deepStrictEqual(
    tranches.map((t) => [t.year, t.firm, t.spread]),
    [
      [2023, true, false],
      [2024, true, false],
      [2024, true, false],
      [2026, true, false],
      [2026, false, true]
    ]
  );
  const later = {...amazonAnthropic.tranches[4], date: "2027-06-30"};
  const [dated] = flowTranches(amazonAnthropic, dealInvestment({...amazonAnthropic, tranches: [later]}).tranches);
  assert.strictEqual(dated.spread, false);
});
