import {assert, it} from "vitest";
import {growthRows} from "../../src/cli/bench/report.js";
import {projectBuild, type ScaleBuild} from "../../src/cli/bench/scaleBuilds.js";

/** A measured row with only what growthRows reads. */
function row(
  deals: number,
  {cleanCpu, rebuildCpu, sampled = false}: {cleanCpu: number; rebuildCpu: number; sampled?: boolean}
): ScaleBuild {
  return {
    deals,
    clean: {
      seconds: cleanCpu * 2,
      cpuSeconds: cleanCpu,
      measuredSeconds: cleanCpu,
      siteSeconds: 10,
      siteCpuSeconds: 0.2 * (deals * 2 + 13),
      frameworkSeconds: 5,
      dataSeconds: 3,
      sitePages: deals * 2 + 13,
      sampled,
      rendered: {documents: 11, pages: 150, seconds: 20, secondsPerPage: 20 / 150},
      pdfPages: deals * 14 + 26,
      documents: deals + 1
    },
    rebuild: {seconds: rebuildCpu * 3, cpuSeconds: rebuildCpu, change: "x", rendered: 4, kept: deals - 3, relinked: true, stages: []},
    peakBytes: 2 ** 30,
    marketPages: 26
  };
}

it("growthRows(rows) holds the rebuild to 1.5× the smallest count's, in CPU time, and the smallest to 0.3× its clean build", () => {
  // 10 deals: rebuild 6 s of a 30 s clean build = 0.2 (pass); 1,000 deals: 8.4 s ÷ 6 s = 1.4 (pass); 100: 9.6 ÷ 6 = 1.6 (fail).
  const rows = growthRows([
    row(10, {cleanCpu: 30, rebuildCpu: 6}),
    row(100, {cleanCpu: 300, rebuildCpu: 9.6}),
    row(1000, {cleanCpu: 3000, rebuildCpu: 8.4, sampled: true})
  ]);
  const get = (id: string) => rows.find((r) => r.id === id)!;
  assert.closeTo(get("growth.10.rebuildRatio").value!, 0.2, 1e-12);
  assert.isTrue(get("growth.10.rebuildRatio").pass);
  assert.closeTo(get("growth.1000.rebuildRatio").value!, 1.4, 1e-12);
  assert.isTrue(get("growth.1000.rebuildRatio").pass);
  assert.isFalse(get("growth.100.rebuildRatio").pass);
  // Clean build: at most 60 s or 4 s a deal of wall time (row(): wall = 2 × CPU): 60 ≤ 60, 6,000 > 4,000; the CPU in
  // the note.
  assert.strictEqual(get("growth.10.clean").value, 60);
  assert.isTrue(get("growth.10.clean").pass);
  assert.deepStrictEqual(get("growth.1000.clean").target, {op: "<=", limit: 4000});
  assert.isFalse(get("growth.1000.clean").pass);
  assert.match(get("growth.1000.clean").note!, /^CPU 3000 s; /);
  assert.match(get("growth.1000.clean").label, /wall \(PDFs extrapolated from a sample\)/);
  // Memory: 1 GiB against 1.5 GiB at 10 deals and 4 GiB beyond.
  assert.deepStrictEqual([get("growth.10.memory").target?.limit, get("growth.100.memory").target?.limit], [1.5, 4]);
  // Site: 0.2 CPU-s a page at every count (ratio 1 ≤ 1.2); the smallest count's wall 10 s ≤ 60 s.
  assert.strictEqual(get("growth.10.site").value, 10);
  assert.isTrue(get("growth.10.site").pass);
  assert.closeTo(get("growth.1000.site").value!, 0.2, 1e-12);
  assert.isTrue(get("growth.1000.site").pass);
  assert.isTrue(get("growth.100.relinked").pass);
  assert.isTrue(get("growth.100.marketPages").pass);
});

it("projectBuild(small, large, 1000) draws the site build's line through the two counts and prices the PDFs per page", () => {
  const small = row(10, {cleanCpu: 30, rebuildCpu: 6});
  const large = row(100, {cleanCpu: 300, rebuildCpu: 7});
  small.clean.siteSeconds = 40;
  large.clean.siteSeconds = 130; // 1 s a deal over 10 → 100 deals: 40 + (1000 − 10) × 1 = 1,030 s at 1,000
  large.clean.pdfPages = 26 + 14 * 100;
  large.clean.rendered.secondsPerPage = 0.2;
  const p = projectBuild(small, large, 1000);
  assert.closeTo(p.siteSeconds, 1030, 1e-9);
  assert.strictEqual(p.pdfPages, 26 + 14 * 1000);
  assert.closeTo(p.cleanSeconds, 1030 + 14_026 * 0.2, 1e-9);
  // One shard renders every page; 16 shards balanced by pages: the longest holds ⌈1,001 ÷ 16⌉ = 63 briefings at most
  // (the market's 26 pages and 62 deals' 14, or 63 deals'): 63 × 14 = 882 pages, + 90 s set-up.
  assert.closeTo(p.shards[0].seconds, 1030 + 14_026 * 0.2, 1e-9);
  assert.strictEqual(p.shards[2].longestShardPages, 882);
  assert.closeTo(p.shards[2].seconds, 1030 + 882 * 0.2 + 90, 1e-9);
});

it("growthRows(rows) holds the site build's CPU per page to 1.2× the count before's", () => {
  // 10 deals at 0.2 CPU-s a page; 100 at 0.22; 1,000 at 0.25 ≤ 1.2 × 0.22 = 0.264 (pass, though above 1.2 × the 10
  // deals' 0.2), then at 0.27 (fail).
  const rows = [
    row(10, {cleanCpu: 30, rebuildCpu: 6}),
    row(100, {cleanCpu: 300, rebuildCpu: 7}),
    row(1000, {cleanCpu: 3000, rebuildCpu: 8})
  ];
  rows[1].clean.siteCpuSeconds = 0.22 * rows[1].clean.sitePages;
  const site = (perPage: number) => {
    rows[2].clean.siteCpuSeconds = perPage * rows[2].clean.sitePages;
    return growthRows(rows).find((r) => r.id === "growth.1000.site")!;
  };
  assert.closeTo(site(0.25).value!, 0.25, 1e-12);
  assert.closeTo(site(0.25).target!.limit, 0.264, 1e-12);
  assert.isTrue(site(0.25).pass);
  assert.isFalse(site(0.27).pass);
});
