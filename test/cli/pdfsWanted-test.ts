// pdfsWanted: DEALS_PDFS narrows the briefings a build renders in a test run only (a test may render a few of them).
import {assert, it} from "vitest";
import {pdfsWanted} from "../../src/cli/build.js";

const NAMES = ["deal-amd-openai", "deal-coreweave-openai", "market"];

it("pdfsWanted renders every briefing unless a test run lists some in DEALS_PDFS", () => {
  assert.deepStrictEqual(pdfsWanted(NAMES, {}), NAMES);
  assert.deepStrictEqual(pdfsWanted(NAMES, {DEALS_PDFS: "market"}), NAMES, "outside a test run DEALS_PDFS does nothing");
  assert.deepStrictEqual(pdfsWanted(NAMES, {VITEST: "true"}), NAMES);
  assert.deepStrictEqual(pdfsWanted(NAMES, {VITEST: "true", DEALS_PDFS: "market, deal-coreweave-openai,unknown"}), [
    "deal-coreweave-openai",
    "market"
  ]);
  assert.deepStrictEqual(pdfsWanted(NAMES, {VITEST: "true", DEALS_PDFS: ""}), []);
});
