import {assert, it} from "vitest";
import {parseBuildSteps, parseFrameworkLoads} from "../../src/cli/bench/buildLog.js";
import {assertInDelta} from "../asserts.js";

const LINES = [
  "ok: 15 files, 10 deals",
  "build: bundling the core for the browser (0.4 s)",
  "build: computing the site data (0.5 s)",
  "build: site data: 5 files changed, 11 unchanged (0.6 s)",
  "build: building the site (0.6 s)",
  "load /capacity in 2714ms",
  "build: rendering the PDF briefings (40.6 s)",
  "build: pdf: 9 unchanged and kept, 2 to render (41.0 s)",
  "build: swapping the new build into /tmp/out (50.6 s)",
  "build: done: /tmp/out/ (50.6 s)"
];

it("parseBuildSteps(lines) returns each stage from its line to the next, with its share of the total", () => {
  const {total, stages} = parseBuildSteps(LINES);
  assert.strictEqual(total, 50.6);
  assert.deepStrictEqual(
    stages.map((s) => [s.name, s.seconds]),
    [
      ["checking the data", 0.4],
      ["bundling the core for the browser", 0.1],
      ["computing the site data", 0.1], // to "building the site" at 0.6: the "site data:" report is no stage
      ["building the site", 40],
      ["rendering the PDF briefings", 10],
      ["swapping the new build", 0]
    ]
  );
  // 40 / 50.6 = 0.7905…
  assertInDelta(stages[3].share, 40 / 50.6);
  assertInDelta(
    stages.reduce((s, x) => s + x.share, 0),
    1
  );
});

it("parseBuildSteps(lines, waited) leaves the wait for another build out of the check and the total", () => {
  const lines = [
    "build: waiting for another build of this project to finish (pid 7)",
    "build: bundling (30.5 s)",
    "build: done: dist/ (40.5 s)"
  ];
  const {total, stages} = parseBuildSteps(lines, 30);
  // 40.5 − 30 = 10.5 s of own work: check 0.5 s, bundling 10 s
  assert.strictEqual(total, 10.5);
  assert.deepStrictEqual(
    stages.map((s) => [s.name, s.seconds]),
    [
      ["checking the data", 0.5],
      ["bundling", 10]
    ]
  );
});

it("parseBuildSteps([]) returns no stages and total 0", () => {
  assert.deepStrictEqual(parseBuildSteps([]), {total: 0, stages: []});
  assert.deepStrictEqual(parseBuildSteps(["unrelated"]), {total: 0, stages: []});
});

it("parseBuildSteps(lines, -1) throws invalid waited", () => {
  assert.throws(() => parseBuildSteps(LINES, -1), /invalid waited: -1/);
});

it("parseFrameworkLoads(lines) times the pages and the loaders Framework ran, and lists the cached ones", () => {
  const loads = parseFrameworkLoads([
    "load /capacity @observablehq/inputs → docs/.observablehq/cache/_node/@observablehq/inputs@0.12.0/index.js",
    "htl → docs/.observablehq/cache/_node/htl@0.3.1/index.js",
    "in 23346ms",
    "load /index in 82ms",
    "copy docs/data/dataset.json → load /data/dataset.json → [missing] success 133 kB in 5186ms",
    "copy docs/data/analysis.json → load /data/analysis.json → [fresh] success 207 kB in 0ms"
  ]);
  assert.deepStrictEqual(loads, {
    pages: {"/capacity": 23.346, "/index": 0.082},
    loaders: {"/data/dataset.json": 5.186},
    reused: ["/data/analysis.json"]
  });
});
