import {assert, it} from "vitest";
import {dealSources, sourceIdsIn} from "../../../src/core/index.js";
import type {Chip, Dataset} from "../../../src/core/model.js";
import {fact} from "../commitment/fixtures.js";
import {dataset as comparison} from "../comparison/fixtures.js";

it("sourceIdsIn(value) lists nested source ids in order of first reference, without repeats", () => {
  assert.deepStrictEqual(sourceIdsIn([{source: "a"}, {x: {source: "b", y: [{source: "c"}]}}, {source: "a"}]), ["a", "b", "c"]);
  assert.deepStrictEqual(sourceIdsIn(null), []);
  assert.deepStrictEqual(sourceIdsIn([1, "source", {source: 3}]), []);
});

const chip = (id: string, source: string): Chip => ({...comparison.chips[0], id, name: id, itKw: {...fact(1, "kw"), source}});
const dataset: Dataset = {
  ...comparison,
  chips: [chip("trainium2", "trn2-source"), chip("trainium3", "trn3-source"), chip("h100", "h100-source"), chip("tpu", "tpu-source")],
  assumptions: comparison.assumptions.map((a, i) => ({...a, source: i === 0 ? "pue-source" : "test-source"}))
};

it("dealSources(dataset, dealId) lists the deal's sources, then its chips', then the assumptions'", () => {
  // The fixture's deal facts all cite test-source; it names trainium2 and trainium3 (capacity: trainium2).
  assert.deepStrictEqual(dealSources(dataset, "amazon-anthropic"), ["test-source", "trn2-source", "trn3-source", "pue-source"]);
});

it("dealSources(dataset, dealId, {extraChips}) adds the chips the figures use, skipping unknown ones", () => {
  assert.deepStrictEqual(dealSources(dataset, "amazon-anthropic", {extraChips: ["h100", "nope"]}), [
    "test-source",
    "trn2-source",
    "trn3-source",
    "h100-source",
    "pue-source"
  ]);
});

it("dealSources(dataset, dealId) adds the yardsticks' sources for a deal with capacity, not for one without", () => {
  const yardstick = {
    id: "us",
    label: "US",
    value: 183,
    unit: "twh-per-year" as const,
    year: 2024,
    status: "confirmed" as const,
    source: "iea",
    asOf: "2025-04-01"
  };
  const withYardsticks = {...dataset, yardsticks: [yardstick]};
  assert.deepStrictEqual(dealSources(withYardsticks, "amazon-anthropic").at(-1), "iea");
  const noCapacity = {...withYardsticks, deals: withYardsticks.deals.map((d) => ({...d, capacity: undefined}))};
  assert.notInclude(dealSources(noCapacity, "amazon-anthropic"), "iea");
});

it("dealSources(dataset, dealId) rejects an unknown deal", () => {
  assert.throws(() => dealSources(dataset, "nope"), /invalid deal: nope/);
});
