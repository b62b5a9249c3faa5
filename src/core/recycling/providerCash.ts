import type {YearUsd} from "../commitment/spendByYear.js";
import {numberText} from "../format/numbers.js";
import {pct} from "../format/units.js";

/** What it costs a provider to deliver capacity, in USD and years. */
export interface ProviderCosts {
  /** The provider's operating margin on the lab's spend, 0–1 (accounting: after depreciation). */
  margin: number;
  /** All-in capex per GW of facility power, facility and IT (chips included), USD. */
  capexPerGwUsd: number;
  /** IT (servers, accelerators, network) share of the capex, 0–1. */
  itShare: number;
  /** Years over which IT is depreciated, and after which it is replaced while the capacity is still in use. */
  itLife: number;
  /**
   * The share (0–1) of a new IT generation's life that must still be under contract for the provider to renew the IT
   * when the old kit reaches `itLife`: a replacement due with fewer years of the term left than `renewShare` × `itLife`
   * is not bought, and the kit in use is kept running to the term's end (no cost counted for running it longer).
   * 0 (the default) renews whenever the term has a year left.
   */
  renewShare?: number;
  /**
   * Cash operating costs per GW-year above (below, if negative) those the margin was reported with, USD: the energy
   * at the drawn power price and load against that at their base values. Added to every year's cash costs, floor
   * included. Default 0.
   */
  energyDeltaPerGwYearUsd?: number;
  /** Years over which the facility (shell, power, cooling) is depreciated. */
  facilityLife: number;
  /**
   * Lives (years) at which the provider's reported margin depreciates its fleet (IT, facility): the margin's cash
   * reading adds back the depreciation of the capacity in use at these lives, so the drawn `itLife` and
   * `facilityLife` move only when capex is spent (replacements) and what is left at the end, never the cash costs.
   * Default: `itLife` and `facilityLife`.
   */
  referenceLives?: {it: number; facility: number};
  /**
   * The IT share the margin's cash reading adds depreciation back at (with `referenceLives`): the drawn `itShare` then
   * moves only what is bought (IT replacements, a lessee's capex) and what is left, never the cash costs, so a higher
   * IT share never lowers the cash costs below what the margin was reported with. Default: `itShare`.
   */
  referenceItShare?: number;
  /** What the lab pays per GW-year of capacity, USD: turns each year's spend into the GW it keeps busy. */
  revenuePerGwYearUsd: number;
  /** Cash operating costs per GW-year that no margin can go below (power, staff, maintenance), USD. */
  opexFloorPerGwYearUsd: number;
  /**
   * The GW the provider delivers in each year of `perYear` (same order and length), when the deal schedules its
   * capacity: capex is then sized to these GW, not to spend ÷ revenue per GW-year. Default: spend ÷ revenue per GW-year.
   */
  gw?: readonly number[];
  /**
   * Years of the provider's facility leases, when it leases the facility (shell, power, cooling) and buys only the IT;
   * absent (the default) when it builds and owns. A lessee's capex is the IT share alone (bought and replaced as usual),
   * nothing of the facility is depreciated or added back, and its rent is a cash operating cost inside its margin (a
   * lessee's reported margin is after its rent), never below the rent × GW. The rent is the facility's straight-line
   * cost at the reference facility life (capex per GW × (1 − IT share) ÷ that life). Each GW's lease starts the year
   * the GW is first used; the rent still owed on it after the term (the lease's years left, each year's rent discounted
   * to the term's last year at `leaseDiscountRate`) is paid in cash in the last year, and counted back in `residual`
   * as the value of using the facility for those years (not cash).
   */
  facilityLeaseYears?: number;
  /**
   * A lessee's rent per GW-year of facility power, USD: in its cash-cost floor and in the rent still owed after the
   * term. Default: the facility's straight-line cost, capex per GW × (1 − IT share) ÷ the reference facility life.
   */
  rentPerGwYearUsd?: number;
  /**
   * The yearly rate (0–1) the rent owed after the term is discounted at to the term's last year: the NPV's discount
   * rate, so that rent paid over the lease's remaining years is not charged at its nominal sum. Default 0 (nominal).
   */
  leaseDiscountRate?: number;
}

/** One year of the provider's economics on a deal, USD (GW for `gw`). */
export interface ProviderCashYear {
  year: number;
  /** The lab's spend: the provider's revenue. */
  revenue: number;
  /** Capacity in use: the delivered GW when given, else what the spend keeps busy (revenue ÷ revenue per GW-year). */
  gw: number;
  /** Capex spent this year: new capacity at capex per GW, plus IT replaced at the end of its life. */
  capex: number;
  /** Straight-line depreciation of the capex (accounting only; never subtracted from cash). */
  depreciation: number;
  /**
   * Cash operating costs: revenue × (1 − margin) − GW × capex per GW × (it share ÷ reference IT life + (1 − it
   * share) ÷ reference facility life), i.e. the margin read as a cash (EBITDA-style) margin, never below the floor × GW;
   * then + GW × `energyDeltaPerGwYearUsd` (power at the drawn price and load against the base ones), never below 0.
   */
  cashOpex: number;
  /**
   * Book value of what is left at the end of the term (last year only): the provider keeps it; not cash. For a lessee,
   * also the rent still owed after the term, as the value of the facility's use for those years.
   */
  residual: number;
  /**
   * A lessee's rent still owed after the term on its facility leases, valued at the term's last year (discounted at
   * `leaseDiscountRate`; last year only, in `cash`); 0 for an owner.
   */
  leaseTail: number;
  /** Accounting view: revenue × margin. */
  operatingProfit: number;
  /**
   * The operating profit the cash costs imply: revenue − cash opex − the depreciation added back (GW × capex per GW ×
   * the reference lives' rates); equal to `operatingProfit` unless the floor binds or power is off its base.
   */
  impliedOperatingProfit: number;
  /** Cash: revenue − cash operating costs − capex − a lessee's rent owed after the term (the residual is not cash and stays out). */
  cash: number;
}

