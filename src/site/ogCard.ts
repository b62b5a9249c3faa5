/**
 * The link-preview card of a briefing's pages (`og:image`, 1200 × 630): the briefing's title, its call cut to the
 * clause that takes the position, and three of its key figures, as one self-contained HTML document (the fonts
 * inline, no script, no network) that the build screenshots in the PDF stage (src/cli/ogCards.ts). Pure: the same
 * entry and fonts give the same HTML, so a card is re-rendered only when its text changes. Every text comes from data
 * and is escaped.
 */
import {date} from "../core/format/index.js";
import {escapeHtml} from "../io/markdown.js";
import type {BriefingEntry} from "./types.js";

/** The card's size in CSS pixels, rendered at a device pixel ratio of 1. */
export const CARD = {width: 1200, height: 630} as const;

/** The fonts a card uses: family and weight → the font file's bytes as a data: URL (read by the caller). */
export interface CardFonts {
  sans400: string;
  sans700: string;
  serif600: string;
}

/** The longest headline a card prints (characters): three lines of the serif at its size. */
const HEADLINE_MAX = 170;
/** How many key figures a card prints. */
const FIGURES = 3;

/**
 * Returns the text of sanitized HTML: tags dropped, the entities the sanitizer writes decoded, white space folded.
 *
 * @example textOf("<p><strong>A &amp; B</strong>\n c</p>") // "A & B c"
 */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(#\d+|#x[\da-f]+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e: string) => {
      const named: Record<string, string> = {amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " "};
      if (e[0] !== "#") return named[e.toLowerCase()];
      return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
    })
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Returns the card's headline from a call: its first clause, up to the first colon or semicolon (30 characters in or
 * more), where the call takes its position and the rest gives the figures, or its first sentence when that ends
 * sooner; cut at a word with "…" beyond {@link HEADLINE_MAX} characters.
 *
 * @example headline("Amazon's money does not come back: netting $15B against…") // "Amazon's money does not come back"
 */
export function headline(call: string): string {
  const clause = /^(.{30,}?)[:;](\s|$)/.exec(call)?.[1];
  const sentence = /^(.+?[.!?])(\s|$)/.exec(call)?.[1];
  const first = (clause && sentence ? (clause.length < sentence.length ? clause : sentence) : (clause ?? sentence)) ?? call;
  if (first.length <= HEADLINE_MAX) return first;
  const cut = first.slice(0, HEADLINE_MAX - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ")).replace(/[\s,;:–—-]+$/, "")}…`;
}

/** The card's text: what the HTML prints and the preview's alt text say. */
export interface CardText {
  kicker: string;
  title: string;
  headline: string;
  figures: {label: string; value: string}[];
  asOf: string;
}

/** Returns a briefing's card text: its kind, title, the call's headline, its first three key figures, as-of date. */
export function cardText(entry: BriefingEntry, asOf: string): CardText {
  return {
    kicker: entry.deal ? "Deal briefing" : "Market briefing",
    title: entry.title,
    headline: headline(textOf(entry.call.callHtml)),
    figures: entry.call.keyFigures.slice(0, FIGURES).map((f) => ({label: f.label, value: f.value})),
    asOf: date(asOf)
  };
}

/** Returns the alt text of a card's image: its title and headline. */
export function cardAlt(text: CardText): string {
  return `${text.title}: ${text.headline}`;
}

/** Returns the card as a self-contained HTML document, {@link CARD} in size. */
export function cardHtml(text: CardText, fonts: CardFonts): string {
  const e = escapeHtml;
  const face = (family: string, weight: number, url: string) =>
    `@font-face{font-family:${family};font-weight:${weight};font-style:normal;src:url("${e(url)}") format("woff2")}`;
  const figures = text.figures
    .map((f) => `<div class="figure"><div class="value">${e(f.value)}</div><div class="label">${e(f.label)}</div></div>`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
${face("CardSans", 400, fonts.sans400)}
${face("CardSans", 700, fonts.sans700)}
${face("CardSerif", 600, fonts.serif600)}
*{margin:0;padding:0;box-sizing:border-box}
html,body{width:${CARD.width}px;height:${CARD.height}px;overflow:hidden}
body{background:#fbfaf7;color:#1b1e23;font-family:CardSans,sans-serif;padding:56px 64px 52px 76px;display:flex;flex-direction:column;border-left:12px solid #2f5d8a}
.top{display:flex;justify-content:space-between;font-size:22px;color:#4a5260;letter-spacing:.02em}
.brand{font-weight:700;color:#2f5d8a}
h1{font-size:56px;font-weight:700;line-height:1.1;margin-top:28px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
.headline{font-family:CardSerif,serif;font-weight:600;font-size:38px;line-height:1.25;margin-top:18px;display:-webkit-box;-webkit-line-clamp:3;-webkit-box-orient:vertical;overflow:hidden}
.figures{display:flex;gap:36px;margin-top:auto;border-top:2px solid #d8d4ca;padding-top:22px}
.figure{flex:1 1 0;min-width:0}
.value{font-size:30px;font-weight:700;line-height:1.15;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
.label{font-size:20px;color:#4a5260;margin-top:6px;line-height:1.2;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
</style></head><body>
<div class="top"><span class="brand">compute-deals</span><span>${e(text.kicker)} · data as of ${e(text.asOf)}</span></div>
<h1>${e(text.title)}</h1>
<p class="headline">${e(text.headline)}</p>
<div class="figures">${figures}</div>
</body></html>
`;
}

/** A page's preview image: its address (absolute, or relative to the page), and its alt text. */
export interface PreviewImage {
  url: string;
  alt: string;
}

/**
 * Returns the head tags of a page's link preview: with an image, `og:image` (its size and alt text) and a large
 * Twitter card; without one, a summary card (no image named, so a preview never shows a stale card).
 *
 * @example previewTags({url: "https://x.org/_og/market.1a2b.png", alt: "A"}) // '<meta property="og:image" …'
 */
export function previewTags(image: PreviewImage | null): string {
  const e = escapeHtml;
  if (!image) return '<meta name="twitter:card" content="summary" data-page-head>';
  return [
    `<meta property="og:image" content="${e(image.url)}" data-page-head>`,
    `<meta property="og:image:type" content="image/png" data-page-head>`,
    `<meta property="og:image:width" content="${CARD.width}" data-page-head>`,
    `<meta property="og:image:height" content="${CARD.height}" data-page-head>`,
    `<meta property="og:image:alt" content="${e(image.alt)}" data-page-head>`,
    '<meta name="twitter:card" content="summary_large_image" data-page-head>'
  ].join("\n");
}
