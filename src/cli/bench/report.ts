/** The benchmark's targets, pass/fail, and the table it prints. */
import type {BuildBench, StageSummary} from "./buildBench.js";
import type {BenchEnvironment} from "./environment.js";
import {CLS_TARGET, formatLighthouse, LIGHTHOUSE_CATEGORIES, LIGHTHOUSE_TARGET, type LighthouseBench} from "./lighthouse.js";
import type {MonteCarloBench} from "./monteCarlo.js";
import type {PageWeights} from "./pageWeight.js";
import type {PdfBench} from "./pdfBench.js";
import type {ScaleBench} from "./scale.js";
import type {ProjectedBuild, ScaleBuild} from "./scaleBuilds.js";
import type {SiteOverhead} from "./siteOverhead.js";
import type {SliderBench} from "./sliderLatency.js";
import type {Spread} from "./stats.js";

export interface BenchResults {
  /** The date the results describe: SOURCE_DATE_EPOCH, else the data's as-of date. */
  date: string;
  /** When the measurement ran (ISO timestamp; not a build output). */
  measuredAt: string;
  quick: boolean;
  environment: BenchEnvironment;
  build?: BuildBench;
  site?: SiteOverhead;
  pdf?: PdfBench | {unavailable: string};
  monteCarlo?: MonteCarloBench;
  slider?: SliderBench;
  pageWeight?: PageWeights;
  /** Lighthouse per page (mobile preset): the four category scores, LCP, CLS, bytes, pass. */
  lighthouse?: LighthouseBench;
  scale?: ScaleBench | {unavailable: string};
  /** Builds at 10, 100 and 1,000 deals (scaleBuilds.ts), and the load average when the step started. */
  growth?: {rows: ScaleBuild[]; loadAtStart: number; projection?: ProjectedBuild};
  targets: TargetRow[];
  notes: string[];
}

export interface TargetRow {
  id: string;
  label: string;
  unit: string;
  /** The median, or the single value measured. */
  value: number | null;
  min?: number;
  max?: number;
  /** `<=` or `>=` limit; none for figures reported without a target. */
  target?: {op: "<=" | ">="; limit: number};
  /** null when nothing was measured or there is no target. */
  pass: boolean | null;
  note?: string;
}

const KB = 1000;
const GIB = 2 ** 30;

/**
 * Returns one row per figure with its target and whether it passed: clean build ≤ 60 s, PDF ≤ 0.3 × the Chromium
 * print baseline per page (and the proposed ≤ 0.3 s a page), rebuild ÷ clean ≤ 0.3, ≥ 100,000 draws/s, slider ≤ 50 ms, JavaScript ≤ 250 kB gzip per page, memory ≤ 1.5 GiB;
 * the other figures without a target. Figures that were not measured have value null.
 *
 * @example evaluateTargets(results).filter((row) => row.pass === false)
 */
