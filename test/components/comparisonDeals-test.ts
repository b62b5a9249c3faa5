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
