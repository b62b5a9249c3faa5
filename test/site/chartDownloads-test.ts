// The "Data (CSV)" files under the recycling, roadmap, options, signals and methodology charts (issue 17): each holds
// the rows the chart draws, with the columns the Data page's dictionary lists, units in the header, the data version.
import {assert, beforeAll, it} from "vitest";
import {
  CAPACITY_RAMP,
  CHART_DOWNLOADS,
  type ChartDownload,
  COMMITMENT_SPEND,
  COMPARISON_SCATTER,
  EQUITY,
  loopRows,
  MARKET_LOOPS,
  MARKET_SCENARIOS,
  MARKET_TOTALS,
  marketScenarioRows,
  NET_CASH,
  NPV_TABLE,
  netCashRows,
  OPTION_GRID,
  optionCellRows,
  PEER_BOX,
  PER_WATT,
  partyRows,
  peerRows,
  SCENARIO_TABLE,
  SIGNALS,
  SPREAD,
  scenarioDownload,
  scenarioRows,
  signalRows,
  TIMELINE,
  TORNADO,
  TRANCHES,
  timelineRows,
  withoutColumns
} from "../../docs/components/chartDownloads.js";
import {comparisonPoints} from "../../docs/components/charts/comparisonScatter.js";
import {efficiencyRows} from "../../docs/components/charts/roadmapEfficiency.js";
import {EXPLORER_DOWNLOAD} from "../../docs/components/dealExplorer.js";
import {DOWNLOADS} from "../../docs/components/downloadDictionary.js";
import {toCsv} from "../../docs/components/downloads.js";
import {othersLabel} from "../../docs/components/sections/marketTotals.js";
import {spreadRows} from "../../docs/components/sections/methodology.js";
import {ARTICLE_TABLE, articleItems, articleRows} from "../../docs/components/tables/comparisonArticle.js";
import {COMPARISON_TABLE} from "../../docs/components/tables/comparisonDeals.js";
import {marketMap} from "../../src/core/recycling/marketMap.js";
import {dealCheckpoints} from "../../src/core/roadmap/checkpoints.js";
import {signalBoard} from "../../src/core/signals.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import type {SiteData} from "../../src/site/siteData.js";
import {siteData} from "../../src/site/siteData.js";
import {assertInDelta} from "../asserts.js";
import {parseCsv} from "../csv.js";

let site: SiteData;
beforeAll(async () => {
  site = siteData({dataset: await readValidDataset("data"), version: "abc", previous: null, draws: {analysis: 50, bands: 10}});
});

const cell = (v: unknown) => (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v)) ? "" : String(v));

/**
 * Writes the rows, parses the file back and checks header, row count and every cell against the rows; returns the
 * parsed rows as objects by header, for checks against the site data.
 */
function roundTrip<T>(download: ChartDownload<T>, rows: readonly T[]): Record<string, string>[] {
  assert.isAbove(rows.length, 0, `${download.id}: no rows`);
  const [header, ...body] = parseCsv(toCsv(rows, download.columns, "abc"));
  assert.deepStrictEqual(header, [...download.columns.map((c) => c.header), "dataVersion"], download.id);
  assert.lengthOf(body, rows.length, download.id);
  body.forEach((line, i) => {
    assert.deepStrictEqual(line, [...download.columns.map((c) => cell(c.value(rows[i]))), "abc"], `${download.id} row ${i}`);
  });
  return body.map((line) => Object.fromEntries(header.map((h, i) => [h, line[i]])));
}

// Every header of a file is in the Data page's dictionary entry of that download.
function inDictionary<T>(download: ChartDownload<T>, headers: readonly string[]): void {
  const entry = DOWNLOADS.find((d) => d.id === download.id);
  assert.isDefined(entry, `${download.id} is not in the dictionary`);
  assert.includeMembers(
    entry!.columns.map((c) => c.header),
    [...headers],
    download.id
  );
}

