/**
 * In-browser latency (target 5): the time from a scenario slider's `input` event on /commitment to the updated
 * text of the headline `[data-figure="commitment.gwYears"]`, measured inside the page.
 */
import type {Page} from "puppeteer-core";
import {launchBrowser, lockedPage} from "../browser.js";
import {serveSite} from "../serve.js";
import {type Spread, summarize} from "./stats.js";

export const HEADLINE = '[data-figure="commitment.gwYears"]';

export interface SliderBench {
  /** Milliseconds from the input event to the headline's new text. */
  toText: Spread;
  /** Milliseconds until the next animation frame after the text changed (the change on screen). */
  toFrame: Spread;
  /** The slider moved (its label). */
  slider: string;
  /** Moves that did not change the headline within the timeout. */
  unchanged: number;
  /** Console errors and refused requests the page logged (they do not stop the measurement). */
  problems: string[];
}

/**
 * Returns the latency of `moves` slider moves (default 10) on the built site's /commitment page, alternating the
 * first slider that moves the headline between its low and high ends. Throws when no slider changes the headline; errors the
 * page logs are returned in `problems`.
 *
 * @example const slider = await benchSlider({site: "dist"}); // slider.toText.median, in ms
 */
export async function benchSlider({site, moves = 10}: {site: string; moves?: number}): Promise<SliderBench> {
  if (!(Number.isInteger(moves) && moves >= 1)) throw new Error(`invalid moves: ${moves}`);
  const server = await serveSite(site);
  const chromium = await launchBrowser();
  try {
    const {page, log, dispose} = await lockedPage(chromium.browser, server.origin);
    try {
      await page.setViewport({width: 1280, height: 900});
      await page.goto(`${server.origin}/commitment`, {waitUntil: "load", timeout: 60_000});
      await page.waitForFunction(
        (selector) => !!document.querySelector(selector) && !document.querySelector("observablehq-loading"),
        {timeout: 60_000, polling: 50},
        HEADLINE
      );
      const count = await page.$$eval("form.controls input[type=range]", (inputs) => inputs.length);
      let slider = -1;
      for (let i = 0; i < count && slider < 0; ++i) if ((await move(page, i, "max")).changed) slider = i;
      if (slider < 0) throw new Error(`no slider of the ${count} on /commitment changes ${HEADLINE}${problems(log)}`);
      const toText: number[] = [];
      const toFrame: number[] = [];
      let unchanged = 0;
      for (let k = 0; k < moves; ++k) {
        const result = await move(page, slider, k % 2 ? "max" : "min");
        if (result.changed) {
          toText.push(result.toText);
          toFrame.push(result.toFrame);
        } else unchanged++;
      }
      if (!toText.length) throw new Error(`the slider never changed ${HEADLINE}`);
      const label = await page.$$eval(
        "form.controls input[type=range]",
        (inputs, i) => inputs[i].closest("form")?.querySelector("label")?.textContent ?? `slider ${i + 1}`,
        slider
      );
      const pageProblems = [...log.errors, ...log.blocked.map((b) => `blocked: ${b}`)];
      return {toText: summarize(toText), toFrame: summarize(toFrame), slider: label, unchanged, problems: pageProblems};
    } finally {
      await dispose();
    }
  } finally {
    await chromium.close();
    await server.close();
  }
}

/**
 * Sets slider `index` to its min or max, dispatches `input`, and times the headline's text change (2 s timeout).
 * The in-page code is a string: tsx would otherwise wrap its inner functions in a `__name` helper the page lacks.
 */
async function move(page: Page, index: number, end: "min" | "max"): Promise<{changed: boolean; toText: number; toFrame: number}> {
  return page.evaluate(`(${MOVE_IN_PAGE})(${JSON.stringify(HEADLINE)}, ${index}, ${JSON.stringify(end)})`) as Promise<{
    changed: boolean;
    toText: number;
    toFrame: number;
  }>;
}

const MOVE_IN_PAGE = `(selector, index, end) => new Promise((resolve) => {
  const input = document.querySelectorAll("form.controls input[type=range]")[index];
  const before = document.querySelector(selector)?.textContent ?? "";
  const target = end === "max" ? input.max : input.min;
  if (input.value === target) return resolve({changed: false, toText: 0, toFrame: 0});
  let done = false;
  let observer = null;
  let timer = 0;
  let started = 0;
  const finish = (changed, toText) => {
    if (done) return;
    done = true;
    observer.disconnect();
    clearTimeout(timer);
    if (!changed) resolve({changed, toText, toFrame: 0});
    else requestAnimationFrame(() => resolve({changed, toText, toFrame: performance.now() - started}));
  };
  const check = () => {
    if ((document.querySelector(selector)?.textContent ?? "") !== before) finish(true, performance.now() - started);
  };
  observer = new MutationObserver(check);
  observer.observe(document.body, {subtree: true, childList: true, characterData: true});
  timer = setTimeout(() => finish(false, 0), 2000);
  started = performance.now();
  input.value = target;
  input.dispatchEvent(new Event("input", {bubbles: true}));
  check();
})`;

function problems(log: {errors: string[]; blocked: string[]}): string {
  const lines = [...log.errors, ...log.blocked.map((b) => `blocked: ${b}`)];
  return lines.length ? `:\n  ${lines.slice(0, 10).join("\n  ")}` : "";
}
