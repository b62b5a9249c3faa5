import {assert, it} from "vitest";
import {monthIndex, monthLabel} from "../../../src/core/capacity/months.js";

it("monthIndex(date) returns year × 12 + month − 1, ignoring the day", () => {
  assert.strictEqual(monthIndex("2026-04-20"), 24315); // 2026 × 12 + 3
  assert.strictEqual(monthIndex("2026-04-01"), 24315);
  assert.strictEqual(monthIndex("2026-12-31"), 24323); // 2026 × 12 + 11
  assert.strictEqual(monthIndex("2027-01"), 24324);
});

it("monthIndex(date) rejects what is not YYYY-MM(-DD)", () => {
  assert.throws(() => monthIndex("2026-13-01"), /invalid date: 2026-13-01/);
  assert.throws(() => monthIndex("2026-00-01"), /invalid date: 2026-00-01/);
  assert.throws(() => monthIndex("April 2026"), /invalid date: April 2026/);
});

it("monthLabel(index) returns YYYY-MM and inverts monthIndex", () => {
  assert.strictEqual(monthLabel(24315), "2026-04");
  assert.strictEqual(monthLabel(24324), "2027-01");
  for (const date of ["1999-12", "2026-01", "2030-07"]) assert.strictEqual(monthLabel(monthIndex(date)), date);
});

it("monthLabel(index) rejects fractions and negatives", () => {
  assert.throws(() => monthLabel(1.5), /invalid index: 1.5/);
  assert.throws(() => monthLabel(-1), /invalid index: -1/);
});
