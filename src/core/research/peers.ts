/**
 * The peer box of a research note: the deal against the other live deals on the same few ratios, each with the
 * deal's standing (its rank, 1 = the largest, or above {@link EXACT_RANKS} ranked deals a band such as "top 10%")
 * and the deal that leads. A superseded deal is history: it is neither ranked nor counted in another deal's rank.
 * The box holds no other deal's value, so a deal's box moves only when its own figures, its standing or the leader
 * move: a change to one deal does not re-render every other deal's briefing, whatever the number of deals.
 */
import {ordinal} from "../format/numbers.js";

/**
 * Up to this many ranked deals a standing is the exact rank ("3rd of 12"); above, a band ("top 10%", "top
 * quarter", "top half", "bottom half", "bottom quarter", "bottom 10%"). Among hundreds of deals a rank is a number
 * nobody repeats, and it moves whenever any deal crosses it (every briefing's "k of N" moved when one deal changed
 * at 100 deals); a band moves only when the deal crosses one of its edges.
 */
export const EXACT_RANKS = 20;

/** The ratios the peer box compares, in print order. */
export const PEER_RATIOS = [
  {id: "commitmentUsd", label: "Compute commitment", unit: "usd"},
  {id: "usdPerYear", label: "Commitment a year", unit: "usd-per-year"},
  {id: "usdPerGw", label: "Commitment per GW of capacity", unit: "usd-per-gw"},
  {id: "commitmentToInvestment", label: "Commitment ÷ firm money the provider's group has invested to date", unit: "ratio"},
  {id: "npvUsd", label: "Provider's cash NPV of the new money", unit: "usd"}
] as const;

export type PeerRatioId = (typeof PEER_RATIOS)[number]["id"];

/** One deal's values on the peer ratios (null where the deal has no such figure). */
export interface PeerInput {
  id: string;
  name: string;
  /** False for a superseded deal. */
  live: boolean;
  values: Record<PeerRatioId, number | null>;
  /**
   * Ratios on which the deal is shown but neither ranked nor counted in another deal's rank: commitment ÷ investment
   * where all the provider's money predates the deal (Microsoft → OpenAI's 2019–23 money; critic s14 #4: it led the
   * ranking at 19× on money its own briefing calls sunk).
   */
  unranked?: readonly PeerRatioId[];
}

/** True when the deal takes part in the ranking on ratio `id`: live, with a value, and not unranked on it. */
const rankedOn = (d: PeerInput, id: PeerRatioId) => d.live && !d.unranked?.includes(id) && finite(d.values[id]) !== null;

/** One row of a deal's peer box. */
export interface PeerRow {
  id: PeerRatioId;
  label: string;
  unit: string;
  /** The deal's own value; null when it has none. */
  value: number | null;
  /** The live deal with the largest value (the first in data order on a tie); null when none has a value. */
  leader: {id: string; name: string} | null;
  /**
   * The deal's rank among the live deals with a value, 1 = the largest (ties share the better rank); null when not
   * ranked, and when more than {@link EXACT_RANKS} deals are ranked (then `standing` is a band).
   */
  rank: number | null;
  /** How many live deals have a value (the deal included when it is live and has one); null with a band. */
  of: number | null;
  /** What the box prints: "2nd of 3", or with more than {@link EXACT_RANKS} ranked deals "top 10%"…; null when not ranked. */
  standing: string | null;
}

/**
 * Returns the deal's peer box: per ratio its value, its rank among the live deals and the deal that leads. Throws `invalid deal: <id>` when `dealId` is not among `deals`.
 *
 * @example peerBox([{id: "a", name: "A", live: true, values: {…, usdPerGw: 20e9}}, …], "a")[2] // {id: "usdPerGw", value: 20e9, rank: 1, of: 3, leader: {id: "a", name: "A"}}
 */
export function peerBox(deals: readonly PeerInput[], dealId: string): PeerRow[] {
  const deal = deals.find((d) => d.id === dealId);
  if (!deal) throw new Error(`invalid deal: ${dealId}`);
  return PEER_RATIOS.map(({id, label, unit}) => {
    const value = finite(deal.values[id]);
    const live = deals.filter((d) => rankedOn(d, id));
    const others = live.filter((d) => d.id !== dealId).map((d) => d.values[id] as number);
    const ranked = rankedOn(deal, id) && value !== null;
    const above = ranked ? others.filter((v) => v > value).length : 0;
    const exact = live.length <= EXACT_RANKS;
    const top = live.reduce<PeerInput | null>((a, d) => (a === null || (d.values[id] as number) > (a.values[id] as number) ? d : a), null);
    return {
      id,
      label,
      unit,
      value,
      rank: ranked && exact ? 1 + above : null,
      of: exact ? live.length : null,
      standing: !ranked ? null : exact ? `${ordinal(1 + above)} of ${live.length}` : band(above, live.length),
      leader: top && {id: top.id, name: top.name}
    };
  });
}

/**
 * Returns every deal's peer box, by id: `peerBox(deals, id)` for each deal, computed together. Each box scanned every
 * deal on every ratio, so all the boxes took the square of the number of deals; here each ratio's live values are
 * sorted once and a deal's rank is a binary search (issue #18).
 *
 * @example peerBoxes(deals)["a"] // the same rows as peerBox(deals, "a")
 */
export function peerBoxes(deals: readonly PeerInput[]): Record<string, PeerRow[]> {
  const ratios = PEER_RATIOS.map(({id, label, unit}) => {
    const live = deals.filter((d) => rankedOn(d, id));
    // Largest first; `above(v)` counts the live values larger than v.
    const sorted = live.map((d) => d.values[id] as number).sort((a, b) => b - a);
    const above = (v: number) => {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid] > v) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const top = live.reduce<PeerInput | null>((a, d) => (a === null || (d.values[id] as number) > (a.values[id] as number) ? d : a), null);
    return {id, label, unit, count: live.length, above, leader: top && {id: top.id, name: top.name}};
  });
  const boxes: Record<string, PeerRow[]> = {};
  for (const deal of deals) {
    if (Object.hasOwn(boxes, deal.id)) continue;
    boxes[deal.id] = ratios.map(({id, label, unit, count, above, leader}) => {
      const value = finite(deal.values[id]);
      const ranked = rankedOn(deal, id) && value !== null;
      // A ranked deal's own value is not larger than itself: the live values above it are the others' above it.
      const larger = ranked ? above(value) : 0;
      const exact = count <= EXACT_RANKS;
      return {
        id,
        label,
        unit,
        value,
        rank: ranked && exact ? 1 + larger : null,
        of: exact ? count : null,
        standing: !ranked ? null : exact ? `${ordinal(1 + larger)} of ${count}` : band(larger, count),
        leader: leader && {...leader}
      };
    });
  }
  return boxes;
}

/**
 * Returns the band of a deal with `above` ranked deals larger than it, of `count` ranked deals: by the share of
 * deals above it (its rank less one, so ties share the better band, as they share the better rank), the top 10%,
 * quarter or half, else the bottom half, quarter or 10%.
 *
 * @example band(4, 101) // "top 10%"; band(30, 101) // "top half"; band(80, 101) // "bottom quarter"
 */
export function band(above: number, count: number): string {
  const share = above / count;
  if (share < 0.1) return "top 10%";
  if (share < 0.25) return "top quarter";
  if (share < 0.5) return "top half";
  if (share < 0.75) return "bottom half";
  if (share < 0.9) return "bottom quarter";
  return "bottom 10%";
}

function finite(x: number | null | undefined): number | null {
  return typeof x === "number" && Number.isFinite(x) ? x : null;
}
