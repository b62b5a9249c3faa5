import {assert, beforeAll, it} from "vitest";
import {scenarioValues} from "../../../src/core/assumptions.js";
import {dealCapacityMonths} from "../../../src/core/capacity/capacityMonths.js";
import {projectDealCapacity} from "../../../src/core/capacity/projectCapacity.js";
import {deliveryStart} from "../../../src/core/capacity/schedule.js";
import type {Dataset, Deal} from "../../../src/core/model.js";
import {dealCheckpoints} from "../../../src/core/roadmap/checkpoints.js";
import {readValidDataset} from "../../../src/io/readDataset.js";
import {assertInDelta} from "../../asserts.js";

let data: Dataset;
let deal: Deal;

beforeAll(async () => {
  data = await readValidDataset("data");
  deal = data.deals.find((d) => d.id === "amazon-anthropic")!;
});

function base(slipMonths = 0) {
  const values = scenarioValues(data.assumptions, data.scenarios.find((s) => s.id === "base")!);
  return {...values, values: {...values.values, "slip-months": slipMonths}};
}

it("projectDealCapacity(amazon-anthropic, …) reaches the 'about 1 GW by end-2026' point at end-2026 with no slip", () => {
  const capacity = projectDealCapacity(deal, data.chips, base(), data.assumptions)!;
  const point = deal.capacity!.schedule.find((p) => p.id === "end-2026")!;
  const y2026 = capacity.byYear.find((d) => d.year === 2026)!;
  assert.strictEqual(y2026.gw, point.gw.value);
  assert.strictEqual(capacity.gw.value, deal.capacity!.ceiling.value);
  assert.strictEqual(capacity.gw.bound, "up-to");
  assertInDelta(capacity.itMw.value, (deal.capacity!.ceiling.value * 1e3) / base().values.pue);
  assert.strictEqual(capacity.byYear.at(-1)!.gw, deal.capacity!.schedule.at(-1)!.gw.value);
  assert.deepStrictEqual(Object.keys(capacity.mix), deal.capacity!.chips);
});

it("projectDealCapacity(amazon-anthropic, …) with a year's slip has less than the point online at end-2026", () => {
  const capacity = projectDealCapacity(deal, data.chips, base(12), data.assumptions)!;
  assert.isBelow(capacity.byYear.find((d) => d.year === 2026)!.gw, 1);
});

it("projectDealCapacity(deal, …) projects every deal in the data under every scenario", () => {
  for (const scenario of data.scenarios) {
    const values = scenarioValues(data.assumptions, scenario);
    for (const d of data.deals) {
      const capacity = projectDealCapacity(d, data.chips, values, data.assumptions);
      if (!d.capacity) assert.isNull(capacity);
      else if (d.capacity.chips.length === 0) assert.isNull(capacity!.accelerators, d.id);
      else assert.isAbove(capacity!.accelerators!.value, 0, d.id);
    }
  }
});

it("no deal has capacity online before it can exist: not before its delivery start, no chip before its availability", () => {
  for (const d of data.deals) {
    if (!d.capacity) continue;
    for (const slip of [0, 18]) {
      const months = dealCapacityMonths(d, data.chips, base(slip))!;
      const start = deliveryStart(d, data.chips).date.slice(0, 7);
      assert.ok(months.start >= start, `${d.id}: starts ${months.start}, before ${start}`);
      for (const row of months.months) {
        for (const [chip, gw] of Object.entries(row.byChip)) {
          const available = data.chips.find((c) => c.id === chip)!.available.date.slice(0, 7);
          if (gw > 0) assert.ok(row.month >= available, `${d.id}: ${gw} GW of ${chip} in ${row.month}, before ${available}`);
        }
      }
      const first = projectDealCapacity(d, data.chips, base(slip), data.assumptions)!.byYear[0];
      if (first) assert.ok(first.year >= Number(start.slice(0, 4)), `${d.id}: a year ${first.year} before ${start}`);
    }
  }
});

it("TPU 8t's figures follow from its pod (121 EF FP4 ÷ 9,600 chips ÷ 2 for 8-bit), and it fills about 3.5 of Google → Anthropic's 5 GW", () => {
  const tpu8t = data.chips.find((c) => c.id === "tpu-8t")!;
  // 121e3 PF ÷ 9,600 = 12.604 PF FP4; ÷ 2 = 6.302 PF 8-bit, written 6.3; BF16 half of that.
  assertInDelta(tpu8t.flops.fp8!.value, 121e3 / 9600 / 2, 0.01);
  assertInDelta(tpu8t.flops.bf16.value, tpu8t.flops.fp8!.value / 2, 1e-9);
  assert.strictEqual(tpu8t.perServer, 9600);
  const google = data.deals.find((d) => d.id === "google-anthropic")!;
  const capacity = projectDealCapacity(google, data.chips, base(), data.assumptions)!;
  // 1 GW by end-2026, then the base scenario's s-curve to 5 GW by end-2031 (60 months); TPU 8t fills from July 2027
  // (available January 2027 + 6 months), x = 6/60 = 0.1 into the segment: smoothstep 3(0.1)² − 2(0.1)³ = 0.028, so
  // Ironwood holds 1 + 4 × 0.028 = 1.112 GW and TPU 8t 3.888 GW of 5: 0.7776 (Broadcom's 8-K: about 3.5 GW, 0.7).
  assertInDelta(capacity.mix["tpu-8t"], 0.7776, 1e-4);
  assertInDelta(capacity.mix.ironwood + capacity.mix["tpu-8t"], 1);
});

it("no deal's capacity is drawn as a chip before that chip is available, and each chip's fill month on the roadmap is when the drawn capacity first uses it (issue #13: Google → Anthropic's April 2026 was Ironwood while the roadmap said Ironwood filled from May)", () => {
  for (const d of data.deals) {
    const months = dealCapacityMonths(d, data.chips, base())?.months ?? [];
    for (const id of d.capacity?.chips ?? []) {
      const chip = data.chips.find((c) => c.id === id)!;
      const first = months.find((m) => (m.byChip[id] ?? 0) > 1e-12);
      if (!first) continue;
      assert.ok(`${first.month}-31` >= chip.available.date, `${d.id}: ${id} drawn in ${first.month}, available ${chip.available.date}`);
    }
  }
  const google = data.deals.find((d) => d.id === "google-anthropic")!;
  const months = dealCapacityMonths(google, data.chips, base())!.months;
  // Delivery starts at the announcement (April 2026); Ironwood, out since November 2025, fills from then.
  assert.strictEqual(months[0].month, "2026-04");
  assert.ok(months[0].byChip.ironwood > 0);
  const [, , alignment] = dealCheckpoints(data, google.id);
  assert.strictEqual(alignment.chips.find((c) => c.id === "ironwood")!.fillsFrom, "2026-04");
});
