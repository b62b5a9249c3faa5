// @vitest-environment jsdom
// The per-watt chart marks the points its own text calls suspect (s14 critic #19: Trainium3 at 0.5× its predecessor
// per watt, charted as a plain reading while the text blamed the IT power figure).
import {assert, it} from "vitest";
import {efficiencyRows, labelText} from "../../docs/components/charts/roadmapEfficiency.js";
import {suspectCaption} from "../../docs/components/sections/roadmap.js";
import {chipEfficiency} from "../../src/core/index.js";
import {readValidDataset} from "../../src/io/readDataset.js";

const dataset = await readValidDataset("data");

it("efficiencyRows marks a generation below its predecessor per watt as suspect, its label and the caption say so", () => {
  const groups = chipEfficiency(dataset.chips);
  const rows = efficiencyRows(groups, []);
  const falling = groups.flatMap((g) => g.chips).filter((c) => c.gainPerWatt !== null && c.gainPerWatt < 1);
  assert.isAtLeast(falling.length, 1); // Trainium3 against Trainium2 in the data
  for (const row of rows) {
    const expected = falling.some((c) => c.id === row.id);
    assert.strictEqual(row.suspect, expected, row.id);
    assert.strictEqual(labelText(row).endsWith("(?)"), expected, row.id);
  }
  const caption = suspectCaption(rows);
  for (const row of rows.filter((r) => r.suspect)) assert.include(caption, row.name);
  assert.strictEqual(suspectCaption(rows.filter((r) => !r.suspect)), "");
  assert.strictEqual(
    suspectCaption([{name: "Trainium3", suspect: true, itKwStatus: "estimate"}]),
    " A hollow dot marked “(?)” (Trainium3, on an IT power per chip that is an estimate) does less per watt than its line's previous generation. A new generation rarely does, so the IT power figure is the likelier error: read that point as doubtful, not as a finding."
  );
  // Several points: the subject and its verb agree ("Hollow dots … do").
  assert.match(
    suspectCaption([
      {name: "Trainium3", suspect: true, itKwStatus: "estimate"},
      {name: "GB200", suspect: true, itKwStatus: "estimate"}
    ]),
    /^ Hollow dots marked “\(\?\)” \(Trainium3 and GB200, each on an IT power per chip that is an estimate\) do less per watt than their line's/
  );
});
