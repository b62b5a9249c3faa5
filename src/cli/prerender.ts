/**
 * Puts each page's first screen into its built HTML (issue #19): Framework writes every `${…}` of a page as an empty
 * placeholder (`<observablehq-loading>` before a `<!--:cell:-->` marker) filled in the browser, so a reader without
 * JavaScript, a search engine and a link preview saw an empty `h1` and no figure. After the build, a child process
 * (src/cli/prerenderWorker.ts) runs each page's own cells in Node against a jsdom document, from the same data files
 * and component modules the browser loads, and writes what every text cell displays into its placeholder. The page's
 * own code replaces the placeholder when it runs (Framework's client removes a cell's loading element when the cell
 * displays), so the interactive version takes over in place, with the same markup and no layout shift.
 *
 * What is written comes from the page itself: the title, finding, key figures and cards are rendered by the same
 * components that draw them live. Cells that draw charts or controls (svg, canvas, form, input) are left to the
 * browser. No browser and no clock: the same site gives the same bytes.
 */
import {spawn} from "node:child_process";
import {mkdtemp, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {compiledEntry} from "./compiled.js";

/** Where `deals build` keeps each page's prerendered cells (prerenderCache.ts): in Framework's cache, emptied with it. */
export const PRERENDER_CACHE = "docs/.observablehq/cache/.deals-prerender";

/** The class of a placeholder holding prerendered markup (style.css shows it as its content, without the spinner). */
export const PRERENDERED = "prerendered";

/**
 * Elements of a chart, a medium or an error (svg, canvas, video, iframe, `.observablehq--inspect`,
 * `.observablehq--error`): a cell showing one is not prerendered. Tested on the element's HTML (its own tag and every
 * descendant's), one scan of the text the prerender writes anyway: the selectors walked the whole tree of the pages
 * that list every deal (the deals index, the front page's explorer) once more per cell, a cost that grew with the
 * deals. Text escapes `<`, so a tag found is a tag; a class found in a comment, an attribute or text that reads like
 * one refuses the cell too, which leaves it to the browser (never a wrong copy).
 */
const DRAWN_HTML = /<(?:svg|canvas|video|iframe)[\s/>]|\sclass="(?:[^"]*\s)?observablehq--(?:inspect|error)(?:\s[^"]*)?"/;
/** Form elements (form, input, select, textarea): prerendered only for a control (a `view` cell), to hold its place. */
const FORM_HTML = /<(?:form|input|select|textarea)[\s/>]/;

/** Block-level elements: markup holding one cannot sit inside a `<p>` of the static HTML (the parser would close it). */
const BLOCK =
  /<(?:address|article|aside|blockquote|details|dialog|div|dl|fieldset|figure|footer|form|h[1-6]|header|hr|main|nav|ol|p|pre|section|table|ul)\b/i;

const CELL = "<!--:([0-9a-f]{8}(?:-\\d+)?):-->";

/**
 * Returns `html` without the markup a previous prerender wrote: empty placeholders again, so prerendering a page
 * twice gives the same page and a page relinked to new data is prerendered from scratch.
 */
export function stripPrerendered(html: string): string {
  return html
    .replace(
      new RegExp(
        `<div class="${PRERENDERED}-p"><observablehq-loading class="${PRERENDERED}">[\\s\\S]*?</observablehq-loading>${CELL}</div>`,
        "g"
      ),
      "<p><observablehq-loading></observablehq-loading><!--:$1:--></p>"
    )
    .replace(
      new RegExp(`<observablehq-loading class="${PRERENDERED}"([^>]*)>[\\s\\S]*?</observablehq-loading>${CELL}`, "g"),
      (_, attributes: string, id: string) =>
        `${attributes.includes("data-block") ? "" : "<observablehq-loading></observablehq-loading>"}<!--:${id}:-->`
    );
}

/**
 * Returns `html` (stripped of an earlier prerender) with each cell's markup in `cells` (cell id → HTML) written into
 * its placeholder. A cell alone in a paragraph whose markup has block elements gets a `<div>` in place of the `<p>`
 * (the browser puts it in the same place); a cell with block markup in the middle of a paragraph is left empty. The
 * cells in `controls` (a scenario's sliders, a deal picker) hold their place only: marked `inert`, and hidden without
 * JavaScript, where they could not work.
 *
 * @example withPrerendered('<h1><observablehq-loading></observablehq-loading><!--:6e474379:--></h1>', {"6e474379": "Amazon → Anthropic"})
 */
export function withPrerendered(html: string, cells: Record<string, string>, controls: ReadonlySet<string> = new Set()): string {
  let out = stripPrerendered(html);
  for (const [id, markup] of Object.entries(cells)) {
    if (!markup.trim()) continue;
    const marker = `<!--:${id}:-->`;
    const control = controls.has(id) ? " data-control inert" : "";
    const filled = `<observablehq-loading class="${PRERENDERED}"${control}>${markup}</observablehq-loading>${marker}`;
    const alone = `<p><observablehq-loading></observablehq-loading>${marker}</p>`;
    if (BLOCK.test(markup) && out.includes(alone)) out = out.replace(alone, () => `<div class="${PRERENDERED}-p">${filled}</div>`);
    else if (out.includes(`<observablehq-loading></observablehq-loading>${marker}`)) {
      const at = out.indexOf(`<observablehq-loading></observablehq-loading>${marker}`);
      if (BLOCK.test(markup) && insideParagraph(out, at)) continue;
      out = out.replace(`<observablehq-loading></observablehq-loading>${marker}`, () => filled);
    } else if (out.includes(marker) && !insideParagraph(out, out.indexOf(marker)))
      out = out.replace(
        marker,
        () => `<observablehq-loading class="${PRERENDERED}" data-block${control}>${markup}</observablehq-loading>${marker}`
      );
  }
  return out;
}

/** Whether position `at` of `html` is inside an open `<p>` (the last `<p>` or `<p …>` before it is not closed). */
function insideParagraph(html: string, at: number): boolean {
  const before = html.slice(0, at);
  const open = Math.max(before.lastIndexOf("<p>"), before.lastIndexOf("<p "));
  return open >= 0 && before.lastIndexOf("</p>") < open;
}

/** One cell of a built page, as its module script defines it for Framework's client. */
export interface PageCell {
  id: string;
  mode?: string;
  inputs?: string[];
  outputs?: string[];
  body: (...args: unknown[]) => unknown;
}

/**
 * Returns the cells and registered files of a built page's module script, its relative imports made absolute
 * against `pageUrl` (the page's file: URL) and loaded with `importModule`, or null when the page has no cells. The script is the build's own code
 * (the data it reads is in the files it registers).
 */
export function cellsOf(
  html: string,
  pageUrl: string,
  importModule: (url: string) => Promise<unknown>
): {cells: PageCell[]; files: {name: string; path: string}[]} | null {
  const script = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]).find((s) => s.includes("define({"));
  if (!script) return null;
  const code = script
    .replace(/^import \{(?:define|registerFile)\} from "[^"]+";$/gm, "")
    .replace(/\bimport\("(\.{1,2}\/[^"]+)"\)/g, (_, path: string) => `importModule(${JSON.stringify(new URL(path, pageUrl).href)})`);
  if (/^import\b/m.test(code)) return null;
  const cells: PageCell[] = [];
  const files: {name: string; path: string}[] = [];
  // Modules are imported through `importModule` (the caller's import()): an import() in code built here would be
  // resolved as if from CommonJS under tsx (the module's exports wrapped in `default`).
  new Function("define", "registerFile", "importModule", code)(
    (cell: PageCell) => cells.push(cell),
    (name: string, file: {path: string}) => files.push({name, path: file.path}),
    importModule
  );
  return {cells, files};
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Returns the markup of what a cell displayed (`values`, in `window`'s document), as Framework's client would insert
 * it: nodes as they are, text escaped, an inline cell's other values as text; null when it holds a chart, or a form
 * outside a `control` cell (or a block cell displayed something that is not a node: Framework shows an inspector).
 */
export function markupOf(
  values: unknown[],
  window: {Node: typeof Node},
  {inline, control = false}: {inline: boolean; control?: boolean}
): string | null {
  const parts: string[] = [];
  const add = (value: unknown): boolean => {
    if (value instanceof window.Node) {
      const node = value as Node;
      if (node.nodeType === 1) {
        const element = node as Element;
        const html = element.outerHTML;
        if (DRAWN_HTML.test(html) || (!control && FORM_HTML.test(html))) return false;
        // Nothing to take out (no blob: link, no form): the element's HTML as it is.
        if (!html.includes('href="blob:') && !/<form[\s>]/.test(html)) {
          parts.push(html);
          return true;
        }
        // A link to data the page made in memory (a CSV download's blob: URL, random each time) has no address
        // before the script runs: the static copy keeps its text without the link.
        const copy = element.cloneNode(true) as Element;
        for (const link of [copy, ...copy.querySelectorAll("[href^='blob:']")])
          if (link.getAttribute("href")?.startsWith("blob:")) link.removeAttribute("href");
        // A form holding forms (the scenario controls hold Inputs' own) is made in the page with the DOM, but the HTML
        // parser drops a form inside a form: the outer one is written as a <div> so the layout parses as it draws.
        for (const form of [copy, ...copy.querySelectorAll("form")].filter((f) => f.localName === "form" && f.querySelector("form"))) {
          const div = form.ownerDocument.createElement("div");
          for (const {name, value} of form.attributes) div.setAttribute(name, value);
          div.append(...form.childNodes);
          if (form === copy) {
            parts.push(div.outerHTML);
            return true;
          }
          form.replaceWith(div);
        }
        parts.push(copy.outerHTML);
      } else if (node.nodeType === 3) parts.push(escapeText(node.textContent ?? ""));
      else if (node.nodeType === 11) {
        for (const child of node.childNodes) if (!add(child)) return false;
      }
      return true;
    }
    if (!inline) return false;
    if (typeof value === "string" || !(value as {[Symbol.iterator]?: unknown})?.[Symbol.iterator]) {
      parts.push(escapeText(String(value)));
      return true;
    }
    for (const v of value as Iterable<unknown>) if (!add(v instanceof window.Node ? v : String(v))) return false;
    return true;
  };
  for (const value of values) if (!add(value)) return null;
  return parts.join("");
}

/**
 * Returns the ids of the cells inside the parts of a built page marked `data-prerender="skip"` (a deal page's topic
 * sections, full of charts, below its first screen): the prerender neither runs nor writes them.
 *
 * @example skippedCells('<div class="deal-topics" data-prerender="skip"><observablehq-loading></observablehq-loading><!--:19af8202:--></div>') // Set {"19af8202"}
 */
export function skippedCells(html: string): Set<string> {
  const ids = new Set<string>();
  for (const [, , inner] of stripPrerendered(html).matchAll(/<(\w+)\b[^>]*\bdata-prerender="skip"[^>]*>([\s\S]*?)<\/\1>/g))
    for (const [, id] of inner.matchAll(new RegExp(CELL, "g"))) ids.add(id);
  return ids;
}

/** Returns the site-relative paths of the pages of `dir` a reader opens (the briefings' print pages left out). */
export async function readerPages(dir: string): Promise<string[]> {
  return (await readdir(dir, {recursive: true}))
    .map((f) => String(f).split("\\").join("/"))
    .filter((f) => f.endsWith(".html") && !f.startsWith("briefings/"))
    .sort();
}

/** Removes what a prerender wrote into the pages of `dir` (for a build relinked from a prerendered one). */
export async function removePrerendered(dir: string): Promise<void> {
  for (const file of await readerPages(dir)) {
    const html = await readFile(join(dir, file), "utf-8");
    const stripped = stripPrerendered(html);
    if (stripped !== html) await writeFile(join(dir, file), stripped);
  }
}

/**
 * Prerenders the first screen of every page built in `dir` (the briefings' print pages excepted) in a child process,
 * and returns the number of pages that got text. The child runs in UTC and US English whatever the machine's
 * settings, so every build writes the same bytes. A page whose cells fail keeps its empty placeholders: the prerender
 * adds to a page, it never stops a build. With `scope` (a relinked build's, pageScope.ts) only the pages it takes are
 * read and prerendered, and the cache keeps its other entries (the pages left out still have theirs).
 */
export async function prerenderPages(
  dir: string,
  {
    log = (line: string) => console.warn(line),
    cache,
    scope
  }: {
    log?: (line: string) => void;
    /** A folder keeping each page's prerendered cells by the page's inputs (prerenderCache.ts); none by default. */
    cache?: string;
    /** The pages to prerender (default every reader page). */
    scope?: (file: string) => boolean;
  } = {}
): Promise<number> {
  // From the compiled CLI, its compiled worker: 22 pages took 5.0–5.5 CPU-s so, 6.8–6.9 through tsx (s15).
  const compiled = compiledEntry("prerenderWorker");
  const worker = compiled ?? fileURLToPath(new URL("./prerenderWorker.ts", import.meta.url));
  const out: string[] = [];
  // The worker reads the pages to take from a file (a thousand names may not fit in its arguments).
  const listDir = scope ? await mkdtemp(join(tmpdir(), "deals-prerender-")) : null;
  const list = listDir ? join(listDir, "pages.json") : "";
  if (scope) await writeFile(list, JSON.stringify((await readerPages(dir)).filter(scope)));
  const code = await new Promise<number | null>((done, fail) => {
    const tsx = compiled ? [] : ["--import", "tsx"];
    const args = ["--experimental-detect-module", "--no-warnings", ...tsx, worker, dir, ...(cache ? [cache] : [])];
    const child = spawn(process.execPath, args, {
      stdio: ["ignore", "pipe", "pipe"],
      env: {...process.env, TZ: "UTC", LANG: "en_US.UTF-8", LC_ALL: "en_US.UTF-8", ...(list ? {DEALS_PRERENDER_PAGES: list} : {})}
    });
    child.stdout.on("data", (chunk) => out.push(String(chunk)));
    child.stderr.on("data", (chunk) => {
      for (const line of String(chunk).split("\n")) if (line.trim()) log(line);
    });
    child.on("error", fail);
    child.on("exit", done);
  }).finally(() => (listDir ? rm(listDir, {recursive: true, force: true}) : undefined));
  if (code !== 0) {
    log(`prerender: the prerender exited with ${code}; the pages keep their empty placeholders`);
    await removePrerendered(dir);
    return 0;
  }
  return Number(out.join("").trim()) || 0;
}
