import {assert, it} from "vitest";
import {capacityShare, capacitySharePart, capacityShareScope, capacityShares} from "../../../src/core/capacity/capacityShare.js";
import type {Fact} from "../../../src/core/model.js";
import {assertInDelta} from "../../asserts.js";
import {deal} from "./fixtures.js";

const ceiling = (value: number, unit: "gw" | "mw", bound?: Fact["bound"], status: Fact["status"] = "confirmed"): Fact => ({
  value,
  unit,
  status,
  source: "s",
  asOf: "2026-01-01",
  ...(bound ? {bound} : {})
});

const deals = [
  deal({id: "a"}, {ceiling: ceiling(4, "gw", "up-to")}),
  deal({id: "b", status: "loi"}, {ceiling: ceiling(1500, "mw", "at-least", "reported")}),
  deal({id: "c", status: "superseded"}, {ceiling: ceiling(10, "gw")}),
  deal({id: "d", capacity: undefined})
];

it("capacityShare(deals, id) divides the deal's ceiling by the ceilings of the deals that count", () => {
  const share = capacityShare(deals, "a")!;
  assert.deepStrictEqual(share.deals, ["a", "b"]); // c is superseded, d has no capacity
  assert.strictEqual(share.gw.value, 4);
  assert.strictEqual(share.totalGw.value, 5.5); // 4 GW + 1,500 MW
  assertInDelta(share.share.value, 4 / 5.5);
  assert.strictEqual(share.share.unit, "fraction");
});

it("capacityShare(deals, id) keeps every ceiling in the lineage and combines the bounds", () => {
  const share = capacityShare(deals, "a")!;
  assert.deepStrictEqual(share.gw.lineage, {inputs: ["a.capacity.ceiling"], status: "confirmed"});
  assert.strictEqual(share.gw.bound, "up-to");
  assert.deepStrictEqual(share.totalGw.lineage, {inputs: ["a.capacity.ceiling", "b.capacity.ceiling"], status: "reported"});
  assert.strictEqual(share.share.bound, "about"); // "up to" with "over" is neither
});

it("capacityShare(deals, id) counts a superseded deal only against itself", () => {
  const share = capacityShare(deals, "c")!;
  assert.deepStrictEqual(share.deals, ["a", "b", "c"]);
  assertInDelta(share.share.value, 10 / 15.5);
});

it("capacityShare(deals, id) is null for a deal without capacity, and 0 of an empty total", () => {
  assert.isNull(capacityShare(deals, "d"));
  const zero = capacityShare([deal({id: "z"}, {ceiling: ceiling(0, "gw")})], "z")!;
  assert.strictEqual(zero.share.value, 0);
});

it("capacityShare(…) rejects an unknown deal", () => {
  assert.throws(() => capacityShare(deals, "x"), /invalid deal: x/);
});

it("capacityShare(20 deals, id) sums every ceiling but names them with one lineage input beyond LISTED_DEALS", () => {
  // 20 active deals of 1, 2, …, 20 GW: the total is 20 × 21 / 2 = 210 GW, deal 3's share 3 ÷ 210.
  const many = Array.from({length: 20}, (_, k) =>
    deal({id: `m${k + 1}`}, {ceiling: ceiling(k + 1, "gw", k === 4 ? "up-to" : undefined, k === 7 ? "estimate" : "confirmed")})
  );
  const share = capacityShare(many, "m3")!;
  assert.strictEqual(share.totalGw.value, 210);
  assertInDelta(share.share.value, 3 / 210);
  assert.strictEqual(share.dealCount, 20);
  assert.deepStrictEqual(share.deals, []);
  assert.deepStrictEqual(share.totalGw.lineage, {inputs: ["live-deals.capacity.ceiling", "m3.capacity.ceiling"], status: "estimate"});
  assert.strictEqual(share.totalGw.bound, "up-to");
  assert.strictEqual(capacityShare(deals, "a")!.dealCount, 2);
});

