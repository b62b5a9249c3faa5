import {assert, it} from "vitest";
import {type Chip, type Deal, marketMap} from "../../../src/core/index.js";
import {amazonAnthropic, fact} from "../commitment/fixtures.js";

const companies = [
  {id: "amazon", name: "Amazon"},
  {id: "aws", name: "AWS", parent: "amazon"},
  {id: "anthropic", name: "Anthropic"},
  {id: "openai", name: "OpenAI"},
  {id: "nvidia", name: "Nvidia"},
  {id: "oracle", name: "Oracle"}
];
const chips = [
  {id: "trainium2", vendor: "AWS (Annapurna Labs)"},
  {id: "trainium3", vendor: "AWS (Annapurna Labs)"},
  {id: "rubin", vendor: "Nvidia"}
] as Chip[];

// Nvidia invests $10B (firm) in Anthropic, which spends $30B on Oracle running Nvidia chips: a loop through chips.
const chipLoop: Deal = {
  ...amazonAnthropic,
  id: "nvidia-anthropic",
  investors: ["nvidia"],
  provider: "oracle",
  tranches: [{id: "t1", label: "t1", date: "2025-11-18", investor: "nvidia", amount: fact(10), firm: true}],
  commitments: [{...amazonAnthropic.commitments[0], id: "c1", amount: fact(30), years: fact(5, "years")}],
  hardware: {chips: ["rubin"], other: [], options: []}
};
// Nvidia's letter of intent with OpenAI: $30B firm equity, 10 GW of capacity, no dollar commitment.
const capacityOnly: Deal = {
  ...amazonAnthropic,
  id: "nvidia-openai",
  investors: ["nvidia"],
  lab: "openai",
  provider: "nvidia",
  tranches: [{id: "t1", label: "t1", date: "2026-02-27", investor: "nvidia", amount: fact(30), firm: true}],
  commitments: [],
  capacity: {ceiling: fact(10, "gw"), schedule: [], chips: []},
  hardware: {chips: [], other: [], options: []}
};

it("marketMap(dataset) rolls subsidiaries into parents (AWS is Amazon)", () => {
  const map = marketMap({companies, chips, deals: [amazonAnthropic]});
  assert.deepStrictEqual(
    map.nodes.map((n) => [n.id, n.members, n.roles]),
    [
      ["amazon", ["amazon", "aws"], ["investor", "provider"]],
      ["anthropic", ["anthropic"], ["lab"]]
    ]
  );
});

it("marketMap(dataset) sums equity (firm and contingent apart) and commitments into edges with lineage", () => {
  const {edges, nodes} = marketMap({companies, chips, deals: [amazonAnthropic]});
  // Firm: 1.25 + 2.75 + 4 + 5 = 13; contingent: 20 (up to); commitment: over 100.
  assert.deepStrictEqual(
    edges.map((e) => [e.id, e.usd.value, e.usd.bound]),
    [
      ["commitment:anthropic→amazon", 100e9, "at-least"],
      ["equity-firm:amazon→anthropic", 13e9, "exact"],
      ["equity-contingent:amazon→anthropic", 20e9, "up-to"]
    ]
  );
  assert.deepStrictEqual(edges[2].usd.lineage, {inputs: ["amazon-anthropic.tranches.t2026-milestones.amount"], status: "reported"});
  assert.deepStrictEqual(edges[0].deals, ["amazon-anthropic"]);
  assert.strictEqual(nodes[0].investsUsd, 13e9);
  assert.strictEqual(nodes[0].receivesUsd, 100e9);
  // The node totals keep their bound words: "over $100B" is received, not "$100B".
  assert.deepStrictEqual([nodes[0].invests.value, nodes[0].invests.bound], [13e9, "exact"]);
  assert.deepStrictEqual([nodes[0].receives.value, nodes[0].receives.bound], [100e9, "at-least"]);
});

it("marketMap(dataset) node totals combine the bounds of what they sum: over $100B + $30B is over $130B", () => {
  const second: Deal = {
    ...chipLoop,
    id: "second",
    provider: "aws",
    investors: ["amazon"],
    tranches: [
      {...amazonAnthropic.tranches[0], id: "t-second", investor: "amazon", firm: true, amount: fact(2, "usd-bn", "reported", "up-to")}
    ]
  };
  const {nodes} = marketMap({companies, chips, deals: [amazonAnthropic, second]});
  const amazon = nodes.find((n) => n.id === "amazon")!;
  assert.deepStrictEqual([amazon.receives.value, amazon.receives.bound], [130e9, "at-least"]);
  // 13 exact + up to 2: "up to $15B".
  assert.deepStrictEqual([amazon.invests.value, amazon.invests.bound], [15e9, "up-to"]);
  assert.strictEqual(amazon.receives.lineage.inputs.length, 2);
});

it("marketMap(dataset) finds a loop through the investor's own cloud and chips", () => {
  const [loop] = marketMap({companies, chips, deals: [amazonAnthropic]}).loops;
  assert.strictEqual(loop.company, "amazon");
  assert.strictEqual(loop.lab, "anthropic");
  assert.deepStrictEqual(loop.via, ["provider", "chips"]);
  assert.strictEqual(loop.equityFirmUsd.value, 13e9);
  assert.strictEqual(loop.equityMaxUsd.value, 33e9); // 13 + 20
  assert.strictEqual(loop.commitmentUsd?.value, 100e9);
});

