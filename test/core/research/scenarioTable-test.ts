import {assert, beforeAll, it} from "vitest";
import {
  bandPosition,
  computeAgainstTiming,
  oppositeTailProbability,
  priceCapacity,
  priceCapexCorner,
  projectDeal,
  scenarioTable
} from "../../../src/core/index.js";
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
    // The NPV with the capacity's value at term end is the projection's, beside the cash NPV.
    assert.strictEqual(column.npvWithResidualUsd, p.recycling.npvWithResidualUsd!.value, column.scenario);
  }
  // Filling the ceiling (more revenue than the commitment here) has no term-end reading of its own.
  assert.strictEqual(table.find((c) => c.scenario === "ceiling-filled")!.npvWithResidualUsd, null);
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

it("bull economics mirrors bear economics lever for lever: each sets the same assumptions, at the other end of its range", () => {
  const scenarios = new Map(dataset.scenarios.map((s) => [s.id, s]));
  const bear = scenarios.get("bear")!;
  const bull = scenarios.get("bull")!;
  const byId = new Map(dataset.assumptions.map((a) => [a.id, a]));
  for (const [id, value] of Object.entries(bear.overrides)) {
    const a = byId.get(id)!;
    // Slip has no early side (its low end is its base): the bull delivers on schedule, on the front-loaded ramp.
    if (id === "slip-months") {
      assert.strictEqual(a.low, a.base);
      assert.notProperty(bull.overrides, id);
      continue;
    }
    // Bear at one end, bull at the other (the low end of revenue is bearish, the low end of capex bullish).
    assert.include([a.low, a.high], value, id);
    assert.strictEqual(bull.overrides[id], value === a.low ? a.high : a.low, id);
  }
  // A lever whose favourable end is its base is set by the bear only (slip), one whose unfavourable end is its base by
  // the bull only (cloud credits: none is the base and the low end).
  for (const [id, value] of Object.entries(bull.overrides)) {
    if (bear.overrides[id] !== undefined) continue;
    const a = byId.get(id)!;
    assert.strictEqual(id, "credit-share");
    assert.strictEqual(a.low, a.base);
    assert.strictEqual(value, a.high);
  }
  assert.deepStrictEqual(
    Object.keys(bull.overrides)
      .filter((id) => id !== "credit-share")
      .sort(),
    Object.keys(bear.overrides)
      .filter((id) => id !== "slip-months")
      .sort()
  );
  assert.strictEqual(bull.ramp, "front-loaded");
  // For every deal with a cash NPV, the bull is the most favourable column and the bear the least.
  for (const deal of dataset.deals) {
    const table = scenarioTable(dataset, deal.id).filter((c) => c.npvUsd !== null && c.scenario !== "ceiling-filled");
    if (!table.length) continue;
    const npv = (id: string) => table.find((c) => c.scenario === id)!.npvUsd!;
    assert.strictEqual(Math.max(...table.map((c) => c.npvUsd!)), npv("bull"), deal.id);
    assert.strictEqual(Math.min(...table.map((c) => c.npvUsd!)), npv("bear"), deal.id);
  }
});

