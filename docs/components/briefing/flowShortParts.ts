/**
 * Lets short parts share a page. Every part of a briefing starts a new page (docs/style.css), which gives a page of
 * its own to a part that is one sentence long ("CoreWeave → OpenAI states no capacity in gigawatts…"). A part
 * shorter than {@link SHORT_SHARE} of the page is marked `.briefing-part--short` and follows the previous one.
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
  for (const part of root.querySelectorAll(".briefing-part")) {
    if (part.getBoundingClientRect().height < SHORT_SHARE * pageHeight) {
      part.classList.add(SHORT_CLASS);
      short.push(part.id);
    }
  }
  return short;
}
