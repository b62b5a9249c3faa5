import {assert, it} from "vitest";
import type {DealComparison} from "../../../src/core/comparison/compareDeals.js";
import {boundedSum, marketAggregate} from "../../../src/core/comparison/marketAggregate.js";
import type {Bound} from "../../../src/core/model.js";

const money = (value: number, bound: Bound = "exact") => ({value, unit: "usd", bound, lineage: {inputs: [], status: "reported" as const}});

/** A comparison row with only what marketAggregate reads. */
function row(
  id: string,
  {
    invest = 0,
    commit = null,
    gw = null,
    lab = "lab",
    provider = "cloud",
    investors = ["inv"],
    status = "active"
  }: {
    invest?: number;
    commit?: number | null;
    gw?: number | null;
    lab?: string;
    provider?: string;
    investors?: string[];
    status?: DealComparison["status"];
  } = {}
): DealComparison {
  return {
    id,
    name: id.toUpperCase(),
    investors: investors.map((i) => ({id: i, name: i.toUpperCase()})),
    lab: {id: lab, name: lab.toUpperCase()},
    provider: {id: provider, name: provider.toUpperCase()},
    status,
    investmentFirmUsd: money(invest),
    commitmentUsd: commit === null ? null : money(commit, "at-least"),
    gw: gw === null ? null : {...money(gw, "up-to"), unit: "gw"}
  } as unknown as DealComparison;
}

it("boundedSum(figures) adds the values and combines the bounds, skipping absent figures", () => {
  assert.deepStrictEqual(boundedSum([money(100, "at-least"), null, money(30)]), {value: 130, bound: "at-least", count: 2});
  assert.deepStrictEqual(boundedSum([money(5, "up-to"), money(1, "at-least")]), {value: 6, bound: "about", count: 2});
  assert.deepStrictEqual(boundedSum([]), {value: 0, bound: "exact", count: 0});
});

it("marketAggregate(rows) shows every deal up to the limit, and totals the live ones (a superseded deal is history)", () => {
  const rows = [
    row("a", {invest: 10, commit: 100, gw: 5}),
    row("b", {invest: 2, commit: 30}),
    row("old", {commit: 500, status: "superseded"})
  ];
  const market = marketAggregate(rows);
  assert.deepStrictEqual(market.shown, ["a", "b", "old"]);
  assert.isNull(market.others);
  assert.strictEqual(market.deals, 3);
  assert.strictEqual(market.live, 2);
  // 100 + 30 (the superseded 500 left out), both "over": over 130; investment 10 + 2 = 12; GW: up to 5 from one deal.
  assert.deepStrictEqual(market.all.commitmentUsd, {value: 130, bound: "at-least", count: 2});
  assert.deepStrictEqual(market.all.investmentFirmUsd, {value: 12, bound: "exact", count: 2});
  assert.deepStrictEqual(market.all.gw, {value: 5, bound: "up-to", count: 1});
});

it("marketAggregate(rows) counts the money still standing under a superseded deal once, in the investment only", () => {
  // Nvidia's letter (superseded: its 10 GW and its commitment are history) and the $30B stake that replaced it (firm,
  // not lapsed: it stands). OpenAI's row: live investment 13 + 15 = 28, plus the stake 30 = 58; its commitments and
  // GW are the live deals' only (250 + 138 = 388, no GW); Nvidia's investor row holds the stake alone.
  const rows = [
    row("mo", {invest: 13, commit: 250, investors: ["ms"], lab: "openai"}),
    row("ao", {invest: 15, commit: 138, investors: ["amzn"], lab: "openai"}),
    row("no", {invest: 30, commit: 500, gw: 10, investors: ["nv"], lab: "openai", provider: "nv", status: "superseded"}),
    row("old", {commit: 70, investors: ["ms"], lab: "openai", status: "superseded"})
  ];
  const market = marketAggregate(rows);
  assert.deepStrictEqual(
    market.stakes.map((s) => [s.id, s.investmentFirmUsd.value]),
    [["no", 30]]
  );
  assert.deepStrictEqual([market.all.deals, market.all.stakes, market.all.investmentFirmUsd.value], [2, 1, 58]);
  assert.deepStrictEqual([market.all.commitmentUsd.value, market.all.gw.count], [388, 0]);
  const openai = market.byLab.rows.find((r) => r.id === "openai")!;
  assert.deepStrictEqual([openai.deals, openai.stakes, openai.investmentFirmUsd.value, openai.commitmentUsd.value], [2, 1, 58, 388]);
  const nvidia = market.byInvestor.rows.find((r) => r.id === "nv")!;
  assert.deepStrictEqual([nvidia.deals, nvidia.stakes, nvidia.investmentFirmUsd.value, nvidia.commitmentUsd.count], [0, 1, 30, 0]);
  // Three investor groups with a limit of 2 rows: the one left over gets its row, not an "others" row of one.
  const three = marketAggregate(rows, {partyRows: 2});
  assert.deepStrictEqual([three.byInvestor.rows.length, three.byInvestor.others], [3, null]);
  // The stake is counted once: the investor rows add up to the market's investment.
  assertSum(
    market.byInvestor.rows.map((r) => r.investmentFirmUsd.value),
    market.all.investmentFirmUsd.value
  );
});

