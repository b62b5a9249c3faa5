import {readFileSync} from "node:fs";
import {assert, it} from "vitest";
import {cssString, runningHeaderCss} from "../../docs/components/briefing/runningHeader.js";
import {MARGINS_MM, parsePaper, printableArea, printableWidthPx} from "../../src/core/paper.js";

it("printableWidthPx(paper) is the page width less the side margins, in CSS pixels", () => {
  // A4: (210 − 16 − 16) mm × 96 / 25.4 = 672.76 → 672; Letter: (215.9 − 32) mm → 695.06 → 695.
  assert.strictEqual(printableWidthPx("a4"), 672);
  assert.strictEqual(printableWidthPx("letter"), 695);
  assert.throws(() => printableWidthPx("a5" as "a4"), /invalid paper: a5/);
});

it("printableArea(paper, {landscape}) is the page less its margins, turned for landscape", () => {
  // A4 portrait: (210 − 32) × (297 − 38) mm → 672.76 × 978.90 px; landscape: (297 − 32) × (210 − 38) → 1001.57 × 650.08.
  assert.deepStrictEqual(printableArea("a4"), {width: 672, height: 978});
  assert.deepStrictEqual(printableArea("a4", {landscape: true}), {width: 1001, height: 650});
  // Letter: (215.9 − 32) × (279.4 − 38) → 695.06 × 912.38; landscape (279.4 − 32) × (215.9 − 38) → 935.06 × 672.38.
  assert.deepStrictEqual(printableArea("letter"), {width: 695, height: 912});
  assert.deepStrictEqual(printableArea("letter", {landscape: true}), {width: 935, height: 672});
  assert.strictEqual(printableArea("a4").width, printableWidthPx("a4"));
  assert.throws(() => printableArea("tabloid" as "a4"), /invalid paper: tabloid/);
});

it("parsePaper(text) accepts a4 and letter in any case", () => {
  assert.strictEqual(parsePaper("A4"), "a4");
  assert.strictEqual(parsePaper("Letter"), "letter");
  assert.throws(() => parsePaper("legal"), /invalid paper: legal \(expected a4 or letter\)/);
});

it("docs/style.css prints with the margins the renderer sizes charts for", () => {
  const css = readFileSync("docs/style.css", "utf-8");
  const margin = /@page\s*\{\s*margin:\s*([\d.]+)mm ([\d.]+)mm ([\d.]+)mm ([\d.]+)mm;/.exec(css);
  assert.isNotNull(margin, "an @page rule with four margins in mm");
  assert.deepStrictEqual(margin!.slice(1).map(Number), [MARGINS_MM.top, MARGINS_MM.right, MARGINS_MM.bottom, MARGINS_MM.left]);
});

it("runningHeaderCss(left, right) writes CSS strings that cannot break out", () => {
  assert.strictEqual(cssString('a "b" \\ c\nd'), '"a \\"b\\" \\\\ c\\a d"');
  const css = runningHeaderCss('Title "x"', "Data as of 30 Jun 2026");
  assert.include(css, '@top-left {content: "Title \\"x\\"";}');
  assert.include(css, "@page :first");
});
