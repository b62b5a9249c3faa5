import fc from "fast-check";
import {assert, beforeAll, it} from "vitest";
import {diffFigures, type HeadlineFigure} from "../../src/core/changes.js";
import {capacityScope} from "../../src/core/comparison/capacityScope.js";
import {compareDeals} from "../../src/core/comparison/compareDeals.js";
import type {Dataset} from "../../src/core/model.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import {
  COMPARISON_COLUMNS,
  comparisonTable,
  diffFigureTables,
  FIGURE_COLUMNS,
  type FigureRow,
  figureTable,
  inputSource,
  projectionFigures,
  rollup
} from "../../src/site/dataTables.js";
import {type SiteData, siteData} from "../../src/site/siteData.js";
import {assertInDelta} from "../asserts.js";

let dataset: Dataset;
let site: SiteData;
let rows: FigureRow[];
beforeAll(async () => {
  dataset = await readValidDataset("data");
  site = siteData({dataset, version: "abc", previous: null, draws: {analysis: 200, bands: 10}});
  rows = site.figureRows();
});

it("figureRows(…) has one row per key, sorted, with every headline figure as the manifest records it", () => {
  const keys = rows.map((r) => r.key);
  assert.deepStrictEqual(keys, [...new Set(keys)].sort());
  const byKey = new Map(rows.map((r) => [r.key, r]));
  for (const h of site.figures()) {
    const r = byKey.get(h.key);
    assert(r, h.key);
    assert.strictEqual(r.group, "headline");
    assert.deepStrictEqual([r.value, r.unit, r.bound, r.status, r.asOf, r.label], [h.value, h.unit, h.bound, h.status, h.asOf, h.label]);
  }
});

it("figureRows(…) has every figure of every deal's projection, with its lineage and weakest status", () => {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  let count = 0;
  for (const [deal, projection] of Object.entries(site.analysis().projections)) {
    for (const [path, f] of projectionFigures(projection)) {
      const r = byKey.get(`${deal}.${path}`)!;
      assert(r, `${deal}.${path}`);
      if (r.group === "headline") continue;
      count++;
      assert.strictEqual(r.value, f.value);
      assert.strictEqual(r.status, f.lineage.status);
      assert.strictEqual(r.inputs, [...new Set(f.lineage.inputs)].sort().join(" "));
    }
  }
  assert(count > dataset.deals.length, "projection figures are in the table");
  // The founding deal's H100e carries its Monte Carlo spread, ordered.
  const h = byKey.get("amazon-anthropic.capacity.h100e")!;
  assert(h.p10! <= h.p50! && h.p50! <= h.p90!, JSON.stringify(h));
});

it("figureRows(…): the lease term and the revenue share the sentences cite trace to a sourced fact with its status", () => {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  // A lessee's cash figures read its filed lease term (Oracle's 10-K, CoreWeave's 10-Q); an owner's do not.
  for (const [deal, company] of [
    ["oracle-openai", "oracle"],
    ["coreweave-openai", "coreweave"]
  ]) {
    const lease = dataset.companies.find((c) => c.id === company)!.facilityLeaseYears!;
    for (const figure of ["recycling.npvUsd", "recycling.leaseTailPvUsd"]) {
      const r = byKey.get(`${deal}.${figure}`)!;
      assert(r, `${deal}.${figure}`);
      assert.include(r.inputs.split(" "), `company:${company}.facilityLeaseYears`, `${deal}.${figure}`);
      assert.include(r.sources.split(" "), lease.source, `${deal}.${figure}`);
    }
    assert.strictEqual(inputSource(dataset, `company:${company}.facilityLeaseYears`), lease.source);
  }
  assert.notInclude(byKey.get("amazon-anthropic.recycling.npvUsd")?.inputs ?? "", "facilityLeaseYears");
  assert.isUndefined(byKey.get("amazon-anthropic.recycling.leaseTailPvUsd"));
  // Oracle's tail, as the summary cites it: a positive cost, and (where the base NPV is a loss) no larger than the
  // loss it is part of.
  const tail = byKey.get("oracle-openai.recycling.leaseTailPvUsd")!;
  const oracleBase = byKey.get("oracle-openai.recycling.npvUsd")!.base!;
  assert(tail.value > 0 && (oracleBase >= 0 || tail.value < -oracleBase), JSON.stringify(tail));
  // OpenAI's revenue share to Microsoft: its cap is the data's fact (status and source), its value if reached reads
  // the cap and the discount rate. $38B paid evenly 2026–2030 at 10%: 7.6 × (1 + 1/1.1 + … + 1/1.1⁴) = 7.6 × 4.1699.
  const share = dataset.deals.find((d) => d.id === "microsoft-openai")!.otherReturns!.find((o) => o.id === "revenue-share")!;
  const cap = byKey.get("microsoft-openai.otherReturns.revenue-share.cap")!;
  assert.deepStrictEqual([cap.value, cap.bound, cap.status, cap.sources], [38e9, "up-to", share.amount.status, share.amount.source]);
  const pv = byKey.get("microsoft-openai.otherReturns.revenue-share.pvUsd")!;
  assertInDelta(pv.value, 7.6e9 * 4.169865446, 1e6);
  assert.deepStrictEqual(pv.inputs.split(" "), ["assumption:discount-rate", "microsoft-openai.otherReturns.revenue-share.amount"]);
  assert.include(pv.sources.split(" "), share.amount.source);
});

