/**
 * The market map: companies as nodes (labs in the centre, investors and providers on a circle around them), equity
 * and compute-commitment flows as arrows whose width grows with dollars, and the loops drawn at full strength while
 * other flows fade. The layout is deterministic: the same data always draws the same map.
 */

import type {MarketMap, MarketNode} from "../../lib/core.js";
import * as Plot from "../../lib/plot.js";
import {el} from "../dom.js";
import {bounded, gw, usd} from "../format.js";
import {Swatch} from "./commitmentSwatch.js";

export interface Placed extends MarketNode {
  x: number;
  y: number;
  /** Which side its label goes: left of the node, right of it, or under it (labs). */
  side: "left" | "right" | "below";
}

/**
 * Returns the nodes with positions in [−1, 1]²: labs on a row through the centre; the other companies on the unit
 * circle, those whose money runs mostly with a lab on the left placed on the left half (and vice versa), each half
 * filled top to bottom in order of that leaning, ties by id.
 */
export function placeMarket(map: MarketMap): Placed[] {
  const labs = map.nodes.filter((n) => n.roles.includes("lab"));
  // Two labs sit at ±0.42; more spread a little wider (their names alternate under and over the row).
  const half = Math.min(0.6, 0.42 + 0.06 * Math.max(0, labs.length - 2));
  const labX = new Map(labs.map((n, i) => [n.id, labs.length > 1 ? -half + (2 * half * i) / (labs.length - 1) : 0]));
  const weight = new Map<string, {sum: number; x: number}>();
  const lean = (company: string, lab: string, amount: number) => {
    if (!labX.has(lab) || labX.has(company)) return;
    const w = weight.get(company) ?? {sum: 0, x: 0};
    w.sum += amount;
    w.x += amount * labX.get(lab)!;
    weight.set(company, w);
  };
  for (const e of map.edges) {
    if (e.kind === "commitment") lean(e.target, e.source, e.usd.value);
    else lean(e.source, e.target, e.usd.value);
  }
  for (const l of map.capacityLinks) lean(l.target, l.source, 1e9);
  const others = map.nodes
    .filter((n) => !labX.has(n.id))
    .map((n) => ({node: n, lean: weight.get(n.id) ? weight.get(n.id)!.x / weight.get(n.id)!.sum : 0}))
    .sort((a, b) => a.lean - b.lean || (a.node.id < b.node.id ? -1 : 1));
  const leftCount = Math.ceil(others.length / 2);
  const placed: Placed[] = labs.map((n) => ({...n, x: labX.get(n.id)!, y: 0, side: "below"}));
  others.forEach(({node}, i) => {
    const left = i < leftCount;
    const k = left ? i : i - leftCount;
    const count = left ? leftCount : others.length - leftCount;
    // Each half spans 150° of the circle, from its top to its bottom.
    const t = count > 1 ? k / (count - 1) : 0.5;
    const angle = ((left ? 105 + 150 * t : 75 - 150 * t) * Math.PI) / 180;
    placed.push({...node, x: Math.cos(angle), y: Math.sin(angle), side: left ? "left" : "right"});
  });
  return placed;
}

interface Arrow {
  id: string;
  kind: "equity-firm" | "equity-contingent" | "commitment" | "capacity" | "superseded";
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  loop: boolean;
  title: string;
}

const STROKE: Record<Arrow["kind"], string> = {
  "equity-firm": "var(--flow-equity)",
  "equity-contingent": "var(--flow-equity)",
  commitment: "var(--flow-commitment)",
  capacity: "var(--theme-foreground-muted)",
  superseded: "var(--theme-foreground-muted)"
};

// The label's lines under the name, so print shows what hover would: "invests $28B", "gets over $238B", each on a line
// of its own (one long line pushed the circle in to a third of the page), and the part in a loop on its own line.
function totals(n: MarketNode): string[] {
  // The bound words of the facts summed stay: "over $13B" is not "$13B".
  const loops = inLoops(n);
  return [
    n.investsUsd > 0 ? `invests ${bounded(n.invests.value, n.invests.bound, usd)}` : "",
    loops,
    n.receivesUsd > 0 ? `gets ${bounded(n.receives.value, n.receives.bound, usd)}` : ""
  ].filter(Boolean);
}

