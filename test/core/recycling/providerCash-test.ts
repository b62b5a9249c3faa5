import {assert, it} from "vitest";
import {energyCostPerGwYear} from "../../../src/core/commitment/costPerGwYear.js";
import {itRenewalText, providerCash} from "../../../src/core/recycling/providerCash.js";
import {assertInDelta} from "../../asserts.js";

const rows = (first: number, ...usd: number[]) => usd.map((value, i) => ({year: first + i, usd: value * 1e9}));
const costs = {
  margin: 0.35,
  capexPerGwUsd: 50e9,
  itShare: 0.7,
  itLife: 5,
  facilityLife: 20,
  revenuePerGwYearUsd: 11e9,
  opexFloorPerGwYearUsd: 0.8e9
};
const bn = (list: ReturnType<typeof providerCash>, key: "capex" | "depreciation" | "cashOpex" | "residual" | "cash" | "gw") =>
  list.map((d) => (key === "gw" ? d.gw : d[key] / 1e9));

it("providerCash(perYear, costs) builds the capacity the spend keeps busy, and floors the cash costs", () => {
  // $11B a year at $11B per GW-year keeps 1 GW busy; capex 1 × 50 in 2026. Depreciation: IT 35 ÷ 5 = 7, facility 15 ÷ 20 = 0.75.
  // Cash opex = max(11 × 0.65 − 7.75, 0.8 × 1) = max(−0.6, 0.8) = 0.8 (the margin and this capex are inconsistent; the floor binds).
  // Residual at the end of 2027: IT 35 × (1 − 2/5) = 21, facility 15 × (1 − 2/20) = 13.5.
  // Cash 2026 = 11 − 0.8 − 50 = −39.8; 2027 = 11 − 0.8 = 10.2 (the 34.5 of book value is not cash and stays out).
  const cash = providerCash(rows(2026, 11, 11), costs);
  assertInDelta(bn(cash, "gw"), [1, 1]);
  assertInDelta(bn(cash, "capex"), [50, 0]);
  assertInDelta(bn(cash, "depreciation"), [7.75, 7.75]);
  assertInDelta(bn(cash, "cashOpex"), [0.8, 0.8]);
  assertInDelta(bn(cash, "residual"), [0, 34.5]);
  assertInDelta(bn(cash, "cash"), [-39.8, 10.2]);
  assertInDelta(
    cash.map((d) => d.operatingProfit / 1e9),
    [3.85, 3.85]
  );
});

it("providerCash(…) replaces IT at the end of its life, and over the term its cash + book value left adds up to the operating profit", () => {
  // Seven years of $11B, 1 GW, capex 40 (IT 28, facility 12), margin 30%. IT bought in 2026 and again in 2031.
  // Depreciation 28 ÷ 5 + 12 ÷ 20 = 6.2 every year; cash opex 11 × 0.7 − 6.2 = 1.5 (above the floor of 0.8).
  // Residual at the end of 2032: facility 12 × (1 − 7/20) = 7.8; the 2031 IT 28 × (1 − 2/5) = 16.8.
  // Cash: 11 − 1.5 = 9.5 a year, − 40 in 2026, − 28 in 2031; the 24.6 of book value in 2032 is not cash.
  const cash = providerCash(rows(2026, 11, 11, 11, 11, 11, 11, 11), {...costs, margin: 0.3, capexPerGwUsd: 40e9});
  assertInDelta(bn(cash, "capex"), [40, 0, 0, 0, 0, 28, 0]);
  assertInDelta(bn(cash, "cash"), [-30.5, 9.5, 9.5, 9.5, 9.5, -18.5, 9.5]);
  assertInDelta(bn(cash, "residual"), [0, 0, 0, 0, 0, 0, 24.6]);
  // With the floor not binding, undiscounted cash + book value left = operating profit: 7 × 11 × 0.3 = 23.1 (−1.5 + 24.6).
  assertInDelta(cash.reduce((s, d) => s + d.cash + d.residual, 0) / 1e9, 23.1);
});

it("providerCash(…) spends capex only on capacity above the previous peak", () => {
  // Spend 5.5, 11, 11, 5.5: 0.5, 1, 1, 0.5 GW; capex 0.5 × 40 in 2026 and in 2027, none when the capacity falls.
  const cash = providerCash(rows(2026, 5.5, 11, 11, 5.5), {...costs, capexPerGwUsd: 40e9});
  assertInDelta(bn(cash, "capex"), [20, 20, 0, 0]);
});

