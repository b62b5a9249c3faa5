import {assert, beforeAll, it} from "vitest";
import {prepareDealCapacity} from "../../../src/core/capacity/prepareDealCapacity.js";
import type {AssumptionValues, Dataset} from "../../../src/core/index.js";
import {chipAssumptions, prepareDealProjector, scenarioValues, shareAssumptions} from "../../../src/core/index.js";
import {UNCERTAIN_FIGURES} from "../../../src/core/project/projectDeal.js";
import {rngFor} from "../../../src/core/random/rngFor.js";
import {readValidDataset} from "../../../src/io/readDataset.js";

let dataset: Dataset;
beforeAll(async () => {
  dataset = await readValidDataset("data");
});

/** Every assumption and chip input at its base, then at all lows, all highs and 20 seeded mixes of the three. */
function valueSets(deal: Dataset["deals"][number]): AssumptionValues[] {
  const base = scenarioValues(dataset.assumptions, dataset.scenarios.find((s) => s.id === "base")!).values;
  const ranges = [
    ...dataset.assumptions,
    ...(deal.capacity ? [...shareAssumptions(deal), ...chipAssumptions(dataset.chips, deal.capacity.chips)] : [])
  ];
  const at = (pick: (a: (typeof ranges)[number]) => number) =>
    ({...base, ...Object.fromEntries(ranges.map((a) => [a.id, pick(a)]))}) as AssumptionValues;
  const rng = rngFor("draw-test", deal.id);
  const mixes = Array.from({length: 20}, () => at((a) => a.low + (a.high - a.low) * rng()));
  return [at((a) => a.base), at((a) => a.low), at((a) => a.high), ...mixes];
}

// The Monte Carlo and the tornado call draw(); the pages show evaluate(). If the lean path drifted from the full one
// (a formula changed in one place only), a band would no longer describe its headline: this fails on any difference.
it("projector.draw(values) returns exactly figures(evaluate(values)) for every deal, profile and ramp", () => {
  // The branches the new figures take, counted so the value sets are known to reach them: a slip drawn on a
  // delivery schedule (the GW-years priced on schedule), the lab filling more than its commitment, the relationship's
  // flows apart from the new money's, and the capacity's value at term end.
  const reached = {slipOnSchedule: 0, filledAbove: 0, relationshipApart: 0, withResidual: 0};
  for (const deal of dataset.deals) {
    for (const profile of ["capacity", "flat", "ramp"] as const) {
      if (profile === "capacity" && !deal.capacity?.schedule.length) continue;
      const projector = prepareDealProjector(dataset, deal, {profile});
      for (const values of valueSets(deal)) {
        for (const ramp of ["s-curve", "linear"] as const) {
          const full = projector.figures(projector.evaluate(values, {detail: false, ramp}));
          const drawn = projector.draw(values, ramp);
          assert.deepStrictEqual(Object.keys(drawn), [...UNCERTAIN_FIGURES], `${deal.id} ${profile} ${ramp}`);
          assert.deepStrictEqual(drawn, full, `${deal.id} ${profile} ${ramp}`);
          const npv = drawn["recycling.npvUsd"];
          if (profile === "capacity" && values["slip-months"] > 0) reached.slipOnSchedule++;
          if (npv !== null && drawn["recycling.filledNpvUsd"] !== npv) reached.filledAbove++;
          if (npv !== null && drawn["recycling.relationshipNpvUsd"] !== npv) reached.relationshipApart++;
          if (npv !== null && drawn["recycling.npvWithResidualUsd"] !== npv) reached.withResidual++;
        }
      }
    }
  }
  for (const [branch, count] of Object.entries(reached)) assert.isAbove(count, 0, branch);
});

it("the capacity projector's gwAverageByYear(values) is the year, gw and gwAverage of each byYear row, and on schedule those at no slip; headlines(values) its figures' values", () => {
  for (const deal of dataset.deals.filter((d) => d.capacity)) {
    const project = prepareDealCapacity(deal, dataset.chips, dataset.assumptions, {throughYear: 2040})!;
    for (const values of valueSets(deal).slice(0, 5)) {
      const scenario = {scenario: "base", ramp: "s-curve" as const, values};
      const rowsOf = (s: typeof scenario) => project(s).byYear.map(({year, gw, gwAverage}) => ({year, gw, gwAverage}));
      const rows = rowsOf(scenario);
      assert.isAbove(rows.length, 0, deal.id);
      assert.deepStrictEqual(project.gwAverageByYear(scenario), rows, deal.id);
      const full = project(scenario, {byYear: false});
      const value = (f: {value: number} | null) => f?.value ?? null;
      assert.deepStrictEqual(
        project.headlines(scenario, {years: true}),
        {
          accelerators: value(full.accelerators),
          servers: value(full.servers),
          energyTwhPerYear: full.energyTwhPerYear.value,
          flopsBf16: value(full.flopsBf16),
          flopsFp8: value(full.flopsFp8),
          h100e: value(full.h100e),
          h100eFp8: value(full.h100eFp8),
          years: rows
        },
        `${deal.id} headlines`
      );
      assert.strictEqual(project.headlines(scenario).years, null, deal.id);
      const onSchedule = rowsOf({...scenario, values: {...values, "slip-months": 0}});
      assert.deepStrictEqual(project.gwAverageByYear(scenario, {onSchedule: true}), onSchedule, `${deal.id} on schedule`);
    }
  }
});

it("recycling.spendEndYear: Microsoft → OpenAI's base case spends to 2033, and its draws' late capacity carries the spend to 2034 in the median draw (critic s15 #1)", async () => {
  const {projectDeal} = await import("../../../src/core/project/projectDeal.js");
  const p = projectDeal(dataset, "microsoft-openai", {draws: 2000, tornadoFigures: []});
  const spent = p.recycling.flows.filter((f) => f.spend > 0);
  assert.strictEqual(spent.at(-1)?.year, 2033);
  const s = p.uncertainty!.figures["recycling.spendEndYear"];
  assert.strictEqual(s.p10, 2033);
  assert.strictEqual(s.p50, 2034);
  // The median draw's payback year lies within the median draw's spend.
  assert.isAtMost(p.recycling.paybackYear!, s.p50);
});