it("capacityShareScope(share) names the deals summed with their stage: a letter of intent is never called live", () => {
  const a = capacityShare(deals, "a")!;
  assert.strictEqual(a.lettersOfIntent, 1);
  assert.isFalse(a.selfOutside);
  assert.strictEqual(
    capacityShareScope(a),
    "the 2 deals in the data with a GW figure, none superseded (1 of them only a letter of intent)"
  );
  const c = capacityShare(deals, "c")!; // superseded: summed only because it is the deal shown
  assert.deepStrictEqual(c.deals, ["a", "b", "c"]);
  assert.strictEqual(
    capacityShareScope(c),
    "the 2 deals in the data with a GW figure, none superseded, and this one (1 of them only a letter of intent)"
  );
  assert.strictEqual(
    capacityShareScope({dealCount: 1, lettersOfIntent: 0, selfOutside: false}),
    "the 1 deal in the data with a GW figure, not superseded"
  );
  assert.notMatch(capacityShareScope(a), /live/);
});

it("capacityShare(…) sums a figure that is only a stated part of a deal, and capacitySharePart says how much", () => {
  // e is active with about 2 GW covering only its Trainium: the total is 4 + 1.5 + 2 = 7.5 GW, of which 2 GW a part.
  const e = deal({id: "e"}, {ceiling: ceiling(2, "gw", "about"), covers: "Trainium"});
  const share = capacityShare([...deals, e], "a")!;
  assert.strictEqual(share.totalGw.value, 7.5);
  assert.strictEqual(share.partGw, 2);
  assert.deepStrictEqual(share.partCovers, ["Trainium"]);
  const gwText = (v: number) => `${v} GW`;
  assert.strictEqual(
    capacitySharePart(share, gwText),
    "Of the 7.5 GW, 2 GW is only a stated part of a deal (its Trainium capacity), not a ceiling."
  );
  // Two parts, 2 + 1 GW: 3 GW of stated parts of 2 deals.
  const f = deal({id: "f"}, {ceiling: ceiling(1, "gw"), covers: "TPU"});
  assert.strictEqual(
    capacitySharePart(capacityShare([...deals, e, f], "a")!, gwText),
    "Of the 8.5 GW, 3 GW is only stated parts of 2 deals, not ceilings."
  );
  // Every figure a ceiling: no clause.
  assert.strictEqual(capacitySharePart(capacityShare(deals, "a")!, gwText), "");
  assert.strictEqual(capacityShare(deals, "a")!.partGw, 0);
});

it("capacityShares(deals) gives each deal what capacityShare(deals, id) gives it, listed or beyond LISTED_DEALS (issue #18)", () => {
  // The fixtures above (a live deal, a letter of intent with an "over" figure, a superseded deal counted only against
  // itself, a deal without capacity), a part (`covers`), and the same beyond LISTED_DEALS with 15 more live deals.
  const few = [...deals, deal({id: "e"}, {ceiling: ceiling(2, "gw", "about"), covers: "Trainium"})];
  const many = [
    ...few,
    ...Array.from({length: 15}, (_, i) => deal({id: `x${i}`}, {ceiling: ceiling(100 + i, "mw", undefined, "estimate")}))
  ];
  for (const set of [few, many]) {
    const shares = capacityShares(set);
    assert.deepStrictEqual(
      Object.keys(shares),
      set.map((d) => d.id)
    );
    for (const d of set) assert.deepStrictEqual(shares[d.id], capacityShare(set, d.id), d.id);
  }
  // Hand-checked: in `few`, a's 4 GW of 4 + 1.5 + 2 = 7.5 GW (c superseded, d without capacity).
  assert.strictEqual(capacityShares(few).a!.totalGw.value, 7.5);
  assert.strictEqual(capacityShares(many).a!.deals.length, 0); // 18 deals summed: beyond LISTED_DEALS, none named
});
