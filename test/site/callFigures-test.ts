import {assert, it} from "vitest";
import {
  figureWords,
  headlineFigures,
  netCashLineFinding,
  paybackEven,
  paybackYear,
  pct,
  priceCapexCorner,
  projectDeal,
  scenarioTable
} from "../../src/core/index.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import {keyFigures, splitSummary} from "../../src/site/briefingSummary.js";
import {
  compareReturn,
  cornerChance,
  evenPaymentsPv,
  leverWords,
  medianAgainstEnd,
  npvBasisWords,
  paybackEvenWords,
  paybackLead,
  paybackWords,
  signGapWords,
  termEndYear
} from "../../src/site/callFigures.js";
import {figureTable} from "../../src/site/figures.js";
import {formatFigure} from "../../src/site/placeholders.js";
import {assertInDelta} from "../asserts.js";

const dataset = await readValidDataset("data");
const projections = Object.fromEntries(dataset.deals.map((d) => [d.id, projectDeal(dataset, d.id, {draws: 0, tornadoFigures: []})]));
const table = figureTable({dataset, version: "t", projections});
const value = (name: string) => {
  const f = table.get(name);
  assert.strictEqual(f?.kind, "number", name);
  return (f as {value: number}).value;
};
const words = (name: string) => {
  const f = table.get(name);
  assert.strictEqual(f?.kind, "text", name);
  return (f as {text: string}).text;
};

it("figureTable(input) names every headline figure under its key, so a change to a headline flows into every sentence", () => {
  for (const h of headlineFigures(dataset, projections)) {
    if (h.key.endsWith(".capacity.ceiling")) continue;
    assertInDelta(value(h.key), h.value, 0);
  }
  // A deal whose flows never pay back still has the name, "not disclosed".
  assert.deepEqual(table.get("amazon-openai.recycling.paybackYear"), {kind: "missing"});
  // Without projections the economics are not defined (a check of the deal terms only).
  assert.isFalse(figureTable({dataset, version: "t"}).has("amazon-anthropic.recycling.npv"));
});

it("economicsFigures: amazon-anthropic's coverage is GW-years bought ÷ ceiling × term (9.09 ÷ 50), its term ends in 2036", () => {
  // over $100B ÷ $11B per GW-year = 9.0909 GW-years; 5 GW × 10 years = 50 GW-years; 9.0909 ÷ 50 = 0.1818
  assertInDelta(value("amazon-anthropic.econ.gw-years"), 100 / 11, 1e-9);
  assertInDelta(value("amazon-anthropic.econ.ceiling-gw-years"), 50, 1e-9);
  assertInDelta(value("amazon-anthropic.econ.coverage"), 100 / 11 / 50, 1e-9);
  assertInDelta(value("amazon-anthropic.econ.term-end"), 2036, 0);
  // New money: $5B firm + $20B contingent × 0.5 odds = $15B
  assertInDelta(value("amazon-anthropic.econ.new-money"), 15e9, 1);
  assertInDelta(value("oracle-openai.econ.new-money"), 0, 0);
  assertInDelta(value("oracle-openai.status.letter-of-intent"), 0, 0);
  assertInDelta(value("broadcom-openai.status.letter-of-intent"), 1, 0);
  assertInDelta(value("nvidia-openai.status.superseded"), 1, 0);
  // New money is an expectation with a ceiling: $5B + $20B × 0.5 = $15B expected, $5B + $20B = $25B at most.
  assertInDelta(value("amazon-anthropic.econ.new-money-max"), 25e9, 1);
  assert.strictEqual(
    words("amazon-anthropic.econ.new-money-expected"),
    "$15B expected (up to $25B; each contingent tranche at the editors' 50% chance)"
  );
  // $10B + $30B × 0.5 = $25B expected, $40B at most; Microsoft's firm "up to $5B" is all of it: no expectation.
  assert.strictEqual(
    words("google-anthropic.econ.new-money-expected"),
    "$25B expected (up to $40B; each contingent tranche at the editors' 50% chance)"
  );
  assert.strictEqual(words("microsoft-nvidia-anthropic.econ.new-money-expected"), "up to $5B");
  // The commitment is a floor only where the source says "over": Amazon → Anthropic, not Amazon → OpenAI's $138B.
  assertInDelta(value("amazon-anthropic.status.commitment-floor"), 1, 0);
  assertInDelta(value("amazon-openai.status.commitment-floor"), 0, 0);
});

