/**
 * Puts each page's text into its built HTML (issue #19): Framework writes every `${…}` of a page as an empty
 * placeholder (`<observablehq-loading>` before a `<!--:cell:-->` marker) filled in the browser, so a reader without
 * JavaScript, a search engine and a link preview saw an empty `h1` and no figure. The build loads each page once in
 * the locked-down Chromium at the base scenario (no query string), and writes what every text cell displayed into
 * its placeholder; the page's own code replaces the placeholder when it runs (Framework's client removes a cell's
 * loading element when the cell displays), so the interactive version takes over in place, with the same markup.
 *
 * What is written comes from the page itself: whatever its first screen shows (title, finding, key figures, the
 * call when there is one) is rendered by the same components that draw it live, in one place. Cells that draw
 * charts or controls (svg, canvas, form, input) are left to the browser: the CSS reserves their space.
 */
import {mkdir, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {launchBrowser, lockedPage} from "./browser.js";
import {serveSite} from "./serve.js";

/** The class of a placeholder holding prerendered markup (style.css shows it as its content, without the spinner). */
export const PRERENDERED = "prerendered";

/** Elements that make a cell interactive or a chart: such cells are not prerendered. */
const INTERACTIVE = "svg, canvas, form, input, select, textarea, video, iframe, .observablehq--inspect, .observablehq--error";

/** Block-level elements: markup holding one cannot sit inside a `<p>` of the static HTML (the parser would close it). */
const BLOCK =
  /<(?:address|article|aside|blockquote|details|dialog|div|dl|fieldset|figure|footer|form|h[1-6]|header|hr|main|nav|ol|p|pre|section|table|ul)\b/i;

/** Where the link-preview images go, one per page (`_previews/deals-amazon-anthropic.png`), and their size. */
const PREVIEWS = "_previews";
const PREVIEW = {width: 1200, height: 630};
/**
 * The preview card: the page's first screen without the sidebar, the contents and the table of contents. Only
 * visibility and content below the fold change: the main column keeps its width, so no cell drawn at the page's
 * width redraws while the screenshot is taken (a viewport or width change made one preview differ between builds).
 */
const PREVIEW_CSS = `
#observablehq-sidebar, #observablehq-sidebar-toggle, #observablehq-sidebar-backdrop, #observablehq-toc { visibility: hidden !important; }
.deal-contents { display: none !important; }
html { scrollbar-width: none; }
`;
/** The viewport pages load in: wide enough for a 1200 px card to the right of the sidebar. */
const VIEWPORT = {width: 1520, height: 900};

/**
 * Returns `html` with its link-preview metadata (Open Graph and Twitter card) pointing at the page's preview image
 * `src` (relative to the page: the site does not know the address it will be published at); earlier tags replaced.
 */
export function withPreviewImage(html: string, src: string): string {
  const out = stripPreviewImage(html);
  const title = /<title>([^<]*)<\/title>/i.exec(out)?.[1] ?? "";
  const description = /<meta name="description" content="([^"]*)"/.exec(out)?.[1];
  const tags = [
    `<meta property="og:type" content="website" data-preview>`,
    `<meta property="og:image" content="${src}" data-preview>`,
    `<meta property="og:image:width" content="${PREVIEW.width}" data-preview>`,
    `<meta property="og:image:height" content="${PREVIEW.height}" data-preview>`,
    `<meta property="og:image:alt" content="${title}" data-preview>`,
    `<meta name="twitter:card" content="summary_large_image" data-preview>`,
    `<meta name="twitter:title" content="${title}" data-preview>`,
    ...(description === undefined ? [] : [`<meta name="twitter:description" content="${description}" data-preview>`]),
    `<meta name="twitter:image" content="${src}" data-preview>`
  ];
  return out.replace(/<\/title>/i, `</title>\n${tags.join("\n")}`);
}

/** Returns `html` without the link-preview tags withPreviewImage wrote. */
export function stripPreviewImage(html: string): string {
  return html.replace(/\n?<meta (?:property="og:[a-z:]+"|name="twitter:[a-z]+") content="[^"]*" data-preview>/g, "");
}

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
      new RegExp(`<observablehq-loading class="${PRERENDERED}"( data-block)?>[\\s\\S]*?</observablehq-loading>${CELL}`, "g"),
      (_, block: string | undefined, id: string) => `${block ? "" : "<observablehq-loading></observablehq-loading>"}<!--:${id}:-->`
    );
}

/**
 * Returns `html` (stripped of an earlier prerender) with each cell's markup in `cells` (cell id → HTML) written into
 * its placeholder. A cell alone in a paragraph whose markup has block elements gets a `<div>` in place of the `<p>`
 * (the browser puts it in the same place); a cell with block markup in the middle of a paragraph is left empty.
 *
 * @example withPrerendered('<h1><observablehq-loading></observablehq-loading><!--:6e474379:--></h1>', {"6e474379": "Amazon → Anthropic"})
 */
export function withPrerendered(html: string, cells: Record<string, string>): string {
  let out = stripPrerendered(html);
  for (const [id, markup] of Object.entries(cells)) {
    if (!markup.trim()) continue;
    const marker = `<!--:${id}:-->`;
    const filled = `<observablehq-loading class="${PRERENDERED}">${markup}</observablehq-loading>${marker}`;
    const alone = `<p><observablehq-loading></observablehq-loading>${marker}</p>`;
    if (BLOCK.test(markup) && out.includes(alone)) out = out.replace(alone, () => `<div class="${PRERENDERED}-p">${filled}</div>`);
    else if (out.includes(`<observablehq-loading></observablehq-loading>${marker}`)) {
      const at = out.indexOf(`<observablehq-loading></observablehq-loading>${marker}`);
      if (BLOCK.test(markup) && insideParagraph(out, at)) continue;
      out = out.replace(`<observablehq-loading></observablehq-loading>${marker}`, () => filled);
    } else if (out.includes(marker) && !insideParagraph(out, out.indexOf(marker)))
      out = out.replace(marker, () => `<observablehq-loading class="${PRERENDERED}" data-block>${markup}</observablehq-loading>${marker}`);
  }
  return out;
}

