// One truth across outputs (issue 15): every headline figure the build publishes (manifest.json) shows with the same
// value, bound word and status on the deal's site page, in the deal's PDF briefing and in `deals project --json`.
// A disagreement names the figure and both places. Each checkpoint's verdict ("Capacity on schedule: on track") reads
// the same on the deal's page, in its PDF and in the CLI's checkpoints. Uses the one shared build (test/setup/site.ts).
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, assert, beforeAll, describe, it} from "vitest";
import {type LockedBrowser, launchBrowser, lockedPage} from "../../src/cli/browser.js";
import {checkpointsJson, headlineJson, projectionJson} from "../../src/cli/project.js";
import {type SiteServer, serveSite} from "../../src/cli/serve.js";
import {figureWords, type HeadlineFigure, projectDeal} from "../../src/core/index.js";
import type {Dataset} from "../../src/core/model.js";
import {dealCheckpoints} from "../../src/core/roadmap/checkpoints.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import {pageTexts} from "../pdf/pdfText.js";
import {builtSite} from "../setup/builtSite.js";
import {drawDeferred} from "./deferred.js";

// Waits for the shared build (the first file that asks builds it), so this file also runs alone.
const siteDir = await builtSite();
const manifest = JSON.parse(readFileSync(join(siteDir, "manifest.json"), "utf-8")) as {figures: HeadlineFigure[]};
const deals = [...new Set(manifest.figures.map((f) => f.deal))].sort();
let server: SiteServer;
let chromium: LockedBrowser;
let dataset: Dataset;

beforeAll(async () => {
  server = await serveSite(siteDir);
  chromium = await launchBrowser();
  dataset = await readValidDataset("data");
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

/** Returns the text of a deal's page once every cell has settled. */
async function pageText(path: string): Promise<string> {
  const {page, dispose} = await lockedPage(chromium.browser, server.origin);
  try {
    await page.setViewport({width: 1280, height: 900});
    await page.goto(`${server.origin}${path}`, {waitUntil: "load", timeout: 30_000});
    await page.waitForFunction(() => !document.querySelector("observablehq-loading"), {timeout: 30_000});
    // The topics below the first screen draw near it: drawn here as for print, so the whole page is read.
    await drawDeferred(page);
    return await page.$eval("main", (main) => (main as HTMLElement).innerText);
  } finally {
    await dispose();
  }
}

/** A checkpoint as a reader sees it: its name and its verdict (docs/components/charts/roadmapChain.ts, sections/signals.ts). */
const CHECKPOINT_NAMES: Record<string, string> = {
  "capacity-on-schedule": "Capacity on schedule",
  "performance-per-dollar": "Performance per dollar",
  "roadmap-alignment": "Roadmap alignment"
};
const VERDICTS: Record<string, string> = {"on-track": "on track", watch: "watch", "off-track": "off track", unknown: "no evidence yet"};

/** Text compared without white space, so a line break in a PDF ("9.09 GW-\nyears") does not hide a figure. */
const squeeze = (text: string) => text.replace(/\s+/g, "");

/** The status words a badge shows: "confirmed" for a stated fact, "derived · estimate" for a computed figure. */
const badge = (f: HeadlineFigure) => (f.derived === false ? f.status : `derived·${f.status}`);

/**
 * Returns what `text` shows where the figure's number is, with the words before it, to say what a place shows
 * instead of the expected spelling: `"at least −$3.41B"`, or "nothing" when the number is absent.
 */
function shownInstead(text: string, f: HeadlineFigure): string {
  const bare = figureWords(f, {bare: true});
  const at = text.indexOf(bare);
  if (at < 0) return "nothing with that number";
  return `"${text
    .slice(Math.max(0, at - 12), at + bare.length)
    .replace(/\s+/g, " ")
    .trim()}"`;
}

describe("every published headline figure reads the same on the site, in the PDF and in deals project --json", () => {
  it("the build publishes headline figures for several deals", () => {
    assert.isAbove(deals.length, 1);
  });

  it.concurrent.each(deals)("%s", async (deal) => {
    const figures = manifest.figures.filter((f) => f.deal === deal);
    const site = await pageText(`/deals/${deal}`);
    const pdf = (await pageTexts(join(siteDir, "briefings", `deal-${deal}.pdf`))).join(" ");
    // The CLI's default draws, as `deals project` runs: banded headlines are the medians of those draws.
    const projection = projectDeal(dataset, deal);
    const cli = new Map(projectionJson(projection, headlineJson(dataset, projection)).headlines.map((h) => [h.key, h]));
    const [siteFlat, pdfFlat] = [squeeze(site), squeeze(pdf)];
    const problems: string[] = [];
    let checked = 0;
    for (const f of figures) {
      const words = figureWords(f);
      const h = cli.get(f.key);
      if (!h) problems.push(`${f.key}: manifest "${words}" (${f.status}); deals project --json has no such figure`);
      else if (h.text !== words || h.status !== f.status || h.bound !== f.bound)
        problems.push(`${f.key}: manifest "${words}" (${f.status}); deals project --json "${h.text}" (${h.status})`);
      const cliText = h ? `deals project --json "${h.text}" (${h.status})` : `the manifest "${words}" (${f.status})`;
      for (const [place, text, flat] of [
        [`site /deals/${deal}`, site, siteFlat],
        [`PDF deal-${deal}.pdf`, pdf, pdfFlat]
      ] as const) {
        const expected = squeeze(words);
        if (!flat.includes(expected)) {
          problems.push(`${f.key}: ${cliText}; ${place} shows ${shownInstead(text, f)}`);
          continue;
        }
        // The status: at least one place where the figure shows has its badge right after it.
        const withStatus = squeeze(`${words}${badge(f)}`);
        if (f.key.endsWith(".recycling.paybackYear") || flat.includes(withStatus)) continue;
        problems.push(`${f.key}: ${cliText}; ${place} never shows "${words}" with its badge "${badge(f)}"`);
      }
      checked++;
    }
    // Checkpoints: the CLI's (what `deals project --json` prints) as the site and the PDF show them, case aside (the
    // pill is upper-cased by CSS on screen and in print): "Capacity on schedule: on track" in the chain's flow or the
    // checkpoint card's heading followed by its pill.
    const checkpoints = checkpointsJson(dealCheckpoints(dataset, deal));
    assert.lengthOf(checkpoints, 3, `${deal}: checkpoints`);
    for (const c of checkpoints) {
      const [name, verdict] = [CHECKPOINT_NAMES[c.id], VERDICTS[c.status]];
      const forms = [`${name}: ${verdict}`, `${name} ${verdict}`].map((form) => squeeze(form).toLowerCase());
      for (const [place, flat] of [
        [`site /deals/${deal}`, siteFlat],
        [`PDF deal-${deal}.pdf`, pdfFlat]
      ] as const)
        if (!forms.some((form) => flat.toLowerCase().includes(form)))
          problems.push(`checkpoint ${c.id}: deals project --json "${verdict}"; ${place} does not read "${name}: ${verdict}"`);
    }
    assert.isAbove(checked, 0, `${deal}: no figure checked`);
    assert.deepStrictEqual(problems, [], `${deal}: figures that disagree`);
  });
});
