import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {assert, it} from "vitest";
import {ratioNumber, times} from "../../../src/core/format/index.js";

it("ratioNumber(x) writes a computed ratio whole from 10 and to two significant figures below", () => {
  assert.strictEqual(ratioNumber(85.37), "85"); // chips per system, on average over a mix
  assert.strictEqual(ratioNumber(28.4), "28"); // years of revenue
  assert.strictEqual(ratioNumber(1.2837), "1.3"); // standard errors
  assert.strictEqual(ratioNumber(0.503), "0.5");
  assert.strictEqual(ratioNumber(1234.5), "1,230");
  assert.strictEqual(`${ratioNumber(0.969)}×`, times(0.969)); // "0.97×", the same rule as times
});

// Every .ts file under a folder.
function sources(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []
  );
}

it("no output writes a ratio at three significant figures: sig(x) followed by ×, 'times', 'standard errors' or 'chips per'", () => {
  const ratioAtSig = /\$\{sig\([^`]*?\)\}(?:×| times\b| standard errors\b| chips per\b)/g;
  const found = [...sources("docs/components"), ...sources("src/site")].flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(ratioAtSig)].map((m) => `${file}: ${m[0]}`)
  );
  assert.deepStrictEqual(found, [], "write ratios with times() or ratioNumber() (the ratio rule), not sig()");
});
