// @vitest-environment jsdom
// A checkpoint and the signal boards read one status for one deal and one piece of evidence, and every status on the
// chain can be derived from what the page prints (s16 critic #1: Oracle's capacity checkpoint read "no evidence yet"
// citing the Abilene report the market board badged WATCH; roadmap alignment read WATCH with no observation on one
// deal and "no evidence yet" on another; one Semafor report was "not counted" on capacity and on track on silicon).
import {assert, beforeAll, it} from "vitest";
import {RoadmapChain} from "../../docs/components/charts/roadmapChain.js";
import {SignalBoard} from "../../docs/components/sections/signals.js";
import {checkpointsJson} from "../../src/cli/project.js";
import {capitalChain, dealCheckpoints, ROADMAP_RULE, worstSignalStatus} from "../../src/core/index.js";
import type {Dataset} from "../../src/core/model.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import {publicDataset} from "../../src/site/publicDataset.js";

let dataset: Dataset;
let data: ReturnType<typeof publicDataset>;
beforeAll(async () => {
  dataset = await readValidDataset("data");
  data = publicDataset(dataset, "test");
});

const text = (e: Element) => e.textContent!.replace(/\s+/g, " ");
const WORDS = {"on-track": "on track", watch: "watch", "off-track": "off track", unknown: "no evidence yet"} as const;

it("every deal's capacity checkpoint reads the status the market board gives its newest counted capacity evidence", () => {
  const market = SignalBoard({data, print: true} as never);
  const items = [...market.querySelectorAll("#signal-capacity-reality li")].map(text);
  for (const deal of dataset.deals) {
    const chain = capitalChain(dataset, deal.id);
    const capacity = chain.checkpoints[0];
    if (capacity.id !== "capacity-on-schedule") throw new Error("order");
    // The board item for the same evidence carries the same status words.
    if (capacity.signal.text) {
      const item = items.find((t) => t.includes(capacity.signal.text!))!;
      assert.include(item, WORDS[capacity.status], deal.id);
      assert.notStrictEqual(capacity.status, "unknown", `${deal.id}: a status that cites evidence is not "no evidence yet"`);
    } else assert.strictEqual(capacity.status, "unknown", deal.id);
    const card = RoadmapChain(chain, deal, {data}).querySelector('[data-checkpoint="capacity-on-schedule"]')!;
    if (text(card).includes("Rests on")) assert.notInclude(text(card.querySelector(".signal-head")!), "no evidence yet", deal.id);
  }
  // Oracle: the Abilene report (after the deal) reads watch on both.
  assert.strictEqual(capitalChain(dataset, "oracle-openai").checkpoints[0].status, "watch");
});

it("every deal's roadmap alignment prints its rule and both readings, and its status is the worse of them", () => {
  for (const deal of dataset.deals) {
    const chain = capitalChain(dataset, deal.id);
    const roadmap = chain.checkpoints[2];
    if (roadmap.id !== "roadmap-alignment") throw new Error("order");
    const card = text(RoadmapChain(chain, deal, {data}).querySelector('[data-checkpoint="roadmap-alignment"]')!);
    assert.include(card, ROADMAP_RULE, deal.id);
    if (!roadmap.chips.length) {
      assert.strictEqual(roadmap.status, "unknown", deal.id);
      continue;
    }
    assert.strictEqual(roadmap.status, worstSignalStatus([roadmap.dates, roadmap.signal.status]), deal.id);
    assert.include(card, `The status is the worse of the chips' dates, ${WORDS[roadmap.dates]}`, deal.id);
    // A "watch" for dates names the chips whose date their maker has not confirmed (the sources note asked which).
    const open = [
      ...new Set(roadmap.chips.filter((x) => x.dateStatus !== "confirmed").map((x) => data.chips.find((ch) => ch.id === x.id)?.name))
    ];
    if (roadmap.dates === "watch" && !roadmap.chips.some((x) => x.late))
      assert.include(
        card,
        open.length === 1 ? `(the date of ${open[0]} not confirmed by its maker)` : `${open.at(-1)} not confirmed by their makers)`,
        deal.id
      );
    assert.include(
      card,
      roadmap.signal.text
        ? `and the newest chip-roadmap observation on the deal's chips, ${WORDS[roadmap.signal.status]}: `
        : "and the newest chip-roadmap observation on the deal's chips, none yet.",
      deal.id
    );
  }
});

it("evidence dated before its deal counts on the silicon signal and says why, on the chain and on the board; never on capacity", () => {
  const deal = dataset.deals.find((d) => d.id === "amazon-anthropic")!;
  const chain = capitalChain(dataset, deal.id);
  assert.strictEqual(chain.platform.signal.latest, "2025-10-29");
  const flow = text(RoadmapChain(chain, deal, {data}).querySelector(".roadmap-chain")!);
  assert.include(
    flow,
    "Read from 29 Oct 2025, before the deal (20 Apr 2026): it counts, as this signal asks about the lab and its chips, not the deal's schedule."
  );
  for (const dealId of [undefined, "amazon-anthropic"]) {
    const slice = dealId ? {...data, deals: data.deals.filter((d) => d.id === dealId)} : data;
    const board = SignalBoard({data: slice, dealId, print: true} as never);
    const silicon = [...board.querySelectorAll("#signal-silicon-follow-through li")].map(text).find((t) => t.includes("Trainium2"))!;
    assert.include(silicon, "dated before the deal, and counted: this signal asks about the lab", dealId ?? "market");
  }
  // A deal whose silicon reading is dated after it gets no note.
  for (const d of dataset.deals) {
    const c = capitalChain(dataset, d.id);
    const note = text(RoadmapChain(c, d, {data}).querySelector(".roadmap-chain")!).includes("before the deal (");
    assert.strictEqual(
      note,
      c.platform.chips.length > 0 && c.platform.signal.latest !== null && c.platform.signal.latest < d.announced,
      d.id
    );
  }
});

it("the CLI's checkpoints carry both readings of roadmap alignment, as the card prints them", () => {
  const json = checkpointsJson(dealCheckpoints(dataset, "nvidia-openai"));
  const roadmap = json.find((c) => c.id === "roadmap-alignment")!;
  assert.deepInclude(roadmap, {status: "watch", dates: "watch"});
  assert.strictEqual(roadmap.evidence?.status, "on-track");
  assert.strictEqual(json.find((c) => c.id === "capacity-on-schedule")!.evidence?.status, "off-track");
});