it("providerCash(perYear, {…, gw}) sizes capex to the delivered GW, not to the spend", () => {
  // $11B a year at $11B per GW-year would keep 1 GW busy; the provider delivers 2 GW, then 5 GW: capex 2 × 40 in 2026
  // and 3 × 40 in 2027. Cash opex: depreciation 2026 = 2 × 6.2 = 12.4 > 11 × 0.65, so the floor binds: 0.8 × 2 = 1.6.
  const cash = providerCash(rows(2026, 11, 11), {...costs, capexPerGwUsd: 40e9, gw: [2, 5]});
  assertInDelta(bn(cash, "gw"), [2, 5]);
  assertInDelta(bn(cash, "capex"), [80, 120]);
  assertInDelta(bn(cash, "cashOpex"), [1.6, 4]);
  assertInDelta(bn(cash, "cash"), [11 - 1.6 - 80, 11 - 4 - 120]);
  assert.throws(() => providerCash(rows(2026, 11, 11), {...costs, gw: [1]}), /invalid gw: 1 values for 2 years/);
});

it("providerCash([], costs) is empty, and providerCash rejects invalid costs and gaps", () => {
  assert.deepStrictEqual(providerCash([], costs), []);
  assert.throws(() => providerCash(rows(2026, 1), {...costs, margin: 1.2}), /invalid margin: 1.2/);
  assert.throws(() => providerCash(rows(2026, 1), {...costs, revenuePerGwYearUsd: 0}), /invalid revenuePerGwYearUsd: 0/);
  assert.throws(() => providerCash(rows(2026, 1), {...costs, itLife: 0}), /invalid itLife: 0/);
  assert.throws(() => providerCash([...rows(2026, 1), ...rows(2028, 1)], costs), /invalid perYear/);
});

it("providerCash(…, {referenceLives}) reads the margin as a cash margin at the reference lives: a longer drawn life never lowers cash", () => {
  // Seven years of $11B on 1 GW, capex 40 (IT 28, facility 12), margin 30%, reference lives 5 (IT) and 20 (facility).
  // Add-back 1 × 40 × (0.7 ÷ 5 + 0.3 ÷ 20) = 6.2 whatever the drawn lives; cash opex 11 × 0.7 − 6.2 = 1.5 a year.
  const base = {...costs, margin: 0.3, capexPerGwUsd: 40e9, referenceLives: {it: 5, facility: 20}};
  const total = (list: ReturnType<typeof providerCash>) => list.reduce((a, d) => a + d.cash, 0) / 1e9;
  const spend = rows(2026, 11, 11, 11, 11, 11, 11, 11);
  // IT life 4: IT bought in 2026 and 2030 (28 each): cash 7 × 9.5 − 40 − 28 = −1.5.
  const short = providerCash(spend, {...base, itLife: 4});
  assertInDelta(bn(short, "cashOpex"), [1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5]);
  assertInDelta(total(short), -1.5);
  // IT life 5: replaced in 2031: the same −1.5 in cash, a year later.
  assertInDelta(total(providerCash(spend, {...base, itLife: 5})), -1.5);
  // IT life 8: never replaced within the term: 7 × 9.5 − 40 = 26.5.
  const long = providerCash(spend, {...base, itLife: 8});
  assertInDelta(bn(long, "cashOpex"), [1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5]);
  assertInDelta(total(long), 26.5);
  // The facility life moves only the book value left, never cash.
  assertInDelta(total(providerCash(spend, {...base, facilityLife: 40})), total(providerCash(spend, base)));
  assert.throws(() => providerCash(spend, {...base, referenceLives: {it: 0, facility: 20}}), /invalid referenceLives/);
});

