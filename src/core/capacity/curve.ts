/**
 * The delivery curve: cumulative GW online as a continuous function of time in months (see months.ts: month m
 * spans t = m to m + 1). It starts at 0 GW, passes through each schedule point at the end of the point's month
 * (plus any slip), grows between points along a ramp shape, and stays flat after the last point.
 */
import type {RampShape} from "../model.js";
import {maybeRamp, rampIntegral, rampValue} from "./ramp.js";

/** A schedule point on the month axis: `gw` online by the end of month index `month`. */
export interface CurvePoint {
  month: number;
  gw: number;
}

export interface CurveOptions {
  /** Month index where delivery starts from 0 GW (the curve's first knot is at its beginning, t = start). */
  start: number;
  /** Most the curve may reach, GW; points above it are clamped. */
  ceiling: number;
  ramp: RampShape;
  /** Months every point arrives late (≥ 0, may be fractional); the start does not move. Defaults to 0. */
  slipMonths?: number;
}

export interface CapacityCurve {
  ramp: RampShape;
  /** Knot times in months, strictly increasing; times[0] is the start. */
  times: number[];
  /** Cumulative GW at each knot: gw[0] = 0, non-decreasing, never above the ceiling. */
  gw: number[];
}

/**
 * Returns the delivery curve through `points` (any order): knot 0 at t = start with 0 GW, then each point at
 * t = month + 1 + slip with its GW raised to the running maximum (capacity never goes down) and clamped to the
 * ceiling. Points due in the same month merge (the larger wins). No points gives a curve that stays at 0.
 *
 * @example capacityCurve([{month: 24323, gw: 1}], {start: 24315, ceiling: 5, ramp: "linear"})
 * // {ramp: "linear", times: [24315, 24324], gw: [0, 1]}
 */
export function capacityCurve(points: readonly CurvePoint[], {start, ceiling, ramp, slipMonths = 0}: CurveOptions): CapacityCurve {
  if (!Number.isInteger(start)) throw new Error(`invalid start: ${start}`);
  if (!(ceiling >= 0 && ceiling < Infinity)) throw new Error(`invalid ceiling: ${ceiling}`);
  if (!(slipMonths >= 0 && slipMonths < Infinity)) throw new Error(`invalid slipMonths: ${slipMonths}`);
  maybeRamp(ramp);
  const sorted = isSorted(points) ? points : [...points].sort((a, b) => a.month - b.month);
  const times = [start];
  const gw = [0];
  for (const {month, gw: value} of sorted) {
    if (!(Number.isInteger(month) && month >= start)) throw new Error(`invalid month: ${month}`);
    if (!(value >= 0 && value < Infinity)) throw new Error(`invalid gw: ${value}`);
    const t = month + 1 + slipMonths;
    const g = Math.min(ceiling, Math.max(gw[gw.length - 1], value));
    if (t === times[times.length - 1]) {
      gw[gw.length - 1] = g;
    } else {
      times.push(t);
      gw.push(g);
    }
  }
  return {ramp, times, gw};
}

/**
 * Returns the cumulative GW online at time `t` (months; t = m + 1 is the end of month index m): 0 before the
 * start, the ramp between knots, the last knot's GW after it.
 *
 * @example capacityAt({ramp: "linear", times: [0, 10], gw: [0, 1]}, 5) // 0.5
 */
export function capacityAt({ramp, times, gw}: CapacityCurve, t: number): number {
  if (!(t <= times[0])) {
    for (let i = 1; i < times.length; ++i) {
      if (t < times[i]) return gw[i - 1] + (gw[i] - gw[i - 1]) * rampValue(ramp, (t - times[i - 1]) / (times[i] - times[i - 1]));
    }
  }
  return t <= times[0] ? gw[0] : gw[gw.length - 1];
}

/**
 * Returns ∫ capacity dt from `t0` to `t1` in GW-months (closed form per segment; t1 ≥ t0). Divide by 12 for
 * GW-years, or by (t1 − t0) for the average GW over the interval.
 *
 * @example capacityArea({ramp: "linear", times: [0, 10], gw: [0, 1]}, 0, 12) // 7 (5 on the ramp + 2 flat)
 */
export function capacityArea(curve: CapacityCurve, t0: number, t1: number): number {
  if (!(t1 >= t0)) throw new Error(`invalid t1: ${t1}`);
  return areaTo(curve, t1) - areaTo(curve, t0);
}

// ∫ capacity dt from the start to t.
function areaTo({ramp, times, gw}: CapacityCurve, t: number): number {
  if (t <= times[0]) return 0;
  let area = 0;
  for (let i = 1; i < times.length; ++i) {
    const dt = times[i] - times[i - 1];
    const rise = gw[i] - gw[i - 1];
    if (t < times[i]) {
      const x = (t - times[i - 1]) / dt;
      return area + dt * (gw[i - 1] * x + rise * rampIntegral(ramp, x));
    }
    area += dt * (gw[i - 1] + rise * rampIntegral(ramp, 1));
  }
  return area + gw[gw.length - 1] * (t - times[times.length - 1]);
}

// Most schedules come in date order; skip the copy and sort (this runs per Monte Carlo draw).
function isSorted(points: readonly CurvePoint[]): boolean {
  for (let i = 1; i < points.length; ++i) if (points[i].month < points[i - 1].month) return false;
  return true;
}
