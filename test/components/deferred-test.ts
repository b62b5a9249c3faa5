// @vitest-environment jsdom
// What a deal page draws after its first screen (issue #19), in one jsdom file: parts below the first screen draw when
// they come near it (docs/components/deferred.ts), at once where the page is printed or prerendered, and hold about
// their height until then; glossify marks the first use of each term in one walk of the text, exactly what the walk
// per term it replaced marked (kept below as the reference).
import {afterEach, assert, it} from "vitest";
import {Deferred, drawAll, heightAt, whenNear} from "../../docs/components/deferred.js";
import {GLOSSARY, glossify, Term} from "../../docs/components/glossary.js";
import {assertInDelta} from "../asserts.js";

/** An IntersectionObserver the test drives: `show(box)` reports the box near the screen. */
class FakeObserver {
  static all: FakeObserver[] = [];
  observed = new Set<Element>();
  constructor(readonly callback: (entries: {target: Element; isIntersecting: boolean}[]) => void) {
    FakeObserver.all.push(this);
  }
  observe(box: Element) {
    this.observed.add(box);
  }
  unobserve(box: Element) {
    this.observed.delete(box);
  }
  disconnect() {}
  static show(box: Element) {
    for (const o of FakeObserver.all) if (o.observed.has(box)) o.callback([{target: box, isIntersecting: true}]);
  }
}

const g = globalThis as Record<string, unknown>;
afterEach(() => {
  delete g.IntersectionObserver;
  document.documentElement.removeAttribute("data-prerendering");
  document.body.replaceChildren();
});

const chart = (text: string) => Object.assign(document.createElement("svg"), {textContent: text});

it("heightAt(width, narrow, wide) is the measured height at each end, in between by the inverse of the width, no further", () => {
  assert.strictEqual(heightAt(326, [326, 1500], [912, 600]), 1500);
  assert.strictEqual(heightAt(912, [326, 1500], [912, 600]), 600);
  // t = (1/500 − 1/326) / (1/912 − 1/326) = −0.00106748 / −0.00197099 = 0.54160; 1500 − 0.54160 × 900 = 1012.56.
  assertInDelta(heightAt(500, [326, 1500], [912, 600]), 1013, 0);
  assert.strictEqual(heightAt(2000, [326, 1500], [912, 600]), 600);
  assert.strictEqual(heightAt(200, [326, 1500], [912, 600]), 1500);
});

it("without an IntersectionObserver (or in the build's prerender) a part draws at once", () => {
  const box = Deferred(() => chart("at once"), {height: 400});
  assert.strictEqual(box.dataset.deferred, "drawn");
  assert.strictEqual(box.textContent, "at once");
  g.IntersectionObserver = FakeObserver;
  document.documentElement.setAttribute("data-prerendering", "");
  const prerendered = Deferred(() => chart("prerendered"), {height: 400});
  assert.strictEqual(prerendered.dataset.deferred, "drawn");
  assert.strictEqual(prerendered.style.minHeight, "");
});

it("a part holds its height and draws when it comes near the screen; one drawn before draws at once when its cell runs again", async () => {
  g.IntersectionObserver = FakeObserver;
  let draws = 0;
  const draw = () => {
    ++draws;
    return chart("near");
  };
  const box = Deferred(draw, {height: 480, key: "near"});
  document.body.append(box);
  assert.strictEqual(box.dataset.deferred, "waiting");
  assert.strictEqual(box.style.minHeight, "480px");
  assert.strictEqual(draws, 0);
  FakeObserver.show(box);
  await Promise.resolve();
  // In a task of its own, not inside the observer's callback (parts near the screen at load are not one long task).
  assert.strictEqual(draws, 0, "not inside the observer's callback");
  await new Promise((done) => setTimeout(done, 0));
  assert.strictEqual(box.dataset.deferred, "drawn");
  assert.strictEqual(box.style.minHeight, "");
  assert.strictEqual(box.textContent, "near");
  FakeObserver.show(box);
  assert.strictEqual(draws, 1, "drawn once");
  const again = Deferred(draw, {height: 480, key: "near"});
  assert.strictEqual(again.dataset.deferred, "drawn");
  assert.strictEqual(draws, 2);
});

it("drawAll() draws every waiting part in the page (an async one too), not those of a cell that ran again", async () => {
  g.IntersectionObserver = FakeObserver;
  const shown = Deferred(() => chart("sync"), {height: 100});
  const later = Deferred(async () => chart("async"), {height: 100});
  const dropped = Deferred(() => chart("dropped"), {height: 100});
  document.body.append(shown, later);
  await drawAll();
  assert.strictEqual(shown.textContent, "sync");
  assert.strictEqual(later.textContent, "async");
  assert.strictEqual(dropped.dataset.deferred, "waiting");
});