export function evaluateTargets(r: Omit<BenchResults, "targets">): TargetRow[] {
  const pdf = r.pdf && "seconds" in r.pdf ? r.pdf : undefined;
  const scale = r.scale && "rows" in r.scale ? r.scale : undefined;
  const rows: TargetRow[] = [
    spreadRow("build.clean", "clean build (check, loaders, site, PDFs)", "s", r.build?.clean.seconds, {op: "<=", limit: 60}),
    spreadRow("build.incrementalRatio", "rebuild after one data change ÷ clean build", "×", r.build?.incremental.ratio, {
      op: "<=",
      limit: 0.3
    }),
    spreadRow("build.cleanCpu", "  clean build, CPU time (user + system, all processes)", "s", r.build?.clean.cpuSeconds ?? undefined),
    spreadRow("build.incremental", "rebuild after one data change", "s", r.build?.incremental.seconds),
    spreadRow("build.incrementalCpu", "  rebuild, CPU time", "s", r.build?.incremental.cpuSeconds ?? undefined),
    spreadRow(
      "build.memory",
      "peak memory of the clean build (RSS, process tree)",
      "GiB",
      scaleSpread(r.build?.memory.peakBytes, 1 / GIB),
      {
        op: "<=",
        limit: 1.5
      }
    ),
    spreadRow("site.ours", "site build, loaders cached (deals build --site-only)", "s", r.site?.ours),
    spreadRow("site.bare", "bare observable build, loaders cached", "s", r.site?.bare),
    spreadRow("site.ratio", "our site build ÷ bare Framework build", "×", r.site?.ratio),
    spreadRow("site.ratioWithoutReruns", "  the same, less loaders our build ran again", "×", r.site?.ratioWithoutReruns),
    spreadRow("site.oursCpu", "  CPU time: our site build", "s", r.site?.oursCpu ?? undefined),
    spreadRow("site.bareCpu", "  CPU time: bare Framework build", "s", r.site?.bareCpu ?? undefined),
    spreadRow("pdf.secondsPerPage", "PDF seconds per page, all briefings", "s", pdf?.secondsPerPage, {
      op: "<=",
      limit: 0.3
    }),
    spreadRow("pdf.seconds", "  all briefings, whole deals pdf process", "s", pdf?.seconds),
    spreadRow("pdf.cpu", "  CPU time of deals pdf (Chromium included)", "s", pdf?.cpuSeconds ?? undefined),
    spreadRow("pdf.renderer", "  of which inside the renderer (its own count)", "s", pdf?.rendererSeconds ?? undefined),
    spreadRow(
      "pdf.renderedBaselinePerPage",
      "chromium --print-to-pdf --virtual-time-budget, a process per document",
      "s/page",
      pdf?.rendered.secondsPerPage
    ),
    spreadRow("pdf.ratio", "our PDF s/page ÷ that baseline's, same pages, same run (issue #18's target)", "×", pdf?.ratio, {
      op: "<=",
      limit: 1.2
    }),
    spreadRow(
      "pdf.plainPerDocument",
      "plain chromium --print-to-pdf (prints before the page renders)",
      "s/doc",
      pdf?.plain.secondsPerDocument
    ),
    spreadRow("pdf.ratioToPlain", "our PDF s/document ÷ the plain command's", "×", pdf?.ratioToPlainPerDocument),
    spreadRow(
      "monteCarlo.drawsPerSecond",
      "Monte Carlo draws per wall-clock second, whole projection (amazon-anthropic)",
      "draws/s",
      r.monteCarlo?.drawsPerSecond,
      {
        op: ">=",
        limit: 100_000
      }
    ),
    spreadRow("monteCarlo.seconds", "full projection with 100,000 draws", "s", r.monteCarlo?.seconds),
    spreadRow(
      "monteCarlo.drawsPerCpuSecond",
      "Monte Carlo draws per CPU-second, same runs (every thread of the process; the load moves it less)",
      "draws/s",
      r.monteCarlo?.drawsPerCpuSecond
    ),
    spreadRow("slider.ms", "slider input → new headline on /commitment", "ms", r.slider?.toText, {op: "<=", limit: 50}),
    spreadRow("slider.frameMs", "slider input → next frame after the new headline", "ms", r.slider?.toFrame),
    valueRow("pageWeight.jsGzipMax", "JavaScript per page, gzip, largest page", "kB", r.pageWeight && r.pageWeight.jsGzip.max / KB, {
      op: "<=",
      limit: 250
    }),
    valueRow("pageWeight.jsGzipMedian", "JavaScript per page, gzip, median page", "kB", r.pageWeight && r.pageWeight.jsGzip.median / KB),
    valueRow("pageWeight.dataGzipMax", "data per page, gzip, largest page", "kB", r.pageWeight && r.pageWeight.dataGzip.max / KB),
    ...lighthouseRows(r.lighthouse),
    ...(scale?.rows ?? []).map((row) =>
      spreadRow(`scale.${row.deals}`, `check of ${row.deals.toLocaleString("en-US")} generated deals`, "s", row.seconds)
    ),
    valueRow("scale.secondsPerDeal", "check time per deal at the largest count", "s", scale?.rows[scale.rows.length - 1].secondsPerDeal),
    valueRow("scale.growth", "s/deal at the largest count ÷ at the next (1 = linear)", "×", scale?.growth),
    ...growthRows(r.growth?.rows ?? []),
    ...(r.growth?.projection ? projectionRows(r.growth.projection) : [])
  ];
  if (r.pageWeight) rows.find((row) => row.id === "pageWeight.jsGzipMax")!.note = r.pageWeight.jsGzip.maxPage;
  if (pdf) {
    rows.find((row) => row.id === "pdf.secondsPerPage")!.note = `${pdf.documents} briefings, ${pdf.pages} pages`;
    rows.find((row) => row.id === "pdf.renderedBaselinePerPage")!.note = `${pdf.rendered.pages} pages`;
    rows.find((row) => row.id === "pdf.plainPerDocument")!.note = `${pdf.plain.pages} pages`;
  }
  return rows;
}

