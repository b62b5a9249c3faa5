// One truth across outputs (issue 15): every headline figure the build publishes (manifest.json) shows with the same
// value, bound word and status on the deal's site page, in the deal's PDF briefing and in `deals project --json`.
// A disagreement names the figure and both places. Each checkpoint's verdict ("Capacity on schedule: on track") reads
// the same on the deal's page, in its PDF and in the CLI's checkpoints. site-test runs it on the text of each deal
// page it loads (every part drawn, 1280 px), so the check costs no page load of its own.
import {join} from "node:path";
import {checkpointsJson, headlineJson, projectionJson} from "../../src/cli/project.js";
import {figureWords, type HeadlineFigure, projectDeal} from "../../src/core/index.js";
import type {Dataset} from "../../src/core/model.js";
import {dealCheckpoints} from "../../src/core/roadmap/checkpoints.js";
import {briefingReadings} from "../setup/builtSite.js";

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

/**
 * Returns where `deal`'s published headline figures and checkpoint verdicts disagree between its site page (`site`,
 * the page's main text with every part drawn), its PDF briefing in `siteDir` and `deals project --json`; with how
 * many figures and checkpoints were compared.
 */
export async function disagreements(
  deal: string,
  site: string,
  {siteDir, figures, dataset}: {siteDir: string; figures: HeadlineFigure[]; dataset: Dataset}
): Promise<{problems: string[]; checked: number; checkpoints: number}> {
  // The PDF's text as pdfjs read it once for the run (briefingReadings); the PDF must be there.
  const reading = (await briefingReadings(siteDir))[`deal-${deal}`];
  if (!reading) throw new Error(`no briefing deal-${deal}.pdf in ${join(siteDir, "briefings")}`);
  const pdf = reading.texts.join(" ");
  // The CLI's default draws, as `deals project` runs: banded headlines are the medians of those draws.
  const projection = projectDeal(dataset, deal);
  const cli = new Map(projectionJson(projection, headlineJson(dataset, projection)).headlines.map((h) => [h.key, h]));
  const [siteFlat, pdfFlat] = [squeeze(site), squeeze(pdf)];
  const problems: string[] = [];
  let checked = 0;
  for (const f of figures.filter((f) => f.deal === deal)) {
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
  return {problems, checked, checkpoints: checkpoints.length};
}