it("marketFigures: counts, sums and rankings over the live deals with a cash NPV, computed from the projections", () => {
  const priced = dataset.deals.filter((d) => !d.supersededOn && projections[d.id].recycling.npvUsd);
  const npv = (id: string) => projections[id].recycling.npvUsd!.value;
  assert.strictEqual(value("market.npv-deals"), priced.length);
  assert.strictEqual(value("market.npv-negative"), priced.filter((d) => npv(d.id) < 0).length);
  assert.strictEqual(value("market.npv-positive"), priced.filter((d) => npv(d.id) > 0).length);
  // New money ÷ commitments: (15 + 32.5 + 0 + 25 + 5 + 0 + 0) ÷ (100 + 138 + 22.4 + 200 + 30 + 250 + 300), $B
  assertInDelta(value("market.new-money"), 77.5e9, 1);
  // At most: 25 + 50 + 0 + 40 + 5 + 0 + 0 = $120B if every contingent tranche is paid.
  assertInDelta(value("market.new-money-max"), 120e9, 1);
  assert.strictEqual(
    words("market.new-money-expected"),
    "$77.5B expected (up to $120B; each contingent tranche at the editors' 50% chance; Microsoft + Nvidia → Anthropic's up to $5B counted in full)"
  );
  // Its status is its weakest input's (critic s14 #7): the expected new money rests on the editors' assumed chance, so
  // the sum is an assumption, not the "estimate" every market sum was given; the ratio on it likewise.
  assert.strictEqual((table.get("market.new-money") as {status?: string}).status, "assumption");
  assert.strictEqual((table.get("market.new-share") as {status?: string}).status, "assumption");
  assert.strictEqual((table.get("market.new-money-max") as {status?: string}).status, "estimate");
  assert.strictEqual((table.get("market.commitment-priced") as {status?: string}).status, "estimate");
  assert.strictEqual(formatFigure(table.get("market.contingent-probability")!), "50%");
  assert.strictEqual(value("market.payback"), priced.filter((d) => projections[d.id].recycling.paybackYear !== null).length);
  // At every assumption's base value Amazon → Anthropic (2035), CoreWeave → OpenAI (2029), Microsoft → OpenAI (2032)
  // and Oracle → OpenAI (2029) pay back; Amazon → OpenAI, Microsoft + Nvidia → Anthropic and Google → Anthropic never
  // do (CLI, base case, with running costs from physical inputs and the build-out of the deals without a schedule).
  const basePaybacks = priced.filter((d) => projections[d.id].recycling.paybackYear !== null).length;
  assert.strictEqual(value("market.payback-base"), 4);
  assert.isAtMost(basePaybacks, 4);
  assert.strictEqual(words("market.payback-base.words"), ", though at every assumption's base value 4 do");
  // The capex total on one basis: the lessees' IT capex plus their leased data centres at build cost. Oracle: the most
  // GW it uses, 4.5, × $40B × (1 − 70%) = $54B; the lessees named from the data, in its order.
  assertInDelta(projections["oracle-openai"].recycling.leasedFacilityUsd?.value ?? 0, 4.5 * 40e9 * 0.3, 1e3);
  assertInDelta(value("market.capex-all"), value("market.capex") + value("market.leased-facilities"), 1);
  assertInDelta(
    value("market.leased-facilities"),
    (projections["oracle-openai"].recycling.leasedFacilityUsd?.value ?? 0) +
      (projections["coreweave-openai"].recycling.leasedFacilityUsd?.value ?? 0),
    1
  );
  assert.strictEqual(words("market.lessees"), "CoreWeave and Oracle");
  // The margin the flows imply, for every priced deal: Σ (revenue − old-kit discount − running costs − depreciation) ÷ Σ
  // revenue, which is (Σ provider cash + what is left at the end) ÷ Σ spend, as Σ depreciation = Σ capex − book value left
  // (a lessee's rent owed after the term is in both its cash and what is left, so it cancels).
  for (const d of priced) {
    const r = projections[d.id].recycling;
    const sumOf = (key: "providerCash" | "residual" | "spend") => r.flows.reduce((a, f) => a + f[key], 0);
    assertInDelta(r.impliedMargin ?? 0, (sumOf("providerCash") + sumOf("residual")) / sumOf("spend"), 1e-9);
  }
  // With the capacity's worth at term end counted, four are above zero at the base values: Microsoft → OpenAI, Google →
  // Anthropic, Oracle → OpenAI and CoreWeave → OpenAI (running costs from physical inputs; the Amazon deals and Microsoft
  // + Nvidia → Anthropic stay below).
  assert.strictEqual(
    value("market.npv-residual-positive"),
    priced.filter((d) => projections[d.id].recycling.npvWithResidualUsd!.value > 0).length
  );
  assert.strictEqual(value("market.npv-residual-positive"), 4);
  // The base operating profit is the one the flows imply, not the reported margin × the commitment: Oracle's is
  // Σ (revenue − old-kit discount − running costs − depreciation) over its build-out = $105.74B (the hand-check in
  // leverFigures below), not 7% × $300B.
  assertInDelta(value("oracle-openai.econ.operating-profit-base"), 105.74479e9, 1e4);
  assertInDelta(value("market.commitment-priced"), 1040.4e9, 1);
  assertInDelta(value("market.new-share"), 77.5 / 1040.4, 1e-9);
  assertInDelta(value("market.commitment-largest"), 300e9, 1);
  assertInDelta(value("market.ceiling-largest"), 10, 0);
  const best = [...priced].sort((a, b) => npv(b.id) - npv(a.id));
  assert.strictEqual(words("rank.npv-1.deal"), best[0].name);
  assert.strictEqual(words("rank.npv-low-1.deal"), best.at(-1)!.name);
  assertInDelta(value("rank.npv-low-1.value"), npv(best.at(-1)!.id), 0);
  // Margins rank providers once each: Azure (41.5%) first, CoreWeave (4%) last.
  assert.strictEqual(words("rank.margin-1.provider"), "Microsoft Azure");
  assert.notStrictEqual(words("rank.margin-2.provider"), "Microsoft Azure");
  assert.strictEqual(words("rank.margin-low-1.provider"), "CoreWeave");
  assertInDelta(value("rank.margin-low-1.npv-max"), npv("coreweave-openai"), 0);
});

it("marketFigures: the deal that 'puts in the most for its spend' is ranked on the sentence's own basis, new money expected ÷ commitment (critic s9 M21)", () => {
  const live = dataset.deals.filter((d) => !d.supersededOn && projections[d.id].recycling.npvUsd);
  const share = (id: string) => {
    const r = projections[id].recycling;
    return r.newMoneyExpectedUsd.value / r.commitmentUsd!.value;
  };
  const best = [...live].sort((a, b) => share(b.id) - share(a.id));
  assert.strictEqual(words("rank.new-share-1.deal"), best[0].name);
  assertInDelta(value("rank.new-share-1.value"), share(best[0].id), 1e-12);
  assert.ok(value("rank.new-share-1.value") >= value("rank.new-share-2.value"));
  // Amazon → OpenAI by hand: $15B firm + contingent money at its probability, over the $138B of its two contracts.
  const ao = projections["amazon-openai"].recycling;
  assertInDelta(share("amazon-openai"), ao.newMoneyExpectedUsd.value / 138e9, 1e-12);
});

it("marketFigures: the market's bull and bear are the highest and lowest sums of the live deals' scenario NPVs, named for a sentence", () => {
  const live = dataset.deals.filter((d) => !d.supersededOn);
  const tables = live.map((d) => scenarioTable(dataset, d.id));
  // Each column's sum by hand: every live deal's own column, or its base case where it has no "fills the ceiling" one.
  const ids = tables[0].map((c) => c.scenario);
  const sums = ids.map((id) =>
    tables
      .map((t) => (t.find((c) => c.scenario === id) ?? t.find((c) => c.scenario === "base")!).npvUsd)
      .filter((v): v is number => v !== null)
      .reduce((a, b) => a + b, 0)
  );
  assertInDelta(value("market.scenario-npv-high"), Math.max(...sums), 1);
  assertInDelta(value("market.scenario-npv-low"), Math.min(...sums), 1);
  const high = table.get("market.scenario-npv-high");
  assert.strictEqual(high?.kind === "number" ? high.bound : null, "about");
  // The bear scenario (cheaper revenue, dearer capital, thinner margins) is the market's lowest; its name is lower-cased.
  assert.strictEqual(words("market.scenario-npv-low.label"), "bear economics");
  const positive = ids.map((id) => tables.filter((t) => ((t.find((c) => c.scenario === id) ?? t[0]).npvUsd ?? 0) > 0).length);
  assert.strictEqual(value("market.scenario-positive-max"), Math.max(...positive));
  assert.match(
    words("market.scenario-positive.words"),
    /^; (none of the \d+ deals is|no scenario puts more than \d+ of the \d+ deals|in at least one)/
  );
  // The two ends pair the price and capex against their 0.7 correlation (bear cheap price and dear capex, bull the
  // reverse), so page 1 calls them stress cases with the corner's chance, the note's own figure (about 0.0041%).
  const corner = priceCapexCorner(dataset.assumptions, tables[0])!;
  assert.sameMembers(corner.labels, ["Bear economics", "Bull economics"]);
  assert.strictEqual(
    words("market.scenario-corner.words"),
    `: both are stress cases, pairing the contract price with the capex per GW against the model's own correlation between them, a corner with ${cornerChance(corner.probability)}`
  );
  assertInDelta(corner.probability, 0.000041, 0.000002);
  // 1 ÷ 0.000041 = 24,390: one in 20,000 at one significant figure, not "0.0041% of the draws" (0.41 of 10,000 draws).
  assert.include(words("market.scenario-corner.words"), "a corner with about a 1 in 20,000 chance under that correlation");
});

