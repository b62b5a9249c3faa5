// Issue #18: the capacity bands' draws read three fields of each year (bands.ts). bandFigures computes only those; if
// it drifted from project's year rows (a formula changed in one place only), a band would no longer describe its
// curve: this fails on any difference, for every deal with capacity, ramp and a spread of assumption values.
import {assert, beforeAll, it} from "vitest";
import {prepareDealCapacity} from "../../../src/core/capacity/prepareDealCapacity.js";
import type {AssumptionValues, Dataset} from "../../../src/core/index.js";
import {chipAssumptions, scenarioValues, shareAssumptions} from "../../../src/core/index.js";
import {rngFor} from "../../../src/core/random/rngFor.js";
import {readValidDataset} from "../../../src/io/readDataset.js";

let dataset: Dataset;
beforeAll(async () => {
  dataset = await readValidDataset("data");
});

it("bandFigures(values) holds exactly project(values).byYear's gw, energyTwh and h100e, year by year, in that order", () => {
  let deals = 0;
  let withChips = 0;
  for (const deal of dataset.deals) {
    if (!deal.capacity) continue;
    ++deals;
    if (deal.capacity.chips.length) ++withChips;
    const project = prepareDealCapacity(deal, dataset.chips, dataset.assumptions, {throughYear: 2040})!;
    const base = scenarioValues(dataset.assumptions, dataset.scenarios.find((s) => s.id === "base")!).values;
    const ranges = [...dataset.assumptions, ...shareAssumptions(deal), ...chipAssumptions(dataset.chips, deal.capacity.chips)];
    const at = (pick: (a: (typeof ranges)[number]) => number) =>
      ({...base, ...Object.fromEntries(ranges.map((a) => [a.id, pick(a)]))}) as AssumptionValues;
    const rng = rngFor("band-figures-test", deal.id);
    const sets = [
      at((a) => a.base),
      at((a) => a.low),
      at((a) => a.high),
      ...Array.from({length: 10}, () => at((a) => a.low + (a.high - a.low) * rng()))
    ];
    for (const values of sets)
      for (const ramp of ["s-curve", "linear"] as const) {
        const full = project({scenario: "base", ramp, values});
        const expected: Record<string, number | null> = {};
        for (const y of full.byYear) {
          expected[`gw.${y.year}`] = y.gw;
          expected[`energyTwh.${y.year}`] = y.energyTwh;
          expected[`h100e.${y.year}`] = y.h100e;
        }
        const lean = project.bandFigures({scenario: "base", ramp, values});
        assert.deepStrictEqual(Object.keys(lean), Object.keys(expected), deal.id);
        assert.deepStrictEqual(lean, expected, `${deal.id} ${ramp}`);
      }
  }
  // The real data reaches both branches: deals with a chip mix (H100-equivalents) and, when any, without.
  assert.isAbove(deals, 3);
  assert.isAbove(withChips, 0);
});
