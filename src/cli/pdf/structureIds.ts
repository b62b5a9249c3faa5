/**
 * Makes the tagged structure reproducible. Chromium names table header cells after its internal DOM node numbers
 * (`/ID (node00000387)`, referenced from `/Headers` and the `/IDTree`), which shift from run to run with the
 * number of nodes the page created before. They are renumbered by rank, in the same order, everywhere they occur.
 */
import {PDFArray, PDFDict, type PDFDocument, PDFHexString, type PDFName, type PDFObject, PDFStream, PDFString} from "pdf-lib";

const NODE_ID = /^node(\d+)$/;

/**
 * Replaces every string of the form `node<digits>` in `doc` with `node<rank>` (rank among all such ids by their
 * number, from 1, zero-padded to 8 digits so the name tree stays sorted) and returns how many distinct ids it
 * renumbered.
 *
 * @example normalizeStructureIds(doc) // 42
 */
export function normalizeStructureIds(doc: PDFDocument): number {
  const found = new Set<number>();
  visitAll(doc, (value) => {
    const id = nodeId(value);
    if (id !== undefined) found.add(id);
    return undefined;
  });
  const rank = new Map([...found].sort((a, b) => a - b).map((id, i) => [id, `node${String(i + 1).padStart(8, "0")}`]));
  visitAll(doc, (value) => {
    const id = nodeId(value);
    return id === undefined ? undefined : PDFString.of(rank.get(id)!);
  });
  return rank.size;
}

function nodeId(value: PDFObject): number | undefined {
  if (!(value instanceof PDFString || value instanceof PDFHexString)) return undefined;
  const match = NODE_ID.exec(value.decodeText());
  return match ? Number(match[1]) : undefined;
}

/** Calls `replace` on every value inside every indirect object; a returned object takes the value's place. */
function visitAll(doc: PDFDocument, replace: (value: PDFObject) => PDFObject | undefined): void {
  const visit = (value: PDFObject): void => {
    if (value instanceof PDFDict) {
      for (const [key, child] of value.entries()) {
        const next = replace(child);
        if (next) value.set(key as PDFName, next);
        else visit(child);
      }
    } else if (value instanceof PDFArray) {
      for (let i = 0; i < value.size(); ++i) {
        const child = value.get(i);
        const next = replace(child);
        if (next) value.set(i, next);
        else visit(child);
      }
    } else if (value instanceof PDFStream) visit(value.dict);
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) visit(object);
}
