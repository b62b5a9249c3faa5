import assert from "node:assert";
import {describe, it} from "vitest";
import {largestLevers, presentValueAt, renewalCases} from "../../../src/core/uncertainty/levers.js";
import type {TornadoRow} from "../../../src/core/uncertainty/tornado.js";
import {assertInDelta} from "../../asserts.js";
import {tornadoRow} from "./tornadoRow.js";

const row = (id: string, valueAtLow: number, valueAtHigh: number, baseValue = 37.27, low = 0, high = 1): TornadoRow =>
  tornadoRow({id, low, high, valueAtLow, valueAtHigh, baseValue});

describe("largestLevers", () => {
  // Microsoft → OpenAI's bars (s7 critic, finding 6): price 108.9, capex 72.9, IT life 63.2, margin 0.
  const rows = [
    row("margin-azure", 37.27, 37.27),
    row("it-life", -14.87, 48.32),
    row("revenue-per-gw-year", -52.67, 56.2),
    row("capex-per-gw", 56.48, -16.45),
    row("undefined", Number.NaN, 1)
  ];
  it("keeps the widest defined, non-zero swings, widest first, and says which cross zero", () => {
    const top = largestLevers(rows, 2);
    assert.deepStrictEqual(
      top.map((r) => r.id),
      ["revenue-per-gw-year", "capex-per-gw"]
    );
    assertInDelta(top[0].swing, 52.67 + 56.2);
    assertInDelta(top[1].swing, 56.48 + 16.45);
    assert.deepStrictEqual(
      top.map((r) => r.crossesZero),
      [true, true]
    );
  });
  it("leaves out a bar of zero swing even when fewer remain, and flags one that stays on one side", () => {
    const top = largestLevers([row("margin-azure", 37.27, 37.27), row("rate", -3.2, -4.95, -4.1)], 3);
    assert.deepStrictEqual(
      top.map((r) => [r.id, r.crossesZero]),
      [["rate", false]]
    );
  });
});

describe("renewalCases", () => {
  it("finds the end that turns the sign: the low end for Microsoft → OpenAI (−$9.13B against +$37.27B)", () => {
    const cases = renewalCases([row("it-life", -14.87, 48.32), row("it-renewal-share", -9.13, 48.32)]);
    assert.strictEqual(cases?.flip, "low");
    assertInDelta(cases!.atLow, -9.13);
    assertInDelta(cases!.base, 37.27);
  });
  it("finds the high end for Amazon → Anthropic (+$2.72B against −$7.00B), none when both ends keep the sign", () => {
    assert.strictEqual(renewalCases([row("it-renewal-share", -7.61, 2.72, -7.0)])?.flip, "high");
    assert.strictEqual(renewalCases([row("it-renewal-share", -8.81, -3.9, -3.9)])?.flip, null);
    assert.strictEqual(renewalCases([row("it-life", -8.81, -3.9)]), null);
  });
});

describe("presentValueAt", () => {
  it("discounts Oracle's rent owed after the term, paid in 2031, to 1 January 2026 (s7 critic: 38.71 → 24.04)", () => {
    // 4.5 GW × $1.4B × the 10-year annuity factor at 10% (6.1446) = 38.71, ÷ 1.1⁵ (1.61051) = 24.04.
    assertInDelta(presentValueAt(4.5 * 1.4 * 6.1446, 2031, 0.1, 2026), 24.036, 1e-3);
    assertInDelta(presentValueAt(10, 2025, 0.1, 2026), 11);
  });
});
