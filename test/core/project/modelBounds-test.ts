import {assert, beforeAll, it} from "vitest";
import {headlineFigures} from "../../../src/core/changes.js";
import {compareDeals} from "../../../src/core/comparison/compareDeals.js";
import {derivedText} from "../../../src/core/format/figureWords.js";
import {combineBounds, derivedBound, type Figure, leaf} from "../../../src/core/lineage.js";
import type {Dataset} from "../../../src/core/model.js";
import {type DealProjection, projectDeal} from "../../../src/core/project/projectDeal.js";
import {readValidDataset} from "../../../src/io/readDataset.js";

// "up to" promises a ceiling and "over" a floor. A figure computed from a model assumption (a price, a margin, a
// PUE: anything the Monte Carlo draws) or a statistic of draws is a central estimate, so it reads "about".

let dataset: Dataset;
let projections: Record<string, DealProjection>;

beforeAll(async () => {
  dataset = await readValidDataset("data");
  projections = Object.fromEntries(dataset.deals.map((d) => [d.id, projectDeal(dataset, d.id, {draws: 0, tornadoFigures: []})]));
});

function* figuresIn(value: unknown, path: string): Iterable<[string, Figure]> {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* figuresIn(v, `${path}[${i}]`);
  } else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.value === "number" && typeof o.bound === "string" && o.lineage && typeof o.lineage === "object")
      yield [path, o as unknown as Figure];
    for (const [k, v] of Object.entries(o)) yield* figuresIn(v, `${path}.${k}`);
  }
}

it("derivedBound: an assumed input makes 'about'; bounded facts alone keep their floor or ceiling", () => {
  assert.strictEqual(derivedBound({inputs: ["d.capacity.ceiling", "assumption:pue"], status: "assumption"}, ["up-to"]), "about");
  assert.strictEqual(
    derivedBound({inputs: ["d.commitments.c.amount", "assumption:discount-rate"], status: "estimate"}, ["at-least"]),
    "about"
  );
  assert.strictEqual(derivedBound(leaf("d.commitments.c.amount", "confirmed"), ["at-least", "exact"]), "at-least"); // $100B ÷ 5 GW
  assert.strictEqual(derivedBound(leaf("d.capacity.ceiling", "confirmed"), ["up-to"]), "up-to");
});

it("combineBounds: any 'about' term makes a sum 'about' (over $100B + about $200B is neither a floor nor a ceiling)", () => {
  assert.strictEqual(combineBounds(["at-least", "about", "exact"]), "about");
  assert.strictEqual(combineBounds(["up-to", "about"]), "about");
  assert.strictEqual(combineBounds(["up-to", "at-least"]), "about");
  assert.strictEqual(combineBounds(["at-least", "exact"]), "at-least");
  assert.strictEqual(combineBounds(["up-to", "exact"]), "up-to");
  assert.strictEqual(combineBounds(["exact", undefined]), "exact");
});

it("every projection figure of every deal computed from an assumption reads 'about', never 'over' or 'up to'", () => {
  let assumed = 0;
  for (const [id, projection] of Object.entries(projections)) {
    for (const [path, f] of figuresIn(projection, id)) {
      if (!f.lineage.inputs.some((i) => i.startsWith("assumption:"))) continue;
      assumed += 1;
      assert.strictEqual(f.bound, "about", path);
      if (f.value !== 0) assert.match(derivedText(f), /^about /, path);
    }
  }
  // The revenue, capex, NPV, operating profit, accelerators… of the priced deals: far more than a handful.
  assert.isAbove(assumed, 100);
});

it("the manifest's model outputs (GW-years bought, NPV, payback year) read 'about' for every deal", () => {
  const rows = headlineFigures(dataset, projections).filter((h) =>
    /\.(commitment\.gwYears|recycling\.npv|recycling\.paybackYear)$/.test(h.key)
  );
  assert.isAbove(rows.length, 10);
  for (const h of rows) assert.strictEqual(h.bound, "about", h.key);
  // The payback year has the NPV's status: one set of cash flows.
  for (const h of rows.filter((r) => r.key.endsWith(".recycling.paybackYear"))) {
    const npv = rows.find((r) => r.key === h.key.replace("paybackYear", "npv"));
    assert.strictEqual(h.status, npv?.status, h.key);
  }
});

it("a median of draws keeps its figure's 'about' (Amazon → Anthropic, 40 draws)", () => {
  const p = projectDeal(dataset, "amazon-anthropic", {draws: 40, tornadoFigures: []});
  const names = Object.keys(p.uncertainty?.figures ?? {});
  assert.isAbove(names.length, 5);
  const all = new Map([...figuresIn(p, "")].map(([path, f]) => [path.slice(1), f]));
  let checked = 0;
  for (const name of names) {
    const f = all.get(name);
    if (!f) continue;
    checked += 1;
    assert.strictEqual(f.bound, "about", name);
  }
  assert.isAbove(checked, 5);
});

it("Amazon → OpenAI: the Trainium-only GW figure gives no coverage and no $ per GW for the whole commitment, and the reading says why", () => {
  const p = projections["amazon-openai"];
  assert.isNotNull(p.commitment?.ceilingGw);
  assert.isNull(p.commitment!.coverage);
  assert.match(p.commitment!.reading, /counts only part of the hardware the commitment pays for/);
  const row = compareDeals(dataset).find((r) => r.id === "amazon-openai")!;
  assert.isNull(row.usdPerGw);
  // A deal whose GW figure counts all its hardware keeps both: Amazon → Anthropic, over $100B ÷ up to 5 GW.
  assert.isNotNull(projections["amazon-anthropic"].commitment!.coverage);
  assert.strictEqual(compareDeals(dataset).find((r) => r.id === "amazon-anthropic")!.usdPerGw!.bound, "at-least");
});