it("cornerChance(p): a share from 1% up, below it one in a number at one significant figure", () => {
  assert.strictEqual(cornerChance(0.034), "about a 3.4% chance under that correlation");
  assert.strictEqual(cornerChance(0.01), "about a 1% chance under that correlation");
  // 1 ÷ 0.004 = 250 → 300 (half up); 1 ÷ 0.0007 = 1,428.6 → 1,000; 1 ÷ 0.000041 = 24,390 → 20,000; 1 ÷ 0.00006 = 16,667 → 20,000.
  assert.strictEqual(cornerChance(0.004), "about a 1 in 300 chance under that correlation");
  assert.strictEqual(cornerChance(0.0007), "about a 1 in 1,000 chance under that correlation");
  assert.strictEqual(cornerChance(0.000041), "about a 1 in 20,000 chance under that correlation");
  assert.strictEqual(cornerChance(0.00006), "about a 1 in 20,000 chance under that correlation");
  assert.strictEqual(cornerChance(0), "no chance under that correlation");
});

it("keyFigures(figures, deal) lists a deal's figures in words, 'none' for no new money, and the payback when cash never turns positive", () => {
  const oracle = keyFigures(table, "oracle-openai");
  assert.deepInclude(oracle, {label: "Invested, firm", value: "none"});
  assert.deepInclude(oracle, {label: "New money in this deal", value: "none"});
  const amazonOpenai = keyFigures(table, "amazon-openai");
  // Said in words, the payback keeps its cash flows' status, the NPV's, as the year does (critic s15 #9).
  assert.deepInclude(amazonOpenai, {label: "Payback year (cumulative cash)", value: "not within the deal", status: "assumption"});
  // A deal with no commitment keeps the terms' rows and leaves out the economics.
  const amd = keyFigures(table, "amd-openai").map((k) => k.label);
  assert.deepEqual(amd, ["Invested, firm", "Compute commitment", "Capacity ceiling", "Electricity at the ceiling"]);
  assert.notInclude(
    keyFigures(table, "oracle-openai").map((k) => k.label),
    "Electricity at the ceiling",
    "a deal with a cash figure"
  );
  // "Firm" and "up to" do not go together, nor "ceiling" and "over": Microsoft's and Nvidia's up to $15B is
  // committed, not firm; Nvidia's over 10 GW is capacity stated, not a ceiling.
  const mna = keyFigures(table, "microsoft-nvidia-anthropic");
  // The deal's total says it is both investors'; new money says the cash figures count Microsoft's only (critic s6 #9).
  assert.deepInclude(mna, {label: "Invested, committed", value: "up to $15B (Microsoft and Nvidia together)", status: "reported"});
  // The figure on its line, what qualifies it on the next (s15–s17: in one value it wrapped in half a box).
  assert.deepInclude(mna, {
    label: "New money in this deal",
    value: "up to $5B",
    status: "estimate",
    notes: ["Microsoft's: the cash figures count its money only"]
  });
  // A deal with its provider's group alone says nothing of the kind.
  assert.notMatch(
    keyFigures(table, "amazon-anthropic")
      .map((r) => r.value)
      .join(" "),
    /together|count its money only/
  );
  // The up to 1 GW is contracted on top of the $30B, not its ceiling: no coverage row compares the two.
  assert.deepInclude(mna, {label: "Capacity contracted on top", value: "up to 1 GW", status: "estimate"});
  assert.notInclude(
    mna.map((k) => k.label),
    "GW-years bought at the market price ÷ the ceiling's over the term"
  );
  // The key box's coverage is the commitment card's and the CLI's (commitment.coverage, critic s8 H5): Google →
  // Anthropic $200B ÷ $11B per GW-year ÷ 25 GW-years = 73% (the call gives the cash model's 60% at its own price).
  assert.deepInclude(keyFigures(table, "google-anthropic"), {
    label: "GW-years bought at the market price ÷ the ceiling's over the term",
    value: "about 73%",
    status: "estimate"
  });
  assert.deepInclude(keyFigures(table, "amazon-anthropic"), {
    label: "Compute commitment",
    value: "over $100B for 10 years",
    status: "reported"
  });
  const nvidia = keyFigures(table, "nvidia-openai");
  assert.deepInclude(nvidia, {label: "Capacity stated", value: "over 10 GW", status: "reported"});
  assert.include(
    keyFigures(table, "amazon-anthropic").map((k) => k.label),
    "Capacity ceiling"
  );
  assert.deepInclude(keyFigures(table, "amazon-anthropic"), {
    label: "New money in this deal",
    value: "$15B expected (up to $25B)",
    status: "assumption",
    notes: ["each contingent tranche at the editors' 50% chance"]
  });
  const noted: string[] = [];
  // Every deal: the key box's figure and notes say what the call's one phrase says (deal.econ.new-money-expected),
  // the figure short enough for one line in half the printed box (the longest, "$32.5B expected (up to $50B)").
  for (const deal of dataset.deals) {
    const row = keyFigures(table, deal.id).find((k) => k.label === "New money in this deal");
    const phrase = table.get(`${deal.id}.econ.new-money-expected`) ?? {kind: "missing"};
    if (!row || phrase.kind !== "text") continue;
    const own = (row.notes ?? []).filter((n) => !n.endsWith("count its money only"));
    assert.strictEqual(own.length ? `${row.value.slice(0, -1)}; ${own.join("; ")})` : row.value, phrase.text, deal.id);
    assert.isAtMost(row.value.length, 28, `${deal.id}: ${row.value}`);
    if (row.notes) noted.push(deal.id);
  }
  // The four with contingent money or another investor's: Amazon's two, Google's and Microsoft + Nvidia's.
  assert.lengthOf(noted, 4, noted.join(", "));
  const marketMoney = keyFigures(table).find((k) => k.label === "New money put in against the commitments with a cash NPV")!;
  const [share, ...marketNotes] = marketMoney.notes!;
  assert.strictEqual(share, `${formatFigure(table.get("market.new-share")!)} of those commitments`);
  assert.strictEqual(
    `${marketMoney.value.slice(0, -1)}; ${marketNotes.join("; ")})`,
    (table.get("market.new-money-expected") as {text: string}).text
  );
  // A term the data assumes says so beside the amount's own status (critic 35): Microsoft → OpenAI's 7 years are
  // an assumption, Amazon → Anthropic's 10 are reported.
  assert.deepInclude(keyFigures(table, "microsoft-openai"), {
    label: "Compute commitment",
    value: "$250B for 7 years (term assumed)",
    status: "reported"
  });
  assert.strictEqual(keyFigures(table, "amazon-anthropic").find((k) => k.label === "Compute commitment")?.value, "over $100B for 10 years");
  const market = keyFigures(table);
  assert.strictEqual(
    market.find((k) => k.label === "Deals with a negative cash NPV")?.value,
    `${value("market.npv-negative")} of ${value("market.npv-deals")}`
  );
});

it("splitSummary(markdown) takes the first paragraph as the call and the first list as the takeaways", () => {
  assert.deepEqual(splitSummary("**Call.**\n\n- a\n- b\n\nMore.\n\nAnd more."), {
    call: "**Call.**",
    takeaways: "- a\n- b",
    rest: "More.\n\nAnd more."
  });
  assert.deepEqual(splitSummary("\n\nCall only.\n"), {call: "Call only.", takeaways: "", rest: ""});
});

