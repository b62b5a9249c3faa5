/**
 * The peer box of a research note: the deal against the other live deals on the same few ratios, each with the
 * deal's rank (1 = the largest) and the deal that leads. A superseded deal is history: it is neither ranked nor
 * counted in another deal's rank. The box holds no other deal's value, so a deal's box moves only when its own
 * figures, its rank or the leader move (a change to one deal does not re-render every other deal's briefing).
 */

/** The ratios the peer box compares, in print order. */
export const PEER_RATIOS = [
  {id: "commitmentUsd", label: "Compute commitment", unit: "usd"},
  {id: "usdPerYear", label: "Commitment a year", unit: "usd-per-year"},
  {id: "usdPerGw", label: "Commitment per GW of capacity", unit: "usd-per-gw"},
  {id: "commitmentToInvestment", label: "Commitment ÷ firm investment", unit: "ratio"},
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
}

/** One row of a deal's peer box. */
export interface PeerRow {
  id: PeerRatioId;
  label: string;
  unit: string;
  /** The deal's own value; null when it has none. */
  value: number | null;
  /** The live deal with the largest value (the first in data order on a tie); null when none has a value. */
  leader: {id: string; name: string} | null;
  /** The deal's rank among the live deals with a value, 1 = the largest (ties share the better rank); null when not ranked. */
  rank: number | null;
  /** How many live deals have a value (the deal included when it is live and has one). */
  of: number;
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
    const live = deals.filter((d) => d.live && finite(d.values[id]) !== null);
    const others = live.filter((d) => d.id !== dealId).map((d) => d.values[id] as number);
    const rank = deal.live && value !== null ? 1 + others.filter((v) => v > value).length : null;
    const top = live.reduce<PeerInput | null>((a, d) => (a === null || (d.values[id] as number) > (a.values[id] as number) ? d : a), null);
    return {id, label, unit, value, rank, of: live.length, leader: top && {id: top.id, name: top.name}};
  });
}

function finite(x: number | null | undefined): number | null {
  return typeof x === "number" && Number.isFinite(x) ? x : null;
}
