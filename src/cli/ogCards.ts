/**
 * The link-preview cards (src/site/ogCard.ts) in a build: one PNG per briefing in `_og/<name>.<hash>.png`, named by
 * the SHA-256 of the card's HTML, so a page names its card before it is drawn and a card whose text is unchanged keeps
 * its name. The PDF stage draws the cards with its browser; a card whose HTML and renderer (Chromium, this code) are
 * the previous build's is copied from it instead. A build without the PDF stage (`--site-only`) copies what it can and
 * names no card for the rest (never a stale one). Test runs (VITEST set) draw no card unless DEALS_CARDS lists them
 * ("market", "all"), so the suite's builds stay as fast as before.
 */
import {createHash} from "node:crypto";
import {existsSync} from "node:fs";
import {copyFile, mkdir, readFile, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {Browser} from "puppeteer-core";
import {CARD, type CardFonts, cardAlt, cardHtml, cardText, type PreviewImage} from "../site/ogCard.js";
import type {BriefingIndex} from "../site/types.js";
import {rendererHash} from "./pdf/reuse.js";

/** The cards' folder in a build. */
export const CARD_DIR = "_og";
/** What the previous build's cards were drawn with: file → renderer hash. */
const RECORD = `${CARD_DIR}/cards.json`;

/** One briefing's card. */
export interface PlannedCard {
  name: string;
  /** Path from the site root: `_og/<name>.<hash>.png`. */
  file: string;
  /** The page drawn (with the fonts embedded): only on a card to draw. */
  html?: string;
  alt: string;
  /** Drawn in this build's PDF stage (else copied from the previous build). */
  draw: boolean;
}

export interface CardPlan {
  /** The cards the site names: copied already, or to draw in the PDF stage. */
  cards: PlannedCard[];
  /** Site page ("/", "/deals/<id>", "/recycling") → its card (the topic pages share the market's). */
  pages: Map<string, PlannedCard>;
  /**
   * The site pages whose head named a card in the previous build (by the previous build's record of its cards): a page
   * without a card now keeps its head as it was unless it is one of them.
   */
  previouslyNamed: ReadonlySet<string>;
  renderer: string;
}

/** Returns the briefings whose cards this process draws: every one, or in a test run those DEALS_CARDS names. */
export function cardsWanted(names: readonly string[], env: NodeJS.ProcessEnv = process.env): string[] {
  const listed = env.DEALS_CARDS;
  if (listed === undefined) return env.VITEST ? [] : [...names];
  if (listed === "all") return [...names];
  const wanted = new Set(listed.split(",").map((n) => n.trim()));
  return names.filter((n) => wanted.has(n));
}

/** Reads the card fonts from `fontsDir` as data: URLs. */
async function readCardFonts(fontsDir = "docs/fonts"): Promise<CardFonts> {
  const url = async (file: string) => `data:font/woff2;base64,${(await readFile(join(fontsDir, file))).toString("base64")}`;
  return {
    sans400: await url("inter-latin-400-normal.woff2"),
    sans700: await url("inter-latin-700-normal.woff2"),
    serif600: await url("source-serif-4-latin-600-normal.woff2")
  };
}

/**
 * Plans the cards of `scratch` (the new build) from the briefing index: copies from `previousOut` each card whose file
 * and renderer match, marks the rest to draw when `drawing` (a build with the PDF stage), and drops them otherwise.
 */
export async function planCards({
  scratch,
  previousOut,
  index,
  drawing
}: {
  scratch: string;
  previousOut: string;
  index: BriefingIndex;
  drawing: boolean;
}): Promise<CardPlan> {
  const fonts = await readCardFonts();
  const renderer = createHash("sha256")
    .update(await rendererHash())
    .update(await readFile(new URL(import.meta.url)))
    .digest("hex");
  const previous: Record<string, string> = existsSync(join(previousOut, RECORD))
    ? JSON.parse(await readFile(join(previousOut, RECORD), "utf-8"))
    : {};
  const wanted = new Set(cardsWanted(index.briefings.map((b) => b.name)));
  const cards: PlannedCard[] = [];
  await mkdir(join(scratch, CARD_DIR), {recursive: true});
  // A card's name hashes its page with each font as its digest in place of its data (the page with the fonts
  // embedded is 150 KB: at 1,000 deals hashing them all was about 0.9 CPU-s of a rebuild); the page to draw is made
  // only for the cards drawn.
  const fontDigest = (url: string) => `sha256-${createHash("sha256").update(url).digest("hex")}`;
  const named: CardFonts = {sans400: fontDigest(fonts.sans400), sans700: fontDigest(fonts.sans700), serif600: fontDigest(fonts.serif600)};
  for (const entry of index.briefings) {
    const text = cardText(entry, index.asOf);
    const hash = createHash("sha256").update(cardHtml(text, named)).digest("hex").slice(0, 16);
    const file = `${CARD_DIR}/${entry.name}.${hash}.png`;
    const card = {name: entry.name, file, alt: cardAlt(text), draw: false};
    if (previous[file] === renderer && existsSync(join(previousOut, file))) {
      // A relinked build's scratch holds the previous build's cards already (a copy of the same file).
      if (!existsSync(join(scratch, file))) await copyFile(join(previousOut, file), join(scratch, file));
      cards.push(card);
    } else if (drawing && wanted.has(entry.name)) cards.push({...card, html: cardHtml(text, fonts), draw: true});
  }
  // What each card is (or will be) drawn with, for the next build; a failed PDF stage fails the build, record and all.
  await writeFile(join(scratch, RECORD), `${JSON.stringify(Object.fromEntries(cards.map((c) => [c.file, renderer])), null, 1)}\n`);
  const byName = new Map(cards.map((c) => [c.name, c]));
  // The briefings that had a card in the previous build.
  const before = new Set(Object.keys(previous).map(cardBriefing));
  const pages = new Map<string, PlannedCard>();
  const previouslyNamed = new Set<string>();
  for (const [page, name] of Object.entries(index.pages)) {
    const card = byName.get(name);
    if (card) pages.set(page, card);
    if (before.has(name)) previouslyNamed.add(page);
  }
  return {cards, pages, previouslyNamed, renderer};
}

/**
 * Returns the briefing a card's file is of (`<CARD_DIR>/<briefing>.<hash>.png`, as planCards names it); null for
 * another file.
 *
 * @example cardBriefing("_og/deal-amd-openai.0123456789abcdef.png") // "deal-amd-openai"
 */
export function cardBriefing(file: string): string | null {
  const prefix = `${CARD_DIR}/`;
  const match = file.startsWith(prefix) ? /^([^/]+)\.[0-9a-f]+\.png$/.exec(file.slice(prefix.length)) : null;
  return match ? match[1] : null;
}

/**
 * Returns a page's preview image from the plan: the card's address, absolute under `siteUrl` when the site's address
 * is known, else relative to a page `depth` folders below the root; the topic pages take the market's card.
 */
export function previewImage(plan: CardPlan, page: string, depth: number, siteUrl = process.env.DEALS_SITE_URL || ""): PreviewImage | null {
  const card = plan.pages.get(page) ?? (page.startsWith("/deals/") || page.startsWith("/briefings/") ? undefined : plan.pages.get("/"));
  if (!card) return null;
  const url = siteUrl ? `${siteUrl.replace(/\/$/, "")}/${card.file}` : `${"../".repeat(depth)}${card.file}`;
  return {url, alt: card.alt};
}

/**
 * Draws the plan's cards that are to be drawn into `scratch` with `browser` (a page at the card's size, device pixel
 * ratio 1, the fonts loaded). Returns how many it drew.
 */
export async function drawCards(browser: Browser | null, scratch: string, plan: CardPlan): Promise<number> {
  const todo = plan.cards.filter((c): c is PlannedCard & {html: string} => c.draw && c.html !== undefined);
  if (todo.length && !browser) throw new Error("no browser to draw the link-preview cards");
  if (todo.length) {
    const page = await browser!.newPage();
    try {
      await page.setViewport({width: CARD.width, height: CARD.height, deviceScaleFactor: 1});
      for (const card of todo) {
        await page.setContent(card.html, {waitUntil: "load"});
        await page.evaluate("document.fonts.ready.then(() => undefined)");
        const png = await page.screenshot({type: "png"});
        // A new file, never the old one rewritten: a relinked build's cards are hard links to the previous build's.
        await rm(join(scratch, card.file), {force: true});
        await writeFile(join(scratch, card.file), png);
      }
    } finally {
      await page.close();
    }
  }
  return todo.length;
}
