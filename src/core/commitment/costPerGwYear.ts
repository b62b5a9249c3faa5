import type {AssumptionValues} from "../assumptions.js";
import {gwToTwhPerYear} from "../capacity/convert.js";

/** The assumption ids {@link buildUpCostPerGwYear} reads, for lineage (besides the provider's margin). */
export const BUILD_UP_ASSUMPTIONS = ["capex-per-gw", "it-share", "it-life", "facility-life", "load-factor", "power-price"] as const;

/**
 * Returns what a lab pays for one GW of capacity for a year under contract, in USD: the
 * `revenue-per-gw-year` assumption (USD bn) × 1e9. Throws `invalid revenue-per-gw-year:` unless positive.
 *
 * @example contractCostPerGwYear({"revenue-per-gw-year": 11}) // 11e9
 */
export function contractCostPerGwYear(values: Pick<AssumptionValues, "revenue-per-gw-year">): number {
  const revenue = values["revenue-per-gw-year"];
  if (!(revenue > 0)) throw new Error(`invalid revenue-per-gw-year: ${revenue}`);
  return revenue * 1e9;
}

/**
 * Returns the provider's electricity cost for one GW of facility power over a year, in USD:
 * the energy of 1 GW at `load-factor` ({@link gwToTwhPerYear}, TWh) × 1e6 MWh per TWh × `power-price` ($/MWh).
 * PUE does not enter, since deal GW are facility power. Throws `invalid loadFactor:` outside [0, 1] and
 * `invalid power-price:` when negative.
 *
 * @example energyCostPerGwYear({"load-factor": 0.8, "power-price": 70}) // 490,560,000 (1,000 × 8,760 × 0.8 × 70)
 */
export function energyCostPerGwYear(values: Pick<AssumptionValues, "load-factor" | "power-price">): number {
  const price = values["power-price"];
  if (!(price >= 0)) throw new Error(`invalid power-price: ${price}`);
  return gwToTwhPerYear(1, values["load-factor"]) * 1e6 * price;
}

/**
 * Returns the price of one GW-year built up from the provider's costs, in USD: IT capex (capex-per-gw ×
 * it-share) depreciated over it-life, plus facility capex (capex-per-gw × (1 − it-share)) over facility-life,
 * plus energy ({@link energyCostPerGwYear}), grossed up by the provider's operating `margin` (cost ÷ (1 − margin);
 * the deal's provider's own, `margin-<provider>`). `capex-per-gw` is in USD bn per GW. Throws `invalid <id>:` for an
 * out-of-range value.
 *
 * @example buildUpCostPerGwYear({"capex-per-gw": 50, "it-share": 0.7, "it-life": 5, "facility-life": 20, "load-factor": 0.8, "power-price": 70}, 0.25)
 * // 10,987,413,333 ((7e9 + 0.75e9 + 0.49056e9) ÷ 0.75)
 */
export function buildUpCostPerGwYear(values: Pick<AssumptionValues, (typeof BUILD_UP_ASSUMPTIONS)[number]>, margin: number): number {
  const capex = values["capex-per-gw"] * 1e9;
  const itShare = values["it-share"];
  const itLife = values["it-life"];
  const facilityLife = values["facility-life"];
  if (!(capex >= 0)) throw new Error(`invalid capex-per-gw: ${values["capex-per-gw"]}`);
  if (!(itShare >= 0 && itShare <= 1)) throw new Error(`invalid it-share: ${itShare}`);
  if (!(itLife > 0)) throw new Error(`invalid it-life: ${itLife}`);
  if (!(facilityLife > 0)) throw new Error(`invalid facility-life: ${facilityLife}`);
  if (!(margin > -1 && margin < 1)) throw new Error(`invalid margin: ${margin}`);
  const cost = (capex * itShare) / itLife + (capex * (1 - itShare)) / facilityLife + energyCostPerGwYear(values);
  return cost / (1 - margin);
}
