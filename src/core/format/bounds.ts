/**
 * Bound words, decided once for every output (CLI, pages, briefings, generated sentences):
 * - "up-to" (a ceiling) reads "up to": "up to 5 GW";
 * - "at-least" (a floor) reads "over", the word the deals' sources use: "over $100B";
 * - "about" reads "about"; "exact" reads nothing.
 * A floor or a ceiling on a value below zero does not read correctly ("over −$3.41B", "at least −$3.41B" both
 * suggest a bound on the size of a loss that the inputs do not give: a floor on the spend is no floor on a
 * difference of revenue and costs), so a negative value with a floor or a ceiling reads "about". A value of exactly
 * zero takes no bound word: "up to 0%" or "over 0%" (no money invested against a floor of spend) bound nothing.
 */
import type {Bound} from "../model.js";

const WORDS: Record<Bound, string> = {exact: "", "up-to": "up to", "at-least": "over", about: "about"};

/**
 * A floor the value can equal ({@link Figure.inclusive}): computed only by dividing by (or subtracting) a ceiling,
 * "$30B ÷ up to $5B" is 6× or more, so it reads "at least", not the sources' "over" (critic s15 #8).
 */
const INCLUSIVE_FLOOR = "at least";

/**
 * Returns the words a bound is written with ("up to", "over", "about", "" for an exact figure); for a negative
 * `value` a floor or a ceiling reads "about", and zero takes none. Throws for an unknown bound.
 *
 * @example boundWord("at-least") // "over"
 * @example boundWord("at-least", -3.41e9) // "about"
 */
export function boundWord(bound: Bound | undefined, value?: number, inclusive = false): string {
  const b = bound ?? "exact";
  const word = WORDS[b];
  if (word === undefined) throw new Error(`invalid bound: ${b}`);
  if (value === 0) return "";
  if (value !== undefined && value < 0 && (b === "up-to" || b === "at-least")) return WORDS.about;
  return b === "at-least" && inclusive ? INCLUSIVE_FLOOR : word;
}

/**
 * Returns `text` preceded by its bound's words (see {@link boundWord}).
 *
 * @example withBound("5 GW", "up-to") // "up to 5 GW"
 */
export function withBound(text: string, bound: Bound | undefined, value?: number, inclusive = false): string {
  const word = boundWord(bound, value, inclusive);
  return word ? `${word} ${text}` : text;
}

/**
 * Returns a figure in words with "the" and its noun, in the order that reads for every bound: "the 2 GW capacity
 * figure", but "the capacity figure of about 2 GW" (never "the about 2 GW capacity figure"), "the ceiling of over 10
 * GW". `figure` is the figure's words as the vocabulary writes them (with its bound word, if any).
 *
 * @example theFigure("about 2 GW", "capacity figure") // "the capacity figure of about 2 GW"
 * @example theFigure("$99B", "firm investment") // "the $99B firm investment"
 */
export function theFigure(figure: string, noun: string): string {
  const bounded = Object.values(WORDS).some((w) => w && figure.startsWith(`${w} `));
  return bounded ? `the ${noun} of ${figure}` : `the ${figure} ${noun}`;
}
