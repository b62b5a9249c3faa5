import {assert, it} from "vitest";
import {energyCostPerGwYear} from "../../../src/core/commitment/costPerGwYear.js";
import {itRenewalText, providerCash} from "../../../src/core/recycling/providerCash.js";
import {assertInDelta} from "../../asserts.js";

const rows = (first: number, ...usd: number[]) => usd.map((value, i) => ({year: first + i, usd: value * 1e9}));
// Cash running costs per GW-year from physical inputs: energy 0.49 + staff and maintenance 0.26 + property tax and
// insurance 0.5% × 40 = 0.2, so 0.95 per owned GW in use whatever the margin or the price.
const costs = {
  capexPerGwUsd: 40e9,
  itShare: 0.7,
  itLife: 5,
  facilityLife: 20,
  revenuePerGwYearUsd: 11e9,
  energyPerGwYearUsd: 0.49e9,
  siteOpexPerGwYearUsd: 0.26e9,
  assetChargeRate: 0.005
};
const bn = (
  list: ReturnType<typeof providerCash>,
  key: "capex" | "depreciation" | "cashOpex" | "residual" | "cash" | "gw" | "oldKitDiscount" | "operatingProfit"
) => list.map((d) => (key === "gw" ? d.gw : d[key] / 1e9));
const total = (list: ReturnType<typeof providerCash>, key: "cash" | "operatingProfit" | "revenue" = "cash") =>
  list.reduce((a, d) => a + d[key], 0) / 1e9;

it("providerCash(perYear, costs) hand-check: capacity the spend keeps busy, cash costs from physical inputs", () => {
  // $11B a year at $11B per GW-year keeps 1 GW busy; capex 1 × 40 in 2026. Depreciation: IT 28 ÷ 5 + facility 12 ÷ 20 = 6.2.
  // Cash opex = 1 × (0.49 + 0.26 + 0.005 × 40) = 0.95. Residual at the end of 2027: IT 28 × 3/5 = 16.8, facility 12 × 18/20 = 10.8.
  // Cash 2026 = 11 − 0.95 − 40 = −29.95; 2027 = 10.05 (the 27.6 of book value is not cash and stays out).
  const cash = providerCash(rows(2026, 11, 11), costs);
  assertInDelta(bn(cash, "gw"), [1, 1]);
  assertInDelta(bn(cash, "capex"), [40, 0]);
  assertInDelta(bn(cash, "depreciation"), [6.2, 6.2]);
  assertInDelta(bn(cash, "cashOpex"), [0.95, 0.95]);
  assertInDelta(bn(cash, "residual"), [0, 27.6]);
  assertInDelta(bn(cash, "cash"), [-29.95, 10.05]);
  // The accounting view is the operating profit the flows imply: 11 − 0.95 − 6.2 = 3.85 a year, a margin of
  // (11 − 0.95 − 6.2) ÷ 11 = 35.0%, printed beside the provider's reported one (which sets nothing here).
  assertInDelta(bn(cash, "operatingProfit"), [3.85, 3.85]);
  // The price per GW-year does not move the running cost of a GW.
  assertInDelta(bn(providerCash(rows(2026, 15, 15), {...costs, revenuePerGwYearUsd: 15e9}), "cashOpex"), [0.95, 0.95]);
});

it("providerCash(…) hand-check: the energy line is price × load × 8,760 h per GW of facility power", () => {
  // $70/MWh at 80%: 1,000 MW × 8,760 h × 0.8 × 70 = $490.56M; at $100: $700.8M, i.e. $210.24M a GW-year more.
  const base = energyCostPerGwYear({"load-factor": 0.8, "power-price": 70});
  const dear = energyCostPerGwYear({"load-factor": 0.8, "power-price": 100});
  assertInDelta(base / 1e9, 0.49056);
  assertInDelta((dear - base) / 1e9, 0.21024);
  const a = providerCash(rows(2026, 11, 11), {...costs, energyPerGwYearUsd: base});
  const b = providerCash(rows(2026, 11, 11), {...costs, energyPerGwYearUsd: dear});
  assertInDelta(bn(b, "cashOpex")[1] - bn(a, "cashOpex")[1], 0.21024);
});