/** Peak memory allowed: the 10-deal build's 1.5 GiB, and 4 GiB for more deals (a CI runner has 16 GB, Chromium beside it). */
const MEMORY_LIMIT = (deals: number) => (deals <= 10 ? 1.5 : 4);
/**
 * Clean build allowed, wall seconds on the bench's 2-core machine: 60 (issue #7's "clean build of everything ≤ 60 s"),
 * or 4 a deal (issue #18 measured 3.9 s a deal), whichever is more. Both were set and measured in wall seconds; the
 * CPU time of every process (Chromium's helpers included, counted in a cgroup since s18) runs on both cores at once
 * and is not the same quantity: it is in the row's note.
 */
const CLEAN_LIMIT = (deals: number) => Math.max(60, 4 * deals);
/** The market briefing's pages allowed at any count. */
const MARKET_PAGES_LIMIT = 40;
/**
 * The site build's CPU seconds per page it builds allowed at a count, as a multiple of the count before's: it grows
 * at most in proportion to its pages (Framework builds every deal page, and what does not grow with the deals is
 * shared by more pages). The smallest count's own is held to the clean build's wall limit, of which it is a part.
 */
const SITE_PER_PAGE_GROWTH = 1.2;

/**
 * Returns the rows of the builds at 10, 100 and 1,000 deals. Ratios are of CPU time (every process of the build,
 * Chromium included), which other work on a shared machine hardly moves, measured in one run. Clean build (wall
 * seconds, CLEAN_LIMIT; CPU in the note); rebuild after one change ÷ the smallest count's (≤ 1.5×; the smallest
 * count's own ÷ its clean build ≤ 0.3); whether the rebuild avoided Framework; peak memory; the market briefing's
 * pages; the site build (CPU per page, SITE_PER_PAGE_GROWTH); and for the largest count the clean build's wall time at
 * 1, 4 and 16 shards.
 *
 * @example growthRows(results.growth.rows).filter((row) => row.pass === false)
 */
export function growthRows(rows: readonly ScaleBuild[]): TargetRow[] {
  const base = rows[0];
  const out: TargetRow[] = [];
  const cpu = (x: number | null | undefined) => x ?? undefined;
  /** The site build's CPU seconds per page it built. */
  const perPage = (r: ScaleBuild) => (r.clean.siteCpuSeconds ?? Number.NaN) / r.clean.sitePages;
  for (const [i, row] of rows.entries()) {
    const n = row.deals;
    const k = n.toLocaleString("en-US");
    const clean = valueRow(
      `growth.${n}.clean`,
      `${k} deals: clean build, wall${row.clean.sampled ? " (PDFs extrapolated from a sample)" : ""}`,
      "s",
      row.clean.seconds,
      {op: "<=", limit: CLEAN_LIMIT(n)}
    );
    clean.note = `CPU ${row.clean.cpuSeconds === null ? "not measured" : `${row.clean.cpuSeconds.toFixed(0)} s`}; ${
      row.clean.sampled
        ? `${row.clean.pdfPages.toLocaleString("en-US")} pages estimated, sample ${row.clean.rendered.documents} briefings, ${row.clean.rendered.pages} pages`
        : `${row.clean.documents} briefings, ${row.clean.pdfPages.toLocaleString("en-US")} pages`
    }`;
    const ratio =
      row === base
        ? valueRow(
            `growth.${n}.rebuildRatio`,
            `${k} deals: rebuild after one deal change ÷ clean build, CPU`,
            "×",
            (row.rebuild.cpuSeconds ?? Number.NaN) / (row.clean.cpuSeconds ?? Number.NaN),
            {op: "<=", limit: 0.3}
          )
        : valueRow(
            `growth.${n}.rebuildRatio`,
            `${k} deals: rebuild after one deal change ÷ at ${base.deals.toLocaleString("en-US")} deals, CPU`,
            "×",
            (row.rebuild.cpuSeconds ?? Number.NaN) / (base.rebuild.cpuSeconds ?? Number.NaN),
            {op: "<=", limit: 1.5}
          );
    ratio.note = row === base ? undefined : `wall ${(row.rebuild.seconds / base.rebuild.seconds).toFixed(2)}×`;
    const rebuild = valueRow(`growth.${n}.rebuild`, `  ${k} deals: rebuild after one deal change, CPU`, "s", cpu(row.rebuild.cpuSeconds));
    rebuild.note = `wall ${row.rebuild.seconds.toFixed(1)} s; ${row.rebuild.rendered} PDFs rendered, ${row.rebuild.kept} kept`;
    const pages = row.clean.sitePages.toLocaleString("en-US");
    const site =
      row === base
        ? valueRow(
            `growth.${n}.site`,
            `  ${k} deals: site build (check, data, Framework: ${pages} pages), wall`,
            "s",
            row.clean.siteSeconds,
            {
              op: "<=",
              limit: CLEAN_LIMIT(n)
            }
          )
        : valueRow(
            `growth.${n}.site`,
            `  ${k} deals: site build (check, data, Framework: ${pages} pages), CPU per page`,
            "s",
            perPage(row),
            {op: "<=", limit: SITE_PER_PAGE_GROWTH * perPage(rows[i - 1])}
          );
    site.note = `${row === base ? `CPU ${cpu(row.clean.siteCpuSeconds)?.toFixed(1) ?? "not measured"} s (${perPage(row).toFixed(2)} s a page)` : `CPU ${cpu(row.clean.siteCpuSeconds)?.toFixed(0) ?? "not measured"} s`}; wall ${row.clean.siteSeconds.toFixed(0)} s, of which Framework's stage ${row.clean.frameworkSeconds.toFixed(0)} s and the site data ${row.clean.dataSeconds.toFixed(0)} s`;
    out.push(
      clean,
      ratio,
      rebuild,
      valueRow(`growth.${n}.relinked`, `  ${k} deals: the rebuild skipped Framework's build (1 = yes)`, "", row.rebuild.relinked ? 1 : 0, {
        op: ">=",
        limit: 1
      }),
      valueRow(`growth.${n}.memory`, `  ${k} deals: peak memory of the clean build`, "GiB", row.peakBytes / GIB, {
        op: "<=",
        limit: MEMORY_LIMIT(n)
      }),
      valueRow(`growth.${n}.marketPages`, `  ${k} deals: market briefing pages`, "pages", row.marketPages, {
        op: "<=",
        limit: MARKET_PAGES_LIMIT
      }),
      site
    );
    for (const shard of row.shards ?? [])
      out.push({
        ...valueRow(
          `growth.${n}.shards${shard.shards}`,
          `  ${k} deals: clean build, wall, the PDFs on ${shard.shards} CI shard${shard.shards > 1 ? "s" : ""}`,
          "s",
          shard.seconds
        ),
        note: `longest shard ${shard.longestShardPages.toLocaleString("en-US")} pages at the measured s/page${shard.shards > 1 ? ", 90 s set-up each (assumed)" : ""}`
      });
  }
  return out;
}

