/**
 * The recycling Sankey: investor → lab (firm and expected contingent equity) → provider (cloud spend over the term)
 * → operating profit and the provider's costs. Link widths are dollars over the whole deal, undiscounted, all at the
 * base values.
 */

import type {DealRecycling, MarketEdge} from "../../lib/core.js";
import {type SankeyGraph, sankey, sankeyLinkHorizontal} from "../../lib/sankey.js";
import {el} from "../dom.js";
import {usd} from "../format.js";

export type FlowKind = "equity-firm" | "equity-contingent" | "other" | "commitment" | "profit" | "cost" | "kept";

export interface FlowNode {
  id: string;
  name: string;
}

export interface FlowLink {
  source: string;
  target: string;
  /** USD. */
  value: number;
  kind: FlowKind;
  label: string;
}

const COLORS: Record<FlowKind, string> = {
  "equity-firm": "var(--flow-equity)",
  "equity-contingent": "var(--flow-equity)",
  other: "var(--theme-foreground-faint)",
  commitment: "var(--flow-commitment)",
  profit: "var(--flow-profit)",
  cost: "var(--theme-foreground-faint)",
  kept: "var(--theme-foreground-faint)"
};

/**
 * Returns the Sankey's nodes and links for a deal: each investor's firm and expected contingent equity (the
 * expected total split over investors by their contingent face value), the spend the lab funds otherwise, the
 * commitment to the provider, and the provider's operating profit and costs. Null without a commitment.
 */
export function recyclingGraph(
  recycling: DealRecycling,
  equity: readonly MarketEdge[],
  names: {investor: (id: string) => string; lab: string; provider: string}
): {nodes: FlowNode[]; links: FlowLink[]} | null {
  // One basis for every flow: the base values (the lab's spend on the one revenue rule, and the operating profit on
  // that spend), never a median of draws beside a base-case amount.
  const spend = recycling.revenueUsd?.value ?? recycling.commitmentUsd?.value ?? 0;
  const profit = recycling.baseCase?.operatingProfitUsd ?? recycling.operatingProfitUsd?.value ?? 0;
  if (!(spend > 0)) return null;
  const contingentFace = equity.filter((e) => e.kind === "equity-contingent").reduce((s, e) => s + e.usd.value, 0);
  const expectedContingent = recycling.investmentExpectedUsd.value - recycling.investmentFirmUsd.value;
  const nodes: FlowNode[] = [];
  const links: FlowLink[] = [];
  for (const e of equity) {
    const id = `investor:${e.source}`;
    if (!nodes.some((n) => n.id === id)) nodes.push({id, name: names.investor(e.source)});
    const value = e.kind === "equity-firm" ? e.usd.value : contingentFace > 0 ? (expectedContingent * e.usd.value) / contingentFace : 0;
    if (value > 0)
      links.push({
        source: id,
        target: "lab",
        value,
        kind: e.kind,
        label: e.kind === "equity-firm" ? "firm equity" : "expected contingent equity"
      });
  }
  const invested = links.reduce((s, l) => s + l.value, 0);
  if (spend > invested) {
    nodes.push({id: "other", name: "Other funding"});
    links.push({
      source: "other",
      target: "lab",
      value: spend - invested,
      kind: "other",
      label: "spend funded from the lab's revenue and other investors"
    });
  }
  nodes.push({id: "lab", name: names.lab}, {id: "provider", name: names.provider});
  links.push({source: "lab", target: "provider", value: spend, kind: "commitment", label: "cloud spend over the term"});
  if (invested > spend) {
    nodes.push({id: "kept", name: "Not spent with the provider"});
    links.push({source: "lab", target: "kept", value: invested - spend, kind: "kept", label: "investment beyond the commitment"});
  }
  nodes.push({id: "profit", name: "Operating profit"}, {id: "costs", name: "Provider's costs"});
  links.push({source: "provider", target: "profit", value: profit, kind: "profit", label: "operating profit"});
  links.push({source: "provider", target: "costs", value: spend - profit, kind: "cost", label: "capex, power and operations"});
  return {nodes, links: links.filter((l) => l.value > 0)};
}

const SVG = "http://www.w3.org/2000/svg";

function svg(tag: string, attributes: Record<string, string | number> = {}, ...children: (Node | string)[]): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  for (const child of children) node.append(child);
  return node;
}