it("bull and bear take every assumption that moves a priced deal's cash NPV, each to the end that moves it their way", () => {
  const bear = dataset.scenarios.find((s) => s.id === "bear")!;
  const bull = dataset.scenarios.find((s) => s.id === "bull")!;
  // One scenario per drawn assumption and end, every other assumption at base (the base case's ramp).
  const oneAt: Dataset["scenarios"] = [{id: "base", label: "Base", description: "", ramp: "s-curve", overrides: {}}];
  const ranged = dataset.assumptions.filter((a) => a.low < a.high);
  for (const a of ranged) {
    for (const end of ["low", "high"] as const)
      oneAt.push({id: `${a.id}@${end}`, label: a.id, description: "", ramp: "s-curve", overrides: {[a.id]: a[end]}});
    for (const s of [bear, bull])
      if (s.overrides[a.id] !== undefined)
        oneAt.push({id: `${a.id}@${s.id}`, label: a.id, description: "", ramp: "s-curve", overrides: {[a.id]: s.overrides[a.id]}});
  }
  const probe = {...dataset, scenarios: oneAt};
  const moves = new Map<string, {up: boolean; down: boolean; bull: boolean; bear: boolean}>();
  let priced = 0;
  for (const deal of dataset.deals) {
    const table = scenarioTable(probe, deal.id);
    const base = table[0].npvUsd;
    if (base === null) continue;
    priced++;
    const npv = (id: string) => table.find((c) => c.scenario === id)!.npvUsd!;
    for (const a of ranged) {
      const low = npv(`${a.id}@low`) - base;
      const high = npv(`${a.id}@high`) - base;
      const tol = 1e-6 * Math.abs(base);
      const inBull = bull.overrides[a.id];
      const inBear = bear.overrides[a.id];
      // An end a scenario leaves out moves no cash NPV (the PUE, the facility life, the next generation's price), or it
      // raises some deals' NPVs and lowers others' (the discount rate; slip's 18 months raise Google → Anthropic's), so
      // it is not favourable (unfavourable) to every deal: recorded here, checked over all deals below.
      for (const [end, d] of [
        ["low", low],
        ["high", high]
      ] as const) {
        const key = `${a.id}@${end}`;
        const m = moves.get(key) ?? {up: false, down: false, bull: inBull === undefined, bear: inBear === undefined};
        m.up ||= d > tol;
        m.down ||= d < -tol;
        moves.set(key, m);
      }
      // The bull's end never lowers the NPV, the bear's never raises it; except the bull's credits where the provider
      // loses money on service at its base margin: a dollar of credit then costs it 1 − share × margin > 1, more than a
      // dollar of cash, so more credits must lower that deal's NPV (CoreWeave over 2025, −0.9%; s9 CLOSING's question).
      const lossMaking = (dataset.assumptions.find((x) => x.id === `margin-${deal.provider}`)?.base ?? 0) < 0;
      if (inBull !== undefined && a.id === "credit-share" && lossMaking)
        assert(npv(`${a.id}@bull`) - base <= tol, `${deal.id}: bull's credits raise a loss-making provider's NPV`);
      else if (inBull !== undefined) assert(npv(`${a.id}@bull`) - base >= -tol, `${deal.id}: bull's ${a.id} lowers the NPV`);
      if (inBear !== undefined) assert(npv(`${a.id}@bear`) - base <= tol, `${deal.id}: bear's ${a.id} raises the NPV`);
    }
  }
  assert.strictEqual(priced, 7);
  for (const [key, m] of moves) {
    if (m.bull) assert(!m.up || m.down, `bull economics leaves out ${key}, which raises every NPV it moves`);
    if (m.bear) assert(!m.down || m.up, `bear economics leaves out ${key}, which lowers every NPV it moves`);
  }
  // Slip lowers NPVs at its high end (the bull leaves it at base: a slip has no early side). The discount rate, left out
  // until s8 for moving deals both ways, now lowers every priced deal's NPV at its high end, so both scenarios take it.
  assert(moves.get("slip-months@high")!.down);
  assert(!moves.get("discount-rate@high")!.up && moves.get("discount-rate@high")!.down);
});

it("oppositeTailProbability(rho, tail): the chance two correlated draws land in opposite tails, hand-checked", () => {
  // Independent: tail². Orthant (tail ½): P(Z₁ < 0, Z₂ > 0) = ¼ − arcsin(ρ) ÷ 2π: ρ = ½ → ¼ − 1/12 = 1/6; ρ = −½ → 1/3.
  assertInDelta(oppositeTailProbability(0, 0.1), 0.01, 1e-8);
  assertInDelta(oppositeTailProbability(0.5, 0.5), 1 / 6, 1e-7);
  assertInDelta(oppositeTailProbability(-0.5, 0.5), 1 / 3, 1e-7);
  assert.strictEqual(oppositeTailProbability(1, 0.1), 0);
  assertInDelta(oppositeTailProbability(-1, 0.1), 0.1, 1e-12);
  // A positive correlation makes the opposite corner rarer than independence; ρ = 0.7 (the data's price–capex) ≈ 0.004%.
  const p = oppositeTailProbability(0.7, 0.1);
  assert(p > 0 && p < 0.01 / 100);
  assert(p < oppositeTailProbability(0.5, 0.1) && oppositeTailProbability(0.5, 0.1) < 0.01);
});

it("priceCapexCorner(assumptions, columns): bull and bear pair price and capex against the data's correlation", () => {
  const table = scenarioTable(dataset, "microsoft-openai");
  const corner = priceCapexCorner(dataset.assumptions, table)!;
  const price = dataset.assumptions.find((a) => a.id === "revenue-per-gw-year")!;
  assert.strictEqual(corner.rho, price.correlation!.rho);
  assert.deepStrictEqual(corner.labels, ["Bear economics", "Bull economics"]);
  assertInDelta(corner.independent, 0.01, 1e-12);
  assertInDelta(corner.probability, oppositeTailProbability(corner.rho, 0.1), 1e-15);
  // Price and capex moved together (or only one of them): no corner.
  const together = table.map((c) => ({
    ...c,
    overrides: c.overrides.map((o) => (o.id === "capex-per-gw" ? {...o, value: o.base + (o.base - o.value)} : o))
  }));
  assert.strictEqual(priceCapexCorner(dataset.assumptions, together), null);
  assert.strictEqual(
    priceCapexCorner(
      dataset.assumptions,
      table.filter((c) => c.scenario !== "bear" && c.scenario !== "bull")
    ),
    null
  );
});

