// The link-preview card (src/site/ogCard.ts): its text from the briefing index for every briefing, escaped; the
// headline cut where the call takes its position; the head tags with and without a card; which cards a run draws.
import {assert, beforeAll, it} from "vitest";
import {cardsWanted} from "../../src/cli/ogCards.js";
import {withPageHead} from "../../src/cli/pageHeads.js";
import {CARD, cardAlt, cardHtml, cardText, headline, previewTags, textOf} from "../../src/site/ogCard.js";
import type {SiteData} from "../../src/site/siteData.js";
import type {BriefingEntry} from "../../src/site/types.js";
import {publishedSite} from "../publishedSite.js";

const FONTS = {sans400: "data:font/woff2;base64,AA==", sans700: "data:font/woff2;base64,AQ==", serif600: "data:font/woff2;base64,Ag=="};
let site: SiteData;

beforeAll(async () => {
  ({site} = await publishedSite());
});

it("textOf(html) is the text of sanitized HTML: tags dropped, entities decoded, white space folded", () => {
  assert.strictEqual(textOf("<p><strong>A &amp; B</strong>\n  c &lt;d&gt; &#39;e&#x27; &quot;f&quot;</p>\n"), "A & B c <d> 'e' \"f\"");
});

it("headline(call) is the call's first clause (to a colon or semicolon), else its first sentence, cut at a word", () => {
  assert.strictEqual(
    headline("Amazon's new money does not come back as cash: netting $15B against…"),
    "Amazon's new money does not come back as cash"
  );
  // A colon within the first 30 characters does not end it; a sentence does.
  assert.strictEqual(headline("Short: no. The textbook circular deal never happened. More."), "Short: no.");
  assert.strictEqual(headline("The textbook circular deal never happened. More: here."), "The textbook circular deal never happened.");
  const long = `${"word ".repeat(60)}end`;
  const cut = headline(long);
  assert.isAtMost(cut.length, 170);
  assert.match(cut, /^word( word)*…$/);
  assert.strictEqual(headline("no stop at all"), "no stop at all");
});

it("every briefing's card names its briefing, a headline the call starts with, and 3 key figures as the index has them", async () => {
  const index = await site.briefings();
  for (const entry of index.briefings) {
    const text = cardText(entry, index.asOf);
    assert.strictEqual(text.title, entry.title, entry.name);
    assert.strictEqual(text.kicker, entry.deal ? "Deal briefing" : "Market briefing", entry.name);
    assert.isAtLeast(text.headline.length, 20, entry.name);
    assert.isTrue(textOf(entry.call.callHtml).startsWith(text.headline.replace(/…$/, "")), entry.name);
    assert.deepStrictEqual(
      text.figures,
      entry.call.keyFigures.slice(0, 3).map((f) => ({label: f.label, value: f.value})),
      entry.name
    );
    assert.match(text.asOf, /^\d{1,2} [A-Z][a-z]{2} \d{4}$/, entry.name);
    const html = cardHtml(text, FONTS);
    assert.include(html, `width:${CARD.width}px;height:${CARD.height}px`);
    assert.notMatch(html, /<script|https?:\/\//i, `${entry.name}: no script, nothing fetched`);
    assert.strictEqual(cardHtml(text, FONTS), html, "the same text gives the same card");
  }
});

it("a card escapes every text from data, and its alt text is title and headline", () => {
  const hostile = {
    name: "deal-x",
    deal: "x",
    title: '<img src=x onerror="alert(1)"> & Co',
    call: {
      callHtml: "<p>&lt;script&gt;alert(1)&lt;/script&gt; wins big: because</p>",
      takeawaysHtml: "",
      keyFigures: [{label: "<b>L</b>", value: '"$1B"'}]
    }
  } as unknown as BriefingEntry;
  const text = cardText(hostile, "2026-06-30");
  const html = cardHtml(text, FONTS);
  assert.notInclude(html, "<img");
  assert.notInclude(html, "<script>");
  assert.notInclude(html, "<b>");
  assert.include(html, "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; Co");
  assert.include(html, "&lt;script&gt;alert(1)&lt;/script&gt; wins big");
  assert.include(html, "&quot;$1B&quot;");
  assert.strictEqual(cardAlt(text), '<img src=x onerror="alert(1)"> & Co: <script>alert(1)</script> wins big');
});

it("the head names the card with its size and alt text, or a summary card without one; twice gives the same page", () => {
  const page = "<!DOCTYPE html>\n<html>\n<head>\n<title>A | compute-deals</title>\n</head><body></body></html>";
  const image = {url: "../_og/deal-a.0123.png", alt: 'A → B: "it" & more'};
  const html = withPageHead(page, {description: "D", image});
  assert.include(html, '<meta property="og:image" content="../_og/deal-a.0123.png" data-page-head>');
  assert.include(html, `<meta property="og:image:width" content="${CARD.width}" data-page-head>`);
  assert.include(html, `<meta property="og:image:height" content="${CARD.height}" data-page-head>`);
  assert.include(html, '<meta property="og:image:alt" content="A → B: &quot;it&quot; &amp; more" data-page-head>');
  assert.include(html, '<meta name="twitter:card" content="summary_large_image" data-page-head>');
  assert.strictEqual(withPageHead(html, {description: "D", image}), html);
  // A page whose card is not there (a site-only build with no matching previous card) names none.
  const without = withPageHead(html, {description: "D", image: null});
  assert.notInclude(without, "og:image");
  assert.include(without, '<meta name="twitter:card" content="summary" data-page-head>');
  assert.strictEqual(previewTags(null), '<meta name="twitter:card" content="summary" data-page-head>');
});

it("a build draws every card, a test run none unless DEALS_CARDS names them", () => {
  const names = ["market", "deal-a", "deal-b"];
  assert.deepStrictEqual(cardsWanted(names, {}), names);
  assert.deepStrictEqual(cardsWanted(names, {VITEST: "true"}), []);
  assert.deepStrictEqual(cardsWanted(names, {VITEST: "true", DEALS_CARDS: "market"}), ["market"]);
  assert.deepStrictEqual(cardsWanted(names, {VITEST: "true", DEALS_CARDS: "all"}), names);
  assert.deepStrictEqual(cardsWanted(names, {DEALS_CARDS: "deal-b, market"}), ["market", "deal-b"]);
});
