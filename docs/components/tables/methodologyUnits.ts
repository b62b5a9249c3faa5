/** Values in the data's units, in words, for the methodology tables: the core's vocabulary (src/core/format). */

import type {Bound, Status} from "../format.js";
import {figureWords, unitName} from "../format.js";

/**
 * Returns a value in its data unit with its bound's words; a `confirmed` or `reported` value as its source wrote
 * it, any other to three significant figures: (100, "usd-bn", "at-least", "confirmed") → "over $100B".
 */
export function dataUnitText(value: number, unit: string, bound?: Bound, status?: Status): string {
  return figureWords({value, unit, bound, status});
}

/** Returns the unit's name in words, for a table's unit column. */
export function unitWords(unit: string): string {
  return unitName(unit);
}
