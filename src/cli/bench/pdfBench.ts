/**
 * PDF briefings (target 3): seconds per page of `deals pdf` amortized over every briefing, against Chromium's own
 * `--print-to-pdf` run as one process per document on the same pages, served the same way, in the same run. Two
 * baselines: the plain command, which prints as soon as the page has loaded, before its cells have run (one blank
 * page per briefing), and the same with `--virtual-time-budget`, which lets the page's scripts finish and so prints
 * the briefing: the fair comparison.
 */
import {spawn} from "node:child_process";
import {existsSync} from "node:fs";
import {mkdir, mkdtemp, readdir, rm} from "node:fs/promises";
import {availableParallelism, tmpdir} from "node:os";
import {join} from "node:path";
import {findChromium} from "../../../scripts/chromium.mjs";
import {chromiumFlags} from "../browser.js";
import {serveSite} from "../serve.js";
import {countPdfPages} from "./countPages.js";
import {runTimed} from "./runTimed.js";
import {type Spread, summarize} from "./stats.js";

export interface PdfBaseline {
  /** The flags added to `chromium --headless --no-sandbox --disable-gpu --print-to-pdf=<file>` (besides the network ones). */
  flags: string[];
  documents: number;
  pages: number;
  seconds: Spread;
  secondsPerPage: Spread;
  secondsPerDocument: Spread;
  /** Documents printed at once (one process each), as many as ours. */
  concurrency: number;
}

export interface PdfBench {
  documents: number;
  /** Pages of our briefings (counted with pdf-lib). */
  pages: number;
  /** Wall seconds of `deals pdf --site <site>` for all briefings. */
  seconds: Spread;
  secondsPerPage: Spread;
  /** CPU seconds (user + system) of the `deals pdf` process tree, Chromium included; null without GNU time. */
  cpuSeconds: Spread | null;
  /** Seconds the renderer itself reports (`pdf: N briefings, P pages in S s`): without Node's start-up. */
  rendererSeconds: Spread | null;
  plain: PdfBaseline;
  rendered: PdfBaseline;
  /** Our seconds per page ÷ the rendered baseline's, per round. */
  ratio: Spread;
  /** Our seconds per document ÷ the plain command's (which prints a blank page), per round. */
  ratioToPlainPerDocument: Spread;
}

/** Lets the page's scripts run (virtual time) before printing; without it Chromium prints the loading page. */
const RENDER_FLAGS = ["--virtual-time-budget=30000", "--run-all-compositor-stages-before-draw"];

/**
 * Returns our and the baseline's PDF timings over `repetitions` rounds on the built `site` (its briefing pages
 * `briefings/<name>.html`), or null when the site has no briefing pages. Our PDFs go to `<site>/briefings/`.
 *
 * @example const pdf = await benchPdf({site: "/tmp/bench/out-3", repetitions: 2, work: "/tmp/bench", log: console.warn});
 */
