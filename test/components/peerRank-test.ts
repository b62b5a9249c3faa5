// The peer box's rank cell gives its reason where a ratio is shown but not ranked (critic s15 #6): Microsoft → OpenAI's
// commitment ÷ investment (about 19×) beside "Highest: Google → Anthropic" (15×) read as an error without it.
import {assert, it} from "vitest";
import {peerRankText} from "../../docs/components/sections/research.js";
import {compareDeals} from "../../src/core/index.js";
import {readValidDataset} from "../../src/io/readDataset.js";

it("peerRankText: the standing, or 'not ranked' with the reason the data gives", () => {
  assert.strictEqual(peerRankText({id: "usdPerGw", standing: "2nd of 3", value: 1}, false), "2nd of 3");
  assert.strictEqual(
    peerRankText({id: "commitmentToInvestment", standing: null, value: 19}, true),
    "not ranked: the money was all invested before this deal"
  );
  assert.strictEqual(peerRankText({id: "commitmentToInvestment", standing: null, value: 19}, false), "not ranked");
  assert.strictEqual(peerRankText({id: "npvUsd", standing: null, value: -1}, true), "not ranked");
});

it("Microsoft → OpenAI is the deal whose ratio rests on money all invested before it, from the data", async () => {
  const dataset = await readValidDataset("data");
  const before = compareDeals(dataset)
    .filter((r) => r.ratioMoneyBeforeDeal)
    .map((r) => r.id);
  assert.deepStrictEqual(before, ["microsoft-openai"]);
});
