import {assert, it} from "vitest";
import {providerCash} from "../../../src/core/recycling/providerCash.js";
import {assertInDelta} from "../../asserts.js";

const rows = (first: number, ...usd: number[]) => usd.map((value, i) => ({year: first + i, usd: value * 1e9}));
const costs = {
  margin: 0.35,
  capexPerGwUsd: 50e9,
  itShare: 0.7,
  itLife: 5,
  facilityLife: 20,
  revenuePerGwYearUsd: 11e9,
  opexFloorPerGwYearUsd: 0.8e9
};
const bn = (list: ReturnType<typeof providerCash>, key: "capex" | "depreciation" | "cashOpex" | "residual" | "cash" | "gw") =>
  list.map((d) => (key === "gw" ? d.gw : d[key] / 1e9));

it("providerCash(perYear, costs) builds the capacity the spend keeps busy, and floors the cash costs", () => {
  // $11B a year at $11B per GW-year keeps 1 GW busy; capex 1 × 50 in 2026. Depreciation: IT 35 ÷ 5 = 7, facility 15 ÷ 20 = 0.75.
  // Cash opex = max(11 × 0.65 − 7.75, 0.8 × 1) = max(−0.6, 0.8) = 0.8 (the margin and this capex are inconsistent; the floor binds).
  // Residual at the end of 2027: IT 35 × (1 − 2/5) = 21, facility 15 × (1 − 2/20) = 13.5.
  // Cash 2026 = 11 − 0.8 − 50 = −39.8; 2027 = 11 − 0.8 = 10.2 (the 34.5 of book value is not cash and stays out).
  const cash = providerCash(rows(2026, 11, 11), costs);
  assertInDelta(bn(cash, "gw"), [1, 1]);
  assertInDelta(bn(cash, "capex"), [50, 0]);
  assertInDelta(bn(cash, "depreciation"), [7.75, 7.75]);
  assertInDelta(bn(cash, "cashOpex"), [0.8, 0.8]);
  assertInDelta(bn(cash, "residual"), [0, 34.5]);
  assertInDelta(bn(cash, "cash"), [-39.8, 10.2]);
  assertInDelta(
    cash.map((d) => d.operatingProfit / 1e9),
    [3.85, 3.85]
  );
});

it("providerCash(…) replaces IT at the end of its life, and over the term its cash + book value left adds up to the operating profit", () => {
  // Seven years of $11B, 1 GW, capex 40 (IT 28, facility 12), margin 30%. IT bought in 2026 and again in 2031.
  // Depreciation 28 ÷ 5 + 12 ÷ 20 = 6.2 every year; cash opex 11 × 0.7 − 6.2 = 1.5 (above the floor of 0.8).
  // Residual at the end of 2032: facility 12 × (1 − 7/20) = 7.8; the 2031 IT 28 × (1 − 2/5) = 16.8.
  // Cash: 11 − 1.5 = 9.5 a year, − 40 in 2026, − 28 in 2031; the 24.6 of book value in 2032 is not cash.
  const cash = providerCash(rows(2026, 11, 11, 11, 11, 11, 11, 11), {...costs, margin: 0.3, capexPerGwUsd: 40e9});
  assertInDelta(bn(cash, "capex"), [40, 0, 0, 0, 0, 28, 0]);
  assertInDelta(bn(cash, "cash"), [-30.5, 9.5, 9.5, 9.5, 9.5, -18.5, 9.5]);
  assertInDelta(bn(cash, "residual"), [0, 0, 0, 0, 0, 0, 24.6]);
  // With the floor not binding, undiscounted cash + book value left = operating profit: 7 × 11 × 0.3 = 23.1 (−1.5 + 24.6).
  assertInDelta(cash.reduce((s, d) => s + d.cash + d.residual, 0) / 1e9, 23.1);
});