it("figureTable(rows) is an arquero table with the dictionary's columns in order", () => {
  const table = figureTable(rows);
  assert.deepStrictEqual(
    table.columnNames(),
    FIGURE_COLUMNS.map((c) => c.column)
  );
  assert.strictEqual(table.numRows(), rows.length);
});

it("inputSource(dataset, id) finds the source of a deal fact, a stated total, an assumption and a chip field", () => {
  const deal = dataset.deals.find((d) => d.id === "amazon-anthropic")!;
  const c = deal.commitments[0];
  assert.strictEqual(inputSource(dataset, `amazon-anthropic.commitments.${c.id}.amount`), c.amount.source);
  const total = deal.totals[0];
  assert.strictEqual(inputSource(dataset, `amazon-anthropic.totals.${total.id}`), total.amount.source);
  const a = dataset.assumptions[0];
  assert.strictEqual(inputSource(dataset, `assumption:${a.id}`), a.source);
  const chip = dataset.chips[0];
  assert.strictEqual(inputSource(dataset, `chip:${chip.id}.flops.bf16`), chip.flops.bf16.source);
  assert.strictEqual(inputSource(dataset, "nobody.tranches.x"), null);
});

it("rollup(dataset, figures, party) gives the market briefing's party tables: each deal once per party, the provider's own money", () => {
  const table = figureTable(rows);
  const market = site.analysis().market!;
  const tables = {investor: market.byInvestor, lab: market.byLab, provider: market.byProvider} as const;
  for (const party of ["investor", "lab", "provider"] as const) {
    const out = rollup(dataset, table, party);
    const marketRows = tables[party].rows;
    assert.strictEqual(tables[party].others, null, "10 deals: every party has its own row in the briefing");
    assert.deepStrictEqual(out.map((r) => r.party).sort(), marketRows.map((r) => r.id).sort());
    for (const r of out) {
      const m = marketRows.find((x) => x.id === r.party)!;
      assert.strictEqual(r.investedFirmUsd ?? 0, m.investmentFirmUsd.value, `${party} ${r.party}: firm investment`);
      assert.strictEqual(r.committedUsd ?? 0, m.commitmentUsd.value, `${party} ${r.party}: commitment`);
      assert.strictEqual(r.gw ?? 0, m.gw.value, `${party} ${r.party}: GW`);
      assert.strictEqual(r.deals, m.deals + m.stakes, `${party} ${r.party}: deals`);
    }
    // No deal counts twice: the rows add up to the market's totals (the provider's rows count only its own money).
    const sum = (k: "investedFirmUsd" | "committedUsd" | "gw") => out.reduce((s, r) => s + (r[k] ?? 0), 0);
    assert.ok(Math.abs(sum("committedUsd") - market.all.commitmentUsd.value) < 1, party);
    assert.ok(Math.abs(sum("gw") - market.all.gw.value) < 1e-9, party);
    if (party !== "provider") assert.ok(Math.abs(sum("investedFirmUsd") - market.all.investmentFirmUsd.value) < 1, party);
    assert.deepStrictEqual(
      out.map((r) => r.party),
      [...new Set(out.map((r) => r.party))].sort()
    );
  }
  // Microsoft + Nvidia → Anthropic is one investor row, and Azure is credited with Microsoft's $5B, not Nvidia's $10B.
  const investors = rollup(dataset, table, "investor");
  assert.ok(investors.some((r) => r.party === "microsoft+nvidia" && r.name === "Microsoft + Nvidia"));
  const mna = compareDeals(dataset).find((d) => d.id === "microsoft-nvidia-anthropic")!;
  assert.ok(mna.ratioInvestmentFirmUsd!.value < mna.investmentFirmUsd.value);
});

it("rollup(…, 'lab'): OpenAI's row counts Nvidia's standing $30B stake but not its superseded letter's 10 GW", () => {
  const openai = rollup(dataset, figureTable(rows), "lab").find((r) => r.party === "openai")!;
  const market = site.analysis().market!.byLab.rows.find((r) => r.id === "openai")!;
  // The download's and the briefing's totals agree: firm investment 13 + 15 + 30 = $58B, GW 22.5 (no letter's 10 GW).
  assert.strictEqual(openai.investedFirmUsd, market.investmentFirmUsd.value);
  assert.strictEqual(openai.gw, market.gw.value);
  assert.strictEqual(openai.investedFirmUsd, 58e9);
});

