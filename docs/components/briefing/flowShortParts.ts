/**
 * Lets short parts share a page, and keeps the last page of a part from going out near empty. Every part of a
 * briefing starts a new page (docs/style.css), which gives a page of its own to a part that is one sentence long
 * ("CoreWeave → OpenAI states no capacity in gigawatts…") and leaves the last page of a part that runs a little over
 * a page nearly blank. A part shorter than {@link SHORT_SHARE} of the page, or one that follows a part whose last
 * page would be filled less than {@link SHORT_SHARE}, is marked `.briefing-part--short` and follows the previous one
 * on its page.
 */

/** Share of the page height below which a part does not start a new page. */
export const SHORT_SHARE = 0.3;

/** Class of a part that follows the previous one on its page. */
export const SHORT_CLASS = "briefing-part--short";

/**
 * Marks every `.briefing-part` inside `root` shorter than {@link SHORT_SHARE} of `pageHeight` CSS pixels and
 * returns their ids.
 *
 * @example flowShortParts(article, 978) // ["part-capacity"]
 */
export function flowShortParts(root: Element, pageHeight: number): string[] {
  if (!(pageHeight > 0)) throw new Error(`invalid pageHeight: ${pageHeight}`);
  const short: string[] = [];
  // How full the page the previous part ends on is, as a share of the page (1 before the first part: a new page).
  let tail = 1;
  for (const part of root.querySelectorAll(".briefing-part")) {
    const share = part.getBoundingClientRect().height / pageHeight;
    const follows = share < SHORT_SHARE || tail < SHORT_SHARE;
    if (follows) {
      part.classList.add(SHORT_CLASS);
      short.push(part.id);
    }
    // A part that follows starts where the previous one ended; one that breaks starts a new page.
    const start = follows ? tail : 0;
    const end = start + share;
    tail = end - Math.floor(end) || 1;
  }
  return short;
}
