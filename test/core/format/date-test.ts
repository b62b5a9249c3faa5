import {assert, it} from "vitest";
import {date, monthYear} from "../../../src/core/format/dates.js";

it("date(iso) writes '20 Apr 2026' and returns other text unchanged", () => {
  assert.strictEqual(date("2026-04-20"), "20 Apr 2026");
  assert.strictEqual(date("2026-01-05T12:00:00Z"), "5 Jan 2026");
  assert.strictEqual(date("late 2026"), "late 2026");
});

it("monthYear(iso) writes 'Apr 2026'", () => {
  assert.strictEqual(monthYear("2026-04-20"), "Apr 2026");
  assert.strictEqual(monthYear("2027"), "2027");
});
