/**
 * Builds at 10, 100 and 1,000 deals (target: a rebuild that does not grow with the data): per count, a dataset of the
 * real deals plus generated copies of the founding deal, each copy with a lab of its own (syntheticDataset), built
 * clean (peak memory watched), built again unchanged (a second edition, not timed), then rebuilt after one value of
 * the founding deal changes. Above SAMPLE_ABOVE deals
 * the clean build renders the site and a sample of the briefings, and the PDF time of the rest is extrapolated from
 * the sample's seconds per page; the other PDFs are stand-ins (copies of a sampled deal's PDF, recorded with their own
 * input keys) so that the rebuild keeps them as it would keep real ones. Every result says whether it was sampled.
 */
import {copyFile, mkdir, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";
import type {BriefingIndex} from "../../site/types.js";
import {launchBrowser} from "../browser.js";
import {withBuildLock} from "../buildLock.js";
import {drawCards, planCards} from "../ogCards.js";
import {writePageHeads} from "../pageHeads.js";
import {PDF_IDENTITIES, recordPdfs, reusePdfs} from "../pdf/reuse.js";
import {assignShards, shardWallSeconds} from "../pdf/shards.js";
import {PRERENDER_CACHE, prerenderPages} from "../prerender.js";
import {FRAMEWORK_CACHE} from "./buildBench.js";
import {parseBuildSteps} from "./buildLog.js";
import {changeOneValue} from "./changeOneValue.js";
import {pdfPageCount} from "./countPages.js";
import {runTimed} from "./runTimed.js";
import {syntheticDataset} from "./scaleDeals.js";

/**
 * Above this many deals the clean build renders a sample of the deal briefings (see the module comment);
 * $DEALS_BENCH_SAMPLE_ABOVE overrides it (to try the sampled path on few deals).
 */
export const SAMPLE_ABOVE = Number(process.env.DEALS_BENCH_SAMPLE_ABOVE || 100);
/** Deal briefings in the sample (evenly spread over the deals); $DEALS_BENCH_SAMPLE_DEALS overrides it. */
export const SAMPLE_DEALS = Number(process.env.DEALS_BENCH_SAMPLE_DEALS || 12);
/** Shard counts whose wall time the bench shows for the largest count. */
export const SHARD_COUNTS = [1, 4, 16];
/** A CI runner's set-up before it renders (checkout, cached modules, fonts, site artifact, browser): an assumption. */
export const RUNNER_SETUP_SECONDS = 90;

export interface ScaleBuild {
  deals: number;
  clean: {
    /** Wall seconds of the clean build, PDFs included (measured, or with the PDFs extrapolated when `sampled`). */
    seconds: number;
    /** CPU seconds (user + system, every process) of the same; null without GNU time. */
    cpuSeconds: number | null;
    /** Wall seconds measured (the site build, and the PDFs unless `sampled`). */
    measuredSeconds: number;
    /** Wall and CPU seconds of `deals build --site-only` (check, site data, Framework's build, heads, checks). */
    siteSeconds: number;
    siteCpuSeconds: number | null;
    /** Seconds of its Framework stage (Framework's build, heads and checks). */
    frameworkSeconds: number;
    /** Seconds computing the site data (projections and bands of every deal). */
    dataSeconds: number;
    /** Site pages (HTML files). */
    sitePages: number;
    sampled: boolean;
    /** PDFs rendered and their pages (the sample when `sampled`), seconds spent rendering them, seconds per page. */
    rendered: {documents: number; pages: number; seconds: number; secondsPerPage: number};
    /** Every briefing's pages (estimated from the sample's mean deal briefing when `sampled`). */
    pdfPages: number;
    documents: number;
  };
  rebuild: {
    seconds: number;
    cpuSeconds: number | null;
    /** How cpuSeconds was counted (runTimed's cpuMethod: a control group counts Chromium's processes, GNU time does not). */
    cpuMethod?: string | null;
    change: string;
    /** Briefings the rebuild rendered (the rest were kept). */
    rendered: number;
    kept: number;
    /** True when the rebuild relinked the previous site instead of running Framework. */
    relinked: boolean;
    stages: {name: string; seconds: number}[];
  };
  peakBytes: number;
  marketPages: number;
  /** For the largest count only: the clean build's wall time with the PDFs rendered by 1, 4 and 16 CI shards. */
  shards?: {shards: number; seconds: number; longestShardPages: number}[];
}

/**
 * Returns the builds at each count (each in its own folder under `work`, removed afterwards).
 *
 * @example const rows = await benchScaleBuilds({counts: [10, 100, 1000], work: "/tmp/bench", log: console.warn});
 */
export async function benchScaleBuilds({
  counts,
  work,
  log,
  logFile
}: {
  counts: readonly number[];
  work: string;
  log: (line: string) => void;
  logFile?: string;
}): Promise<ScaleBuild[]> {
  const rows: ScaleBuild[] = [];
  for (const deals of counts) rows.push(await scaleBuild(deals, {work, log, logFile}));
  const largest = rows[rows.length - 1];
  if (largest) largest.shards = await shardTimes(largest);
  return rows;
}

async function scaleBuild(
  deals: number,
  {work, log, logFile}: {work: string; log: (line: string) => void; logFile?: string}
): Promise<ScaleBuild> {
  const root = join(work, `scale-${deals}`);
  const data = join(root, "data");
  const out = join(root, "out");
  for (const file of await syntheticDataset(deals, {ownLabs: true, withRealDeals: true})) {
    await mkdir(dirname(join(data, file.relative)), {recursive: true});
    await writeFile(join(data, file.relative), file.bytes);
  }
  const sampled = deals > SAMPLE_ABOVE;
  await withBuildLock(() => rm(FRAMEWORK_CACHE, {recursive: true, force: true}));
  log(`bench: scale ${deals} deals: clean build, the site, then ${sampled ? "a sample of the briefings" : "every briefing"}…`);
  // The clean build in two timed processes, so the site's cost is seen apart from the PDFs': `deals build
  // --site-only` (check, site data, Framework), then `deals pdf`; the manifest then records the PDFs, as `deals build`
  // does.
  const args = ["bin/deals.js", "build", "--out", out, "--data", data];
  const site = await runTimed("node", [...args, "--site-only"], {memory: true, logFile});
  const stages = parseBuildSteps(site.lines, site.waitedSeconds).stages;
  const stage = (name: string) => stages.find((s) => s.name === name)?.seconds ?? 0;
  const sitePages = (await readdir(out, {recursive: true})).filter((f) => String(f).endsWith(".html")).length;
  // A second edition of the same data, not timed: a published tracker is past its first edition, and the first has
  // no previous one to compare with, so every briefing's "nothing moved since the last edition" line would appear
  // at the first rebuild and re-render every PDF (the incremental test starts from a second edition too).
  await runTimed("node", [...args, "--site-only"], {logFile});
  const plan = await reusePdfs(out, join(out, "no-previous-build"));
  const dealBriefings = plan.render.filter((name) => name !== "market");
  const step = Math.max(1, Math.floor(dealBriefings.length / SAMPLE_DEALS));
  const names = sampled ? ["market", ...dealBriefings.filter((_, i) => i % step === 0).slice(0, SAMPLE_DEALS)] : plan.render;
  const pdf = await runTimed("node", ["bin/deals.js", "pdf", "--site", out, ...names], {memory: true, logFile});
  const pages: Record<string, number> = {};
  for (const name of names) pages[name] = await pdfPageCount(join(out, "briefings", `${name}.pdf`));
  const renderedPages = Object.values(pages).reduce((sum, p) => sum + p, 0);
  let pdfPages = renderedPages;
  if (sampled) {
    // Stand-ins for the briefings not rendered: a sampled deal's PDF, recorded under each one's own input key.
    const sampledDeals = names.filter((n) => n !== "market");
    const meanDeal = sampledDeals.reduce((sum, n) => sum + pages[n], 0) / Math.max(sampledDeals.length, 1);
    const standIn = sampledDeals[sampledDeals.length - 1];
    for (const name of dealBriefings)
      if (!names.includes(name)) {
        await copyFile(join(out, "briefings", `${standIn}.pdf`), join(out, "briefings", `${name}.pdf`));
        pages[name] = pages[standIn];
      }
    pdfPages = Math.round(pages.market + meanDeal * dealBriefings.length);
  }
  // As `deals build` records them: the rebuild then trusts the kept PDFs it finds unmoved, as a build's next one does.
  await recordPdfs(out, plan.keys, pages, {}, {identities: PDF_IDENTITIES, pageHashes: plan.pageHashes});
  // And the link-preview cards a published build has (`deals build`'s PDF stage draws them, `deals pdf` does not):
  // without them the timed rebuild drew every briefing's card, a cost that grew with the deals and that a rebuild
  // after a publication does not pay (it draws the cards whose text changed). Not timed.
  await drawPublishedCards(out, data);
  const scaleUp = pdfPages / Math.max(renderedPages, 1);
  const cleanSeconds = site.seconds + pdf.seconds * scaleUp;
  const cleanCpu = site.cpuSeconds !== null && pdf.cpuSeconds !== null ? site.cpuSeconds + pdf.cpuSeconds * scaleUp : null;
  const marketPages = pages.market;
  log(`bench: scale ${deals} deals: clean ${cleanSeconds.toFixed(0)} s${sampled ? " (PDFs extrapolated)" : ""}; rebuild after one change…`);
  const change = await changeOneValue(data);
  const rebuild = await runTimed("node", args, {logFile});
  const kept = /pdf: (\d+) unchanged and kept, (\d+) to render/.exec(rebuild.lines.join("\n"));
  const row: ScaleBuild = {
    deals,
    clean: {
      seconds: cleanSeconds,
      cpuSeconds: cleanCpu,
      measuredSeconds: site.seconds + (sampled ? 0 : pdf.seconds),
      siteSeconds: site.seconds,
      siteCpuSeconds: site.cpuSeconds,
      frameworkSeconds: stage("building the site"),
      dataSeconds: stage("computing the site data"),
      sitePages,
      sampled,
      rendered: {
        documents: names.length,
        pages: renderedPages,
        seconds: pdf.seconds,
        secondsPerPage: pdf.seconds / Math.max(renderedPages, 1)
      },
      pdfPages,
      documents: plan.render.length
    },
    rebuild: {
      seconds: rebuild.seconds,
      cpuSeconds: rebuild.cpuSeconds,
      cpuMethod: rebuild.cpuMethod,
      change,
      rendered: Number(kept?.[2] ?? Number.NaN),
      kept: Number(kept?.[1] ?? Number.NaN),
      relinked: rebuild.lines.some((l) => /site: only data changed/.test(l)),
      stages: parseBuildSteps(rebuild.lines, rebuild.waitedSeconds).stages.map(({name, seconds}) => ({name, seconds}))
    },
    peakBytes: Math.max(site.peakBytes, pdf.peakBytes),
    marketPages
  };
  log(
    `bench: scale ${deals} deals: rebuild ${rebuild.seconds.toFixed(1)} s, ${row.rebuild.rendered} PDFs rendered, ${row.rebuild.kept} kept`
  );
  await rm(root, {recursive: true, force: true});
  return row;
}

/**
 * Draws every briefing's link-preview card into the built site `out` and records them (`_og/cards.json`), as the PDF
 * stage of `deals build` leaves them, from the site's own briefing index; then, as `deals build` writes them before its
 * PDF stage, the pages' heads naming their cards (og:image), and each page's first screen again (into the prerender's
 * cache, for the next build). Without the heads, the timed rebuild added an og:image to every page, and so prerendered
 * every deal's page again: a cost that grew with the deals and that a rebuild after a publication does not pay.
 */
export async function drawPublishedCards(out: string, data?: string): Promise<void> {
  const dir = join(out, "_file", "data");
  const file = (await readdir(dir)).find((f) => /^briefings\.[0-9a-f]+\.json$/.test(f));
  if (!file) throw new Error(`no briefing index in ${dir}`);
  const index = JSON.parse(await readFile(join(dir, file), "utf-8")) as BriefingIndex;
  const plan = await planCards({scratch: out, previousOut: join(out, "no-previous-build"), index, drawing: true});
  const chromium = await launchBrowser();
  try {
    await drawCards(chromium.browser, out, plan);
  } finally {
    await chromium.close();
  }
  if (data === undefined) return;
  await writePageHeads(out, data, plan);
  await prerenderPages(out, {cache: PRERENDER_CACHE, log: () => {}});
}

/** Returns the clean build's wall time at each shard count: the site build, then the longest shard (plus set-up). */
async function shardTimes(row: ScaleBuild): Promise<NonNullable<ScaleBuild["shards"]>> {
  const deal = (row.clean.pdfPages - row.marketPages) / Math.max(row.deals, 1);
  const briefings = [
    {name: "market", pages: row.marketPages},
    ...Array.from({length: row.deals}, (_, i) => ({name: `deal-${i}`, pages: deal}))
  ];
  return SHARD_COUNTS.map((shards) => {
    const plan = assignShards(briefings, shards);
    const setup = shards > 1 ? RUNNER_SETUP_SECONDS : 0;
    const render = shardWallSeconds(plan, row.clean.rendered.secondsPerPage, setup);
    const longest = Math.max(...plan.map((s) => s.pages));
    return {
      shards,
      seconds: row.clean.measuredSeconds - (row.clean.sampled ? 0 : row.clean.rendered.seconds) + render,
      longestShardPages: Math.round(longest)
    };
  });
}

/** A clean build at a count not measured, projected from two measured ones (see projectBuild). */
export interface ProjectedBuild {
  deals: number;
  /** From the counts measured. */
  from: [number, number];
  siteSeconds: number;
  siteCpuSeconds: number | null;
  pdfPages: number;
  /** Seconds per page of the larger count's PDFs. */
  secondsPerPage: number;
  cleanSeconds: number;
  cleanCpuSeconds: number | null;
  shards: {shards: number; seconds: number; longestShardPages: number}[];
}

/**
 * Returns the clean build at `deals` projected from two measured counts: the site build (check, data, Framework) on
 * the straight line through the two (a fixed part and a part per deal), the PDFs at the larger count's seconds per
 * page over the market briefing's pages plus its mean deal briefing's pages per deal, and the wall time with the
 * PDFs on 1, 4 and 16 CI shards (runners' set-up assumed, RUNNER_SETUP_SECONDS).
 *
 * @example projectBuild(rows[0], rows[1], 1000).shards[2].seconds
 */
export function projectBuild(small: ScaleBuild, large: ScaleBuild, deals: number): ProjectedBuild {
  const line = (a: number, b: number) => a + ((b - a) / (large.deals - small.deals)) * (deals - small.deals);
  const siteSeconds = line(small.clean.siteSeconds, large.clean.siteSeconds);
  const siteCpuSeconds =
    small.clean.siteCpuSeconds !== null && large.clean.siteCpuSeconds !== null
      ? line(small.clean.siteCpuSeconds, large.clean.siteCpuSeconds)
      : null;
  const dealPages = (large.clean.pdfPages - large.marketPages) / large.deals;
  const pdfPages = Math.round(large.marketPages + dealPages * deals);
  const secondsPerPage = large.clean.rendered.secondsPerPage;
  const pdfCpuPerPage =
    large.clean.cpuSeconds !== null && large.clean.siteCpuSeconds !== null
      ? (large.clean.cpuSeconds - large.clean.siteCpuSeconds) / large.clean.pdfPages
      : null;
  const briefings = [
    {name: "market", pages: large.marketPages},
    ...Array.from({length: deals}, (_, i) => ({name: `deal-${i}`, pages: dealPages}))
  ];
  const shards = SHARD_COUNTS.map((count) => {
    const plan = assignShards(briefings, count);
    return {
      shards: count,
      seconds: siteSeconds + shardWallSeconds(plan, secondsPerPage, count > 1 ? RUNNER_SETUP_SECONDS : 0),
      longestShardPages: Math.round(Math.max(...plan.map((s) => s.pages)))
    };
  });
  return {
    deals,
    from: [small.deals, large.deals],
    siteSeconds,
    siteCpuSeconds,
    pdfPages,
    secondsPerPage,
    cleanSeconds: siteSeconds + pdfPages * secondsPerPage,
    cleanCpuSeconds: siteCpuSeconds !== null && pdfCpuPerPage !== null ? siteCpuSeconds + pdfCpuPerPage * pdfPages : null,
    shards
  };
}
