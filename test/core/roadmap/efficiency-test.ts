import {assert, it} from "vitest";
import {chipEfficiency} from "../../../src/core/roadmap/efficiency.js";
import {assertInDelta} from "../../asserts.js";
import {chip} from "../capacity/fixtures.js";

const t1 = chip("t1", {date: "2022-10-01", itKw: 0.5, bf16: 0.2, price: 1});
const t2 = chip("t2", {date: "2024-12-03", itKw: 1, bf16: 0.8, fp8: 1.6, hbm: 96});
const n1 = chip("n1", {date: "2022-03-22", itKw: 1.25, bf16: 1, price: 2.5, line: "nvidia"});

it("chipEfficiency(chips) groups chips by line in roadmap order, sorted by availability", () => {
  const groups = chipEfficiency([n1, t2, t1]);
  assert.deepStrictEqual(
    groups.map((g) => [g.line, g.chips.map((c) => c.id)]),
    [
      ["trainium", ["t1", "t2"]],
      ["nvidia", ["n1"]]
    ]
  );
});

it("chipEfficiency(chips) returns FLOP/s per IT watt and the gain over the line's previous chip", () => {
  const [trainium, nvidia] = chipEfficiency([n1, t2, t1]);
  assertInDelta(trainium.chips[0].flopsPerWatt / 1e11, 4); // 0.2e15 ÷ 500 W
  assertInDelta(trainium.chips[1].flopsPerWatt / 1e11, 8); // 0.8e15 ÷ 1,000 W
  assertInDelta(trainium.chips[1].fp8FlopsPerWatt! / 1e11, 16); // 1.6e15 ÷ 1,000 W
  assert.isNull(trainium.chips[0].gainPerWatt);
  assertInDelta(trainium.chips[1].gainPerWatt!, 2);
  assertInDelta(nvidia.chips[0].flopsPerWatt / 1e11, 8); // 1e15 ÷ 1,250 W
});

it("chipEfficiency(chips) returns FLOP/s per dollar-hour where a price exists, else null", () => {
  const [trainium, nvidia] = chipEfficiency([n1, t2, t1]);
  assertInDelta(trainium.chips[0].flopsPerDollarHour! / 1e14, 2); // 0.2e15 ÷ $1/h
  assert.isNull(trainium.chips[1].flopsPerDollarHour);
  assertInDelta(nvidia.chips[0].flopsPerDollarHour! / 1e14, 4); // 1e15 ÷ $2.5/h
});

it("chipEfficiency(chips) carries HBM and the lineage of each row", () => {
  const [trainium] = chipEfficiency([t1, t2]);
  assert.strictEqual(trainium.chips[1].hbmGb, 96);
  assert.isNull(trainium.chips[0].hbmGb);
  assert.deepStrictEqual(trainium.chips[0].lineage, {inputs: ["chip:t1.flops.bf16", "chip:t1.itKw", "chip:t1.price"], status: "estimate"});
  assert.strictEqual(trainium.chips[1].available, "2024-12-03");
});

it("chipEfficiency([]) is empty", () => {
  assert.deepStrictEqual(chipEfficiency([]), []);
});

it("chipEfficiency(chips) rejects a chip without IT power", () => {
  assert.throws(() => chipEfficiency([chip("z", {date: "2024-01-01", itKw: 0, bf16: 1})]), /invalid itKw of z: 0/);
});

it("chipEfficiency(chips) compares 8-bit per watt with the line's previous chip that has an 8-bit figure", () => {
  // t3 (like Trainium3 against Trainium2): BF16 0.8 PF at 2 kW = 4e11 per W, half of t2's 8e11; 8-bit 6.4 PF at
  // 2 kW = 32e11 per W, twice t2's 16e11. t1 has no 8-bit figure, so t2 has no 8-bit gain.
  const t3 = chip("t3", {date: "2025-12-02", itKw: 2, bf16: 0.8, fp8: 6.4});
  const [trainium] = chipEfficiency([t1, t2, t3]);
  assert.isNull(trainium.chips[0].fp8GainPerWatt);
  assert.isNull(trainium.chips[1].fp8GainPerWatt);
  assertInDelta(trainium.chips[2].gainPerWatt!, 0.5);
  assertInDelta(trainium.chips[2].fp8GainPerWatt!, 2);
});