it("every chart and table download is in the dictionary, with unique headers and each numeric column's unit in its header", () => {
  const ids = CHART_DOWNLOADS.map((d) => d.id);
  assert.sameMembers(
    ids,
    [
      CAPACITY_RAMP,
      COMMITMENT_SPEND,
      COMPARISON_SCATTER,
      NET_CASH,
      EQUITY,
      PER_WATT,
      TIMELINE,
      OPTION_GRID,
      SIGNALS,
      TORNADO,
      SCENARIO_TABLE,
      PEER_BOX,
      MARKET_TOTALS,
      NPV_TABLE,
      MARKET_SCENARIOS,
      TRANCHES,
      SPREAD,
      MARKET_LOOPS
    ].map((d) => d.id)
  );
  // The Data page's dictionary: every chart's, the comparison table's and the explorer's, each once.
  assert.sameMembers(
    DOWNLOADS.map((d) => d.id),
    [...ids, COMPARISON_TABLE.id, ARTICLE_TABLE.id, EXPLORER_DOWNLOAD.id]
  );
  for (const d of DOWNLOADS) {
    const headers = d.columns.map((c) => c.header);
    assert.strictEqual(new Set(headers).size, headers.length, d.id);
    for (const c of d.columns) {
      assert.isAbove(c.meaning.length, 3, `${d.id}.${c.header}`);
      if (/^(usd|years|fraction|gw|tflops|twh|count|ratio)/.test(c.unit))
        assert.match(c.header, /\(.+\)$/, `${d.id}: "${c.header}" has no unit`);
    }
  }
});

it("netCashRows(flows, bands) puts each year's P10 and P90 on its year, and null where the band has no year", () => {
  const flow = {
    year: 2026,
    investment: 1,
    spend: 2,
    operatingProfit: 0,
    capex: 0,
    cashOpex: 0,
    residual: 0,
    providerCash: 0,
    netCash: -1,
    cumulativeNetCash: -1,
    accountingNet: 0,
    cumulativeAccountingNet: 0
  };
  const rows = netCashRows([flow, {...flow, year: 2027}], [{year: 2027, p10: -3, p50: -2, p90: -1}]);
  assert.deepStrictEqual([rows[0].p10, rows[0].p90, rows[1].p10, rows[1].p90], [null, null, -3, -1]);
  assert.deepStrictEqual(netCashRows([flow], null)[0].p90, null);
});

it("optionCellRows(option) divides each cell's value by GW × years of use, as the heat map colours it", () => {
  const rows = optionCellRows({gw: 2, yearsOfUse: 5, grid: [{volatility: 0.3, years: 1, value: 40}]});
  assertInDelta(rows[0].perGwYear, 4, 1e-12);
});

it("each chart's CSV round-trips with the site data's rows for every deal", () => {
  const data = site.publicData();
  const analysis = site.analysis();
  const deals = Object.fromEntries(data.deals.map((d) => [d.id, d.name]));
  let tornadoes = 0;
  let grids = 0;
  let equity = 0;
  for (const deal of data.deals) {
    const projection = analysis.projections[deal.id];
    const r = projection.recycling;
    if (r.flows.length) roundTrip(NET_CASH, netCashRows(r.flows, [{year: r.flows[0].year, p10: -1, p50: 0, p90: 1}]));
    if (r.equity.length) {
      roundTrip(EQUITY, r.equity);
      equity++;
    }
    roundTrip(PER_WATT, efficiencyRows(analysis.chipEfficiency, []));
    const roadmap = dealCheckpoints(data, deal.id).find((c) => c.id === "roadmap-alignment");
    const fills = roadmap && "chips" in roadmap ? roadmap.chips : [];
    const timeline = timelineRows(data.chips, fills);
    assert.lengthOf(timeline, data.chips.length, "every chip drawn is a row");
    assert.strictEqual(timeline.filter((t) => t.fillsFrom !== null).length, new Set(fills.map((f) => f.id)).size, deal.id);
    roundTrip(TIMELINE, timeline);
    for (const item of projection.options?.items ?? []) {
      roundTrip(OPTION_GRID, optionCellRows(item));
      grids++;
    }
    for (const [name, rows] of Object.entries(projection.tornado)) {
      if (!rows.length) continue;
      roundTrip(
        TORNADO,
        rows.map((row) => ({...row, figure: name, unit: "usd"}))
      );
      tornadoes++;
    }
    const board = signalBoard(data.signals, {deal});
    const signals = signalRows(board, {sources: data.sourcesById, deals});
    assert.strictEqual(
      signals.length,
      board.reduce((n, row) => n + Math.max(1, row.observations.length), 0),
      deal.id
    );
    roundTrip(SIGNALS, signals);
  }
  assert.isAbove(equity, 0);
  assert.isAbove(grids, 0);
  assert.isAbove(tornadoes, 0);
});

