import {assert, it} from "vitest";
import type {Fact, Signal} from "../../../src/core/model.js";
import {capitalChain} from "../../../src/core/roadmap/capitalChain.js";
import {alpha, beta, chip, deal} from "../capacity/fixtures.js";

const usd = (value: number, bound?: Fact["bound"]): Fact => ({
  value,
  unit: "usd-bn",
  status: "confirmed",
  source: "s",
  asOf: "2026-01-01",
  ...(bound ? {bound} : {})
});
const gpu = chip("gpu", {date: "2024-01-01", itKw: 1, bf16: 1, line: "nvidia", price: 2});
const signals: Signal[] = [
  {
    id: "silicon-follow-through",
    label: "",
    question: "",
    observations: [{date: "2026-01-05", status: "on-track", text: "volume", source: "s", about: ["p"]}]
  },
  {
    id: "capacity-reality",
    label: "",
    question: "",
    observations: [{date: "2026-01-10", status: "watch", text: "late", source: "s", deal: "d"}] // on the day deal "d" is announced: earlier evidence would not hold it to its schedule
  }
];
const d = deal({
  tranches: [
    {id: "t1", label: "first", date: "2025-01-01", investor: "i", amount: usd(2), firm: true},
    {id: "t2", label: "second", date: "2026-01-01", investor: "i", amount: usd(3), firm: true},
    {id: "t3", label: "later", date: "2026-01-01", investor: "i", amount: usd(4, "up-to"), firm: false, condition: "milestones"}
  ],
  commitments: [
    {id: "c1", label: "cloud", amount: usd(30, "at-least"), years: {...usd(8), unit: "years"}, start: "2026-01-01", platform: "p"},
    {id: "c2", label: "more cloud", amount: usd(10), years: {...usd(5), unit: "years"}, start: "2026-01-01", platform: "p"}
  ],
  hardware: {chips: ["alpha", "beta", "gpu"], other: [], options: []}
});
const dataset = {
  deals: [d, deal({id: "bare", hardware: {chips: [], other: [], options: []}, capacity: undefined})],
  chips: [alpha, beta, gpu],
  signals
};

it("capitalChain(dataset, deal) puts the firm and contingent money in the equity step", () => {
  const {equity} = capitalChain(dataset, "d");
  assert.strictEqual(equity.firm!.usd, 5e9); // $2B + $3B
  assert.strictEqual(equity.contingent!.usd, 4e9);
  assert.strictEqual(equity.contingent!.bound, "up-to");
});

it("capitalChain(dataset, deal) sums the commitments and keeps the longest term", () => {
  const {consumption} = capitalChain(dataset, "d");
  assert.strictEqual(consumption.committed!.usd, 40e9); // $30B + $10B
  assert.strictEqual(consumption.committed!.bound, "at-least");
  assert.strictEqual(consumption.years, 8);
});

it("capitalChain(dataset, deal) names the platform's chips and lines with the silicon signal", () => {
  const {platform} = capitalChain(dataset, "d");
  assert.deepStrictEqual(platform.chips, [
    {id: "alpha", name: "alpha", line: "trainium"},
    {id: "beta", name: "beta", line: "trainium"},
    {id: "gpu", name: "gpu", line: "nvidia"}
  ]);
  assert.deepStrictEqual(platform.lines, ["trainium", "nvidia"]);
  assert.strictEqual(platform.signal.status, "on-track");
});

it("capitalChain(dataset, deal) ends with the three checkpoints and takes the worst as its status", () => {
  const chain = capitalChain(dataset, "d");
  assert.deepStrictEqual(
    chain.checkpoints.map((c) => [c.id, c.status]),
    [
      ["capacity-on-schedule", "watch"],
      ["performance-per-dollar", "unknown"], // gpu is the only priced chip: no market to compare with
      ["roadmap-alignment", "on-track"]
    ]
  );
  assert.strictEqual(chain.status, "watch");
});

it("capitalChain(dataset, deal without money, chips or capacity) has empty steps and an unknown status", () => {
  const chain = capitalChain(dataset, "bare");
  assert.deepStrictEqual(
    [chain.equity, chain.consumption],
    [
      {firm: null, contingent: null},
      {committed: null, years: null}
    ]
  );
  assert.deepStrictEqual(chain.platform.chips, []);
  assert.strictEqual(chain.status, "unknown");
});

it("capitalChain(…) rejects an unknown deal or chip", () => {
  assert.throws(() => capitalChain(dataset, "x"), /invalid deal: x/);
  assert.throws(() => capitalChain({...dataset, chips: [alpha]}, "d"), /invalid chip: beta/);
});