it("evenPaymentsPv: a $38B cap paid evenly over 2026–2030 at 10%, each year discounted to 1 January 2026 as the NPV does", () => {
  // 7.6 × (1 + 1/1.1 + 1/1.21 + 1/1.331 + 1/1.4641) = 7.6 × 4.169865 = 31.691
  assertInDelta(evenPaymentsPv(38e9, 2026, 2030, 0.1, 2026), 31.691e9, 0.001e9);
  // One year, at the valuation year: undiscounted; a year later: ÷ 1.1.
  assertInDelta(evenPaymentsPv(10e9, 2026, 2026, 0.1, 2026), 10e9, 1);
  assertInDelta(evenPaymentsPv(11e9, 2027, 2027, 0.1, 2026), 10e9, 1);
  assert.isNaN(evenPaymentsPv(1, 2030, 2029, 0.1, 2026));
});

it("economicsFigures: Microsoft → OpenAI's revenue share, its cap's PV 'if reached', beside the NPV; no other deal has one", () => {
  const rate = projections["microsoft-openai"].assumptions["discount-rate"];
  assertInDelta(value("microsoft-openai.econ.other-return"), 38e9, 1);
  assertInDelta(value("microsoft-openai.econ.other-return-pv"), evenPaymentsPv(38e9, 2026, 2030, rate, 2026), 1);
  assertInDelta(value("microsoft-openai.econ.other-return.until"), 2030, 0);
  assert.match(words("microsoft-openai.econ.other-return.compare.words"), /median draw|median cash NPV/);
  assert.deepEqual(table.get("amazon-anthropic.econ.other-return-pv"), {kind: "missing"});
  assert.match(
    words("market.other-returns.words"),
    /^; .*revenue share.*, worth about \$[0-9.]+B today if its \$[0-9.]+B cap is reached, is left out too$/
  );
});

