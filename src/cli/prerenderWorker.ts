/**
 * The prerender's child process (src/cli/prerender.ts starts it with the built site's folder): for each page a reader
 * opens, runs the page's own cells in Node against a jsdom document, with the data files and the component modules
 * of the built site, and writes what each text cell displays into its placeholder. A separate process because the
 * components draw with the global `document`: the globals this sets stay out of the build's process.
 *
 * Only what the page shows at its base state is rendered: no query string, the light theme, a fixed width (cells
 * that draw at the page's width are charts, which are skipped). A cell whose inputs cannot be computed here (a
 * library that needs a real browser, a value that never settles) is simply left to the browser.
 */
import {readFile, writeFile} from "node:fs/promises";
import {dirname, join, resolve} from "node:path";
import {pathToFileURL} from "node:url";
import {JSDOM, VirtualConsole} from "jsdom";
import {cellsOf, markupOf, readerPages, skippedCells, withPrerendered} from "./prerender.js";
import {pageCache} from "./prerenderCache.js";

/** Framework's `width` while prerendering: the main column of a wide window (charts are not prerendered). */
const WIDTH = 640;
/** How long a page's cells may take in all before what has displayed is written. */
const PAGE_MS = 10_000;

/** The window's properties that replace Node's own (jsdom dispatches only its own events). */
const REPLACED = /^(?:document|location|history|navigator|EventTarget|\w*Event)$/;

/**
 * Makes `window` the global one for the components: every property of the window Node does not have (Node,
 * HTMLElement, addEventListener…), and its document, location, history, navigator and events.
 */
function installWindow(window: JSDOM["window"]): void {
  const g = globalThis as Record<string, unknown>;
  const own = window as unknown as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(window)) {
    if (key in g && !REPLACED.test(key)) continue;
    try {
      Object.defineProperty(g, key, {value: own[key], configurable: true, writable: true});
    } catch {
      // A few of jsdom's internal properties cannot be read outside its window; no component needs them.
    }
  }
  for (const method of ["addEventListener", "removeEventListener", "dispatchEvent"] as const) g[method] = window[method].bind(window);
  snapRanges(window);
  g.window = window;
  g.self = window;
  g.requestAnimationFrame = (f: (t: number) => void) => setTimeout(() => f(0), 0);
  g.cancelAnimationFrame = (id: ReturnType<typeof setTimeout>) => clearTimeout(id);
  g.matchMedia = (query: string) => ({matches: false, media: query, addEventListener() {}, removeEventListener() {}});
  for (const name of ["ResizeObserver", "IntersectionObserver"])
    g[name] = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
}

/**
 * Makes a range input's value snap to its step and bounds when set, as a browser's does (jsdom keeps the value as
 * given): Inputs' sliders take their value through that snap, and without it a default between two steps (AWS's
 * 35.4% margin on a 0.5% step) left the slider without a value.
 */
function snapRanges(window: JSDOM["window"]): void {
  const proto = window.HTMLInputElement.prototype;
  const own = Object.getOwnPropertyDescriptor(proto, "valueAsNumber");
  if (!own?.get || !own.set) return;
  const {get, set} = own;
  Object.defineProperty(proto, "valueAsNumber", {
    configurable: true,
    enumerable: true,
    get,
    set(this: HTMLInputElement, v: number) {
      if (this.type !== "range" || !Number.isFinite(v)) return set.call(this, v);
      const min = this.min === "" ? 0 : Number(this.min);
      const max = this.max === "" ? 100 : Number(this.max);
      const step = this.step === "any" ? 0 : this.step === "" ? 1 : Number(this.step);
      let x = Math.min(max, Math.max(min, v));
      if (step > 0) {
        x = min + Math.round((x - min) / step) * step;
        if (x > max) x -= step;
      }
      set.call(this, Number(x.toFixed(12)));
    }
  });
}