it("providerCash(…) replaces IT at the end of its life, and over the term cash + book value left = the implied operating profit", () => {
  // Seven years of $11B, 1 GW, capex 40 (IT 28, facility 12). IT bought in 2026 and again in 2031 (share 0: renewed with 2 years left).
  // Cash: 11 − 0.95 = 10.05 a year, − 40 in 2026, − 28 in 2031. Residual at the end of 2032: facility 12 × 13/20 = 7.8; the
  // 2031 IT 28 × 3/5 = 16.8: 24.6.
  const cash = providerCash(rows(2026, 11, 11, 11, 11, 11, 11, 11), costs);
  assertInDelta(bn(cash, "capex"), [40, 0, 0, 0, 0, 28, 0]);
  assertInDelta(bn(cash, "cash"), [-29.95, 10.05, 10.05, 10.05, 10.05, -17.95, 10.05]);
  assertInDelta(bn(cash, "residual"), [0, 0, 0, 0, 0, 0, 24.6]);
  // Σ cash + residual = 7 × 10.05 − 68 + 24.6 = 26.95 = Σ implied operating profit (7 × (11 − 0.95 − 6.2) = 26.95).
  assertInDelta(total(cash) + 24.6, 26.95);
  assertInDelta(total(cash, "operatingProfit"), 26.95);
});

it("providerCash(…) spends capex only on capacity above the previous peak", () => {
  // Spend 5.5, 11, 11, 5.5: 0.5, 1, 1, 0.5 GW; capex 0.5 × 40 in 2026 and in 2027, none when the capacity falls.
  const cash = providerCash(rows(2026, 5.5, 11, 11, 5.5), costs);
  assertInDelta(bn(cash, "capex"), [20, 20, 0, 0]);
  assertInDelta(bn(cash, "cashOpex"), [0.475, 0.95, 0.95, 0.475]);
});

it("providerCash(perYear, {…, gw}) sizes capex and running costs to the delivered GW, not to the spend", () => {
  // The provider delivers 2 GW, then 5 GW: capex 2 × 40 in 2026 and 3 × 40 in 2027; cash opex 2 × 0.95, 5 × 0.95.
  const cash = providerCash(rows(2026, 11, 11), {...costs, gw: [2, 5]});
  assertInDelta(bn(cash, "gw"), [2, 5]);
  assertInDelta(bn(cash, "capex"), [80, 120]);
  assertInDelta(bn(cash, "cashOpex"), [1.9, 4.75]);
  assertInDelta(bn(cash, "cash"), [11 - 1.9 - 80, 11 - 4.75 - 120]);
  assert.throws(() => providerCash(rows(2026, 11, 11), {...costs, gw: [1]}), /invalid gw: 1 values for 2 years/);
});

it("providerCash([], costs) is empty, and providerCash rejects invalid costs and gaps", () => {
  assert.deepStrictEqual(providerCash([], costs), []);
  assert.throws(() => providerCash(rows(2026, 1), {...costs, revenuePerGwYearUsd: 0}), /invalid revenuePerGwYearUsd: 0/);
  assert.throws(() => providerCash(rows(2026, 1), {...costs, itLife: 0}), /invalid itLife: 0/);
  assert.throws(() => providerCash(rows(2026, 1), {...costs, energyPerGwYearUsd: -1}), /invalid energyPerGwYearUsd/);
  assert.throws(() => providerCash(rows(2026, 1), {...costs, siteOpexPerGwYearUsd: Number.NaN}), /invalid siteOpexPerGwYearUsd/);
  assert.throws(() => providerCash(rows(2026, 1), {...costs, assetChargeRate: -0.1}), /invalid assetChargeRate/);
  assert.throws(() => providerCash(rows(2026, 1), {...costs, oldKitPriceShare: 1.1}), /invalid oldKitPriceShare/);
  assert.throws(() => providerCash([...rows(2026, 1), ...rows(2028, 1)], costs), /invalid perYear/);
});

it("providerCash(…) hand-check: a longer drawn life buys less, never changes the running costs", () => {
  const spend = rows(2026, 11, 11, 11, 11, 11, 11, 11);
  // IT life 4: IT bought in 2026 and 2030 (28 each): 7 × 10.05 − 40 − 28 = 2.35.
  const short = providerCash(spend, {...costs, itLife: 4});
  assertInDelta(bn(short, "cashOpex"), new Array(7).fill(0.95));
  assertInDelta(total(short), 2.35);
  // IT life 8: never replaced within the term: 7 × 10.05 − 40 = 30.35.
  assertInDelta(total(providerCash(spend, {...costs, itLife: 8})), 30.35);
  // The facility life moves only the book value left, never cash.
  assertInDelta(total(providerCash(spend, {...costs, facilityLife: 40})), total(providerCash(spend, costs)));
});

