/**
 * Metric-matched fallback faces for the house fonts (issue #19: `font-display: swap` without a layout shift). Until a
 * web font arrives the page draws in a local face scaled and given the web font's vertical metrics
 * (`size-adjust`, `ascent-override`, `descent-override`, `line-gap-override`), so the swap changes the glyphs but
 * hardly the width of a line or its height.
 *
 * The numbers come from the fonts' own tables: the committed woff2 files (their `head`, `hhea`, `OS/2`, `cmap` and
 * `hmtx` tables, read from the Brotli stream of a WOFF2 file) against the fallback's TrueType file. `size-adjust` is
 * the ratio of the two fonts' advance widths summed over SAMPLE (text as this site writes it), so a line of the
 * site's text is as wide in either; the vertical overrides are the web font's ascent, descent and line gap (the ones
 * Chromium uses: `OS/2` typo metrics where its USE_TYPO_METRICS bit is set, else `hhea`) divided by `size-adjust`,
 * which Chromium applies to them too. src/cli/fontFallbacks.ts holds the result (`npx tsx src/cli/fontMetrics.ts`
 * prints it), so a build does not depend on the fonts of the machine it runs on.
 */
import {readFileSync} from "node:fs";
import {brotliDecompressSync} from "node:zlib";

/** The tables of a font file by tag (`head`, `hmtx`, …); `hmtx` as its advance widths only where WOFF2 transformed it. */
type Tables = Map<string, Buffer>;

/** The metrics of a font that matter for a fallback: in font units. */
export interface FontMetrics {
  unitsPerEm: number;
  ascent: number;
  /** Positive: the distance below the baseline. */
  descent: number;
  lineGap: number;
  /** The advance width of each character of SAMPLE the font has (code point → font units). */
  advances: Map<number, number>;
}

/** A fallback face: the local font and the descriptors that match it to a web font. */
export interface FallbackFace {
  /** The web font's file in docs/fonts. */
  file: string;
  /** The local font's full name, for `src: local(…)`. */
  local: string;
  /**
   * The characters the web font draws: the fallback face stands in for these only, so a character the web font lacks
   * (→, ≈) is drawn by the next font in the list at its own size, as before.
   */
  unicodeRange: string;
  /** Percentages, to two decimals. */
  sizeAdjust: number;
  ascentOverride: number;
  descentOverride: number;
  lineGapOverride: number;
}

/**
 * Text as this site writes it (the founding deal page's first screen, as prerendered on 7 Dec 2026): its characters,
 * each as often as it occurs, weigh the widths compared.
 */
export const SAMPLE =
  "Amazon's new money does not come back as AWS cash in today's dollars: netting $15B expected (up to $25B) of new " +
  "money against what AWS keeps from Anthropic's over $100B (reported) of committed spend (counted at $100B: the only " +
  "contracted cash), after about $72.3B of capex, the deal is worth about −$12.7B to Amazon at 10% in cash, the median " +
  "of its draws (about −$7.22B if the capacity left at the term's end is worth its book value), and the committed spend " +
  "pays for about 9.09 GW-years, about 18% of what the up to 5 GW ceiling could supply over 10 years. Invested, firm $13B " +
  "reported. New money in this deal. Compute commitment over $100B for 10 years. Capacity ceiling up to 5 GW. Provider's " +
  "capex to deliver it. Payback year (cumulative cash) not within the deal. The 5 GW is a ceiling, not the purchase.";

/** WOFF2's known table tags, by the index its directory uses (WOFF2 spec, section 5.1). */
const KNOWN_TAGS = (
  "cmap head hhea hmtx maxp name OS/2 post cvt fpgm glyf loca prep CFF VORG EBDT EBLC gasp hdmx kern LTSH PCLT VDMX " +
  "vhea vmtx BASE GDEF GPOS GSUB EBSC JSTF MATH CBDT CBLC COLR CPAL SVG sbix acnt avar bdat bloc bsln cvar fdsc feat " +
  "fmtx fvar gvar hsty just lcar mort morx opbd prop trak Zapf Silf Glat Gloc Feat Sill"
)
  .split(" ")
  .map((t) => t.padEnd(4));

