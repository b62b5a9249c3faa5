import {assert, it} from "vitest";
import {decimalYear, earliestDate} from "../../../src/core/commitment/decimalYear.js";
import {assertInDelta} from "../../asserts.js";

it("decimalYear(date) is the year plus the share of its days already passed", () => {
  assert.strictEqual(decimalYear("2026-01-01"), 2026);
  assertInDelta(decimalYear("2026-04-20"), 2026 + 109 / 365); // 31 + 28 + 31 + 19 days passed
  assertInDelta(decimalYear("2026-12-31"), 2026 + 364 / 365);
  assertInDelta(decimalYear("2024-03-01"), 2024 + 60 / 366); // leap year: 31 + 29 days passed
});

it("decimalYear(date) rejects anything but a real ISO date", () => {
  assert.throws(() => decimalYear("2026-4-20"), /invalid date: 2026-4-20/);
  assert.throws(() => decimalYear("2026-02-30"), /invalid date: 2026-02-30/);
  assert.throws(() => decimalYear("2026-13-01"), /invalid date: 2026-13-01/);
  assert.throws(() => decimalYear("2026-04-20T00:00"), /invalid date/);
});

it("earliestDate(dates, fallback) returns the earliest date, or the fallback for none", () => {
  assert.strictEqual(earliestDate(["2026-04-20", "2025-11-03", "2026-02-27"]), "2025-11-03");
  assert.strictEqual(earliestDate(["2026-04-20"], "2026-01-01"), "2026-01-01");
  assert.strictEqual(earliestDate([], "2026-01-01"), "2026-01-01");
  assert.strictEqual(earliestDate([]), undefined);
});
