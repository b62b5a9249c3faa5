/**
 * Writes the contents' page numbers into a printed PDF, so a briefing is printed once. Before printing, the
 * renderer fills each contents entry's page-number cell with {@link SLOT_WIDTH} figure spaces (U+2007: as wide as a
 * tabular digit, used nowhere else in the briefings), so the cells take their final width and the
 * layout is the one the numbers will have. After printing it reads on which page each part starts from the PDF's
 * bookmarks, and this module swaps the figure-space glyphs for the digits' glyphs of the same embedded font, right
 * aligned, in place in the page's content stream: the text keeps its position, its font, its marked-content id
 * (so the tagged structure reads the number where the cell was) and its reading order.
 *
 * When the swap is not possible (the font subset lacks a digit, a number is wider than its cell, the cells are not
 * found as expected), it returns false and the renderer prints again with the numbers written into the page.
 */
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFName,
  PDFNumber,
  type PDFPage,
  PDFRawStream,
  type PDFRef,
  type PDFStream
} from "pdf-lib";

/** The placeholder written into each page-number cell before printing. */
export const FIGURE_SPACE = "\u2007";
/** Figure spaces per cell: page numbers up to 99 are stamped; a longer document prints twice. */
export const SLOT_WIDTH = 2;

interface FontDigits {
  /** A glyph's advance, in thousandths of the font size. */
  width: (gid: number) => number;
  /** Glyph ids of each digit "0"…"9" the subset has (from its ToUnicode map), lowest first. */
  digits: Map<string, number[]>;
}

/** How Chromium (Skia) writes a character it draws with another one's glyph: the figure space, drawn as a space. */
const PLACEHOLDER_SPAN = "/Span<</ActualText <FEFF2007> >> BDC";

/**
 * Replaces, in document order, the i-th run of {@link SLOT_WIDTH} figure spaces with `numbers[i]` (right aligned in
 * the run's width) and returns true; returns false, leaving `doc` unchanged, when the runs found are not exactly one
 * per number of SLOT_WIDTH figure spaces each, a number has more than SLOT_WIDTH digits, or a font lacks a digit no
 * wider than the figure space. Chromium writes each figure space as a space glyph wrapped in a marked-content span
 * whose ActualText is U+2007: the span loses its ActualText and the glyph becomes the digit (or only its advance).
 *
 * Only pages `from`…`to` (1-based, inclusive; default all) are searched: the contents' pages.
 *
 * @example stampContentsNumbers(doc, [2, 2, 3, 6], {from: 2, to: 2}) // true
 */
export function stampContentsNumbers(
  doc: PDFDocument,
  numbers: readonly number[],
  {from = 1, to = doc.getPageCount()}: {from?: number; to?: number} = {}
): boolean {
  const texts = numbers.map(String);
  if (texts.some((t) => !/^\d+$/.test(t) || t.length > SLOT_WIDTH)) return false;
  const edits: {ref: PDFRef; stream: PDFStream; text: string}[] = [];
  let slot = 0;
  for (const page of doc.getPages().slice(Math.max(from, 1) - 1, to)) {
    let fonts: Map<string, FontDigits | null> | undefined;
    for (const {ref, stream} of contentStreams(doc, page)) {
      const source = Buffer.from(decodePDFRawStream(stream as PDFRawStream).decode()).toString("latin1");
      if (!source.includes(PLACEHOLDER_SPAN)) {
        continue;
      }
      fonts ??= pageFonts(doc, page);
      let font: FontDigits | null = null;
      let size = 0;
      let pending = false;
      let first = -1;
      const lines = source.split("\n");
      for (let i = 0; i < lines.length; ++i) {
        const line = lines[i];
        const tf = /^\/(\S+) ([\d.]+) Tf$/.exec(line);
        if (tf) [font, size] = [fonts.get(tf[1]) ?? null, Number(tf[2])];
        if (line === PLACEHOLDER_SPAN) {
          if (pending || slot >= texts.length) return false;
          pending = true;
          lines[i] = "/Span BMC";
          continue;
        }
        const tj = /^(.*?)<([0-9A-F]{4})> Tj$/.exec(line);
        if (!tj) {
          if (line.endsWith("Tj") && (pending || first >= 0)) return false; // other text inside a cell
          continue;
        }
        if (!pending) {
          if (first >= 0) return false;
          continue;
        }
        pending = false;
        if (first < 0) {
          first = i;
          continue;
        }
        // The second figure space: its offset from the first is a figure space's advance (Chromium draws the figure
        // space with the space glyph, placed a digit's width on); the cell ends one more advance on.
        const offset = /^([\d.]+) 0 Td $/.exec(tj[1]);
        if (!font || !offset || !(size > 0)) return false;
        const cell = (2 * Number(offset[1]) * 1000) / size;
        const glyphs = digitGlyphs(font, texts[slot]);
        if (!glyphs) return false;
        const shift = cell - glyphs.reduce((sum, gid) => sum + font!.width(gid), 0);
        const hex = glyphs.map((gid) => gid.toString(16).toUpperCase().padStart(4, "0")).join("");
        lines[first] = `${/^(.*?)<[0-9A-F]{4}> Tj$/.exec(lines[first])![1]}[${round(-shift)} <${hex}>] TJ`;
        lines[i] = `${tj[1]}[] TJ`;
        first = -1;
        ++slot;
      }
      if (pending || first >= 0) return false;
      edits.push({ref, stream, text: lines.join("\n")});
    }
  }
  if (slot !== texts.length) return false;
  for (const {ref, stream, text} of edits) {
    const replaced = doc.context.flateStream(Buffer.from(text, "latin1"));
    for (const [key, value] of stream.dict.entries()) {
      if (key !== PDFName.of("Length") && key !== PDFName.of("Filter") && key !== PDFName.of("DecodeParms")) replaced.dict.set(key, value);
    }
    doc.context.assign(ref, replaced);
  }
  return true;
}

