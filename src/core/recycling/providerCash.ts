import type {YearUsd} from "../commitment/spendByYear.js";
import {numberText} from "../format/numbers.js";
import {pct} from "../format/units.js";

/** What it costs a provider to deliver capacity, in USD and years. */
export interface ProviderCosts {
  /** All-in capex per GW of facility power, facility and IT (chips included), USD. */
  capexPerGwUsd: number;
  /** IT (servers, accelerators, network) share of the capex, 0–1. */
  itShare: number;
  /** Years over which IT is depreciated, and after which it is replaced while the capacity is still in use. */
  itLife: number;
  /**
   * The share (0–1) of a new IT generation's life that must still be under contract for the provider to renew the IT
   * when the old kit reaches `itLife`: a replacement due with fewer years of the term left than `renewShare` × `itLife`
   * is not bought, and the kit in use is kept running to the term's end, earning `oldKitPriceShare` of the price.
   * 0 (the default) renews whenever the term has a year left.
   */
  renewShare?: number;
  /**
   * The share (0–1) of the contract price a GW-year of kit past its IT life earns (default 1): in a year where part of
   * the capacity runs on kit past its life, that part of the lab's spend is cut to this share (the provider gives the
   * rest back as a price cut, or as more capacity at the same cost to it), so running old kit is not free.
   */
  oldKitPriceShare?: number;
  /** Years over which the facility (shell, power, cooling) is depreciated. */
  facilityLife: number;
  /** What the lab pays per GW-year of capacity, USD: turns each year's spend into the GW it keeps busy. */
  revenuePerGwYearUsd: number;
  /** Electricity per GW-year of facility power in use, USD: price × load × 8,760 hours (facility power: cooling included). */
  energyPerGwYearUsd: number;
  /** Staff, maintenance, repair and network per GW-year of facility power in use, USD. */
  siteOpexPerGwYearUsd: number;
  /**
   * Property tax and insurance a year, as a share (0–1) of the capex per GW the provider owns (all of it for an owner,
   * the IT for a lessee, whose landlord pays the shell's in the rent), per GW in use. Default 0.
   */
  assetChargeRate?: number;
  /**
   * The GW the provider delivers in each year of `perYear` (same order and length), when the deal schedules its
   * capacity: capex is then sized to these GW, not to spend ÷ revenue per GW-year. Default: spend ÷ revenue per GW-year.
   */
  gw?: readonly number[];
  /**
   * The GW that come online in each year of `perYear` (same order and length), when the capacity is built ahead of its
   * use (a build-out, {@link buildOut}): capex (and each GW's IT renewals and lease) then follows these, not the rises
   * of `gw`, while `gw` stays the capacity in use (its running costs). Default: the rises of `gw` above its peak.
   */
  builtGw?: readonly number[];
  /**
   * When the use ends, as a decimal year (e.g. 2032.12), for the IT renewal rule's "term left": a replacement due in
   * year y is bought only while this − y ≥ `renewShare` × `itLife`. Default: the end of the last row (first year + rows),
   * which counts a last, partial year whole.
   */
  useEndYear?: number;
  /**
   * Years of the provider's facility leases, when it leases the facility (shell, power, cooling) and buys only the IT;
   * absent (the default) when it builds and owns. A lessee's capex is the IT share alone (bought and replaced as usual),
   * nothing of the facility is depreciated, and its rent × GW in use is a cash operating cost each year. Each GW's
   * lease starts the year the GW is first used; the rent still owed on it after the term (the lease's years left, each
   * year's rent discounted to the term's last year at `leaseDiscountRate`) is paid in cash in the last year, and
   * counted back in `residual` as the value of using the facility for those years (not cash).
   */
  facilityLeaseYears?: number;
  /**
   * A lessee's rent per GW-year of facility power, USD. Default: the facility's straight-line cost, capex per GW ×
   * (1 − IT share) ÷ the facility life.
   */
  rentPerGwYearUsd?: number;
  /**
   * The yearly rate (0–1) the rent owed after the term is discounted at to the term's last year: the NPV's discount
   * rate, so that rent paid over the lease's remaining years is not charged at its nominal sum. Default 0 (nominal).
   */
  leaseDiscountRate?: number;
  /**
   * A later price for what is bought from `fromYear` on (capacity built then and IT renewed then), USD per GW all-in;
   * absent (the default), every purchase costs `capexPerGwUsd`, flat in nominal dollars whatever its year. A
   * sensitivity of that flat price, not a forecast: running costs keep `capexPerGwUsd` (property tax and insurance).
   */
  laterCapex?: {fromYear: number; capexPerGwUsd: number};
}