it("rollup(dataset, figures, 'vendor') counts a deal for each vendor of its chips, its GW only for the chips the GW covers", () => {
  const out = rollup(dataset, figureTable(rows), "vendor");
  const vendors = new Map(dataset.chips.map((c) => [c.id, c.vendor]));
  for (const r of out) {
    const deals = dataset.deals.filter((d) => d.hardware.chips.some((c) => vendors.get(c) === r.party));
    assert.strictEqual(
      r.dealIds,
      deals
        .map((d) => d.id)
        .sort()
        .join(" ")
    );
    assert.strictEqual(r.investedFirmUsd, null, "money is not a chip vendor's");
  }
  // Amazon → OpenAI's about 2 GW is Trainium: it counts under Amazon's chips, not Nvidia's.
  const ao = dataset.deals.find((d) => d.id === "amazon-openai")!;
  const aoGw = rows.find((r) => r.deal === ao.id && r.figure === "capacity.ceiling")!.value;
  const gwOf = (vendor: string) =>
    dataset.deals
      .filter(
        (d) =>
          d.status !== "superseded" &&
          capacityScope(d)
            .covered.concat(capacityScope(d).covered.length ? [] : d.hardware.chips)
            .some((c) => vendors.get(c) === vendor)
      )
      .reduce((s, d) => s + (rows.find((r) => r.deal === d.id && r.figure === "capacity.ceiling")?.value ?? 0), 0);
  const trainiumVendor = vendors.get(capacityScope(ao).covered[0])!;
  const nvidia = out.find((r) => r.party === "Nvidia")!;
  assert.notStrictEqual(trainiumVendor, "Nvidia");
  assert.ok(nvidia.dealIds.split(" ").includes(ao.id), "Amazon → OpenAI names Nvidia GPUs");
  assert.strictEqual(nvidia.gw ?? 0, gwOf("Nvidia"));
  assert.ok(out.find((r) => r.party === trainiumVendor)!.gw! >= aoGw);
});

it("rollup(…) by hand: two deals of one investor, one without a commitment", () => {
  const small = {...dataset, deals: dataset.deals.filter((d) => d.investors.includes("amazon"))};
  const smallRows = rows.filter((r) => small.deals.some((d) => d.id === r.deal));
  const [amazon] = rollup(small, figureTable(smallRows), "investor").filter((r) => r.party === "amazon");
  const expect = (figure: string) =>
    small.deals.map((d) => smallRows.find((r) => r.deal === d.id && r.figure === figure)!.value).reduce((s, v) => s + v, 0);
  assert.strictEqual(amazon.committedUsd, expect("commitment"));
  assert.strictEqual(amazon.deals, small.deals.length);
});

const figure = (key: string, value: number, extra: Partial<HeadlineFigure> = {}): HeadlineFigure => ({
  key,
  deal: key.split(".")[0],
  dealName: key.split(".")[0],
  label: "investment (firm)",
  value,
  unit: "usd",
  bound: "exact",
  status: "confirmed",
  asOf: "2026-04-20",
  ...extra
});

it("diffFigureTables(before, after) reports changed, added and removed figures as diffFigures does", () => {
  const before = [figure("b.old", 1), figure("a.same", 2), figure("a.moved", 3), figure("a.noise", 0.1 + 0.2), figure("a.bound", 5)];
  const after = [
    figure("a.same", 2),
    figure("a.new", 3),
    figure("a.moved", 4),
    figure("a.noise", 0.3),
    figure("a.bound", 5, {bound: "up-to"})
  ];
  const changes = diffFigureTables(before, after);
  assert.deepStrictEqual(
    changes.map((c) => [c.key, c.kind]),
    [
      ["a.bound", "changed"],
      ["a.moved", "changed"],
      ["a.new", "added"],
      ["b.old", "removed"]
    ]
  );
  assert.deepStrictEqual(changes, diffFigures(before, after));
});

it("diffFigureTables(before, after) equals diffFigures(before, after) on random figure lists", () => {
  const arbFigure = fc
    .record({
      deal: fc.constantFrom("a", "b", "c"),
      name: fc.constantFrom("x", "y", "z", "w"),
      value: fc.oneof(fc.constantFrom(0, 1, 2, 1e9), fc.double({noNaN: true, min: -1e12, max: 1e12})),
      bound: fc.constantFrom("exact", "up-to", "about" as const),
      status: fc.constantFrom("confirmed", "estimate" as const)
    })
    .map((f) =>
      figure(`${f.deal}.${f.name}`, f.value, {bound: f.bound as HeadlineFigure["bound"], status: f.status as HeadlineFigure["status"]})
    );
  const unique = (list: HeadlineFigure[]) => [...new Map(list.map((f) => [f.key, f])).values()];
  fc.assert(
    fc.property(fc.array(arbFigure, {maxLength: 12}), fc.array(arbFigure, {maxLength: 12}), (b, a) => {
      assert.deepStrictEqual(diffFigureTables(unique(b), unique(a)), diffFigures(unique(b), unique(a)));
    })
  );
});

