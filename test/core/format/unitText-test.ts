import {assert, it} from "vitest";
import {unitName, unitText} from "../../../src/core/format/units.js";

it("unitText(value, unit) writes every data unit", () => {
  assert.strictEqual(unitText(100, "usd-bn"), "$100B");
  assert.strictEqual(unitText(350, "usd-m"), "$350M");
  assert.strictEqual(unitText(11, "usd-bn-per-gw-year"), "$11B per GW-year");
  assert.strictEqual(unitText(10.9876e9, "usd-per-gw-year"), "$11B per GW-year");
  assert.strictEqual(unitText(60, "usd-per-mwh"), "$60 per MWh");
  assert.strictEqual(unitText(1.4, "kw"), "1.4 kW");
  assert.strictEqual(unitText(35.04, "twh-per-year"), "35 TWh a year");
  assert.strictEqual(unitText(4006744, "h100e"), "4.01 million H100-equivalents");
  assert.strictEqual(unitText(100 / 11, "gw-years"), "9.09 GW-years");
  assert.strictEqual(unitText(2030.4, "year"), "2030");
});

it("unitText(value, 'years') says one year in the singular", () => {
  assert.strictEqual(unitText(1, "years"), "1 year");
  // A computed span has two significant figures (critic s6 #15: "8.32 years" claimed days the dates do not carry).
  assert.strictEqual(unitText(8.3249, "years"), "8.3 years");
  assert.strictEqual(unitText(8.3249, "years", "as-written"), "8.3249 years");
  assert.strictEqual(unitText(1, "months"), "1 month");
});

it("unitText(value, unit) writes an unknown unit as a plain number", () => {
  assert.strictEqual(unitText(1234.5, "widgets"), "1,230");
});

it("unitName(unit) names a unit for a table's column", () => {
  assert.strictEqual(unitName("usd-bn-per-gw"), "$ bn per GW");
  assert.strictEqual(unitName("fraction"), "share");
  assert.strictEqual(unitName("widgets"), "widgets");
});
