// A backlog share in a deal's own words names the backlog's date (s15 critic #4: Google → Anthropic's summary said
// "over 40% of its backlog" on p.2 and the provider-side exposure "about 83% of the $240B of backlog Google Cloud
// stated at 31 Dec 2025" on p.9, two shares of two backlogs with nothing to say which; an analyst quoting one was
// contradicted by the other). The computed sentence always states its date; a summary must too.
import {assert, beforeAll, it} from "vitest";
import type {Dataset} from "../../src/core/model.js";
import {readValidDataset} from "../../src/io/readDataset.js";

let dataset: Dataset;
beforeAll(async () => {
  dataset = await readValidDataset("data");
});

const MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December)";
const DATED = new RegExp(`(\\d{1,2} ${MONTH}|${MONTH}) \\d{4}`);

it("every percentage of a backlog a deal summary gives names the backlog's date in the same sentence (none does now: the share is data)", () => {
  let seen = 0;
  for (const deal of dataset.deals) {
    const text = (deal.summary ?? "").replace(/\s+/g, " ");
    for (const sentence of text.split(/(?<=\.) (?=[A-Z*])/)) {
      if (!/\d+(\.\d+)?% of [^.]*backlog/.test(sentence)) continue;
      seen++;
      assert.match(sentence, DATED, `${deal.id}: a backlog share without the backlog's date: "${sentence}"`);
    }
  }
  // s16 critic #6: the one summary share (Google → Anthropic's "over 40%") had no source number, which a summary cannot
  // carry; it is now data (google-cloud's laterBacklogShares, dated 31 Mar 2026) and prints, dated and numbered, in the
  // provider-side exposure sentence (investorSentences-test).
  assert.strictEqual(seen, 0, "a backlog share in a summary prints with no source number");
  const later = dataset.companies.find((c) => c.id === "google-cloud")?.laterBacklogShares?.[0];
  assert.strictEqual(later?.share.asOf, "2026-03-31");
});
