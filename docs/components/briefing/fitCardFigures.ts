/**
 * Fits a card's big figure to its card on paper. A grid of cards gives each a third of the printed width, and a
 * figure with a long unit ("about 41.7 GW-years", which never breaks across lines, docs/style.css) ran past the
 * card's edge and was cut (critic s8 M9). Wrapping it would make the card a line taller and move every page after
 * it; so the figure alone is zoomed down until it fits (CSS `zoom`, so the layout follows), and the cards and pages
 * around keep their size. The renderer warns for a card still too narrow (src/cli/pdf/pageChecks.ts).
 */

/** The smallest zoom of a figure; a figure that needs less is left for the renderer's warning. */
export const MIN_FIGURE_ZOOM = 0.6;

/** Wider than its box by more than a rounding: a card's content, or its block figure's, runs past the edge. */
function overflows(node: HTMLElement): boolean {
  return node.clientWidth > 0 && node.scrollWidth > node.clientWidth + 1;
}

/**
 * Zooms down the `.big` figure of every `.card` inside `root` whose content is wider than the card (or the figure's
 * own box), in steps, until it fits or reaches {@link MIN_FIGURE_ZOOM}, and returns how many it zoomed. A fitted
 * figure is marked `data-fitted` with its zoom.
 *
 * @example fitCardFigures(article) // 3
 */
export function fitCardFigures(root: Element): number {
  let fitted = 0;
  for (const card of root.querySelectorAll<HTMLElement>(".card")) {
    const big = card.querySelector<HTMLElement>(".big");
    if (!big || !(overflows(card) || overflows(big))) continue;
    // The first guess from the widths, then 3% less at a time: a badge beside the figure does not shrink with it.
    const box = overflows(big) ? big : card;
    let zoom = Math.max(MIN_FIGURE_ZOOM, Math.floor(((box.clientWidth - 1) / box.scrollWidth) * 1000) / 1000);
    for (;;) {
      big.style.setProperty("zoom", String(zoom));
      if (!(overflows(card) || overflows(big)) || zoom <= MIN_FIGURE_ZOOM) break;
      zoom = Math.max(MIN_FIGURE_ZOOM, Math.floor(zoom * 0.97 * 1000) / 1000);
    }
    big.dataset.fitted = String(zoom);
    ++fitted;
  }
  return fitted;
}
