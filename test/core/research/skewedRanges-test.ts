import {assert, it} from "vitest";
import {skewedRanges} from "../../../src/core/research/skewedRanges.js";
import type {TornadoRow} from "../../../src/core/uncertainty/tornado.js";
import {assertInDelta} from "../../asserts.js";
import {tornadoRow} from "../uncertainty/tornadoRow.js";

const row = (id: string, low: number, high: number, valueAtLow: number, valueAtHigh: number): TornadoRow =>
  tornadoRow({id, low, high, valueAtLow, valueAtHigh, baseValue: 0});

it("skewedRanges: the share on the worse side is (base − low) ÷ (high − low) or its complement, read from the tornado's ends", () => {
  const rows = [
    // Slip 0 to 18 months at base 0, later is worse: every draw is at or past the base (share 1).
    row("slip-months", 0, 18, 1, -2),
    // IT renewal share 0 to 0.6 at base 0.5, the low end is worse: (0.5 − 0) ÷ (0.6 − 0) = 5/6 of the draws below it.
    row("it-renewal-share", 0, 0.6, -4, 1),
    // Centred range (7 to 15, base 11): half the draws on each side, not skewed.
    row("price", 7, 15, -10, 5),
    // Skewed range whose worse side holds the few draws: 0.5 ÷ 0.6 below the base, but the high end is worse (1/6).
    row("mirror", 0, 0.6, 1, -4),
    // Moves nothing: left out whatever its skew.
    row("flat", 0, 18, 3, 3)
  ];
  const out = skewedRanges(rows, {"slip-months": 0, "it-renewal-share": 0.5, price: 11, mirror: 0.5, flat: 0});
  assert.deepEqual(
    out.map((g) => [g.id, g.worseEnd]),
    [
      ["slip-months", "high"],
      ["it-renewal-share", "low"]
    ]
  );
  assertInDelta(out[0].worseShare, 1);
  assertInDelta(out[1].worseShare, 5 / 6);
});

it("skewedRanges: a range without a base in the deal, or with no width, is left out", () => {
  assert.deepEqual(skewedRanges([row("slip-months", 0, 18, 1, -2)], {}), []);
  assert.deepEqual(skewedRanges([row("x", 2, 2, 1, -2)], {x: 2}), []);
});
