import {assert, it} from "vitest";
import {inputText} from "../../../src/core/format/index.js";
import {readValidDataset} from "../../../src/io/readDataset.js";
import {assertInDelta} from "../../asserts.js";

it("inputText(value, unit) keeps every digit an input has: PUE 1.15, margin 35.4%, not 1.1× and 35%", () => {
  assert.strictEqual(inputText(1.15, "ratio"), "1.15×");
  assert.strictEqual(inputText(0.354, "fraction"), "35.4%");
  assert.strictEqual(inputText(0.137, "fraction"), "13.7%");
  assert.strictEqual(inputText(1.15, "number"), "1.15");
  assert.strictEqual(inputText(42.5, "usd-bn-per-gw"), "$42.5B per GW");
  assert.throws(() => inputText(Number.NaN, "ratio"), /invalid figure value/);
});

// Reads the number back from an input's text in its unit (the inverse of inputText for the data's units).
function readBack(text: string, unit: string): number {
  const m = /(−|-)?\$?([\d,]+(?:\.\d+)?)\s*([MBT%×])?/.exec(text);
  if (!m) throw new Error(`no number in ${text}`);
  const x = Number(m[2].replace(/,/g, "")) * (m[1] ? -1 : 1);
  const scale = {M: 1e6, B: 1e9, T: 1e12} as Record<string, number>;
  if (unit === "fraction") return x / 100;
  if (unit.startsWith("usd-bn")) return (x * (scale[m[3]] ?? 1)) / 1e9;
  if (unit.startsWith("usd")) return x * (scale[m[3]] ?? 1);
  return x;
}

it("every assumption's low, base and high, as printed, recompute to the value the model uses", async () => {
  const dataset = await readValidDataset("data");
  for (const a of dataset.assumptions)
    for (const key of ["low", "base", "high"] as const) {
      const text = inputText(a[key], a.unit);
      assertInDelta(readBack(text, a.unit), a[key], Math.abs(a[key]) * 1e-9);
    }
});
