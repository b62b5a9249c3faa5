/**
 * The part of Observable Plot the site draws with. `deals build` bundles this file with esbuild into
 * `docs/lib/plot.js`, tree-shaken and minified, so a page loads the d3 modules these marks use instead of all of
 * d3 (which Plot's package imports whole: ≈100 kB gzip more per page). Components import
 * `../../lib/plot.js`; a mark missing here is a type error there. Add a name here when a chart needs it.
 */
import {plot as plotMarks} from "@observablehq/plot";

export {
  areaY,
  arrow,
  axisY,
  barX,
  barY,
  dot,
  line,
  lineY,
  link,
  pointer,
  pointerX,
  rect,
  rectY,
  ruleX,
  ruleY,
  text,
  tip,
  waffleX
} from "@observablehq/plot";

/**
 * Plot's `plot`, with `role="group"` on every `<g>` it names with `aria-label` ("line", "area"): an `aria-label` on
 * an element without a role is prohibited ARIA (axe, Lighthouse), and a named group is what Plot means.
 */
export const plot: typeof plotMarks = (options) => {
  const chart = plotMarks(options);
  for (const g of chart.querySelectorAll("g[aria-label]:not([role])")) g.setAttribute("role", "group");
  return chart;
};
