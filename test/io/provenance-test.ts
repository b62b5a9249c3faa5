// Provenance rules: what kind of source may back what status (issue 15).
import {assert, it} from "vitest";
import {partyFamily, provenanceProblem} from "../../src/io/provenance.js";
import {check, edit, editValid, problemLines} from "./fixtures.js";

const D = "deals/amazon-anthropic.yaml";
const DF = "data/deals/amazon-anthropic.yaml";
const PARTY = "  - {id: deal-source, kind: company, party: anthropic,";
const FIRST = "{value: 4, unit: usd-bn, status: confirmed, source: deal-source}";

it("partyFamily(ids, companies) adds parents and subsidiaries", () => {
  const companies = [{id: "amazon"}, {id: "aws", parent: "amazon"}, {id: "anthropic"}, {id: "google"}];
  assert.deepStrictEqual([...partyFamily(["aws", "anthropic"], companies)].sort(), ["amazon", "anthropic", "aws"]);
  assert.deepStrictEqual([...partyFamily(["amazon"], companies)].sort(), ["amazon", "aws"]);
});

it("provenanceProblem(status, source, parties) accepts what each kind can back and refuses the rest", () => {
  const parties = new Set(["amazon", "aws", "anthropic"]);
  assert.strictEqual(provenanceProblem("confirmed", {id: "f", kind: "filing"}, parties), undefined);
  assert.strictEqual(provenanceProblem("confirmed", {id: "c", kind: "company", party: "aws"}, parties), undefined);
  assert.strictEqual(provenanceProblem("reported", {id: "p", kind: "press"}, parties), undefined);
  assert.strictEqual(provenanceProblem("estimate", {id: "s", kind: "secondary"}, parties), undefined);
  assert.strictEqual(provenanceProblem("assumption", {id: "e", kind: "editorial"}, parties), undefined);
  assert.match(provenanceProblem("confirmed", {id: "p", kind: "press"}, parties)!, /is confirmed but source "p" is press/);
  assert.match(provenanceProblem("reported", {id: "s", kind: "secondary"}, parties)!, /is reported but source "s" is secondary/);
  assert.match(provenanceProblem("reported", {id: "e", kind: "editorial"}, parties)!, /is reported but source "e" is editorial/);
  assert.match(
    provenanceProblem("confirmed", {id: "c", kind: "company", party: "google"}, parties)!,
    /not by a party to the deal \(amazon, anthropic, aws\)/
  );
  assert.match(provenanceProblem("confirmed", {id: "c", kind: "company"}, parties)!, /by no party/);
  // Outside a deal (a chip's specification) any organisation's own statement confirms.
  assert.strictEqual(provenanceProblem("confirmed", {id: "c", kind: "company"}, undefined), undefined);
});

it("checkFiles(a confirmed figure on a secondary copy) names the status, the source and the way out", () => {
  assert.deepStrictEqual(problemLines(editValid(D, PARTY, "  - {id: deal-source, kind: secondary,")).slice(0, 1), [
    `${DF}:20:46: tranches[0].amount.status: is confirmed but source "deal-source" is secondary (a mirror, reprint, aggregator, forum or blog summary), which backs only estimates and assumptions; confirmed needs a filing or a statement by a party to the deal: cite the primary or lower the status`
  ]);
});

it("checkFiles(a reported figure on a secondary copy) refuses it; an estimate on it passes", () => {
  const secondary = edit(editValid(D, PARTY, "  - {id: deal-source, kind: secondary,"), D, FIRST, FIRST.replace("confirmed", "reported"));
  const lines = problemLines(secondary);
  assert.include(lines[0], `${DF}:20:46: tranches[0].amount.status: is reported but source "deal-source" is secondary`);
  const estimate = edit(editValid(D, PARTY, "  - {id: deal-source, kind: secondary,"), D, FIRST, FIRST.replace("confirmed", "estimate"));
  assert.notInclude(problemLines(estimate).join("\n"), "tranches[0].amount.status");
});

it("checkFiles(a confirmed figure on a press report) asks for the primary or reported", () => {
  const lines = problemLines(editValid(D, PARTY, "  - {id: deal-source, kind: press,"));
  assert.strictEqual(
    lines[0],
    `${DF}:20:46: tranches[0].amount.status: is confirmed but source "deal-source" is press (a named outlet's report), which backs reported figures, not confirmed ones; confirmed needs a filing or a statement by a party to the deal: cite the primary or lower the status`
  );
  assert.notInclude(lines.join("\n"), "status: is reported");
});

it("checkFiles(a company statement by a company not party to the deal) refuses confirmed", () => {
  const files = edit(
    editValid("companies.yaml", "  - id: anthropic\n", "  - id: google\n    name: Google\n  - id: anthropic\n"),
    D,
    PARTY,
    "  - {id: deal-source, kind: company, party: google,"
  );
  assert.strictEqual(
    problemLines(files)[0],
    `${DF}:20:46: tranches[0].amount.status: is confirmed but source "deal-source" is a company statement by "google", not by a party to the deal (amazon, anthropic, aws); cite a party's statement or a filing, or lower the status to reported`
  );
});

