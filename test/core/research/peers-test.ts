import {assert, it} from "vitest";
import {type PeerInput, peerBox} from "../../../src/core/research/peers.js";

const deal = (id: string, live: boolean, usdPerGw: number | null, npvUsd: number | null = null): PeerInput => ({
  id,
  name: id.toUpperCase(),
  live,
  values: {commitmentUsd: null, usdPerYear: null, usdPerGw, commitmentToInvestment: null, npvUsd}
});

it("peerBox(deals, id) ranks the deal among the live deals, largest first, and names the leader", () => {
  const deals = [deal("a", true, 20e9, -2e9), deal("b", true, 30e9, 5e9), deal("c", true, 10e9, -8e9), deal("old", false, 99e9, 9e9)];
  const rows = Object.fromEntries(peerBox(deals, "a").map((r) => [r.id, r]));
  // $/GW: 30 > 20 > 10 → 2nd of 3, B leads; the superseded 99 is neither ranked nor the leader.
  assert.deepInclude(rows.usdPerGw, {value: 20e9, rank: 2, of: 3, leader: {id: "b", name: "B"}});
  // NPV: 5 > −2 > −8 → 2nd of 3.
  assert.deepInclude(rows.npvUsd, {value: -2e9, rank: 2, of: 3, leader: {id: "b", name: "B"}});
  // No deal has a commitment: nothing ranked, no leader.
  assert.deepInclude(rows.commitmentUsd, {value: null, rank: null, of: 0, leader: null});
  assert.deepInclude(
    peerBox(deals, "b").find((r) => r.id === "usdPerGw"),
    {rank: 1, of: 3}
  );
});

it("peerBox(deals, id) does not rank a superseded deal or a deal with no value, and ties share the better rank", () => {
  const deals = [deal("a", true, 20e9), deal("b", true, 20e9), deal("c", true, null), deal("old", false, 5e9)];
  const usdPerGw = (id: string) => peerBox(deals, id).find((r) => r.id === "usdPerGw")!;
  assert.deepInclude(usdPerGw("a"), {rank: 1, of: 2});
  assert.deepInclude(usdPerGw("b"), {rank: 1, of: 2});
  assert.deepInclude(usdPerGw("c"), {value: null, rank: null, of: 2, leader: {id: "a", name: "A"}});
  assert.deepInclude(usdPerGw("old"), {value: 5e9, rank: null, of: 2});
  assert.throws(() => peerBox(deals, "zzz"), "invalid deal: zzz");
});
