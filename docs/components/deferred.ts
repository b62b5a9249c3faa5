/**
 * Parts of a page below its first screen, drawn when they come near the screen (issue #19): a phone then spends its
 * first seconds on what the reader sees, not on every chart of a long page. Until it is drawn, a part holds its usual
 * height, so the page does not jump when it appears (it is drawn a screen ahead, out of sight). Everything is drawn
 * at once when the page is printed (`beforeprint`, print media), when the reader follows a link to a place in the
 * page, when the address names a place in it (`#sources`), where there is no IntersectionObserver, and in the
 * build's first-screen prerender (src/cli/prerenderWorker.ts marks its document `data-prerendering`), so print, the
 * prerender and in-page links see the whole page. A briefing (print) never defers: its sections draw at once.
 */
import {el} from "./dom.js";

export interface DeferOptions {
  /** The height (CSS px) the part holds until drawn: about its drawn height, so what follows barely moves. */
  height: number;
  /**
   * Names the part across re-runs of its cell (a slider moved, the window resized): a part drawn once is drawn at
   * once afterwards, instead of holding an empty box for a frame.
   */
  key?: string;
  /**
   * Loads what `draw` would wait for (modules it imports on first use), called once the page is idle after loading,
   * so that a draw in the moment before printing waits on nothing (Chromium prints what `beforeprint` left, and an
   * import() needs a task even for a module already loaded).
   */
  prepare?: () => Promise<unknown>;
}

/** How far ahead of the screen a part starts drawing: one screen height above and below. */
const AHEAD = "100% 0px";

/** Keys of the parts drawn so far on this page. */
const drawnKeys = new Set<string>();
/** The parts waiting to be drawn: box → its fill. */
const waiting = new Map<HTMLElement, () => Promise<void>>();
/** Of those, the ones {@link whenNear} added: box → its fill when the box comes near the screen (when idle). */
const nearby = new Map<HTMLElement, () => void>();
let observer: IntersectionObserver | null = null;
let printing = false;

/**
 * Returns the height (CSS px) to hold for a part whose drawn height was measured as `narrow` and `wide` ([width,
 * height] pairs, e.g. a phone's and a desktop's content width): in between by the inverse of the width (text that
 * wraps grows as the width shrinks), and no more or less than the two beyond them.
 *
 * @example heightAt(500, [326, 1500], [912, 600]) // 1013
 */
export function heightAt(width: number, [w1, h1]: [number, number], [w2, h2]: [number, number]): number {
  if (w1 === w2) return Math.round((h1 + h2) / 2);
  const t = (1 / width - 1 / w1) / (1 / w2 - 1 / w1);
  return Math.round(Math.min(Math.max(h1, h2), Math.max(Math.min(h1, h2), h1 + t * (h2 - h1))));
}

/** True when parts are drawn at once rather than near the screen (see the module comment). */
export function drawsAtOnce(): boolean {
  return (
    printing ||
    typeof IntersectionObserver !== "function" ||
    document.documentElement.hasAttribute("data-prerendering") ||
    (typeof location !== "undefined" && location.hash.length > 1) ||
    (typeof matchMedia === "function" && matchMedia("print").matches)
  );
}

/**
 * Returns a box that shows `draw()`'s node: at once when {@link drawsAtOnce} or the part's `key` was drawn before,
 * else once the box comes within a screen of the viewport (until then it is empty, `height` px tall, with
 * `data-deferred="waiting"`; `"drawn"` once drawn). A draw that fails shows the error in the box and logs it.
 *
 * @example Deferred(() => MarketMapChart(data, {width}), {height: 620, key: "market-map"})
 */
export function Deferred(draw: () => Node | Promise<Node>, {height, key, prepare}: DeferOptions): HTMLElement {
  const box = el("div", {class: "deferred", "data-deferred": "waiting"});
  let started: Promise<void> | null = null;
  const fill = (): Promise<void> => {
    if (started) return started;
    waiting.delete(box);
    observer?.unobserve(box);
    const shown = (node: Node) => {
      box.replaceChildren(node);
      box.style.minHeight = "";
      box.dataset.deferred = "drawn";
      if (key) drawnKeys.add(key);
    };
    const failed = (error: unknown) => {
      console.error(error);
      box.replaceChildren(el("div", {class: "observablehq--error"}, String(error)));
      box.style.minHeight = "";
      box.dataset.deferred = "drawn";
    };
    try {
      const node = draw();
      started = node instanceof Promise ? node.then(shown, failed) : Promise.resolve(shown(node));
    } catch (error) {
      started = Promise.resolve(failed(error));
    }
    return started;
  };
  if (drawsAtOnce() || (key !== undefined && drawnKeys.has(key))) {
    fill();
    return box;
  }
  box.style.minHeight = `${height}px`;
  waiting.set(box, fill);
  if (prepare) whenIdle(prepare);
  observe(box);
  return box;
}

function observe(box: HTMLElement): void {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries)
        if (entry.isIntersecting) {
          const target = entry.target as HTMLElement;
          const near = nearby.get(target);
          if (near) near();
          else if (waiting.has(target)) {
            observer?.unobserve(target);
            // Each part in a task of its own, in page order: parts near the screen at load (or after a jump) do not
            // add up to one long task that holds the page (a phone's total blocking time counts each task over 50 ms).
            setTimeout(() => waiting.get(target)?.(), 0);
          }
        }
    },
    {rootMargin: AHEAD}
  );
  observer.observe(box);
}