type Laid = SankeyGraph<FlowNode, FlowLink>;

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Returns the box a line of text takes, `top` its top edge, estimating a character at 0.6 em (the sans-serif's average). */
function textBox(text: string, x: number, top: number, anchor: "start" | "middle" | "end", fontSize: number): Box {
  const width = text.length * fontSize * 0.6;
  const x0 = anchor === "start" ? x : anchor === "middle" ? x - width / 2 : x - width;
  return {x0, x1: x0 + width, y0: top, y1: top + fontSize};
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** Returns the Sankey as SVG, `width` wide; link values labelled with usd(), node names beside the nodes. */
export function RecyclingSankey(
  graph: {nodes: FlowNode[]; links: FlowLink[]},
  {width, print = false}: {width: number; print?: boolean}
): HTMLElement {
  const w = Math.max(width, 300);
  const narrow = w < 560;
  const height = narrow ? 340 : 380;
  const layout = sankey<FlowNode, FlowLink>()
    .nodeId((d) => d.id)
    .nodeWidth(narrow ? 10 : 14)
    .nodePadding(narrow ? 16 : 24)
    .nodeSort(null)
    .extent([
      [1, narrow ? 36 : 22],
      [w - 1, height - 6]
    ]);
  const {nodes, links}: Laid = layout({nodes: graph.nodes.map((d) => ({...d})), links: graph.links.map((d) => ({...d}))});
  const fontSize = narrow ? 10.5 : 12;
  const root = svg("svg", {width: w, height, viewBox: `0 0 ${w} ${height}`, class: "sankey", "font-size": fontSize, role: "img"});
  root.append(svg("title", {}, "Where the investment goes and what comes back, in US dollars over the deal"));
  for (const link of links) {
    const kind = link.kind;
    const path = svg("path", {
      d: sankeyLinkHorizontal()(link) ?? "",
      fill: "none",
      stroke: COLORS[kind],
      "stroke-opacity": kind === "equity-contingent" ? 0.3 : kind === "other" || kind === "cost" || kind === "kept" ? 0.35 : 0.55,
      "stroke-width": Math.max(1, link.width ?? 1)
    });
    if (!print)
      path.append(
        svg("title", {}, `${(link.source as FlowNode).name} → ${(link.target as FlowNode).name}: ${link.label}, ${usd(link.value)}`)
      );
    root.append(path);
  }
  // Node names sit above their node, beside it toward the middle. Narrow, the gaps between columns are too short
  // for the inner columns' names beside those of the outer ones: inner names go centred, on a line of their own.
  const lastDepth = Math.max(...nodes.map((n) => n.depth ?? 0));
  const labels: Box[] = [];
  for (const node of nodes) {
    root.append(
      svg("rect", {x: node.x0!, y: node.y0!, width: node.x1! - node.x0!, height: Math.max(1, node.y1! - node.y0!), fill: "currentColor"})
    );
    const inner = narrow && node.depth! > 0 && node.depth! < lastDepth;
    const anchor = inner ? "middle" : node.x0! > w / 2 ? "end" : "start";
    const x = inner ? (node.x0! + node.x1!) / 2 : anchor === "end" ? node.x0! - 4 : node.x1! + 4;
    const y = inner ? 12 : node.y0! - 5;
    labels.push(textBox(node.name, x, y - fontSize * 0.8, anchor, fontSize));
    root.append(svg("text", {x, y, "text-anchor": anchor, "font-weight": 600, class: "sankey-label"}, node.name));
  }
  for (const link of links) {
    if ((link.width ?? 0) < fontSize + 2) continue;
    const source = link.source as {x1?: number};
    const target = link.target as {x0?: number};
    const x = (source.x1! + target.x0!) / 2;
    const y = ((link.y0 ?? 0) + (link.y1 ?? 0)) / 2;
    const text = usd(link.value);
    // A value that would print over a node's name is left to the link's tooltip and the figures above the chart.
    if (labels.some((box) => overlaps(box, textBox(text, x, y - fontSize / 2, "middle", fontSize)))) continue;
    root.append(svg("text", {x, y, dy: "0.35em", "text-anchor": "middle", class: "sankey-value"}, text));
  }
  return el("figure", {class: "sankey-figure"}, root as unknown as HTMLElement);
}
