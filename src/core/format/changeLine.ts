/** Words for a figure that moved between builds, shared by the What-changed page, the briefings and CI's summary. */
import type {HeadlineFigure} from "../changes.js";
import {date} from "./dates.js";
import {figureWords} from "./figureWords.js";

/** One side of a change: a headline figure as a build's manifest records it (`derived` is absent in older manifests). */
export type ChangeSide = Pick<HeadlineFigure, "value" | "unit" | "bound" | "status" | "derived" | "asOf">;

export interface ChangeLike {
  dealName: string;
  label: string;
  kind: "changed" | "added" | "removed";
  before: ChangeSide | null;
  after: ChangeSide | null;
}

/**
 * Returns one line per change: "Amazon → Anthropic, investment (firm): $8B → $13B, confirmed, 20 Apr 2026";
 * "(new)" or "(removed)" for a figure that appeared or disappeared. Figures are written with figureWords.
 */
export function changeLine({dealName, label, kind, before, after}: ChangeLike): string {
  const text = (f: ChangeSide) => figureWords({...f, derived: f.derived ?? true});
  if (kind === "added" && after) return `${dealName}, ${label}: ${text(after)} (new), ${after.status}, ${date(after.asOf)}`;
  if (kind === "removed" && before) return `${dealName}, ${label}: ${text(before)} (removed)`;
  const [from, to] = [text(before!), text(after!)];
  // A move smaller than the display's rounding still shows, with the digits that tell the two apart.
  const detail = from === to ? ` (${precise(before!)} → ${precise(after!)})` : "";
  return `${dealName}, ${label}: ${from} → ${to}${detail}, ${after!.status}, ${date(after!.asOf)}`;
}

/** Returns a value with four significant digits: 0.12987 fraction → "12.99%", 9.0909 gw-years → "9.091 gw-years". */
function precise({value, unit}: ChangeSide): string {
  return unit === "fraction" ? `${(value * 100).toPrecision(4)}%` : `${value.toPrecision(4)} ${unit}`;
}
