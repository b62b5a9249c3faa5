import fc from "fast-check";
import {assert, it} from "vitest";
import type {AssumptionValues} from "../../../src/core/assumptions.js";
import {evaluateDealCommitment, prepareDealCommitment, projectDealCommitment} from "../../../src/core/commitment/projectDealCommitment.js";
import type {Deal} from "../../../src/core/model.js";
import {evaluateDealRecycling, prepareDealRecycling, projectDealRecycling} from "../../../src/core/recycling/projectDealRecycling.js";
import {assertInDelta} from "../../asserts.js";
import {amazonAnthropic, assumptions, baseValues, commitmentFrom, fact, withDeal} from "../commitment/fixtures.js";

const recycle = (deal: Deal = amazonAnthropic, values: AssumptionValues = baseValues, group?: string[]) =>
  projectDealRecycling(deal, projectDealCommitment(deal, values, assumptions), values, assumptions, {group});

// With no capex and running costs of 75% of the $11B price per GW-year (8.25: power 70 × 0.8 × 8.76 = 0.49056, staff
// and maintenance the other 7.75944), the provider keeps 25% of the spend in cash, the 25% margin of the fixture, so the
// hand-checked netting of the accounting era still holds; the capex is tested on its own below.
const noCapex: AssumptionValues = {...baseValues, "capex-per-gw": 0, "opex-per-gw-year": 8.25 - 0.49056, "old-kit-price-share": 1};

it("projectDealRecycling(deal, …) reproduces the founding case's investment ÷ commitment: 5%, 13% and 33%", () => {
  const r = recycle();
  assertInDelta(r.investmentToCommitmentNew!.value, 0.05); // 5 ÷ 100: only the 2026 tranches
  assertInDelta(r.investmentToCommitmentFirm!.value, 0.13); // (1.25 + 2.75 + 4 + 5) ÷ 100
  assertInDelta(r.investmentToCommitmentMax!.value, 0.33); // (13 + 20) ÷ 100
  assertInDelta(r.investmentToCommitmentNewMax!.value, 0.25); // (5 + 20) ÷ 100
  assert.strictEqual(r.investmentToCommitmentFirm!.bound, "up-to"); // $13B ÷ over $100B
  assert.strictEqual(r.investmentToCommitmentMax!.bound, "up-to");
  assert.deepStrictEqual(r.investmentToCommitmentNew!.lineage, {
    inputs: ["amazon-anthropic.commitments.aws-2026.amount", "amazon-anthropic.tranches.t2026-fresh.amount"],
    status: "confirmed"
  });
});

it("projectDealRecycling(deal, …) sums investment firm, maximum and expected", () => {
  const r = recycle();
  assert.strictEqual(r.investmentFirmUsd.value, 13e9);
  assert.strictEqual(r.investmentMaxUsd.value, 33e9);
  assertInDelta(r.investmentExpectedUsd.value / 1e9, 23); // 13 + 20 × 0.5
  assert(r.investmentExpectedUsd.lineage.inputs.includes("assumption:contingent-probability"));
  assert.strictEqual(r.investmentExpectedUsd.lineage.status, "assumption");
  assert.strictEqual(r.commitmentUsd!.value, 100e9);
  assertInDelta(r.revenuePerDollarInvested!.value, 100 / 13); // 7.69 of cloud revenue per firm dollar
  assert.strictEqual(r.revenuePerDollarInvested!.bound, "at-least");
  // Without capex and with running costs of 75% of the price, the implied operating profit is 100 × 25%.
  const n = recycle(amazonAnthropic, noCapex);
  assertInDelta(n.operatingProfitUsd!.value / 1e9, 25);
  assertInDelta(n.impliedMargin!, 0.25);
  assert.deepStrictEqual(r.margin, {id: "margin-aws", value: 0.25});
  // The reported margin is a check: the operating profit reads the cash assumptions, not it.
  assert(r.operatingProfitUsd!.lineage.inputs.includes("assumption:capex-per-gw"));
});

