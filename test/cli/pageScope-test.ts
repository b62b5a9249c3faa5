// Which pages a relinked build's later steps take (src/cli/pageScope.ts, issue #18): the pages the relink re-pointed,
// every page not of one deal, and a deal page whose card is not the previous build's; never the other deals' pages.
import {assert, it} from "vitest";
import {type CardPlan, cardBriefing, type PlannedCard} from "../../src/cli/ogCards.js";
import {EVERY_PAGE, isDealPage, relinkedScope} from "../../src/cli/pageScope.js";

const card = (name: string, draw: boolean): PlannedCard => ({name, file: `_og/${name}.0.png`, html: "", alt: "", draw});

it("isDealPage: a deal's page and the briefings' print pages, not the topic pages or the deals index", () => {
  assert.isTrue(isDealPage("deals/amd-openai.html"));
  assert.isTrue(isDealPage("briefings/market.html"));
  assert.isFalse(isDealPage("deals.html"));
  assert.isFalse(isDealPage("index.html"));
  assert.isFalse(isDealPage("deals/x/y.html"));
});

it("relinkedScope takes the re-pointed pages, the topic pages and the deal pages whose card changed", () => {
  const cards: CardPlan = {
    cards: [],
    pages: new Map([
      ["/", card("market", false)],
      ["/deals/a", card("deal-a", false)],
      ["/deals/b", card("deal-b", true)]
    ]),
    previouslyNamed: new Set(["/", "/deals/a", "/deals/b", "/deals/c"]),
    renderer: ""
  };
  const scope = relinkedScope(["deals/a.html", "briefings/deal-a.html", "index.html"], cards);
  // Re-pointed: taken.
  assert.isTrue(scope("deals/a.html"));
  assert.isTrue(scope("briefings/deal-a.html"));
  // Not one deal's: always taken (bounded whatever the number of deals).
  assert.isTrue(scope("capacity.html"));
  assert.isTrue(scope("deals.html"));
  // b's card is drawn anew (its head names the new card); c has no card in the plan (its head loses the old one).
  assert.isTrue(scope("deals/b.html"));
  assert.isTrue(scope("deals/c.html"));
  // Left as the previous build's: a deal page whose card was kept, and a print page not re-pointed.
  const kept = relinkedScope([], {...cards, pages: new Map([["/deals/d", card("deal-d", false)]])});
  assert.isFalse(kept("deals/d.html"));
  assert.isFalse(kept("briefings/deal-d.html"));
  assert.isTrue(EVERY_PAGE("briefings/deal-d.html"));
  // No card in this build nor in the previous one (a site-only build after another, a test run): the head is as it
  // was, so the page is left; one whose previous head named a card is taken (it loses it).
  const none = relinkedScope([], {cards: [], pages: new Map(), previouslyNamed: new Set(["/deals/c"]), renderer: ""});
  assert.isFalse(none("deals/e.html"));
  assert.isTrue(none("deals/c.html"));
  // Without a plan at all: every deal page (nothing says what its head named).
  assert.isTrue(relinkedScope([], null)("deals/e.html"));
});

it("cardBriefing reads the briefing from a card's file name, as planCards writes it", () => {
  assert.strictEqual(cardBriefing("_og/deal-amd-openai.0123456789abcdef.png"), "deal-amd-openai");
  assert.strictEqual(cardBriefing("_og/market.fedcba9876543210.png"), "market");
  assert.isNull(cardBriefing("_og/cards.json"));
  assert.isNull(cardBriefing("other/market.fedcba9876543210.png"));
});