it("providerCash(…) spends capex only on capacity above the previous peak", () => {
  // Spend 5.5, 11, 11, 5.5: 0.5, 1, 1, 0.5 GW; capex 0.5 × 40 in 2026 and in 2027, none when the capacity falls.
  const cash = providerCash(rows(2026, 5.5, 11, 11, 5.5), {...costs, capexPerGwUsd: 40e9});
  assertInDelta(bn(cash, "capex"), [20, 20, 0, 0]);
});

it("providerCash(perYear, {…, gw}) sizes capex to the delivered GW, not to the spend", () => {
  // $11B a year at $11B per GW-year would keep 1 GW busy; the provider delivers 2 GW, then 5 GW: capex 2 × 40 in 2026
  // and 3 × 40 in 2027. Cash opex: depreciation 2026 = 2 × 6.2 = 12.4 > 11 × 0.65, so the floor binds: 0.8 × 2 = 1.6.
  const cash = providerCash(rows(2026, 11, 11), {...costs, capexPerGwUsd: 40e9, gw: [2, 5]});
  assertInDelta(bn(cash, "gw"), [2, 5]);
  assertInDelta(bn(cash, "capex"), [80, 120]);
  assertInDelta(bn(cash, "cashOpex"), [1.6, 4]);
  assertInDelta(bn(cash, "cash"), [11 - 1.6 - 80, 11 - 4 - 120]);
  assert.throws(() => providerCash(rows(2026, 11, 11), {...costs, gw: [1]}), /invalid gw: 1 values for 2 years/);
});

it("providerCash([], costs) is empty, and providerCash rejects invalid costs and gaps", () => {
  assert.deepStrictEqual(providerCash([], costs), []);
  assert.throws(() => providerCash(rows(2026, 1), {...costs, margin: 1.2}), /invalid margin: 1.2/);
  assert.throws(() => providerCash(rows(2026, 1), {...costs, revenuePerGwYearUsd: 0}), /invalid revenuePerGwYearUsd: 0/);
  assert.throws(() => providerCash(rows(2026, 1), {...costs, itLife: 0}), /invalid itLife: 0/);
  assert.throws(() => providerCash([...rows(2026, 1), ...rows(2028, 1)], costs), /invalid perYear/);
});

it("providerCash(…, {referenceLives}) reads the margin as a cash margin at the reference lives: a longer drawn life never lowers cash", () => {
  // Seven years of $11B on 1 GW, capex 40 (IT 28, facility 12), margin 30%, reference lives 5 (IT) and 20 (facility).
  // Add-back 1 × 40 × (0.7 ÷ 5 + 0.3 ÷ 20) = 6.2 whatever the drawn lives; cash opex 11 × 0.7 − 6.2 = 1.5 a year.
  const base = {...costs, margin: 0.3, capexPerGwUsd: 40e9, referenceLives: {it: 5, facility: 20}};
  const total = (list: ReturnType<typeof providerCash>) => list.reduce((a, d) => a + d.cash, 0) / 1e9;
  const spend = rows(2026, 11, 11, 11, 11, 11, 11, 11);
  // IT life 4: IT bought in 2026 and 2030 (28 each): cash 7 × 9.5 − 40 − 28 = −1.5.
  const short = providerCash(spend, {...base, itLife: 4});
  assertInDelta(bn(short, "cashOpex"), [1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5]);
  assertInDelta(total(short), -1.5);
  // IT life 5: replaced in 2031: the same −1.5 in cash, a year later.
  assertInDelta(total(providerCash(spend, {...base, itLife: 5})), -1.5);
  // IT life 8: never replaced within the term: 7 × 9.5 − 40 = 26.5.
  const long = providerCash(spend, {...base, itLife: 8});
  assertInDelta(bn(long, "cashOpex"), [1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5]);
  assertInDelta(total(long), 26.5);
  // The facility life moves only the book value left, never cash.
  assertInDelta(total(providerCash(spend, {...base, facilityLife: 40})), total(providerCash(spend, base)));
  assert.throws(() => providerCash(spend, {...base, referenceLives: {it: 0, facility: 20}}), /invalid referenceLives/);
});
