import {assert, it} from "vitest";
import {gw, mw} from "../../../src/core/format/units.js";

it("gw(x) writes gigawatts, and megawatts below 1 GW", () => {
  assert.strictEqual(gw(5), "5 GW");
  assert.strictEqual(gw(1.25), "1.25 GW");
  assert.strictEqual(gw(0.3), "300 MW");
  assert.strictEqual(gw(0.8696), "870 MW");
  assert.strictEqual(gw(0), "0 GW");
});

it("gw(x) rounds before it chooses the unit: 0.9996 GW is 1 GW", () => {
  assert.strictEqual(gw(0.9996), "1 GW");
});

it("mw(x) is gw(x / 1000)", () => {
  assert.strictEqual(mw(869.57), "870 MW");
  assert.strictEqual(mw(1500), "1.5 GW");
});
