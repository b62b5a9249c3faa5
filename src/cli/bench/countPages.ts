/** Counts the pages of PDF files with pdf-lib. */
import {existsSync} from "node:fs";
import {readdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import {PDFDocument} from "pdf-lib";

/**
 * Returns the number of PDF documents in `dir` (files ending in `.pdf`, not recursive) and their total page count;
 * `{documents: 0, pages: 0}` when the folder does not exist.
 *
 * @example await countPdfPages("dist/briefings") // {documents: 11, pages: 96}
 */
export async function countPdfPages(dir: string): Promise<{documents: number; pages: number}> {
  if (!existsSync(dir)) return {documents: 0, pages: 0};
  const files = (await readdir(dir)).filter((f) => f.endsWith(".pdf"));
  let pages = 0;
  for (const file of files) pages += await pdfPageCount(join(dir, file));
  return {documents: files.length, pages};
}

/** Returns the page count of one PDF file. */
export async function pdfPageCount(file: string): Promise<number> {
  const document = await PDFDocument.load(await readFile(file), {updateMetadata: false});
  return document.getPageCount();
}
