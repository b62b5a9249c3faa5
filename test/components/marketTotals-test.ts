import {assert, it} from "vitest";
import {dealsCell, gwCell, gwText, marketLede, partialGwNote, sumText} from "../../docs/components/sections/marketTotals.js";
import {capacityScope} from "../../src/core/comparison/capacityScope.js";
import {compareDeals} from "../../src/core/comparison/compareDeals.js";
import {marketAggregate} from "../../src/core/comparison/marketAggregate.js";
import {readValidDataset} from "../../src/io/readDataset.js";

const dataset = await readValidDataset("data");

it("sumText(sum, unit) writes a bounded sum with its bound word, and 'none' for an empty one", () => {
  assert.strictEqual(sumText({value: 130e9, bound: "at-least", count: 2}, "usd"), "over $130B");
  assert.strictEqual(sumText({value: 6.5, bound: "up-to", count: 2}, "gw"), "up to 6.5 GW");
  assert.strictEqual(sumText({value: 0, bound: "exact", count: 0}, "usd"), "none");
});

it("marketLede(market) reads correctly for the real deals (all detailed) and when only the largest are", () => {
  const market = marketAggregate(compareDeals(dataset));
  const live = dataset.deals.filter((d) => d.status !== "superseded").length;
  const [first, ...rest] = marketLede(market);
  assert.match(
    first,
    new RegExp(`^The data holds ${dataset.deals.length} deals .*Together the ${live} deals still live(, with that money,)? state `)
  );
  // The stake that replaced Nvidia's superseded letter is named once, with its money, and counted in the investment.
  assert.deepStrictEqual(
    market.stakes.map((s) => s.id),
    ["nvidia-openai"]
  );
  assert.include(first, "Nvidia → OpenAI's $30B, is counted once, in the firm investment");
  assert.strictEqual(dealsCell({...market.all, deals: 6, stakes: 1}), "6\u00a0+\u00a01\u00a0stake");
  assert.strictEqual(dealsCell({...market.all, deals: 0, stakes: 2}), "2\u00a0stakes");
  assert.strictEqual(dealsCell({...market.all, deals: 3, stakes: 0}), "3");
  assert.deepStrictEqual(rest, []);
  // Only the first three deals detailed: the lede names the others and their totals, and the changes left out.
  const few = {...marketAggregate(compareDeals(dataset), {allUpTo: 3, top: 1}), otherChanges: 1};
  const lines = marketLede(few);
  assert.strictEqual(lines.length, 3);
  assert.match(
    lines[1],
    new RegExp(
      `^This briefing details ${few.shown.length} deals: the largest by firm investment, .* The other ${few.others!.deals} deals together state `
    )
  );
  assert.match(lines[2], /1 other change since the last build is on the site's What changed page/);
  // On a site page (/comparison) the same line is the page's, not a briefing's.
  assert.strictEqual(marketLede(few, {where: "This page"})[1], lines[1].replace(/^This briefing/, "This page"));
});

it("a GW figure for part of a deal's chips is summed as stated but never called a ceiling: the sums say how much of them is partial", () => {
  const market = marketAggregate(compareDeals(dataset));
  const partial = dataset.deals.filter((d) => !d.supersededOn && d.capacity && capacityScope(d).partial);
  // The partial part of the live sum is exactly the partial deals' own GW figures.
  const rows = compareDeals(dataset).filter((r) => partial.some((d) => d.id === r.id));
  assert.strictEqual(market.all.gwPartial.count, partial.length);
  assert.closeTo(
    market.all.gwPartial.value,
    rows.reduce((s, r) => s + (r.gw?.value ?? 0), 0),
    1e-9
  );
  const words = gwText(market.all);
  if (partial.length) {
    assert.include(words, "of stated capacity (");
    assert.include(words, "not a ceiling)");
    assert.match(gwCell(market.all), /\*$/);
    for (const d of partial) assert.include(partialGwNote(dataset.deals), `${d.name}'s `);
  } else assert.match(words, / of capacity ceilings$/);
  // Without a partial figure the sum is one of ceilings.
  const none = {...market.all, gwPartial: {value: 0, bound: "exact" as const, count: 0}};
  assert.match(gwText(none), / of capacity ceilings$/);
  assert.notInclude(gwCell(none), "*");
});
