/**
 * Where a line may not break inside a figure. The vocabulary writes a figure with its bound word and unit ("up to
 * 5 GW", "over 9.09 GW-years", "about −$3.41B", "2.65 million"); a browser may break a line at any of those spaces,
 * at the hyphen of "GW-years" or after the minus sign, and print "GW- / years" or "about − / $3.41B". Components
 * that render text split it with {@link figureRuns} and set each figure run unbreakable, so the text (what a reader
 * copies, what the PDF holds) is unchanged and only the places a line may break move.
 */

const BOUND = String.raw`(?:(?:[Uu]p to|[Aa]t least|[Oo]ver|[Aa]bout|[Nn]early|[Uu]nder)\s)?`;
// A minus sign (−, or a hyphen that does not follow a word: "2025-26" is two years), a dollar, digits with commas
// and a decimal part, a scale letter ($3.41B), a percent or a times sign.
const NUMBER = String.raw`(?:−|(?<![\w.])-)?\$?\d[\d,]*(?:\.\d+)?(?:[TBMk](?![A-Za-z]))?(?:%|×)?`;
const UNIT = String.raw`(?:\s(?:GW-years?|GW|MW|kW|TWh|[KMGTPEZ]?FLOP/s|million|billion|trillion|H100-equivalents|H100e|GB)(?![\w-]))?`;
// A figure, or the unit "GW-year(s)" standing alone ("nothing to convert into GW-years"), whose hyphen may break too.
// "or more" after a figure computed at a floor ("about 3.04 million or more") stays in its run (Figure.orMore).
const OR_MORE = String.raw`(?:\sor more(?![\w-]))?`;
const FIGURE = new RegExp(String.raw`(?<![\w$.,])(?:${BOUND}${NUMBER}${UNIT}${OR_MORE}|GW-years?(?![\w-]))`, "g");

/** One run of a text: a figure (which should not break inside) or the text between figures. */
export interface TextRun {
  text: string;
  figure: boolean;
}

/**
 * Returns `text` cut into runs, each figure (with its bound word and unit) its own run; the runs joined give
 * `text` back. A figure with no space, hyphen or sign inside ("2034", "18%") is left in the plain text: it cannot
 * break anyway.
 *
 * @example figureRuns("over 9.09 GW-years at $11B") // [{text: "over 9.09 GW-years", figure: true}, {text: " at $11B", figure: false}]
 */
export function figureRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const match of text.matchAll(FIGURE)) {
    const figure = match[0];
    if (!/[\s\-−]/.test(figure)) continue;
    const start = match.index ?? 0;
    if (start > last) runs.push({text: text.slice(last, start), figure: false});
    runs.push({text: figure, figure: true});
    last = start + figure.length;
  }
  if (last < text.length) runs.push({text: text.slice(last), figure: false});
  return runs;
}
