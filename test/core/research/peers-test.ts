import {assert, it} from "vitest";
import {band, EXACT_RANKS, type PeerInput, peerBox, peerBoxes} from "../../../src/core/research/peers.js";

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
  assert.deepInclude(rows.usdPerGw, {value: 20e9, rank: 2, of: 3, standing: "2nd of 3", leader: {id: "b", name: "B"}});
  // NPV: 5 > −2 > −8 → 2nd of 3.
  assert.deepInclude(rows.npvUsd, {value: -2e9, rank: 2, of: 3, leader: {id: "b", name: "B"}});
  // No deal has a commitment: nothing ranked, no leader.
  assert.deepInclude(rows.commitmentUsd, {value: null, rank: null, of: 0, standing: null, leader: null});
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

it(`peerBox(deals, id) gives a band instead of the rank above ${EXACT_RANKS} ranked deals, so a deal crossing others moves no band but at its edges`, () => {
  // 101 live deals: 4 larger than 100 (1,000…4,000), 90 copies at 100, 7 smaller (1…7), as the bench's copies.
  const deals = [
    ...[1, 2, 3, 4].map((k) => deal(`big${k}`, true, k * 1000)),
    ...Array.from({length: 90}, (_, k) => deal(`copy${k}`, true, 100)),
    ...Array.from({length: 7}, (_, k) => deal(`small${k}`, true, k + 1))
  ];
  const row = (list: PeerInput[], id: string) => peerBox(list, id).find((r) => r.id === "usdPerGw")!;
  // 4 of 101 above the copies (under 10.1): top 10%; no exact rank or count is published.
  assert.deepInclude(row(deals, "copy0"), {rank: null, of: null, standing: "top 10%", leader: {id: "big4", name: "BIG4"}});
  // One copy rises above the others: each other copy has 5 above it, still under 10.1: the same band.
  const moved = deals.map((d) => (d.id === "copy0" ? deal("copy0", true, 101) : d));
  assert.strictEqual(row(moved, "copy1").standing, "top 10%");
  assert.strictEqual(row(moved, "copy0").standing, "top 10%");
  // The smallest: 100 above it.
  assert.strictEqual(row(deals, "small0").standing, "bottom 10%");
  // The 7 smallest are the bottom 10% (94 or more above); the 90 copies, tied, share the top band though most of
  // them would rank lower if the tie were broken.
  assert.strictEqual(row(deals, "small6").standing, "bottom 10%");
  // Exactly EXACT_RANKS ranked deals still get the rank.
  const twenty = Array.from({length: EXACT_RANKS}, (_, k) => deal(`d${k}`, true, k));
  assert.deepInclude(row(twenty, "d0"), {rank: EXACT_RANKS, of: EXACT_RANKS, standing: `${EXACT_RANKS}th of ${EXACT_RANKS}`});
});

it("band(above, count) is the top or bottom 10%, quarter or half by the share of deals above (ties share the better band)", () => {
  // Hand-checked at 100 deals: 10% = 10 deals above, a quarter = 25, a half = 50.
  const cases: [number, string][] = [
    [0, "top 10%"],
    [9, "top 10%"],
    [10, "top quarter"],
    [24, "top quarter"],
    [25, "top half"],
    [49, "top half"],
    [50, "bottom half"],
    [74, "bottom half"],
    [75, "bottom quarter"],
    [89, "bottom quarter"],
    [90, "bottom 10%"],
    [99, "bottom 10%"]
  ];
  for (const [above, expected] of cases) assert.strictEqual(band(above, 100), expected, `${above} above`);
});

it("peerBoxes gives every deal the box peerBox gives it: exact ranks, bands above 20 ranked deals, ties, missing values, superseded deals", () => {
  let seed = 11;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  for (const count of [1, 3, 12, 20, 21, 60, 250]) {
    const deals: PeerInput[] = Array.from({length: count}, (_, i) => {
      // Values from a few levels, so ties happen; some missing (null) or not finite.
      const value = () => (random() < 0.15 ? null : random() < 0.03 ? Number.NaN : Math.round(random() * 8) * 1e9);
      return {
        id: `d${i}`,
        name: `Deal ${i}`,
        live: random() > 0.1,
        values: {commitmentUsd: value(), usdPerYear: value(), usdPerGw: value(), commitmentToInvestment: value(), npvUsd: value()}
      };
    });
    const boxes = peerBoxes(deals);
    assert.deepStrictEqual(
      Object.keys(boxes),
      deals.map((d) => d.id)
    );
    for (const d of deals) assert.deepStrictEqual(boxes[d.id], peerBox(deals, d.id), `${count} deals, ${d.id}`);
  }
});

it("peerBox and peerBoxes show an unranked deal's value but neither rank it nor let it lead (critic s14 #4: Microsoft → OpenAI's 19× on money all paid before the deal)", () => {
  const ratio = (id: string, x: number, unranked = false): PeerInput => ({
    id,
    name: id.toUpperCase(),
    live: true,
    values: {commitmentUsd: null, usdPerYear: null, usdPerGw: null, commitmentToInvestment: x, npvUsd: null},
    ...(unranked ? {unranked: ["commitmentToInvestment" as const]} : {})
  });
  // 19× before the deal, 7.7× and 6× on money for the deal: the 7.7× leads and is 1st of 2.
  const deals = [ratio("msft", 19, true), ratio("aa", 7.7), ratio("mna", 6)];
  for (const boxes of [Object.fromEntries(deals.map((d) => [d.id, peerBox(deals, d.id)])), peerBoxes(deals)]) {
    const row = (id: string) => boxes[id].find((r) => r.id === "commitmentToInvestment")!;
    assert.deepInclude(row("aa"), {value: 7.7, rank: 1, of: 2, standing: "1st of 2", leader: {id: "aa", name: "AA"}});
    assert.deepInclude(row("mna"), {rank: 2, of: 2});
    assert.deepInclude(row("msft"), {value: 19, rank: null, standing: null, leader: {id: "aa", name: "AA"}});
  }
});
