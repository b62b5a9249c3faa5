import {assert, it} from "vitest";
import {marketScenarios} from "../../../src/core/research/marketScenarios.js";
import {assertInDelta} from "../../asserts.js";
import {scenarioColumn} from "./scenarioColumn.js";

const column = scenarioColumn;

it("marketScenarios(deals) sums the live deals' figures under each scenario and names the best and the worst", () => {
  const table = marketScenarios([
    {
      id: "a",
      name: "A",
      live: true,
      columns: [
        column("base", -2e9, {gwYears: 9, h100eFp8: 1e6, paybackYear: 2034}),
        column("ceiling-filled", -5e9, {gwYears: 9, h100eFp8: 1e6}),
        column("bear", -6e9, {gwYears: 14, h100eFp8: 1e6, overrides: [{id: "r", label: "Rate", unit: "fraction", value: 0.12, base: 0.1}]})
      ]
    },
    {
      id: "b",
      name: "B",
      live: true,
      columns: [
        column("base", 3e9, {gwYears: 1, paybackYear: 2030}),
        column("bear", -1e9, {gwYears: 1.5, overrides: [{id: "m", label: "Margin", unit: "fraction", value: 0.2, base: 0.3}]})
      ]
    },
    // No commitment: no NPV, but capacity.
    {id: "c", name: "C", live: true, columns: [column("base", null, {h100eFp8: 2e6}), column("bear", null, {h100eFp8: 1.5e6})]},
    // Superseded: history, in no sum.
    {id: "old", name: "Old", live: false, columns: [column("base", 50e9), column("bear", 50e9)]}
  ]);
  assert.deepStrictEqual(
    table.columns.map((c) => c.scenario),
    ["base", "ceiling-filled", "bear"]
  );
  assert.strictEqual(table.live, 3);
  assert.strictEqual(table.superseded, 1);
  const [base, filled, bear] = table.columns;
  // Base: −2 + 3 = +1 ($B); one of two priced deals above zero, both pay back; GW-years 9 + 1; H100e 1M + 2M.
  assertInDelta(base.npvUsd!, 1e9, 1);
  assert.strictEqual(base.priced, 2);
  assert.strictEqual(base.positive, 1);
  assert.strictEqual(base.paysBack, 2);
  assertInDelta(base.gwYears!, 10, 1e-12);
  assert.strictEqual(base.gwYearsDeals, 2);
  assertInDelta(base.h100eFp8!, 3e6, 1e-6);
  assert.strictEqual(base.h100eDeals, 2);
  assert.deepStrictEqual([base.best?.id, base.worst?.id], ["b", "a"]);
  // If the lab fills the ceiling: A's reading (−5) and B with its base case (+3, it has no reading of its own) = −2.
  assertInDelta(filled.npvUsd!, -2e9, 1);
  assert.strictEqual(filled.asBase, 1);
  assert.strictEqual(filled.label, "CEILING-FILLED");
  // Bear: −6 − 1 = −7, none above zero, none pays back; GW-years 14 + 1.5; H100e 1M + 1.5M; both deals' overrides once.
  assertInDelta(bear.npvUsd!, -7e9, 1);
  assert.strictEqual(bear.positive, 0);
  assert.strictEqual(bear.paysBack, 0);
  assertInDelta(bear.gwYears!, 15.5, 1e-12);
  assertInDelta(bear.h100eFp8!, 2.5e6, 1e-6);
  assert.deepStrictEqual(
    bear.overrides.map((o) => o.id),
    ["r", "m"]
  );
  assert.deepStrictEqual([bear.best?.id, bear.worst?.id], ["b", "a"]);
  assert.strictEqual(bear.asBase, 0);
});

it("marketScenarios(deals) has no NPV and no best or worst when no live deal is priced", () => {
  const table = marketScenarios([{id: "c", name: "C", live: true, columns: [column("base", null, {gwYears: null})]}]);
  assert.strictEqual(table.columns[0].npvUsd, null);
  assert.strictEqual(table.columns[0].priced, 0);
  assert.isNull(table.columns[0].best);
  assert.isNull(table.columns[0].gwYears);
  assert.deepStrictEqual(marketScenarios([]).columns, []);
});

it("marketScenarios(deals) adds up the NPVs with the value at term end, and gives none when a priced deal lacks that reading", () => {
  const table = marketScenarios([
    {
      id: "a",
      name: "A",
      live: true,
      columns: [
        column("base", -2e9, {npvWithResidualUsd: 1.5e9}),
        // Filling the ceiling has no term-end reading of its own.
        column("ceiling-filled", 4e9, {npvWithResidualUsd: null}),
        column("bull", 1e9, {npvWithResidualUsd: 4e9})
      ]
    },
    {
      id: "b",
      name: "B",
      live: true,
      columns: [column("base", -3e9, {npvWithResidualUsd: -0.5e9}), column("bull", -1e9, {npvWithResidualUsd: 2e9})]
    },
    {id: "c", name: "C", live: true, columns: [column("base", null), column("bull", null)]}
  ]);
  const [base, filled, bull] = table.columns;
  // Base: 1.5 − 0.5 = +1 ($B), one of two above zero; bull: 4 + 2 = +6, both; filled: A has no reading, so none.
  assertInDelta(base.npvWithResidualUsd!, 1e9, 1);
  assert.strictEqual(base.positiveWithResidual, 1);
  assertInDelta(bull.npvWithResidualUsd!, 6e9, 1);
  assert.strictEqual(bull.positiveWithResidual, 2);
  assert.strictEqual(filled.npvWithResidualUsd, null);
  assert.strictEqual(filled.positiveWithResidual, null);
  // The cash sums are untouched: base −5, bull 0.
  assertInDelta(base.npvUsd!, -5e9, 1);
  assertInDelta(bull.npvUsd!, 0, 1);
});

it("marketScenarios: a corner column's reading with price and capex together sums each deal's own, or its NPV where it has none", () => {
  const table = marketScenarios([
    {id: "a", name: "A", live: true, columns: [column("base", 1e9), column("bear", -9e9, {together: {capexPerGw: 29, npvUsd: -4e9}})]},
    {id: "b", name: "B", live: true, columns: [column("base", 2e9), column("bear", 3e9)]}
  ]);
  const [base, bear] = table.columns;
  assert.isNull(base.together);
  // −4 (A moved together) + 3 (B has no such reading: its own NPV) = −1 ($B); one of the two above zero.
  assertInDelta(bear.together!.npvUsd, -1e9, 1);
  assert.strictEqual(bear.together!.positive, 1);
  assert.strictEqual(bear.together!.capexPerGw, 29);
});
