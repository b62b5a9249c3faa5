// Reads PDFs for the tests: text per page (pdfjs-dist), bookmarks and metadata (pdf-lib).
import {readFileSync} from "node:fs";
import {getDocument} from "pdfjs-dist/legacy/build/pdf.mjs";

/** Returns the text of every page of the PDF at `file`, white space collapsed. */
export async function pageTexts(file: string): Promise<string[]> {
  const doc = await getDocument({data: new Uint8Array(readFileSync(file)), verbosity: 0, isEvalSupported: false}).promise;
  try {
    const texts: string[] = [];
    for (let n = 1; n <= doc.numPages; ++n) {
      const content = await (await doc.getPage(n)).getTextContent();
      texts.push(
        content.items
          .map((item) => ("str" in item ? item.str + (item.hasEOL ? " " : "") : ""))
          .join("")
          .replace(/\s+/g, " ")
          .trim()
      );
    }
    return texts;
  } finally {
    await doc.destroy();
  }
}

/**
 * Returns every link of the PDF at `file`: its address (`unsafeUrl`, as written) or `#dest` for a link within the
 * document, and `js:` for a link that runs a script.
 */
export async function pageLinks(file: string): Promise<string[]> {
  const doc = await getDocument({data: new Uint8Array(readFileSync(file)), verbosity: 0, isEvalSupported: false}).promise;
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
  const doc = await getDocument({data: new Uint8Array(readFileSync(file)), verbosity: 0, isEvalSupported: false}).promise;
  try {
    const fills: number[] = [];
    for (let n = 1; n <= doc.numPages; ++n) {
      const page = await doc.getPage(n);
      const height = page.view[3] - page.view[1];
      let low = Infinity;
      let high = -Infinity;
      for (const item of (await page.getTextContent()).items) {
        if (!("str" in item) || !item.str.trim()) continue;
        const y = item.transform[5];
        if (y < bottom || y > height - top) continue;
        low = Math.min(low, y);
        high = Math.max(high, y + item.height);
      }
      fills.push(high > low ? (high - low) / (height - top - bottom) : 0);
    }
    return fills;
  } finally {
    await doc.destroy();
  }
}
