import {assert, beforeAll, it} from "vitest";
import type {Dataset} from "../../src/core/model.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import {type FigureSource, figureTable, yearsWords} from "../../src/site/figures.js";
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
  // The article's "up to $25B" is the fresh $5B plus up to $20B on milestones, announced together; $8B came before.
  assert.strictEqual(text(table, "amazon-anthropic.terms.latest-round"), "up to $25B");
  assert.strictEqual(text(table, "amazon-anthropic.terms.earlier"), "$8B");
  assert.strictEqual(text(table, "amazon-openai.terms.earlier"), "none");
  // A tranche summing 2023–24 (dated at its end, from its first day) is money invested since 2023, not 2024 (s14 critic).
  assert.strictEqual(text(table, "google-anthropic.terms.earlier-since"), "2023");
  assert.strictEqual(text(table, "amazon-anthropic.terms.earlier-since"), "2023");
  // How many contracts a commitment adds up, for a summary that names them ("OpenAI signed 3 CoreWeave contracts").
  for (const deal of dataset.deals)
    assert.strictEqual(text(table, `${deal.id}.commitment.count`), String(deal.commitments.length), deal.id);
  // Oracle, Broadcom, AMD and CoreWeave invest nothing in the lab (AMD's and CoreWeave's stock is a rebate), and
  // Nvidia → OpenAI is superseded (history: its stake is equity, but no spend comes back through it): 10 − 5.
  assert.strictEqual(text(table, "data.deals-invested"), String(dataset.deals.length - 5));
  assert.strictEqual(text(table, "data.version"), "abc");
  assert.strictEqual(text(table, "data.deals"), String(dataset.deals.length));
});

it("figureTable({dataset, version}) gives every deal every name, missing ones as not disclosed, an absent investment leg as none", () => {
  const table = figureTable({dataset, version: "abc"});
  const suffixes = [...table.keys()].filter((k) => k.startsWith("amazon-anthropic.")).map((k) => k.slice("amazon-anthropic.".length));
  for (const deal of dataset.deals) for (const suffix of suffixes) assert.isTrue(table.has(`${deal.id}.${suffix}`), `${deal.id}.${suffix}`);
  // Broadcom → OpenAI has no investment leg (none) and states no dollar commitment (not disclosed). Oracle and
  // AMD (whose warrant is the provider's own stock to the lab, a rebate) invest nothing in the lab either.
  assert.strictEqual(text(table, "broadcom-openai.terms.firm"), "none");
  assert.strictEqual(text(table, "broadcom-openai.commitment.total"), "not disclosed");
  for (const id of ["oracle-openai", "amd-openai", "coreweave-openai"])
    for (const key of ["terms.firm", "terms.contingent", "terms.max"])
      assert.strictEqual(text(table, `${id}.${key}`), "none", `${id}.${key}`);
  assert.strictEqual(text(table, "amazon-anthropic.terms.firm"), "$13B");
});

it("figureTable(input, sources) joins contributors and refuses a name defined twice", () => {
  const one: FigureSource = () => [["x.a", {kind: "text", text: "1"}]];
  const two: FigureSource = () => [["x.b", {kind: "text", text: "2"}]];
  assert.deepStrictEqual([...figureTable({dataset, version: "v"}, [one, two]).keys()], ["x.a", "x.b"]);
  assert.throws(() => figureTable({dataset, version: "v"}, [one, one]), /invalid figure name: x\.a \(defined twice\)/);
  assert.strictEqual(figureTable({dataset, version: "v"}, []).size, 0);
});

it("yearsWords: the years a summary names come from the dates in the data", () => {
  assert.strictEqual(yearsWords(["2025-03-10", "2025-09-25"]), "in 2025");
  assert.strictEqual(yearsWords(["2025-11-03", "2026-02-27"]), "in 2025 and 2026");
  assert.strictEqual(yearsWords(["2023-01-24", "2019-07-22", "2019-07-22"]), "from 2019 to 2023");
});