/** Asserts that `parts` add up to `total`. */
function assertSum(parts: number[], total: number): void {
  assert.strictEqual(
    parts.reduce((a, b) => a + b, 0),
    total
  );
}

it("marketAggregate(30 rows) details the largest by each measure and sums the rest as others", () => {
  // Deal k (1…30) invests k, commits 100 − k and brings k mod 7 GW: the largest investments are 30…28, the largest
  // commitments 1…3 (99, 98, 97), the largest GW 6, 13, 20 (6 GW each, ties by id: d06, d13, d20).
  const rows = Array.from({length: 30}, (_, i) => {
    const k = i + 1;
    return row(`d${String(k).padStart(2, "0")}`, {invest: k, commit: 100 - k, gw: k % 7, lab: `lab${k % 4}`});
  });
  const market = marketAggregate(rows, {allUpTo: 12, top: 3, partyRows: 2});
  assert.deepStrictEqual(market.top.investmentFirmUsd, ["d30", "d29", "d28"]);
  assert.deepStrictEqual(market.top.commitmentUsd, ["d01", "d02", "d03"]);
  assert.deepStrictEqual(market.top.gw, ["d06", "d13", "d20"]);
  assert.deepStrictEqual(market.shown, ["d01", "d02", "d03", "d06", "d13", "d20", "d28", "d29", "d30"]);
  // All: investment 1 + … + 30 = 465; commitments 30 × 100 − 465 = 2,535. Others (21 deals): 465 − (1+2+3+6+13+20+28+29+30 = 132) = 333.
  assert.strictEqual(market.all.investmentFirmUsd.value, 465);
  assert.strictEqual(market.all.commitmentUsd.value, 2535);
  assert.strictEqual(market.others!.deals, 21);
  assert.strictEqual(market.others!.investmentFirmUsd.value, 333);
  assert.strictEqual(market.others!.commitmentUsd.value, 21 * 100 - 333);
  // By lab (k mod 4): lab1 has k = 1, 5, …, 29 (8 deals): commitments 800 − 120 = 680; lab2 (k = 2…30, 8 deals):
  // 800 − 128 = 672; lab3 (7 deals, k = 3…27): 700 − 105 = 595; lab0 (7 deals, k = 4…28): 700 − 112 = 588.
  assert.deepStrictEqual(
    market.byLab.rows.map((r) => [r.id, r.deals, r.commitmentUsd.value]),
    [
      ["lab1", 8, 680],
      ["lab2", 8, 672]
    ]
  );
  assert.deepStrictEqual(
    [market.byLab.others!.parties, market.byLab.others!.deals, market.byLab.others!.commitmentUsd.value],
    [2, 14, 595 + 588]
  );
  assert.isNull(market.byProvider.others);
  assert.deepStrictEqual(
    market.byProvider.rows.map((r) => [r.name, r.deals]),
    [["CLOUD", 30]]
  );
});

it("marketAggregate(rows) groups a deal's investors together, once", () => {
  const market = marketAggregate([row("x", {invest: 5, investors: ["ms", "nv"]}), row("y", {invest: 2, investors: ["ms"]})]);
  assert.deepStrictEqual(
    market.byInvestor.rows.map((r) => [r.id, r.name, r.investmentFirmUsd.value]),
    [
      ["ms+nv", "MS + NV", 5],
      ["ms", "MS", 2]
    ]
  );
});

it("marketAggregate(rows) credits a provider only with its own group's firm money, not another investor's", () => {
  // Microsoft + Nvidia → Anthropic on Azure: $15B invested, of which Microsoft's $5B is Azure's group's; Microsoft →
  // OpenAI on Azure: $13B, all Microsoft's. Azure's row: 5 + 13 = 18, not 15 + 13 = 28; the lab's row keeps all 15.
  const mna = {...row("mna", {invest: 15, investors: ["ms", "nv"], provider: "azure", lab: "anthropic"}), ratioInvestmentFirmUsd: money(5)};
  const mo = {...row("mo", {invest: 13, investors: ["ms"], provider: "azure", lab: "openai"}), ratioInvestmentFirmUsd: money(13)};
  const market = marketAggregate([mna, mo] as DealComparison[]);
  assert.strictEqual(market.byProvider.rows[0].investmentFirmUsd.value, 18);
  assert.strictEqual(market.byLab.rows.find((r) => r.id === "anthropic")?.investmentFirmUsd.value, 15);
  assert.strictEqual(market.all.investmentFirmUsd.value, 28);
});