/**
 * Returns the provider's cash on a lab's spend, year by year: the capacity the spend keeps busy (spend ÷ revenue
 * per GW-year), the capex to build it in the year it is first used (capex per GW on each GW added above the
 * previous peak) with its IT replaced every `itLife` years while the term left covers `renewShare` of a new
 * generation's life (else the kit in use runs on to the term's end), the cash operating costs that the
 * provider's operating margin implies once the depreciation of the capacity in use is added back at the reference
 * lives (revenue × (1 − margin) − GW × capex per GW × (it share ÷ IT life + (1 − it share) ÷ facility life), floored at
 * `opexFloorPerGwYearUsd` × GW: the margin read as a cash margin, so a longer drawn life never raises cash costs, then
 * moved by `energyDeltaPerGwYearUsd` × GW: the margin is read at the base power price and load), and in the last year the straight-line book value of
 * what is left (`residual`, not cash). Cash = revenue − cash opex − capex; neither depreciation nor the residual
 * enters it. With no floor binding and the drawn lives equal to the reference ones, undiscounted cash + residual is
 * close to the operating profit (exactly so once the capacity is fully built; only the timing differs). With `gw` (the delivered capacity, one value per row), capex is sized to those GW instead of to the
 * spend. `perYear` must hold one row per year, in order. Throws `invalid <field>:` for a value out of range.
 *
 * @example providerCash([{year: 2026, usd: 11e9}, {year: 2027, usd: 11e9}], {margin: 0.35, capexPerGwUsd: 50e9, itShare: 0.7, itLife: 5, facilityLife: 20, revenuePerGwYearUsd: 11e9, opexFloorPerGwYearUsd: 0.8e9})
 * // 2026: 1 GW, capex 50e9, add-back 50e9 × (0.7 ÷ 5 + 0.3 ÷ 20) = 7.75e9, cash opex max(7.15e9 − 7.75e9, 0.8e9) = 0.8e9, cash 11 − 0.8 − 50 = −39.8e9
 */
