import {assert, it} from "vitest";
import {buildOut} from "../../../src/core/recycling/buildOut.js";
import {providerCash} from "../../../src/core/recycling/providerCash.js";
import {assertInDelta} from "../../asserts.js";

const term = [{usd: 20e9, years: 2, start: "2027-01-01"}];
const usd = (b: ReturnType<typeof buildOut>) => b.perYear.map((y) => y.usd / 1e9);

it("buildOut: the capacity comes online along a ramp that ends on the contract's start; the spend is the contract's own", () => {
  // G = 20 ÷ 2 ÷ 10 = 1 GW; the 2-year ramp runs 2025–2026, half a GW coming online each year; 10 a year in 2027–28.
  const b = buildOut(term, {pricePerGwYearUsd: 10e9, buildYears: 2, slipYears: 0, notBefore: "2025-01-01"});
  assert.deepStrictEqual(
    b.perYear.map((y) => y.year),
    [2025, 2026, 2027, 2028]
  );
  assertInDelta(b.builtGw, [0.5, 0.5, 0, 0], 1e-12);
  assertInDelta(b.gw, [0, 0, 1, 1], 1e-12);
  assertInDelta(usd(b), [0, 0, 10, 10], 1e-9);
  assertInDelta(b.endYear, 2029, 1e-12);
});

it("buildOut: a build cannot start before the signing; the GW-years the ramp leaves short are used after the stated end", () => {
  // Ramp from 2026 to 2028: online share (t − 2026) ÷ 2, GW-years online by t (t − 2026)² ÷ 4 until 2028, then t − 2027.
  // 2027: 1 − 0.25 = 0.75; 2028: 1; the 0.25 short runs into 2029 (the use ends at 2026 + 1 + 2 + 0.25 = 2029.25).
  const b = buildOut(term, {pricePerGwYearUsd: 10e9, buildYears: 2, slipYears: 0, notBefore: "2026-01-01"});
  assert.deepStrictEqual(
    b.perYear.map((y) => y.year),
    [2026, 2027, 2028, 2029]
  );
  assertInDelta(b.builtGw, [0.5, 0.5, 0, 0], 1e-12);
  assertInDelta(b.gw, [0, 0.75, 1, 0.25], 1e-12);
  assertInDelta(usd(b), [0, 7.5, 10, 2.5], 1e-9);
  assertInDelta(b.endYear, 2029.25, 1e-12);
  // A slip of a year from a 2025 ramp gives the same path: the slip moves the ramp (and the capex with it) a year later.
  const slipped = buildOut(term, {pricePerGwYearUsd: 10e9, buildYears: 2, slipYears: 1, notBefore: "2025-01-01"});
  assertInDelta(slipped.gw, b.gw, 1e-12);
  assertInDelta(slipped.builtGw, b.builtGw, 1e-12);
});

it("buildOut: whatever the build time and the slip, the lab spends its commitment, never before the capacity exists", () => {
  const terms = [
    {usd: 11.9e9, years: 5, start: "2025-03-10"},
    {usd: 4e9, years: 5, start: "2025-05-01"}
  ];
  for (const buildYears of [0, 1, 2, 3.6])
    for (const slipYears of [0, 0.5, 1.5]) {
      const b = buildOut(terms, {pricePerGwYearUsd: 11e9, buildYears, slipYears, notBefore: "2025-03-10"});
      assertInDelta(
        b.perYear.reduce((a, y) => a + y.usd, 0),
        15.9e9,
        1
      );
      // Every GW that comes online is used: built = G of each contract = 11.9 ÷ 5 ÷ 11 + 4 ÷ 5 ÷ 11.
      assertInDelta(
        b.builtGw.reduce((a, g) => a + g, 0),
        15.9 / 5 / 11,
        1e-9
      );
      let online = 0;
      b.gw.forEach((g, i) => {
        online += b.builtGw[i];
        assert(g <= online + 1e-9, `${b.perYear[i].year}: ${g} GW used with ${online} online`);
      });
    }
  // No build time: all of it online on the start.
  const now = buildOut(term, {pricePerGwYearUsd: 10e9, buildYears: 0, slipYears: 0, notBefore: "2025-01-01"});
  assertInDelta(now.builtGw, [1, 0], 1e-12);
  assertInDelta(usd(now), [10, 10], 1e-9);
});

it("providerCash with builtGw and useEndYear: capex follows the GW coming online, running costs the GW in use", () => {
  const perYear = [2025, 2026, 2027, 2028].map((year, i) => ({year, usd: [0, 0, 10e9, 10e9][i]}));
  const costs = {
    capexPerGwUsd: 40e9,
    itShare: 0.5,
    itLife: 2,
    renewShare: 0.5,
    facilityLife: 20,
    revenuePerGwYearUsd: 10e9,
    energyPerGwYearUsd: 1e9,
    siteOpexPerGwYearUsd: 0,
    gw: [0, 0, 1, 1],
    builtGw: [0.5, 0.5, 0, 0]
  };
  // 0.5 GW × 40 = 20 a year in 2025–26; its IT (0.5 × 40 × 0.5 = 10) is replaced 2 years on, while the use left
  // covers 50% of a 2-year life: by default to the end of 2028 (2029 − 2028 = 1 ≥ 1), with the use ending at 2028.5 not
  // in 2028 (0.5 < 1).
  const rows = providerCash(perYear, costs);
  assertInDelta(
    rows.map((r) => r.capex / 1e9),
    [20, 20, 10, 10],
    1e-9
  );
  assertInDelta(
    rows.map((r) => r.cashOpex / 1e9),
    [0, 0, 1, 1],
    1e-9
  );
  assertInDelta(
    providerCash(perYear, {...costs, useEndYear: 2028.5}).map((r) => r.capex / 1e9),
    [20, 20, 10, 0],
    1e-9
  );
  assert.throws(() => providerCash(perYear, {...costs, builtGw: [1]}), /invalid builtGw: 1 values for 4 years/);
});
