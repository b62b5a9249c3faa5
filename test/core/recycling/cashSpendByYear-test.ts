// The spend the cash figures take, year by year: the commitment chart and its CSV draw it by default (critic s14 #3:
// the chart drew the commitment spread evenly from the contract's start, 2025–2032 for Microsoft → OpenAI, while the
// NPV and payback took the built-out schedule, 2025–2033).
import {assert, it} from "vitest";
import {cashSpendByYear, projectDeal} from "../../../src/core/index.js";
import {readValidDataset} from "../../../src/io/readDataset.js";
import {termEndYear} from "../../../src/site/callFigures.js";
import {assertInDelta} from "../../asserts.js";

it("cashSpendByYear(flows) keeps the rows from the first year of spend to the last, zeros inside the span kept", () => {
  const flows = [
    {year: 2025, spend: 0},
    {year: 2026, spend: 4e9},
    {year: 2027, spend: 0},
    {year: 2028, spend: 6e9},
    {year: 2029, spend: 0}
  ];
  assert.deepEqual(cashSpendByYear(flows), [
    {year: 2026, usd: 4e9},
    {year: 2027, usd: 0},
    {year: 2028, usd: 6e9}
  ]);
  assert.deepEqual(cashSpendByYear([{year: 2026, spend: 0}]), []);
  assert.deepEqual(cashSpendByYear([]), []);
});

it("for every deal with cash flows, the cash spend sums to the cash model's revenue and ends where the page-1 text says the spend ends", async () => {
  const dataset = await readValidDataset("data");
  let differs = 0;
  for (const deal of dataset.deals) {
    const p = projectDeal(dataset, deal.id, {draws: 0, tornadoFigures: []});
    if (!p.recycling?.flows.length || !p.recycling.revenueUsd) continue;
    const rows = cashSpendByYear(p.recycling.flows);
    // The bars add up to what the NPV is computed on, to the dollar (relative 1e-9).
    assertInDelta(rows.reduce((s, r) => s + r.usd, 0) / p.recycling.revenueUsd.value, 1, 1e-9);
    assert.strictEqual(rows[rows.length - 1].year, termEndYear(p), deal.id);
    const spread = p.commitment!.perYear;
    if (spread[spread.length - 1].year !== rows[rows.length - 1].year) differs++;
  }
  // Microsoft → OpenAI among them: its even spread ends in 2032, the cash model's spend in 2033.
  assert.isAtLeast(differs, 1);
});
