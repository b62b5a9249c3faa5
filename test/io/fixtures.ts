/**
 * A small valid dataset written inline, and helpers to mutate it and check it. Tests assert exact line numbers
 * in these texts, so edit them only together with the tests that depend on them.
 */
import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {ASSUMPTION_IDS} from "../../src/core/assumptions.js";
import {type CheckResult, checkFiles} from "../../src/io/dataset.js";
import {formatProblem} from "../../src/io/problem.js";

/** Data files by path relative to the data folder: text, or raw bytes for encoding tests. */
export type Files = Record<string, string | Uint8Array>;

const companies = `# Parties to the deals.
companies:
  - id: amazon
    name: Amazon
  - id: aws
    name: AWS
    parent: amazon
  - id: anthropic
    name: Anthropic
`;

const chips = `sources:
  - {id: chip-source, kind: company, party: aws,
     title: Trainium2 specification,
     url: https://example.com/trainium2,
     date: 2025-01-01}
chips:
  - id: trainium2
    name: Trainium2
    vendor: AWS
    line: trainium
    available: {date: 2024-12-03, status: confirmed, source: chip-source}
    flops:
      bf16: {value: 0.667, unit: pflops, status: confirmed, source: chip-source}
    itKw: {value: 1.2, unit: kw, status: estimate, source: chip-source}
    perServer: 64
    serverName: Trn2 UltraServer
`;

/** [id, unit, low, base, high] for every id in ASSUMPTION_IDS, in that order, and the AWS margin. */
const ASSUMPTION_ROWS: [string, string, number, number, number][] = [
  ["pue", "ratio", 1.1, 1.2, 1.4],
  ["load-factor", "fraction", 0.6, 0.75, 0.9],
  ["capex-per-gw", "usd-bn-per-gw", 35, 45, 60],
  ["it-share", "fraction", 0.5, 0.6, 0.7],
  ["it-life", "years", 4, 5, 6],
  ["facility-life", "years", 15, 20, 25],
  ["power-price", "usd-per-mwh", 50, 70, 100],
  ["margin-aws", "fraction", 0.1, 0.25, 0.35],
  ["revenue-per-gw-year", "usd-bn-per-gw-year", 7, 10, 13],
  ["discount-rate", "fraction", 0.08, 0.1, 0.12],
  ["slip-months", "months", 0, 3, 12],
  ["contingent-probability", "fraction", 0.3, 0.5, 0.8],
  ["option-volatility", "fraction", 0.3, 0.5, 0.8],
  ["generation-gain", "ratio", 1.5, 2, 3],
  ["generation-years", "years", 1, 2, 3],
  ["building-mw", "mw", 50, 100, 200],
  ["spend-ramp-years", "years", 2, 3, 5],
  ["opex-per-gw-year", "usd-bn-per-gw-year", 0.15, 0.26, 0.6],
  ["credit-share", "fraction", 0, 0, 0.5],
  ["next-gen-price-ratio", "ratio", 1.33, 1.6, 2],
  ["chip-content-share", "fraction", 0.56, 0.74, 1],
  ["risk-free-rate", "fraction", 0.035, 0.0357, 0.0425],
  ["it-renewal-share", "fraction", 0, 0.5, 0.6],
  ["facility-rent-per-gw-year", "usd-bn-per-gw-year", 0.6, 1.4, 1.9],
  ["old-kit-price-share", "fraction", 0.3, 0.7, 1],
  ["asset-charge-rate", "fraction", 0, 0.005, 0.015],
  ["build-months", "months", 12, 24, 43]
];
// The rows are ASSUMPTION_IDS plus the fixture deal's provider margin (margin-aws, where provider-margin was).
if (
  ASSUMPTION_ROWS.map((row) => row[0])
    .filter((id) => id !== "margin-aws")
    .join() !== ASSUMPTION_IDS.join()
)
  throw new Error("fixture out of date with ASSUMPTION_IDS");

/** assumptions.yaml: sources on lines 1–5, `assumptions:` on line 6, then one line per assumption (pue on line 7). */
const assumptions = `sources:
  - {id: assumption-source, kind: editorial,
     title: Analyst estimates,
     url: https://example.com/estimates,
     date: 2025-06-01}
assumptions:
${ASSUMPTION_ROWS.map(
  ([id, unit, low, base, high]) =>
    `  - {id: ${id}, label: ${id}, unit: ${unit}, low: ${low}, base: ${base}, high: ${high}, distribution: triangular, status: assumption, source: assumption-source, description: The ${id} factor}`
).join("\n")}
`;

const scenarios = `scenarios:
  - id: base
    label: Base case
    description: Every assumption at its base value.
    ramp: s-curve
    overrides: {}
  - id: slip
    label: Slip
    description: A year late.
    ramp: linear
    overrides:
      slip-months: 12
`;

const signals = `sources:
  - {id: signal-source, kind: press,
     title: Project Rainier goes live,
     url: https://example.com/rainier,
     date: 2025-10-29}
signals:
  - id: rainier-online
    label: Rainier online
    question: Is the first Trainium2 cluster running?
    observations:
      - date: 2025-10-29
        status: on-track
        text: Project Rainier went live.
        source: signal-source
        deal: amazon-anthropic
`;

