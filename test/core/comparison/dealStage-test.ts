import {assert, it} from "vitest";
import {DEAL_STAGE_WORDS, dealStageText, isHistory, stageNoun} from "../../../src/core/comparison/dealStage.js";
import type {DealStatus} from "../../../src/core/model.js";
import {readValidDataset} from "../../../src/io/readDataset.js";

const superseded = {date: "2026-02-27", status: "reported" as const, source: "s", asOf: "2026-06-30"};

it("dealStageText(deal) dates a superseded deal by its supersession, never by its announcement alone", () => {
  assert.strictEqual(
    dealStageText({status: "superseded", announced: "2025-09-22", supersededOn: superseded}),
    "announced 22 Sep 2025 · superseded 27 Feb 2026"
  );
  assert.strictEqual(dealStageText({status: "superseded", announced: "2025-09-22"}), "announced 22 Sep 2025 · superseded");
  assert.strictEqual(dealStageText({status: "active", announced: "2026-04-20"}), "announced 20 Apr 2026");
  assert.strictEqual(dealStageText({status: "loi", announced: "2025-10-13"}), "letter of intent, 13 Oct 2025");
  assert.strictEqual(dealStageText({status: "stalled", announced: "2025-01-01"}), "announced 1 Jan 2025 · stalled");
});

it("stageNoun(status) calls a letter of intent one, and isHistory is true only for superseded terms", () => {
  assert.strictEqual(stageNoun("loi"), "letter of intent");
  assert.strictEqual(stageNoun("active"), "deal");
  assert.isTrue(isHistory({status: "superseded"}));
  assert.isFalse(isHistory({status: "loi"}));
});

it("every deal in the data gets stage words that match its status (no raw status code, no 'live' for a letter of intent)", async () => {
  const dataset = await readValidDataset("data");
  for (const deal of dataset.deals) {
    const text = dealStageText(deal);
    assert.notMatch(text, /\bloi\b|\blive\b|\bactive\b/, deal.id);
    if (deal.status === "loi") assert.match(text, /letter of intent/, deal.id);
    if (deal.supersededOn) assert.include(text, `superseded`, deal.id);
    assert.isString(DEAL_STAGE_WORDS[deal.status as DealStatus]);
  }
});
