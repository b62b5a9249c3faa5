import {assert, beforeAll, it} from "vitest";
import {projectDeal, scenarioTable} from "../../../src/core/index.js";
import type {Dataset} from "../../../src/core/model.js";
import {readValidDataset} from "../../../src/io/readDataset.js";
import {assertInDelta} from "../../asserts.js";

let dataset: Dataset;
beforeAll(async () => {
  dataset = await readValidDataset("data");
});

it("scenarioTable(dataset, id) has one column per scenario, each the projection at that scenario's values with no draw", () => {
  const table = scenarioTable(dataset, "amazon-anthropic");
  // Right after the base case, the base case if the lab filled the ceiling (the deal has a commitment).
  const ids = dataset.scenarios.map((s) => s.id);
  assert.deepStrictEqual(
    table.map((c) => c.scenario),
    [ids[0], "ceiling-filled", ...ids.slice(1)]
  );
  for (const column of table.filter((c) => c.scenario !== "ceiling-filled")) {
    const p = projectDeal(dataset, "amazon-anthropic", {scenario: column.scenario, draws: 0, tornadoFigures: []});
    assert.strictEqual(column.npvUsd, p.recycling.npvUsd!.value, column.scenario);
    assert.strictEqual(column.gwYears, p.commitment!.gwYears.contract.value, column.scenario);
  }
  // At base values: GW-years = over $100B ÷ $11B per GW-year (the revenue per GW-year's base) ≈ 9.09.
  assertInDelta(table.find((c) => c.scenario === "base")!.gwYears!, 100 / 11, 1e-9);
});

it("scenarioTable(dataset, id) states only the assumptions a scenario moves that can move the deal", () => {
  const bear = scenarioTable(dataset, "amazon-anthropic").find((c) => c.scenario === "bear")!;
  const ids = bear.overrides.map((o) => o.id);
  // AWS's margin is this deal's; Azure's is not.
  assert.include(ids, "margin-aws");
  assert.notInclude(ids, "margin-azure");
  assert.deepInclude(
    bear.overrides.find((o) => o.id === "revenue-per-gw-year"),
    {value: 7}
  );
  assert.deepStrictEqual(scenarioTable(dataset, "amazon-anthropic").find((c) => c.scenario === "base")!.overrides, []);
  // Cheaper revenue per GW-year and dearer capital: the bear case is worth less to the provider than the base.
  const base = scenarioTable(dataset, "amazon-anthropic").find((c) => c.scenario === "base")!;
  assert.isBelow(bear.npvUsd!, base.npvUsd!);
});

it("scenarioTable(dataset, id) leaves out the contingent tranches' probability for a deal with none", () => {
  const oracle = dataset.deals.find((d) => d.id === "oracle-openai")!;
  assert.isFalse(oracle.tranches.some((t) => !t.firm));
  const bear = scenarioTable(dataset, "oracle-openai").find((c) => c.scenario === "bear")!;
  assert.notInclude(
    bear.overrides.map((o) => o.id),
    "contingent-probability"
  );
  const founding = scenarioTable(dataset, "amazon-anthropic").find((c) => c.scenario === "bear")!;
  assert.include(
    founding.overrides.map((o) => o.id),
    "contingent-probability"
  );
});

it("scenarioTable(dataset, id) reads the base case as if the lab filled the ceiling beside it, and adds no such column without a commitment", () => {
  const table = scenarioTable(dataset, "amazon-anthropic");
  const stated = table.find((c) => c.scenario === "ceiling-filled")!;
  const p = projectDeal(dataset, "amazon-anthropic", {draws: 0, tornadoFigures: []});
  assert.strictEqual(stated.npvUsd, p.recycling.ceilingFilled!.npvUsd.value);
  assert.strictEqual(stated.paybackYear, p.recycling.ceilingFilled!.paybackYear);
  assert.deepStrictEqual(stated.overrides, []);
  // The founding deal's delivered capacity at the contract price (about $470B) exceeds its over-$100B commitment, so the readings differ.
  assert.notStrictEqual(stated.npvUsd, table.find((c) => c.scenario === "base")!.npvUsd);
  // Oracle's deal has no delivery schedule: the same figures.
  const oracle = scenarioTable(dataset, "oracle-openai");
  assert.strictEqual(oracle.find((c) => c.scenario === "ceiling-filled")!.npvUsd, oracle.find((c) => c.scenario === "base")!.npvUsd);
  assert(!scenarioTable(dataset, "amd-openai").some((c) => c.scenario === "ceiling-filled"));
});