/**
 * Each data file's parsed JSON, by path, frozen: read and parsed once for all the pages that load it. Every deal page
 * loads the same aggregate files (megabytes at 100 deals), and parsing them once per page made the prerender grow with
 * the square of the number of deals. Frozen, so a cell that changed the shared value would fail (its cell is then
 * left to the browser) instead of changing what the next page sees.
 */
const parsed = new Map<string, Promise<unknown>>();

/** Returns `value` with every object and array in it frozen. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A FileAttachment over the built site's files (the page registered each name with its hashed path). */
function fileAttachments(files: Map<string, string>) {
  return (name: string) => {
    const path = files.get(name);
    if (!path) throw new Error(`file not registered: ${name}`);
    return {
      name,
      text: () => readFile(path, "utf-8"),
      json: () => {
        const value = parsed.get(path) ?? readFile(path, "utf-8").then((text) => deepFreeze(JSON.parse(text)));
        parsed.set(path, value);
        return value;
      },
      arrayBuffer: async () => (await readFile(path)).buffer
    };
  };
}

/**
 * Returns cell id → markup for the text cells and controls of the page `file` in the site `dir`, drawn in `dom`, and
 * which of them are controls.
 */
async function renderPage(
  dom: JSDOM,
  dir: string,
  file: string
): Promise<{cells: Record<string, string>; controls: Set<string>; complete: boolean}> {
  const html = await readFile(join(dir, file), "utf-8");
  const page = cellsOf(html, pathToFileURL(resolve(dir, file)).href, (url) => import(url));
  if (!page) return {cells: {}, controls: new Set(), complete: true};
  const path = `/${file.replace(/\.html$/, "").replace(/(^|\/)index$/, "")}`;
  // One window for every page, its address set to the page's: the libraries keep nodes made at their first use
  // (templates), which must belong to the document the cells draw in.
  dom.reconfigure({url: `http://127.0.0.1${path}`});
  dom.window.document.body.innerHTML = "<main></main>";
  // Parts a page draws only near the screen are drawn at once here (docs/components/deferred.ts): the static copy
  // decides from each cell's whole output.
  dom.window.document.documentElement.setAttribute("data-prerendering", "");
  const files = new Map(page.files.map(({name, path: p}) => [name, resolve(dirname(join(dir, file)), p)]));
  const builtins: Record<string, unknown> = {
    FileAttachment: fileAttachments(files),
    width: WIDTH,
    dark: false,
    invalidation: new Promise(() => {}),
    visibility: () => Promise.resolve(true)
  };
  const outputs = new Map<string, Promise<unknown>>();
  const displayed = new Map<string, unknown[]>();
  const running = new Map<string, Promise<Record<string, unknown> | undefined>>();
  const byOutput = new Map(page.cells.flatMap((cell) => (cell.outputs ?? []).map((o) => [o, cell] as const)));
  const run = (cell: (typeof page.cells)[number]): Promise<Record<string, unknown> | undefined> => {
    let result = running.get(cell.id);
    if (result) return result;
    result = (async () => {
      const shown: unknown[] = [];
      const display = (value: unknown) => {
        shown.push(value);
        displayed.set(cell.id, shown);
        return value;
      };
      const args = await Promise.all(
        (cell.inputs ?? []).map((input) => {
          if (input === "display") return display;
          // A control is shown and its value read at once: the cell's markup is a form, which is not prerendered.
          if (input === "view")
            return (element: {value?: unknown}) => {
              display(element);
              return element.value;
            };
          if (input in builtins) return builtins[input];
          const from = byOutput.get(input);
          // Framework's runtime resolves a name no cell defines from the window (location, URLSearchParams…).
          if (!from) {
            if (input in globalThis) return (globalThis as Record<string, unknown>)[input];
            throw new Error(`unknown input: ${input}`);
          }
          return value(input, from);
        })
      );
      const returned = await cell.body(...args);
      return returned as Record<string, unknown> | undefined;
    })();
    running.set(cell.id, result);
    return result;
  };
  const value = (name: string, cell: (typeof page.cells)[number]) => {
    let v = outputs.get(name);
    if (!v) {
      v = run(cell).then((exports) => exports?.[name]);
      outputs.set(name, v);
    }
    return v;
  };
  // Only the cells that display something, and what they need: a page's other cells (a part it marks
  // data-prerender="skip", drawn in the browser only, and what only that part uses) are never run here.
  const skipped = skippedCells(html);
  const shown = page.cells.filter((c) => !skipped.has(c.id) && (c.inputs ?? []).some((i) => i === "display" || i === "view"));
  const all = Promise.allSettled(shown.map(run));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settled = await Promise.race([all, new Promise<null>((done) => (timer = setTimeout(() => done(null), PAGE_MS)))]);
  clearTimeout(timer);
  if (process.env.DEALS_PRERENDER_DEBUG)
    settled?.forEach((r, i) => {
      if (r.status === "rejected") console.warn(`prerender: ${file}: cell ${shown[i].id}: ${(r.reason as Error)?.stack ?? r.reason}`);
    });
  const cells: Record<string, string> = {};
  const controls = new Set<string>();
  for (const cell of page.cells) {
    const shown = displayed.get(cell.id);
    if (!shown) continue;
    const control = (cell.inputs ?? []).includes("view");
    const markup = markupOf(shown, dom.window, {inline: cell.mode === "inline", control});
    if (markup === null) continue;
    cells[cell.id] = markup;
    if (control) controls.add(cell.id);
  }
  // Cut short by PAGE_MS (a loaded machine): what displayed is written, but not kept for the next build.
  return {cells, controls, complete: settled !== null};
}

