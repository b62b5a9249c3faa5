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

it("with the site's source numbers, each publisher a chart's source line names carries its sources' numbers, as the text cites them", async () => {
  // s15/s16 closing: a chart's "Source: …" line named publishers without the [n] the text uses. One numbering: the
  // published dataset's (the appendices' and the badges').
  const {publicDataset} = await import("../../src/site/publicDataset.js");
  const published = publicDataset(dataset, "test", {render: (x) => x});
  const numbered = {...data, sourceNumbers: published.sourceNumbers};
  const ceiling = "amazon-anthropic.capacity.ceiling";
  const pue = dataset.assumptions.find((a) => a.id === "pue")!;
  const n = (id: string) => published.sourceNumbers[id];
  assert.strictEqual(
    chartSource(numbered, {inputs: [ceiling, "assumption:pue"]}),
    `compute-deals calculations from ${publisher(anthropic.capacity!.ceiling.source)} [${n(anthropic.capacity!.ceiling.source)}], with assumptions from ${publisher(pue.source)} [${n(pue.source)}]`
  );
  // A publisher standing for several sources lists each number once, in order; names past five are counted, not cited.
  const ids = anthropic.tranches.map((t) => t.amount.source);
  const text = chartSource(numbered, {sources: [...ids, ...ids]});
  for (const name of new Set(ids.map(publisher))) {
    const numbers = [...new Set(ids.filter((id) => publisher(id) === name).map(n))].sort((a, b) => a - b);
    assert.include(text, `${name} [${numbers.join(", ")}]`);
  }
  console.log(text);
});
