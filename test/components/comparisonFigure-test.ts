// @vitest-environment jsdom
// A comparison cell's badge is drawn in its status's colour, as the legend draws it, not in the grey outline the
// legend keeps for "derived"; a sum over nothing (no investment at all) is a structural zero with no badge
// (s14 critic #20: "$0 estimate" for Oracle → OpenAI, every badge a grey outline).
import {assert, it} from "vitest";
import {ComparisonFigure} from "../../docs/components/tables/comparisonFigure.js";

const figure = (value: number, status: string, inputs: string[]) =>
  ({value, unit: "usd", bound: "exact", lineage: {status, inputs}}) as unknown as Parameters<typeof ComparisonFigure>[0];

it("ComparisonFigure(figure) colours the badge by the figure's status", () => {
  for (const status of ["confirmed", "reported", "estimate", "assumption"]) {
    const badge = ComparisonFigure(figure(5, status, ["a.b"])).querySelector(".badge")!;
    assert.isTrue(badge.classList.contains(`badge--${status}`), status);
    assert.isFalse(badge.classList.contains("badge--derived"), status);
    assert.strictEqual(badge.textContent, status);
  }
});

it("ComparisonFigure(figure) prints a sum over no inputs as a bare zero, with no status", () => {
  const cell = ComparisonFigure(figure(0, "estimate", []));
  assert.isNull(cell.querySelector(".badge"));
  assert.strictEqual(cell.textContent, "$0");
});