it("economicsFigures: coverage at the price the cash model uses (commitment ÷ price ÷ ceiling GW-years), the price sentence only where it differs", () => {
  for (const d of dataset.deals) {
    const r = projections[d.id].recycling;
    const sentence = words(`${d.id}.econ.price.words`);
    if (!r.pricePerGwYearUsd || !r.revenueUsd) {
      assert.strictEqual(sentence, "", d.id);
      continue;
    }
    const above = r.pricePerGwYearUsd.value > 11e9 * (1 + 1e-9);
    assert.strictEqual(value(`${d.id}.econ.price-above-market`), above ? 1 : 0, d.id);
    assert.strictEqual(sentence === "", !above, d.id);
    assertInDelta(value(`${d.id}.econ.gw-years-paid`), r.revenueUsd.value / r.pricePerGwYearUsd.value, 1e-9);
  }
  // Google → Anthropic: the schedule supplies 15 GW-years in the term, so $200B ÷ 15 = $13.3B per GW-year and the
  // coverage of the 5 GW × 5 years ceiling is 15 ÷ 25 = 60% (73% at the $11B market price: 200 ÷ 11 ÷ 25).
  assertInDelta(value("google-anthropic.econ.price"), 200e9 / 15, 1e3);
  assertInDelta(value("google-anthropic.econ.coverage-paid"), 15 / 25, 1e-9);
  assertInDelta(value("google-anthropic.econ.coverage"), 200 / 11 / 25, 1e-9);
  assert.match(
    words("google-anthropic.econ.price.words"),
    /about \$13\.3B per GW-year \(the commitment ÷ the 15 GW-years the capacity supplies in the term\), not the model's \$11B per GW-year market price/
  );
  // Without draws (these projections) the NPV is the base case, and the clause says so.
  assert.match(
    words("amazon-anthropic.econ.npv-with-residual.words"),
    /^ in cash, with every assumption at its base value \(about −?\$[\d.]+B if the capacity left/
  );
  assert.strictEqual(words("amd-openai.econ.npv-with-residual.words"), "");
});

it("compareReturn: a left-out return's PV against the median and base cash NPVs, in words that hold", () => {
  assert.strictEqual(
    compareReturn(31.7e9, -33.2e9, -9.13e9),
    "nearly all of the median draw's loss of about $33.2B, and more than the base case's (about −$9.13B)"
  );
  assert.strictEqual(compareReturn(31.7e9, -20e9, -40e9), "more than the median draw's loss of about $20B");
  // 10 ÷ 25 = 40%.
  assert.strictEqual(compareReturn(10e9, -25e9), "about 40% of the median draw's loss of about $25B");
  assert.strictEqual(compareReturn(10e9, 5e9, 6e9), "on top of a median cash NPV of about $5B");
});

it("leverWords: a lever's range with its unit once, and the NPV at its two ends", () => {
  const row = {
    id: "revenue-per-gw-year",
    label: "Contract revenue per GW-year",
    low: 7,
    high: 15,
    valueAtLow: -52.67e9,
    valueAtHigh: 56.2e9
  };
  assert.strictEqual(leverWords(row, "usd-bn-per-gw-year"), "the price per GW-year ($7B to $15B per GW-year: about −$52.7B to $56.2B)");
  assert.strictEqual(
    leverWords({...row, id: "it-life", label: "Useful life", low: 4, high: 6}, "years"),
    "the IT's useful life (4 to 6 years: about −$52.7B to $56.2B)"
  );
  assert.match(
    leverWords({...row, id: "terminal-value", valueAtLow: -27.13e9, valueAtHigh: -3.1e9}, undefined, true),
    /leases still owed .*\(without it about −\$27\.1B, with it about −\$3\.1B\)$/
  );
});

it("leverFigures: the widest levers, the renewal case that flips the sign, the implied margin and a lessee's post-term rent, from the tornado", () => {
  const ids = ["microsoft-openai", "oracle-openai", "coreweave-openai"];
  const full = {...projections, ...Object.fromEntries(ids.map((id) => [id, projectDeal(dataset, id, {draws: 0})]))};
  const t = figureTable({dataset, version: "t", projections: full});
  const get = (name: string) => t.get(name) as {kind: string; value?: number; text?: string};
  for (const id of ids) {
    const rows = full[id].tornado["recycling.npvUsd"];
    const widest = rows.filter((r) => r.swing > 0).sort((a, b) => b.swing - a.swing)[0];
    // The widest bar's NPV at its low end is in the sentence, and the title says whether it crosses zero.
    assert.include(get(`${id}.econ.levers.words`).text, `${figureWordsAbout(widest.valueAtLow)}`, id);
    assert.strictEqual(get(`${id}.econ.lever-1.crosses`).value, Math.sign(widest.valueAtLow) !== Math.sign(widest.valueAtHigh) ? 1 : 0, id);
  }
  const mo = full["microsoft-openai"].recycling;
  // The renewal rule: the base case and either end of the rule on opposite sides of zero ⇔ the flag.
  const renewal = full["microsoft-openai"].tornado["recycling.npvUsd"].find((r) => r.id === "it-renewal-share")!;
  const flips = [renewal.valueAtLow, renewal.valueAtHigh].some((v) => Math.sign(renewal.baseValue) !== Math.sign(v));
  assert.strictEqual(get("microsoft-openai.econ.renewal-flip").value, flips ? 1 : 0);
  // Implied margin: Σ operating profit the flows imply ÷ Σ revenue; the operating profit is that margin × the spend.
  assertInDelta(get("microsoft-openai.econ.margin-implied").value!, mo.impliedMargin!, 1e-12);
  assertInDelta(get("microsoft-openai.econ.operating-profit-implied").value!, mo.impliedMargin! * mo.revenueUsd!.value, 1);
  // Cash running costs per GW-year in use, from physical inputs at the base values (the same for every owner):
  // power $70/MWh × 80% × 8,760 h × 1,000 MW = 0.49056 + staff and maintenance 0.26 + tax and insurance 0.5% × $40B = 0.2.
  assertInDelta(mo.cashOpexPerGwYearUsd! / 1e9, 0.49056 + 0.26 + 0.2, 1e-9);
  // The implied operating profit is the cash plus the book value left (cash = revenue − discount − opex − capex and
  // Σ depreciation = Σ capex − book value left, for an owner): the margin = (Σ provider cash + residual) ÷ Σ spend.
  const sumOf = (key: "providerCash" | "residual" | "spend") => mo.flows.reduce((a, f) => a + f[key], 0);
  assertInDelta(mo.impliedMargin!, (sumOf("providerCash") + sumOf("residual")) / sumOf("spend"), 1e-9);
  // Oracle: the rent owed after the term, paid in the last flow year, discounted to 1 January 2026 at 10%.
  const oo = full["oracle-openai"].recycling;
  const last = oo.flows[oo.flows.length - 1].year;
  const pv = oo.leaseTailUsd! / 1.1 ** (last - 2026);
  assertInDelta(get("oracle-openai.econ.lease-tail-pv").value!, pv, 1);
  assertInDelta(get("oracle-openai.econ.npv-base-ex-tail").value!, oo.npvUsd!.value + pv, 1);
  // The base NPV is above zero, so no share of a loss is the rent's.
  assert.strictEqual(get("oracle-openai.econ.lease-tail-share").kind, "missing");
  // Oracle by hand at the base values (independently in /work/notes/s10/margin.md): 4.5 GW at $13.3B per GW-year, $300B
  // from 1 Jan 2027, no dated schedule, so built out over 24 months from the signing (10 Sep 2025 = 2025.690411, the ramp
  // ends 2027.690411, not before the start): online 0.696575, 2.25 and 1.553425 GW in 2025–27, IT capex at 40 × 0.7 = 28
  // per GW: 19.50411, 63, 43.49589. Use from 2027: GW-years online by t per GW (t − a)² ÷ 4, so 2027 uses
  // 4.5 × (1.309589 − 0.428756) = 3.963749 (52.84999 of revenue); 2028–31 4.5 each ($60B); the 0.428756 GW-years per GW
  // short in 2027 run into 2032 (to 2032.119167: 0.536251, 7.15001). Running costs 2.29056 per GW in use
  // (0.49056 + 0.26 + 0.005 × 28 + 1.4 rent). No IT is renewed (the use left at 2030 and 2031 is under 2.5 years); the
  // kit past its 5-year life earns 70%: −2.78630 in 2030, −11.78630 in 2031, −2.14500 in 2032. Rent owed after the
  // term (leases from 2025, 2026, 2027, 7–9 years left): 1.4 × (0.696575 a(7) + 2.25 a(8) + 1.553425 a(9)) = 34.07742.
  // Cash: −19.50411, −63, 0.27489, 49.69248, 49.69248, 46.90618, 37.90618, −30.30073; to 1 January 2026 (2025 compounded
  // × 1.1): −21.45452 − 63 + 0.24990 + 41.06817 + 37.33470 + 32.03755 + 23.53676 − 17.10397 = 32.66858.
  assertInDelta(oo.npvUsd!.value / 1e9, 32.66858, 1e-3);
  // Its implied margin: Σ (revenue − old-kit discount − running costs − IT depreciation over 5 years) ÷ 300 =
  // 105.74479 ÷ 300 = 35.25%, against the 7% it is taken to report.
  assertInDelta(oo.impliedMargin!, 105.74479 / 300, 1e-6);
  // Held at Oracle's own 35% gross margin for a very large AI contract: a cash cost of (0.3524826 − 0.35) × each year's
  // revenue, discounted (Σ = 224.98, the same discounting as the cash): 0.0024826 × 224.98 = 0.55855, so the NPV is
  // 32.66858 − 0.55855 = 32.11003; over the term the profit is then 35% of the $300B.
  assert.deepStrictEqual(oo.heldMargin, {value: 0.35, basis: "guidance", status: "estimate", source: "bloomberg-orcl-ai-margin-2025"});
  assertInDelta(oo.npvAtHeldMarginUsd!.value / 1e9, 32.11003, 1e-3);
  // Page 1 prints it in the words of the card and the CLI (heldMarginText), only where a provider gave guidance.
  assert.match(
    get("oracle-openai.econ.margin-guidance.words").text!,
    /^ Held at Oracle's own 35% gross margin for a very large AI contract \[\d+\] \(estimate\), the cash NPV would be about \$32\.1B\.$/
  );
  assert.strictEqual(get("microsoft-openai.econ.margin-guidance.words").text, "");
  // CoreWeave: its undiscounted cash leaves out the stock rebate its NPV nets, and the sentence says so.
  assert.match(
    get("coreweave-openai.econ.provider-cash.words").text!,
    /^ \(not counting the \$350M rebate in kind to OpenAI, which the NPV nets\)$/
  );
});

it("marketFigures: the implied margins ranked, one per priced deal, beside the reported ones", () => {
  // The widest and thinnest implied margins are the extremes over the priced deals' projections.
  const implied = Object.values(projections)
    .map((p) => p.recycling.impliedMargin)
    .filter((m): m is number => m !== null);
  assert.lengthOf(implied, 7);
  assertInDelta(value("rank.margin-implied-1.value"), Math.max(...implied), 1e-12);
  assertInDelta(value("rank.margin-implied-low-1.value"), Math.min(...implied), 1e-12);
});

const figureWordsAbout = (usd: number) => figureWords({value: usd, unit: "usd", bound: "about", derived: true}, {bare: true});

it("drawFigures and marketDrawFigures: the draws above zero and the split groups read for 0%, 100% and in between", () => {
  // Priced deals given hand-set shares of 10,000 draws: Microsoft → OpenAI 57% with two groups (median 6.83 between
  // −14.3 and 41.8), CoreWeave → OpenAI 0% with two groups (median −4.0 inside the −3.7 group), the others 1% … 40%.
  const priced = dataset.deals.filter((d) => !d.supersededOn && projections[d.id].recycling.npvUsd).map((d) => d.id);
  const withShares = (share: (id: string) => number) =>
    Object.fromEntries(
      Object.entries(projections).map(([id, p]) => {
        const split: Record<string, [number, number, number]> = {
          "microsoft-openai": [-14.3e9, 41.8e9, 6.83e9],
          "coreweave-openai": [-9.5e9, -3.7e9, -4e9]
        };
        const s = split[id];
        const recycling = p.recycling.npvUsd
          ? {
              ...p.recycling,
              npvUsd: s ? {...p.recycling.npvUsd, value: s[2]} : p.recycling.npvUsd,
              npvPositiveShare: share(id),
              paybackNeverShare: 1 - share(id),
              npvClusters: s
                ? {
                    split: 0,
                    lowShare: 0.6,
                    highShare: 0.4,
                    lowMedian: s[0],
                    highMedian: s[1],
                    lowAboveZero: s[0] > 0 ? 1 : 0,
                    highAboveZero: s[1] > 0 ? 1 : 0
                  }
                : null
            }
          : p.recycling;
        return [id, {...p, recycling, uncertainty: {seed: 1, draws: 10_000, varied: [], figures: {}}}];
      })
    );
  const some = figureTable({
    dataset,
    version: "t",
    projections: withShares((id) => (id === "microsoft-openai" ? 0.5674 : id === "coreweave-openai" ? 0 : 0.4))
  });
  const text = (t: typeof some, name: string) => (t.get(name) as {text: string}).text;
  assert.strictEqual(
    text(some, "microsoft-openai.econ.npv-draws.words"),
    "The cash NPV is above zero in 57% of the 10,000 draws; its draws split in two: 60% gather around about −$14.3B and 40% around about $41.8B, so the median lies between the two."
  );
  // 43% of its draws never pay back: about even odds, said once, in the payback sentence (critic s8 H1).
  assert.strictEqual((some.get("microsoft-openai.econ.payback-even") as {value: number}).value, 1);
  assert.match(
    text(some, "microsoft-openai.econ.payback-even.words"),
    /^Cumulative cash turns positive within the deal in 57% of the draws/
  );
  assert.strictEqual(
    text(some, "coreweave-openai.econ.npv-draws.words"),
    "The cash NPV is below zero in every one of the 10,000 draws, and cumulative cash turns positive within the deal in none of them; its draws split in two: 60% gather around about −$9.5B and 40% around about −$3.7B."
  );
  assert.strictEqual(
    text(some, "market.npv-majority.words"),
    "only Microsoft → OpenAI's cash NPV is above zero in more than half of its draws"
  );
  assert.match(text(some, "market.npv-split.words"), /split in two groups for .*; for Microsoft → OpenAI the median lies between the two/);
  assert.strictEqual((some.get("market.npv-majority") as {value: number}).value, 1);
  const none = figureTable({dataset, version: "t", projections: withShares(() => 0.3)});
  assert.strictEqual(text(none, "market.npv-majority.words"), "no deal's cash NPV is above zero in more than half of its draws");
  const all = figureTable({dataset, version: "t", projections: withShares(() => 1)});
  assert.strictEqual(text(all, "market.npv-majority.words"), "every deal's cash NPV is above zero in more than half of its draws");
  assert.match(
    text(all, `${priced[0]}.econ.npv-draws.words`),
    /^The cash NPV is above zero in every one of the 10,000 draws, and cumulative cash turns positive within the deal in every one of them/
  );
  // Without draws (draws: 0) nothing is claimed.
  assert.deepEqual(table.get("microsoft-openai.econ.npv-draws.words"), {kind: "missing"});
});

it("npvBasisWords: the call's NPV says it is the median, and prints the base case beside it where the sign differs (critic s8 H1)", () => {
  const f = (value: number) => ({value, unit: "usd", bound: "about", lineage: {status: "estimate", inputs: []}}) as never;
  // Oracle's shape: both NPVs negative, the NPV with the term-end value +1.48 (median) against −3.1 (base).
  assert.strictEqual(
    npvBasisWords({
      npvUsd: f(-23.4e9),
      npvWithResidualUsd: f(1.48e9),
      baseCase: {npvUsd: -27.1e9, npvWithResidualUsd: -3.1e9, operatingProfitUsd: null, paybackYear: null}
    }),
    " in cash, the median of its draws (about $1.48B if the capacity left at the term's end is worth its book value; with every assumption at its base value about −$27.1B, and about −$3.1B with that value)"
  );
  // Same signs: the median is named, the base case left to the takeaways.
  assert.strictEqual(
    npvBasisWords({npvUsd: f(-7e9), npvWithResidualUsd: null, baseCase: {npvUsd: -5e9, operatingProfitUsd: null, paybackYear: null}}),
    " in cash, the median of its draws"
  );
  // A lessee's term-end value is the IT's book value and the leases it still owes rent on (critic s8 H7).
  assert.strictEqual(
    npvBasisWords({
      npvUsd: f(-7e9),
      npvWithResidualUsd: f(-2e9),
      baseCase: {npvUsd: -5e9, operatingProfitUsd: null, paybackYear: null},
      facilityLeaseYears: 15
    }),
    " in cash, the median of its draws (about −$2B if the IT left at the term's end is worth its book value and the leases still owed then are worth their rent)"
  );
  // Without draws the NPV is the base case itself.
  assert.strictEqual(npvBasisWords({npvUsd: f(-7e9), npvWithResidualUsd: null}), " in cash, with every assumption at its base value");
  assert.strictEqual(npvBasisWords({npvUsd: null, npvWithResidualUsd: null}), "");
});

it("paybackEven: more than 40% and fewer than 60% of draws never paying back, as printed, the page gives the share", () => {
  assert.isTrue(paybackEven(0.5001));
  assert.isTrue(paybackEven(0.4894));
  // The rule reads the share as printed (whole percent), both bounds excluded (critic s15 #1): Microsoft → OpenAI's
  // 39.77% prints "40%" and is not even odds; 40.51% prints 41% and is; 59.49% prints 59%, 59.51% prints 60%.
  assert.isFalse(paybackEven(0.3977));
  assert.isFalse(paybackEven(0.4));
  assert.isTrue(paybackEven(0.4051));
  assert.isTrue(paybackEven(0.5949));
  assert.isFalse(paybackEven(0.5951));
  assert.isFalse(paybackEven(0.39));
  assert.isFalse(paybackEven(0.61));
  assert.isFalse(paybackEven(undefined));
  assert.strictEqual(
    paybackEvenWords(
      {paybackNeverShare: 0.5001, npvUsd: null, paybackYear: null, baseCase: {npvUsd: -7e9, paybackYear: 2035, operatingProfitUsd: null}},
      2036
    ),
    'Cumulative cash turns positive within the deal in 50% of the draws (half of them, so the median draw could fall either side), so neither a payback year nor "no payback" stands for them; with every assumption at its base value the cash NPV is about −$7B and cumulative cash turns positive in 2035, before the spend ends in 2036.'
  );
  // Said plainly how near half the share is (critic s15 #9): 51% pay back → 1 fewer in 100 and the median would not.
  assert.include(
    paybackEvenWords(
      {paybackNeverShare: 0.4894, npvUsd: null, paybackYear: 2030, baseCase: {npvUsd: -4.1e9, paybackYear: 2030, operatingProfitUsd: null}},
      2030
    ),
    "in 51% of the draws (just over half, so the median draw pays back, in about 2030; with 1 fewer in 100 paying back it would not)"
  );
  // CoreWeave → OpenAI: 47% pay back, 50 − 47 = 3 more in 100 would make the median draw one that pays back.
  assert.include(
    paybackEvenWords(
      {paybackNeverShare: 0.5277, npvUsd: null, paybackYear: null, baseCase: {npvUsd: -1.1e8, paybackYear: 2029, operatingProfitUsd: null}},
      2031
    ),
    "in 47% of the draws (just under half, so the median draw never pays back; with 3 more in 100 paying back it would)"
  );
  // The key box: the share in place of the year, and the coverage is commitment.coverage (the card's).
  const even = new Map(table);
  even.set("amazon-anthropic.econ.payback-even", {kind: "number", value: 1, unit: "count"});
  even.set("amazon-anthropic.econ.payback-share", {kind: "text", text: "50%"});
  const rows = keyFigures(even, "amazon-anthropic");
  assert.deepInclude(rows, {
    label: "Payback year (cumulative cash)",
    value: "about even odds: within the deal in 50% of the draws",
    status: "assumption"
  });
  assert.strictEqual(
    rows.find((r) => r.label.startsWith("GW-years bought at the market price"))?.value,
    `${figureWords({value: value("amazon-anthropic.econ.coverage"), unit: "fraction", bound: "about", derived: true})}`
  );
});

it("for every deal, the net-cash chart's title claims what its plotted line (the base path) does (critic s8 H3)", () => {
  for (const deal of dataset.deals) {
    const r = projections[deal.id].recycling;
    if (!r.flows.length) continue;
    const {paybackYear: year, title} = netCashLineFinding(r.flows, {group: "G", medianPaybackYear: r.paybackYear, fromDraws: false});
    const last = r.flows[r.flows.length - 1].cumulativeNetCash;
    assert.strictEqual(
      year,
      paybackYear(
        r.flows.map((f) => f.cumulativeNetCash),
        r.flows[0].year
      ),
      deal.id
    );
    if (last < 0) assert.include(title, "does not turn positive", deal.id);
    else {
      assert.include(title, `turns positive for good in ${year}`, deal.id);
      // From that year on the plotted line is never below zero, and the year before it is.
      for (const f of r.flows) if (f.year >= year!) assert.isAtLeast(f.cumulativeNetCash, 0, `${deal.id} ${f.year}`);
      const before = r.flows.find((f) => f.year === year! - 1);
      if (before) assert.isBelow(before.cumulativeNetCash, 0, deal.id);
    }
  }
});

it("figures computed at a capacity stated as a floor keep the floor as 'about … or more' (critic s8 M3, s9 M14): Nvidia → OpenAI's over 10 GW", () => {
  for (const deal of dataset.deals) {
    const floor = deal.capacity?.ceiling?.bound === "at-least";
    for (const name of ["energy-twh", "accelerators", "h100e"]) {
      const f = table.get(`${deal.id}.econ.${name}`);
      if (f?.kind !== "number") continue;
      // Not "over 3.04 million": at the floor itself the assumptions still spread the median (its P10 is below it).
      assert.notStrictEqual(f.bound, "at-least", `${deal.id} ${name}`);
      assert.strictEqual(formatFigure(f).endsWith(" or more"), floor, `${deal.id} ${name}: ${formatFigure(f)}`);
    }
  }
  const nvidia = keyFigures(table, "nvidia-openai").find((k) => k.label.startsWith("Electricity"));
  assert.strictEqual(nvidia?.label, "Electricity at the capacity stated");
  assert.match(nvidia?.value ?? "", /^about [\d.]+ TWh a year or more at \d+% average load$/);
});

it("every priced deal at the base values: the held margin is the guidance or the reported base, and the NPV moves by the gap's sign", () => {
  for (const deal of dataset.deals) {
    const r = projections[deal.id].recycling;
    if (!r.npvUsd) {
      assert.strictEqual(r.npvAtHeldMarginUsd, null, deal.id);
      continue;
    }
    const guide = dataset.companies.find((c) => c.id === deal.provider)?.aiContractGrossMargin;
    const reported = dataset.assumptions.find((a) => a.id === r.margin.id)!.base;
    assert.deepStrictEqual(r.heldMargin, {
      value: guide ? guide.value : reported,
      basis: guide ? "guidance" : "reported",
      status: guide ? guide.status : dataset.assumptions.find((a) => a.id === r.margin.id)!.status,
      // Its source, for the [n] after it: the guidance's or the reported margin's.
      source: guide ? guide.source : dataset.assumptions.find((a) => a.id === r.margin.id)!.source
    });
    // Holding a margin below the implied one costs cash; above it, adds cash; the identity: the NPV moves by exactly
    // the gap × the discounted revenue of the provider's years (the flows' spend, year by year).
    const gap = r.impliedMargin! - r.heldMargin!.value;
    const pvSpend = r.flows.reduce((a, f) => a + f.spend * 1.1 ** (2026 - f.year), 0);
    assertInDelta(r.npvUsd.value - r.npvAtHeldMarginUsd!.value, gap * pvSpend, 1);
    assert.strictEqual(Math.sign(r.npvUsd.value - r.npvAtHeldMarginUsd!.value), Math.sign(gap), deal.id);
  }
});

it("signGapWords: where the median cash NPV is below zero and the base case above it, the ranges that lean to the NPV's worse side are named, with their shares", () => {
  const p = projections["coreweave-openai"];
  const slip = dataset.assumptions.find((a) => a.id === "slip-months")!;
  const renewal = dataset.assumptions.find((a) => a.id === "it-renewal-share")!;
  const row = (a: typeof slip, valueAtLow: number, valueAtHigh: number) => ({
    id: a.id,
    label: a.label,
    low: a.low,
    high: a.high,
    valueAtLow,
    valueAtHigh,
    baseValue: 0.7e9,
    swing: Math.abs(valueAtHigh - valueAtLow)
  });
  const gap = (median: number, base: number) =>
    signGapWords({
      ...p,
      recycling: {...p.recycling, npvUsd: {...p.recycling.npvUsd!, value: median}, baseCase: {...p.recycling.baseCase!, npvUsd: base}},
      tornado: {"recycling.npvUsd": [row(slip, 0.7e9, -1e9), row(renewal, -4e9, 0.9e9)]}
    });
  const words = gap(-1.16e9, 0.7e9);
  // The renewal share's draws below its base: (base − low) ÷ (high − low), read from the data, not copied.
  const below = (p.assumptions["it-renewal-share"] - renewal.low) / (renewal.high - renewal.low);
  assert.include(
    words,
    "The median lies below zero and the base case above it because most draws of two ranges fall on the side of their base that lowers the NPV: "
  );
  // The renewal share's draws below its base, (base − low) ÷ (high − low), read from the data (5/6 = 83% today).
  assert.include(words, `: delivery slip (every draw) and term left needed to renew IT (${pct(Math.round(below * 100) / 100)} of draws).`);
  // Same sign, or a median above a negative base: nothing is said.
  assert.strictEqual(gap(-1e9, -0.5e9), "");
  assert.strictEqual(gap(1e9, -0.5e9), "");
});

it("paybackWords: the median draw's payback year and the base case's beside the base case's end of spend, each basis named (critic s14 #3)", () => {
  // Microsoft → OpenAI's shape: the median draw pays back in 2034, the base case in 2032, its spend ends in 2033. The
  // page said "turns positive in about 2034, with the spend ending in 2033": a median year beside a base-case end.
  type R = Parameters<typeof paybackWords>[0];
  const base = (npvUsd: number, paybackYear: number | null) => ({npvUsd, paybackYear, operatingProfitUsd: null});
  const msft: R = {paybackYear: 2034, paybackNeverShare: 0.4, baseCase: base(-2e9, 2032)};
  assert.strictEqual(
    paybackWords(msft, 2033),
    "In the median of the draws cumulative cash turns positive in about 2034; at every assumption's base value it does in 2032, before the spend ends in 2033"
  );
  // With the median draw's end of spend (2034: late capacity carries the spend past the base case's 2033), the median
  // year is set against it, on the same basis (critic s15 #1: a reader saw 2034 after the spend's end).
  assert.strictEqual(
    paybackWords(msft, 2033, 2034),
    "In the median of the draws cumulative cash turns positive in about 2034, the year the spend ends in the median draw (capacity that comes online later in a draw carries its spend past the base case's 2033); at every assumption's base value it does in 2032, before the spend ends in 2033"
  );
  assert.strictEqual(
    medianAgainstEnd(2034, 2033, 2035),
    ", before the spend ends in 2035 in the median draw (capacity that comes online later in a draw carries its spend past the base case's 2033)"
  );
  // A median year within the base case's spend needs no such word (Oracle → OpenAI: 2030 against 2032).
  assert.strictEqual(medianAgainstEnd(2030, 2032, 2032), "");
  assert.strictEqual(
    paybackWords({...msft, paybackYear: 2030}, 2032, 2032).split(";")[0],
    "In the median of the draws cumulative cash turns positive in about 2030"
  );
  // The base case paying back the year the spend ends, or after it; and not at all.
  assert.match(paybackWords({...msft, baseCase: base(0, 2033)}, 2033), /it does in 2033, the year the spend ends$/);
  assert.match(paybackWords({...msft, baseCase: base(0, 2034)}, 2033), /it does in 2034, after the spend ends in 2033$/);
  assert.strictEqual(
    paybackWords({...msft, paybackYear: null, baseCase: base(-7e9, null)}, 2036),
    "In the median of the draws cumulative cash does not turn positive within the deal; at every assumption's base value it is still below zero when the spend ends in 2036"
  );
  // No draws: the headline is the base case, one clause, no median named.
  assert.strictEqual(
    paybackWords({...msft, paybackYear: 2032, baseCase: undefined}, 2033),
    "Cumulative cash turns positive in 2032, before the spend ends in 2033"
  );
});

it("every deal's page-1 payback sentence names the median draw's year as such and says the spend's end only beside the base case (critic s14 #3)", () => {
  const drawn = Object.fromEntries(dataset.deals.map((d) => [d.id, projectDeal(dataset, d.id, {draws: 400, tornadoFigures: []})]));
  const t = figureTable({dataset, version: "t", projections: drawn});
  let checked = 0;
  for (const deal of dataset.deals) {
    const w = t.get(`${deal.id}.econ.payback.words`);
    if (w?.kind !== "text") continue;
    checked++;
    const r = drawn[deal.id].recycling;
    if (r.paybackYear !== null)
      assert.include(w.text, `median of the draws cumulative cash turns positive in about ${r.paybackYear}`, deal.id);
    // The year the spend ends is the base case's: it is said only after "base value", but for the median draw's own
    // end of spend, named as such, where the median year falls after the base case's (critic s15 #1).
    const median = /, (the year the spend ends|(before|after) the spend ends in \d{4}) in the median draw \([^)]*\)/;
    const late = r.paybackYear !== null && r.baseCase && r.paybackYear > (termEndYear(drawn[deal.id]) ?? Infinity);
    assert.strictEqual(median.test(w.text), Boolean(late), `${deal.id}: ${w.text}`);
    const end = w.text.replace(median, "").indexOf("spend ends");
    assert.isAbove(end, w.text.replace(median, "").indexOf("base value"), `${deal.id}: ${w.text}`);
    assert.isAbove(w.text.indexOf("base value"), -1, deal.id);
  }
  assert.strictEqual(checked, 7);
});

