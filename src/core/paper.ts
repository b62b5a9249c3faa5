/**
 * Paper sizes and page margins for the printed briefings: one definition for the briefing page (which draws its
 * charts at the printable width) and the renderer (which sets the viewport to that width before loading).
 * The margins must match the `@page` rule in docs/style.css (a test checks it).
 */

export type Paper = "a4" | "letter";

export const PAPERS: readonly Paper[] = ["a4", "letter"];

/** Page size in millimetres and the name Chromium's print settings use. */
export const PAPER_SIZES: Record<Paper, {format: "A4" | "Letter"; widthMm: number; heightMm: number}> = {
  a4: {format: "A4", widthMm: 210, heightMm: 297},
  letter: {format: "Letter", widthMm: 215.9, heightMm: 279.4}
};

/** Page margins in millimetres: the header and the footer are drawn inside the top and bottom ones. */
export const MARGINS_MM = {top: 20, right: 16, bottom: 18, left: 16} as const;

/** Class of an element printed on a landscape page (the `wide` page in docs/style.css): set by the briefing page, checked by the renderer. */
export const LANDSCAPE_CLASS = "print-landscape";

const PX_PER_MM = 96 / 25.4;

/**
 * Returns the width of the printable area in CSS pixels (96 per inch), rounded down: 672 for A4
 * ((210 − 32) mm × 96 / 25.4 = 672.76), 695 for US Letter ((215.9 − 32) mm → 695.06).
 *
 * @example printableWidthPx("a4") // 672
 */
export function printableWidthPx(paper: Paper): number {
  const size = PAPER_SIZES[paper];
  if (!size) throw new Error(`invalid paper: ${paper}`);
  return Math.floor((size.widthMm - MARGINS_MM.left - MARGINS_MM.right) * PX_PER_MM);
}

/**
 * Returns the printable area of a page in CSS pixels, rounded down: A4 portrait 672 × 978 ((210 − 32) × (297 − 38)
 * mm at 96 / 25.4 px per mm), A4 landscape 1001 × 650, Letter portrait 695 × 912, Letter landscape 935 × 672. Wide
 * tables print on landscape pages (the `wide` page in docs/style.css).
 *
 * @example printableArea("a4", {landscape: true}) // {width: 1001, height: 650}
 */
export function printableArea(paper: Paper, {landscape = false}: {landscape?: boolean} = {}): {width: number; height: number} {
  const size = PAPER_SIZES[paper];
  if (!size) throw new Error(`invalid paper: ${paper}`);
  const [across, down] = landscape ? [size.heightMm, size.widthMm] : [size.widthMm, size.heightMm];
  return {
    width: Math.floor((across - MARGINS_MM.left - MARGINS_MM.right) * PX_PER_MM),
    height: Math.floor((down - MARGINS_MM.top - MARGINS_MM.bottom) * PX_PER_MM)
  };
}

/**
 * Returns the paper named by `text` ("a4", "A4", "letter"…), or throws `invalid paper: text`.
 *
 * @example parsePaper("Letter") // "letter"
 */
export function parsePaper(text: string): Paper {
  const paper = String(text).toLowerCase();
  if (!(PAPERS as readonly string[]).includes(paper)) throw new Error(`invalid paper: ${text} (expected ${PAPERS.join(" or ")})`);
  return paper as Paper;
}