it("providerCash(…, {facilityLeaseYears, rentPerGwYearUsd}) hand-check: a lessee buys only IT, pays rent each year and the rent owed after the term", () => {
  // Three years of $13B on 1 GW, capex 40 (IT 28), 15-year leases at $1.4B per GW-year.
  // Cash opex: 0.49 + 0.26 + 0.005 × 28 (the IT it owns; the shell's tax is the landlord's) + 1.4 = 2.29 a year.
  // After the term: 12 years of rent owed, 12 × 1.4 = 16.8 undiscounted, paid in 2028.
  // Cash: 2026 13 − 2.29 − 28 = −17.29; 2027 10.71; 2028 10.71 − 16.8 = −6.09. Residual: IT 28 × 2/5 = 11.2, + 16.8 of use.
  const lessee = {...costs, revenuePerGwYearUsd: 13e9, facilityLeaseYears: 15, rentPerGwYearUsd: 1.4e9};
  const spend = rows(2026, 13, 13, 13);
  const cash = providerCash(spend, lessee);
  assertInDelta(bn(cash, "capex"), [28, 0, 0]);
  assertInDelta(bn(cash, "cashOpex"), [2.29, 2.29, 2.29]);
  assertInDelta(
    cash.map((d) => d.leaseTail / 1e9),
    [0, 0, 16.8]
  );
  assertInDelta(bn(cash, "cash"), [-17.29, 10.71, -6.09]);
  assertInDelta(bn(cash, "residual"), [0, 0, 28]);
  // Implied operating profit a year: 13 − 2.29 − 28 ÷ 5 = 5.11, a margin of 5.11 ÷ 13 = 39.3%.
  assertInDelta(bn(cash, "operatingProfit"), [5.11, 5.11, 5.11]);
  // At 10% the 12 years are worth 1.4 × (1 − 1.1^−12) ÷ 0.1 = 1.4 × 6.8136918 = 9.5391686 at the term's end.
  assertInDelta(providerCash(spend, {...lessee, leaseDiscountRate: 0.1})[2].leaseTail / 1e9, 9.5391686);
  // A lease no longer than the term leaves nothing owed after it; an owner ignores the rent.
  assertInDelta(
    providerCash(spend, {...lessee, facilityLeaseYears: 3}).map((d) => d.leaseTail),
    [0, 0, 0]
  );
  assertInDelta(providerCash(rows(2026, 11), {...costs, rentPerGwYearUsd: 1.4e9})[0].cashOpex / 1e9, 0.95);
  assert.throws(() => providerCash(spend, {...lessee, facilityLeaseYears: 0}), /invalid facilityLeaseYears: 0/);
  assert.throws(() => providerCash(spend, {...lessee, leaseDiscountRate: -0.1}), /invalid leaseDiscountRate/);
});

it("providerCash(…, {renewShare, oldKitPriceShare}) hand-check: kit run past its life earns a share of the price", () => {
  // 1 GW at $11B a year; capex 40 (IT 28) in 2026; IT life 5, so the kit is due again in 2031 (index 5).
  const flat = (years: number) => rows(2026, ...new Array(years).fill(11));
  // 7 years (2026–2032): 2 years left in 2031 < 0.5 × 5 = 2.5, so no renewal; the 2026 kit runs to 2032, 2 years past its
  // life. At 70% of the price, 2031 and 2032 each give up 11 × 0.3 = 3.3: cash 10.05 − 3.3 = 6.75.
  const sweat = providerCash(flat(7), {...costs, renewShare: 0.5, oldKitPriceShare: 0.7});
  assertInDelta(bn(sweat, "capex"), [40, 0, 0, 0, 0, 0, 0]);
  assertInDelta(bn(sweat, "oldKitDiscount"), [0, 0, 0, 0, 0, 3.3, 3.3]);
  assertInDelta(bn(sweat, "cash"), [-29.95, 10.05, 10.05, 10.05, 10.05, 6.75, 6.75]);
  // Residual: facility 12 × 13/20 = 7.8; the old IT is written off (0).
  assertInDelta(bn(sweat, "residual").at(-1) as number, 7.8);
  // Share 0 renews with 2 years left: 28 in 2031, nothing given up; cash differs by 28 − 2 × 3.3 = 21.4 over the term.
  const renew = providerCash(flat(7), {...costs, oldKitPriceShare: 0.7});
  assertInDelta(bn(renew, "capex"), [40, 0, 0, 0, 0, 28, 0]);
  assertInDelta(bn(renew, "oldKitDiscount"), new Array(7).fill(0));
  assertInDelta(total(sweat) - total(renew), 21.4);
  // At the full price (the rule before s8) running on gives up nothing.
  assertInDelta(total(providerCash(flat(7), {...costs, renewShare: 0.5})) - total(renew), 28);
  // 8 years: 3 years left in 2031 ≥ 2.5, so it renews; residual 12 × 12/20 + 28 × 2/5 = 7.2 + 11.2 = 18.4.
  const eight = providerCash(flat(8), {...costs, renewShare: 0.5, oldKitPriceShare: 0.7});
  assertInDelta(bn(eight, "capex"), [40, 0, 0, 0, 0, 28, 0, 0]);
  assertInDelta(bn(eight, "residual").at(-1) as number, 18.4);
  assertInDelta(bn(eight, "oldKitDiscount"), new Array(8).fill(0));
  // A life of 4.5 years: the 2026 kit is past its life for half of 2030 (index 4), then in full.
  const half = providerCash(flat(6), {...costs, itLife: 4.5, renewShare: 0.6, oldKitPriceShare: 0.5});
  assertInDelta(bn(half, "oldKitDiscount"), [0, 0, 0, 0, 11 * 0.5 * 0.5, 11 * 0.5]);
  // Two tranches, one past its life: 1 GW from 2026, 1 more from 2028, 7 years, no renewal (share 0.6 × 5 = 3 > 2 years left).
  // In 2031–32 half the installed kit is past its life: 22 × 0.5 × 0.3 = 3.3 given up each year.
  const two = providerCash(rows(2026, 11, 11, 22, 22, 22, 22, 22), {...costs, renewShare: 0.6, oldKitPriceShare: 0.7});
  assertInDelta(bn(two, "oldKitDiscount"), [0, 0, 0, 0, 0, 3.3, 3.3]);
  // The GW-years run on that kit (s16 critic #8, so the discount reconciles by hand): 2 GW × a half = 1 in 2031–32, and
  // 1 × $11B × (1 − 0.7) = 3.3 each year.
  assert.deepEqual(
    two.map((y) => y.oldKitGw),
    [0, 0, 0, 0, 0, 1, 1]
  );
  assert.throws(() => providerCash(flat(2), {...costs, renewShare: 1.5}), /invalid renewShare/);
  // A longer drawn life never buys more: over 4–6 years (step 0.25) the IT capex of a 9-year term does not rise.
  const capexAt = (itLife: number) => bn(providerCash(flat(9), {...costs, itLife, renewShare: 0.5}), "capex").reduce((a, b) => a + b, 0);
  for (let life = 4; life < 6; life += 0.25) assert.isAtMost(capexAt(life + 0.25), capexAt(life) + 1e-9, `life ${life}`);
});

