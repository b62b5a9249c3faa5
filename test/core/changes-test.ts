import {assert, it} from "vitest";
import {changesSince, diffFigures, type FiguresRecord, type HeadlineFigure} from "../../src/core/changes.js";

const figure = (key: string, value: number, extra: Partial<HeadlineFigure> = {}): HeadlineFigure => ({
  key,
  deal: key.split(".")[0],
  dealName: "Amazon → Anthropic",
  label: "investment (firm)",
  value,
  unit: "usd",
  bound: "exact",
  status: "confirmed",
  asOf: "2026-04-20",
  ...extra
});

it("diffFigures(before, after) reports a changed value with both sides", () => {
  const [change] = diffFigures([figure("a.investment.firm", 8e9)], [figure("a.investment.firm", 13e9)]);
  assert.strictEqual(change.kind, "changed");
  assert.strictEqual(change.before!.value, 8e9);
  assert.strictEqual(change.after!.value, 13e9);
});

it("diffFigures(before, after) reports a changed bound or status even when the value is the same", () => {
  assert.strictEqual(diffFigures([figure("a.x", 5)], [figure("a.x", 5, {bound: "up-to"})]).length, 1);
  assert.strictEqual(diffFigures([figure("a.x", 5)], [figure("a.x", 5, {status: "reported"})]).length, 1);
});

it("diffFigures(before, after) ignores float noise below 1e-9 relative", () => {
  assert.deepStrictEqual(diffFigures([figure("a.x", 0.1 + 0.2)], [figure("a.x", 0.3)]), []);
});

it("diffFigures(before, after) reports added and removed figures, sorted by deal then key", () => {
  const changes = diffFigures([figure("b.old", 1), figure("a.same", 2)], [figure("a.same", 2), figure("a.new", 3)]);
  assert.deepStrictEqual(
    changes.map((c) => [c.key, c.kind]),
    [
      ["a.new", "added"],
      ["b.old", "removed"]
    ]
  );
});

it("diffFigures([], []) is empty", () => {
  assert.deepStrictEqual(diffFigures([], []), []);
});

const record = (dataVersion: string, figures: HeadlineFigure[], baseline: FiguresRecord["baseline"] = null): FiguresRecord => ({
  dataVersion,
  asOf: "2026-04-20",
  figures,
  baseline
});

it("changesSince(null, now) has nothing to compare with: no baseline, no change", () => {
  assert.deepStrictEqual(changesSince(null, record("v1", [figure("a.x", 1)])), {baseline: null, changes: []});
});

it("changesSince(previous, now) compares with the previous build when a figure moved", () => {
  const since = changesSince(record("v1", [figure("a.x", 8e9)]), record("v2", [figure("a.x", 13e9)]));
  assert.strictEqual(since.baseline!.dataVersion, "v1");
  assert.deepStrictEqual(
    since.changes.map((c) => [c.key, c.before!.value, c.after!.value]),
    [["a.x", 8e9, 13e9]]
  );
});

it("changesSince(previous, now) carries the previous comparison forward when no figure moved since", () => {
  // Build 2 moved a.x from 8 to 13 (compared with build 1); build 3 changed only code or notes.
  const build2 = record("v2", [figure("a.x", 13e9)], {dataVersion: "v1", asOf: "2026-01-01", figures: [figure("a.x", 8e9)]});
  const since = changesSince(build2, record("v3", [figure("a.x", 13e9)]));
  assert.strictEqual(since.baseline!.dataVersion, "v1");
  assert.deepStrictEqual(
    since.changes.map((c) => [c.before!.value, c.after!.value]),
    [[8e9, 13e9]]
  );
});

it("changesSince(first build, same figures) compares with the first build and reports nothing", () => {
  const since = changesSince(record("v1", [figure("a.x", 1)]), record("v1", [figure("a.x", 1)]));
  assert.strictEqual(since.baseline!.dataVersion, "v1");
  assert.deepStrictEqual(since.changes, []);
});
