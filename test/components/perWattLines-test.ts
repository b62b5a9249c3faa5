// The per-watt chart joins each chip to its predecessor, as the text compares them (s15 critic #5; s16: the chart drew
// one line per vendor in date order, so HGX B200 → GB200 NVL72, the same GPU on the same date, was a vertical step the
// text no longer made).
import {assert, it} from "vitest";
import {efficiencyRows, generationSteps} from "../../docs/components/charts/roadmapEfficiency.js";
import {chipEfficiency} from "../../src/core/index.js";
import {readValidDataset} from "../../src/io/readDataset.js";

const dataset = await readValidDataset("data");

it("generationSteps draws one segment per chip with a predecessor, from it, never between two chips of one date", () => {
  const groups = chipEfficiency(dataset.chips);
  const rows = efficiencyRows(groups, []);
  const steps = generationSteps(rows);
  const withPredecessor = groups.flatMap((g) => g.chips).filter((c) => c.predecessor);
  assert.strictEqual(steps.length, withPredecessor.length);
  for (const c of withPredecessor) {
    const step = steps.find((s) => s.to === c.id)!;
    assert.strictEqual(step.from, c.predecessor, c.id);
    assert.isBelow(+step.x1, +step.x2, `${c.predecessor} → ${c.id} runs forward in time`);
  }
  // Same-date chips are never joined: HGX B200 and GB200 NVL72 both step from the chip before them.
  const dates = new Map(rows.map((r) => [r.id, +r.date]));
  const sameDate = rows.filter((a) => rows.some((b) => b.id !== a.id && b.line === a.line && +b.date === +a.date));
  assert.isAbove(sameDate.length, 1, "the data has chips of one line on one date");
  for (const s of steps) assert.notStrictEqual(dates.get(s.from), dates.get(s.to), `${s.from} → ${s.to}`);
});