it("checkFiles(a source without kind, an unknown party or a party on a press source) names the field", () => {
  assert.deepStrictEqual(problemLines(editValid(D, PARTY, "  - {id: deal-source,")), [
    `${DF}:11:5: sources[0].kind: must be one of filing, company, press, secondary, editorial (filing: a regulatory filing; company: an organisation's own statement; press: a named outlet's own report; secondary: a mirror, reprint, aggregator, forum or blog summary; editorial: this project's own method)`
  ]);
  assert.deepStrictEqual(problemLines(editValid(D, PARTY, "  - {id: deal-source, kind: company, party: nobody,")).slice(0, 1), [
    `${DF}:11:45: sources[0].party: unknown company "nobody" (add it to companies.yaml)`
  ]);
  assert.deepStrictEqual(problemLines(editValid("signals.yaml", "kind: press,", "kind: press, party: amazon,")), [
    "data/signals.yaml:2:45: sources[0].party: only a company statement or a filing has a party (this source is press)"
  ]);
});

it("checkFiles(a deal figure citing another file's source dated after the deal's asOf) asks to move asOf", () => {
  const files = edit(
    editValid(D, FIRST, FIRST.replace("status: confirmed, source: deal-source", "status: estimate, source: chip-source")),
    "chips.yaml",
    "date: 2025-01-01}",
    "date: 2026-07-01}"
  );
  assert.deepStrictEqual(problemLines(files), [
    `${DF}:20:64: tranches[0].amount.source: cites "chip-source" of 2026-07-01, after the deal's asOf (2026-06-30); move asOf forward`
  ]);
});

it("checkFiles(an option without the status of its answers) asks for it where the option is", () => {
  const option = (answers: string) =>
    `  chips: [trainium2]\n  options:\n    - {id: next, label: Next chips, exercisable: 2028-01-01, timing: Later, rights: A right, flexibility: Some, costOfWaiting: Some, status: confirmed, source: deal-source${answers}}\n`;
  assert.deepStrictEqual(problemLines(editValid(D, "hardware:\n  chips: [trainium2]\n", "hardware:\n" + option(""))), [
    `${DF}:60:7: hardware.options[0].answers: is required but missing`
  ]);
  const reading = ", answers: {status: assumption, source: deal-source, note: Our reading}";
  assert.deepStrictEqual(problemLines(editValid(D, "hardware:\n  chips: [trainium2]\n", "hardware:\n" + option(reading))), []);
});

it("checkFiles(an observation that names nothing, an unknown subject, a secondary source or a date past the deal's asOf) locates each", () => {
  assert.deepStrictEqual(problemLines(editValid("signals.yaml", "        deal: amazon-anthropic\n", "")), [
    "data/signals.yaml:11:9: signals[0].observations[0]: names neither a deal nor what it is about: add `deal:` or `about:` (companies or chips it concerns)"
  ]);
  assert.deepStrictEqual(problemLines(editValid("signals.yaml", "        deal: amazon-anthropic\n", "        about: [nobody]\n")), [
    'data/signals.yaml:15:17: signals[0].observations[0].about[0]: unknown company, chip or deal "nobody" (about: names what the observation concerns)'
  ]);
  assert.deepStrictEqual(
    problemLines(editValid("signals.yaml", "  - {id: signal-source, kind: press,", "  - {id: signal-source, kind: secondary,")),
    [
      'data/signals.yaml:14:17: signals[0].observations[0].source: "signal-source" is secondary: an observation needs a named outlet\'s own report, a company statement or a filing'
    ]
  );
  // About Anthropic, dated after Amazon → Anthropic's as-of: that deal's page would cite evidence newer than its date.
  const late = edit(
    editValid("signals.yaml", "      - date: 2025-10-29\n", "      - date: 2026-07-01\n"),
    "signals.yaml",
    "        deal: amazon-anthropic\n",
    "        about: [anthropic]\n"
  );
  assert.deepStrictEqual(problemLines(late), [
    "data/signals.yaml:11:15: signals[0].observations[0].date: is after the as-of date of amazon-anthropic (2026-07-01 > 2026-06-30), which it concerns; move that deal's asOf forward"
  ]);
});

it("checkFiles(a tranche marked rebate) keeps it out of the money invested and refuses it in a total", () => {
  const rebate = editValid(D, "    condition: Commercial milestones\n", "    condition: Commercial milestones\n    rebate: true\n");
  const {dataset, problems} = check(rebate);
  assert.deepStrictEqual(problems, []);
  const deal = dataset!.deals[0];
  assert.deepStrictEqual(
    deal.tranches.map((t) => t.id),
    ["t2023", "t2026"]
  );
  assert.deepStrictEqual(
    deal.rebates!.map((t) => t.id),
    ["t2026-milestones"]
  );
  const inTotal = editValid(D, "    firm: true\n  - id: t2026\n", "    firm: true\n    rebate: true\n  - id: t2026\n");
  assert.include(
    problemLines(inTotal).join("\n"),
    `${DF}:40:16: totals[0].tranches[0]: "t2023" is a rebate (the provider's own stock to the lab), not money invested; leave it out of totals`
  );
});
