// One truth for checkpoints and signals (issue 15): the site's deal page, the deal's briefing and the CLI read the
// same observations, so every checkpoint reads the same in all three.
import {assert, beforeAll, it, vi} from "vitest";
import {checkpointsJson, projectCommand} from "../../src/cli/project.js";
import type {Dataset} from "../../src/core/model.js";
import {dealCheckpoints} from "../../src/core/roadmap/checkpoints.js";
import {signalBoard} from "../../src/core/signals.js";
import type {SiteData} from "../../src/site/siteData.js";
import {publishedSite} from "../publishedSite.js";

let dataset: Dataset;
let site: SiteData;

beforeAll(async () => {
  // The published site data, computed once per test worker and shared with the other files that read it.
  ({dataset, site} = await publishedSite());
});

/** Runs `deals project <deal> --json` in this process and returns its checkpoints. */
async function cliCheckpoints(deal: string): Promise<unknown> {
  let out = "";
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    assert.strictEqual(await projectCommand(deal, {json: true, draws: 20}), 0);
  } finally {
    write.mockRestore();
  }
  return JSON.parse(out).checkpoints;
}

it("every deal's checkpoints read the same on the site (full data), in its briefing (its slice) and in the CLI", async () => {
  const pub = site.publicData();
  for (const deal of dataset.deals) {
    const onSite = checkpointsJson(dealCheckpoints(pub, deal.id));
    const slice = await site.slice(`deal-${deal.id}`);
    const inBriefing = checkpointsJson(dealCheckpoints(slice.data, deal.id));
    assert.deepStrictEqual(inBriefing, onSite, `${deal.id}: briefing ≠ site`);
    assert.deepStrictEqual(checkpointsJson(dealCheckpoints(dataset, deal.id)), onSite, `${deal.id}: dataset ≠ site`);
    // The signal board of the deal page and of the briefing list the same observations.
    assert.deepStrictEqual(signalBoard(slice.data.signals, {deal}), signalBoard(pub.signals, {deal}), `${deal.id}: signal boards differ`);
  }
  for (const id of ["amazon-anthropic", "broadcom-openai"]) {
    assert.deepStrictEqual(await cliCheckpoints(id), checkpointsJson(dealCheckpoints(pub, id)), `${id}: CLI ≠ site`);
  }
});

it("Amazon → Anthropic's briefing has no evidence yet on its schedule: Project Rainier's is from before the deal, and Epoch AI's forecast for January 2026 is past (s14 critic #13)", async () => {
  const slice = await site.slice("deal-amazon-anthropic");
  const [capacity] = dealCheckpoints(slice.data, "amazon-anthropic");
  assert.strictEqual(capacity.status, "unknown");
  assert.strictEqual(capacity.verdict, "no evidence yet");
  // The evidence is still listed on the board, as history.
  assert.isAbove(slice.data.signals.flatMap((s) => s.observations).length, 0);
});

it("a deal page shows no other deal's evidence: Broadcom → OpenAI lists nothing about Anthropic or AWS's chips", () => {
  const broadcom = dataset.deals.find((d) => d.id === "broadcom-openai")!;
  const texts = signalBoard(dataset.signals, {deal: broadcom}).flatMap((row) => row.observations.map((o) => o.text));
  for (const text of texts) assert.notMatch(text, /Anthropic|Trainium|Claude/, text);
  const amazonAnthropic = dataset.deals.find((d) => d.id === "amazon-anthropic")!;
  const roadmap = signalBoard(dataset.signals, {deal: amazonAnthropic}).find((row) => row.id === "chip-roadmap")!;
  for (const o of roadmap.observations) assert.notMatch(o.text, /Rubin/, o.text);
  const multiCloud = signalBoard(dataset.signals, {deal: amazonAnthropic}).find((row) => row.id === "multi-cloud-posture")!;
  assert.isAbove(multiCloud.observations.length, 0, "Anthropic's Google and Azure commitments concern its AWS deal too");
});
