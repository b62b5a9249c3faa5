/**
 * Keeps page 1 of a briefing on page 1 whatever the data say. Page 1 holds the call, the key figures, the takeaways
 * and the disclosure note, and a takeaway that prints only for some data can make it a few lines longer than the page
 * (s10: Google's and Oracle's calls pushed the note onto page 2). Before printing, the cover is measured at the
 * printable height: if it is too tall, it is set tighter in {@link COVER_STEPS} steps (smaller takeaways and call, less
 * space between items: docs/style.css), and if it still does not fit the briefing page reports it as a console error,
 * which the PDF renderer refuses (src/cli/pdf/pageChecks.ts): a data edit that overflows page 1 fails the build, named,
 * instead of printing a broken page 1.
 */

/** Classes that set the cover tighter, in order; each adds to the one before. */
export const COVER_STEPS = ["cover-fit-1", "cover-fit-2"] as const;

/** CSS px kept free at the foot of page 1, for rounding between layout and print. */
export const SAFETY_PX = 4;

/** What {@link fitCover} did: how many steps it took and the room left on page 1, CSS px (negative: overflow). */
export interface CoverFit {
  steps: number;
  slackPx: number;
}

/**
 * Sets the `.briefing-cover` inside `root` tighter, one step at a time, until its content is no taller than
 * `pageHeight` CSS pixels less {@link SAFETY_PX} or the steps run out, and returns the steps taken and the room left.
 * A root without a cover fits with no step.
 *
 * @example fitCover(article, 978) // {steps: 0, slackPx: 112}: page 1 fits as set, with 112 px (about 30 mm) to spare
 */
export function fitCover(root: Element, pageHeight: number): CoverFit {
  if (!(pageHeight > 0)) throw new Error(`invalid pageHeight: ${pageHeight}`);
  const cover = root.querySelector<HTMLElement>(".briefing-cover");
  if (!cover) return {steps: 0, slackPx: pageHeight};
  // The printed cover has a set height (248 mm on A4, docs/style.css) that its content may overrun and still print on
  // page 1: the budget is the page, less a few pixels for rounding, and the content is measured at its own height.
  const budget = pageHeight - SAFETY_PX;
  const content = () => {
    const set = cover.style.height;
    cover.style.height = "auto";
    const height = cover.getBoundingClientRect().height;
    cover.style.height = set;
    return height;
  };
  let steps = 0;
  while (content() > budget && steps < COVER_STEPS.length) cover.classList.add(COVER_STEPS[steps++]);
  return {steps, slackPx: budget - content()};
}

/**
 * Returns the console error for a page 1 that does not fit even at the tightest step, naming the briefing, the
 * overflow in millimetres and what to shorten; null when it fits.
 *
 * @example coverOverflowText("deal-oracle-openai", {steps: 2, slackPx: -19}) // "page 1 of deal-oracle-openai runs 5 mm onto page 2 even set tighter: shorten its call or a takeaway (reports/summaries/deal-oracle-openai.md)"
 */
export function coverOverflowText(name: string, {slackPx}: CoverFit): string | null {
  if (slackPx >= 0) return null;
  const mm = Math.ceil((-slackPx * 25.4) / 96);
  return `page 1 of ${name} runs ${mm} mm onto page 2 even set tighter: shorten its call or a takeaway (reports/summaries/${name}.md)`;
}
