import {assert, it} from "vitest";
import {chartSource, figureInputs, nameList} from "../../docs/components/charts/chartFrame.js";
import {readValidDataset} from "../../src/io/readDataset.js";

const dataset = await readValidDataset("data");
const sourcesById = Object.fromEntries(dataset.sources.map((s) => [s.id, s]));
const data = {...dataset, sourcesById};
const anthropic = dataset.deals.find((d) => d.id === "amazon-anthropic")!;
const publisher = (id: string) => {
  const s = sourcesById[id];
  return s.publisher ?? s.title;
};

it("nameList(names) joins with commas and 'and', and counts what it leaves out past five", () => {
  assert.strictEqual(nameList([]), "");
  assert.strictEqual(nameList(["A"]), "A");
  assert.strictEqual(nameList(["A", "B", "C"]), "A, B and C");
  assert.strictEqual(nameList(["A", "B", "C", "D", "E", "F", "G"]), "A, B, C, D, E and 2 more");
});

it("chartSource(data, {sources}) names the publishers of stated facts, once each", () => {
  const ids = anthropic.tranches.map((t) => t.amount.source);
  const names = [...new Set(ids.map(publisher))].filter((n) => n !== "compute-deals");
  assert.strictEqual(chartSource(data, {sources: [...ids, ...ids]}), nameList(names));
});

it("chartSource(data, {inputs}) says a derived chart is our calculation from the facts' publishers, with the assumptions' apart", () => {
  const ceiling = "amazon-anthropic.capacity.ceiling";
  const text = chartSource(data, {inputs: [ceiling, "assumption:pue", "no-such.input"]});
  const pue = dataset.assumptions.find((a) => a.id === "pue")!;
  assert.strictEqual(
    text,
    `compute-deals calculations from ${publisher(anthropic.capacity!.ceiling.source)}, with assumptions from ${publisher(pue.source)}`
  );
  assert.strictEqual(chartSource(data, {inputs: ["no-such.input"]}), "compute-deals calculations");
});

it("figureInputs(values) collects the lineage inputs of figures and of their fields, once each", () => {
  const a = {lineage: {inputs: ["x", "y"]}};
  assert.deepStrictEqual(figureInputs([a, {gw: {lineage: {inputs: ["y", "z"]}}, name: "n"}, null]), ["x", "y", "z"]);
});
