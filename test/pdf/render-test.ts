// The PDF briefings as `deals build` writes them (built once for the site tests, in test/setup/site.ts). That the
// bytes are reproducible, incremental-test's clean build in another folder, time zone and locale shows.
import {execFileSync, spawnSync} from "node:child_process";
import {existsSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import {PDFDocument, PDFName} from "pdf-lib";
import {assert, beforeAll, describe, it} from "vitest";
import {readOutline} from "../../src/cli/pdf/outline.js";
import {renderBriefings} from "../../src/cli/pdf.js";
import {listDeals} from "../../src/io/dealIndex.js";
import {briefingPaths} from "../../src/site/briefings.js";
import {briefingReadings, builtSite} from "../setup/builtSite.js";
import {pageFills, pageTexts, popplerReading} from "./pdfText.js";

const siteDir = await builtSite();
const out = join(siteDir, "briefings");
const names = briefingPaths("data").map((path) => path.slice("/briefings/".length));
const titles = new Map([["market", "AI compute mega-deals"], ...listDeals("data").map((d): [string, string] => [`deal-${d.id}`, d.name])]);
const FOUNDING = ["$5B", "$13B", "over $100B", "up to 5 GW"];

/** Each briefing's page texts and fills as pdftotext read them (popplerReading), once for the run's files, right after the build. */
const readings = await briefingReadings(siteDir);
const texts = new Map<string, string[]>();
beforeAll(() => {
  for (const name of names) if (existsSync(join(out, `${name}.pdf`))) texts.set(name, readings[name].texts);
});

/**
 * Each briefing parsed by pdf-lib once, for the three checks that read its metadata and bookmarks (they only read it:
 * a 30-page briefing takes a few hundred ms to parse, 33 parses in all before).
 */
const docs = new Map<string, Promise<PDFDocument>>();
const load = (name: string): Promise<PDFDocument> => {
  if (!docs.has(name)) docs.set(name, PDFDocument.load(readFileSync(join(out, `${name}.pdf`)), {updateMetadata: false}));
  return docs.get(name)!;
};

// The checks below read the briefings through popplerReading (pdftotext, a seventh of pdfjs's CPU): here, on one
// briefing, it reads what pdfjs reads. pdfjs and pdftotext space two touching text runs differently, so the texts are
// compared without their white space; a fill may differ by the descenders' height (≈ 0.3% of a page, 1.2% at most on
// the eleven in s17).
it("pdftotext reads a briefing as pdfjs does: the same characters on every page in the same order, each page as full within 2%", async () => {
  const file = join(out, "deal-amd-openai.pdf");
  const poppler = popplerReading(file);
  const squeeze = (texts: string[]) => texts.map((t) => t.replace(/\s/g, ""));
  const pdfjs = await pageTexts(file);
  assert.isAbove(pdfjs.length, 2);
  assert.deepStrictEqual(squeeze(poppler.texts), squeeze(pdfjs));
  const fills = await pageFills(file);
  assert.lengthOf(poppler.fills, fills.length);
  for (const [i, fill] of fills.entries()) assert.approximately(poppler.fills[i], fill, 0.02, `page ${i + 1}`);
});

it("deals build writes the market briefing and one briefing per deal file", () => {
  const deals = readdirSync("data/deals").map((f) => f.replace(/\.ya?ml$/, ""));
  assert.deepStrictEqual([...names].sort(), ["market", ...deals.map((d) => `deal-${d}`)].sort());
  assert.includeMembers(names, ["market", "deal-amazon-anthropic"], "the briefings every `it.each` below checks");
  const pdfs = readdirSync(out).filter((f) => f.endsWith(".pdf"));
  assert.deepStrictEqual(pdfs.sort(), names.map((n) => `${n}.pdf`).sort());
  assert.deepStrictEqual(
    readdirSync(out).filter((f) => f.endsWith(".partial")),
    []
  );
});

describe("every briefing", () => {
  it.each(names)("%s has a cover, contents, at least 3 pages and no empty page", (name) => {
    const pages = texts.get(name)!;
    assert.isAtLeast(pages.length, 3);
    assert.include(pages[0], "Data as of");
    assert.include(pages[0], "Data version");
    assert.include(pages[1], "Contents");
    // Page 1 ends on its own page: a call that runs long printed its closing paragraph over page 2's contents (critic s8 H4).
    const closing = "Every figure traces to a sourced fact";
    assert.include(pages[0].replace(/\s+/g, " "), closing, `${name}: page 1 does not end on page 1`);
    assert.notInclude(pages[1].replace(/\s+/g, " "), closing, `${name}: page 1 runs onto page 2`);
    pages.forEach((text, i) => {
      // A page holds more than its running header and "Page X of Y".
      const body = text
        .replace(/Page \d+ of \d+/, "")
        .replace("compute-deals", "")
        .replace(/Data as of \d+ \w+ \d{4}/, "");
      assert.isAbove(body.trim().length, 80, `page ${i + 1} of ${name} looks empty: ${text}`);
      if (i > 0) assert.include(text, `Page ${i + 1} of ${pages.length}`);
      for (const leftover of ["{{", "undefined", "NaN", "[object Object]", "observablehq"])
        assert.notInclude(text, leftover, `page ${i + 1} of ${name}`);
    });
  });

  it.each(names)("%s has no card whose figure runs past the card's edge (as the renderer measured it in print)", (name) => {
    // The renderer measures every card in print layout before printing (src/cli/pdf/pageChecks.ts) and warns for each
    // whose content is wider than its box ("about 41.7 GW-years" cut at the card's edge, critic s8 M9); the test
    // build's report holds those warnings, so no page is laid out again here.
    const report = readFileSync(`${siteDir}.log`, "utf-8");
    assert.match(report, new RegExp(`pdf: ${name}\\.pdf: \\d+ pages`), `${name}: the build's report has no line for it`);
    const overflows = report.split("\n").filter((line) => line.includes(`warning: ${name}: a card's content overflows its box`));
    assert.deepStrictEqual(overflows, [], name);
  });

  it.each(names)("%s has its title, subject, author, language and fixed dates", async (name) => {
    const doc = await load(name);
    assert.strictEqual(doc.getTitle(), titles.get(name));
    assert.strictEqual(doc.getAuthor(), "compute-deals");
    assert.match(doc.getSubject() ?? "", /Data as of .+, data version [0-9a-f]{12}/);
    assert.strictEqual(doc.catalog.lookup(PDFName.of("Lang"))?.toString(), "(en-US)");
    // Dated by its own data file's as-of (a deal's briefing: the deal's), so a change elsewhere leaves it unchanged.
    const dir = join(siteDir, "_file/data/briefings");
    const asOf = JSON.parse(readFileSync(join(dir, readdirSync(dir).find((f) => f.startsWith(`${name}.`))!), "utf-8")).asOf;
    const expected = process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000) : new Date(`${asOf}T00:00:00Z`);
    assert.strictEqual(doc.getCreationDate()?.toISOString(), expected.toISOString());
    assert.strictEqual(doc.getModificationDate()?.toISOString(), expected.toISOString());
  });

  it.each(names)("%s has a bookmark for every part in the contents, on the page the contents give", async (name) => {
    const outline = readOutline(await load(name));
    const contents = texts.get(name)![1];
    for (const title of ["Contents", "Executive summary", "Sources"])
      assert.isTrue(
        outline.some((b) => b.title === title),
        `${name}: bookmark "${title}"`
      );
    const parts = outline.filter((b) => b.depth === 1 && b.title !== "Contents");
    assert.isAtLeast(parts.length, 2, `${name}: parts in the outline`);
    for (const part of parts) {
      // The contents line reads "<title> … <page>".
      assert.include(contents, `${part.title} ${part.page}`, `${name}: contents entry for "${part.title}"`);
    }
  });
});

