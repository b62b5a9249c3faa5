// The disclosures' promise about what moved since the previous edition matches what the document prints
// (s14 critic #20: a first edition promised a list of moved figures it did not have).
import {assert, it} from "vitest";
import {editionWords} from "../../docs/components/sections/research.js";

it("editionWords(edition) says a first edition has no previous one, and otherwise how many figures the document lists", () => {
  assert.strictEqual(
    editionWords({previousAsOf: null, moved: 0}),
    "this is the first edition built, so there is no previous one to compare with"
  );
  assert.strictEqual(
    editionWords({previousAsOf: "2026-03-31", moved: 0}),
    "none of this briefing's headline figures moved since the previous edition (its data as of 31 Mar 2026)"
  );
  assert.strictEqual(
    editionWords({previousAsOf: "2026-03-31", moved: 3}),
    "“What changed” lists the 3 headline figures that moved since the previous edition (its data as of 31 Mar 2026)"
  );
  assert.include(editionWords(), "Changes page");
});
