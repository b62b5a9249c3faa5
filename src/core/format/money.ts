import {atPrecision, MINUS, numberText, type Precision} from "./numbers.js";

const SCALES: [number, string][] = [
  [1e12, "T"],
  [1e9, "B"],
  [1e6, "M"]
];

/**
 * Returns US dollars as readers write them, at `precision` (default three significant figures): 1.3e10 → "$13B",
 * 1.25e9 → "$1.25B", 7.5e8 → "$750M", 999.5e6 → "$1B" (rounded before the scale is chosen, never "$1,000M"),
 * −3.4123e9 → "−$3.41B", 24_612_000 → "$24.6M", 1234 → "$1,230". Throws for NaN or an infinity.
 */
export function usd(x: number, precision: Precision = "3sf"): string {
  const v = atPrecision(x, precision);
  const sign = v < 0 ? MINUS : "";
  const a = Math.abs(v);
  for (const [scale, suffix] of SCALES) if (a >= scale) return `${sign}$${numberText(a / scale, precision)}${suffix}`;
  return `${sign}$${numberText(a, precision)}`;
}