it("market.new-money-expected names a part stated only as a ceiling and counted at it (critic s15 #8)", () => {
  // Microsoft + Nvidia → Anthropic's up-to $5B has no contingent tranche: its 'expected' money is its ceiling, and the
  // market's $77.5B (15 + 32.5 + 25 + 5) counts it so; the words keep the bound.
  const text = words("market.new-money-expected");
  assert.include(text, "; Microsoft + Nvidia → Anthropic's up to $5B counted in full)");
  assert.match(text, /^\$77\.5B expected \(up to \$120B; each contingent tranche at the editors' 50% chance; /);
});

it("a ratio divided by an 'up to' ceiling reads 'at least', as every bound word follows numerator and denominator (critic s15 #8)", () => {
  // Microsoft + Nvidia → Anthropic: $30B ÷ Microsoft's up to $5B is exactly 6× when all $5B is paid: 'at least 6×', not 'over'.
  assert.strictEqual(formatFigure(table.get("microsoft-nvidia-anthropic.econ.revenue-per-dollar")!), "at least 6×");
  // Amazon → Anthropic: over $100B ÷ $13B keeps the source's strict floor: 'over 7.6×' (100 ÷ 13 = 7.69, floored).
  assert.strictEqual(formatFigure(table.get("amazon-anthropic.econ.revenue-per-dollar")!), "over 7.6×");
});

it("paybackLead: the bold lead over a payback that does not happen names its basis, so it holds quoted alone (critic s15 #10)", () => {
  // Amazon → Anthropic: no payback in the median draw, but the base case pays back in 2035.
  assert.strictEqual(
    paybackLead({paybackYear: null, baseCase: {paybackYear: 2035, npvUsd: -7e9, operatingProfitUsd: null}}),
    "No payback within the deal in the median draw"
  );
  assert.strictEqual(
    paybackLead({paybackYear: null, baseCase: {paybackYear: null, npvUsd: -7e9, operatingProfitUsd: null}}),
    "No payback within the deal, in the median draw or at the base values"
  );
  assert.strictEqual(paybackLead({paybackYear: null, baseCase: undefined}), "No payback within the deal");
});

it("keyFigures: the capex, not drawn, says it is the base case's where the NPV beside it is the median of the draws", () => {
  const drawn = new Map(table);
  drawn.set("amazon-openai.econ.npv-median", {kind: "number", value: 1, unit: "count"});
  const row = keyFigures(drawn, "amazon-openai").find((r) => r.label === "Provider's capex to deliver it");
  assert.match(row?.value ?? "", /^about \$\d+(\.\d+)?B \(at the base values\)$/);
  const plain = keyFigures(table, "amazon-openai").find((r) => r.label === "Provider's capex to deliver it");
  assert.notInclude(plain?.value ?? "", "base values");
});