/** Returns the tables of a WOFF2 file (a single font, not a collection). */
export function woff2Tables(bytes: Buffer): Tables {
  if (bytes.toString("latin1", 0, 4) !== "wOF2") throw new Error("not a WOFF2 file");
  const numTables = bytes.readUInt16BE(12);
  let at = 48;
  const base128 = () => {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const byte = bytes[at++];
      value = value * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) return value;
    }
    throw new Error("invalid UIntBase128");
  };
  const directory: {tag: string; length: number; transformed: boolean}[] = [];
  for (let i = 0; i < numTables; i++) {
    const flags = bytes[at++];
    let tag = KNOWN_TAGS[flags & 0x3f];
    if ((flags & 0x3f) === 0x3f) {
      tag = bytes.toString("latin1", at, at + 4);
      at += 4;
    }
    const version = flags >> 6;
    const origLength = base128();
    // glyf and loca are transformed at version 0, every other table at a version other than 0.
    const transformed = tag === "glyf" || tag === "loca" ? version === 0 : version !== 0;
    directory.push({tag, length: transformed ? base128() : origLength, transformed});
  }
  const stream = brotliDecompressSync(bytes.subarray(at));
  const tables: Tables = new Map();
  let offset = 0;
  for (const {tag, length, transformed} of directory) {
    const table = stream.subarray(offset, offset + length);
    offset += length;
    // A transformed hmtx (WOFF2 5.4) is a flags byte, then the advance widths as in hmtx (its side bearings may follow).
    tables.set(tag, tag === "hmtx" && transformed ? table.subarray(1) : table);
  }
  return tables;
}

/** Returns the tables of a TrueType/OpenType file. */
export function sfntTables(bytes: Buffer): Tables {
  const numTables = bytes.readUInt16BE(4);
  const tables: Tables = new Map();
  for (let i = 0; i < numTables; i++) {
    const entry = 12 + 16 * i;
    const offset = bytes.readUInt32BE(entry + 8);
    tables.set(bytes.toString("latin1", entry, entry + 4), bytes.subarray(offset, offset + bytes.readUInt32BE(entry + 12)));
  }
  return tables;
}

/** Returns the glyph of each code point of `chars` from a `cmap` table (its format 4 or 12 Unicode subtable). */
function glyphIds(cmap: Buffer, chars: number[]): Map<number, number> {
  const subtables = Array.from({length: cmap.readUInt16BE(2)}, (_, i) => ({
    platform: cmap.readUInt16BE(4 + 8 * i),
    encoding: cmap.readUInt16BE(6 + 8 * i),
    offset: cmap.readUInt32BE(8 + 8 * i)
  }));
  const unicode = (s: {platform: number; encoding: number}) =>
    s.platform === 0 || (s.platform === 3 && (s.encoding === 1 || s.encoding === 10));
  const pick = (format: number) => subtables.find((s) => unicode(s) && cmap.readUInt16BE(s.offset) === format);
  const ids = new Map<number, number>();
  const twelve = pick(12);
  if (twelve) {
    const groups = cmap.readUInt32BE(twelve.offset + 12);
    for (const c of chars)
      for (let g = 0; g < groups; g++) {
        const at = twelve.offset + 16 + 12 * g;
        const [start, end] = [cmap.readUInt32BE(at), cmap.readUInt32BE(at + 4)];
        if (c >= start && c <= end) ids.set(c, cmap.readUInt32BE(at + 8) + c - start);
      }
    return ids;
  }
  const four = pick(4);
  if (!four) throw new Error("no Unicode cmap of format 4 or 12");
  const o = four.offset;
  const segments = cmap.readUInt16BE(o + 6) / 2;
  const [ends, starts, deltas, ranges] = [o + 14, o + 16 + 2 * segments, o + 16 + 4 * segments, o + 16 + 6 * segments];
  for (const c of chars)
    for (let s = 0; s < segments; s++) {
      if (c > cmap.readUInt16BE(ends + 2 * s)) continue;
      const start = cmap.readUInt16BE(starts + 2 * s);
      if (c < start) break;
      const delta = cmap.readInt16BE(deltas + 2 * s);
      const range = cmap.readUInt16BE(ranges + 2 * s);
      if (!range) ids.set(c, (c + delta) & 0xffff);
      else {
        const glyph = cmap.readUInt16BE(ranges + 2 * s + range + 2 * (c - start));
        if (glyph) ids.set(c, (glyph + delta) & 0xffff);
      }
      break;
    }
  return ids;
}

/**
 * Returns the code points a font draws (its `cmap`'s Unicode subtable, format 4 or 12) as a CSS `unicode-range`, e.g.
 * `U+0-FF, U+131, U+2212`.
 */
export function unicodeRange(tables: Tables): string {
  const cmap = tables.get("cmap");
  if (!cmap) throw new Error("no cmap table");
  const all = Array.from({length: 0x10000}, (_, c) => c);
  const points = [...glyphIds(cmap, all)].filter(([, glyph]) => glyph > 0).map(([c]) => c);
  const ranges: [number, number][] = [];
  for (const c of points.sort((a, b) => a - b)) {
    const last = ranges.at(-1);
    if (last && c === last[1] + 1) last[1] = c;
    else ranges.push([c, c]);
  }
  const hex = (n: number) => n.toString(16).toUpperCase();
  return ranges.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(", ");
}