it("providerCash(…, {facilityLeaseYears}) hand-check: a lessee buys only IT, pays rent inside its margin, and the rent owed after the term", () => {
  // Three years of $13B on 1 GW, capex 40 (IT 28, facility 12), margin 14%, reference lives 5 (IT) and 20 (facility).
  // Owner: capex 40 in 2026; add-back 40 × (0.7 ÷ 5 + 0.3 ÷ 20) = 6.2; cash opex 13 × 0.86 − 6.2 = 4.98.
  // Lessee, 15-year leases: capex 28 (IT only); add-back IT only, 28 ÷ 5 = 5.6; cash opex 11.18 − 5.6 = 5.58 (the rent,
  // 12 ÷ 20 = 0.6 a year, is inside the margin). After the term: 15 − 3 = 12 years of rent, 12 × 0.6 = 7.2, paid in 2028.
  // Cash: 2026 13 − 5.58 − 28 = −20.58; 2027 7.42; 2028 7.42 − 7.2 = 0.22. Residual: IT 28 × (1 − 3/5) = 11.2, + 7.2 of use.
  const base = {...costs, margin: 0.14, capexPerGwUsd: 40e9, revenuePerGwYearUsd: 13e9, referenceLives: {it: 5, facility: 20}};
  const spend = rows(2026, 13, 13, 13);
  const owner = providerCash(spend, base);
  assertInDelta(bn(owner, "capex"), [40, 0, 0]);
  assertInDelta(bn(owner, "cashOpex"), [4.98, 4.98, 4.98]);
  const lessee = providerCash(spend, {...base, facilityLeaseYears: 15});
  assertInDelta(bn(lessee, "capex"), [28, 0, 0]);
  assertInDelta(bn(lessee, "cashOpex"), [5.58, 5.58, 5.58]);
  assertInDelta(
    lessee.map((d) => d.leaseTail / 1e9),
    [0, 0, 7.2]
  );
  assertInDelta(bn(lessee, "cash"), [-20.58, 7.42, 0.22]);
  assertInDelta(bn(lessee, "residual"), [0, 0, 18.4]);
  // Undiscounted cash + what is left = the operating profit once built, owner or lessee: 3 × 13 × 0.14 = 5.46.
  const sum = (list: ReturnType<typeof providerCash>) => list.reduce((a, d) => a + d.cash + d.residual, 0) / 1e9;
  assertInDelta(sum(lessee), 5.46);
  assertInDelta(sum(owner), 5.46);
  // The rent floors a lessee's cash costs: at a 90% margin, cash opex = 1 × (0.8 + 0.6) = 1.4 (an owner's floor is 0.8).
  assertInDelta(bn(providerCash(spend, {...base, margin: 0.9, facilityLeaseYears: 15}), "cashOpex"), [1.4, 1.4, 1.4]);
  // A lease no longer than the term leaves nothing owed after it.
  assertInDelta(
    providerCash(spend, {...base, facilityLeaseYears: 3}).map((d) => d.leaseTail),
    [0, 0, 0]
  );
  assert.throws(() => providerCash(spend, {...base, facilityLeaseYears: 0}), /invalid facilityLeaseYears: 0/);
  // Discounted at 10% to 2028, the 12 years of 0.6 are worth 0.6 × (1 − 1.1^−12) ÷ 0.1 = 0.6 × 6.8137 = 4.088, not 7.2:
  // cash in 2028 is 7.42 − 4.088 = 3.332, and the residual counts the same 4.088 of use.
  const discounted = providerCash(spend, {...base, facilityLeaseYears: 15, leaseDiscountRate: 0.1});
  assertInDelta(
    discounted.map((d) => d.leaseTail / 1e9),
    [0, 0, 4.0882],
    1e-3
  );
  assertInDelta(bn(discounted, "cash"), [-20.58, 7.42, 3.3318], 1e-3);
  assertInDelta(sum(discounted), 5.46);
  assert.throws(() => providerCash(spend, {...base, facilityLeaseYears: 15, leaseDiscountRate: -0.1}), /invalid leaseDiscountRate/);
});

