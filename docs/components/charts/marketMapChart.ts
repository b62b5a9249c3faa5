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
  const labX = new Map(labs.map((n, i) => [n.id, labs.length > 1 ? -0.42 + (0.84 * i) / (labs.length - 1) : 0]));
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

// A second label line with the node's money, so print shows what hover would: "invests $28B · gets $238B".
function totals(n: MarketNode): string {
  // The bound words of the facts summed stay: "over $13B" is not "$13B".
  const parts = [
    n.investsUsd > 0 ? `invests ${bounded(n.invests.value, n.invests.bound, usd)}` : "",
    n.receivesUsd > 0 ? `gets ${bounded(n.receives.value, n.receives.bound, usd)}` : ""
  ].filter(Boolean);
  // The part in a loop on a line of its own, so the label stays as narrow as the others (the layout makes room for the
  // longest line).
  const loops = inLoops(n);
  return parts.length ? `\n${parts.join(" · ")}${loops ? `\n${loops}` : ""}` : "";
}

// "up to $10B of it in a loop" when only part of a company's money loops (the rest: a superseded deal's stake, or a lab
// with no spend back to it), so the loop mark beside its name does not claim the whole sum.
function inLoops(n: MarketNode): string {
  const part = n.investsInLoops.value;
  return part > 0 && part < n.invests.value * (1 - 1e-9) ? `${bounded(part, n.investsInLoops.bound, usd)} of it in a loop` : "";
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
  const label = (n: Placed, short: boolean) => `${n.name}${loopCompanies.has(n.id) ? " ↺" : ""}${short ? "" : totals(n)}`;
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
  // Pixels per unit of the layout: the circle leaves room beside it for the labels (two lines on a wide screen, the
  // longest line's width estimated at 0.6 em a character); on a phone the circle stretches into a taller ellipse so
  // the arrows keep some length.
  const fontSize = narrow ? 11 : 13;
  const r = narrow ? 5 : 7;
  const longest = Math.max(
    0,
    ...nodes
      .filter((n) => n.side !== "below")
      .flatMap((n) =>
        label(n, narrow)
          .split("\n")
          .map((line) => line.length)
      )
  );
  const kx = Math.max(60, Math.min(170, w / 2 - (narrow ? 92 : r + 13 + longest * fontSize * 0.6)));
  const ky = narrow ? 1.4 * kx : kx;
  const height = Math.round(2.44 * ky);
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
      // Lab labels sit under their node, leaning outwards so two labs' names do not meet in the middle.
      ...(["left", "right", "below"] as const).flatMap((side) =>
        (side === "below" ? ([-1, 0, 1] as const) : ([0] as const)).map((lean) =>
          Plot.text(
            nodes.filter((n) => n.side === side && (side !== "below" || Math.sign(n.x) === lean)),
            {
              x: "x",
              y: "y",
              text: (n: Placed) => label(n, narrow || side === "below"),
              dx: side === "left" ? -(r + 9) : side === "right" ? r + 9 : lean * 4,
              dy: side === "below" ? r + 16 : 0,
              textAnchor: side === "left" || lean < 0 ? "end" : side === "right" || lean > 0 ? "start" : "middle",
              fontSize,
              fontWeight: side === "below" ? 700 : 600,
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