const dir = process.argv[2];
if (!dir) throw new Error("usage: prerenderWorker <site folder> [<cache folder>]");
// Each page's cells kept by the page's inputs (prerenderCache.ts): a page found there is not run again.
const cache = process.argv[3] ? await pageCache(process.argv[3], dir) : null;
// A rejected promise a page's code leaves behind (a cell whose input failed) is that cell's problem, not the build's.
process.on("unhandledRejection", () => {});
// A silent console: jsdom's "not implemented" notes (a canvas's context) are about charts, which are not prerendered.
const dom = new JSDOM("<!DOCTYPE html><html><head></head><body><main></main></body></html>", {
  url: "http://127.0.0.1/",
  virtualConsole: new VirtualConsole()
});
installWindow(dom.window);
let written = 0;
// A relinked build names the pages to take (src/cli/pageScope.ts); the cache then keeps the entries of the others.
const only = process.env.DEALS_PRERENDER_PAGES
  ? new Set(JSON.parse(await readFile(process.env.DEALS_PRERENDER_PAGES, "utf-8")) as string[])
  : null;
for (const file of (await readerPages(dir)).filter((f) => !only || only.has(f))) {
  let cells: Record<string, string> = {};
  let controls = new Set<string>();
  const html = await readFile(join(dir, file), "utf-8");
  // A page whose key cannot be computed is prerendered, not kept.
  const key = cache ? await cache.key(file, html).catch(() => null) : null;
  const kept = key && cache ? await cache.get(key) : null;
  if (kept) ({cells, controls} = {cells: kept.cells, controls: new Set(kept.controls)});
  else
    try {
      const page = await renderPage(dom, dir, file);
      ({cells, controls} = page);
      if (key && cache && page.complete) await cache.set(key, {cells, controls: [...controls]});
    } catch (error) {
      console.warn(`prerender: ${file}: ${(error as Error).message}`);
    }
  const out = withPrerendered(html, cells, controls);
  if (out !== html) await writeFile(join(dir, file), out);
  if (Object.keys(cells).length) ++written;
}
if (!only) await cache?.prune();
console.log(String(written));
process.exit(0);