it("the capacity, commitment and scatter files round-trip with the site data's rows, and a chart without a schedule drops its cost column", () => {
  const data = site.publicData();
  const analysis = site.analysis();
  const bands = site.bands();
  let ramps = 0;
  for (const deal of data.deals) {
    const years = bands.bands[deal.id]?.base?.years ?? [];
    if (years.length) {
      roundTrip(CAPACITY_RAMP, years);
      ramps++;
    }
  }
  assert.isAbove(ramps, 0);
  const points = comparisonPoints(analysis.comparison).points;
  roundTrip(COMPARISON_SCATTER, points);
  const spend = withoutColumns(COMMITMENT_SPEND, ["Cost of the capacity delivered (USD)"]);
  assert.deepStrictEqual(
    spend.columns.map((c) => c.header),
    ["Year", "Spend (USD)"]
  );
  roundTrip(spend, [{year: 2026, spendUsd: 1e9, gwAverage: 0, gwYears: 0, capacityCostUsd: 0, gwYearsBought: 0.1, coverage: null}]);
});

it("the scenario and peer tables' files round-trip for every deal, with the site data's values, and drop the rows the table leaves out", () => {
  const analysis = site.analysis();
  let scenarioFiles = 0;
  let peerFiles = 0;
  for (const deal of site.publicData().deals) {
    const columns = analysis.scenarios[deal.id];
    const download = scenarioDownload(columns);
    inDictionary(
      SCENARIO_TABLE,
      download.columns.map((c) => c.header)
    );
    if (download.columns.length > 4) {
      const parsed = roundTrip(download, scenarioRows(columns));
      scenarioFiles++;
      parsed.forEach((row, i) => {
        assert.strictEqual(row["Scenario id"], columns[i].scenario);
        assert.strictEqual(row.Scenario, columns[i].scenario === "base" ? "Base case" : columns[i].label);
        if ("Cash NPV of the new money (usd)" in row) {
          assert.strictEqual(Number(row["Cash NPV of the new money (usd)"]), columns[i].npvUsd);
          assert.strictEqual(row["Never pays back within the deal"], String(columns[i].paybackYear === null));
        }
      });
    }
    // A deal with no NPV in any scenario has no NPV or payback column, as its table has no such row.
    if (columns.every((c) => c.npvUsd === null)) assert.notInclude(download.columns.map((c) => c.header).join("|"), "NPV");
    const rows = analysis.peers[deal.id];
    const peers = peerRows(
      rows,
      analysis.comparison.find((c) => c.id === deal.id)
    );
    assert.strictEqual(peers.length, rows.filter((r) => r.value !== null).length);
    if (peers.length) {
      const parsed = roundTrip(PEER_BOX, peers);
      peerFiles++;
      parsed.forEach((row, i) => {
        assert.strictEqual(Number(row["This deal (in Unit)"]), peers[i].value);
        assert.strictEqual(row.Rank, peers[i].rank === null ? "" : String(peers[i].rank));
      });
    }
  }
  assert.isAbove(scenarioFiles, 0);
  assert.isAbove(peerFiles, 0);
});

