/**
 * A payback with no year, in one wording for every output (page 1's key box, the payback card, the market and
 * research tables, the CLI): the cash is not back before the draw's spend ends, its "deal" (critic s16 #11a: "none"
 * on the card, "not within the deal" on page 1 and "never" in the market table named one outcome three ways).
 */
export const NO_PAYBACK = "not within the deal";

/**
 * Returns a payback year in words: the year, or {@link NO_PAYBACK} when there is none.
 *
 * @example paybackYearText(2034) // "2034"
 * @example paybackYearText(null) // "not within the deal"
 */
export function paybackYearText(year: number | null | undefined): string {
  return year === null || year === undefined ? NO_PAYBACK : String(year);
}
