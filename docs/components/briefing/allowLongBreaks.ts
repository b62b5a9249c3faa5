/**
 * Lets long tables and cards break across pages. Print rules keep tables and cards whole (`break-inside: avoid`),
 * which is right for short ones; a long one that cannot fit the rest of a page is pushed whole to the next and
 * leaves a near-empty page behind (or, taller than a page, splits anyway, far from its heading). Those are marked
 * `.print-breakable` (docs/style.css lets them break; table headers repeat on each page).
 */

/** Share of the page height above which a table or card may break. */
export const LONG_SHARE = 0.4;

/** Class of an element that may break across pages. */
export const BREAKABLE_CLASS = "print-breakable";

/**
 * Marks every table and card inside `root` taller than {@link LONG_SHARE} of `pageHeight` CSS pixels as breakable
 * and returns how many it marked.
 *
 * @example allowLongBreaks(article, 978) // 3
 */
export function allowLongBreaks(root: Element, pageHeight: number): number {
  if (!(pageHeight > 0)) throw new Error(`invalid pageHeight: ${pageHeight}`);
  let marked = 0;
  for (const node of root.querySelectorAll("table, .card")) {
    if (node.getBoundingClientRect().height > LONG_SHARE * pageHeight) {
      node.classList.add(BREAKABLE_CLASS);
      ++marked;
    }
  }
  return marked;
}
