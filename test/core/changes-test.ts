import {assert, it} from "vitest";
import {diffFigures, type HeadlineFigure} from "../../src/core/changes.js";

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