describe("every briefing reads as a research note", () => {
  // Field keys ("capacity.itMw"), lineage ids ("assumption:pue"), remarks about the data files or the chip table.
  const DEVELOPER = [
    /\b(?:capacity|commitment|recycling|options|roadmap|signals)\.[a-z]+[A-Z][A-Za-z]*\b/,
    /\b(?:capacity|commitment)\.(?:gw|h100e)\b/,
    /\b(?:assumption|chip|yardstick):[a-z0-9-]+/,
    /data files?/i,
    /chip table/i
  ];

  it.each(names)("%s prints no field key, lineage id or remark about the data files", (name) => {
    texts.get(name)!.forEach((text, i) => {
      for (const pattern of DEVELOPER) assert.notMatch(text, pattern, `page ${i + 1} of ${name}`);
    });
  });

  it.each(names)("%s bookmarks its title and its parts only, each a heading of the contents", async (name) => {
    const outline = readOutline(await load(name));
    const contents = texts.get(name)![1];
    assert.strictEqual(outline[0]?.title, titles.get(name));
    assert.deepStrictEqual(
      outline.filter((b) => b.depth > 1),
      [],
      `${name}: bookmarks below the parts`
    );
    for (const b of outline.slice(1)) {
      assert.strictEqual(b.depth, 1, `${name}: "${b.title}"`);
      assert.include(contents, b.title, `${name}: bookmark "${b.title}" is not a part in the contents`);
      for (const pattern of DEVELOPER) assert.notMatch(b.title, pattern, `${name}: bookmark "${b.title}"`);
    }
    assert.isAtMost(outline.length, 16, `${name}: ${outline.length} bookmarks`);
  });

  it.each(names)("%s numbers its charts 1, 2, 3… in order, each with a source line beneath", (name) => {
    const text = texts.get(name)!.join(" ");
    const numbers = [...text.matchAll(/Figure (\d+)\. /g)].map((m) => Number(m[1]));
    assert.isAbove(numbers.length, 0, `${name} has no numbered chart`);
    assert.deepStrictEqual(
      numbers,
      numbers.map((_, i) => i + 1),
      name
    );
    // Each figure's source line comes after its title and before the next figure's.
    const pieces = text.split(/Figure \d+\. /).slice(1);
    pieces.forEach((piece, i) => {
      assert.match(piece, /Source: \S/, `${name}: Figure ${i + 1} has no source line`);
    });
  });

  it.each(names)("%s has no page under a third full except its last", async (name) => {
    const fills = readings[name].fills;
    const thin = fills.slice(0, -1).flatMap((fill, i) => (fill < 1 / 3 ? [`page ${i + 1}: ${Math.round(fill * 100)}%`] : []));
    assert.deepStrictEqual(thin, [], name);
  });
});

