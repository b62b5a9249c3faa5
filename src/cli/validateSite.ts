/** Checks a freshly built site before it may replace the published one. */
import {readdir, readFile, stat} from "node:fs/promises";
import {join, relative} from "node:path";

/**
 * Throws `site check: …` unless `dir` holds an index page, no page contains an error block rendered at build
 * time, and every file a data loader produced (`_file/…`) is non-empty and, for `.json`, parses. Framework ships
 * a loader's output whenever the loader exits 0, even when it wrote nothing or wrote log lines to stdout.
 * Returns the list of HTML pages (relative paths). With `parsed` (a relinked build: every other file of `_file/` is a
 * byte copy of the previous build's, which this check passed), only the files it lists are read and parsed; the others
 * are checked non-empty from their size. At 1,000 deals, parsing every deal's and briefing's file again was seconds of
 * a rebuild after one deal changed. With `pages` (a relinked build's scope, pageScope.ts), only the pages it takes are
 * read for error blocks: the others are the previous build's, checked then.
 *
 * @example
 * const pages = await validateSite(".build/site"); // ["changes.html", "deals/amazon-anthropic.html", "index.html", …]
 */
export async function validateSite(
  dir: string,
  {parsed, pages: scope = () => true}: {parsed?: ReadonlySet<string>; pages?: (file: string) => boolean} = {}
): Promise<string[]> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true});
  const files = entries.filter((f) => f.isFile()).map((f) => relative(dir, join(f.parentPath, f.name)).split("\\").join("/"));
  const pages = files.filter((f) => f.endsWith(".html")).sort();
  if (!pages.includes("index.html")) throw new Error(`site check: ${dir}/index.html is missing`);
  for (const page of pages.filter(scope)) {
    const html = await readFile(join(dir, page), "utf-8");
    if (html.includes("observablehq--error")) throw new Error(`site check: ${page} contains an error block`);
  }
  for (const file of files.filter((f) => f.startsWith("_file/")).sort()) {
    // `_file/data/dataset.4ab89dfc.json` comes from the loader `docs/data/dataset.json.*`.
    const source = `docs/${file.slice("_file/".length).replace(/\.[0-9a-f]{8}(\.[^./]+)$/, "$1")}`;
    const empty = () => new Error(`site check: ${file} is empty (did the data loader for ${source} write nothing?)`);
    if (parsed && !parsed.has(file)) {
      if (!(await stat(join(dir, file))).size) throw empty();
      continue;
    }
    const bytes = await readFile(join(dir, file));
    if (!bytes.length) throw empty();
    if (!file.endsWith(".json")) continue;
    try {
      JSON.parse(bytes.toString("utf-8"));
    } catch (error) {
      throw new Error(`site check: ${file} is not JSON (did the data loader for ${source} print to stdout?): ${(error as Error).message}`);
    }
  }
  return pages;
}
