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

// Why a move in each headline figure matters to a reader, by the figure's label (headlineFigures in changes.ts).
const MEANINGS: Record<string, {up: string; down: string}> = {
  "investment (firm)": {
    up: "More firm money from the investor: more of the lab's spend is the investor's own money coming back.",
    down: "Less firm money from the investor: less of the lab's spend is the investor's own money coming back."
  },
  "investment (maximum)": {
    up: "The most the investor could put in, tranches on conditions included, is higher.",
    down: "The most the investor could put in, tranches on conditions included, is lower."
  },
  "compute commitment": {
    up: "The lab commits to spend more: more revenue for the provider, and more capacity bought.",
    down: "The lab commits to spend less: less revenue for the provider, and less capacity bought."
  },
  capacity: {
    up: "A higher capacity ceiling: the accelerators, energy and compute it converts to rise with it.",
    down: "A lower capacity ceiling: the accelerators, energy and compute it converts to fall with it."
  },
  "GW-years the commitment buys": {
    up: "The money pays for more capacity-years at the assumed price per GW-year.",
    down: "The money pays for fewer capacity-years at the assumed price per GW-year."
  },
  "investment ÷ commitment (firm)": {
    up: "A larger share of the lab's spend is funded by the investor's own money (the recycling critique weighs more).",
    down: "A smaller share of the lab's spend is funded by the investor's own money (the recycling critique weighs less)."
  },
  "provider's cash NPV": {
    up: "The deal is worth more in cash to the provider, discounted to today.",
    down: "The deal is worth less in cash to the provider, discounted to today."
  },
  "payback year": {
    up: "The provider's cash comes back later.",
    down: "The provider's cash comes back sooner."
  }
};

/**
 * Returns one sentence on why a change matters to a reader: the direction of the move in words for the figure, its
 * new status when only the status moved, or that the figure is new or gone.
 *
 * @example changeMeaning({label: "payback year", kind: "changed", before: {value: 2035, …}, after: {value: 2036, …}, …}) // "The provider's cash comes back later."
 */
export function changeMeaning({label, kind, before, after}: ChangeLike, {dataMoved}: {dataMoved?: boolean} = {}): string {
  // A model's figure that moved while the deal's data did not (same as-of, no sourced figure of the deal moved): the
  // model's method or assumptions moved it, which a reader must not take for news about the deal (critic s8 M1).
  const side = after ?? before;
  const model = dataMoved === false && (side?.derived ?? true) && (!before || !after || before.asOf === after.asOf);
  const unmoved = side
    ? `the deal's sourced figures and its data as-of (${date(side.asOf)}) did not move`
    : "the deal's sourced figures did not move";
  if (kind === "added" && model) return `New in this edition, from the model, not the deal: ${unmoved}; the model now gives this figure.`;
  if (kind === "added") return "New in this edition: the data did not give this figure before.";
  if (kind === "removed" && model)
    return `No longer given, from the model, not the deal: ${unmoved}; the model no longer gives this figure.`;
  if (kind === "removed") return "No longer in the data: the figure's source or its inputs were removed.";
  if (!before || !after) return "";
  if (before.value === after.value)
    return before.status !== after.status
      ? `Same value; its evidence is now ${after.status} (it was ${before.status}).`
      : "Same value; its bound words changed.";
  const meaning = MEANINGS[label];
  if (model)
    return `${after.value > before.value ? "Higher" : "Lower"}, from the model, not the deal: ${unmoved}, so a change of the model's method or assumptions moved it.`;
  if (!meaning) return after.value > before.value ? "The figure is higher." : "The figure is lower.";
  return after.value > before.value ? meaning.up : meaning.down;
}

/**
 * Whether the deal's own data moved between two editions, from the changes listed for it: a figure the data states
 * (not derived) moved, or a figure's as-of date did; for a figure that appeared or disappeared, whether its as-of date
 * is later than `previousAsOf` (the last edition's data as-of, ISO): a deal checked after the last edition. A deal's
 * as-of earlier than the edition's is not a move (most deals were checked before the dataset's as-of; the briefings
 * took that for news and said "the figure's source or its inputs were removed" of a model's move, critic s9 H3).
 * The What-changed page and the briefings call it with the same arguments, so they give the same reason.
 */
export function dealDataMoved(changes: readonly Pick<ChangeLike, "kind" | "before" | "after">[], previousAsOf?: string): boolean {
  return changes.some((c) => {
    const side = c.after ?? c.before;
    if (!(side?.derived ?? true)) return true;
    if (c.before && c.after) return c.before.asOf !== c.after.asOf;
    return previousAsOf !== undefined && side !== null && side.asOf > previousAsOf;
  });
}