/** One year of the provider's economics on a deal, USD (GW for `gw`). */
export interface ProviderCashYear {
  year: number;
  /** The lab's spend: the provider's revenue before any price cut on kit past its life. */
  revenue: number;
  /** Capacity in use: the delivered GW when given, else what the spend keeps busy (revenue ÷ revenue per GW-year). */
  gw: number;
  /** Capex spent this year: new capacity at capex per GW, plus IT replaced at the end of its life. */
  capex: number;
  /** Straight-line depreciation of the capex (accounting only; never subtracted from cash). */
  depreciation: number;
  /**
   * Revenue given up on kit past its IT life: revenue × the share of the installed kit past its life × (1 − old-kit
   * price share).
   */
  oldKitDiscount: number;
  /**
   * GW-years of the year's use run on kit past its IT life: gw × the share of the installed kit past its life, so
   * oldKitDiscount = oldKitGw × revenue per GW-year × (1 − old-kit price share) (the lab's spend is gw × that price).
   */
  oldKitGw: number;
  /**
   * Cash operating costs, from physical inputs: GW × (energy + staff, maintenance and network + property tax and
   * insurance on the capex owned per GW), + GW × rent for a lessee. Neither the margin nor the price moves them.
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
  /**
   * Accounting view, not cash: the operating profit the flows imply, revenue − old-kit discount − cash opex −
   * depreciation (the provider's reported margin is a check beside Σ of it ÷ Σ revenue, never an input).
   */
  operatingProfit: number;
  /**
   * Cash: revenue − old-kit discount − cash operating costs − capex − a lessee's rent owed after the term (the residual
   * is not cash and stays out).
   */
  cash: number;
}

/**
 * Returns the provider's cash on a lab's spend, year by year: the capacity the spend keeps busy (spend ÷ revenue
 * per GW-year), the capex to build it in the year it is first used (capex per GW on each GW added above the
 * previous peak) with its IT replaced every `itLife` years while the term left covers `renewShare` of a new
 * generation's life (else the kit in use runs on to the term's end, the share of the capacity past its life earning
 * `oldKitPriceShare` of the price), the cash operating costs from physical inputs (energy, staff and maintenance,
 * property tax and insurance, a lessee's rent: per GW in use, whatever the margin or the price), and in the last year
 * the straight-line book value of what is left (`residual`, not cash). Cash = revenue − old-kit discount − cash opex −
 * capex; neither depreciation nor the residual enters it. The accounting view (`operatingProfit`) is revenue − old-kit
 * discount − cash opex − depreciation; the margin the flows imply is Σ of it ÷ Σ revenue. With `gw` (the delivered capacity, one value per
 * row), capex is sized to those GW instead of to the spend. `perYear` must hold one row per year, in order. Throws
 * `invalid <field>:` for a value out of range.
 *
 * @example providerCash([{year: 2026, usd: 11e9}, {year: 2027, usd: 11e9}], {capexPerGwUsd: 40e9, itShare: 0.7, itLife: 5, facilityLife: 20, revenuePerGwYearUsd: 11e9, energyPerGwYearUsd: 0.49e9, siteOpexPerGwYearUsd: 0.26e9, assetChargeRate: 0.005})
 * // 2026: 1 GW, capex 40e9, cash opex 0.49 + 0.26 + 0.005 × 40 = 0.95e9, cash 11 − 0.95 − 40 = −29.95e9
 */