/**
 * Returns the glyph ids that draw `digits` in `font`, tabular ones when the subset has them (the contents' cells
 * use tabular figures: the widest set of digits sharing one advance), or null when a digit is missing.
 */
function digitGlyphs(font: FontDigits, digits: string): number[] | null {
  const counts = new Map<number, number>();
  for (const gids of font.digits.values())
    for (const width of new Set(gids.map(font.width))) counts.set(width, (counts.get(width) ?? 0) + 1);
  const tabular = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
  const glyphs = [...digits].map((d) => {
    const gids = font.digits.get(d) ?? [];
    return gids.find((gid) => font.width(gid) === tabular) ?? gids[0];
  });
  return glyphs.every((gid) => gid !== undefined) ? glyphs : null;
}

/** Rounds to 1/1000 of a text-space unit and writes it as a PDF number (no exponent). */
function round(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/** Returns the page's content streams with their references (a page's /Contents is one stream or an array). */
function contentStreams(doc: PDFDocument, page: PDFPage): {ref: PDFRef; stream: PDFStream}[] {
  const raw = page.node.get(PDFName.of("Contents"));
  const refs = raw instanceof PDFArray ? raw.asArray() : raw ? [raw] : [];
  const found: {ref: PDFRef; stream: PDFStream}[] = [];
  for (const ref of refs) {
    const stream = doc.context.lookup(ref);
    if (stream instanceof PDFRawStream && "tag" in ref) found.push({ref: ref as PDFRef, stream});
  }
  return found;
}

/** Returns, per font resource name of the page, the digits and glyph widths of that font (null if not a CID font). */
function pageFonts(doc: PDFDocument, page: PDFPage): Map<string, FontDigits | null> {
  const fonts = new Map<string, FontDigits | null>();
  const dict = page.node.Resources()?.lookupMaybe(PDFName.of("Font"), PDFDict);
  if (!dict) return fonts;
  for (const [name, ref] of dict.entries()) fonts.set(name.decodeText(), fontDigits(doc, ref));
  return fonts;
}

const cache = new WeakMap<PDFDict, FontDigits | null>();

function fontDigits(doc: PDFDocument, ref: unknown): FontDigits | null {
  const font = doc.context.lookup(ref as PDFRef);
  if (!(font instanceof PDFDict)) return null;
  if (cache.has(font)) return cache.get(font)!;
  let found: FontDigits | null = null;
  const toUnicode = font.lookup(PDFName.of("ToUnicode"));
  const descendant = font.lookupMaybe(PDFName.of("DescendantFonts"), PDFArray)?.lookup(0);
  if (toUnicode instanceof PDFRawStream && descendant instanceof PDFDict) {
    const glyphs = unicodeGlyphs(Buffer.from(decodePDFRawStream(toUnicode).decode()).toString("latin1"));
    const digits = new Map([..."0123456789"].map((d) => [d, glyphs.get(d) ?? []]));
    found = {width: glyphWidths(descendant), digits};
  }
  cache.set(font, found);
  return found;
}

/**
 * Returns, per character, the glyph ids a ToUnicode CMap maps to it (single characters only), lowest first.
 *
 * @example unicodeGlyphs("1 beginbfchar <0104> <0032> endbfchar").get("2") // [260]
 */
export function unicodeGlyphs(cmap: string): Map<string, number[]> {
  const map = new Map<string, number[]>();
  const add = (gid: number, code: number) => {
    const char = String.fromCharCode(code);
    map.set(
      char,
      [...(map.get(char) ?? []), gid].sort((a, b) => a - b)
    );
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]{4})>/g)) add(Number.parseInt(m[1], 16), Number.parseInt(m[2], 16));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]{4})>/g)) {
      const [from, to, code] = [Number.parseInt(m[1], 16), Number.parseInt(m[2], 16), Number.parseInt(m[3], 16)];
      for (let gid = from; gid <= to && gid - from < 65536; ++gid) add(gid, code + gid - from);
    }
  return map;
}

/** Returns a CID font's glyph advance (thousandths of the size) by glyph id, from its /W array and /DW. */
function glyphWidths(font: PDFDict): (gid: number) => number {
  const fallback = font.lookupMaybe(PDFName.of("DW"), PDFNumber)?.asNumber() ?? 1000;
  const table = new Map<number, number>();
  const w = font.lookupMaybe(PDFName.of("W"), PDFArray);
  const at = (i: number) => w!.lookup(i);
  for (let i = 0; w && i < w.size(); ) {
    const first = at(i);
    const next = at(i + 1);
    if (!(first instanceof PDFNumber)) break;
    if (next instanceof PDFArray) {
      next.asArray().forEach((_, k) => {
        const width = next.lookup(k);
        if (width instanceof PDFNumber) table.set(first.asNumber() + k, width.asNumber());
      });
      i += 2;
    } else {
      const last = next;
      const width = at(i + 2);
      if (!(last instanceof PDFNumber && width instanceof PDFNumber)) break;
      for (let gid = first.asNumber(); gid <= last.asNumber(); ++gid) table.set(gid, width.asNumber());
      i += 3;
    }
  }
  return (gid) => table.get(gid) ?? fallback;
}
