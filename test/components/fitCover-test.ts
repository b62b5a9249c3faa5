// @vitest-environment jsdom
import {assert, it} from "vitest";
import {COVER_STEPS, coverOverflowText, fitCover} from "../../docs/components/briefing/fitCover.js";

/** A root holding a cover whose content is `heights[k]` CSS px tall after k tightening steps (jsdom lays nothing out). */
function coverRoot(heights: number[]): Element {
  const root = document.createElement("article");
  const cover = document.createElement("header");
  cover.className = "briefing-cover";
  // Its set height is the page's (978 px, A4) until the content is measured at height: auto.
  cover.getBoundingClientRect = () => {
    if (cover.style.height !== "auto") return {height: 978} as DOMRect;
    const steps = COVER_STEPS.filter((c) => cover.classList.contains(c)).length;
    return {height: heights[Math.min(steps, heights.length - 1)]} as DOMRect;
  };
  root.append(cover);
  return root;
}

it("fitCover(root, height) leaves a cover that fits as it is, and reports the room left", () => {
  const root = coverRoot([900, 850, 800]);
  // 978 − 4 px of safety − 900 = 74 px to spare.
  assert.deepStrictEqual(fitCover(root, 978), {steps: 0, slackPx: 74});
  assert.isFalse(root.querySelector(".briefing-cover")!.classList.contains("cover-fit-1"));
  assert.isNull(coverOverflowText("market", {steps: 0, slackPx: 74}));
});

it("fitCover(root, height) sets a cover too tall one step tighter at a time, stopping at the first that fits", () => {
  // 1,000 px as set, 960 after step 1: fits A4's 978 − 4 px after one step, 14 px to spare.
  const root = coverRoot([1000, 960, 900]);
  assert.deepStrictEqual(fitCover(root, 978), {steps: 1, slackPx: 14});
  const cover = root.querySelector(".briefing-cover")!;
  assert.isTrue(cover.classList.contains("cover-fit-1"));
  assert.isFalse(cover.classList.contains("cover-fit-2"));
});

it("fitCover(…) reports a cover that does not fit even at the last step, in millimetres, named", () => {
  // 1,030 px at the tightest step: 56 px over 978 − 4, 56 × 25.4 ÷ 96 = 14.8 mm, so 15 mm.
  const fit = fitCover(coverRoot([1100, 1060, 1030]), 978);
  assert.deepStrictEqual(fit, {steps: 2, slackPx: -56});
  assert.strictEqual(
    coverOverflowText("deal-oracle-openai", fit),
    "page 1 of deal-oracle-openai runs 15 mm onto page 2 even set tighter: shorten its call or a takeaway (reports/summaries/deal-oracle-openai.md)"
  );
  assert.deepStrictEqual(fitCover(document.createElement("div"), 978), {steps: 0, slackPx: 978});
  assert.throws(() => fitCover(document.createElement("div"), 0), /invalid pageHeight: 0/);
});