/** Returns the metrics of a font from its tables, with the advances of the characters of `sample`. */
export function fontMetrics(tables: Tables, sample = SAMPLE): FontMetrics {
  const table = (tag: string) => {
    const t = tables.get(tag);
    if (!t) throw new Error(`no ${tag} table`);
    return t;
  };
  const [head, hhea, os2, hmtx] = [table("head"), table("hhea"), table("OS/2"), table("hmtx")];
  const useTypo = (os2.readUInt16BE(62) & (1 << 7)) !== 0;
  const [ascent, descent, lineGap] = useTypo
    ? [os2.readInt16BE(68), -os2.readInt16BE(70), os2.readInt16BE(72)]
    : [hhea.readInt16BE(4), -hhea.readInt16BE(6), hhea.readInt16BE(8)];
  const hMetrics = hhea.readUInt16BE(34);
  const chars = [...new Set([...sample].map((c) => c.codePointAt(0)!))];
  const advances = new Map<number, number>();
  for (const [char, glyph] of glyphIds(table("cmap"), chars)) advances.set(char, hmtx.readUInt16BE(4 * Math.min(glyph, hMetrics - 1)));
  return {unitsPerEm: head.readUInt16BE(18), ascent, descent, lineGap, advances};
}

/**
 * Returns the descriptors that match `fallback` to `web` (percentages, rounded to two decimals): `size-adjust` makes
 * SAMPLE as wide in the fallback as in the web font; the overrides are the web font's ascent, descent and line gap
 * over the size-adjusted em. Throws when a character of the sample is missing from either font.
 */
export function fallbackDescriptors(web: FontMetrics, fallback: FontMetrics, sample = SAMPLE) {
  const width = (m: FontMetrics) =>
    [...sample].reduce((sum, c) => {
      const advance = m.advances.get(c.codePointAt(0)!);
      if (advance === undefined) throw new Error(`no glyph for ${JSON.stringify(c)}`);
      return sum + advance / m.unitsPerEm;
    }, 0);
  const sizeAdjust = width(web) / width(fallback);
  const percent = (units: number) => Math.round((units / web.unitsPerEm / sizeAdjust) * 10_000) / 100;
  return {
    sizeAdjust: Math.round(sizeAdjust * 10_000) / 100,
    ascentOverride: percent(web.ascent),
    descentOverride: percent(web.descent),
    lineGapOverride: percent(web.lineGap)
  };
}

/** The local face each web font falls back to (DejaVu, Chromium's fallback here), and where its file is. */
export const FALLBACK_FILES: Record<string, {local: string; path: string}> = {
  "inter-latin-400-normal.woff2": {local: "DejaVu Sans", path: "DejaVuSans.ttf"},
  "inter-latin-500-normal.woff2": {local: "DejaVu Sans", path: "DejaVuSans.ttf"},
  "inter-latin-600-normal.woff2": {local: "DejaVu Sans Bold", path: "DejaVuSans-Bold.ttf"},
  "inter-latin-700-normal.woff2": {local: "DejaVu Sans Bold", path: "DejaVuSans-Bold.ttf"},
  "source-serif-4-latin-400-normal.woff2": {local: "DejaVu Serif", path: "DejaVuSerif.ttf"},
  "source-serif-4-latin-400-italic.woff2": {local: "DejaVu Serif Italic", path: "DejaVuSerif-Italic.ttf"},
  "source-serif-4-latin-600-normal.woff2": {local: "DejaVu Serif Bold", path: "DejaVuSerif-Bold.ttf"},
  "source-serif-4-latin-700-normal.woff2": {local: "DejaVu Serif Bold", path: "DejaVuSerif-Bold.ttf"}
};

/** Where Debian puts the DejaVu files. */
export const DEJAVU_DIR = "/usr/share/fonts/truetype/dejavu";

/** Computes the fallback face of every web font in FALLBACK_FILES from the font files. */
export function computeFallbacks(fontsDir = "docs/fonts", systemDir = DEJAVU_DIR): FallbackFace[] {
  return Object.entries(FALLBACK_FILES).map(([file, {local, path}]) => {
    const web = woff2Tables(readFileSync(`${fontsDir}/${file}`));
    return {
      file,
      local,
      unicodeRange: unicodeRange(web),
      ...fallbackDescriptors(fontMetrics(web), fontMetrics(sfntTables(readFileSync(`${systemDir}/${path}`))))
    };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(computeFallbacks(), null, 2));