it("the market totals' and the cross-deal cash table's files round-trip with the site data's values", () => {
  const analysis = site.analysis();
  const market = analysis.market!;
  for (const table of [market.byInvestor, market.byLab, market.byProvider]) {
    const parsed = roundTrip(MARKET_TOTALS, partyRows(table, othersLabel(table)));
    assert.lengthOf(parsed, table.rows.length + (table.others ? 1 : 0));
    parsed.slice(0, table.rows.length).forEach((row, i) => {
      const t = table.rows[i];
      assert.strictEqual(row.Party, t.name);
      assert.strictEqual(row["Dollar commitments (usd)"], t.commitmentUsd.count ? String(t.commitmentUsd.value) : "");
      assert.strictEqual(row["Deals (count)"], String(t.deals));
      assert.strictEqual(row["Stakes (count)"], String(t.stakes));
    });
  }
  // Nvidia's stake in OpenAI (under its superseded letter) is counted once: the investor rows add up to the market's.
  const investors = roundTrip(MARKET_TOTALS, partyRows(market.byInvestor, othersLabel(market.byInvestor)));
  assertInDelta(
    investors.reduce((s, r) => s + Number(r["Firm investment (usd)"] || 0), 0),
    market.all.investmentFirmUsd.value,
    1
  );
  // Every live deal's commitment is in exactly one provider's row: the file's rows add up to the market's total.
  const providers = roundTrip(MARKET_TOTALS, partyRows(market.byProvider, othersLabel(market.byProvider)));
  assertInDelta(
    providers.reduce((s, r) => s + Number(r["Dollar commitments (usd)"] || 0), 0),
    market.all.commitmentUsd.value,
    1
  );
  const npv = analysis.npvTable!;
  const parsed = roundTrip(NPV_TABLE, npv.rows);
  parsed.forEach((row) => {
    const recycling = analysis.projections[row["Deal id"]].recycling;
    assert.strictEqual(Number(row["Cash NPV, median (usd)"]), recycling.npvUsd!.value);
    assert.strictEqual(row["Pays back, median (year)"], recycling.paybackYear === null ? "" : String(recycling.paybackYear));
    assert.strictEqual(Number(row["Draws that never pay back (fraction)"]), recycling.paybackNeverShare);
    assert.isAtMost(Number(row["Cash NPV P10 (usd)"]), Number(row["Cash NPV, median (usd)"]));
    assert.isAtLeast(Number(row["Cash NPV P90 (usd)"]), Number(row["Cash NPV, median (usd)"]));
  });
  const medians = parsed.map((r) => Number(r["Cash NPV, median (usd)"]));
  assert.deepStrictEqual(
    medians,
    [...medians].sort((a, b) => b - a)
  );
});

it("the market scenario table's file round-trips, each column the sum of the live deals' own scenario columns", () => {
  const analysis = site.analysis();
  const table = analysis.marketScenarios!;
  const parsed = roundTrip(MARKET_SCENARIOS, marketScenarioRows(table.columns));
  const live = analysis.comparison.filter((row) => row.status !== "superseded").map((row) => row.id);
  for (const row of parsed) {
    const own = (id: string) => {
      const columns = analysis.scenarios[id];
      return columns.find((c) => c.scenario === row["Scenario id"]) ?? columns.find((c) => c.scenario === "base")!;
    };
    const npvs = live.map((id) => own(id).npvUsd).filter((v): v is number => v !== null);
    assert.strictEqual(Number(row["Deals priced (count)"]), npvs.length, row.Scenario);
    assertInDelta(
      Number(row["Cash NPV of the new money, added up (usd)"]),
      npvs.reduce((a, b) => a + b, 0),
      1
    );
    assert.strictEqual(Number(row["Deals above zero (count)"]), npvs.filter((v) => v > 0).length, row.Scenario);
    assert.strictEqual(Number(row["Highest cash NPV (usd)"]), Math.max(...npvs), row.Scenario);
    assert.strictEqual(Number(row["Lowest cash NPV (usd)"]), Math.min(...npvs), row.Scenario);
  }
  // One column per scenario column of the deals' tables (the data's scenarios and the ceiling-filled reading), whatever the deals.
  assert.deepStrictEqual(
    parsed.map((r) => r["Scenario id"]),
    analysis.scenarios["amazon-anthropic"].map((c) => c.scenario)
  );
});