it("projectDealRecycling(deal, …) runs the relationship's flows from 2023 and pays back in 2034 without capex", () => {
  const r = recycle(amazonAnthropic, noCapex).relationship;
  assert.deepStrictEqual(
    r.flows.map((d) => d.year),
    [2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035, 2036]
  );
  // investment: 1.25, 2.75 + 4, 0, 5, then the milestones' 20 × 0.5 = 10 spread over 2027–2036
  assertInDelta(
    r.flows.map((d) => d.investment / 1e9),
    [1.25, 6.75, 0, 5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
  );
  // 2026: 7.0137 × 25% − 5 = −3.2466; 2027–2035: 2.5 − 1 = 1.5 a year; cumulative −11.2466 after 2026, ≥ 0 from 2034 (+0.7534)
  assertInDelta(r.flows[3].netCash / 1e9, (10 * 256 * 0.25) / 365 - 5);
  assertInDelta(r.flows[10].cumulativeNetCash / 1e9, -8 - 5 + (10 * 256 * 0.25) / 365 + 7 * 1.5);
  assert.strictEqual(r.paybackYear, 2034);
  assertInDelta(r.flows[13].cumulativeNetCash / 1e9, 2); // 25 of profit − 23 invested
});

it("projectDealRecycling(deal, …) headline flows count only the new money, from 2026, and pay back in 2029 without capex", () => {
  const r = recycle(amazonAnthropic, noCapex);
  assert.strictEqual(r.flows[0].year, 2026);
  assertInDelta(r.flows[0].investment / 1e9, 5);
  // −3.2466, then +1.5 a year: −1.7466, −0.2466, +1.2534 in 2029
  assert.strictEqual(r.paybackYear, 2029);
  assert.strictEqual(r.investmentFirmUsd.value, 13e9); // totals still count every tranche
  assert.deepStrictEqual(
    r.netCashByYear,
    r.flows.map((d) => ({year: d.year, usd: d.netCash}))
  );
});

it("projectDealRecycling(deal, …) discounts every NPV to 1 January 2026, compounding the relationship's earlier flows", () => {
  const r = recycle();
  assert.strictEqual(r.valuationYear, 2026);
  const at2026 = (flows: typeof r.flows) => flows.reduce((sum, d) => sum + d.netCash * 1.1 ** (2026 - d.year), 0);
  assertInDelta(r.npvUsd!.value, at2026(r.flows), 1);
  assertInDelta(r.relationship.npvUsd!.value, at2026(r.relationship.flows), 1);
  // The relationship adds the $8B of 2023–24, worth more than 8 in 2026 dollars: 1.25 × 1.1³ + 6.75 × 1.1² = 9.8314
  assertInDelta((r.npvUsd!.value - r.relationship.npvUsd!.value) / 1e9, 1.25 * 1.1 ** 3 + 6.75 * 1.1 ** 2);
  assert.strictEqual(r.npvUsd!.bound, "about"); // over $100B of spend at assumed margins and costs: a model estimate
  assert(r.npvUsd!.lineage.inputs.includes("assumption:discount-rate"));
  assert(r.npvUsd!.lineage.inputs.includes("assumption:capex-per-gw"));
});

it("projectDealRecycling(deal, …) hand-check: $2B against $20B over two years at a 25% margin and 10%, without capex", () => {
  const deal = withDeal({tranches: [amazonAnthropic.tranches[3]], commitments: commitmentFrom("2026-01-01", 20, 2)});
  const r = recycle({...deal, tranches: [{...deal.tranches[0], amount: fact(2)}]}, noCapex);
  // 2026: 10 × 0.25 − 2 = 0.5; 2027: 2.5; NPV = 0.5 + 2.5 ÷ 1.1 = 2.7727
  assertInDelta(
    r.flows.map((d) => d.netCash / 1e9),
    [0.5, 2.5]
  );
  assertInDelta(r.npvUsd!.value / 1e9, 0.5 + 2.5 / 1.1);
  assert.strictEqual(r.paybackYear, 2026);
});

it("projectDealRecycling(deal, …) hand-check with capex: the cash NPV nets the GW the spend keeps busy", () => {
  const deal = withDeal({tranches: [amazonAnthropic.tranches[3]], commitments: commitmentFrom("2026-01-01", 20, 2)});
  const r = recycle({...deal, tranches: [{...deal.tranches[0], amount: fact(2)}]});
  // $10B a year ÷ $11B per GW-year = 0.90909 GW; capex 0.90909 × 50 = 45.4545 in 2026.
  // Cash opex per GW: power 70 × 0.8 × 8.76 = 0.49056 + staff and maintenance 0.26 + tax and insurance 0.005 × 50 = 0.25,
  // 1.00056; × 0.90909 GW = 0.9096. Residual at the end of 2027: IT 31.818 × 3/5 + facility 13.636 × 18/20 = 31.3636: not
  // cash, shown apart. 2026: 10 − 0.9096 − 45.4545 − 2 = −38.3641; 2027: 10 − 0.9096 = 9.0904;
  // NPV = −38.3641 + 9.0904 ÷ 1.1 = −38.3641 + 8.2640 = −30.1002.
  assertInDelta(
    r.flows.map((d) => d.netCash / 1e9),
    [-38.3641, 9.0904],
    1e-4
  );
  assertInDelta(r.npvUsd!.value / 1e9, -30.1002, 1e-4);
  assertInDelta(r.capexUsd!.value / 1e9, 45.4545, 1e-4);
  assertInDelta(r.residualUsd!.value / 1e9, 31.3636, 1e-4);
  assertInDelta(r.residualPvUsd!.value / 1e9, 31.3636 / 1.1, 1e-4); // from the end of 2027 to 1 Jan 2026: one year at 10%
  assert.strictEqual(r.paybackYear, null); // on cash alone the money is not back
  assertInDelta(r.providerCashUsd!.value / 1e9, -38.3641 + 2 + 9.0904, 1e-4);
  // The accounting view nets depreciation, not capex: 10 − 0.9096 − 0.90909 × 50 × (0.7 ÷ 5 + 0.3 ÷ 20) = 10 − 0.9096 −
  // 7.04545 = 2.04495 a year; 2026: 2.04495 − 2 = 0.04495; NPV 0.04495 + 2.04495 ÷ 1.1 = 1.90400.
  assertInDelta(r.accountingNpvUsd!.value / 1e9, 0.04495 + 2.04495 / 1.1, 1e-4);
});

it("projectDealRecycling(deal, …, {group}) nets only the provider's group: another investor's money stays out", () => {
  const nvidia = {...amazonAnthropic.tranches[3], id: "t-nvidia", investor: "nvidia", amount: fact(10)};
  const deal = withDeal({investors: ["amazon", "nvidia"], tranches: [amazonAnthropic.tranches[3], nvidia]});
  const r = recycle(deal, baseValues, ["amazon"]);
  assert.strictEqual(r.investmentFirmUsd.value, 5e9);
  assertInDelta(r.investmentToCommitmentFirm!.value, 0.05); // 5 ÷ 100, not 15 ÷ 100
  assert.strictEqual(r.otherInvestorsFirmUsd.value, 10e9);
  assertInDelta(r.flows[0].investment / 1e9, 5);
  assert.strictEqual(recycle(deal).investmentFirmUsd.value, 15e9); // without a group, every investor counts
});

it("projectDealRecycling(deal, …) total return = relationship cash NPV + the latest mark, not cash", () => {
  const r = recycle();
  assertInDelta(r.totalReturnUsd!.value, r.relationship.npvUsd!.value + 60.6e9, 1);
  assert(r.totalReturnUsd!.lineage.inputs.includes("amazon-anthropic.equityMarks.fy-2025"));
  assert.strictEqual(recycle(withDeal({equityMarks: []})).totalReturnUsd, null);
});

it("projectDealRecycling(deal, …) with no tranches has zero investment and, without capex, pays back in the first year of profit", () => {
  const r = recycle(withDeal({tranches: []}), noCapex);
  assert.strictEqual(r.investmentFirmUsd.value, 0);
  assert.strictEqual(r.investmentToCommitmentFirm!.value, 0);
  assert.strictEqual(r.investmentToCommitmentMax!.value, 0);
  assert.strictEqual(r.revenuePerDollarInvested, null);
  assert.strictEqual(r.paybackYear, 2026);
  assert.strictEqual(r.flows[0].year, 2026);
});

it("projectDealRecycling(deal, null, …) with no commitment has no flows and no ratios, but keeps investment and equity", () => {
  const deal = withDeal({commitments: []});
  const r = projectDealRecycling(deal, null, baseValues, assumptions);
  assert.deepStrictEqual(r.flows, []);
  assert.deepStrictEqual(r.netCashByYear, []);
  assert.strictEqual(r.paybackYear, null);
  assert.strictEqual(r.npvUsd, null);
  assert.strictEqual(r.relationship.npvUsd, null);
  assert.strictEqual(r.capexUsd, null);
  assert.strictEqual(r.commitmentUsd, null);
  assert.strictEqual(r.investmentToCommitmentFirm, null);
  assert.strictEqual(r.operatingProfitUsd, null);
  assert.strictEqual(r.investmentFirmUsd.value, 13e9);
  assert.strictEqual(r.equity.length, 4);
  assertInDelta(r.equityGainUsd!.value / 1e9, 52.6);
});

it("projectDealRecycling(deal, commitment, …) rejects another deal's commitment and an invalid probability", () => {
  const other = projectDealCommitment(withDeal({id: "other"}), baseValues, assumptions);
  assert.throws(() => projectDealRecycling(amazonAnthropic, other, baseValues, assumptions), /invalid commitment: other/);
  assert.throws(() => recycle(amazonAnthropic, {...baseValues, "contingent-probability": 2}), /invalid probability: 2/);
});

it("evaluateDealRecycling(prepared, commitment, values) matches projectDealRecycling and reuses lineage across draws", () => {
  const preparedCommitment = prepareDealCommitment(amazonAnthropic, assumptions)!;
  const prepared = prepareDealRecycling(amazonAnthropic, assumptions);
  const a = evaluateDealRecycling(prepared, evaluateDealCommitment(preparedCommitment, baseValues), baseValues);
  // The reported margin moves no cash figure (running costs are physical); cheaper running costs raise the NPV.
  const run = (values: AssumptionValues) => evaluateDealRecycling(prepared, evaluateDealCommitment(preparedCommitment, values), values);
  const c = run({...baseValues, "capex-per-gw": 30});
  const b = run({...baseValues, "capex-per-gw": 30, "opex-per-gw-year": 0.15});
  assert.deepStrictEqual(a, recycle());
  assert.strictEqual(a.npvUsd!.lineage, b.npvUsd!.lineage);
  assert(b.npvUsd!.value > c.npvUsd!.value);
  assertInDelta(run({...baseValues, "capex-per-gw": 30, "margin-aws": 0.38}).npvUsd!.value, c.npvUsd!.value, 1e-3);
});

const margins = fc.tuple(fc.double({min: 0, max: 0.6, noNaN: true}), fc.double({min: 0, max: 0.3, noNaN: true}));
const years = (payback: number | null) => payback ?? Infinity;

it("projectDealRecycling(…): a higher reported margin never lowers the accounting view's operating profit and leaves the NPV and payback as they are", () => {
  const preparedCommitment = prepareDealCommitment(amazonAnthropic, assumptions, {profile: "ramp"})!;
  const prepared = prepareDealRecycling(amazonAnthropic, assumptions);
  const run = (margin: number, probability: number) => {
    const values = {...baseValues, "margin-aws": margin, "contingent-probability": probability};
    return evaluateDealRecycling(prepared, evaluateDealCommitment(preparedCommitment, values), values);
  };
  fc.assert(
    fc.property(margins, fc.double({min: 0, max: 1, noNaN: true}), ([margin, step], probability) => {
      const low = run(margin, probability);
      const high = run(margin + step, probability);
      for (const [i, d] of low.flows.entries()) assert(high.flows[i].operatingProfit >= d.operatingProfit);
      assertInDelta(high.npvUsd!.value, low.npvUsd!.value, 1e-3);
      assert.strictEqual(years(low.paybackYear), years(high.paybackYear));
    })
  );
});

it("projectDealRecycling(…): the flows' investment adds up to the expected investment, and spend to the commitment", () => {
  fc.assert(
    fc.property(fc.double({min: 0, max: 1, noNaN: true}), (probability) => {
      const r = recycle(amazonAnthropic, {...baseValues, "contingent-probability": probability});
      assertInDelta(r.relationship.flows.reduce((s, d) => s + d.investment, 0) / 1e9, 13 + 20 * probability);
      assertInDelta(r.flows.reduce((s, d) => s + d.investment, 0) / 1e9, 5 + 20 * probability);
      assertInDelta(r.flows.reduce((s, d) => s + d.spend, 0) / 1e9, 100);
    })
  );
});

it("projectDealRecycling(deal, …) sums the provider's cash and the expected new money", () => {
  const r = recycle();
  // New money: 5 firm + 20 contingent × 0.5 = 15
  assertInDelta(r.newMoneyExpectedUsd.value / 1e9, 15);
  // The provider's cash over the term, minus the new money, is the headline's cumulative net cash at the end.
  assertInDelta((r.providerCashUsd!.value - r.newMoneyExpectedUsd.value) / 1e9, r.flows.at(-1)!.cumulativeNetCash / 1e9);
  // Without capex it is the operating profit: 100 × 25%.
  assertInDelta(recycle(amazonAnthropic, noCapex).providerCashUsd!.value / 1e9, 25);
});

it("projectDealRecycling(deal, …) counts cloud credits at their cost to the provider", () => {
  const deal = withDeal({tranches: [amazonAnthropic.tranches[3]], commitments: commitmentFrom("2026-01-01", 20, 2)});
  const two = {...deal, tranches: [{...deal.tranches[0], amount: fact(2)}]};
  // Half of $2B in credits at a 25% margin: each dollar costs 1 − 0.5 × 0.25 = 0.875, so $1.75B.
  // 2026: 10 × 0.25 − 1.75 = 0.75 (without capex); ratio at cost 1.75 ÷ 20 = 8.75%, against 10% at face value.
  const r = recycle(two, {...noCapex, "credit-share": 0.5});
  assertInDelta(r.flows[0].netCash / 1e9, 0.75);
  assertInDelta(r.investmentToCommitmentNewAtCost!.value, 0.0875);
  assertInDelta(r.investmentToCommitmentNew!.value, 0.1);
  assert(r.npvUsd!.lineage.inputs.includes("assumption:credit-share"));
  // No credits: at cost = at face value.
  assertInDelta(recycle(two, noCapex).investmentToCommitmentNewAtCost!.value, 0.1);
});

it("projectDealRecycling(deal, …, {chipMakers}) values a chip-maker investor on its gross margin on the chips", () => {
  // "Up to $10B", as Nvidia's money in Microsoft + Nvidia → Anthropic is sourced: the bound travels with the amount.
  const nvidia = {...amazonAnthropic.tranches[3], id: "t-nvidia", investor: "nvidia", amount: {...fact(10), bound: "up-to" as const}};
  const deal = withDeal({
    investors: ["amazon", "nvidia"],
    tranches: [amazonAnthropic.tranches[3], nvidia],
    commitments: commitmentFrom("2026-01-01", 20, 2)
  });
  const r = projectDealRecycling(deal, projectDealCommitment(deal, baseValues, assumptions), baseValues, assumptions, {
    group: ["amazon"],
    chipMakers: ["nvidia"]
  });
  // Capex 45.4545 (0.90909 GW × 50); chips = 45.4545 × 0.7 × 0.74 = 23.5455; gross profit × 0.73 = 17.1882, against $10B.
  const [maker] = r.chipMakers;
  assert.strictEqual(maker.company, "nvidia");
  assertInDelta(maker.chipsUsd / 1e9, 23.5455, 1e-4);
  assertInDelta(maker.grossProfitUsd / 1e9, 17.1882, 1e-4);
  assert.strictEqual(maker.investedFirmUsd, 10e9);
  assert.strictEqual(maker.investedFirmBound, "up-to");
  assert.deepStrictEqual(maker.margin, {id: "margin-nvidia", value: 0.73});
  // Chips bought with the capacity in 2026 (all the capex is that year), tranche in 2026: NPV = 17.1882 − 10 = 7.1882.
  assertInDelta(maker.npvUsd / 1e9, 17.1882 - 10, 1e-4);
});

it("projectDealRecycling(deal, …) nets a rebate in kind from the provider's group as a discount on the spend, never as invested", () => {
  // A $1B firm rebate (the provider's own stock given to the lab) in 2026, and a contingent $2B one × 0.5 = 1 in 2027:
  // net cash falls by 1 in each year; the invested totals and ratios do not move.
  const rebate = {...amazonAnthropic.tranches[3], id: "r1", label: "stock", date: "2026-06-01", amount: fact(1), firm: true};
  const contingent = {...rebate, id: "r2", date: "2027-06-01", amount: fact(2), firm: false};
  const base = recycle(amazonAnthropic, noCapex, ["amazon"]);
  const r = recycle({...amazonAnthropic, rebates: [rebate, contingent]}, noCapex, ["amazon"]);
  const year = (x: typeof r, y: number) => x.flows.find((f) => f.year === y)!.netCash / 1e9;
  assertInDelta(year(base, 2026) - year(r, 2026), 1);
  assertInDelta(year(base, 2027) - year(r, 2027), 1);
  assert.strictEqual(r.investmentFirmUsd.value, base.investmentFirmUsd.value);
  assert.strictEqual(r.investmentToCommitmentFirm!.value, base.investmentToCommitmentFirm!.value);
  assertInDelta(r.rebateExpectedUsd!.value / 1e9, 2); // 1 + 2 × 0.5
  assert.strictEqual(base.rebateExpectedUsd, null);
  // A rebate from a company outside the provider's group is not the provider's discount.
  assert.strictEqual(
    recycle({...amazonAnthropic, rebates: [{...rebate, investor: "nvidia"}]}, noCapex, ["amazon"]).rebateExpectedUsd,
    null
  );
});

it("projectDealRecycling(deal, …) hand-check, one revenue rule: the lab pays its $20B commitment; filling the ceiling (all 4 delivered GW-years at the contract price) is the scenario beside it", () => {
  const base = withDeal({tranches: [amazonAnthropic.tranches[3]], commitments: commitmentFrom("2026-01-01", 20, 2)});
  const deal = {...base, tranches: [{...base.tranches[0], amount: fact(2)}]};
  const commitment = projectDealCommitment(deal, baseValues, assumptions)!;
  // 2 GW delivered in each of the two years: at $11B per GW-year the lab's spend on them would be 44, above the 20 committed.
  const delivered = {...commitment, delivered: {gwYears: [2, 2], totalGwYears: 4}};
  const r = evaluateDealRecycling(prepareDealRecycling(deal, assumptions), delivered, baseValues);
  // Central reading, the commitment: 10 a year keeps 10 ÷ 11 = 0.90909 GW busy; capex 0.90909 × 50 = 45.4545 in 2026;
  // cash opex 0.90909 × 1.00056 = 0.9096 (power 0.49056, staff and maintenance 0.26, tax and insurance 0.005 × 50);
  // net cash 10 − 0.9096 − 45.4545 − 2 = −38.3641 then 9.0904, NPV −38.3641 + 9.0904 ÷ 1.1 = −30.1002.
  assertInDelta(r.revenueUsd!.value / 1e9, 20);
  assertInDelta(r.pricePerGwYearUsd!.value / 1e9, 11);
  assertInDelta(r.deliveredGwYears!.value, 4); // what the schedule delivers, the most the lab can use
  assertInDelta(r.capexUsd!.value / 1e9, 45.4545, 1e-4);
  assertInDelta(r.providerCashUsd!.value / 1e9, -38.3641 + 2 + 9.0904, 1e-4);
  assertInDelta(r.npvUsd!.value / 1e9, -30.1002, 1e-4);
  assert.strictEqual(r.paybackYear, null);
  // If the lab fills the ceiling: 22 a year on 2 GW; capex 2 × 50 = 100 in 2026; cash opex 2 × 1.00056 = 2.00112.
  // 2026: 22 − 2.00112 − 100 − 2 = −82.00112; 2027: 19.99888; NPV −82.00112 + 19.99888 ÷ 1.1.
  const s = r.ceilingFilled!;
  assertInDelta(s.revenueUsd / 1e9, 44);
  assertInDelta(s.pricePerGwYearUsd / 1e9, 11);
  assertInDelta(s.gwYears, 4);
  assertInDelta(s.capexUsd / 1e9, 100);
  assertInDelta(s.npvUsd.value / 1e9, -82.00112 + 19.99888 / 1.1);
  assert.deepStrictEqual(s.npvUsd.lineage, r.npvUsd!.lineage); // same inputs: only the reading differs
});

it("projectDealRecycling(deal, …) hand-check: a slip that leaves the lab less than its commitment pays for lowers what it pays, not the price", () => {
  const base = withDeal({tranches: [amazonAnthropic.tranches[3]], commitments: commitmentFrom("2026-01-01", 20, 2)});
  const deal = {...base, tranches: [{...base.tranches[0], amount: fact(2)}]};
  const commitment = projectDealCommitment(deal, baseValues, assumptions)!;
  const prepared = prepareDealRecycling(deal, assumptions);
  // On schedule 0.5 GW a year: 1 GW-year, which the $20B prices at 20 per GW-year (dearer than 11): the lab pays 20.
  const onTime = evaluateDealRecycling(prepared, {...commitment, delivered: {gwYears: [0.5, 0.5], totalGwYears: 1}}, baseValues);
  assertInDelta(onTime.revenueUsd!.value / 1e9, 20);
  assertInDelta(onTime.pricePerGwYearUsd!.value / 1e9, 20);
  // Slipped: only 0.25 + 0.5 = 0.75 GW-years arrive; the price stays 20 (read on schedule), so the lab pays 15, not 20.
  const slipped = evaluateDealRecycling(
    prepared,
    {...commitment, delivered: {gwYears: [0.25, 0.5], totalGwYears: 0.75, scheduledGwYears: 1}},
    baseValues
  );
  assertInDelta(slipped.pricePerGwYearUsd!.value / 1e9, 20);
  assertInDelta(slipped.revenueUsd!.value / 1e9, 15);
  // The commitment's profile (10 a year here) scaled by 15 ÷ 20: 7.5 a year, 0.375 GW busy, never more than delivered.
  assertInDelta(slipped.flows[0].spend / 1e9, 7.5);
  // A slip that still leaves more than the commitment buys changes nothing: 4 GW-years delivered, 1.8 bought at 11.
  const ample = evaluateDealRecycling(
    prepared,
    {...commitment, delivered: {gwYears: [1.5, 2], totalGwYears: 3.5, scheduledGwYears: 4}},
    baseValues
  );
  assertInDelta(ample.revenueUsd!.value / 1e9, 20);
});

it("projectDealRecycling(deal, …) filling the ceiling equals the central reading when the commitment already pays for what is delivered", () => {
  const base = withDeal({tranches: [amazonAnthropic.tranches[3]], commitments: commitmentFrom("2026-01-01", 20, 2)});
  const deal = {...base, tranches: [{...base.tranches[0], amount: fact(2)}]};
  const commitment = projectDealCommitment(deal, baseValues, assumptions)!;
  const prepared = prepareDealRecycling(deal, assumptions);
  // No schedule: the revenue is the commitment in both readings.
  const plain = evaluateDealRecycling(prepared, commitment, baseValues);
  assert.strictEqual(plain.ceilingFilled!.npvUsd.value, plain.npvUsd!.value);
  // A schedule of 0.5 GW a year: 1 GW-year at $11B is 11, below the 20 committed, so the price is 20 per GW-year and
  // the lab spends exactly the commitment either way.
  const small = evaluateDealRecycling(prepared, {...commitment, delivered: {gwYears: [0.5, 0.5], totalGwYears: 1}}, baseValues);
  assertInDelta(small.revenueUsd!.value / 1e9, 20);
  assert.strictEqual(small.ceilingFilled!.npvUsd.value, small.npvUsd!.value);
  assert.strictEqual(small.ceilingFilled!.capexUsd, small.capexUsd!.value);
  // Without a commitment there is no reading.
  assert.strictEqual(evaluateDealRecycling(prepared, null, baseValues).ceilingFilled, null);
});
