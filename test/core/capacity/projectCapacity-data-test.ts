import {assert, beforeAll, it} from "vitest";
import {scenarioValues} from "../../../src/core/assumptions.js";
import {dealCapacityMonths} from "../../../src/core/capacity/capacityMonths.js";
import {projectDealCapacity} from "../../../src/core/capacity/projectCapacity.js";
import {deliveryStart} from "../../../src/core/capacity/schedule.js";
import type {Dataset, Deal} from "../../../src/core/model.js";
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

it("projectDealCapacity(amazon-anthropic, …) reaches the 'nearly 1 GW by end-2026' point at end-2026 with no slip", () => {
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
