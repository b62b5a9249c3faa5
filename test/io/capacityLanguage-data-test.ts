// A deal's capacity language (printed as "In words" and in the market briefing's glance cards) bounds each figure it
// shares with the data's capacity facts with that fact's bound word (s16 critic #10: Amazon → Anthropic's 2026 point
// read "up to 1 GW" in the summary, Fig. 1 and the checkpoint, and "nearly 1 GW" in words; Fig. 1 drew 2028 as "about
// 5 GW" beside the "up to 5 GW" ceiling).
import {assert, beforeAll, it} from "vitest";
import type {Bound, Dataset} from "../../src/core/model.js";
import {readValidDataset} from "../../src/io/readDataset.js";

let data: Dataset;
beforeAll(async () => {
  data = await readValidDataset("data");
});

/** The words that may precede a figure with each bound ("over" is the sources' floor word, "at least" its plain form). */
const ALLOWED: Record<Bound, readonly string[]> = {"up-to": ["up to"], "at-least": ["over", "at least"], about: ["about"], exact: []};
/** Every bounding word a writer might use, the allowed ones and the ones no output prints. */
const BOUND_WORDS = /\b(up to|well over|over|at least|about|nearly|almost|around|roughly|approximately)\s+$/i;

it("every deal's capacity language bounds a capacity figure with the word its data fact carries", () => {
  let checked = 0;
  for (const deal of data.deals) {
    const capacity = deal.capacity;
    if (!capacity) continue;
    const facts = [capacity.ceiling, ...capacity.schedule.map((p) => p.gw)].filter((f) => f.unit === "gw");
    for (const m of deal.profile.capacityLanguage.matchAll(/(\d+(?:\.\d+)?)\s*GW\b/g)) {
      const same = facts.filter((f) => f.value === Number(m[1]));
      if (!same.length) continue;
      const word = BOUND_WORDS.exec(deal.profile.capacityLanguage.slice(0, m.index))?.[1].toLowerCase().replace("well over", "over");
      if (!word) continue;
      checked++;
      assert.isTrue(
        same.some((f) => ALLOWED[f.bound ?? "exact"].includes(word)),
        `${deal.id}: "${word} ${m[0]}" in its capacity language, but the data bounds ${m[0]} ${same.map((f) => f.bound ?? "exact").join(" / ")}`
      );
    }
  }
  assert.isAtLeast(checked, 5);
});

it("Amazon → Anthropic's schedule: about 1 GW by end-2026 (the source's 'nearly', a point not a ceiling) and the up to 5 GW ceiling reached by 2028", () => {
  const deal = data.deals.find((d) => d.id === "amazon-anthropic")!;
  const [first, last] = deal.capacity!.schedule;
  assert.strictEqual(first.gw.value, 1);
  assert.strictEqual(first.gw.bound, "about");
  assert.strictEqual(last.gw.value, deal.capacity!.ceiling.value);
  assert.strictEqual(last.gw.bound, deal.capacity!.ceiling.bound);
  assert.include(deal.profile.capacityLanguage, "about 1 GW by end-2026");
});
