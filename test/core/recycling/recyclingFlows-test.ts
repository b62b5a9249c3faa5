import {assert, it} from "vitest";
import {dealInvestment} from "../../../src/core/recycling/dealInvestment.js";
import {providerCash} from "../../../src/core/recycling/providerCash.js";
import {flowTranches, netCashByYear, recyclingFlows} from "../../../src/core/recycling/recyclingFlows.js";
import {assertInDelta} from "../../asserts.js";
import {amazonAnthropic} from "../commitment/fixtures.js";

// With no capex and running costs of 75% of the price (8.25 of 11 per GW-year), the provider's cash is its operating
// profit (spend × 25%): the netting is tested alone here, the provider's cash in providerCash-test.
const NO_CAPEX = {
  capexPerGwUsd: 0,
  itShare: 0.7,
  itLife: 5,
  facilityLife: 20,
  revenuePerGwYearUsd: 11e9,
  energyPerGwYearUsd: 8.25e9,
  siteOpexPerGwYearUsd: 0
};
const rows = (first: number, ...usd: number[]) => usd.map((value, i) => ({year: first + i, usd: value * 1e9}));
const spend = (first: number, ...usd: number[]) => providerCash(rows(first, ...usd), NO_CAPEX);
const options = {probability: 0.5};
const column = (
  rows: ReturnType<typeof recyclingFlows>,
  key: "investment" | "spend" | "operatingProfit" | "netCash" | "cumulativeNetCash" | "accountingNet" | "residual"
) => rows.map((d) => d[key] / 1e9);

it("recyclingFlows(tranches, provider, options) nets the provider's cash against investment, year by year", () => {
  const rows = recyclingFlows([{year: 2026, usd: 5e9, firm: true, spread: false}], spend(2026, 10, 10), options);
  assert.deepStrictEqual(
    rows.map((d) => d.year),
    [2026, 2027]
  );
  assertInDelta(column(rows, "investment"), [5, 0]);
  assertInDelta(column(rows, "operatingProfit"), [2.5, 2.5]); // 10 × 25%
  assertInDelta(column(rows, "netCash"), [-2.5, 2.5]);
  assertInDelta(column(rows, "cumulativeNetCash"), [-2.5, 0]);
  // Without capex the accounting view is the same as cash.
  assertInDelta(column(rows, "accountingNet"), [-2.5, 2.5]);
});

it("recyclingFlows(…) nets capex: cash is below operating profit when the provider builds, the accounting view is not", () => {
  // 2 GW-years of spend at $11B: 1 GW in use, capex 1 × $40B in 2026; depreciation 40 × 0.7 ÷ 5 + 40 × 0.3 ÷ 20 = 6.2
  // cash opex = 0.49 + 0.26 + 0.005 × 40 = 0.95; residual at the end of 2027: IT 28 × 3/5 = 16.8, facility 12 × 18/20 = 10.8
  // provider cash 2026 = 11 − 0.95 − 40 = −29.95; 2027 = 11 − 0.95 = 10.05 (the 27.6 of book value is not cash); investment 5 in 2026
  const costs = {...NO_CAPEX, capexPerGwUsd: 40e9, energyPerGwYearUsd: 0.49e9, siteOpexPerGwYearUsd: 0.26e9, assetChargeRate: 0.005};
  const flows = recyclingFlows([{year: 2026, usd: 5e9, firm: true, spread: false}], providerCash(rows(2026, 11, 11), costs), options);
  assertInDelta(column(flows, "netCash"), [-34.95, 10.05]);
  assertInDelta(column(flows, "cumulativeNetCash"), [-34.95, -24.9]);
  assertInDelta(column(flows, "residual"), [0, 27.6]);
  assertInDelta(column(flows, "accountingNet"), [-1.15, 3.85]); // the implied profit 11 − 0.95 − 6.2 = 3.85 (35%), − 5
  assertInDelta(
    flows.map((d) => d.capex / 1e9),
    [40, 0]
  );
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
  assert.throws(() => recyclingFlows([], spend(2026, 1), {probability: 1.5}), /invalid probability: 1.5/);
  const gap = [spend(2026, 1)[0], spend(2028, 1)[0]];
  assert.throws(() => recyclingFlows([], gap, options), /invalid provider/);
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

it("netCashByYear(tranches, provider, options) is recyclingFlows' investment and net cash without the rows (a draw's flows)", () => {
  // A firm $5B in 2025, before the spend, and a contingent $4B announced in 2026 spread at 50% over 2027–2028: investment
  // 5, 0, 1, 1; the provider's cash 2.5 a year (10 × 25%) from 2026; net cash −5, 2.5, 1.5, 1.5.
  const tranches = [
    {year: 2025, usd: 5e9, firm: true, spread: false},
    {year: 2026, usd: 4e9, firm: false, spread: true}
  ];
  const provider = spend(2026, 10, 10, 10);
  const lean = netCashByYear(tranches, provider, options);
  assert.strictEqual(lean.firstYear, 2025);
  assertInDelta(
    lean.investment.map((x) => x / 1e9),
    [5, 0, 1, 1]
  );
  assertInDelta(
    lean.netCash.map((x) => x / 1e9),
    [-5, 2.5, 1.5, 1.5]
  );
  const full = recyclingFlows(tranches, provider, options);
  assert.deepStrictEqual(
    lean.investment,
    full.map((row) => row.investment)
  );
  assert.deepStrictEqual(
    lean.netCash,
    full.map((row) => row.netCash)
  );
  assert.deepStrictEqual(netCashByYear(tranches, [], options).netCash, []);
  assert.throws(() => netCashByYear(tranches, provider, {probability: 1.5}), /invalid probability/);
});
