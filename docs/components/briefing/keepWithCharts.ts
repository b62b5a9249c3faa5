/**
 * Keeps a chart's lead-in on the chart's page. Chromium does not always honour `break-after: avoid` on a paragraph
 * before an unbreakable chart, and prints a heading and its intro at the foot of one page and the chart on the next.
 * Each `.chart-frame` is wrapped, with the paragraph and heading right before it, in a `.chart-keep` block that
 * does not break (docs/style.css), unless together they would be taller than {@link KEEP_SHARE} of a page.
 */

/** Share of the page height above which a lead-in and its chart are left free to break. */
export const KEEP_SHARE = 0.85;

/**
 * Wraps every `.chart-frame` inside `root` with its lead-in (a preceding paragraph, and a heading before that) and
 * returns how many it wrapped.
 *
 * @example keepWithCharts(article, 978) // 9
 */
export function keepWithCharts(root: Element, pageHeight: number): number {
  if (!(pageHeight > 0)) throw new Error(`invalid pageHeight: ${pageHeight}`);
  let wrapped = 0;
  for (const frame of root.querySelectorAll(".chart-frame")) {
    const lead: Element[] = [];
    let prev = frame.previousElementSibling;
    if (prev?.tagName === "P") {
      lead.unshift(prev);
      prev = prev.previousElementSibling;
    }
    if (prev && /^H[3-6]$/.test(prev.tagName)) lead.unshift(prev);
    if (!lead.length) continue;
    const top = lead[0].getBoundingClientRect().top;
    if (frame.getBoundingClientRect().bottom - top > KEEP_SHARE * pageHeight) continue;
    const keep = document.createElement("div");
    keep.className = "chart-keep";
    lead[0].before(keep);
    keep.append(...lead, frame);
    ++wrapped;
  }
  return wrapped;
}
