/** Checks a freshly built site before it may replace the published one. */
import {readdir, readFile} from "node:fs/promises";
import {join} from "node:path";

/**
 * Throws unless `dir` holds an index page and no page contains an error block rendered at build time.
 * Returns the list of HTML pages (relative paths).
 */
export async function validateSite(dir: string): Promise<string[]> {
  const pages = (await readdir(dir, {recursive: true})).filter((f) => f.endsWith(".html")).sort();
  if (!pages.includes("index.html")) throw new Error(`site check: ${dir}/index.html is missing`);
  for (const page of pages) {
    const html = await readFile(join(dir, page), "utf-8");
    if (html.includes("observablehq--error")) throw new Error(`site check: ${page} contains an error block`);
  }
  return pages;
}