/**
 * Returns the rows of a clean build projected to a count not measured (projectBuild): shown with the clean build's
 * target, but with no pass (a projection passes nothing), and the wall time with the PDFs on 1, 4 and 16 shards.
 */
export function projectionRows(p: ProjectedBuild): TargetRow[] {
  const k = p.deals.toLocaleString("en-US");
  const from = `projected from ${p.from.map((n) => n.toLocaleString("en-US")).join(" and ")} deals, not measured`;
  return [
    {
      ...valueRow(`growth.${p.deals}.cleanProjected`, `${k} deals: clean build, CPU (${from})`, "s", p.cleanCpuSeconds ?? undefined),
      target: {op: "<=", limit: CLEAN_LIMIT(p.deals)},
      note: `wall ${p.cleanSeconds.toFixed(0)} s: site ${p.siteSeconds.toFixed(0)} s + ${p.pdfPages.toLocaleString("en-US")} pages × ${p.secondsPerPage.toFixed(3)} s`
    },
    ...p.shards.map((shard) => ({
      ...valueRow(
        `growth.${p.deals}.shards${shard.shards}`,
        `  ${k} deals: clean build, wall, the PDFs on ${shard.shards} CI shard${shard.shards > 1 ? "s" : ""} (${from})`,
        "s",
        shard.seconds
      ),
      note: `longest shard ${shard.longestShardPages.toLocaleString("en-US")} pages at the measured s/page${shard.shards > 1 ? ", 90 s set-up each (assumed)" : ""}`
    }))
  ];
}

/** The lowest score of each Lighthouse category over the pages (target ≥ 90) and the largest CLS (≤ 0.1). */
function lighthouseRows(lh: LighthouseBench | undefined): TargetRow[] {
  const worst = (f: (p: LighthouseBench["pages"][number]) => number | null, pick: (xs: number[]) => number) => {
    const values = (lh?.pages ?? []).map(f).filter((x): x is number => x !== null);
    return values.length ? pick(values) : undefined;
  };
  const rows = LIGHTHOUSE_CATEGORIES.map((c) =>
    valueRow(
      `lighthouse.${c}`,
      `Lighthouse ${c.replace("-", " ")}, lowest page (mobile)`,
      "",
      worst(
        (p) => p.scores[c],
        (xs) => Math.min(...xs)
      ),
      {
        op: ">=",
        limit: LIGHTHOUSE_TARGET
      }
    )
  );
  rows.push(
    valueRow(
      "lighthouse.cls",
      "Lighthouse cumulative layout shift, largest page",
      "",
      worst(
        (p) => p.cls,
        (xs) => Math.max(...xs)
      ),
      {
        op: "<=",
        limit: CLS_TARGET
      }
    ),
    valueRow(
      "lighthouse.lcp",
      "Lighthouse largest contentful paint, slowest page",
      "s",
      worst(
        (p) => p.lcp,
        (xs) => Math.max(...xs)
      )
    )
  );
  return rows;
}