/**
 * Runs `work`, which completes a part already drawn in `box` (a chart's P10–P90 band, a Monte Carlo of its own), when
 * the browser is idle once `box` comes within a screen of the viewport, or at once (within the call) when the
 * page prints, also for a part created while it prints, or when {@link drawAll} runs; when idle right away if
 * {@link drawsAtOnce} or the part's `key` was completed before (a slider moved). Until then `box` has `data-deferred="waiting"` (`"drawn"` after), as a {@link Deferred}
 * part. An error in `work` is logged.
 *
 * @example whenNear(holder, () => holder.replaceChildren(chartWithBand()), {key: "net-cash-band"})
 */
export function whenNear(box: HTMLElement, work: () => void, {key}: {key?: string} = {}): void {
  let done = false;
  const run = (): Promise<void> => {
    if (!done) {
      done = true;
      waiting.delete(box);
      nearby.delete(box);
      observer?.unobserve(box);
      try {
        work();
      } catch (error) {
        console.error(error);
      }
      box.dataset.deferred = "drawn";
      if (key) drawnKeys.add(key);
    }
    return Promise.resolve();
  };
  const later = () => {
    if (typeof requestIdleCallback === "function") requestIdleCallback(() => run(), {timeout: 300});
    else setTimeout(run, 0);
  };
  box.dataset.deferred = "waiting";
  // Printing (a part drawn by drawAll in `beforeprint`): at once, so the print has it.
  if (printing || (typeof matchMedia === "function" && matchMedia("print").matches)) {
    run();
    return;
  }
  if (drawsAtOnce() || (key !== undefined && drawnKeys.has(key))) {
    later();
    return;
  }
  waiting.set(box, run);
  nearby.set(box, () => {
    nearby.delete(box);
    observer?.unobserve(box);
    later();
  });
  observe(box);
}

/** Calls `work` once the page has loaded and the browser is idle (a failure is logged: the draw will report it too). */
function whenIdle(work: () => Promise<unknown>): void {
  const run = () => {
    const start = () => work().catch((error) => console.warn(error));
    if (typeof requestIdleCallback === "function") requestIdleCallback(start, {timeout: 5000});
    else setTimeout(start, 1000);
  };
  if (document.readyState === "complete") run();
  else window.addEventListener("load", run, {once: true});
}

/**
 * Draws every part still waiting that is in the page (boxes of cells that ran again since are dropped) and resolves
 * once all are drawn.
 */
export function drawAll(): Promise<void> {
  const fills: Promise<void>[] = [];
  for (const [box, fill] of [...waiting]) {
    if (box.isConnected) fills.push(fill());
    else {
      waiting.delete(box);
      nearby.delete(box);
      observer?.unobserve(box);
    }
  }
  return Promise.all(fills).then(() => {});
}

if (typeof window !== "undefined" && typeof document !== "undefined") {
  // Print: the whole page. Chromium's print preview takes the page as it is after `beforeprint`, so what draws in
  // the handler itself (every part drawn from data already loaded) is in the print.
  window.addEventListener("beforeprint", () => {
    printing = true;
    drawAll();
  });
  window.addEventListener("afterprint", () => {
    printing = false;
  });
  if (typeof matchMedia === "function")
    matchMedia("print").addEventListener?.("change", (event) => {
      if (event.matches) drawAll();
    });
  // A link to a place in the page: draw what comes before it first, so the place is where the link lands; a part
  // that draws later (its modules still loading) moves it, so the place is scrolled to again once all are drawn.
  document.addEventListener(
    "click",
    (event) => {
      const link = (event.target as Element | null)?.closest?.("a[href^='#']");
      if (!link || !waiting.size) return;
      const id = decodeURIComponent((link.getAttribute("href") ?? "").slice(1));
      drawAll().then(() => {
        if (id && location.hash === `#${encodeURIComponent(id)}`) document.getElementById(id)?.scrollIntoView();
      });
    },
    true
  );
  window.addEventListener("hashchange", () => {
    drawAll();
  });
  if (location.hash.length > 1) keepPlaceInView(decodeURIComponent(location.hash.slice(1)));
}

/**
 * An address that names a place in the page (`/methodology#sources`): the browser scrolls there once, before the
 * page's cells have drawn what comes above it, which then pushes the place down. Scroll to it again each time the page
 * grows, until the reader scrolls, types or taps themselves, or 20 s have passed.
 */
function keepPlaceInView(id: string): void {
  if (typeof ResizeObserver !== "function" || !document.body) return;
  const events = ["wheel", "touchstart", "keydown", "mousedown"];
  const stop = () => {
    resized.disconnect();
    for (const type of events) window.removeEventListener(type, stop, true);
  };
  const resized = new ResizeObserver(() => document.getElementById(id)?.scrollIntoView());
  for (const type of events) window.addEventListener(type, stop, {capture: true, passive: true});
  resized.observe(document.body);
  setTimeout(stop, 20_000);
}
