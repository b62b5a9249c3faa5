// @vitest-environment jsdom
// The provider's cash over the term reconciles by hand from the figures printed beside it (s16 critic #8: Microsoft →
// OpenAI printed "$37B" where $250B − $183B − 22.7 GW-years × $951M gives $45.4B: the $8.02B of price given back on
// the kit the renewal rule keeps running past its IT life was in the cash and on no page).
import {assert, beforeAll, it} from "vitest";
import {cashSumClause} from "../../docs/components/sections/recycling.js";
import {type AssumptionValues, scenarioValues} from "../../src/core/assumptions.js";
import type {Dataset} from "../../src/core/model.js";
import {prepareDealProjector} from "../../src/core/project/projectDeal.js";
import type {DealRecycling} from "../../src/core/recycling/projectDealRecycling.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import {assertInDelta} from "../asserts.js";

let data: Dataset;
let values: AssumptionValues;
const base = (id: string): DealRecycling => prepareDealProjector(data, data.deals.find((d) => d.id === id)!).evaluate(values).recycling;

beforeAll(async () => {
  data = await readValidDataset("data");
  values = scenarioValues(data.assumptions, data.scenarios.find((s) => s.id === "base")!).values;
});

/** The dollar amounts a sentence prints, in USD ("$8.02B" → 8.02e9), parenthesised asides left out. */
function amounts(text: string): number[] {
  const scale: Record<string, number> = {K: 1e3, M: 1e6, B: 1e9, T: 1e12};
  return [...text.replace(/\([^)]*\)/g, "").matchAll(/\$([\d.,]+)([KMBT]?)/g)].map(
    ([, x, u]) => Number(x.replace(/,/g, "")) * (scale[u] ?? 1)
  );
}

it("the provider's cash is spend − GW-years × running costs − capex − the price given back on kit past its life − rent owed after the term, for every deal with flows", () => {
  let checked = 0;
  for (const deal of data.deals) {
    const r = base(deal.id);
    if (!r.providerCashUsd) continue;
    checked++;
    const price = r.pricePerGwYearUsd!.value;
    // The GW-years run are the GW-years paid for: no running cost on capacity the spend does not pay for.
    assertInDelta(r.gwYearsInUse!, r.revenueUsd!.value / price, 1e-9);
    const byHand =
      r.revenueUsd!.value -
      r.gwYearsInUse! * r.cashOpexPerGwYearUsd! -
      r.capexUsd!.value -
      r.oldKitGwYears! * price * (1 - r.oldKitPriceShare) -
      (r.leaseTailUsd ?? 0);
    assert.isAtMost(Math.abs(byHand - r.providerCashUsd.value), 1, deal.id);
    // The printed sum, read back from its own words: the rounded terms give the printed cash to within their rounding.
    const clause = cashSumClause(r)!;
    const [paid, , ...less] = amounts(clause);
    const sum = paid - less.reduce((a, b) => a + b, 0);
    const slack = 0.005 * (paid + less.reduce((a, b) => a + b, 0));
    assert.isAtMost(Math.abs(sum - r.providerCashUsd.value), slack, `${deal.id}: ${clause}`);
    // The footer's rule (s16 closing: the terms printed bare): every dollar term but the spend and the contract
    // price is computed from assumptions and reads "about"; so do the GW-years.
    console.log(`${deal.id}: ${clause}`);
    const terms = clause
      .replace(/\([^)]*\)/g, "")
      .split(/, less |, and |, | and /)
      .slice(1);
    for (const term of terms) assert.match(term, /^about \$/, `${deal.id}: ${term}`);
    assert.match(clause, /^\$[\d.]+[BT] paid for about [\d.]+ GW-years at (about )?\$[\d.]+B each, less /, deal.id);
  }
  assert.strictEqual(checked, 7);
});

it("Microsoft → OpenAI, by hand: $250B − $21.6B − $183B − $8.02B on 2.43 GW-years past their IT life = $37B (critic s16 #8)", () => {
  const r = base("microsoft-openai");
  // $250B ÷ $11B = 22.727 GW-years run and paid for; × $951M of running costs = $21.6B.
  assertInDelta(r.gwYearsInUse!, 250 / 11, 1e-9);
  assertInDelta((r.gwYearsInUse! * r.cashOpexPerGwYearUsd!) / 1e9, 21.6, 0.05);
  // The 2027 build's IT falls due for renewal in 2032 with under half a generation (2.5 years) of use left, so it runs on
  // to the use's end: 2.43 GW-years at 70% of $11B, 2.43 × 11 × 0.3 = $8.02B given back.
  assertInDelta(r.oldKitGwYears!, 2.43, 0.005);
  assertInDelta(r.oldKitDiscountUsd! / 1e9, r.oldKitGwYears! * 11 * 0.3, 1e-9);
  // 250 − 21.6 − 183.4 − 8.02 = 36.95 ≈ $37B; without the old kit it would be the critic's $45B.
  assertInDelta(r.providerCashUsd!.value / 1e9, 36.95, 0.01);
  assert.strictEqual(
    cashSumClause(r),
    "$250B paid for about 22.7 GW-years at $11B each, less about $21.6B of running costs (about $951M a GW-year), about $183B of capex and about $8.02B given back on about 2.43 of those GW-years run at 70% of the price on kit past its IT life"
  );
});

it("Oracle → OpenAI, by hand (a lessee): $300B − $51.5B − $126B − $16.7B − $34.1B of rent owed after the term = $71.7B", () => {
  const r = base("oracle-openai");
  // $300B ÷ $13.33B = 22.5 GW-years; × $2.29B of running costs with the rent = $51.5B.
  assertInDelta(r.gwYearsInUse!, 22.5, 1e-9);
  // 300 − 51.54 − 126 − 16.72 − 34.08 = 71.66.
  assertInDelta(r.providerCashUsd!.value / 1e9, 300 - 51.54 - 126 - 16.72 - 34.08, 0.02);
  assert.include(
    cashSumClause(r)!,
    "about $16.7B given back on about 4.18 of those GW-years run at 70% of the price on kit past its IT life"
  );
  assert.match(cashSumClause(r)!, /, and about \$34\.1B of rent still owed after the term$/);
  // The price Oracle is paid is computed (the commitment over the GW-years on schedule, dearer than the $11B contract
  // price), so it reads "about"; the spend is the commitment as stated, so it does not.
  assert.match(cashSumClause(r)!, /^\$300B paid for about 22\.5 GW-years at about \$13\.3B each, less about /);
});

it("Google → Anthropic runs no kit past its IT life at the base values: no old-kit term in its sum", () => {
  const clause = cashSumClause(base("google-anthropic"))!;
  assert.strictEqual(
    clause,
    "$200B paid for about 15 GW-years at about $13.3B each, less about $14.3B of running costs (about $951M a GW-year) and about $194B of capex"
  );
  assert.isNull(cashSumClause(base("nvidia-openai")));
});
