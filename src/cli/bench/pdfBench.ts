/**
 * PDF briefings (target 3): seconds per page of `deals pdf` amortized over every briefing, against Chromium's own
 * `--print-to-pdf` run as one process per document on the same pages, served the same way, in the same run.
 */
import {spawn} from "node:child_process";
import {existsSync} from "node:fs";
import {mkdir, mkdtemp, readdir, rm} from "node:fs/promises";
import {availableParallelism, tmpdir} from "node:os";
import {join} from "node:path";
import {findChromium} from "../../../scripts/chromium.mjs";
import {serveSite} from "../serve.js";
import {countPdfPages} from "./countPages.js";
import {runTimed} from "./runTimed.js";
import {type Spread, summarize} from "./stats.js";

export interface PdfBench {
  documents: number;
  /** Pages of our briefings (counted with pdf-lib). */
  pages: number;
  /** Wall seconds of `deals pdf --site <site>` for all briefings. */
  seconds: Spread;
  secondsPerPage: Spread;
  baseline: {documents: number; pages: number; seconds: Spread; secondsPerPage: Spread; concurrency: number};
  /** Our seconds per page ÷ the baseline's, per round. */
  ratio: Spread;
}

/**
 * Network flags of src/cli/browser.ts (not exported there), so the baseline browser talks only to the site server.
 * `<port>` is the site's.
 */
function networkFlags(port: string): string[] {
  return [
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-quic",
    "--proxy-server=http://127.0.0.1:9",
    `--proxy-bypass-list=<-loopback>;127.0.0.1:${port}`,
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
    "--webrtc-ip-handling-policy=disable_non_proxied_udp"
  ];
}

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
  const ours: number[] = [];
  const oursPerPage: number[] = [];
  const base: number[] = [];
  const basePerPage: number[] = [];
  let counted = {documents: 0, pages: 0};
  let baseCounted = {documents: 0, pages: 0};
  const concurrency = availableParallelism();
  for (let rep = 1; rep <= repetitions; ++rep) {
    const run = await runTimed("node", ["bin/deals.js", "pdf", "--site", site], {logFile});
    counted = await countPdfPages(join(site, "briefings"));
    ours.push(run.seconds);
    oursPerPage.push(run.seconds / Math.max(counted.pages, 1));
    const baseline = await printWithChromium(site, names, join(work, `baseline-${rep}`), concurrency);
    baseCounted = baseline.counted;
    base.push(baseline.seconds);
    basePerPage.push(baseline.seconds / Math.max(baseline.counted.pages, 1));
    log(
      `bench: PDFs ${rep}/${repetitions}: ours ${run.seconds.toFixed(1)} s for ${counted.pages} pages; chromium --print-to-pdf ${baseline.seconds.toFixed(1)} s for ${baseline.counted.pages} pages`
    );
  }
  return {
    ...counted,
    seconds: summarize(ours),
    secondsPerPage: summarize(oursPerPage),
    baseline: {...baseCounted, seconds: summarize(base), secondsPerPage: summarize(basePerPage), concurrency},
    ratio: summarize(oursPerPage.map((s, i) => s / basePerPage[i]))
  };
}

/** Prints each briefing page with a Chromium process of its own, `concurrency` at a time; returns the wall seconds and pages. */
async function printWithChromium(site: string, names: readonly string[], out: string, concurrency: number) {
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
            "--no-sandbox",
            "--disable-gpu",
            `--print-to-pdf=${join(out, `${name}.pdf`)}`,
            `--user-data-dir=${profile}`,
            ...networkFlags(port),
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
  return {seconds, counted};
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
