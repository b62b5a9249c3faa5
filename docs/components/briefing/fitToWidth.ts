/**
 * Fits wide content to the printed page (paper does not scroll: what is wider than the page is cut). Content a
 * little too wide is zoomed down; content much too wide (it would need less than {@link PORTRAIT_MIN_ZOOM}) moves
 * to a landscape page of its own (`.print-landscape`, the `wide` page in docs/style.css) with the heading and
 * intro just before it, zoomed to that page's width, and a little more when that keeps it on one page. CSS
 * `zoom`, not a transform, so the layout, the page breaks and the vector output all follow.
 */
import {LANDSCAPE_CLASS} from "../../lib/core.js";

/** The smallest zoom on a portrait page; wider content goes to a landscape page instead. */
export const PORTRAIT_MIN_ZOOM = 0.85;

/** The smallest zoom at all; content still too wide is left for the renderer's overflow warning. */
export const MIN_ZOOM = 0.6;

type Area = {width: number; height: number};

/**
 * Fits every table, figure, svg, pre and card inside `root` wider than the portrait area (outermost first) and
 * returns what it did: `zoomed` stayed on a portrait page, `landscape` moved to a landscape page. A fitted element
 * is marked `data-fitted` with its zoom.
 *
 * @example fitToWidth(article, {portrait: {width: 672, height: 978}, landscape: {width: 1001, height: 650}}) // {zoomed: 0, landscape: 1}
 */
export function fitToWidth(root: Element, {portrait, landscape}: {portrait: Area; landscape: Area}): {zoomed: number; landscape: number} {
  if (!(portrait.width > 0 && portrait.height > 0)) throw new Error(`invalid portrait: ${portrait.width}×${portrait.height}`);
  if (!(landscape.width >= portrait.width && landscape.height > 0))
    throw new Error(`invalid landscape: ${landscape.width}×${landscape.height}`);
  const done = {zoomed: 0, landscape: 0};
  for (const node of root.querySelectorAll<HTMLElement | SVGElement>("table, figure, svg, pre, .card")) {
    if (node.closest("[data-fitted]")) continue;
    const box = node.getBoundingClientRect();
    const wide = Math.max(node.scrollWidth, box.width);
    if (!(wide > portrait.width + 1)) continue;
    let zoom = (portrait.width - 1) / wide;
    if (zoom < PORTRAIT_MIN_ZOOM && !node.closest(`.${LANDSCAPE_CLASS}`)) {
      const moved = [...introOf(landscapeBlock(node, root)), landscapeBlock(node, root)];
      for (const block of moved) block.classList.add(LANDSCAPE_CLASS);
      zoom = Math.min(1, (landscape.width - 1) / wide);
      // Shrink a little more rather than spill a few rows onto a second landscape page.
      const intro = moved.slice(0, -1).reduce((sum, el) => sum + el.getBoundingClientRect().height, 0) + 24;
      const tall = box.height * zoom + intro;
      if (tall > landscape.height && tall < landscape.height * 1.4) zoom = Math.min(zoom, (landscape.height - intro) / box.height);
      ++done.landscape;
    } else ++done.zoomed;
    zoom = Math.max(MIN_ZOOM, Math.floor(zoom * 1000) / 1000);
    if (zoom < 1) node.style.setProperty("zoom", String(zoom));
    node.dataset.fitted = String(zoom);
  }
  return done;
}

/**
 * Returns the block to move to a landscape page with `node`: the outermost wrapper that holds nothing but it (a
 * scroll container, a figure), not going above `root` or a section.
 */
function landscapeBlock(node: Element, root: Element): Element {
  let block = node;
  while (
    block.parentElement &&
    block.parentElement !== root &&
    block.parentElement.childElementCount === 1 &&
    !block.parentElement.matches("section, article, main")
  ) {
    block = block.parentElement;
  }
  return block;
}

/** Returns what introduces `block` and should stay on its page: the heading just before it, or a heading and a paragraph. */
function introOf(block: Element): Element[] {
  const isHeading = (el: Element | null) => el !== null && /^H[2-6]$/.test(el.tagName);
  const previous = block.previousElementSibling;
  if (isHeading(previous)) return [previous!];
  if (previous?.tagName === "P" && isHeading(previous.previousElementSibling)) return [previous.previousElementSibling!, previous];
  return [];
}
