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