it("the drawn comparison table's and the explorer's files round-trip with the site data's values, every column in the dictionary", () => {
  const analysis = site.analysis();
  const parsed = roundTrip(COMPARISON_TABLE, analysis.comparison);
  parsed.forEach((row, i) => {
    const c = analysis.comparison[i];
    assert.strictEqual(row["Deal id"], c.id);
    assert.strictEqual(row["$ committed (value)"], c.commitmentUsd ? String(c.commitmentUsd.value) : "");
    assert.strictEqual(row["GW (status)"], c.gw ? c.gw.lineage.status : "");
  });
  const rows = site.explorer().rows;
  const explorer = roundTrip(EXPLORER_DOWNLOAD, rows);
  explorer.forEach((row, i) => {
    assert.strictEqual(row["Commitment (USD)"], rows[i].commitment ? String(rows[i].commitment!.value) : "");
  });
});

it("the tranche and P10 / P50 / P90 tables' files round-trip for every deal with the data's values", () => {
  const analysis = site.analysis();
  let tranches = 0;
  for (const deal of site.publicData().deals) {
    for (const list of [deal.tranches, deal.rebates ?? []]) {
      if (!list.length) continue;
      const parsed = roundTrip(TRANCHES, list);
      tranches++;
      parsed.forEach((row, i) => {
        assert.strictEqual(Number(row.Amount), list[i].amount.value);
        assert.strictEqual(row["Amount unit"], list[i].amount.unit);
        assert.strictEqual(row.Firm, String(list[i].firm));
      });
    }
    const spread = spreadRows(analysis.projections[deal.id]);
    if (!spread.length) continue;
    const parsed = roundTrip(SPREAD, spread);
    const figures = analysis.projections[deal.id].uncertainty!.figures;
    for (const row of parsed) {
      assert.strictEqual(Number(row.P50), figures[row["Figure key"]].p50);
      assert.notStrictEqual(row.Unit, "", row["Figure key"]);
    }
  }
  assert.isAbove(tranches, 0);
});

it("the market map's loop table's file round-trips with the map's loops", () => {
  const data = site.publicData();
  const map = marketMap(data);
  const parsed = roundTrip(MARKET_LOOPS, loopRows(map, data.deals));
  assert.lengthOf(parsed, map.loops.length);
  parsed.forEach((row, i) => {
    const loop = map.loops[i];
    assert.strictEqual(row["Deal id"], loop.deal);
    assert.strictEqual(Number(row["Equity, firm (usd)"]), loop.equityFirmUsd.value);
    assert.strictEqual(row["Compute commitment (usd)"], loop.commitmentUsd ? String(loop.commitmentUsd.value) : "");
    assert.strictEqual(row.Company, map.nodes.find((n) => n.id === loop.company)!.name);
  });
});

it("the article table's file has one line per text or figure a cell draws, with the site data's values", () => {
  const article = site.analysis().articleTable!;
  const rows = articleRows(article);
  const parsed = roundTrip(ARTICLE_TABLE, rows);
  assert.strictEqual(
    parsed.length,
    article.rows.reduce((n, row) => n + row.cells.reduce((k, cell) => k + articleItems(row.id, cell).length, 0), 0)
  );
  // Amazon → Anthropic's commitment as the comparison states it, and its firm investment.
  const commitment = parsed.find((r) => r["Deal id"] === "amazon-anthropic" && r.Figure === "usd")!;
  const compared = site.analysis().comparison.find((c) => c.id === "amazon-anthropic")!;
  assert.strictEqual(Number(commitment.Value), compared.commitmentUsd!.value);
  assert.strictEqual(commitment.Bound, compared.commitmentUsd!.bound);
  const firm = parsed.find((r) => r["Deal id"] === "amazon-anthropic" && r.Figure === "firm")!;
  assert.strictEqual(Number(firm.Value), compared.investmentFirmUsd.value);
  // Six rows, two deals: every cell has at least one line.
  assert.strictEqual(new Set(parsed.map((r) => `${r["Row id"]}|${r["Deal id"]}`)).size, 12);
});
