import {decodePDFRawStream, PDFDocument, PDFName, type PDFRawStream, type PDFRef} from "pdf-lib";
import {assert, it} from "vitest";
import {stampContentsNumbers, unicodeGlyphs} from "../../src/cli/pdf/stampNumbers.js";
import {assertInDelta} from "../asserts.js";

// A font as Chromium embeds Inter: glyph 0x13D is the space (drawn for U+2007), 0x102–0x10B the proportional digits
// 0–9, 0x10C–0x115 the tabular ones (all 648.4375 wide); the subset here lacks the digit 7 in either form.
const TO_UNICODE = `/CIDInit /ProcSet findresource begin
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfrange
<0102> <0107> <0030>
<010C> <0111> <0030>
endbfrange
3 beginbfchar
<013D> <0020>
<0109> <0038>
<0114> <0038>
endbfchar
endcmap`;

/** Two contents cells as Chromium prints them: each two figure spaces, 8.4 units apart at 13.33 units per em. */
const CELL = (x: number, y: number) => `BT
/Span<</ActualText <FEFF2007> >> BDC
/F9 13.3299999 Tf
1 0 0 -1 ${x} ${y} Tm
<013D> Tj
EMC
/Span<</ActualText <FEFF2007> >> BDC
8.4 0 Td <013D> Tj
EMC
ET`;

async function printed(cells: string[], text = "BT\n/F9 13.3299999 Tf\n1 0 0 -1 0 1056 Tm\n<0102> Tj\nET"): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const {context} = doc;
  const toUnicode = context.flateStream(TO_UNICODE);
  const widths = [258, [631, 407, 610, 618, 646, 593, 620, 566, 619, 620], 268, 277, 648.4375, 317, [268.55]];
  const cid = context.obj({Type: "Font", Subtype: "CIDFontType2", BaseFont: "FAAAAA+Inter-Regular", DW: 500, W: widths});
  const font = context.obj({
    Type: "Font",
    Subtype: "Type0",
    BaseFont: "FAAAAA+Inter-Regular",
    Encoding: "Identity-H",
    DescendantFonts: [context.register(cid)],
    ToUnicode: context.register(toUnicode)
  });
  for (const content of [text, cells.join("\n")]) {
    const page = doc.addPage();
    page.node.set(PDFName.of("Resources"), context.obj({Font: {F9: context.register(font)}}));
    page.node.set(PDFName.of("Contents"), context.register(context.flateStream(content)));
  }
  return doc;
}

function content(doc: PDFDocument, page: number): string {
  const ref = doc.getPages()[page - 1].node.get(PDFName.of("Contents")) as PDFRef;
  return Buffer.from(decodePDFRawStream(doc.context.lookup(ref) as PDFRawStream).decode()).toString("latin1");
}

it("unicodeGlyphs(cmap) maps each character to its glyph ids, from ranges and single entries, lowest first", () => {
  const glyphs = unicodeGlyphs(TO_UNICODE);
  assert.deepStrictEqual(glyphs.get("0"), [0x102, 0x10c]);
  assert.deepStrictEqual(glyphs.get("3"), [0x105, 0x10f]);
  assert.deepStrictEqual(glyphs.get("8"), [0x109, 0x114]);
  assert.deepStrictEqual(glyphs.get(" "), [0x13d]);
  assert.isUndefined(glyphs.get("7"));
});

it("stampContentsNumbers(doc, numbers) writes each number's tabular digits, right-aligned, where its figure spaces were", async () => {
  const doc = await printed([CELL(583, 1056), CELL(583, 1081)]);
  assert.isTrue(stampContentsNumbers(doc, [2, 13], {from: 2, to: 2}));
  const stamped = content(doc, 2);
  assert.notInclude(stamped, "FEFF2007", "the figure spaces' ActualText is gone");
  assert.strictEqual(stamped.match(/\/Span BMC/g)?.length, 4, "each span stays, balanced with its EMC");
  const shown = [...stamped.matchAll(/\[(-?[\d.]+) <([0-9A-F]+)>\] TJ/g)].map((m) => ({shift: Number(m[1]), hex: m[2]}));
  // The cell is two figure-space advances: 2 × 8.4 units ÷ 13.33 units per em = 1260.315 thousandths of an em; "2" is
  // one tabular digit (648.4375), moved right by 1260.315 − 648.4375 = 611.878; "13" is two (1296.875), moved left 36.560.
  assert.deepStrictEqual(
    shown.map((s) => s.hex),
    ["010E", "010D010F"]
  );
  assertInDelta(
    shown.map((s) => s.shift),
    [-611.878, 36.56],
    0.002
  );
  assert.strictEqual(stamped.match(/8\.4 0 Td \[\] TJ/g)?.length, 2, "the second figure space keeps only its move");
  assert.include(content(doc, 1), "<0102> Tj", "a page outside from…to is left alone");
});

it("stampContentsNumbers(doc, numbers) refuses, changing nothing, what it cannot stamp", async () => {
  for (const [numbers, why] of [
    [[2], "fewer numbers than cells"],
    [[2, 3, 4], "more numbers than cells"],
    [[2, 100], "a number wider than its cell"],
    [[2, 7], "a digit the font subset lacks"]
  ] as const) {
    const doc = await printed([CELL(583, 1056), CELL(583, 1081)]);
    assert.isFalse(stampContentsNumbers(doc, numbers), why);
    assert.include(content(doc, 2), "FEFF2007", why);
  }
  const interrupted = await printed([CELL(583, 1056).replace("EMC\n/Span", "EMC\n<0102> Tj\n/Span")]);
  assert.isFalse(stampContentsNumbers(interrupted, [2]), "other text inside a cell");
});