// "up to $10B of it in a loop" when only part of a company's money loops (the rest: a superseded deal's stake, or a lab
// with no spend back to it), so the loop mark beside its name does not claim the whole sum.
function inLoops(n: MarketNode): string {
  const part = n.investsInLoops.value;
  return part > 0 && part < n.invests.value * (1 - 1e-9) ? `${bounded(part, n.investsInLoops.bound, usd)} of it in a loop` : "";
}

/**
 * Returns the labels' centres (pixels, downwards) with no two labels of one side overlapping, each as near its node's
 * height as the others allow: labels that would overlap are stacked `gap` apart into a block centred where its labels
 * want to be on average (merging with the block above while they overlap), and the blocks are kept within [top,
 * bottom]. `wanted` are the nodes' heights, `heights` the labels'.
 *
 * @example dodgeLabels([0, 10], [30, 30], -100, 100) // [−12, 22]: the two move apart about their mean, 34 px
 */
export function dodgeLabels(wanted: readonly number[], heights: readonly number[], top: number, bottom: number, gap = 4): number[] {
  const order = wanted.map((_, i) => i).sort((a, b) => wanted[a] - wanted[b] || a - b);
  // A block: its labels in order, its total height (gaps included), and the offset of each label's centre in it.
  type Block = {items: number[]; height: number; want: number; start: number};
  const blocks: Block[] = [];
  const place = (b: Block) => {
    // The block's top, where its labels' centres are on average where they want to be.
    let offset = 0;
    let sum = 0;
    for (const i of b.items) {
      sum += wanted[i] - (offset + heights[i] / 2);
      offset += heights[i] + gap;
    }
    b.start = sum / b.items.length;
  };
  for (const i of order) {
    const block: Block = {items: [i], height: heights[i], want: wanted[i], start: 0};
    place(block);
    blocks.push(block);
    // Merge with the block above while they overlap.
    while (blocks.length > 1) {
      const above = blocks[blocks.length - 2];
      const here = blocks[blocks.length - 1];
      if (above.start + above.height + gap <= here.start) break;
      above.items.push(...here.items);
      above.height += gap + here.height;
      place(above);
      blocks.pop();
    }
  }
  // Inside [top, bottom], the lowest blocks first pushed up, then the highest pushed down.
  let floor = bottom;
  for (let k = blocks.length - 1; k >= 0; --k) {
    blocks[k].start = Math.min(blocks[k].start, floor - blocks[k].height);
    floor = blocks[k].start - gap;
  }
  let ceiling = top;
  for (const b of blocks) {
    b.start = Math.max(b.start, ceiling);
    ceiling = b.start + b.height + gap;
  }
  const out = [...wanted];
  for (const b of blocks) {
    let y = b.start;
    for (const i of b.items) {
      out[i] = y + heights[i] / 2;
      y += heights[i] + gap;
    }
  }
  return out;
}

