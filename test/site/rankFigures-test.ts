import {assert, beforeAll, it} from "vitest";
import type {Dataset} from "../../src/core/model.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import {figureTable} from "../../src/site/figures.js";

let dataset: Dataset;
beforeAll(async () => {
  dataset = await readValidDataset("data");
});

const ranks = (d: Dataset) => {
  const table = figureTable({dataset: d, version: "test"});
  return (name: string) => {
    const v = table.get(name);
    return v?.kind === "text" ? v.text : v?.kind;
  };
};

it("rankFigures: the largest commitment moves when the data does", () => {
  const edited: Dataset = structuredClone(dataset);
  const deal = edited.deals.find((d) => d.id === "amazon-anthropic")!;
  deal.commitments[0].amount.value = 900; // usd-bn: now the largest
  deal.totals = deal.totals.filter((t) => !t.id.includes("commit"));
  const rank = ranks(edited);
  assert.match(rank("rank.commitment-1")!, /^Anthropic's to AWS \(over \$900B\)$/);
  assert.notMatch(rank("rank.commitment-2")!, /Anthropic's to AWS/);
});

it("rankFigures: a superseded deal ranks in neither list, and an unfilled place is missing", () => {
  const edited: Dataset = structuredClone(dataset);
  const rank = ranks(edited);
  const superseded = edited.deals.filter((d) => d.supersededOn).map((d) => d.id);
  assert.isAbove(superseded.length, 0, "the data holds a superseded deal to test with");
  for (const n of [1, 2, 3]) assert.notMatch(rank(`rank.ceiling-${n}`)!, /^Nvidia's/);
  // Ceilings rank in GW, largest first.
  const gw = [1, 2, 3].map((n) => Number(/\((?:up to |about |over )?([\d.]+) GW\)/.exec(rank(`rank.ceiling-${n}`)!)![1]));
  assert.deepStrictEqual(
    [...gw].sort((a, b) => b - a),
    gw
  );
  const one = {...edited, deals: edited.deals.filter((d) => d.id === "amazon-anthropic")};
  assert.strictEqual(ranks(one)("rank.commitment-2"), "missing");
});

it("rankFigures: a letter of intent in the ceiling ranking is named as one, a deal in force as a deal", () => {
  const rank = ranks(dataset);
  const texts = [1, 2, 3].map((n) => rank(`rank.ceiling-${n}`)!);
  const names = new Map(dataset.companies.map((c) => [c.id, c.name]));
  for (const deal of dataset.deals.filter((d) => d.capacity && d.status !== "superseded")) {
    const text = texts.find((t) => t.startsWith(`${names.get(deal.provider)}'s `) && t.includes(` with ${names.get(deal.lab)} (`));
    if (!text) continue;
    assert.include(text, deal.status === "loi" ? "'s letter of intent with" : "'s deal with", deal.id);
  }
  assert.isTrue(
    texts.some((t) => t.includes("letter of intent")),
    "the data's letter of intent ranks among the largest ceilings"
  );
});