it("every deal briefing prints its risks, scenarios, peers and disclosures, with its publication date", () => {
  for (const name of names.filter((n) => n !== "market")) {
    const text = texts.get(name)!.join(" ");
    for (const heading of ["Risks, scenarios and peers", "Risks", "Methodology and disclosures"]) assert.include(text, heading, name);
    assert.match(text, /Published\s+\d{1,2} [A-Z][a-z]{2} \d{4}/, name);
    // Every scenario the data holds is a column, or the deal says in one line why none moves it; the peers likewise. A
    // deal with neither says both in one line under its risks, with no heading over an empty part (critic s8 M12).
    const neither =
      /No bull, base and bear table and no peer box for .+: .+, so no scenario moves any of its figures, and it has none of the figures the deals are compared on/;
    if (!neither.test(text)) {
      assert.match(text, /Bull, base and bear[\s\S]*(?:Base case[\s\S]*Bear economics|No scenario moves a figure of)/, name);
      assert.include(text, "Against its peers", name);
    } else assert.notMatch(text, /Bull, base and bear|Against its peers/, name);
  }
});

it("the market briefing prints the overview of every deal and the deal briefings their overview", () => {
  assert.include(texts.get("market")!.join(" "), "The deals at a glance");
  for (const name of names.filter((n) => n !== "market")) assert.include(texts.get(name)!.join(" "), "The deal at a glance");
});

// That the site shows the same figures is site-test's ("the overview shows the founding figures with their bounds",
// the same four on the overview's visit) and, for every deal's headline figures, its one-truth checks (site ↔ PDF ↔
// deals project --json, test/browser/consistency.ts): this test no longer launches a browser of its own for them.
it("the founding deal's briefing prints the founding figures the site shows", () => {
  const pdf = texts.get("deal-amazon-anthropic")!.join(" ");
  for (const figure of FOUNDING) assert.include(pdf, figure, "PDF");
  // The executive summary states them too, from the placeholders.
  const summary = texts.get("deal-amazon-anthropic")![1];
  for (const figure of FOUNDING) assert.include(summary, figure, "summary");
});

const hasPdffonts = spawnSync("pdffonts", ["-v"]).status === 0;
it.skipIf(!hasPdffonts)("every font in the briefings is embedded (pdffonts)", () => {
  for (const name of names) {
    const rows = execFileSync("pdffonts", [join(out, `${name}.pdf`)], {encoding: "utf-8"})
      .split("\n")
      .slice(2)
      .filter(Boolean);
    assert.isAbove(rows.length, 0);
    for (const row of rows) assert.match(row, /\syes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/, `${name}: not embedded: ${row}`);
  }
});

it("renderBriefings({names, paper: letter}) renders those briefings on US Letter with nothing cut at the page edge", async () => {
  const letter = ".build/test-pdf-letter";
  rmSync(letter, {recursive: true, force: true});
  const lines: string[] = [];
  try {
    const summary = await renderBriefings({
      site: siteDir,
      out: letter,
      names: ["market"],
      paper: "letter",
      log: (line) => lines.push(line),
      interactive: false
    });
    assert.deepStrictEqual(
      summary.documents.map((d) => d.name),
      ["market"]
    );
    for (const d of summary.documents) assert.deepStrictEqual(d.warnings, [], `${d.name}: ${d.warnings.join("; ")}`);
    const doc = await PDFDocument.load(readFileSync(join(letter, "market.pdf")), {updateMetadata: false});
    // US Letter is 8.5 × 11 in = 612 × 792 pt; the cover is portrait.
    assert.deepStrictEqual(doc.getPage(0).getSize(), {width: 612, height: 792});
    assert.deepStrictEqual(readdirSync(letter), ["market.pdf"]);
    assert.isTrue(
      lines.some((line) => /^pdf: 1 briefing, \d+ pages in [\d.]+ s/.test(line)),
      lines.join("\n")
    );
  } finally {
    rmSync(letter, {recursive: true, force: true});
  }
});
