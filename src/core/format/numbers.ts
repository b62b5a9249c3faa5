/**
 * Numbers in words, under the one significant-figure rule of the figure vocabulary (see figureWords.ts):
 * a value "as written" keeps the digits its source wrote (2.75 stays 2.75), a computed value is rounded to three
 * significant figures (4,006,744 → 4,010,000; 9.0909 → 9.09). Pure; the locale is fixed (en-US) and negative
 * numbers take a true minus sign (U+2212), so "−$3.41B" reads the same in every output.
 */

/** How many digits a number keeps: "as-written" for a sourced value, "3sf" for a computed one. */
export type Precision = "as-written" | "3sf";

/** The minus sign every figure is written with (U+2212). */
export const MINUS = "−";

/**
 * Returns `x` rounded to `digits` significant figures (default 3); 0 stays 0. Throws for a value that is not a
 * finite number.
 *
 * @example roundSig(4006744) // 4010000
 * @example roundSig(999.5) // 1000
 */
export function roundSig(x: number, digits = 3): number {
  assertFinite(x);
  if (x === 0) return 0;
  return Number(x.toPrecision(digits));
}

/**
 * Returns `x` at `precision`: "3sf" rounds to three significant figures, "as-written" only removes binary noise
 * (0.1 + 0.2 → 0.3, by rounding to 12 significant figures, far more than any source writes).
 */
export function atPrecision(x: number, precision: Precision): number {
  return roundSig(x, precision === "3sf" ? 3 : 12);
}

// What x.toLocaleString("en-US", {maximumFractionDigits: 12, useGrouping: true}) writes, with the formatter made
// once: toLocaleString builds a new Intl.NumberFormat on every call, which cost more than the rest of a page's text.
const GROUPED = new Intl.NumberFormat("en-US", {maximumFractionDigits: 12, useGrouping: true});

/**
 * Returns a number in words at `precision` with thousands separators and a true minus sign, without trailing
 * zeros: (4006744, "3sf") → "4,010,000", (2.75, "as-written") → "2.75", (−3.412, "3sf") → "−3.41", 0 → "0".
 * Throws for NaN or an infinity.
 */
export function numberText(x: number, precision: Precision = "3sf"): string {
  const v = atPrecision(x, precision);
  if (v === 0) return "0";
  const text = GROUPED.format(Math.abs(v));
  return v < 0 ? `${MINUS}${text}` : text;
}

/** Throws `invalid figure value: <x>` unless `x` is a finite number. */
export function assertFinite(x: number): void {
  if (typeof x !== "number" || !Number.isFinite(x)) throw new RangeError(`invalid figure value: ${x}`);
}

/** Returns `n` as an English ordinal: "1st", "2nd", "3rd", "4th", "11th", "21st"… */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (({1: "st", 2: "nd", 3: "rd"} as Record<number, string>)[n % 10] ?? "th");
  return `${n}${suffix}`;
}
