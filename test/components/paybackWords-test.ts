// One wording for a payback with no year (critic s16 #11a): the card said "none", page 1 "not within the deal", the
// market table "never"; the Fig. 4/5 texts and the critique said "within the flows" where the rest says "within the
// deal" (the horizon is each draw's last year of spend), and the market's Fig. 2 row "Deals paying back in their term".
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {assert, it} from "vitest";
import {npvCaption, paybackText} from "../../docs/components/sections/marketNpv.js";
import {NO_PAYBACK, paybackYearText} from "../../src/core/index.js";

it("a payback with no year reads 'not within the deal' in the core, the market table and its rule", () => {
  assert.strictEqual(NO_PAYBACK, "not within the deal");
  assert.strictEqual(paybackYearText(null), "not within the deal");
  assert.strictEqual(paybackYearText(2034), "2034");
  assert.strictEqual(paybackText({paybackYear: null, neverShare: 0.9}), "not within the deal");
  assert.strictEqual(paybackText({paybackYear: 2034, neverShare: 0.3977}), "2034");
  const caption = npvCaption({discountRate: 0.1} as never, 10_000);
  assert.include(caption, "“not within the deal” when the median draw does not pay back before its spend ends");
  assert.notMatch(caption, /"never"/);
});

it("no source file writes the old horizon words ('within the flows', 'paying back in their term')", () => {
  const files = ["src", "docs/components"].flatMap((dir) =>
    readdirSync(dir, {recursive: true, withFileTypes: true})
      .filter((e) => e.isFile() && e.name.endsWith(".ts"))
      .map((e) => join(e.parentPath, e.name))
  );
  for (const file of files) {
    const text = readFileSync(file, "utf-8");
    assert.notInclude(text, "within the flows", file);
    assert.notInclude(text, "paying back in their term", file);
  }
});
