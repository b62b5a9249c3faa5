import {assert, it} from "vitest";
import type {Signal} from "../../../src/core/model.js";
import {concerns, isBeforeDeal, signalBoard} from "../../../src/core/signals.js";

const signals: Signal[] = [
  {
    id: "capacity-reality",
    label: "Capacity reality",
    question: "Is it online?",
    observations: [
      {date: "2025-10-29", status: "on-track", text: "Rainier live", source: "s1", deal: "amazon-anthropic"},
      {date: "2026-03-06", status: "watch", text: "Abilene dropped", source: "s2", deal: "oracle-openai"},
      {date: "2026-03-06", status: "off-track", text: "second note, same day", source: "s3"}
    ]
  },
  {id: "economics", label: "Economics", question: "Do the numbers work?", observations: []}
];

it("signalBoard(signals) takes each signal's status from its newest observation", () => {
  const [capacity] = signalBoard(signals);
  // Two observations on 2026-03-06: the later one in the file wins.
  assert.strictEqual(capacity.status, "off-track");
  assert.strictEqual(capacity.latest, "2026-03-06");
  assert.deepStrictEqual(
    capacity.observations.map((o) => o.text),
    ["second note, same day", "Abilene dropped", "Rainier live"]
  );
  assert.deepStrictEqual(capacity.tally, {"on-track": 1, watch: 1, "off-track": 1, unknown: 0});
});

it("signalBoard(signals) marks a signal without observations unknown", () => {
  const [, economics] = signalBoard(signals);
  assert.strictEqual(economics.status, "unknown");
  assert.strictEqual(economics.latest, null);
  assert.deepStrictEqual(economics.observations, []);
});

const amazonAnthropic = {
  id: "amazon-anthropic",
  investors: ["amazon"],
  lab: "anthropic",
  provider: "aws",
  hardware: {chips: ["trainium2"]},
  capacity: {chips: ["trainium2"]}
};

it("signalBoard(signals, {deal}) keeps the observations that concern the deal and no other: none about no deal", () => {
  const [capacity] = signalBoard(signals, {deal: amazonAnthropic});
  assert.deepStrictEqual(
    capacity.observations.map((o) => o.source),
    ["s1"]
  );
});

it("concerns(observation, deal) matches the deal, its parties and its chips", () => {
  assert.isTrue(concerns({deal: "amazon-anthropic"}, amazonAnthropic));
  assert.isTrue(concerns({about: ["anthropic"]}, amazonAnthropic));
  assert.isTrue(concerns({about: ["aws"]}, amazonAnthropic));
  assert.isTrue(concerns({deal: "google-anthropic", about: ["anthropic"]}, amazonAnthropic));
  assert.isTrue(concerns({about: ["trainium2"]}, amazonAnthropic));
  assert.isFalse(concerns({deal: "oracle-openai"}, amazonAnthropic));
  assert.isFalse(concerns({about: ["openai", "rubin"]}, amazonAnthropic));
  assert.isFalse(concerns({}, amazonAnthropic));
});

it("signalBoard([]) returns no rows and keeps the data's signal order", () => {
  assert.deepStrictEqual(signalBoard([]), []);
  assert.deepStrictEqual(
    signalBoard(signals).map((r) => r.id),
    ["capacity-reality", "economics"]
  );
});

it("signalBoard(signals, {deals}) reads the schedule signal from evidence dated on or after the deal it names, as the checkpoint does", () => {
  // s15 critic #7: Rainier (29 Oct 2025) read "on track" for Amazon → Anthropic (announced 20 Apr 2026) on the market
  // board while the deal's checkpoint said "no evidence yet". Abilene (6 Mar 2026) is after Oracle → OpenAI (10 Sep 2025).
  const deals = [
    {id: "amazon-anthropic", announced: "2026-04-20"},
    {id: "oracle-openai", announced: "2025-09-10"}
  ];
  assert.isTrue(isBeforeDeal({deal: "amazon-anthropic", date: "2025-10-29"}, deals));
  assert.isFalse(isBeforeDeal({deal: "oracle-openai", date: "2026-03-06"}, deals));
  assert.isFalse(isBeforeDeal({date: "2020-01-01"}, deals), "an observation naming no deal");
  assert.isFalse(isBeforeDeal({deal: "nvidia-openai", date: "2020-01-01"}, deals), "a deal whose date is not known");
  const rainierOnly: Signal[] = [{...signals[0], observations: [signals[0].observations[0]]}];
  assert.strictEqual(signalBoard(rainierOnly)[0].status, "on-track", "without deals, the old reading");
  const [capacity] = signalBoard(rainierOnly, {deals});
  assert.strictEqual(capacity.status, "unknown");
  assert.strictEqual(capacity.reading, null);
  assert.strictEqual(capacity.observations.length, 1, "still listed");
  // Another signal keeps its pre-deal evidence: the rule is the schedule checkpoint's.
  const other: Signal[] = [{...rainierOnly[0], id: "silicon-follow-through"}];
  assert.strictEqual(signalBoard(other, {deals})[0].status, "on-track");
});