export async function benchPdf({
  site,
  repetitions,
  work,
  log,
  logFile
}: {
  site: string;
  repetitions: number;
  work: string;
  log: (line: string) => void;
  logFile?: string;
}): Promise<PdfBench | null> {
  const names = existsSync(join(site, "briefings"))
    ? (await readdir(join(site, "briefings"))).filter((f) => f.endsWith(".html")).map((f) => f.slice(0, -5))
    : [];
  if (!names.length) return null;
  const concurrency = availableParallelism();
  const ours: number[] = [];
  const oursCpu: number[] = [];
  const renderer: number[] = [];
  let counted = {documents: 0, pages: 0};
  const plain: Printed[] = [];
  const rendered: Printed[] = [];
  for (let rep = 1; rep <= repetitions; ++rep) {
    const run = await runTimed("node", ["bin/deals.js", "pdf", "--site", site], {logFile});
    counted = await countPdfPages(join(site, "briefings"));
    ours.push(run.seconds);
    if (run.cpuSeconds !== null) oursCpu.push(run.cpuSeconds);
    const own = run.lines.map((l) => /^pdf: \d+ briefings, \d+ pages in (\d+(?:\.\d+)?) s/.exec(l)).find(Boolean);
    if (own) renderer.push(Number(own[1]));
    plain.push(await printWithChromium(site, names, join(work, `plain-${rep}`), concurrency, []));
    rendered.push(await printWithChromium(site, names, join(work, `rendered-${rep}`), concurrency, RENDER_FLAGS));
    log(
      `bench: PDFs ${rep}/${repetitions}: ours ${run.seconds.toFixed(1)} s for ${counted.pages} pages; chromium --print-to-pdf ${plain[rep - 1].seconds.toFixed(1)} s for ${plain[rep - 1].pages} pages, with --virtual-time-budget ${rendered[rep - 1].seconds.toFixed(1)} s for ${rendered[rep - 1].pages} pages`
    );
  }
  const oursPerPage = ours.map((s) => s / Math.max(counted.pages, 1));
  const baseline = (runs: Printed[], flags: string[]): PdfBaseline => ({
    flags,
    documents: runs[runs.length - 1].documents,
    pages: runs[runs.length - 1].pages,
    seconds: summarize(runs.map((r) => r.seconds)),
    secondsPerPage: summarize(runs.map((r) => r.seconds / Math.max(r.pages, 1))),
    secondsPerDocument: summarize(runs.map((r) => r.seconds / Math.max(r.documents, 1))),
    concurrency
  });
  return {
    ...counted,
    seconds: summarize(ours),
    secondsPerPage: summarize(oursPerPage),
    cpuSeconds: oursCpu.length === ours.length ? summarize(oursCpu) : null,
    rendererSeconds: renderer.length ? summarize(renderer) : null,
    plain: baseline(plain, []),
    rendered: baseline(rendered, RENDER_FLAGS),
    ratio: summarize(oursPerPage.map((s, i) => s / (rendered[i].seconds / Math.max(rendered[i].pages, 1)))),
    ratioToPlainPerDocument: summarize(
      ours.map((s, i) => s / Math.max(counted.documents, 1) / (plain[i].seconds / Math.max(plain[i].documents, 1)))
    )
  };
}

interface Printed {
  seconds: number;
  documents: number;
  pages: number;
}

/** Prints each briefing page with a Chromium process of its own, `concurrency` at a time; returns the wall seconds and pages. */
async function printWithChromium(
  site: string,
  names: readonly string[],
  out: string,
  concurrency: number,
  flags: string[]
): Promise<Printed> {
  const chromium = findChromium();
  if (!chromium) throw new Error("no Chromium found for the --print-to-pdf baseline");
  await mkdir(out, {recursive: true});
  const server = await serveSite(site);
  const port = new URL(server.origin).port;
  const started = performance.now();
  try {
    const queue = [...names];
    const worker = async () => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        const profile = await mkdtemp(join(tmpdir(), "deals-bench-chromium-"));
        try {
          await runChromium(chromium, [
            "--headless",
            `--print-to-pdf=${join(out, `${name}.pdf`)}`,
            `--user-data-dir=${profile}`,
            ...flags,
            ...chromiumFlags({allow: `127.0.0.1:${port}`}),
            `${server.origin}/briefings/${encodeURIComponent(name)}`
          ]);
        } finally {
          await rm(profile, {recursive: true, force: true});
        }
      }
    };
    await Promise.all(Array.from({length: Math.min(concurrency, names.length)}, worker));
  } finally {
    await server.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const counted = await countPdfPages(out);
  await rm(out, {recursive: true, force: true});
  return {seconds, ...counted};
}

function runChromium(executable: string, args: string[]): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(executable, args, {stdio: "ignore"});
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("error", fail);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) ok();
      else fail(new Error(`chromium --print-to-pdf failed (exit ${code}): ${args[args.length - 1]}`));
    });
  });
}
