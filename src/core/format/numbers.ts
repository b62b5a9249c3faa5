/**
 * Numbers in words, under the one significant-figure rule of the figure vocabulary (see figureWords.ts):
 * a value "as written" keeps the digits its source wrote (2.75 stays 2.75), a computed value is rounded to three
 * significant figures (4,006,744 → 4,010,000; 9.0909 → 9.09). Pure; the locale is fixed (en-US) and negative
 * numbers take a true minus sign (U+2212), so "−$3.41B" reads the same in every output.
 */

/**
 * How many digits a number keeps: "as-written" for a sourced value, "3sf" for a computed one; "3sf-down" and
 * "3sf-up" round a computed bound the way it points, so the words stay true: a floor ("over") is rounded down, a
 * ceiling ("up to") up (100 ÷ 13 = 7.69… is "over 7.6×", never "over 7.7×", which 7.69 is not).
 */
export type Precision = "as-written" | "3sf" | "3sf-down" | "3sf-up";

/** Which way a rounding goes: to the nearest digit, or down (toward −∞) or up (toward +∞). */
export type Direction = "nearest" | "down" | "up";

/** The direction a precision rounds in: "down" for "3sf-down", "up" for "3sf-up", else "nearest". */
export function directionOf(precision: Precision): Direction {
  return precision === "3sf-down" ? "down" : precision === "3sf-up" ? "up" : "nearest";
}

/**
 * Returns `x` rounded to a whole number in `direction`; a value within 1e-9 of a whole number counts as that number
 * (binary noise: 0.869 × 1000 = 868.9999999999999 rounds down to 869, not 868).
 */
export function roundWhole(x: number, direction: Direction = "nearest"): number {
  if (direction === "down") return Math.floor(x + 1e-9);
  if (direction === "up") return Math.ceil(x - 1e-9);
  return Math.round(x);
}

/** The minus sign every figure is written with (U+2212). */
export const MINUS = "−";

/**
 * Returns `x` rounded to `digits` significant figures (default 3), to the nearest or in `direction`; 0 stays 0. Throws for a value that is not a
 * finite number.
 *
 * @example roundSig(4006744) // 4010000
 * @example roundSig(999.5) // 1000
 * @example roundSig(7.6923, 2, "down") // 7.6
 * @example roundSig(11.691, 3, "up") // 11.7
 */
export function roundSig(x: number, digits = 3, direction: Direction = "nearest"): number {
  assertFinite(x);
  if (x === 0) return 0;
  if (direction === "nearest") return Number(x.toPrecision(digits));
  // The place of the last kept digit, from the value's own magnitude; the result rounded again to `digits` to drop
  // the binary noise of the scaling.
  const step = 10 ** (Math.floor(Math.log10(Math.abs(x))) - digits + 1);
  return Number((roundWhole(x / step, direction) * step).toPrecision(digits + 1));
}

/**
 * Returns `x` at `precision`: "3sf" rounds to three significant figures, "as-written" only removes binary noise
 * (0.1 + 0.2 → 0.3, by rounding to 12 significant figures, far more than any source writes).
 */
export function atPrecision(x: number, precision: Precision): number {
  return precision === "as-written" ? roundSig(x, 12) : roundSig(x, 3, directionOf(precision));
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

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/** Returns a whole number from 0 to 12 in words ("three"), any other as digits ("13"), as prose spells a count. */
export function numberWord(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < NUMBER_WORDS.length ? NUMBER_WORDS[n] : String(n);
}
