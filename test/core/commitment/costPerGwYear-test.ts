import fc from "fast-check";
import {assert, it} from "vitest";
import {buildUpCostPerGwYear, contractCostPerGwYear, energyCostPerGwYear} from "../../../src/core/commitment/costPerGwYear.js";
import {assertInDelta} from "../../asserts.js";
import {baseValues} from "./fixtures.js";

it("contractCostPerGwYear(values) is revenue-per-gw-year in USD", () => {
  assert.strictEqual(contractCostPerGwYear({"revenue-per-gw-year": 11}), 11e9);
  assert.throws(() => contractCostPerGwYear({"revenue-per-gw-year": 0}), /invalid revenue-per-gw-year: 0/);
});

it("energyCostPerGwYear(values) prices a GW-year of facility power at the load factor", () => {
  // 1,000 MW × 8,760 h × 0.8 × $70/MWh = $490,560,000
  assert.strictEqual(energyCostPerGwYear(baseValues), 490_560_000);
  assert.strictEqual(energyCostPerGwYear({"load-factor": 0, "power-price": 70}), 0);
  assert.throws(() => energyCostPerGwYear({"load-factor": 1.2, "power-price": 70}), /invalid loadFactor: 1.2/);
  assert.throws(() => energyCostPerGwYear({"load-factor": 0.8, "power-price": -1}), /invalid power-price: -1/);
});

it("buildUpCostPerGwYear(values, margin) depreciates IT and facility capex, adds energy and grosses up by the margin", () => {
  // IT: 50e9 × 0.7 ÷ 5 = 7e9; facility: 50e9 × 0.3 ÷ 20 = 0.75e9; energy 0.49056e9; sum 8.24056e9 ÷ (1 − 0.25)
  assertInDelta(buildUpCostPerGwYear(baseValues, 0.25), 8.24056e9 / 0.75, 1);
  assertInDelta(buildUpCostPerGwYear(baseValues, 0.25) / 1e9, 10.987413, 1e-6);
});

it("buildUpCostPerGwYear(values) with a zero margin is the cost itself", () => {
  assertInDelta(buildUpCostPerGwYear(baseValues, 0), 8.24056e9, 1);
});

it("buildUpCostPerGwYear(values) rejects out-of-range assumptions", () => {
  assert.throws(() => buildUpCostPerGwYear({...baseValues, "capex-per-gw": Number.NaN}, 0.25), /invalid capex-per-gw: NaN/);
  assert.throws(() => buildUpCostPerGwYear({...baseValues, "it-share": 1.1}, 0.25), /invalid it-share: 1.1/);
  assert.throws(() => buildUpCostPerGwYear({...baseValues, "it-life": 0}, 0.25), /invalid it-life: 0/);
  assert.throws(() => buildUpCostPerGwYear({...baseValues, "facility-life": -20}, 0.25), /invalid facility-life: -20/);
  assert.throws(() => buildUpCostPerGwYear(baseValues, 1), /invalid margin: 1/);
});

it("buildUpCostPerGwYear(values) never falls when capex, the margin or the power price rises", () => {
  fc.assert(
    fc.property(
      fc.double({min: 0, max: 100, noNaN: true}),
      fc.double({min: 0, max: 0.9, noNaN: true}),
      fc.double({min: 0, max: 200, noNaN: true}),
      fc.double({min: 0, max: 10, noNaN: true}),
      (capex, margin, price, step) => {
        const values = {...baseValues, "capex-per-gw": capex, "power-price": price};
        const cost = buildUpCostPerGwYear(values, margin);
        assert(buildUpCostPerGwYear({...values, "capex-per-gw": capex + step}, margin) >= cost);
        assert(buildUpCostPerGwYear(values, Math.min(0.99, margin + step / 20)) >= cost);
        assert(buildUpCostPerGwYear({...values, "power-price": price + step}, margin) >= cost);
      }
    )
  );
});
