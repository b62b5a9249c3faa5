/** Reads the bookmarks (outline) of a PDF: what Chromium writes from the headings with `outline: true`. */
import {PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFRef, PDFString} from "pdf-lib";

export interface OutlineItem {
  title: string;
  /** 1-based page number the bookmark points to; 0 when its destination is not a page of this document. */
  page: number;
  /** 0 for top-level bookmarks, 1 for their children… */
  depth: number;
}

/**
 * Returns every bookmark of `doc` in document order (depth first), with the page it points to. Destinations may
 * be an explicit `/Dest` array or a GoTo action; named destinations are not resolved (page 0). An outline with a
 * loop is read once around.
 *
 * @example (await readOutline(doc)).map((b) => b.title) // ["Amazon → Anthropic", "Contents", "Executive summary", …]
 */
export function readOutline(doc: PDFDocument): OutlineItem[] {
  const pages = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i + 1]));
  const root = doc.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  const items: OutlineItem[] = [];
  const seen = new Set<PDFDict>();
  const visit = (parent: PDFDict, depth: number) => {
    let item = parent.lookupMaybe(PDFName.of("First"), PDFDict);
    while (item && !seen.has(item)) {
      seen.add(item);
      items.push({title: titleOf(item), page: pageOf(item, pages), depth});
      visit(item, depth + 1);
      item = item.lookupMaybe(PDFName.of("Next"), PDFDict);
    }
  };
  if (root) visit(root, 0);
  return items;
}

function titleOf(item: PDFDict): string {
  const title = item.lookup(PDFName.of("Title"));
  return title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : "";
}

function pageOf(item: PDFDict, pages: Map<string, number>): number {
  let dest = item.lookup(PDFName.of("Dest"));
  if (!dest) {
    const action = item.lookupMaybe(PDFName.of("A"), PDFDict);
    dest = action?.lookup(PDFName.of("D"));
  }
  if (!(dest instanceof PDFArray) || dest.size() === 0) return 0;
  const target = dest.get(0);
  return target instanceof PDFRef ? (pages.get(target.toString()) ?? 0) : 0;
}