it("itRenewalText(itLife, share, oldKitPriceShare) states the renewal rule and the old kit's price", () => {
  assert.strictEqual(itRenewalText(5, 0), "IT replaced every 5 years while the term lasts");
  assert.strictEqual(
    itRenewalText(5, 0.5),
    "IT replaced every 5 years only while the term left covers at least 50% of a new generation's life (2.5 years); after that the kit in use runs on to the term's end"
  );
  assert.strictEqual(
    itRenewalText(5, 0.5, 0.7),
    "IT replaced every 5 years only while the term left covers at least 50% of a new generation's life (2.5 years); after that the kit in use runs on to the term's end, the capacity past its life earning 70% of the contract price"
  );
});

it("providerCash(…, {laterCapex}) prices what is bought from its year on at the later capex per GW: new capacity, its IT, and IT renewed then", () => {
  const costs = {
    capexPerGwUsd: 40e9,
    itShare: 0.7,
    itLife: 2,
    facilityLife: 20,
    revenuePerGwYearUsd: 10e9,
    energyPerGwYearUsd: 0,
    siteOpexPerGwYearUsd: 0
  };
  // 1 GW in 2026, 2 GW from 2027 (spend ÷ 10), IT life 2 years, so 2026's IT is renewed in 2028.
  const spend = [2026, 2027, 2028].map((year, i) => ({year, usd: (i === 0 ? 1 : 2) * 10e9}));
  const flat = providerCash(spend, costs);
  // Flat: 2026 1 GW × 40 = 40; 2027 1 GW × 40 = 40; 2028 renews 2026's IT: 1 × 40 × 0.7 = 28.
  assertInDelta(
    flat.map((y) => y.capex / 1e9),
    [40, 40, 28]
  );
  const later = providerCash(spend, {...costs, laterCapex: {fromYear: 2027, capexPerGwUsd: 55e9}});
  // From 2027 at 55: 2026 still 40; 2027 1 GW × 55 = 55 (facility 16.5 + IT 38.5); 2028 renewal 1 × 55 × 0.7 = 38.5.
  assertInDelta(
    later.map((y) => y.capex / 1e9),
    [40, 55, 38.5]
  );
  // Cash moves by the capex alone: 2027's cash is 20 − 55 = −35, against 20 − 40 = −20.
  assertInDelta(later[1].cash / 1e9, -35);
  assertInDelta(flat[1].cash / 1e9, -20);
  assert.throws(() => providerCash(spend, {...costs, laterCapex: {fromYear: 2027.5, capexPerGwUsd: 55e9}}), /invalid laterCapex/);
});