it("providerCash(…, {renewShare}) hand-check: IT is renewed only while the term left covers that share of its life", () => {
  // 1 GW at $11B a year; capex 50 (IT 35, facility 15) in 2026; IT life 5, so the kit is due again in 2031 (index 5).
  const flat = (years: number) => rows(2026, ...new Array(years).fill(11));
  // 7 years (2026–2032): 2 years left in 2031 < 0.5 × 5 = 2.5, so no renewal; the 2026 kit runs to 2032 (7 years).
  // Residual: facility 15 × (1 − 7/20) = 9.75; the old IT is written off (0).
  const sweat = providerCash(flat(7), {...costs, renewShare: 0.5});
  assertInDelta(bn(sweat, "capex"), [50, 0, 0, 0, 0, 0, 0]);
  assertInDelta(bn(sweat, "residual").at(-1) as number, 9.75);
  // The rule before (share 0) renews with 2 years left: 35 in 2031, of which 35 × (1 − 2/5) = 21 left at book value.
  const renew = providerCash(flat(7), costs);
  assertInDelta(bn(renew, "capex"), [50, 0, 0, 0, 0, 35, 0]);
  assertInDelta(bn(renew, "residual").at(-1) as number, 9.75 + 21);
  // Cash differs by the 35 not spent; the kit run on costs nothing more.
  assertInDelta((bn(sweat, "cash").at(5) as number) - (bn(renew, "cash").at(5) as number), 35);
  // 8 years: 3 years left in 2031 ≥ 2.5, so it renews; residual 15 × (1 − 8/20) + 35 × (1 − 3/5) = 9 + 14 = 23.
  const eight = providerCash(flat(8), {...costs, renewShare: 0.5});
  assertInDelta(bn(eight, "capex"), [50, 0, 0, 0, 0, 35, 0, 0]);
  assertInDelta(bn(eight, "residual").at(-1) as number, 23);
  // Share 1: renew only if the whole new life is under contract: 5 years left (10-year term) yes, 4 (9 years) no.
  assertInDelta(bn(providerCash(flat(10), {...costs, renewShare: 1}), "capex")[5], 35);
  assertInDelta(bn(providerCash(flat(9), {...costs, renewShare: 1}), "capex")[5], 0);
  assert.throws(() => providerCash(flat(2), {...costs, renewShare: 1.5}), /invalid renewShare/);
  // A longer drawn life never buys more: over 4–6 years (step 0.25) the IT capex of a 9-year term does not rise.
  const capexAt = (itLife: number) => bn(providerCash(flat(9), {...costs, itLife, renewShare: 0.5}), "capex").reduce((a, b) => a + b, 0);
  for (let life = 4; life < 6; life += 0.25) assert.isAtMost(capexAt(life + 0.25), capexAt(life) + 1e-9, `life ${life}`);
});

it("providerCash(…, {energyDeltaPerGwYearUsd}) hand-check: power off its base price moves cash costs, floor included", () => {
  // Power at $100 instead of $70/MWh at an 80% load: 8,760 h × 0.8 × 1,000 MW × $30 = $210.24M per GW-year more.
  const dearer =
    energyCostPerGwYear({"load-factor": 0.8, "power-price": 100}) - energyCostPerGwYear({"load-factor": 0.8, "power-price": 70});
  assertInDelta(dearer / 1e9, 0.21024);
  // At the floor (margin 35%, capex 50: 11 × 0.65 − 7.75 < 0.8): cash opex 0.8 + 0.21024 = 1.01024.
  const floor = providerCash(rows(2026, 11, 11), {...costs, energyDeltaPerGwYearUsd: dearer});
  assertInDelta(bn(floor, "cashOpex"), [1.01024, 1.01024]);
  // Implied operating profit 11 − 1.01024 − 7.75 = 2.23976, against 11 × 0.35 = 3.85 stated.
  assertInDelta(floor[1].impliedOperatingProfit / 1e9, 2.23976);
  // Off the floor (margin 20%, capex 40: add-back 28/5 + 12/20 = 6.2; 11 × 0.8 − 6.2 = 2.6), at $50: 8,760 × 0.8 × 20 = 140.16M less.
  const cheaper =
    energyCostPerGwYear({"load-factor": 0.8, "power-price": 50}) - energyCostPerGwYear({"load-factor": 0.8, "power-price": 70});
  assertInDelta(cheaper / 1e9, -0.14016);
  const plug = providerCash(rows(2026, 11, 11), {...costs, margin: 0.2, capexPerGwUsd: 40e9, energyDeltaPerGwYearUsd: cheaper});
  assertInDelta(bn(plug, "cashOpex"), [2.45984, 2.45984]);
  assertInDelta(plug[1].impliedOperatingProfit / 1e9, 11 - 2.45984 - 6.2);
  // At the base price the implied profit is the stated one when the floor does not bind: 11 × 0.2 = 2.2.
  assertInDelta(providerCash(rows(2026, 11), {...costs, margin: 0.2, capexPerGwUsd: 40e9})[0].impliedOperatingProfit / 1e9, 2.2);
});

