// @vitest-environment jsdom
// Under the net-cash chart, a line that leaves its own P10–P90 band says where and why (s16 critic #4: Microsoft →
// OpenAI's base line lay below the band in 2025 and above it in 2030–33, and nothing on the page said why).
import {assert, beforeAll, it} from "vitest";
import {bandExitSentence} from "../../docs/components/sections/recycling.js";
import {type AssumptionValues, scenarioValues} from "../../src/core/assumptions.js";
import type {Dataset} from "../../src/core/model.js";
import {prepareDealProjector} from "../../src/core/project/projectDeal.js";
import {bandExitCause, bandExits, oneSidedIds} from "../../src/core/recycling/netCashBands.js";
import {readValidDataset} from "../../src/io/readDataset.js";

let data: Dataset;
let values: AssumptionValues;

beforeAll(async () => {
  data = await readValidDataset("data");
  values = scenarioValues(data.assumptions, data.scenarios.find((s) => s.id === "base")!).values;
});

it("bandExits: a year below the P10 or above the P90 by more than $1M, by hand", () => {
  const band = (year: number) => ({year, p10: -7e9, p50: -3e9, p90: 0});
  const line = [
    {year: 2025, cumulativeNetCash: -11e9}, // 4B below the P10
    {year: 2026, cumulativeNetCash: -7e9 - 5e5}, // within $1M of it: inside
    {year: 2027, cumulativeNetCash: 1e9}, // above the P90
    {year: 2040, cumulativeNetCash: 9e9} // no band that year: not read
  ];
  assert.deepEqual(bandExits(line, [band(2025), band(2026), band(2027)]), {below: [2025], above: [2027]});
});

it("oneSidedIds: the base delivery slip (0 of 0–18 months) and credit share (0 of 0–0.5) sit at an end of their range", () => {
  assert.deepEqual(oneSidedIds(data.assumptions, values), ["slip-months", "credit-share"]);
  assert.deepEqual(oneSidedIds(data.assumptions, values, ["slip-months"]), ["slip-months"]);
});

it("every deal with flows: the sentence prints exactly where the base line leaves its band, and names the slip where holding it clears the exits", () => {
  const said: Record<string, string | null> = {};
  for (const deal of data.deals) {
    const r = prepareDealProjector(data, deal).evaluate(values).recycling;
    if (!r.flows.length) continue;
    const cause = bandExitCause(data, deal.id, r.flows, {values, draws: 1000});
    said[deal.id] = bandExitSentence(data.assumptions, cause, values as Record<string, number>);
  }
  assert.strictEqual(
    said["microsoft-openai"],
    "The line leaves the band: below its P10 in 2025, above its P90 in 2030, 2032 and 2033. It is one path, at every assumption's base value, where the delivery slip is 0 months, the low end of the draws' range (0 months to 18 months), so every draw's is at or above it; with it held at 0 months in the draws, the band holds the line in every year."
  );
  // Every deal's line leaves its band at the base values, each for one one-sided range: the slip, or for Google (in
  // 2026, by about $0.1B, before its capacity is used) the credit share, which draws above 0 make the new money cheaper.
  for (const [id, text] of Object.entries(said))
    assert.match(text ?? "", /^The line leaves the band: .* the band holds the line in every year\.$/, id);
  assert.include(
    said["google-anthropic"]!,
    "the share of an investment paid as cloud credits is 0%, the low end of the draws' range (0% to 50%)"
  );
});

it("bandExitSentence: no exit, no sentence; exits that no held range clears are said as percentiles that need not hold one path", () => {
  const assumptions = data.assumptions;
  assert.isNull(bandExitSentence(assumptions, {below: [], above: [], held: null}, values as Record<string, number>));
  assert.strictEqual(
    bandExitSentence(assumptions, {below: [], above: [2031], held: null}, values as Record<string, number>, {custom: true}),
    "The line leaves the band: above its P90 in 2031. It is one path, at the values chosen; the band is each year's own P10–P90 over 1,000 draws, which need not hold any one path."
  );
});
