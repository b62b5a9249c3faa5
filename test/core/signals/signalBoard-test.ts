import {assert, it} from "vitest";
import type {Signal} from "../../../src/core/model.js";
import {concerns, signalBoard} from "../../../src/core/signals.js";

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
