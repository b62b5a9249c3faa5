// @vitest-environment jsdom
// The option heat map (critic s16 #2): the title read "worth $0.352 to $5.57B per GW-year" (the low end 35 cents,
// read as $352M), cells printed to the cent on a $17.6B strike, and the ringed cell (today's inputs) had no number.
import {assert, beforeAll, it} from "vitest";
import {OptionsHeatmap} from "../../docs/components/charts/optionsHeatmap.js";
import {HeatmapNote, heatmapFinding} from "../../docs/components/sections/options.js";
import {type ChipOptionValue, projectDeal} from "../../src/core/index.js";
import type {Dataset} from "../../src/core/model.js";
import {readValidDataset} from "../../src/io/readDataset.js";

let dataset: Dataset;
beforeAll(async () => {
  dataset = await readValidDataset("data");
});

/** Every deal's valued options. */
function valued(): [string, ChipOptionValue][] {
  return dataset.deals.flatMap((d) =>
    (projectDeal(dataset, d.id, {draws: 0}).options?.items ?? []).map((item) => [d.id, item] as [string, ChipOptionValue])
  );
}

it("the heat map's title states each end in its own units, a nil low end as nil, for every valued option", () => {
  const items = valued();
  assert.isAbove(items.length, 0);
  for (const [id, item] of items) {
    const title = heatmapFinding(item);
    console.log(`${id}: ${title}\n  ${HeatmapNote(item)}`);
    assert.notMatch(title, /\$\d[\d.,]* to /, id);
    assert.match(
      title,
      /^The option is worth from (next to nothing \(under \$[\d.]+[MB]?, [\d.]+% of its \$[\d.]+B price\)|about \$[\d.]+[MB]) to about \$[\d.]+[MB]? per GW-year/,
      id
    );
    assert.include(HeatmapNote(item), "the framed cell is today's inputs", id);
  }
  const amazon = items.find(([id]) => id === "amazon-anthropic")?.[1];
  assert.ok(amazon);
  assert.match(
    heatmapFinding(amazon),
    /^The option is worth from next to nothing \(under \$17\.6M, 0\.1% of its \$17\.6B price\) to about \$5\.57B per GW-year/
  );
});

it("the heat map's cells carry no cents and today's cell prints its value, in bold", () => {
  const [, item] = valued().find(([id]) => id === "amazon-anthropic") ?? [];
  assert.ok(item);
  // jsdom has no canvas; the colour legend's ramp draws on one (a stand-in that draws nothing).
  HTMLCanvasElement.prototype.getContext = (() => ({fillRect() {}})) as unknown as HTMLCanvasElement["getContext"];
  HTMLCanvasElement.prototype.toDataURL = () => "";
  const figure = OptionsHeatmap(item, {width: 700, print: true});
  const texts = [...figure.querySelectorAll("text")].map((t) => t.textContent ?? "");
  const cells = texts.filter((t) => /^≈?\$/.test(t));
  // No cell to the cent or in dollars: every label is ≈$0 or at least $17.6M (0.1% of the strike).
  for (const t of cells) assert.match(t, /^(≈\$0|\$[\d.]+[MB])$/, t);
  const today = item.value / (item.gw * item.yearsOfUse);
  const bold = [...figure.querySelectorAll("g[font-weight=bold] text")].map((t) => t.textContent);
  assert.deepEqual(bold, [`$${(today / 1e9).toFixed(2)}B`]);
  assert.include(cells, "≈$0");
});

it("the note under the map says why the value falls with the term (the generation's erosion), for every valued option", () => {
  for (const [id, item] of valued()) {
    const note = HeatmapNote(item);
    const falls = / the value falls from /.test(note);
    if (falls) {
      assert.match(note, /as it does (at every σ shown|in \d+ of the \d+ rows): the generation's value erodes at [\d.]+% a year/, id);
      assert.include(note, "the right is worth no more than the generation at exercise", id);
    } else assert.include(note, "extra time adds more than the generation's value erodes", id);
  }
  const [, amazon] = valued().find(([id]) => id === "amazon-anthropic") ?? [];
  assert.ok(amazon);
  assert.include(HeatmapNote(amazon), "as it does at every σ shown");
  assert.include(HeatmapNote(amazon), "(it halves every 2 years)");
});