const deal = `id: amazon-anthropic
name: Amazon → Anthropic
investors: [amazon]
lab: anthropic
provider: aws
announced: 2026-04-20
status: active
asOf: 2026-06-30
summary: Amazon invests **$9B** firm; Anthropic commits over $100B to AWS.
sources:
  - {id: deal-source, kind: company, party: anthropic,
     title: Anthropic and Amazon expand compute partnership,
     url: https://www.anthropic.com/news/anthropic-amazon-compute,
     date: 2026-04-20}
tranches:
  - id: t2023
    label: First four billion
    date: 2023-09-25
    investor: amazon
    amount: {value: 4, unit: usd-bn, status: confirmed, source: deal-source}
    firm: true
  - id: t2026
    label: Fresh investment
    date: 2026-04-20
    investor: amazon
    amount: {value: 5, unit: usd-bn, status: confirmed, source: deal-source}
    firm: true
  - id: t2026-milestones
    label: Milestone tranches
    date: 2026-04-20
    investor: amazon
    amount: {value: 20, unit: usd-bn, status: reported, bound: up-to, source: deal-source}
    firm: false
    condition: Commercial milestones
totals:
  - id: firm-total
    label: Firm total
    amount: {value: 9, unit: usd-bn, status: confirmed, source: deal-source}
    tranches: [t2023, t2026]
commitments:
  - id: aws-spend
    label: Spend on AWS
    amount: {value: 100, unit: usd-bn, status: confirmed, bound: at-least, source: deal-source}
    years: {value: 10, unit: years, status: confirmed, source: deal-source}
    start: 2026-04-20
    platform: AWS technologies
capacity:
  ceiling: {value: 5, unit: gw, status: confirmed, bound: up-to, source: deal-source}
  schedule:
    - id: end-2026
      by: 2026-12-31
      gw: {value: 1, unit: gw, status: confirmed, bound: about, source: deal-source}
    - id: by-2028
      by: 2028-12-31
      gw: {value: 5, unit: gw, status: reported, bound: up-to, source: deal-source}
  chips: [trainium2]
hardware:
  chips: [trainium2]
governance:
  stake: {value: 0.15, unit: fraction, status: estimate, source: deal-source}
  boardSeat: {value: false, status: confirmed, source: deal-source}
valuations:
  - id: series-f
    date: 2025-09-02
    round: Series F
    postMoney: {value: 183, unit: usd-bn, status: confirmed, source: deal-source}
  - id: series-g
    date: 2026-02-12
    round: Series G
    postMoney: {value: 380, unit: usd-bn, status: confirmed, source: deal-source}
profile:
  capacityLanguage: Up to 5 GW
  hardwareAngle: Trainium
  governancePosture: Minority, no board seat
  strategicIntent: Anchor tenant for Trainium
notes: |
  The $100B is a headline figure.
`;

/** yardsticks.yaml (optional in a dataset): the source on lines 1–5, `yardsticks:` on line 6, one yardstick from line 7. */
export const YARDSTICKS = `sources:
  - {id: yardstick-source, kind: company,
     title: Data-centre electricity use,
     url: https://example.com/energy,
     date: 2025-04-01}
yardsticks:
  - id: us-data-centres-2024
    label: the electricity all US data centres used
    value: 183
    unit: twh-per-year
    year: 2024
    status: confirmed
    source: yardstick-source
`;

/** Returns a fresh copy of the valid fixture dataset: one deal, one chip, every assumption, two scenarios. */
export function validFiles(): Files {
  return {
    "companies.yaml": companies,
    "chips.yaml": chips,
    "assumptions.yaml": assumptions,
    "scenarios.yaml": scenarios,
    "signals.yaml": signals,
    "deals/amazon-anthropic.yaml": deal
  };
}

/**
 * Returns `files` with the text of `relative` edited: `from` (which must occur exactly once, so a stale edit
 * fails loudly instead of testing nothing) replaced by `to`.
 */
export function edit(files: Files, relative: string, from: string, to: string): Files {
  const text = files[relative];
  if (typeof text !== "string") throw new Error(`no text file ${relative}`);
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`${JSON.stringify(from)} occurs ${count} times in ${relative}`);
  return {...files, [relative]: text.replace(from, () => to)};
}

/** Returns the valid fixture with one edit applied (see {@link edit}). */
export function editValid(relative: string, from: string, to: string): Files {
  return edit(validFiles(), relative, from, to);
}

/** Checks `files` as the data folder `data`; strings are passed as UTF-8 bytes, as read from disk. */
export function check(files: Files): CheckResult {
  const raw = Object.entries(files).map(([relative, content]) => ({
    relative,
    bytes: typeof content === "string" ? new TextEncoder().encode(content) : content
  }));
  return checkFiles(raw, "data");
}

/** Returns every problem of `files` formatted as `path:line:col: field: message`. */
export function problemLines(files: Files): string[] {
  return check(files).problems.map(formatProblem);
}

/** Writes `files` into a new temporary folder and returns its path. */
export function writeFixture(files: Files): string {
  const dir = mkdtempSync(join(tmpdir(), "deals-data-"));
  for (const [relative, content] of Object.entries(files)) {
    const path = join(dir, relative);
    mkdirSync(dirname(path), {recursive: true});
    writeFileSync(path, content);
  }
  return dir;
}