/** Whether position `at` of `html` is inside an open `<p>` (the last `<p>` or `<p …>` before it is not closed). */
function insideParagraph(html: string, at: number): boolean {
  const before = html.slice(0, at);
  const open = Math.max(before.lastIndexOf("<p>"), before.lastIndexOf("<p "));
  return open >= 0 && before.lastIndexOf("</p>") < open;
}

/**
 * In-page code returning the markup each text cell of `main` displayed (cell id → HTML): the nodes Framework's
 * client inserted before the cell's marker comment (it keeps them on the comment as `_nodes`). A string: tsx would
 * otherwise wrap its inner functions in a `__name` helper the page lacks.
 */
const DISPLAYED_CELLS = `(interactive) => {
  const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const cells = {};
  const main = document.querySelector("main");
  if (!main) return cells;
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_COMMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const match = /^:([0-9a-f]{8}(?:-\\d+)?):$/.exec(node.data);
    const nodes = node._nodes;
    if (!match || !nodes || !nodes.length) continue;
    if (nodes.some((n) => n instanceof Element && (n.matches(interactive) || n.querySelector(interactive)))) continue;
    cells[match[1]] = nodes
      .map((n) => (n instanceof Element ? n.outerHTML : n.nodeType === Node.TEXT_NODE ? escape(n.textContent || "") : ""))
      .join("");
  }
  return cells;
}`;

/** Returns the site-relative paths of the pages of `dir` a reader opens (the briefings' print pages left out). */
async function readerPages(dir: string): Promise<string[]> {
  return (await readdir(dir, {recursive: true}))
    .map((f) => String(f).split("\\").join("/"))
    .filter((f) => f.endsWith(".html") && !f.startsWith("briefings/"))
    .sort();
}

/**
 * Removes what a prerender wrote into the site in `dir` (the pages' text and preview tags, the preview images): for
 * a build relinked from a prerendered one, before it is prerendered again or built without (`--no-prerender`).
 */
export async function removePrerendered(dir: string): Promise<void> {
  for (const file of await readerPages(dir)) {
    const html = await readFile(join(dir, file), "utf-8");
    const stripped = stripPreviewImage(stripPrerendered(html));
    if (stripped !== html) await writeFile(join(dir, file), stripped);
  }
  await rm(join(dir, PREVIEWS), {recursive: true, force: true});
}

/**
 * Prerenders the text of every page built in `dir` (the briefings' print pages excepted: they are printed, not
 * read) and returns the number of pages written. Pages load a few at a time in one locked-down Chromium. A page
 * that logs an error or does not settle within `timeoutMs` keeps its empty placeholders (a warning says so): the
 * prerender adds to a page, it never stops a build.
 */
export async function prerenderPages(
  dir: string,
  {timeoutMs = 60_000, concurrency = 3, log = (line: string) => console.warn(line)} = {}
): Promise<number> {
  const files = await readerPages(dir);
  // Serve the pages as they would be without a prerender, so what the browser shows is the page's own work.
  await removePrerendered(dir);
  await mkdir(join(dir, PREVIEWS), {recursive: true});
  const server = await serveSite(dir);
  const chromium = await launchBrowser();
  let written = 0;
  try {
    const queue = [...files];
    const worker = async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        const path = `/${file.replace(/\.html$/, "").replace(/(^|\/)index$/, "")}`;
        const {page, log: pageLog, crashed, dispose} = await lockedPage(chromium.browser, server.origin);
        try {
          await page.setViewport(VIEWPORT);
          const {cells, preview} = await Promise.race([
            crashed,
            (async () => {
              await page.goto(`${server.origin}${path}`, {waitUntil: "load", timeout: timeoutMs});
              await page.waitForFunction(() => !document.querySelector("observablehq-loading"), {timeout: timeoutMs});
              const cells = (await page.evaluate(`(${DISPLAYED_CELLS})(${JSON.stringify(INTERACTIVE)})`)) as Record<string, string>;
              // The link-preview image: the page's first screen, as a 1200 × 630 card.
              await page.addStyleTag({content: PREVIEW_CSS});
              const left = (await page.evaluate(
                `window.scrollTo(0, 0); document.fonts.ready.then(() => document.querySelector("main").getBoundingClientRect().left)`
              )) as number;
              const x = Math.max(0, Math.min(VIEWPORT.width - PREVIEW.width, Math.round(left) - 48));
              const preview = await page.screenshot({type: "png", clip: {x, y: 0, ...PREVIEW}});
              return {cells, preview};
            })()
          ]);
          if (pageLog.errors.length) throw new Error(`it logged ${pageLog.errors.join("; ")}`);
          const image = `${PREVIEWS}/${file
            .replace(/\.html$/, "")
            .split("/")
            .join("-")}.png`;
          await writeFile(join(dir, image), preview);
          const html = await readFile(join(dir, file), "utf-8");
          await writeFile(
            join(dir, file),
            withPreviewImage(withPrerendered(html, cells), `${"../".repeat(file.split("/").length - 1)}${image}`)
          );
          ++written;
        } catch (error) {
          log(`build: ${path} not prerendered (its text appears when its script runs): ${(error as Error).message.split("\n")[0]}`);
        } finally {
          await dispose();
        }
      }
    };
    await Promise.all(Array.from({length: Math.min(concurrency, files.length)}, worker));
  } finally {
    await chromium.close();
    await server.close();
  }
  return written;
}
