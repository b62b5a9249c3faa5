import {assert, it} from "vitest";
import {formatLighthouse, lighthouseFigures} from "../../src/cli/bench/lighthouse.js";

/** A Lighthouse result with the given category scores (0–1), LCP (ms), CLS and bytes. */
function lhr(scores: Record<string, number>, {lcp = 2000, cls = 0.05, bytes = 300_000} = {}) {
  return {
    lighthouseVersion: "12.8.2",
    categories: Object.fromEntries(
      Object.entries(scores).map(([id, score]) => [
        id,
        {
          score,
          auditRefs: [
            {id: `${id}-audit`, weight: 1},
            {id: "unweighted", weight: 0}
          ]
        }
      ])
    ),
    audits: {
      "largest-contentful-paint": {score: 0.9, numericValue: lcp},
      "cumulative-layout-shift": {score: 1, numericValue: cls},
      "total-byte-weight": {score: 1, numericValue: bytes},
      "performance-audit": {score: 0.5, scoreDisplayMode: "numeric"},
      "accessibility-audit": {score: 1, scoreDisplayMode: "binary"},
      "best-practices-audit": {score: 1, scoreDisplayMode: "binary"},
      "seo-audit": {score: 0, scoreDisplayMode: "informative"},
      unweighted: {score: 0, scoreDisplayMode: "binary"}
    }
  };
}

it("lighthouseFigures(path, lhr) scores out of 100, LCP in seconds, and passes only when every category ≥ 90 and CLS ≤ 0.1", () => {
  const good = lighthouseFigures("/", lhr({performance: 0.9, accessibility: 1, "best-practices": 0.96, seo: 0.92}));
  assert.deepStrictEqual(good.scores, {performance: 90, accessibility: 100, "best-practices": 96, seo: 92});
  assert.strictEqual(good.lcp, 2);
  assert.strictEqual(good.cls, 0.05);
  assert.strictEqual(good.bytes, 300_000);
  assert.isTrue(good.pass);
  // The weighted audits below 0.9 are named; informative and unweighted ones are not.
  assert.deepStrictEqual(good.failing, ["performance-audit"]);
  assert.isFalse(lighthouseFigures("/", lhr({performance: 0.89, accessibility: 1, "best-practices": 1, seo: 1})).pass);
  assert.isFalse(lighthouseFigures("/", lhr({performance: 1, accessibility: 1, "best-practices": 1, seo: 1}, {cls: 0.11})).pass);
  assert.isFalse(lighthouseFigures("/", lhr({performance: 1, accessibility: 1, "best-practices": 1})).pass, "a missing category fails");
});

it("formatLighthouse(bench) prints a row per page with its scores and pass", () => {
  const page = lighthouseFigures(
    "/capacity",
    lhr({performance: 0.56, accessibility: 0.86, "best-practices": 1, seo: 0.9}, {lcp: 4200, cls: 0.54, bytes: 601_400})
  );
  const table = formatLighthouse({lighthouse: "12.8.2", preset: "mobile", load: {before: 1, after: 2}, pages: [page], pass: false});
  assert.include(table, "| /capacity | 56 | 86 | 100 | 90 | 4.2 s | 0.54 | 601 | FAIL | performance-audit |");
});
