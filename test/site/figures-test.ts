import {assert, beforeAll, it} from "vitest";
import type {Dataset} from "../../src/core/model.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import {type FigureSource, figureTable} from "../../src/site/figures.js";
import {formatFigure} from "../../src/site/placeholders.js";

let dataset: Dataset;
beforeAll(async () => {
  dataset = await readValidDataset("data");
});

const text = (table: ReturnType<typeof figureTable>, name: string) => formatFigure(table.get(name)!);

it("figureTable({dataset, version}) gives the founding deal's headline figures as the article states them", () => {
  const table = figureTable({dataset, version: "abc"});
  // Fresh $5B, firm total $13B (stated), over $100B over 10 years, up to 5 GW, up to $20B on milestones.
  assert.strictEqual(text(table, "amazon-anthropic.terms.latest"), "$5B");
  assert.strictEqual(text(table, "amazon-anthropic.terms.firm"), "$13B");
  assert.strictEqual(text(table, "amazon-anthropic.commitment.total"), "over $100B");
  assert.strictEqual(text(table, "amazon-anthropic.commitment.years"), "10 years");
  assert.strictEqual(text(table, "amazon-anthropic.capacity.ceiling"), "up to 5 GW");
  assert.strictEqual(text(table, "amazon-anthropic.terms.contingent"), "up to $20B");
  assert.strictEqual(text(table, "amazon-anthropic.capacity.first-by"), "31 Dec 2026");
  assert.strictEqual(text(table, "data.version"), "abc");
  assert.strictEqual(text(table, "data.deals"), String(dataset.deals.length));
});

it("figureTable({dataset, version}) gives every deal every name, missing ones as not disclosed", () => {
  const table = figureTable({dataset, version: "abc"});
  const suffixes = [...table.keys()].filter((k) => k.startsWith("amazon-anthropic.")).map((k) => k.slice("amazon-anthropic.".length));
  for (const deal of dataset.deals) for (const suffix of suffixes) assert.isTrue(table.has(`${deal.id}.${suffix}`), `${deal.id}.${suffix}`);
  // Broadcom → OpenAI states no money at all.
  assert.strictEqual(text(table, "broadcom-openai.terms.firm"), "not disclosed");
  assert.strictEqual(text(table, "broadcom-openai.commitment.total"), "not disclosed");
});

it("figureTable(input, sources) joins contributors and refuses a name defined twice", () => {
  const one: FigureSource = () => [["x.a", {kind: "text", text: "1"}]];
  const two: FigureSource = () => [["x.b", {kind: "text", text: "2"}]];
  assert.deepStrictEqual([...figureTable({dataset, version: "v"}, [one, two]).keys()], ["x.a", "x.b"]);
  assert.throws(() => figureTable({dataset, version: "v"}, [one, one]), /invalid figure name: x\.a \(defined twice\)/);
  assert.strictEqual(figureTable({dataset, version: "v"}, []).size, 0);
});
