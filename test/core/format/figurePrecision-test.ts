import {assert, it} from "vitest";
import {figurePrecision} from "../../../src/core/format/figureWords.js";

it("figurePrecision(figure) keeps the digits of stated confirmed and reported figures only", () => {
  assert.strictEqual(figurePrecision({status: "confirmed"}), "as-written");
  assert.strictEqual(figurePrecision({status: "reported"}), "as-written");
  assert.strictEqual(figurePrecision({status: "estimate"}), "3sf");
  assert.strictEqual(figurePrecision({status: "assumption"}), "3sf");
  assert.strictEqual(figurePrecision({status: "confirmed", derived: true}), "3sf");
  assert.strictEqual(figurePrecision({}), "3sf");
});
