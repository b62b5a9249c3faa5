import {assert, beforeAll, it} from "vitest";
import {bandCell, bandNote, computeTimingNote, priceCapacityNote, priceCapexNote} from "../../docs/components/sections/scenarioNotes.js";
import type {Dataset} from "../../src/core/model.js";
import {scenarioTable} from "../../src/core/research/scenarioTable.js";
import {readValidDataset} from "../../src/io/readDataset.js";

let dataset: Dataset;
beforeAll(async () => {
  dataset = await readValidDataset("data");
});

it("computeTimingNote says why later delivery counts more H100-equivalents, only when it happens", () => {
  const note = computeTimingNote(scenarioTable(dataset, "amazon-anthropic"), "the deal's");
  assert.match(note, /^Compute moves against timing: each GW is filled with the newest of the deal's chips available when it arrives/);
  assert.match(
    note,
    // Bear economics has no slip since s10 (a slip can raise a built-out deal's cash NPV): Slip alone delivers later.
    /in Slip, which delivers later, the capacity counts more H100-equivalents than in the base case \(about [\d.,]+ million against [\d.,]+ million\)/
  );
  assert.match(note, /in Fast build-out and Bull economics, which deliver earlier, fewer \(about [\d.,]+ million and [\d.,]+ million\)\.$/);
  // A table whose compute follows its timing (or has none) gets no note.
  const flat = scenarioTable(dataset, "amazon-anthropic").map((c) => ({...c, h100eFp8: 1e6}));
  assert.strictEqual(computeTimingNote(flat, "the deal's"), "");
  assert.strictEqual(computeTimingNote(scenarioTable(dataset, "microsoft-openai"), "the deal's"), "");
  // Every deal's note, when there is one, reads as one sentence with no unfilled part.
  for (const deal of dataset.deals) {
    const text = computeTimingNote(scenarioTable(dataset, deal.id), "the deal's");
    if (text) assert.match(text, /^Compute moves against timing: [\s\S]*\)\.$/, deal.id);
    assert.notMatch(text, /undefined|NaN|null/, deal.id);
  }
});

it("priceCapacityNote says that a price per GW-year moves the GW-years the commitment buys, with the change computed", () => {
  const note = priceCapacityNote(scenarioTable(dataset, "microsoft-openai"), "the commitment");
  // $250B ÷ $7B = 35.7 GW-years against ÷ $11B = 22.7: 57% more; ÷ $15B = 16.7: 27% fewer.
  assert.match(
    note,
    /so in Bear economics the contract price of \$7B per GW-year alone has the commitment pay for about 35\.7 GW-years against 22\.7 GW-years in the base case \(57% more\), built at \$55B per GW; /
  );
  assert.match(note, /; in Bull economics, \$15B per GW-year: about 16\.7 GW-years \(27% fewer\), built at \$29B per GW\./);
  assert.match(note, /holding the capacity and cutting the revenue instead would have the lab pay less than it committed\.$/);
  // Google's commitment pays more than the contract price for what its schedule delivers ($200B for 15 GW-years, not
  // the 18.2 the row counts at $11B): the note says its GW-years are the paid ones, fewer than the row's.
  assert.match(
    priceCapacityNote(scenarioTable(dataset, "google-anthropic"), "the commitment"),
    /against 15 GW-years in the base case \(11% fewer\)[\s\S]* These are the GW-years the providers are paid for and build, fewer than the row above \(18\.2 GW-years in the base case\)/
  );
  // Oracle's commitment already pays more than the contract price for the capacity on schedule: the bear's lower price
  // moves neither the price it is paid nor the GW-years, so no scenario is named for it.
  assert.notMatch(priceCapacityNote(scenarioTable(dataset, "oracle-openai"), "the commitment"), /Bear economics/);
  // No commitment, no GW-years: no note.
  assert.strictEqual(priceCapacityNote(scenarioTable(dataset, "nvidia-openai"), "the commitment"), "");
  for (const deal of dataset.deals)
    assert.notMatch(priceCapacityNote(scenarioTable(dataset, deal.id), "the commitment"), /undefined|NaN|null/, deal.id);
});