it("marketMap(dataset) finds a loop through chips alone, and none for a provider that did not invest", () => {
  const {loops} = marketMap({companies, chips, deals: [chipLoop]});
  assert.deepStrictEqual(
    loops.map((l) => [l.company, l.via]),
    [["nvidia", ["chips"]]]
  );
  // The cloud spend returns to the provider, not to the chip maker: it is counted once, so this loop carries none.
  assert.strictEqual(loops[0].commitmentUsd, null);
});

it("marketMap(dataset) keeps a capacity-only deal as a GW link and still sees its loop", () => {
  const {edges, capacityLinks, loops} = marketMap({companies, chips, deals: [capacityOnly]});
  assert.deepStrictEqual(
    edges.map((e) => e.id),
    ["equity-firm:nvidia→openai"]
  );
  assert.deepStrictEqual(
    capacityLinks.map((l) => [l.id, l.gw.value, l.deals]),
    [["capacity:openai→nvidia", 10, ["nvidia-openai"]]]
  );
  assert.strictEqual(loops[0].commitmentUsd, null);
  assert.deepStrictEqual(loops[0].via, ["provider"]);
});

it("marketMap(dataset) sums edges between the same companies across deals", () => {
  const again: Deal = {...amazonAnthropic, id: "again", tranches: amazonAnthropic.tranches.slice(0, 1)};
  const {edges} = marketMap({companies, chips, deals: [amazonAnthropic, again]});
  const firm = edges.find((e) => e.id === "equity-firm:amazon→anthropic")!;
  assert.strictEqual(firm.usd.value, 14.25e9); // 13 + 1.25
  assert.deepStrictEqual(firm.deals, ["amazon-anthropic", "again"]);
  assert.strictEqual(edges.find((e) => e.kind === "commitment")!.usd.value, 200e9);
});

it("marketMap(dataset) leaves out zero amounts and deals without money", () => {
  const bare: Deal = {...capacityOnly, tranches: [], capacity: undefined};
  const map = marketMap({companies, chips, deals: [bare]});
  assert.deepStrictEqual(map.edges, []);
  assert.deepStrictEqual(map.capacityLinks, []);
  assert.deepStrictEqual(map.loops, []);
  assert.strictEqual(map.nodes.length, 2);
});

it("marketMap({deals: []}) is empty", () => {
  assert.deepStrictEqual(marketMap({companies, chips, deals: []}), {nodes: [], edges: [], capacityLinks: [], loops: []});
});

it("marketMap(dataset) rejects a party missing from companies", () => {
  assert.throws(() => marketMap({companies, chips, deals: [{...amazonAnthropic, lab: "xai"}]}), /invalid company: xai/);
});

it("marketMap(data) keeps a superseded deal as history: its live stake stays equity, but it adds no loop, commitment or capacity", () => {
  // Nvidia → OpenAI once its letter was replaced: the $30B stake still counts, the 10 GW and the loop through its chips do not.
  const superseded: Deal = {
    ...capacityOnly,
    status: "superseded",
    hardware: {chips: ["rubin"], other: [], options: []},
    commitments: [{...amazonAnthropic.commitments[0], id: "c1", amount: fact(30), years: fact(5, "years")}]
  };
  const live = marketMap({companies, chips, deals: [{...superseded, status: "active"}]});
  assert.deepStrictEqual(
    live.loops.map((l) => l.deal),
    ["nvidia-openai"]
  );
  const map = marketMap({companies, chips, deals: [superseded]});
  assert.deepStrictEqual(map.loops, []);
  assert.deepStrictEqual(map.capacityLinks, []);
  // Its stake is an edge of its own, marked superseded (drawn apart, no loop mark), and not money in a loop.
  assert.deepStrictEqual(
    map.edges.map((e) => [e.id, e.usd.value, e.superseded]),
    [["superseded-equity-firm:nvidia→openai", 30e9, true]]
  );
  assert.strictEqual(map.nodes.find((n) => n.id === "nvidia")?.receivesUsd, 0);
  assert.strictEqual(map.nodes.find((n) => n.id === "nvidia")?.investsUsd, 30e9);
  assert.strictEqual(map.nodes.find((n) => n.id === "nvidia")?.investsInLoops.value, 0);
  // Live, the same stake loops: all of it is money in a loop, and it is new money (dated with the deal).
  assert.strictEqual(live.nodes.find((n) => n.id === "nvidia")?.investsInLoops.value, 30e9);
  assert.isFalse(live.edges.some((e) => e.superseded));
});

it("marketMap(real data): Nvidia's loop money is its Anthropic stake only; Microsoft → OpenAI loops on old money, not new", async () => {
  const {readValidDataset} = await import("../../../src/io/readDataset.js");
  const real = marketMap(await readValidDataset("data"));
  const nvidia = real.nodes.find((n) => n.id === "nvidia")!;
  // Up to $10B for Anthropic in a loop (its chips in Azure's capacity); the $30B OpenAI stake outside any.
  const loopMoney = real.loops.filter((l) => l.company === "nvidia").reduce((s, l) => s + l.equityFirmUsd.value, 0);
  assert.strictEqual(nvidia.investsInLoops.value, loopMoney);
  assert.isBelow(nvidia.investsInLoops.value, nvidia.investsUsd);
  assert.isTrue(real.edges.some((e) => e.superseded && e.source === "nvidia"));
  const mo = real.loops.find((l) => l.deal === "microsoft-openai");
  assert.isFalse(mo?.newMoney);
  assert.isTrue(real.loops.find((l) => l.deal === "amazon-anthropic")?.newMoney);
});
