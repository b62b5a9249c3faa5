// @vitest-environment jsdom
// The key box prints a figure's notes on lines of their own, under the figure and its status (s15–s17: "$15B expected
// (up to $25B; each contingent tranche at the editors' 50% chance)" in one value wrapped in half the box on four deals).
import {assert, it} from "vitest";
import {CallBlock} from "../../docs/components/briefing/call.js";

it("CallBlock(briefing) gives a key figure's notes a line each, and marks the figure so a screen gives it a row", () => {
  const block = CallBlock({
    call: {
      callHtml: "<p>The call.</p>",
      takeawaysHtml: "",
      keyFigures: [
        {label: "Invested, firm", value: "$13B", status: "reported"},
        {
          label: "New money in this deal",
          value: "$15B expected (up to $25B)",
          status: "assumption",
          notes: ["each contingent tranche at the editors' 50% chance", "a second note"]
        }
      ]
    }
  })!;
  const [plain, noted] = [...block.querySelectorAll(".key-figure")];
  assert.isFalse(plain.classList.contains("key-figure--noted"));
  assert.strictEqual(plain.querySelectorAll("dd").length, 1);
  assert.isTrue(noted.classList.contains("key-figure--noted"));
  const dds = [...noted.querySelectorAll("dd")].map((dd) => [dd.className, dd.textContent]);
  assert.deepStrictEqual(dds, [
    ["", "$15B expected (up to $25B) assumption"],
    ["key-figure-note", "each contingent tranche at the editors' 50% chance"],
    ["key-figure-note", "a second note"]
  ]);
});
