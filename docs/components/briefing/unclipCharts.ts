/**
 * Makes room for chart labels drawn outside their SVG's box. On screen they overflow visibly; on paper whatever
 * leaves the page area is cut ("bout 1 GW" for "about 1 GW"). The SVG's viewBox is widened to hold all it draws,
 * keeping its printed width, so the chart shrinks a little instead of losing letters.
 */

/** The most a viewBox is widened (in either direction, as a share of its size); beyond that it is left alone. */
export const MAX_GROWTH = 0.3;

/**
 * Widens the viewBox of every top-level `svg` inside `root` at least `minWidth` px wide whose drawing extends
 * beyond it, keeping the rendered width (the height follows the new aspect), and returns how many it changed.
 *
 * @example unclipCharts(article) // 2
 */
export function unclipCharts(root: Element, {minWidth = 100}: {minWidth?: number} = {}): number {
  let changed = 0;
  for (const svg of root.querySelectorAll("svg")) {
    if (svg.parentElement?.closest("svg")) continue;
    const rendered = svg.getBoundingClientRect();
    if (!(rendered.width >= minWidth && rendered.height > 0)) continue;
    const base = svg.viewBox.baseVal;
    const view =
      base && base.width > 0
        ? {x: base.x, y: base.y, width: base.width, height: base.height}
        : {x: 0, y: 0, width: rendered.width, height: rendered.height};
    let drawn: DOMRect;
    try {
      drawn = svg.getBBox();
    } catch {
      continue;
    }
    const pad = 2;
    const x0 = Math.min(view.x, drawn.x - pad);
    const y0 = Math.min(view.y, drawn.y - pad);
    const x1 = Math.max(view.x + view.width, drawn.x + drawn.width + pad);
    const y1 = Math.max(view.y + view.height, drawn.y + drawn.height + pad);
    const [width, height] = [x1 - x0, y1 - y0];
    if (width <= view.width + 2 * pad && height <= view.height + 2 * pad) continue;
    if (width > view.width * (1 + MAX_GROWTH) || height > view.height * (1 + MAX_GROWTH)) continue;
    svg.setAttribute("viewBox", `${x0} ${y0} ${width} ${height}`);
    svg.setAttribute("width", String(rendered.width));
    svg.setAttribute("height", String((height * rendered.width) / width));
    ++changed;
  }
  return changed;
}
