import {existsSync, readFileSync} from "node:fs";
import {assert, it} from "vitest";
import {FALLBACK_FACES} from "../../src/cli/fontFallbacks.js";
import {
  computeFallbacks,
  DEJAVU_DIR,
  FALLBACK_FILES,
  type FontMetrics,
  fallbackDescriptors,
  fontMetrics,
  SAMPLE,
  sfntTables,
  unicodeRange,
  woff2Tables
} from "../../src/cli/fontMetrics.js";
import {assertInDelta} from "../asserts.js";

it("fallbackDescriptors scales the fallback to the web font's width over the sample, and the overrides to the scaled em", () => {
  // Hand-checked: "ab" is (500 + 600) / 1000 = 1.1 em wide in the web font and (1024 + 1024) / 2048 = 1 em in the
  // fallback, so size-adjust is 110%; the web font's ascent 900/1000 over the 1.1 scale is 81.82%, its descent
  // 250/1000 → 22.73%, its line gap 100/1000 → 9.09%.
  const web: FontMetrics = {
    unitsPerEm: 1000,
    ascent: 900,
    descent: 250,
    lineGap: 100,
    advances: new Map([
      [97, 500],
      [98, 600]
    ])
  };
  const fallback: FontMetrics = {
    unitsPerEm: 2048,
    ascent: 1901,
    descent: 483,
    lineGap: 0,
    advances: new Map([
      [97, 1024],
      [98, 1024]
    ])
  };
  const d = fallbackDescriptors(web, fallback, "ab");
  assertInDelta([d.sizeAdjust, d.ascentOverride, d.descentOverride, d.lineGapOverride], [110, 81.82, 22.73, 9.09], 0.005);
  // Characters count as often as they occur: "abb" is 1.7 em against 1.5 em.
  assertInDelta(fallbackDescriptors(web, fallback, "abb").sizeAdjust, 113.33, 0.005);
  assert.throws(() => fallbackDescriptors(web, fallback, "abc"), /no glyph for "c"/);
});

it("the WOFF2 reader reads Inter's own tables: its em, its vertical metrics and its advances", () => {
  // Inter 4's published metrics: 2048 units per em, hhea ascender 1984 and descender −494, no line gap; the
  // Latin subset draws the minus sign (U+2212) but not the arrow (U+2192), which falls through to DejaVu.
  const tables = woff2Tables(readFileSync("docs/fonts/inter-latin-400-normal.woff2"));
  const inter = fontMetrics(tables);
  assert.deepStrictEqual([inter.unitsPerEm, inter.ascent, inter.descent, inter.lineGap], [2048, 1984, 494, 0]);
  // Every character of the sample has an advance, and the bold is wider than the regular for the same text.
  assert.strictEqual(inter.advances.size, new Set(SAMPLE).size);
  const bold = fontMetrics(woff2Tables(readFileSync("docs/fonts/inter-latin-700-normal.woff2")));
  for (const c of "aeA0$") assert.isAbove(bold.advances.get(c.codePointAt(0)!)!, inter.advances.get(c.codePointAt(0)!)!, c);
  const range = unicodeRange(tables);
  assert.include(range.split(", "), "U+2212");
  assert.include(range, "U+20-7E");
  assert.notMatch(range, /U\+2192\b/);
});

it.skipIf(!existsSync(DEJAVU_DIR))("the committed fallback faces are the ones the font files give (src/cli/fontFallbacks.ts)", () => {
  // DejaVu Sans' published metrics: 2048 units per em, hhea ascender 1901, descender −483.
  const dejavu = fontMetrics(sfntTables(readFileSync(`${DEJAVU_DIR}/DejaVuSans.ttf`)));
  assert.deepStrictEqual([dejavu.unitsPerEm, dejavu.ascent, dejavu.descent], [2048, 1901, 483]);
  const computed = computeFallbacks();
  assert.deepStrictEqual(
    FALLBACK_FACES.map((f) => f.file),
    Object.keys(FALLBACK_FILES)
  );
  for (const face of FALLBACK_FACES) {
    const fresh = computed.find((c) => c.file === face.file)!;
    assert.strictEqual(face.local, fresh.local, face.file);
    assert.strictEqual(face.unicodeRange, fresh.unicodeRange, face.file);
    assertInDelta(
      [face.sizeAdjust, face.ascentOverride, face.descentOverride, face.lineGapOverride],
      [fresh.sizeAdjust, fresh.ascentOverride, fresh.descentOverride, fresh.lineGapOverride],
      0.02
    );
    // DejaVu is wider than the house fonts: every fallback is scaled down, and its bold more than its regular.
    assert.isBelow(face.sizeAdjust, 100, face.file);
  }
});
