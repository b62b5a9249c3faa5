import {leaf} from "../lineage.js";
import type {Fact, Status} from "../model.js";
import type {Provenance} from "./provenance.js";

const USD_SCALE: Partial<Record<Fact["unit"], number>> = {usd: 1, "usd-m": 1e6, "usd-bn": 1e9};
const GW_SCALE: Partial<Record<Fact["unit"], number>> = {gw: 1, mw: 1e-3};

/**
 * Returns a money fact in US dollars: `usd-bn` × 1e9, `usd-m` × 1e6, `usd` as is. Throws `invalid unit:` for
 * any other unit.
 *
 * @example factUsd({value: 5, unit: "usd-bn", …}) // 5e9
 */
export function factUsd(fact: Fact): number {
  const scale = USD_SCALE[fact.unit];
  if (scale === undefined) throw new Error(`invalid unit: ${fact.unit}`);
  return fact.value * scale;
}

/**
 * Returns a power fact in GW: `gw` as is, `mw` ÷ 1,000. Throws `invalid unit:` for any other unit.
 *
 * @example factGw({value: 500, unit: "mw", …}) // 0.5
 */
export function factGw(fact: Fact): number {
  const scale = GW_SCALE[fact.unit];
  if (scale === undefined) throw new Error(`invalid unit: ${fact.unit}`);
  return fact.value * scale;
}

/**
 * Returns the provenance of one sourced fact: its lineage id and status, and its bound ("exact" by default).
 *
 * @example factProvenance("amazon-anthropic.capacity.ceiling", ceiling) // {lineage: {inputs: ["amazon-anthropic.capacity.ceiling"], status: "confirmed"}, bound: "up-to"}
 */
export function factProvenance(id: string, fact: {status: Status; bound?: Fact["bound"]}): Provenance {
  return {lineage: leaf(id, fact.status), bound: fact.bound ?? "exact"};
}
