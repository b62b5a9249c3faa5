import {assert, beforeAll, it} from "vitest";
import type {Dataset} from "../../../src/core/model.js";
import {providerExposure} from "../../../src/core/recycling/providerExposure.js";
import {readValidDataset} from "../../../src/io/readDataset.js";
import {assertInDelta} from "../../asserts.js";

let dataset: Dataset;
beforeAll(async () => {
  dataset = await readValidDataset("data");
});

it("providerExposure(dataset, id) hand-check: Microsoft → OpenAI's $250B against Microsoft's $625B, and OpenAI's stated share of it", () => {
  const e = providerExposure(dataset, "microsoft-openai")!;
  assert.strictEqual(e.provider, "microsoft"); // the parent states the backlog
  assertInDelta(e.backlogUsd.value / 1e9, 625);
  assertInDelta(e.commitmentShare.value, 250 / 625); // 0.4
  assertInDelta(e.labShare!.value, 0.45);
  assertInDelta(e.labShareUsd!.value / 1e9, 0.45 * 625); // 281.25
  assert.strictEqual(e.labShare!.bound, "about");
  assert.strictEqual(e.labShare!.lineage.status, "estimate"); // read only in secondary pages
  assert.strictEqual(e.announcedAfterBacklog, false); // announced 28 Oct 2025, backlog at 31 Dec 2025
});

it("providerExposure(dataset, id) hand-check: a deal the backlog's source leaves out is on top of it", () => {
  const e = providerExposure(dataset, "amazon-anthropic")!;
  assert.strictEqual(e.provider, "aws");
  // s14 critic #14: AWS's Q1-26 backlog, $364B excluding the Anthropic deal, not the Q4-25 $244B.
  assertInDelta(e.commitmentShare.value, 100 / 364); // 0.2747
  assert.strictEqual(e.commitmentShare.bound, "at-least"); // over $100B ÷ $364B
  assert.strictEqual(e.backlogAsOf, "2026-03-31");
  assert.strictEqual(e.announcedAfterBacklog, true); // 20 Apr 2026 against 31 Mar 2026
  assert.strictEqual(e.excludedFromBacklog, true); // the source says the backlog leaves it out
  // On top of the backlog, the commitment is a share of the two together: over $100B ÷ ($364B + $100B) = 100 ÷ 464
  // = 0.2155, "over" like the commitment (s15 critic #2: about 22% of backlog-plus-deal, not 27% "of" the backlog).
  assertInDelta(e.shareWithDeal!.value, 100 / 464);
  assert.strictEqual(e.shareWithDeal!.bound, "at-least");
  assert.strictEqual(providerExposure(dataset, "amazon-openai")?.excludedFromBacklog ?? false, false);
  assert.strictEqual(providerExposure(dataset, "amazon-openai")?.shareWithDeal, null); // not said to be left out
  assert.strictEqual(e.labShare, null);
});

it("providerExposure(dataset, id) is null without a commitment or without a stated backlog, and rejects an unknown deal", () => {
  assert.strictEqual(providerExposure(dataset, "amd-openai"), null); // no dollar commitment
  const noBacklog = {...dataset, companies: dataset.companies.map((c) => (c.id === "oracle" ? {...c, backlog: undefined} : c))};
  assert.strictEqual(providerExposure(noBacklog, "oracle-openai"), null);
  assert.throws(() => providerExposure(dataset, "nope"), /invalid deal: nope/);
});
