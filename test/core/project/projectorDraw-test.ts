import {assert, beforeAll, it} from "vitest";
import {prepareDealCapacity} from "../../../src/core/capacity/prepareDealCapacity.js";
import type {AssumptionValues, Dataset} from "../../../src/core/index.js";
import {chipAssumptions, prepareDealProjector, scenarioValues, shareAssumptions} from "../../../src/core/index.js";
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
  for (const deal of dataset.deals) {
    for (const profile of ["capacity", "flat", "ramp"] as const) {
      if (profile === "capacity" && !deal.capacity?.schedule.length) continue;
      const projector = prepareDealProjector(dataset, deal, {profile});
      for (const values of valueSets(deal)) {
        for (const ramp of ["s-curve", "linear"] as const) {
          const full = projector.figures(projector.evaluate(values, {detail: false, ramp}));
          assert.deepStrictEqual(projector.draw(values, ramp), full, `${deal.id} ${profile} ${ramp}`);
        }
      }
    }
  }
});

it("the capacity projector's gwAverageByYear(values) is the year and gwAverage of each byYear row", () => {
  for (const deal of dataset.deals.filter((d) => d.capacity)) {
    const project = prepareDealCapacity(deal, dataset.chips, dataset.assumptions, {throughYear: 2040})!;
    for (const values of valueSets(deal).slice(0, 5)) {
      const scenario = {scenario: "base", ramp: "s-curve" as const, values};
      const rows = project(scenario).byYear.map(({year, gwAverage}) => ({year, gwAverage}));
      assert.isAbove(rows.length, 0, deal.id);
      assert.deepStrictEqual(project.gwAverageByYear(scenario), rows, deal.id);
    }
  }
});