it("comparisonTable(rows) is an arquero table, one row per deal in the data's order, with the dictionary's columns", () => {
  const table = comparisonTable(compareDeals(dataset));
  assert.deepStrictEqual(
    table.columnNames(),
    COMPARISON_COLUMNS.map((c) => c.column)
  );
  assert.deepStrictEqual(
    table.array("deal"),
    dataset.deals.map((d) => d.id)
  );
});

it("comparisonTable(rows) derives commitment per year, per GW and per firm dollar: Amazon → Anthropic by hand", () => {
  const row = (comparisonTable(compareDeals(dataset)).objects() as Record<string, unknown>[]).find((r) => r.deal === "amazon-anthropic")!;
  // Over $100B over 10 years, up to 5 GW, $13B firm (the data's figures, asserted first).
  assert.deepStrictEqual([row.commitmentUsd, row.years, row.gw, row.investmentFirmUsd], [100e9, 10, 5, 13e9]);
  assertInDelta(row.usdPerYear as number, 10e9, 1e-3);
  assertInDelta(row.usdPerGw as number, 20e9, 1e-3);
  assertInDelta(row.commitmentToInvestment as number, 100 / 13, 1e-12);
  // "over $100B" ÷ "up to 5 GW" is at least $20B per GW: the bound comes from the core's provenance.
  assert.strictEqual(row.usdPerGwBound, "at-least");
});

it("comparisonTable(rows)'s derived ratios equal the core's for every deal, and are empty where a part is missing or zero", () => {
  const core = compareDeals(dataset);
  const rows = comparisonTable(core).objects() as Record<string, unknown>[];
  for (const [i, c] of core.entries()) {
    for (const name of ["usdPerYear", "usdPerGw", "commitmentToInvestment"] as const) {
      const mine = rows[i][name] as number | null;
      if (c[name] === null) assert.isNull(mine, `${c.id}.${name}`);
      else assert.approximately(mine!, c[name]!.value, Math.abs(c[name]!.value) * 1e-12, `${c.id}.${name}`);
      assert.strictEqual(rows[i][`${name}Status`], c[name]?.lineage.status ?? null);
    }
  }
  // A deal with no firm investment (0) has no commitment per firm dollar, not Infinity.
  const oracle = rows.find((r) => r.deal === "oracle-openai")!;
  assert.strictEqual(oracle.investmentFirmUsd, 0);
  assert.isNull(oracle.commitmentToInvestment);
});

it("figures.csv: a reader's label for every projection figure (no internal path), and the base case beside a median", () => {
  for (const r of rows.filter((x) => x.group === "projection")) assert.notStrictEqual(r.label, r.figure, `${r.key} has no label in words`);
  assert.strictEqual(rows.find((r) => r.key === "amazon-anthropic.capacity.accelerators")?.label, "accelerators at the capacity ceiling");
  const aa = site.analysis().projections["amazon-anthropic"].recycling;
  // value is the median of the draws; base the base case (−$7.61B in s6), and payback's base its own year.
  const npv = rows.find((r) => r.key === "amazon-anthropic.recycling.npv")!;
  assertInDelta(npv.value, aa.npvUsd!.value, 1e-6);
  assertInDelta(npv.base!, aa.baseCase!.npvUsd!, 1e-6);
  assert.strictEqual(rows.find((r) => r.key === "amazon-anthropic.recycling.npvWithResidualUsd")?.base, aa.baseCase!.npvWithResidualUsd);
  // A figure computed at base values only has base = value.
  const capex = rows.find((r) => r.key === "amazon-anthropic.recycling.capexUsd")!;
  assert.strictEqual(capex.base, capex.value);
  // A banded capacity figure's value is the median of its draws too, and its base the value at the base values the
  // briefings print beside it (s14 critic finding 9: the column held the median, 2.36M accelerators against 2.65M).
  const capacity = site.analysis().projections["amazon-anthropic"].capacity!;
  const accelerators = rows.find((r) => r.key === "amazon-anthropic.capacity.accelerators")!;
  assert.strictEqual(accelerators.value, capacity.accelerators!.value);
  assert.strictEqual(accelerators.base, capacity.base!.accelerators);
  assert.notStrictEqual(accelerators.base, accelerators.value, "the base is not the median");
  assert.include(
    FIGURE_COLUMNS.map((c) => c.column),
    "base"
  );
});
