/** Reads the bookmarks (outline) of a PDF: what Chromium writes from the headings with `outline: true`. */
import {PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString} from "pdf-lib";

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
  return outlineDicts(doc).map(({dict, depth}) => ({title: titleOf(dict), page: pageOf(dict, pages), depth}));
}

/**
 * Repairs bookmark titles that Chromium wrote twice over ("AssumptionsAssumptions": Chromium 156 does this to a
 * heading it laid out again while avoiding a page break) and returns how many it repaired. A title is repaired
 * when it is exactly some text repeated, with no separator: such a heading does not occur in our documents.
 *
 * @example repairOutlineTitles(doc) // 2
 */
export function repairOutlineTitles(doc: PDFDocument): number {
  let repaired = 0;
  for (const {dict} of outlineDicts(doc)) {
    const title = titleOf(dict);
    const half = title.length % 2 === 0 ? title.slice(0, title.length / 2) : "";
    if (half.trim() && half + half === title) {
      dict.set(PDFName.of("Title"), PDFHexString.fromText(half));
      ++repaired;
    }
  }
  return repaired;
}

/**
 * Keeps the bookmarks a reader navigates by: the document's title and its parts (the h1 and the h2 section headings,
 * depths 0 and 1) and drops everything below them (KPI card labels, sub-headings, table captions, which Chromium
 * bookmarks because they are headings too). Returns how many bookmarks it dropped.
 *
 * @example pruneOutline(doc, 1) // 48
 */
export function pruneOutline(doc: PDFDocument, maxDepth = 1): number {
  let dropped = 0;
  const count = (item: PDFDict): number => {
    let n = 0;
    for (let child = item.lookupMaybe(PDFName.of("First"), PDFDict); child; child = child.lookupMaybe(PDFName.of("Next"), PDFDict))
      n += 1 + count(child);
    return n;
  };
  for (const {dict, depth} of outlineDicts(doc)) {
    if (depth !== maxDepth || !dict.has(PDFName.of("First"))) continue;
    dropped += count(dict);
    dict.delete(PDFName.of("First"));
    dict.delete(PDFName.of("Last"));
    dict.delete(PDFName.of("Count"));
  }
  // An open item's /Count is the number of its visible descendants (negative when closed): recount above the cut.
  const root = doc.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  const recount = (item: PDFDict): void => {
    for (let child = item.lookupMaybe(PDFName.of("First"), PDFDict); child; child = child.lookupMaybe(PDFName.of("Next"), PDFDict))
      recount(child);
    if (!item.has(PDFName.of("First"))) return;
    const old = item.lookupMaybe(PDFName.of("Count"), PDFNumber);
    item.set(PDFName.of("Count"), PDFNumber.of(old && old.asNumber() < 0 && item !== root ? -count(item) : count(item)));
  };
  if (dropped && root) recount(root);
  return dropped;
}

/** Returns every outline item's dictionary in document order, with its depth. */
function outlineDicts(doc: PDFDocument): {dict: PDFDict; depth: number}[] {
  const root = doc.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  const items: {dict: PDFDict; depth: number}[] = [];
  const seen = new Set<PDFDict>();
  const visit = (parent: PDFDict, depth: number) => {
    let item = parent.lookupMaybe(PDFName.of("First"), PDFDict);
    while (item && !seen.has(item)) {
      seen.add(item);
      items.push({dict: item, depth});
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
