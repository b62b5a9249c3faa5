import {assert, it} from "vitest";
import {articleTable} from "../../../src/core/comparison/articleTable.js";
import {assertInDelta} from "../../asserts.js";
import {dataset} from "./fixtures.js";

it("articleTable(dataset) has the article's six rows for Amazon–Anthropic and Amazon–OpenAI", () => {
  const table = articleTable(dataset);
  assert.deepStrictEqual(table.deals, [
    {id: "amazon-anthropic", name: "Amazon → Anthropic"},
    {id: "amazon-openai", name: "Amazon → OpenAI"}
  ]);
  assert.deepStrictEqual(
    table.rows.map((r) => [r.id, r.label]),
    [
      ["headline-investment", "Headline investment"],
      ["cloud-commitment", "Cloud commitment"],
      ["capacity-language", "Capacity language"],
      ["hardware-angle", "Hardware angle"],
      ["governance-posture", "Governance posture"],
      ["strategic-intent", "Strategic intent"]
    ]
  );
  for (const row of table.rows)
    assert.deepStrictEqual(
      row.cells.map((c) => c.deal),
      ["amazon-anthropic", "amazon-openai"]
    );
});

it("articleTable(dataset) computes the headline investment: $5B fresh of $13B, up to $25B new; $15B of up to $50B", () => {
  const [anthropic, openai] = articleTable(dataset).rows[0].cells;
  const bn = (cell: typeof anthropic) => Object.fromEntries(Object.entries(cell.figures).map(([k, f]) => [k, f!.value / 1e9]));
  assert.deepStrictEqual(bn(anthropic), {firm: 13, max: 33, newFirm: 5, newMax: 25});
  assert.deepStrictEqual(bn(openai), {firm: 15, max: 50, newFirm: 15, newMax: 50});
  assert.strictEqual(anthropic.text, null);
  assert.strictEqual(anthropic.figures.newMax!.bound, "up-to");
});

it("articleTable(dataset) computes the cloud commitment and keeps the profile's words", () => {
  const table = articleTable(dataset);
  const [anthropic, openai] = table.rows[1].cells;
  assert.strictEqual(anthropic.figures.usd!.value, 100e9);
  assert.strictEqual(anthropic.figures.usd!.bound, "at-least");
  assert.strictEqual(anthropic.figures.years!.value, 10);
  assert.strictEqual(anthropic.figures.usdPerYear!.value, 10e9);
  assert.strictEqual(openai.figures.usd!.value, 138e9);
  assertInDelta(openai.figures.years!.value, 8.317808, 1e-6);
  const [capacity, hardware, governance, intent] = table.rows.slice(2).map((r) => r.cells[0]);
  assert.strictEqual(capacity.text, "Up to 5 GW of new capacity");
  assert.strictEqual(capacity.figures.ceilingGw!.value, 5);
  assert.strictEqual(hardware.text, "Custom silicon");
  assert.strictEqual(governance.text, "Minority, no board seat");
  assert.strictEqual(governance.figures.stake, null);
  assert.strictEqual(intent.text, "Anchor tenant for Trainium");
});

it("articleTable(dataset, ids) takes any deals, with null figures where a deal has none", () => {
  const table = articleTable(dataset, ["nvidia-openai"]);
  assert.deepStrictEqual(table.rows[1].cells[0].figures, {usd: null, years: null, usdPerYear: null});
  assert.strictEqual(table.rows[4].cells[0].figures.stake!.value, 0.02);
  assert.deepStrictEqual(articleTable(dataset, []).rows[0].cells, []);
});

it("articleTable(dataset, ids) rejects a deal not in the dataset", () => {
  assert.throws(() => articleTable(dataset, ["amazon-anthropic", "meta-openai"]), /invalid deal: meta-openai/);
});