it("whenNear completes a drawn part once it comes near the screen (when idle), or within drawAll(); a key completed before, when idle", async () => {
  g.IntersectionObserver = FakeObserver;
  const idle = () => new Promise((done) => setTimeout(done, 0));
  let runs = 0;
  const box = Object.assign(document.createElement("div"), {textContent: "line"});
  document.body.append(box);
  whenNear(
    box,
    () => {
      box.textContent = "line and band";
      ++runs;
    },
    {key: "band"}
  );
  assert.strictEqual(box.dataset.deferred, "waiting");
  await idle();
  assert.strictEqual(runs, 0, "not at load");
  FakeObserver.show(box);
  assert.strictEqual(runs, 0, "not inside the observer's callback");
  await idle();
  assert.strictEqual(runs, 1);
  assert.strictEqual(box.textContent, "line and band");
  assert.strictEqual(box.dataset.deferred, "drawn");
  FakeObserver.show(box);
  await idle();
  assert.strictEqual(runs, 1, "once");
  // Its key was completed: the next one (a slider moved) completes when idle, without coming near the screen.
  const again = document.createElement("div");
  whenNear(again, () => ++runs, {key: "band"});
  await idle();
  assert.strictEqual(runs, 2);
  // Print: drawAll() completes a waiting one at once.
  const printed = document.createElement("div");
  document.body.append(printed);
  whenNear(printed, () => ++runs, {key: "other"});
  await drawAll();
  assert.strictEqual(runs, 3);
  assert.strictEqual(printed.dataset.deferred, "drawn");
  await idle();
  assert.strictEqual(runs, 3, "not again when idle");
  // Created while the page prints (inside a part drawAll draws in beforeprint): within the call.
  window.dispatchEvent(new Event("beforeprint"));
  whenNear(document.createElement("div"), () => ++runs);
  assert.strictEqual(runs, 4);
  window.dispatchEvent(new Event("afterprint"));
});

it("a part whose drawing fails shows the error in its place", async () => {
  g.IntersectionObserver = FakeObserver;
  const errors: unknown[] = [];
  const log = console.error;
  console.error = (e: unknown) => errors.push(e);
  try {
    const box = Deferred(
      () => {
        throw new Error("no data");
      },
      {height: 100}
    );
    document.body.append(box);
    await drawAll();
    assert.strictEqual(box.querySelector(".observablehq--error")?.textContent, "Error: no data");
    assert.lengthOf(errors, 1);
  } finally {
    console.error = log;
  }
});

const SKIP = "a, button, svg, script, style, h1, h2, h3, h4, h5, h6, .badge, .term, .glossary, [contenteditable]";

/** The previous glossify: one tree walk per term, a RegExp per text node and spelling. */
function reference(root: Element): number {
  let marked = 0;
  for (const entry of GLOSSARY) {
    const spellings = [entry.term, ...(entry.also ?? [])].sort((a, b) => b.length - a.length);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT)
    });
    let found = false;
    for (let node = walker.nextNode() as Text | null; node && !found; node = walker.nextNode() as Text | null) {
      const text = node.data;
      for (const spelling of spellings) {
        const at = text.search(new RegExp(`(?<![\\w-])${spelling.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w-])`));
        if (at < 0) continue;
        const rest = node.splitText(at);
        rest.splitText(spelling.length);
        rest.replaceWith(Term(entry, spelling));
        found = true;
        ++marked;
        break;
      }
    }
  }
  return marked;
}

const HTML = `
  <h3>NPV and PUE in a heading</h3>
  <p>The <a href="#x">NPV</a> link, then <span class="badge">PUE</span> in a badge; <svg><text>GW-years</text></svg></p>
  <p>Net present value and NPV and the PUE of 1.2 in one sentence; GW-years, not a GW-year; P10–P90 of the Monte Carlo.</p>
  <p>H100-equivalents (H100e), Black-Scholes and Black–Scholes; NPVs and pre-NPV are not the term; PUE again.</p>
  <div><p>Nested <em>Monte Carlo</em> and <strong>H100e</strong> and net present value again.</p></div>`;

it("glossify(root) marks the same terms in the same places as one walk per term did, and counts them", () => {
  const [a, b] = [document.createElement("section"), document.createElement("section")];
  a.innerHTML = HTML;
  b.innerHTML = HTML;
  const count = glossify(a);
  assert.strictEqual(count, reference(b));
  assert.strictEqual(a.innerHTML, b.innerHTML);
  assert.strictEqual(count, GLOSSARY.length, "every term once");
  // First uses in document order, outside headings, links, badges and charts; a term's longest spelling first in a
  // text ("Black–Scholes" before "Black-Scholes" of the same length, the term's own first), case as written ("Net
  // present value" is not "net present value").
  assert.deepStrictEqual(
    [...a.querySelectorAll(".term")].map((t) => t.firstChild?.textContent),
    ["NPV", "PUE", "GW-years", "P10–P90", "Monte Carlo", "H100-equivalents", "Black–Scholes"]
  );
  assert.isNull(a.querySelector("h3 .term, a .term, .badge .term, svg .term"));
});

it("glossify(root) marks nothing under a part it skips, and nothing twice", () => {
  const link = document.createElement("a");
  link.innerHTML = "<span>NPV and PUE</span>";
  assert.strictEqual(glossify(link.firstElementChild as Element), 0);
  const p = document.createElement("p");
  p.textContent = "PUE";
  assert.strictEqual(glossify(p), 1);
  assert.strictEqual(glossify(p), 0);
});
