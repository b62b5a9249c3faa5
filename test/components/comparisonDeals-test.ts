import {assert, it} from "vitest";
import {historyLast, stageCell} from "../../docs/components/tables/comparisonDeals.js";

it("stageCell(row) names each stage, and a superseded row as history with its month", () => {
  assert.strictEqual(stageCell({status: "loi", supersededOn: null}), "letter of intent");
  assert.strictEqual(stageCell({status: "active", supersededOn: null}), "announced deal");
  assert.strictEqual(stageCell({status: "superseded", supersededOn: "2026-02-27"}), "superseded Feb 2026 (history, in no ranking)");
});

it("historyLast(a, b) sorts superseded rows after every other, whatever the column", () => {
  const rows = [{status: "superseded" as const}, {status: "active" as const}, {status: "loi" as const}];
  assert.deepStrictEqual(
    [...rows].sort(historyLast).map((r) => r.status),
    ["active", "loi", "superseded"]
  );
});

it("missingReason(row): every deal left off the scatter says why (no empty '()' for a GW figure the dollars do not buy)", async () => {
  const {missingReason, comparisonPoints} = await import("../../docs/components/charts/comparisonScatter.js");
  const {compareDeals} = await import("../../src/core/comparison/compareDeals.js");
  const {readValidDataset} = await import("../../src/io/readDataset.js");
  const {missing} = comparisonPoints(compareDeals(await readValidDataset("data")));
  for (const row of missing) assert.notStrictEqual(missingReason(row), "", row.id);
  const ao = missing.find((r) => r.id === "amazon-openai");
  if (ao) assert.include(missingReason(ao), "not what the commitment buys");
});

it("comparisonFigureText writes a term as the article's table does: a computed span to two significant figures", async () => {
  const {comparisonFigureText} = await import("../../docs/components/tables/comparisonFigure.js");
  // Amazon → OpenAI's two contracts span 8.3178 years from the first start to the last end (critic s8 M14: "8.32").
  assert.strictEqual(comparisonFigureText({value: 8.3178, unit: "years", bound: "exact"}), "8.3 years");
  assert.strictEqual(comparisonFigureText({value: 10, unit: "years", bound: "exact"}), "10 years");
  assert.strictEqual(comparisonFigureText({value: 5.5478, unit: "years", bound: "about"}), "about 5.5 years");
});
