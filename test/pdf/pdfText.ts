// Reads PDFs for the tests: text per page (pdfjs-dist, or poppler's pdftotext for the shared build's eleven
// briefings), bookmarks and metadata (pdf-lib).
import {execFileSync} from "node:child_process";
import {readFileSync, statSync} from "node:fs";
import {getDocument} from "pdfjs-dist/legacy/build/pdf.mjs";

/** A page's text items (pdfjs getTextContent) and its height, in points. */
interface PageText {
  height: number;
  items: {str: string; hasEOL: boolean; y: number; itemHeight: number}[];
}

/** Each PDF's pages as read, by path, size and modification time: a file read for its texts and its fills is parsed once. */
const read = new Map<string, Promise<PageText[]>>();

/** Returns the text items and height of every page of the PDF at `file` (parsed once per file version). */
function readPages(file: string): Promise<PageText[]> {
  const {size, mtimeMs} = statSync(file);
  const key = `${file}\0${size}\0${mtimeMs}`;
  let pages = read.get(key);
  if (!pages) {
    pages = parsePages(file);
    read.set(key, pages);
    pages.catch(() => read.delete(key));
  }
  return pages;
}

/** Opens the PDF at `file` with pdfjs (no eval, no console output); the caller destroys it. */
function openPdf(file: string) {
  return getDocument({data: new Uint8Array(readFileSync(file)), verbosity: 0, isEvalSupported: false}).promise;
}

async function parsePages(file: string): Promise<PageText[]> {
  const doc = await openPdf(file);
  try {
    const pages: PageText[] = [];
    for (let n = 1; n <= doc.numPages; ++n) {
      const page = await doc.getPage(n);
      const items = (await page.getTextContent()).items.flatMap((item) =>
        "str" in item ? [{str: item.str, hasEOL: item.hasEOL, y: item.transform[5] as number, itemHeight: item.height}] : []
      );
      pages.push({height: page.view[3] - page.view[1], items});
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Returns the text of every page of the PDF at `file`, white space collapsed. */
export async function pageTexts(file: string): Promise<string[]> {
  return (await readPages(file)).map(({items}) =>
    items
      .map((item) => item.str + (item.hasEOL ? " " : ""))
      .join("")
      .replace(/\s+/g, " ")
      .trim()
  );
}

/**
 * Returns what pageTexts and pageFills return for the PDF at `file`, read by poppler's pdftotext (C) instead of pdfjs:
 * the shared build's 194 pages in 2.1 CPU-s instead of 15.3 (pdfjs walks every chart's path operators to find the
 * text). Texts: `-raw` (the content stream's order, as pdfjs reads it), white space collapsed; the same characters in
 * the same order as pageTexts on every page of the eleven briefings (s17), where pdfjs joins two text runs that touch
 * without a space ("Page 2 of 8compute-deals") and pdftotext puts one. Fills: `-bbox` (each word's box, top-left
 * origin) with pageFills' margins and formula, a word's box standing for pdfjs's baseline and font height (it reaches
 * the descenders: about 0.3% more of a page). test/pdf/render-test.ts checks both against pdfjs on one briefing.
 */
export function popplerReading(
  file: string,
  {top = 56.7, bottom = 51}: {top?: number; bottom?: number} = {}
): {
  texts: string[];
  fills: number[];
} {
  const run = (args: string[]) => execFileSync("pdftotext", [...args, file, "-"], {encoding: "utf-8", maxBuffer: 1 << 28});
  const raw = run(["-raw", "-enc", "UTF-8"]).split("\f");
  const boxes = run(["-bbox", "-enc", "UTF-8"]).split("<page ").slice(1);
  const texts = boxes.map((_, i) => (raw[i] ?? "").replace(/\s+/g, " ").trim());
  const fills = boxes.map((page) => {
    const height = Number(/height="([\d.]+)"/.exec(page)?.[1]);
    let low = Infinity;
    let high = -Infinity;
    for (const m of page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      if (!m[3].trim()) continue;
      // From the top-left origin to pdfjs's bottom-left: the box's bottom edge and top edge.
      const [y, yTop] = [height - Number(m[2]), height - Number(m[1])];
      if (y < bottom || y > height - top) continue;
      low = Math.min(low, y);
      high = Math.max(high, yTop);
    }
    return high > low ? (high - low) / (height - top - bottom) : 0;
  });
  return {texts, fills};
}

/**
 * Returns every link of the PDF at `file`: its address (`unsafeUrl`, as written) or `#dest` for a link within the
 * document, and `js:` for a link that runs a script.
 */
export async function pageLinks(file: string): Promise<string[]> {
  const doc = await openPdf(file);
  try {
    const links: string[] = [];
    for (let n = 1; n <= doc.numPages; ++n) {
      for (const annotation of await (await doc.getPage(n)).getAnnotations()) {
        if (annotation.subtype !== "Link") continue;
        if (annotation.actions && Object.keys(annotation.actions).length)
          links.push(`js: ${JSON.stringify(annotation.actions).slice(0, 100)}`);
        else links.push(annotation.unsafeUrl ?? annotation.url ?? `#${JSON.stringify(annotation.dest ?? null)}`);
      }
    }
    return links;
  } finally {
    await doc.destroy();
  }
}

/**
 * Returns how full each page of the PDF at `file` is: the height its text spans inside the printed area (the page
 * less its top and bottom margins, in points, where the running header and page number sit), as a share of that
 * area's height. Chart labels and axes are text, so a chart counts by its extent.
 */
export async function pageFills(file: string, {top = 56.7, bottom = 51}: {top?: number; bottom?: number} = {}): Promise<number[]> {
  return (await readPages(file)).map(({height, items}) => {
    let low = Infinity;
    let high = -Infinity;
    for (const {str, y, itemHeight} of items) {
      if (!str.trim()) continue;
      if (y < bottom || y > height - top) continue;
      low = Math.min(low, y);
      high = Math.max(high, y + itemHeight);
    }
    return high > low ? (high - low) / (height - top - bottom) : 0;
  });
}
