import type {RampShape} from "../model.js";

/** The ramp shapes a delivery curve may take between two schedule points. */
export const RAMP_SHAPES: readonly RampShape[] = ["linear", "s-curve", "front-loaded"];

/**
 * Returns the share (0–1) of a segment's growth delivered at fraction `x` (0–1) of its duration: `linear` x,
 * `s-curve` smoothstep 3x² − 2x³ (slow, fast, slow), `front-loaded` 1 − (1 − x)² (fast then slow). x is clamped
 * to [0, 1].
 *
 * @example rampValue("front-loaded", 0.5) // 0.75
 */
export function rampValue(shape: RampShape, x: number): number {
  const u = Math.min(1, Math.max(0, x));
  switch (shape) {
    case "linear":
      return u;
    case "s-curve":
      return u * u * (3 - 2 * u);
    case "front-loaded":
      return u * (2 - u);
  }
  throw new Error(`invalid ramp: ${shape}`);
}

/**
 * Returns ∫₀ˣ rampValue(shape, u) du for x in [0, 1] (clamped): `linear` x²/2, `s-curve` x³ − x⁴/2,
 * `front-loaded` x² − x³/3; the area under a segment for average capacity and energy. Each is 1/2, 1/2 and 2/3
 * at x = 1.
 *
 * @example rampIntegral("s-curve", 1) // 0.5
 */
export function rampIntegral(shape: RampShape, x: number): number {
  const u = Math.min(1, Math.max(0, x));
  switch (shape) {
    case "linear":
      return (u * u) / 2;
    case "s-curve":
      return u * u * u * (1 - u / 2);
    case "front-loaded":
      return u * u * (1 - u / 3);
  }
  throw new Error(`invalid ramp: ${shape}`);
}

/**
 * Returns `shape` if it is one of {@link RAMP_SHAPES}; throws `invalid ramp: <shape>` otherwise.
 *
 * @example maybeRamp("s-curve") // "s-curve"
 */
export function maybeRamp(shape: string): RampShape {
  if (!(RAMP_SHAPES as readonly string[]).includes(shape)) throw new Error(`invalid ramp: ${shape}`);
  return shape as RampShape;
}
