import {PDFDocument, PDFName} from "pdf-lib";
import {assert, it} from "vitest";
import {documentDate, finalizePdf, PRODUCER} from "../../src/cli/pdf/finalize.js";

async function samplePdf(created: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.create({updateMetadata: true});
  doc.addPage([200, 200]).drawText("hello", {x: 20, y: 100});
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  return doc.save();
}

const meta = {
  title: "Amazon → Anthropic",
  author: "compute-deals",
  subject: "Deal briefing",
  keywords: ["AI compute", "amazon-anthropic"],
  language: "en-US",
  date: new Date("2026-06-30T00:00:00Z")
};

it("documentDate(asOf, epoch) is midnight UTC of the as-of date without SOURCE_DATE_EPOCH", () => {
  assert.strictEqual(documentDate("2026-06-30", undefined).toISOString(), "2026-06-30T00:00:00.000Z");
  assert.strictEqual(documentDate("2026-06-30", "").toISOString(), "2026-06-30T00:00:00.000Z");
});

it("documentDate(asOf, epoch) takes SOURCE_DATE_EPOCH (seconds) when set", () => {
  // 1767225600 s = 2026-01-01T00:00:00Z
  assert.strictEqual(documentDate("2026-06-30", "1767225600").toISOString(), "2026-01-01T00:00:00.000Z");
  assert.strictEqual(documentDate("2026-06-30", "0").toISOString(), "1970-01-01T00:00:00.000Z");
});

it("documentDate(asOf, epoch) refuses a bad epoch or date", () => {
  assert.throws(() => documentDate("2026-06-30", "soon"), /invalid SOURCE_DATE_EPOCH: soon/);
  assert.throws(() => documentDate("2026-06-30", "-5"), /invalid SOURCE_DATE_EPOCH: -5/);
  assert.throws(() => documentDate("30/06/2026", undefined), /invalid asOf: 30\/06\/2026/);
  assert.throws(() => documentDate("2026-13-40", undefined), /invalid asOf/);
});

it("finalizePdf(bytes, meta) writes the metadata, the language and fixed dates", async () => {
  const doc = await PDFDocument.load(await finalizePdf(await samplePdf(new Date("2030-01-01T12:00:00Z")), meta), {updateMetadata: false});
  assert.strictEqual(doc.getTitle(), "Amazon → Anthropic");
  assert.strictEqual(doc.getAuthor(), "compute-deals");
  assert.strictEqual(doc.getSubject(), "Deal briefing");
  assert.strictEqual(doc.getKeywords(), "AI compute; amazon-anthropic");
  assert.strictEqual(doc.getProducer(), PRODUCER);
  assert.strictEqual(doc.getCreationDate()?.toISOString(), "2026-06-30T00:00:00.000Z");
  assert.strictEqual(doc.getModificationDate()?.toISOString(), "2026-06-30T00:00:00.000Z");
  assert.strictEqual(doc.catalog.lookup(PDFName.of("Lang"))?.toString(), "(en-US)");
  assert.isUndefined(doc.catalog.get(PDFName.of("Metadata")));
});

it("finalizePdf(bytes, meta) gives the same bytes for PDFs that differ only in their dates", async () => {
  const a = await finalizePdf(await samplePdf(new Date("2030-01-01T12:00:00Z")), meta);
  const b = await finalizePdf(await samplePdf(new Date("2031-05-05T08:30:00Z")), meta);
  assert.deepStrictEqual(Buffer.from(a), Buffer.from(b));
  // …with a content-derived /ID (two equal 16-byte hex strings).
  assert.match(Buffer.from(a).toString("latin1"), /\/ID \[ <([0-9A-F]{32})> <\1> \]/i);
});

it("finalizePdf(bytes, {date: invalid}) throws", async () => {
  const bytes = await samplePdf(new Date("2030-01-01T00:00:00Z"));
  await assertRejects(() => finalizePdf(bytes, {...meta, date: new Date("nope")}), /invalid date/);
});

async function assertRejects(fn: () => Promise<unknown>, pattern: RegExp): Promise<void> {
  try {
    await fn();
  } catch (error) {
    assert.match((error as Error).message, pattern);
    return;
  }
  assert.fail("expected a rejection");
}
