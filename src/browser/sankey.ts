/**
 * The part of d3-sankey the recycling chart draws with, bundled by `deals build` into `docs/lib/sankey.js`
 * (see plot.ts).
 */
export type {SankeyGraph, SankeyLink, SankeyNode} from "d3-sankey";
export {sankey, sankeyLinkHorizontal} from "d3-sankey";
