/**
 * Unit conversions from power to hardware, energy and compute. Facility power includes cooling and losses; IT
 * power is what the servers draw (facility ÷ PUE). Counts are rounded the way hardware is bought: accelerators
 * down (a partial chip does not exist), servers and buildings up (a partial one must still be built).
 */
import type {Fact, SchedulePoint} from "../model.js";

/** Hours in a (non-leap) year. */
export const HOURS_PER_YEAR = 8_760;

/** FLOP/s in one PFLOP/s. */
export const FLOPS_PER_PFLOPS = 1e15;

// Counts computed as 1e6 / 1.25 land a hair below the integer in floating point; round to it.
const COUNT_EPSILON = 1e-6;

/**
 * Returns a power in GW from a value in GW or MW (MW are divided by 1,000): the one MW → GW conversion, for facts
 * (factGw), schedule points (scheduleGw) and computed figures. Throws `invalid unit: x` for any other unit.
 *
 * @example toGw(300, "mw") // 0.3
 */
export function toGw(value: number, unit: string): number {
  if (unit === "gw") return value;
  if (unit === "mw") return value / 1e3;
  throw new Error(`invalid unit: ${unit}`);
}

/**
 * Returns a power fact in GW (facts in MW are divided by 1,000).
 *
 * @example factGw({value: 300, unit: "mw", …}) // 0.3
 */
export function factGw(fact: Pick<Fact, "value" | "unit">): number {
  return toGw(fact.value, fact.unit);
}

/** A schedule point with its power in GW, and the bound and status of the fact it was read from. */
export interface SchedulePointGw {
  id: string;
  by: string;
  gw: number;
  bound: Fact["bound"];
  status: Fact["status"];
}

/**
 * Returns a deal's schedule points with their power in GW (MW facts converted), so that a chart or a sentence never
 * prints a value stated in MW as GW.
 *
 * @example scheduleGw([{id: "first", by: "2026-12-31", gw: {value: 300, unit: "mw", bound: "about", …}}]) // [{id: "first", by: "2026-12-31", gw: 0.3, bound: "about", …}]
 */
export function scheduleGw(schedule: readonly SchedulePoint[]): SchedulePointGw[] {
  return schedule.map((p) => ({id: p.id, by: p.by, gw: factGw(p.gw), bound: p.gw.bound, status: p.gw.status}));
}

/**
 * Returns the IT power in MW of `gw` of facility power at a PUE (facility ÷ IT, ≥ 1): gw × 1,000 ÷ pue.
 *
 * @example facilityGwToItMw(1, 1.15) // 869.565…
 */
export function facilityGwToItMw(gw: number, pue: number): number {
  if (!(gw >= 0)) throw new Error(`invalid gw: ${gw}`);
  if (!(pue >= 1 && pue < Infinity)) throw new Error(`invalid pue: ${pue}`);
  return (gw * 1e3) / pue;
}

/**
 * Returns how many whole accelerators `mw` of IT power feeds at `itKw` of IT power each: ⌊mw × 1,000 ÷ itKw⌋.
 *
 * @example itMwToAccelerators(869.565, 0.75) // 1159420
 */
export function itMwToAccelerators(mw: number, itKw: number): number {
  if (!(mw >= 0 && mw < Infinity)) throw new Error(`invalid mw: ${mw}`);
  if (!(itKw > 0 && itKw < Infinity)) throw new Error(`invalid itKw: ${itKw}`);
  return Math.floor((mw * 1e3) / itKw + COUNT_EPSILON);
}

/**
 * Returns how many servers (UltraServers, racks) hold `accelerators` at `perServer` each, rounded up; 0 for none.
 *
 * @example acceleratorsToServers(130, 64) // 3
 */
export function acceleratorsToServers(accelerators: number, perServer: number): number {
  if (!(accelerators >= 0 && accelerators < Infinity)) throw new Error(`invalid accelerators: ${accelerators}`);
  if (!(Number.isInteger(perServer) && perServer >= 1)) throw new Error(`invalid perServer: ${perServer}`);
  return Math.max(0, Math.ceil(accelerators / perServer - COUNT_EPSILON));
}

/**
 * Returns how many buildings of `buildingMw` facility power each hold `mw` of facility power, rounded up.
 *
 * @example facilityMwToBuildings(1000, 75) // 14 (13.33 rounded up)
 */
export function facilityMwToBuildings(mw: number, buildingMw: number): number {
  if (!(mw >= 0 && mw < Infinity)) throw new Error(`invalid mw: ${mw}`);
  if (!(buildingMw > 0 && buildingMw < Infinity)) throw new Error(`invalid buildingMw: ${buildingMw}`);
  return Math.max(0, Math.ceil(mw / buildingMw - COUNT_EPSILON));
}

/**
 * Returns the energy in TWh a year drawn by `gw` of capacity at an average load factor (0–1):
 * gw × 8,760 h × load ÷ 1,000.
 *
 * @example gwToTwhPerYear(1, 0.8) // 7.008
 */
export function gwToTwhPerYear(gw: number, loadFactor: number): number {
  if (!(gw >= 0)) throw new Error(`invalid gw: ${gw}`);
  if (!(loadFactor >= 0 && loadFactor <= 1)) throw new Error(`invalid loadFactor: ${loadFactor}`);
  return (gw * HOURS_PER_YEAR * loadFactor) / 1e3;
}

/**
 * Returns the peak dense FLOP/s of `accelerators` at `pflops` PFLOP/s each: accelerators × pflops × 1e15.
 *
 * @example acceleratorsToFlops(1000, 0.667) // 6.67e17
 */
export function acceleratorsToFlops(accelerators: number, pflops: number): number {
  if (!(accelerators >= 0)) throw new Error(`invalid accelerators: ${accelerators}`);
  if (!(pflops >= 0 && pflops < Infinity)) throw new Error(`invalid pflops: ${pflops}`);
  return accelerators * pflops * FLOPS_PER_PFLOPS;
}

/**
 * Returns `flops` (dense bf16 FLOP/s) in H100-equivalents, Epoch AI's unit: flops ÷ (H100's bf16 PFLOP/s × 1e15).
 *
 * @example flopsToH100e(9.89e17, 0.989) // 1000
 */
export function flopsToH100e(flops: number, h100Pflops: number): number {
  if (!(flops >= 0)) throw new Error(`invalid flops: ${flops}`);
  if (!(h100Pflops > 0 && h100Pflops < Infinity)) throw new Error(`invalid h100Pflops: ${h100Pflops}`);
  return flops / (h100Pflops * FLOPS_PER_PFLOPS);
}