it("priceCapacity(columns): a price per GW-year moves the GW-years the same dollars buy (1 ÷ price), hand-checked for Microsoft → OpenAI", () => {
  const table = scenarioTable(dataset, "microsoft-openai");
  const moves = priceCapacity(table);
  const bear = moves.find((m) => m.column.scenario === "bear")!;
  const bull = moves.find((m) => m.column.scenario === "bull")!;
  // $250B ÷ $11B = 22.73 GW-years at base; ÷ $7B = 35.71 (+57.1%); ÷ $15B = 16.67 (−26.7%).
  assertInDelta(bear.baseGwYears, 250 / 11, 1e-9);
  assertInDelta(bear.gwYears, 250 / 7, 1e-9);
  assertInDelta(bear.change, 11 / 7 - 1, 1e-9);
  assertInDelta(bull.change, 11 / 15 - 1, 1e-9);
  assert.strictEqual(bear.price, 7);
  assert.strictEqual(bear.capexPerGw, dataset.scenarios.find((s) => s.id === "bear")!.overrides["capex-per-gw"]);
  // Slip and fast build-out set no price: not listed.
  assert.deepStrictEqual(
    moves.map((m) => m.column.scenario),
    ["bear", "bull"]
  );
});

it("computeAgainstTiming(columns): later delivery counting more H100-equivalents, earlier fewer, and nothing when compute follows timing", () => {
  const col = (
    scenario: string,
    ramp: "s-curve" | "linear" | "front-loaded",
    h100eFp8: number,
    overrides: [string, number, number][] = []
  ) => ({
    scenario,
    label: scenario,
    ramp,
    gwYears: null,
    paidGwYears: null,
    paidGwYearsPriceAlone: null,
    h100eFp8,
    overrides: overrides.map(([id, value, base]) => ({id, label: id, unit: "months", value, base}))
  });
  const base = col("base", "s-curve", 100);
  const slip = col("slip", "s-curve", 110, [["slip-months", 12, 0]]);
  const fast = col("fast", "front-loaded", 90, [["pue", 1.08, 1.15]]);
  const fastUp = col("fast-up", "front-loaded", 105, [["pue", 1.08, 1.15]]);
  const slipDown = col("slip-down", "s-curve", 95, [["slip-months", 12, 0]]);
  const slipLowPue = col("slip-low-pue", "s-curve", 120, [
    ["slip-months", 12, 0],
    ["pue", 1.08, 1.15]
  ]);
  const shifts = computeAgainstTiming([base, slip, fast, fastUp, slipDown, slipLowPue]);
  // Slip: later, more (timing); fast: earlier, fewer despite a lower PUE (timing). fast-up and slip-down follow timing;
  // slip-low-pue counts more but a lower PUE alone would do that: not said.
  assert.deepStrictEqual(
    shifts.map((s) => [s.column.scenario, s.timing]),
    [
      ["slip", "later"],
      ["fast", "earlier"]
    ]
  );
  assertInDelta(shifts[0].h100eFp8 - shifts[0].baseH100eFp8, 10, 0);
  assert.deepStrictEqual(computeAgainstTiming([base, fastUp, slipDown]), []);
  assert.deepStrictEqual(computeAgainstTiming([slip, fast]), []);
  // The founding deal: slip delivers later and counts more, fast build-out and bull earlier and fewer (critic s6 #14); bear
  // has no slip since a slip can raise a built-out deal's cash NPV (s10), and its linear ramp alone is not said.
  const founding = scenarioTable(dataset, "amazon-anthropic");
  const h = (id: string) => founding.find((c) => c.scenario === id)!.h100eFp8!;
  assert.isAbove(h("slip"), h("base"));
  assert.isBelow(h("fast"), h("base"));
  assert.deepStrictEqual(
    computeAgainstTiming(founding).map((s) => s.column.scenario),
    founding.filter((c) => ["slip", "fast", "bull"].includes(c.scenario)).map((c) => c.scenario)
  );
});

it("bandPosition(value, band) places a value below the P10, on either side of the median, or above the P90", () => {
  const band = {p10: -10, p50: 0, p90: 10};
  assert.strictEqual(bandPosition(-11, band), "below-p10");
  assert.strictEqual(bandPosition(-10, band), "p10-median");
  assert.strictEqual(bandPosition(0, band), "median-p90");
  assert.strictEqual(bandPosition(10, band), "median-p90");
  assert.strictEqual(bandPosition(10.5, band), "above-p90");
  assert.isNull(bandPosition(null, band));
  assert.isNull(bandPosition(1, {p10: Number.NaN, p50: 0, p90: 1}));
});