function spreadRow(id: string, label: string, unit: string, spread: Spread | undefined, target?: TargetRow["target"]): TargetRow {
  if (!spread) return {id, label, unit, value: null, target, pass: null};
  return {
    id,
    label,
    unit,
    value: spread.median,
    min: spread.min,
    max: spread.max,
    target,
    pass: target ? passes(spread.median, target) : null
  };
}

function valueRow(id: string, label: string, unit: string, value: number | undefined, target?: TargetRow["target"]): TargetRow {
  if (value === undefined || !Number.isFinite(value)) return {id, label, unit, value: null, target, pass: null};
  return {id, label, unit, value, target, pass: target ? passes(value, target) : null};
}

function scaleSpread(spread: Spread | undefined, factor: number): Spread | undefined {
  return (
    spread && {
      ...spread,
      median: spread.median * factor,
      min: spread.min * factor,
      max: spread.max * factor,
      samples: spread.samples.map((x) => x * factor)
    }
  );
}

function passes(value: number, {op, limit}: {op: "<=" | ">="; limit: number}): boolean {
  return op === "<=" ? value <= limit : value >= limit;
}

/**
 * Returns the printable report: the machine, one line per figure (median, min–max, target, pass/FAIL), the clean
 * build's stages with their shares, and the notes.
 *
 * @example console.log(formatTable(results))
 */
export function formatTable(r: BenchResults): string {
  const e = r.environment;
  const lines = [
    `deals bench — ${r.date} (measured ${r.measuredAt})${r.quick ? " — quick" : ""}`,
    `${e.cores} cores, ${e.cpuModel}, load ${e.loadAverage} at start; Node ${e.node}; ${e.chromium}`,
    ""
  ];
  const table = [["figure", "median", "min–max", "target", "result"]];
  for (const row of r.targets) {
    table.push([
      row.label,
      row.value === null ? "—" : `${num(row.value)} ${row.unit}`,
      row.min === undefined || row.max === undefined ? "" : `${num(row.min)}–${num(row.max)}`,
      row.target ? `${row.target.op === "<=" ? "≤" : "≥"} ${num(row.target.limit)} ${row.unit}` : "",
      row.pass === null ? (row.value === null ? "not measured" : "") : row.pass ? "pass" : "FAIL"
    ]);
    if (row.note) table[table.length - 1][0] += ` (${row.note})`;
  }
  const widths = table[0].map((_, i) => Math.max(...table.map((cells) => [...cells[i]].length)));
  for (const cells of table)
    lines.push(
      cells
        .map((cell, i) => cell.padEnd(widths[i]))
        .join("  ")
        .trimEnd()
    );
  if (r.build) {
    lines.push("", "clean build stages (median seconds, share of the build's own total):");
    lines.push(...stageLines(r.build.clean.stages));
    const loaders = Object.entries(r.build.clean.loaders);
    if (loaders.length) lines.push(`  data loaders inside "building the site": ${loaders.map(([n, s]) => `${n} ${num(s)} s`).join(", ")}`);
    const inc = r.build.incremental;
    lines.push(`rebuild stages after "${inc.change}":`, ...stageLines(inc.stages));
    const rerun = Object.entries(inc.loaders);
    if (rerun.length) lines.push(`  data loaders Framework ran: ${rerun.map(([n, s]) => `${n} ${num(s)} s`).join(", ")}`);
    lines.push(`  what changed, as the rebuilt site reports it: ${inc.whatChanged?.join("; ") || "nothing"}`);
  }
  if (r.lighthouse) lines.push("", formatLighthouse(r.lighthouse));
  if (r.notes.length) lines.push("", ...r.notes.map((n) => `note: ${n}`));
  return lines.join("\n");
}

function stageLines(stages: readonly StageSummary[]): string[] {
  return stages.map((s) => `  ${s.name.padEnd(36)} ${num(s.seconds.median).padStart(7)} s  ${(s.share * 100).toFixed(0).padStart(3)}%`);
}

/** Formats a number with 3 significant digits (integers ≥ 1000 with thousands separators). */
function num(x: number): string {
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString("en-US");
  return Number(x.toPrecision(3)).toString();
}
