// @vitest-environment jsdom
// The signals board (docs/components/sections/signals.ts) applies the deal checkpoint's rule to the schedule signal,
// and a lapsed forecast reads as history (s15 critic #7: market.pdf's "Capacity reality" showed Project Rainier, live
// in Oct 2025, "ON TRACK (Amazon → Anthropic)" beside the deal's "NO EVIDENCE YET", and Epoch AI's January 2026
// forecast still said "expects" five months after its date).
import {assert, beforeAll, it} from "vitest";
import {SignalBoard} from "../../docs/components/sections/signals.js";
import type {Dataset} from "../../src/core/model.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import {publicDataset} from "../../src/site/publicDataset.js";

let dataset: Dataset;
beforeAll(async () => {
  dataset = await readValidDataset("data");
});

const FORECAST_PRESENT = /\b(expects?|forecasts|predicts|projects|will)\b/;

it("the market board and the founding deal's page say Rainier is before the deal and does not count, as the checkpoint does", () => {
  const data = publicDataset(dataset, "test");
  for (const dealId of [undefined, "amazon-anthropic"]) {
    const slice = dealId ? {...data, deals: data.deals.filter((d) => d.id === dealId)} : data;
    const board = SignalBoard({data: slice, dealId, print: true} as never);
    const card = board.querySelector("#signal-capacity-reality")!;
    const items = [...card.querySelectorAll("li")].map((li) => li.textContent!.replace(/\s+/g, " "));
    const rainier = items.find((t) => t.includes("Trainium2 chips in Project Rainier"))!;
    assert.include(rainier, "before the deal, not counted", dealId ?? "market");
    assert.notInclude(rainier, "on track", dealId ?? "market");
    assert.include(rainier, "announced 20 Apr 2026: dated before the deal, so its schedule checkpoint does not count it");
    const epoch = items.find((t) => t.includes("New Carlisle"))!;
    assert.include(epoch, "now past");
    assert.include(epoch, "No later observation confirms it.");
    assert.notMatch(epoch.split("(")[0], FORECAST_PRESENT, "a lapsed forecast in the present tense");
    if (dealId) assert.include(card.querySelector(".signal-head")!.textContent!, "no evidence yet", "the deal page's reading");
  }
});

it("every forecast in the data is written so that it reads right once its date has passed", () => {
  for (const signal of dataset.signals)
    for (const o of signal.observations)
      if (o.basis === "forecast") assert.notMatch(o.text, FORECAST_PRESENT, `${signal.id} ${o.date}: "${o.text}"`);
});