export function providerCash(perYear: readonly YearUsd[], costs: ProviderCosts): ProviderCashYear[] {
  const {capexPerGwUsd, itShare, itLife, facilityLife, revenuePerGwYearUsd, energyPerGwYearUsd, siteOpexPerGwYearUsd} = costs;
  if (!(capexPerGwUsd >= 0)) throw new Error(`invalid capexPerGwUsd: ${capexPerGwUsd}`);
  if (!(itShare >= 0 && itShare <= 1)) throw new Error(`invalid itShare: ${itShare}`);
  if (!(itLife > 0)) throw new Error(`invalid itLife: ${itLife}`);
  if (!(facilityLife > 0)) throw new Error(`invalid facilityLife: ${facilityLife}`);
  if (!(revenuePerGwYearUsd > 0)) throw new Error(`invalid revenuePerGwYearUsd: ${revenuePerGwYearUsd}`);
  if (!(energyPerGwYearUsd >= 0)) throw new Error(`invalid energyPerGwYearUsd: ${energyPerGwYearUsd}`);
  if (!(siteOpexPerGwYearUsd >= 0)) throw new Error(`invalid siteOpexPerGwYearUsd: ${siteOpexPerGwYearUsd}`);
  const renewShare = costs.renewShare ?? 0;
  if (!(renewShare >= 0 && renewShare <= 1)) throw new Error(`invalid renewShare: ${renewShare}`);
  const oldShare = costs.oldKitPriceShare ?? 1;
  if (!(oldShare >= 0 && oldShare <= 1)) throw new Error(`invalid oldKitPriceShare: ${oldShare}`);
  const assetRate = costs.assetChargeRate ?? 0;
  if (!(assetRate >= 0 && assetRate <= 1)) throw new Error(`invalid assetChargeRate: ${assetRate}`);
  const n = perYear.length;
  if (!n) return [];
  const {gw: delivered} = costs;
  if (delivered && delivered.length !== n) throw new Error(`invalid gw: ${delivered.length} values for ${n} years`);
  const {builtGw} = costs;
  if (builtGw && builtGw.length !== n) throw new Error(`invalid builtGw: ${builtGw.length} values for ${n} years`);
  const leaseYears = costs.facilityLeaseYears;
  if (leaseYears !== undefined && !(leaseYears > 0)) throw new Error(`invalid facilityLeaseYears: ${leaseYears}`);
  const leased = leaseYears !== undefined;
  const leaseRate = costs.leaseDiscountRate ?? 0;
  if (!(leaseRate >= 0)) throw new Error(`invalid leaseDiscountRate: ${leaseRate}`);
  // Rent of 1 a year for m more years, paid at each year's end, valued at the term's last year: the annuity factor.
  const owed = (m: number) => (m <= 0 ? 0 : leaseRate > 0 ? (1 - (1 + leaseRate) ** -m) / leaseRate : m);
  const rentPerGw = costs.rentPerGwYearUsd ?? (capexPerGwUsd * (1 - itShare)) / facilityLife;
  if (!(rentPerGw >= 0)) throw new Error(`invalid rentPerGwYearUsd: ${rentPerGw}`);
  // A GW in use costs the same to run whoever runs it and whatever it is paid: power, staff and maintenance, the tax and
  // insurance on what the provider owns of it, and for a lessee its rent.
  const opexPerGw =
    energyPerGwYearUsd + siteOpexPerGwYearUsd + assetRate * capexPerGwUsd * (leased ? itShare : 1) + (leased ? rentPerGw : 0);
  let leaseTail = 0;
  const gwAt = (i: number) => (delivered ? delivered[i] : perYear[i].usd / revenuePerGwYearUsd);
  const first = perYear[0].year;
  const useEnd = costs.useEndYear ?? first + n;
  if (!(useEnd > first)) throw new Error(`invalid useEndYear: ${useEnd}`);
  // Plain arrays, not Float64Array: a typed array costs about ten times more to allocate, and this runs per draw.
  const capex = new Array<number>(n).fill(0);
  const depreciation = new Array<number>(n).fill(0);
  // GW of installed kit past its IT life in each year (a partial year counts its part), and the GW installed.
  const oldGw = new Array<number>(n).fill(0);
  const installed = new Array<number>(n).fill(0);
  let residual = 0;
  // A purchase of `usd` in year index i, written off straight-line over `life` years (the last one partial).
  const buy = (i: number, usd: number, life: number) => {
    capex[i] += usd;
    for (let j = i; j < n; ++j) depreciation[j] += (usd * Math.max(0, Math.min(1, i + life - j))) / life;
    residual += usd * Math.max(0, 1 - (n - i) / life);
  };
  const later = costs.laterCapex;
  if (later && !(later.capexPerGwUsd >= 0 && Number.isInteger(later.fromYear)))
    throw new Error(`invalid laterCapex: ${later.fromYear}, ${later.capexPerGwUsd}`);
  // Capex per GW of a purchase in year index i: the later price from its year on, else today's.
  const capexAt = (i: number) => (later && first + i >= later.fromYear ? later.capexPerGwUsd : capexPerGwUsd);
  let peak = 0;
  for (let i = 0; i < n; ++i) {
    const added = builtGw ? builtGw[i] : Math.max(0, gwAt(i) - peak);
    // Below a kW, a rise is the float residue of spend ÷ price (60 ÷ 13.33… ≠ 4.5 exactly), not capacity to build.
    if (!(added > 1e-6)) continue;
    peak += added;
    for (let j = i; j < n; ++j) installed[j] += added;
    if (!leased) buy(i, added * capexAt(i) * (1 - itShare), facilityLife);
    else leaseTail += added * rentPerGw * owed(i + (leaseYears as number) - n);
    // IT is bought with the capacity and replaced at the end of each life while the term still covers `renewShare` of
    // the new kit's life (n − j years left, year j included); past that, the kit in use runs on to the term's end.
    buy(i, added * capexAt(i) * itShare, itLife);
    let last = i;
    for (let t = itLife; Math.floor(i + t) < n && useEnd - (first + Math.floor(i + t)) >= renewShare * itLife; t += itLife) {
      last = Math.floor(i + t);
      buy(last, added * capexAt(last) * itShare, itLife);
    }
    // The last kit bought runs past its life from year index last + itLife: each later year's part past it.
    for (let j = last; j < n; ++j) oldGw[j] += added * Math.max(0, Math.min(1, j + 1 - (last + itLife)));
  }
  const rows: ProviderCashYear[] = new Array(n);
  for (let i = 0; i < n; ++i) {
    const {year, usd: revenue} = perYear[i];
    if (year !== first + i) throw new Error(`invalid perYear: not one row per year from ${first}`);
    const gw = gwAt(i);
    if (!(gw >= 0)) throw new Error(`invalid gw: ${gw} in ${year}`);
    const cashOpex = gw * opexPerGw;
    const oldPart = installed[i] > 0 ? Math.min(1, oldGw[i] / installed[i]) : 0;
    const oldKitDiscount = revenue * oldPart * (1 - oldShare);
    const last = i === n - 1;
    const tail = last ? leaseTail : 0;
    rows[i] = {
      year,
      revenue,
      gw,
      capex: capex[i],
      depreciation: depreciation[i],
      oldKitDiscount,
      oldKitGw: gw * oldPart,
      cashOpex,
      residual: last ? residual + leaseTail : 0,
      leaseTail: tail,
      operatingProfit: revenue - oldKitDiscount - cashOpex - depreciation[i],
      cash: revenue - oldKitDiscount - cashOpex - capex[i] - tail
    };
  }
  return rows;
}

/**
 * Returns the IT renewal rule in words, for a capex card or the CLI: "IT replaced every 5 years while the term lasts"
 * (share 0), else only while the term left covers `share` of the new kit's life, the kit in use running on otherwise;
 * with `oldKitPriceShare` below 1, the price the capacity past its life earns.
 *
 * @example itRenewalText(5, 0.5, 0.7) // "IT replaced every 5 years only while the term left covers at least 50% of a new generation's life (2.5 years); after that the kit in use runs on to the term's end, the capacity past its life earning 70% of the contract price"
 */
export function itRenewalText(itLife: number, share: number, oldKitPriceShare = 1): string {
  const every = `IT replaced every ${numberText(itLife)} years`;
  if (!(share > 0)) return `${every} while the term lasts`;
  const price = oldKitPriceShare < 1 ? `, the capacity past its life earning ${pct(oldKitPriceShare)} of the contract price` : "";
  return `${every} only while the term left covers at least ${pct(share)} of a new generation's life (${numberText(share * itLife)} years); after that the kit in use runs on to the term's end${price}`;
}
