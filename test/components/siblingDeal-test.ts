// @vitest-environment jsdom
// The home page's sentence on another deal by the founding investor, for every such deal in the data (s14 critic
// finding 16): money on conditions is not "put" in, and a round the data shows closing larger is not left at its
// announced size.
import {assert, it} from "vitest";
import {SiblingDeal} from "../../docs/components/headlineStrip.js";
import {headlineTerms} from "../../src/core/headlines.js";
import {readValidDataset} from "../../src/io/readDataset.js";

const dataset = await readValidDataset("data");
const founding = dataset.deals.find((d) => d.id === "amazon-anthropic")!;
const companies = Object.fromEntries(dataset.companies.map((c) => [c.id, c.name]));
const sources = Object.fromEntries(dataset.sources.map((s) => [s.id, s]));
const siblings = dataset.deals.filter((d) => d.id !== founding.id && d.investors.some((i) => founding.investors.includes(i)));

it("each sibling deal's sentence says 'put' only of firm money and names a later close of the round it cites", () => {
  assert.isAbove(siblings.length, 0, "the data has a sibling deal to check");
  for (const deal of siblings) {
    const text = SiblingDeal(deal, founding, {sources, companies}).textContent ?? "";
    const terms = headlineTerms(deal);
    const conditional = Boolean(terms.max && (!terms.firm || terms.max.usd > terms.firm.usd));
    assert.include(text, conditional ? " agreed to put " : " put ", `${deal.id}: ${text}`);
    if (conditional) assert.notMatch(text, /\bput\b(?! \$)/, `${deal.id}: ${text}`);
    const rounds = deal.valuations.filter((v) => v.raised).sort((a, b) => (a.date < b.date ? -1 : 1));
    if (rounds.length > 1) assert.include(text, "(it closed at ", `${deal.id}: ${text}`);
  }
});

it("Amazon → OpenAI: $50B of which $15B firm is agreed, not put, into the round announced at $110B that closed at $122B", () => {
  const deal = dataset.deals.find((d) => d.id === "amazon-openai")!;
  const text = (SiblingDeal(deal, founding, {sources, companies}).textContent ?? "").replace(/\s+/g, " ");
  assert.match(
    text,
    /Amazon agreed to put \$50B.*\(\$15B of it firm.*into OpenAI's \$110B round.* at \$730B pre-money.* as announced \(it closed at \$122B/
  );
});
