// @vitest-environment jsdom
// Chart frames are numbered for the page as a whole, in document order, also when parts are drawn later (s14 critic
// #17: the deal page printed "Figure 1." three times, as the CSS counter restarted in each part drawn after the first
// screen, while the PDF numbered the same charts 1, 2, 3).
import {assert, it} from "vitest";
import {ChartFrame, numberFigures} from "../../docs/components/charts/chartFrame.js";
import {el} from "../../docs/components/dom.js";

const frame = (title: string) => ChartFrame(el("div"), {title, source: "compute-deals"});
const numbers = () => [...document.querySelectorAll(".chart-frame-number")].map((n) => n.textContent);

it("numberFigures(root) numbers the frames across sections, and frames drawn later renumber the page", async () => {
  const first = el("section", {}, frame("a"));
  const later = el("section", {class: "deferred"});
  document.body.append(first, later, el("section", {}, frame("c")));
  assert.strictEqual(numberFigures(document), 2);
  assert.deepStrictEqual(numbers(), ["Figure 1. ", "Figure 2. "]);
  // A part drawn after the first screen, between the two: the page renumbers itself (the observer ChartFrame starts).
  later.append(frame("b1"), frame("b2"));
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepStrictEqual(numbers(), ["Figure 1. ", "Figure 2. ", "Figure 3. ", "Figure 4. "]);
  assert.strictEqual(document.querySelectorAll(".chart-frame-title")[3].textContent, "Figure 4. c");
});

it("a source line keeps each bracket of numbers and the word before it in one unbreakable span, and its text whole", () => {
  // s18: "… and 5 more [82, 94, 95, 97,⏎99, 100]" wrapped inside the bracket in the market briefing, and
  // "Cushman & Wakefield⏎[85]" parted a number from its name.
  const text = "compute-deals calculations from Axios [1, 4] and 7 more [15, 16, 27–30], with assumptions from Mint [84]";
  const source = ChartFrame(el("div"), {title: "t", source: {text, ids: ["a"]}}).querySelector(".chart-frame-source")!;
  assert.strictEqual(source.textContent, `Source: ${text}.`);
  assert.deepStrictEqual(
    [...source.querySelectorAll(".chart-frame-refs")].map((s) => s.textContent),
    ["Axios [1, 4]", "more [15, 16, 27–30]", "Mint [84]"]
  );
  assert.strictEqual(source.getAttribute("data-sources"), "a");
});
