import {assert, it} from "vitest";
import {chartSource, chartSourceLine, figureInputs, nameList, numberRanges} from "../../docs/components/charts/chartFrame.js";
import {readValidDataset} from "../../src/io/readDataset.js";

const dataset = await readValidDataset("data");
const sourcesById = Object.fromEntries(dataset.sources.map((s) => [s.id, s]));
const data = {...dataset, sourcesById};
const anthropic = dataset.deals.find((d) => d.id === "amazon-anthropic")!;
const publisher = (id: string) => {
  const s = sourcesById[id];
  return s.publisher ?? s.title;
};

it("nameList(names) joins with commas and 'and', and counts what it leaves out past five (two or more)", () => {
  assert.strictEqual(nameList([]), "");
  assert.strictEqual(nameList(["A"]), "A");
  assert.strictEqual(nameList(["A", "B", "C"]), "A, B and C");
  assert.strictEqual(nameList(["A", "B", "C", "D", "E", "F", "G"]), "A, B, C, D, E and 2 more");
  assert.strictEqual(nameList(["A", "B", "C", "D", "E", "F", "G"], " [9, 10]"), "A, B, C, D, E and 2 more [9, 10]");
  // One past five is named: "and 1 more" would hide a name in as much room as it takes.
  assert.strictEqual(nameList(["A", "B", "C", "D", "E", "F"], " [9]"), "A, B, C, D, E and F");
  assert.strictEqual(nameList(["A", "B"], " [9]"), "A and B");
});

it("numberRanges(numbers) sorts, drops repeats and joins three or more in a row with an en dash", () => {
  assert.strictEqual(numberRanges([]), "");
  assert.strictEqual(numberRanges([7]), "7");
  // 60, 61, 62 in a row → "60–62"; 65, 66 only two → apart; 71 alone; the repeated 60 once.
  assert.strictEqual(numberRanges([71, 60, 61, 62, 65, 66, 60]), "60–62, 65, 66, 71");
  assert.strictEqual(numberRanges([3, 1, 2, 4, 9]), "1–4, 9");
});

it("past five publishers, a source line gives the numbers of those it does not name, so each is findable in the appendix", () => {
  // s17 closing: "… Glenn K. Lockwood [60, 65, 71] and 9 more." named no number for the nine.
  // Seven publishers P1…P7; P1 has sources 1 and 3, P6 sources 20, 21, 22 and P7 source 23 (numbers 20–23 in a row).
  const ids = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
  const publisherOf: Record<string, string> = {a: "P1", b: "P2", c: "P1", d: "P3", e: "P4", f: "P5", g: "P6", h: "P6", i: "P6", j: "P7"};
  const numberOf: Record<string, number> = {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 20, h: 21, i: 22, j: 23};
  const toy = {
    deals: [],
    chips: [],
    assumptions: [],
    sourcesById: Object.fromEntries(ids.map((id) => [id, {id, title: id, publisher: publisherOf[id]}])),
    sourceNumbers: numberOf
  } as unknown as Parameters<typeof chartSourceLine>[0];
  const line = chartSourceLine(toy, {sources: ids});
  assert.strictEqual(line.text, "P1 [1, 3], P2 [2], P3 [4], P4 [5], P5 [6] and 2 more [20–23]");
  assert.deepEqual(line.ids, ids);
  // Without numbers (a page drawn before they exist) the count alone, as before.
  assert.strictEqual(chartSource({...toy, sourceNumbers: undefined}, {sources: ids}), "P1, P2, P3, P4, P5 and 2 more");
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
    assert.include(text, `${name} [${numberRanges(numbers)}]`);
  }
  console.log(text);
});