it("itRenewalText(itLife, share) states the renewal rule", () => {
  assert.strictEqual(itRenewalText(5, 0), "IT replaced every 5 years while the term lasts");
  assert.strictEqual(
    itRenewalText(5, 0.5),
    "IT replaced every 5 years only while the term left covers at least 50% of a new generation's life (2.5 years); after that the kit in use runs on to the term's end"
  );
});

it("providerCash(…, {facilityLeaseYears, rentPerGwYearUsd}) hand-check: the assumed rent sets a lessee's floor and the rent owed after the term", () => {
  // 1 GW for 3 years on a 15-year lease, rent $1.4B per GW-year, undiscounted: 12 years owed after the term × 1.4 = 16.8.
  const lessee = providerCash(rows(2026, 13, 13, 13), {
    ...costs,
    margin: 0.14,
    capexPerGwUsd: 40e9,
    revenuePerGwYearUsd: 13e9,
    facilityLeaseYears: 15,
    rentPerGwYearUsd: 1.4e9
  });
  assertInDelta(lessee[2].leaseTail / 1e9, 16.8);
  // At 10% the 12 years are worth 1.4 × (1 − 1.1^−12) ÷ 0.1 = 1.4 × 6.8136918 = 9.5391686 at the term's end.
  const discounted = providerCash(rows(2026, 13, 13, 13), {
    ...costs,
    margin: 0.14,
    capexPerGwUsd: 40e9,
    revenuePerGwYearUsd: 13e9,
    facilityLeaseYears: 15,
    rentPerGwYearUsd: 1.4e9,
    leaseDiscountRate: 0.1
  });
  assertInDelta(discounted[2].leaseTail / 1e9, 9.5391686);
  // Floor: (0.8 + 1.4) × 1 GW = 2.2 once the margin's cash costs fall below it (90% margin: 13 × 0.1 − 28 ÷ 5 < 0).
  const thin = providerCash(rows(2026, 13), {
    ...costs,
    margin: 0.9,
    capexPerGwUsd: 40e9,
    revenuePerGwYearUsd: 13e9,
    facilityLeaseYears: 15,
    rentPerGwYearUsd: 1.4e9
  });
  assertInDelta(thin[0].cashOpex / 1e9, 2.2);
  // An owner ignores the rent.
  assertInDelta(providerCash(rows(2026, 11), {...costs, rentPerGwYearUsd: 1.4e9})[0].cashOpex / 1e9, 0.8);
});

it("providerCash(…, {referenceItShare}) hand-check: the drawn IT share moves what is bought, never the cash costs the margin implies", () => {
  // 7 years of $11B on 1 GW, capex 40, margin 30%, IT share drawn at 60% against a reference of 70%.
  // Add-back at the reference: 40 × (0.7 ÷ 5 + 0.3 ÷ 20) = 6.2, so cash opex = 11 × 0.7 − 6.2 = 1.5, as at 70%.
  // Capex: 40 all-in in 2026; the 2031 renewal (share 0: renewed with 2 years left) is 40 × 0.6 = 24, not 28.
  const spend = rows(2026, 11, 11, 11, 11, 11, 11, 11);
  const base = {...costs, margin: 0.3, capexPerGwUsd: 40e9, referenceLives: {it: 5, facility: 20}, referenceItShare: 0.7};
  const low = providerCash(spend, {...base, itShare: 0.6});
  assertInDelta(bn(low, "cashOpex"), new Array(7).fill(1.5));
  assertInDelta(bn(low, "capex"), [40, 0, 0, 0, 0, 24, 0]);
  // So a lower IT share never lowers cash over the term: 7 × (11 − 1.5) − 40 − 24 = 2.5 against 7 × 9.5 − 40 − 28 = −1.5 at 70%.
  assertInDelta(
    bn(low, "cash").reduce((a, b) => a + b, 0),
    2.5
  );
  assertInDelta(
    bn(providerCash(spend, {...base, itShare: 0.7}), "cash").reduce((a, b) => a + b, 0),
    -1.5
  );
});
