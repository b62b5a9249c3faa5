/**
 * Makes a printed PDF reproducible and self-describing: document metadata (title, author, subject, keywords,
 * language, creator, producer), bookmark titles repaired (see repairOutlineTitles) and cut to section headings (see
 * pruneOutline), structure ids renumbered (see
 * normalizeStructureIds), creation and modification dates from SOURCE_DATE_EPOCH or the data's as-of date instead
 * of the clock, no XMP packet (it would carry its own dates and random ids), and a file /ID derived from the
 * content. The same Chromium and the same inputs then give the same bytes.
 */
import {createHash} from "node:crypto";
import {ParseSpeeds, PDFDocument, PDFHexString, PDFName} from "pdf-lib";
import {pruneOutline, repairOutlineTitles} from "./outline.js";
import {normalizeStructureIds} from "./structureIds.js";

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** BCP 47 tag, e.g. "en-US". */
  language: string;
  /** Written as both the creation and the modification date. */
  date: Date;
}

/** The producer written into every briefing (fixed: no version numbers that would differ between machines). */
export const PRODUCER = "compute-deals (Chromium, pdf-lib)";

/**
 * Saved in one go (`objectsPerTick: Infinity`): pdf-lib's default yields to the event loop every 50 objects through a
 * timer, which made saving a 2 MB briefing take ≈ 0.27 s instead of ≈ 0.06 s, mostly waiting.
 */
const SAVE = {
  useObjectStreams: false,
  addDefaultPage: false,
  updateFieldAppearances: false,
  objectsPerTick: Number.POSITIVE_INFINITY
} as const;

/**
 * Returns the PDF date for a briefing: SOURCE_DATE_EPOCH (seconds since 1970, UTC) when `epoch` is set, else
 * midnight UTC of `asOf` (ISO date). Throws `invalid SOURCE_DATE_EPOCH: x` or `invalid asOf: x`.
 *
 * @example documentDate("2026-06-30", undefined) // 2026-06-30T00:00:00.000Z
 */
export function documentDate(asOf: string, epoch: string | undefined = process.env.SOURCE_DATE_EPOCH): Date {
  if (epoch !== undefined && epoch !== "") {
    const seconds = Number(epoch);
    if (!(Number.isInteger(seconds) && seconds >= 0)) throw new Error(`invalid SOURCE_DATE_EPOCH: ${epoch}`);
    return new Date(seconds * 1000);
  }
  const date = new Date(`${asOf}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(date.getTime())) throw new Error(`invalid asOf: ${asOf}`);
  return date;
}

/** The file /ID the document is saved with before its digest replaces it: as long as a digest, found once at the end. */
const PENDING_ID = "0".repeat(32);

/**
 * Returns `pdf` (a PDF's bytes, or the document loaded) with the metadata set and everything that varies between
 * runs fixed. The file /ID is the first 16 bytes of the SHA-256 of the document saved with an /ID of zeros, written
 * twice (original and current) in place of the zeros: one save.
 *
 * @example await finalizePdf(await page.pdf(), {title, author: "compute-deals", subject, keywords: [], language: "en-US", date})
 */
export async function finalizePdf(pdf: Uint8Array | PDFDocument, meta: PdfMetadata): Promise<Uint8Array> {
  if (!(meta.date instanceof Date && !Number.isNaN(meta.date.getTime()))) throw new Error(`invalid date: ${meta.date}`);
  const doc = pdf instanceof PDFDocument ? pdf : await PDFDocument.load(pdf, {updateMetadata: false, parseSpeed: ParseSpeeds.Fastest});
  doc.setTitle(meta.title, {showInWindowTitleBar: true});
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  // pdf-lib joins keywords with spaces, which runs multi-word keywords together: join them with semicolons.
  doc.setKeywords([meta.keywords.join("; ")]);
  doc.setLanguage(meta.language);
  doc.setCreator("compute-deals");
  doc.setProducer(PRODUCER);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  repairOutlineTitles(doc);
  pruneOutline(doc);
  normalizeStructureIds(doc);
  doc.catalog.delete(PDFName.of("Metadata"));
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(PENDING_ID), PDFHexString.of(PENDING_ID)]);
  const bytes = await doc.save(SAVE);
  const digest = createHash("sha256").update(bytes).digest("hex").slice(0, 32);
  const pending = Buffer.from(`/ID [ <${PENDING_ID}> <${PENDING_ID}> ]`, "latin1");
  const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).lastIndexOf(pending);
  if (at < 0) throw new Error("finalizePdf: the saved PDF has no file /ID to fill in");
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).write(`/ID [ <${digest}> <${digest}> ]`, at, "latin1");
  return bytes;
}