it("priceCapexNote states the chance of the bull's and bear's price/capex corner from the data's own correlation", () => {
  const table = scenarioTable(dataset, "microsoft-openai");
  const note = priceCapexNote(dataset.assumptions, table);
  // ρ = 0.7: the opposite tenths together ≈ 0.00408%, shown as 0.0041% (oppositeTailProbability, hand-checked in scenarioTable-test).
  assert.match(
    note,
    /^Bear economics and Bull economics pair the contract price with the capex per GW against the model's own correlation between the two \(a provider prices a GW-year to recover what a GW costs, so the draws move them together, normal-scores correlation 0\.7\): a draw with the price in its lowest 10% and the capex in its highest 10%, or the reverse, has about a 1 in 20,000 chance \(about a 1% chance were the two independent\)\. Those columns are stress cases/
  );
  // Without the two scenarios, no note; every deal's note reads with no unfilled part.
  assert.strictEqual(
    priceCapexNote(
      dataset.assumptions,
      table.filter((c) => !["bear", "bull"].includes(c.scenario))
    ),
    ""
  );
  for (const deal of dataset.deals)
    assert.notMatch(priceCapexNote(dataset.assumptions, scenarioTable(dataset, deal.id)), /undefined|NaN|null/, deal.id);
});

it("priceCapexNote gives the corner columns' reading with the price and the capex moving together, computed by the same model", () => {
  const table = scenarioTable(dataset, "microsoft-openai");
  const bear = table.find((c) => c.scenario === "bear")!;
  const bull = table.find((c) => c.scenario === "bull")!;
  const capex = dataset.assumptions.find((a) => a.id === "capex-per-gw")!;
  // Together: the cheap price with the cheap end of the capex range, the dear price with the dear end.
  assert.strictEqual(bear.together!.capexPerGw, capex.low);
  assert.strictEqual(bull.together!.capexPerGw, capex.high);
  // Cheaper capex with the bear's price, dearer with the bull's: the bear reads better, the bull worse.
  assert.isAbove(bear.together!.npvUsd, bear.npvUsd!);
  assert.isBelow(bull.together!.npvUsd, bull.npvUsd!);
  assert.isUndefined(table.find((c) => c.scenario === "base")!.together);
  const note = priceCapexNote(dataset.assumptions, table);
  assert.match(
    note,
    /Read with the two moving together instead \(the capex per GW at the end of its range on the price's side: \$29B per GW with \$7B per GW-year and \$55B per GW with \$15B per GW-year\), Bear economics comes to about −\$[\d.]+B and bull economics about \$[\d.]+B: the same model, every other value the scenario's\.$/
  );
  for (const deal of dataset.deals)
    assert.notMatch(priceCapexNote(dataset.assumptions, scenarioTable(dataset, deal.id)), /undefined|NaN|null/, deal.id);
});

it("bandNote places each column against the draws' P10, median and P90; bandCell writes the band", () => {
  const band = {p10: -41.4e9, p50: 6.83e9, p90: 50.7e9};
  const columns = [
    {title: "the base case", value: 37.3e9},
    {title: "slip", value: 1e9},
    {title: "bear economics", value: -280e9},
    {title: "bull economics", value: 75.3e9},
    {title: "unpriced", value: null}
  ];
  assert.strictEqual(
    bandNote(columns, band, {draws: 10_000, measure: "the cash NPV"}),
    "Against the 10,000 Monte Carlo draws of the cash NPV (every assumption drawn over its range; P10 −$41.4B, median $6.83B, P90 $50.7B): below the P10, bear economics (about −$280B); between the P10 and the median, slip (about $1B); between the median and the P90, the base case (about $37.3B); above the P90, bull economics (about $75.3B). A column outside the P10–P90 is a case that fewer than one draw in ten reaches on its side; inside it, a case the draws often give."
  );
  assert.match(bandNote(columns.slice(0, 2), band, {draws: 10_000, measure: "x"}), /Every column lies inside the P10–P90/);
  assert.strictEqual(bandNote(columns, null, {draws: 10_000, measure: "x"}), "");
  assert.strictEqual(bandNote([{title: "a", value: null}], band, {draws: 10_000, measure: "x"}), "");
  assert.strictEqual(bandCell({p10: 2029, p90: Number.NaN}, String, "never"), "2029 to never");
  assert.strictEqual(bandCell(undefined, String), "");
});
