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

it("providerExposure(dataset, id) hand-check: a deal announced after the backlog's date is on top of it", () => {
  const e = providerExposure(dataset, "amazon-anthropic")!;
  assert.strictEqual(e.provider, "aws");
  assertInDelta(e.commitmentShare.value, 100 / 244);
  assert.strictEqual(e.commitmentShare.bound, "at-least"); // over $100B ÷ $244B
  assert.strictEqual(e.announcedAfterBacklog, true); // 20 Apr 2026 against 31 Dec 2025
  assert.strictEqual(e.labShare, null);
});

it("providerExposure(dataset, id) is null without a commitment or without a stated backlog, and rejects an unknown deal", () => {
  assert.strictEqual(providerExposure(dataset, "amd-openai"), null); // no dollar commitment
  const noBacklog = {...dataset, companies: dataset.companies.map((c) => (c.id === "oracle" ? {...c, backlog: undefined} : c))};
  assert.strictEqual(providerExposure(noBacklog, "oracle-openai"), null);
  assert.throws(() => providerExposure(dataset, "nope"), /invalid deal: nope/);
});