/** Returns the map as an SVG chart with its legend; `width` wide, about as tall. */
export function MarketMapChart(map: MarketMap, {width, print = false}: {width: number; print?: boolean}): HTMLElement {
  const w = Math.max(width, 300);
  const narrow = w < 560;
  const nodes = placeMarket(map);
  const at = new Map(nodes.map((n) => [n.id, n]));
  const name = (id: string) => at.get(id)?.name ?? id;
  const loopPairs = new Set(map.loops.flatMap((l) => [`${l.company}→${l.lab}`, `${l.lab}→${l.company}`]));
  const loopCompanies = new Set(map.loops.map((l) => l.company));
  const title = (n: Placed) => `${n.name}${loopCompanies.has(n.id) ? " ↺" : ""}`;
  // The lines under a company's name: none on a phone (the table under the map has them) nor for a lab.
  const details = (n: Placed) => (narrow || n.side === "below" ? [] : totals(n));
  const maxUsd = Math.max(1, ...map.edges.map((e) => e.usd.value));
  const arrows: Arrow[] = [
    ...map.edges.map((e) => ({
      id: e.id,
      // A superseded deal's stake is drawn apart, dotted and faded: history, never a loop.
      kind: e.superseded ? ("superseded" as const) : e.kind,
      width: 1.2 + (narrow ? 10 : 15) * Math.sqrt(e.usd.value / maxUsd),
      title: `${name(e.source)} → ${name(e.target)}: ${e.kind === "commitment" ? "compute commitment" : e.kind === "equity-firm" ? "firm equity" : "contingent equity"} ${bounded(e.usd.value, e.usd.bound, usd)} (${e.deals.join(", ")})${e.superseded ? ", from a superseded deal: no loop" : ""}`,
      source: e.source,
      target: e.target
    })),
    ...map.capacityLinks.map((l) => ({
      id: l.id,
      kind: "capacity" as const,
      width: 1.2,
      title: `${name(l.source)} → ${name(l.target)}: ${bounded(l.gw.value, l.gw.bound, gw)} of capacity, no dollar figure (${l.deals.join(", ")})`,
      source: l.source,
      target: l.target
    }))
  ].map(({source, target, ...a}) => ({
    ...a,
    x1: at.get(source)!.x,
    y1: at.get(source)!.y,
    x2: at.get(target)!.x,
    y2: at.get(target)!.y,
    loop: a.kind !== "superseded" && loopPairs.has(`${source}→${target}`)
  }));
  // Pixels per unit of the layout: the circle leaves room beside it for the labels (the longest line's width estimated
  // at 0.6 em a character for the bold name, 0.55 for the lines under it); on a phone the circle stretches into a
  // taller ellipse so the arrows keep some length. Print sets the labels at the page's small type.
  const fontSize = narrow ? 11 : print ? 10.5 : 12;
  const lineHeight = 1.2 * fontSize;
  const r = narrow ? 5 : 7;
  const sides = nodes.filter((n) => n.side !== "below");
  const longest = Math.max(0, ...sides.flatMap((n) => [title(n).length * 0.6, ...details(n).map((line) => line.length * 0.55)]));
  const kx = Math.max(60, Math.min(170, w / 2 - (narrow ? 92 : r + 13 + longest * fontSize)));
  // Taller when a side's labels, stacked, need more height than the circle gives them.
  const labelHeight = (n: Placed) => (1 + details(n).length) * lineHeight;
  const stacked = Math.max(
    0,
    ...(["left", "right"] as const).map((side) => nodes.filter((n) => n.side === side).reduce((sum, n) => sum + labelHeight(n) + 6, 0))
  );
  const ky = Math.max(narrow ? 1.4 * kx : kx, stacked / 2.3);
  const height = Math.round(2.44 * ky);
  // Each side's labels at their node's height, moved apart where they would overlap (pixels, downwards from the
  // centre), then back into layout units.
  const labelY = new Map<string, number>();
  for (const side of ["left", "right"] as const) {
    const these = nodes.filter((n) => n.side === side);
    const ys = dodgeLabels(
      these.map((n) => -n.y * ky),
      these.map(labelHeight),
      -1.22 * ky + 2,
      1.22 * ky - 2,
      6
    );
    for (const [i, n] of these.entries()) labelY.set(n.id, -ys[i] / ky);
  }
  // More than two labs: their names alternate under and over the row, so neighbours do not meet.
  const labs = nodes.filter((n) => n.side === "below").sort((a, b) => a.x - b.x);
  const over = new Set(labs.length > 2 ? labs.filter((_, i) => i % 2 === 1).map((n) => n.id) : []);
  type LabelRow = {node: Placed; text: string; y: number; dy: number; anchor: "start" | "end" | "middle"; dx: number; weight: number};
  const labelRows: LabelRow[] = nodes.flatMap((n): LabelRow[] => {
    if (n.side === "below") {
      const lean = labs.length > 2 && n !== labs[0] && n !== labs.at(-1) ? 0 : Math.sign(n.x);
      const anchor = lean < 0 ? "end" : lean > 0 ? "start" : "middle";
      return [{node: n, text: title(n), y: n.y, dy: over.has(n.id) ? -(r + 12) : r + 14, anchor, dx: lean * 4, weight: 700}];
    }
    const lines = details(n);
    const centre = labelY.get(n.id) ?? n.y;
    // The block's top line in pixels above its centre: the name, then each line under it.
    const top = -((1 + lines.length) * lineHeight) / 2 + lineHeight / 2;
    const dx = n.side === "left" ? -(r + 9) : r + 9;
    const anchor = n.side === "left" ? "end" : "start";
    return [title(n), ...lines].map((text, i) => ({node: n, text, y: centre, dy: top + i * lineHeight, anchor, dx, weight: i ? 400 : 700}));
  });
  const inset = r + 4;
  const body = (kind: Arrow["kind"], bend: number, dash?: string) =>
    Plot.arrow(
      arrows.filter((a) => a.kind === kind),
      {
        x1: "x1",
        y1: "y1",
        x2: "x2",
        y2: "y2",
        bend,
        headLength: 0,
        insetStart: inset,
        insetEnd: inset,
        stroke: STROKE[kind],
        strokeWidth: "width",
        strokeOpacity: (a: Arrow) => (a.loop ? 0.75 : 0.28),
        strokeDasharray: dash,
        strokeLinecap: "butt",
        ...(print ? {} : {title: "title"})
      }
    );
  const head = (kind: Arrow["kind"], bend: number) =>
    Plot.arrow(
      arrows.filter((a) => a.kind === kind),
      {
        x1: "x1",
        y1: "y1",
        x2: "x2",
        y2: "y2",
        bend,
        headLength: 7,
        insetStart: inset,
        insetEnd: inset,
        stroke: STROKE[kind],
        strokeWidth: 1.2,
        strokeOpacity: (a: Arrow) => (a.loop ? 1 : 0.45)
      }
    );
  const chart = Plot.plot({
    width: w,
    height,
    margin: 0,
    x: {domain: [-w / 2 / kx, w / 2 / kx], axis: null},
    y: {domain: [-1.22, 1.22], axis: null},
    marks: [
      body("commitment", 16),
      body("equity-firm", 16),
      body("equity-contingent", 32, "5,3"),
      body("capacity", 16, "2,3"),
      body("superseded", -16, "1,3"),
      head("commitment", 16),
      head("equity-firm", 16),
      head("equity-contingent", 32),
      head("capacity", 16),
      head("superseded", -16),
      Plot.dot(
        nodes.filter((n) => loopCompanies.has(n.id)),
        {x: "x", y: "y", r: r + 5, stroke: "currentColor", strokeWidth: 1.5, strokeDasharray: "3,2", fill: "none"}
      ),
      Plot.dot(nodes, {
        x: "x",
        y: "y",
        r: (n: Placed) => (n.side === "below" ? r + 3 : r),
        fill: "var(--theme-foreground)",
        ...(print
          ? {}
          : {
              title: (n: Placed) =>
                `${n.name}: invests ${bounded(n.invests.value, n.invests.bound, usd)} (firm); compute committed to it ${bounded(n.receives.value, n.receives.bound, usd)}`
            })
      }),
      // A leader from a node to its label where the label had to move off its node's height.
      Plot.link(
        nodes.filter((n) => n.side !== "below" && Math.abs((labelY.get(n.id) ?? n.y) - n.y) * ky > lineHeight / 2),
        {
          x1: "x",
          y1: "y",
          x2: (n: Placed) => n.x + ((n.side === "left" ? -1 : 1) * (r + 6)) / kx,
          y2: (n: Placed) => labelY.get(n.id) ?? n.y,
          stroke: "var(--theme-foreground-muted)",
          strokeWidth: 0.75
        }
      ),
      // Each line of a label as a text of its own: the name bold, the money under it in regular weight; lab names under
      // (or, from the third lab, alternately over) their node, leaning outwards so two labs' names do not meet.
      ...(["start", "end", "middle"] as const).flatMap((anchor) =>
        [700, 400].map((weight) =>
          Plot.text(
            labelRows.filter((l) => l.anchor === anchor && l.weight === weight),
            {
              x: (l: LabelRow) => l.node.x + l.dx / kx,
              y: (l: LabelRow) => l.y - l.dy / ky,
              text: "text",
              textAnchor: anchor,
              lineAnchor: "middle",
              fontSize,
              fontWeight: weight,
              stroke: "var(--theme-background)",
              strokeWidth: 4,
              fill: "currentColor"
            }
          )
        )
      )
    ]
  });
  return el(
    "figure",
    {class: "market-map"},
    el(
      "div",
      {class: "commitment-legend"},
      Swatch("Firm equity, investor → lab", "var(--flow-equity)", "line"),
      Swatch("Contingent equity", "var(--flow-equity)", "dash"),
      Swatch("Compute commitment, lab → provider", "var(--flow-commitment)", "line"),
      Swatch("Capacity with no dollar figure", "var(--theme-foreground-muted)", "dash"),
      ...(map.edges.some((e) => e.superseded)
        ? [Swatch("Equity from a superseded deal (no loop)", "var(--theme-foreground-muted)", "dash")]
        : []),
      el("span", {}, "↺ a loop: the money comes back to the investor (drawn solid; other flows fade)")
    ),
    chart,
    el(
      "figcaption",
      {},
      `Line width grows with the square root of the dollars; the widest is ${usd(maxUsd)}. ${narrow ? "" : "Beside each company: the firm equity it invests and the compute spend committed to it. "}Subsidiaries count as their parent (AWS as Amazon).`
    )
  );
}