it("chipEfficiency(chips) compares a chip with the previous generation, the same packaging where two share a date", () => {
  // s15 critic #5: GB200 NVL72 was compared with HGX B200, the same Blackwell GPU in another server on the same date.
  // h: 1.0 PF at 1.25 kW = 8e11 per W. b (8 per server) 2.25 PF at 1.75 kW = 12.857e11; g (72 per server) 2.5 PF at
  // 2.0 kW = 12.5e11. Both follow h: 12.857 ÷ 8 = 1.607, 12.5 ÷ 8 = 1.5625 (g against b would read 0.972).
  // u (72 per server, a year on) 2.5 PF at 2.25 kW = 11.11e11 follows g, its packaging: 11.11 ÷ 12.5 = 0.889, on the
  // same compute (2.5 ÷ 2.5 = 1) and 2.25 ÷ 2.0 = 1.125× the power.
  const h = chip("h", {date: "2022-03-22", itKw: 1.25, bf16: 1, line: "nvidia"});
  const b = chip("b", {date: "2024-03-18", itKw: 1.75, bf16: 2.25, line: "nvidia"});
  const g = chip("g", {date: "2024-03-18", itKw: 2, bf16: 2.5, perServer: 72, line: "nvidia"});
  const u = chip("u", {date: "2025-03-18", itKw: 2.25, bf16: 2.5, perServer: 72, line: "nvidia"});
  const [nvidia] = chipEfficiency([u, g, b, h]);
  const row = (id: string) => nvidia.chips.find((c) => c.id === id)!;
  assert.deepStrictEqual(
    nvidia.chips.map((c) => [c.id, c.predecessor]),
    [
      ["h", null],
      ["b", "h"],
      ["g", "h"],
      ["u", "g"]
    ]
  );
  assertInDelta(row("b").gainPerWatt!, 12.857142857 / 8);
  assertInDelta(row("g").gainPerWatt!, 1.5625);
  assertInDelta(row("u").gainPerWatt!, 0.888888889);
  assertInDelta(row("u").computeRatio!, 1);
  assertInDelta(row("u").powerRatio!, 1.125);
  assert.isNull(row("h").computeRatio);
  // Without 8-bit figures, no 8-bit ratio (s16 critic #9 reads it beside the BF16 one).
  assert.isNull(row("u").fp8ComputeRatio);
  // Without a chip of its packaging at the previous date, the last by id: u with 8 per server follows g.
  const u8 = chip("u8", {date: "2025-03-18", itKw: 2.25, bf16: 2.5, line: "nvidia"});
  assert.strictEqual(chipEfficiency([u8, g, h])[0].chips.find((c) => c.id === "u8")!.predecessor, "g");
});

it("chipEfficiency: the 8-bit per chip ratio against the predecessor, by hand on Trainium3 (s16 critic #9)", async () => {
  const {readValidDataset} = await import("../../../src/io/readDataset.js");
  const data = await readValidDataset("data");
  const trn3 = chipEfficiency(data.chips)
    .flatMap((g) => g.chips)
    .find((c) => c.id === "trainium3")!;
  // 2.517 ÷ 1.299 PFLOP/s = 1.938× Trainium2's 8-bit per chip; with 1.5 ÷ 0.75 = 2× the IT power, 0.969× per watt.
  assertInDelta(trn3.fp8ComputeRatio!, 2.517 / 1.299);
  assertInDelta(trn3.fp8ComputeRatio! / trn3.powerRatio!, 0.969, 0.001);
});
