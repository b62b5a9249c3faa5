import {assert, it} from "vitest";
import {parseShard, selectBriefings} from "../../src/cli/pdf/select.js";

const all = ["market", "deal-a", "deal-b", "deal-c", "deal-d"];

it("parseShard(text) reads i/n", () => {
  assert.deepStrictEqual(parseShard("1/2"), {index: 1, count: 2});
  assert.deepStrictEqual(parseShard(" 3 / 3 "), {index: 3, count: 3});
  for (const bad of ["0/2", "3/2", "1/0", "1", "a/b", "", "-1/2"]) assert.throws(() => parseShard(bad), /invalid shard/);
});

it("selectBriefings(all) is every briefing, in order", () => {
  assert.deepStrictEqual(selectBriefings(all), all);
  assert.deepStrictEqual(selectBriefings([]), []);
});

it("selectBriefings(all, {names}) keeps the named ones in the order of all", () => {
  assert.deepStrictEqual(selectBriefings(all, {names: ["deal-c", "market"]}), ["market", "deal-c"]);
});

it("selectBriefings(all, {names}) refuses an unknown name, listing the known ones", () => {
  assert.throws(() => selectBriefings(all, {names: ["deal-x", "market"]}), /unknown briefing: deal-x \(known: market, deal-a/);
});

it("selectBriefings(all, {shard}) splits the briefings so the shards cover each exactly once", () => {
  // 5 briefings in 2 shards: indexes 0, 2, 4 and 1, 3.
  assert.deepStrictEqual(selectBriefings(all, {shard: {index: 1, count: 2}}), ["market", "deal-b", "deal-d"]);
  assert.deepStrictEqual(selectBriefings(all, {shard: {index: 2, count: 2}}), ["deal-a", "deal-c"]);
  for (const count of [1, 2, 3, 7]) {
    const shards = Array.from({length: count}, (_, i) => selectBriefings(all, {shard: {index: i + 1, count}}));
    assert.deepStrictEqual(shards.flat().sort(), [...all].sort());
  }
});
