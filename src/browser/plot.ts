/**
 * The part of Observable Plot the site draws with. `deals build` bundles this file with esbuild into
 * `docs/lib/plot.js`, tree-shaken and minified, so a page loads the d3 modules these marks use instead of all of
 * d3 (which Plot's package imports whole: ≈100 kB gzip more per page). Components import
 * `../../lib/plot.js`; a mark missing here is a type error there. Add a name here when a chart needs it.
 */
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
  plot,
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