export function providerCash(perYear: readonly YearUsd[], costs: ProviderCosts): ProviderCashYear[] {
  const {margin, capexPerGwUsd, itShare, itLife, facilityLife, revenuePerGwYearUsd, opexFloorPerGwYearUsd} = costs;
  if (!(margin >= 0 && margin <= 1)) throw new Error(`invalid margin: ${margin}`);
  if (!(capexPerGwUsd >= 0)) throw new Error(`invalid capexPerGwUsd: ${capexPerGwUsd}`);
  if (!(itShare >= 0 && itShare <= 1)) throw new Error(`invalid itShare: ${itShare}`);
  if (!(itLife > 0)) throw new Error(`invalid itLife: ${itLife}`);
  if (!(facilityLife > 0)) throw new Error(`invalid facilityLife: ${facilityLife}`);
  if (!(revenuePerGwYearUsd > 0)) throw new Error(`invalid revenuePerGwYearUsd: ${revenuePerGwYearUsd}`);
  if (!(opexFloorPerGwYearUsd >= 0)) throw new Error(`invalid opexFloorPerGwYearUsd: ${opexFloorPerGwYearUsd}`);
  const renewShare = costs.renewShare ?? 0;
  if (!(renewShare >= 0 && renewShare <= 1)) throw new Error(`invalid renewShare: ${renewShare}`);
  const energyDelta = costs.energyDeltaPerGwYearUsd ?? 0;
  if (!Number.isFinite(energyDelta)) throw new Error(`invalid energyDeltaPerGwYearUsd: ${energyDelta}`);
  const n = perYear.length;
  if (!n) return [];
  const {gw: delivered} = costs;
  if (delivered && delivered.length !== n) throw new Error(`invalid gw: ${delivered.length} values for ${n} years`);
  const reference = costs.referenceLives ?? {it: itLife, facility: facilityLife};
  if (!(reference.it > 0 && reference.facility > 0)) throw new Error(`invalid referenceLives: ${reference.it}, ${reference.facility}`);
  const leaseYears = costs.facilityLeaseYears;
  if (leaseYears !== undefined && !(leaseYears > 0)) throw new Error(`invalid facilityLeaseYears: ${leaseYears}`);
  const leased = leaseYears !== undefined;
  const leaseRate = costs.leaseDiscountRate ?? 0;
  if (!(leaseRate >= 0)) throw new Error(`invalid leaseDiscountRate: ${leaseRate}`);
  // Rent of 1 a year for m more years, paid at each year's end, valued at the term's last year: the annuity factor.
  const owed = (m: number) => (m <= 0 ? 0 : leaseRate > 0 ? (1 - (1 + leaseRate) ** -m) / leaseRate : m);
  // A year's depreciation of one GW in use at the lives the margin was reported with: what the margin's cash reading
  // adds back. A lessee depreciates only its IT: its facility cost is rent, a cash cost its margin is already after.
  const facilityPerGw = (capexPerGwUsd * (1 - itShare)) / reference.facility;
  const refShare = costs.referenceItShare ?? itShare;
  if (!(refShare >= 0 && refShare <= 1)) throw new Error(`invalid referenceItShare: ${refShare}`);
  const depreciationPerGw =
    (capexPerGwUsd * refShare) / reference.it + (leased ? 0 : (capexPerGwUsd * (1 - refShare)) / reference.facility);
  // The least cash a GW in use costs a year: power, staff and maintenance, and for a lessee its rent, taken as what the
  // facility costs its landlord a year (its capex at the reference facility life).
  const rentPerGw = costs.rentPerGwYearUsd ?? facilityPerGw;
  if (!(rentPerGw >= 0)) throw new Error(`invalid rentPerGwYearUsd: ${rentPerGw}`);
  const floorPerGw = opexFloorPerGwYearUsd + (leased ? rentPerGw : 0);
  let leaseTail = 0;
  const gwAt = (i: number) => (delivered ? delivered[i] : perYear[i].usd / revenuePerGwYearUsd);
  const first = perYear[0].year;
  // Plain arrays, not Float64Array: a typed array costs about ten times more to allocate, and this runs per draw.
  const capex = new Array<number>(n).fill(0);
  const depreciation = new Array<number>(n).fill(0);
  let residual = 0;
  // A purchase of `usd` in year index i, written off straight-line over `life` years (the last one partial).
  const buy = (i: number, usd: number, life: number) => {
    capex[i] += usd;
    for (let j = i; j < n; ++j) depreciation[j] += (usd * Math.max(0, Math.min(1, i + life - j))) / life;
    residual += usd * Math.max(0, 1 - (n - i) / life);
  };
  let peak = 0;
  for (let i = 0; i < n; ++i) {
    const added = Math.max(0, gwAt(i) - peak);
    if (!(added > 0)) continue;
    peak += added;
    if (!leased) buy(i, added * capexPerGwUsd * (1 - itShare), facilityLife);
    else leaseTail += added * rentPerGw * owed(i + (leaseYears as number) - n);
    // IT is bought with the capacity and replaced at the end of each life while the term still covers `renewShare` of
    // the new kit's life (n − j years left, year j included); past that, the kit in use runs on to the term's end.
    buy(i, added * capexPerGwUsd * itShare, itLife);
    for (let t = itLife; Math.floor(i + t) < n && n - Math.floor(i + t) >= renewShare * itLife; t += itLife)
      buy(Math.floor(i + t), added * capexPerGwUsd * itShare, itLife);
  }
  const rows: ProviderCashYear[] = new Array(n);
  for (let i = 0; i < n; ++i) {
    const {year, usd: revenue} = perYear[i];
    if (year !== first + i) throw new Error(`invalid perYear: not one row per year from ${first}`);
    const gw = gwAt(i);
    if (!(gw >= 0)) throw new Error(`invalid gw: ${gw} in ${year}`);
    const cashOpex = Math.max(0, Math.max(revenue * (1 - margin) - gw * depreciationPerGw, gw * floorPerGw) + gw * energyDelta);
    const last = i === n - 1;
    const tail = last ? leaseTail : 0;
    rows[i] = {
      year,
      revenue,
      gw,
      capex: capex[i],
      depreciation: depreciation[i],
      cashOpex,
      residual: last ? residual + leaseTail : 0,
      leaseTail: tail,
      operatingProfit: revenue * margin,
      impliedOperatingProfit: revenue - cashOpex - gw * depreciationPerGw,
      cash: revenue - cashOpex - capex[i] - tail
    };
  }
  return rows;
}

/**
 * Returns the IT renewal rule in words, for a capex card or the CLI: "IT replaced every 5 years while the term lasts"
 * (share 0), else only while the term left covers `share` of the new kit's life, the kit in use running on otherwise.
 *
 * @example itRenewalText(5, 0.5) // "IT replaced every 5 years only while the term left covers at least 50% of a new generation's life (2.5 years); after that the kit in use runs on to the term's end"
 */
export function itRenewalText(itLife: number, share: number): string {
  const every = `IT replaced every ${numberText(itLife)} years`;
  if (!(share > 0)) return `${every} while the term lasts`;
  return `${every} only while the term left covers at least ${pct(share)} of a new generation's life (${numberText(share * itLife)} years); after that the kit in use runs on to the term's end`;
}
