// Hostile text end to end: a copy of data/ with XSS payloads in every text field is built (site and PDFs) and every
// page is loaded in the locked-down Chromium. Nothing may run, nothing may be dangerous in the DOM, nothing may be
// fetched, and the injected text must still read as text. The copy keeps half of the real deals (keepDeals): the
// founding deal, Google → Anthropic, and as few others as together hold every kind of deal field that any deal holds
// (coverDeals, checked below), so every hostile field's path through the pages is still taken, at half the CPU.
import {existsSync} from "node:fs";
import {mkdir, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {JSDOM} from "jsdom";
import {afterAll, assert, beforeAll, it} from "vitest";
import {parse, stringify} from "yaml";
import {type LockedBrowser, launchBrowser, lockedPage} from "../../src/cli/browser.js";
import {type SiteServer, serveSite} from "../../src/cli/serve.js";
import {cleanText} from "../../src/io/markdownHazard.js";
import {readDataset} from "../../src/io/readDataset.js";
import {ID, isIsoDate} from "../../src/io/schema.js";
import {drawDeferred} from "../browser/deferred.js";
import {pageLinks, pageTexts} from "../pdf/pdfText.js";
import {findDangers} from "./dangers.js";
import {type HostileData, NAME_SUFFIX, SUMMARY_LINE, writeHostileData, writeHostileSummaries} from "./hostileData.js";
import {LITERAL} from "./payloads.js";
import {chromiumProcesses, copyProject, deals, keepDeals, REPO, type Run} from "./project.js";

let project: string;
let out: string;
let hostile: HostileData;
/** The deals the hostile copy keeps, and the kinds of deal field (`profile.rights`, `sources[].title`) of all and of those. */
let kept: string[];
let kinds: {all: string[]; kept: string[]};
/** The market summary of the copy: the real one names deals the copy leaves out. */
const MARKET =
  "The data holds {{data.deals}} deals as of {{data.as-of}}. Anthropic commits {{amazon-anthropic.commitment.total}} to AWS.\n";
let build: Run;
let pdf: Run;
const BRIEFINGS = ["market", "deal-amazon-anthropic"];
let server: SiteServer;
let chromium: LockedBrowser;
/** Every page of the hostile build, visited once: path → what it ran, showed and fetched. */
const visits = new Map<string, Visit>();

interface Visit {
  dialogs: string[];
  dangers: string[];
  foreignScripts: string[];
  /** Error blocks, console errors, page errors, and "still loading" when the page never settled. */
  errors: string[];
  blocked: string[];
  text: string;
}

beforeAll(async () => {
  project = await copyProject("hostile");
  // Every deal's hostile fields, to choose the deals that hold every kind of field; then the copy's data cut to those.
  const every = await writeHostileData(join(REPO, "data"), join(project, "every-deal"));
  kept = coverDeals(every, ["amazon-anthropic", "google-anthropic"]);
  await keepDeals(project, kept, MARKET);
  hostile = await writeHostileData(join(project, "data"), join(project, "hostile-data"));
  kinds = {all: dealFieldKinds(every, () => true), kept: dealFieldKinds(hostile, (id) => kept.includes(id))};
  await writeHostileSummaries(join(project, "reports/summaries"));
  out = join(project, "out");
  // The site, then two of the briefings as PDFs (the market's, with every deal, and the founding deal's): all
  // eleven would double the time of this file.
  build = await deals(project, ["build", "--site-only", "--data", "hostile-data", "--out", out]);
  if (build.code !== 0) return;
  pdf = await deals(project, ["pdf", "--site", out, ...BRIEFINGS]);
  // Every page but the briefings' print layouts, of which the two printed stand for all (same components).
  const pages = (await readdir(out, {recursive: true}))
    .filter((f) => f.endsWith(".html"))
    .map((f) => `/${f.replace(/\.html$/, "").replace(/(^|\/)index$/, "")}`)
    .filter((path) => !path.startsWith("/briefings/") || BRIEFINGS.includes(path.slice("/briefings/".length)))
    .sort();
  server = await serveSite(out);
  chromium = await launchBrowser();
  // Three pages at a time: most of a visit is waiting.
  const queue = [...pages];
  const worker = async () => {
    for (let path = queue.shift(); path; path = queue.shift()) visits.set(path, await visit(path));
  };
  await Promise.all([worker(), worker(), worker()]);
}, 600_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  if (project) await rm(project, {recursive: true, force: true});
});

/** Returns the kinds of deal field (path with the list indexes dropped) of the deals `keep` accepts that `data` changed. */
function dealFieldKinds(data: HostileData, keep: (id: string) => boolean): string[] {
  const kinds = new Set<string>();
  for (const key of data.fields.keys()) {
    const m = /^deals\/([\w-]+)\.yaml#(.+)$/.exec(key);
    if (m && keep(m[1])) kinds.add(m[2].replace(/\[\d+\]/g, "[]"));
  }
  return [...kinds].sort();
}

/**
 * Returns `first` and then, greedily, the deal that adds the most kinds of field not yet held, until the deals hold
 * every kind any deal holds (ties: the first in name order).
 */
function coverDeals(data: HostileData, first: string[]): string[] {
  const byDeal = new Map<string, string[]>();
  for (const key of data.fields.keys()) {
    const m = /^deals\/([\w-]+)\.yaml#/.exec(key);
    if (m && !byDeal.has(m[1]))
      byDeal.set(
        m[1],
        dealFieldKinds(data, (id) => id === m[1])
      );
  }
  const chosen = [...first];
  const held = new Set(chosen.flatMap((id) => byDeal.get(id) ?? []));
  const all = new Set([...byDeal.values()].flat());
  while (held.size < all.size) {
    const gain = (id: string) => (byDeal.get(id) ?? []).filter((k) => !held.has(k)).length;
    const next = [...byDeal.keys()]
      .sort()
      .filter((id) => !chosen.includes(id))
      .reduce((a, b) => (gain(b) > gain(a) ? b : a));
    chosen.push(next);
    for (const kind of byDeal.get(next) ?? []) held.add(kind);
  }
  return chosen.sort();
}

/** Loads a page in a locked page and returns what it ran, showed and fetched. */
async function visit(path: string): Promise<Visit> {
  const {page, log, dispose} = await lockedPage(chromium.browser, server.origin);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  try {
    await page.setViewport({width: 1280, height: 900});
    await page.goto(`${server.origin}${path}`, {waitUntil: "load", timeout: 30_000});
    const settled = await page
      .waitForFunction(() => !document.querySelector("observablehq-loading"), {timeout: 10_000})
      .then(() => true)
      .catch(() => false);
    await new Promise((ok) => setTimeout(ok, 300));
    // Parts that draw only near the screen (the deal pages' topics) drawn as for print: the whole page is checked.
    if (settled) await drawDeferred(page);
    const dangers = await page.$eval("html", findDangers);
    const scripts = await page.$$eval("script", (nodes) => nodes.map((s) => ({src: s.getAttribute("src"), text: s.textContent ?? ""})));
    const built = await builtScripts(path);
    const foreignScripts = scripts
      .filter((s) =>
        s.src
          ? !built.sources.includes(s.src) || !existsSync(join(out, new URL(s.src, `${server.origin}${path}`).pathname))
          : !built.inline.includes(s.text)
      )
      .map((s) => s.src ?? s.text.slice(0, 80));
    const blocks = await page.$$eval(".observablehq--error", (nodes) => nodes.map((n) => n.textContent ?? ""));
    // The page's own content (not the sidebar); textContent, not innerText, which CSS upper-casing would change.
    // Glossary definitions (our own text, a tooltip inside a marked term) are left out: a term marked inside a data
    // label would otherwise split the label from the rest of its text.
    const text = await page
      .$eval("main", (main) => {
        const copy = main.cloneNode(true) as HTMLElement;
        for (const tip of copy.querySelectorAll(".term-tip")) tip.remove();
        return copy.textContent ?? "";
      })
      .catch(() => "");
    const errors = [...blocks, ...log.errors, ...(settled ? [] : ["still loading after 10 s"])];
    return {dialogs, dangers, foreignScripts, errors, blocked: log.blocked, text};
  } finally {
    await dispose();
  }
}

/** Returns the inline scripts and script sources that the built HTML file of `path` holds. */
async function builtScripts(path: string): Promise<{inline: string[]; sources: string[]}> {
  const html = await readFile(join(out, `${path === "/" ? "/index" : path}.html`), "utf-8");
  const inline: string[] = [];
  const sources: string[] = [];
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\bsrc="([^"]*)"/.exec(attributes)?.[1];
    if (src) sources.push(src);
    else inline.push(body);
  }
  return {inline, sources};
}

/** Returns `path: item` for every item of the given kind over every visited page. */
function across(kind: (v: Visit) => string[]): string[] {
  return [...visits].flatMap(([path, v]) => kind(v).map((item) => `${path}: ${item}`));
}

it("deals build and deals pdf (hostile text in every field) succeed, and leave no Chromium running", () => {
  assert.strictEqual(build.code, 0, build.stderr.slice(-3000));
  assert.strictEqual(pdf.code, 0, pdf.stderr.slice(-3000));
  assert.isAbove(visits.size, 10);
  assert.deepStrictEqual(chromiumProcesses(project), []);
});

it("every page of the hostile build runs no injected script, holds nothing dangerous and fetches nothing else", () => {
  assert.strictEqual(build.code, 0, "the build failed");
  assert.deepStrictEqual(
    across((v) => v.dialogs),
    [],
    "dialogs (an injected alert ran)"
  );
  assert.deepStrictEqual(
    across((v) => v.dangers),
    [],
    "dangerous elements or attributes"
  );
  assert.deepStrictEqual(
    across((v) => v.foreignScripts),
    [],
    "scripts that the build did not write"
  );
  assert.deepStrictEqual(
    across((v) => v.blocked),
    [],
    "requests refused by the renderer"
  );
});

it("every page of the hostile build renders with no error (hostile text breaks no chart or table)", () => {
  assert.strictEqual(build.code, 0, "the build failed");
  assert.deepStrictEqual(
    across((v) => v.errors),
    []
  );
});

it("the injected text reads as text: names and labels on the pages, and in the deal page's title", async () => {
  assert.strictEqual(build.code, 0, "the build failed");
  const overview = visits.get("/")?.text ?? "";
  assert.include(overview, `Amazon → Anthropic${NAME_SUFFIX}`, "deal name");
  assert.include(overview, `Google${NAME_SUFFIX} → Anthropic${NAME_SUFFIX}`, "company names in a deal card");
  assert.include(visits.get("/signals")?.text ?? "", `Capacity reality${NAME_SUFFIX}`, "signal label");
  const html = await readFile(join(out, "deals/amazon-anthropic.html"), "utf-8");
  // The sidebar links the deals index, not each deal: the name is in the page's title, escaped (src/cli/pageHeads.ts).
  assert.include(html, "<title>Amazon → Anthropic &lt;script&gt;alert(1)&lt;/script&gt;", "page title, escaped");
});

/** Returns text compared the way a reader reads it: invisible characters dropped (the build strips them), white space collapsed. */
const readable = (text: string) => cleanText(text).replace(/\s+/g, " ").trim();

/**
 * Returns, for the text of a page or PDF, every hostile field whose original text shows in it but not in full with
 * its payload: a payload that was cut, escaped twice, turned into markup or dropped. Only texts of 25 characters or
 * more are checked (shorter ones, "AWS", also occur inside other text); `squeeze` removes all white space (PDF text
 * extraction breaks lines anywhere).
 */
function unreadable(text: string, {squeeze = false, files = /./} = {}): string[] {
  const norm = (t: string) => (squeeze ? readable(t).replace(/\s+/g, "") : readable(t));
  const haystack = norm(text);
  // Two fields can hold the same text (one publisher cited from two files), each with a payload of its own: a page
  // that shows either shows the text, so the text is read in full when any of its fields' payloads is there.
  const shownInFull = new Set(
    [...hostile.fields.values()].filter(({after}) => haystack.includes(norm(after))).map(({before}) => norm(before))
  );
  return [...hostile.fields]
    .filter(([key, {before}]) => files.test(key) && readable(before).length >= 25 && haystack.includes(norm(before)))
    .filter(([key, {before}]) => !/#(?:summary|notes)$/.test(key) && !shownInFull.has(norm(before)))
    .map(([key, {after}]) => `${key}: ${readable(after).slice(0, 120)}`);
}

it("the hostile copy keeps fewer deals, which hold every kind of deal field that any of the real deals holds", () => {
  assert.includeMembers(kept, ["amazon-anthropic", "google-anthropic"]);
  assert.isBelow(kept.length, 10, "the copy keeps every deal: coverDeals saves nothing");
  assert.isAbove(kinds.all.length, 30, "kinds of deal field compared");
  assert.deepStrictEqual(kinds.kept, kinds.all);
});

it("writeHostileData(data) puts a payload in every text field of every data file (only ids, dates, addresses and keywords stay)", async () => {
  const unchanged: string[] = [];
  const visit = (before: unknown, after: unknown, where: string): void => {
    if (typeof before === "string") {
      if (before === after && !ID.test(before) && !isIsoDate(before) && !/^(?:https?:\/\/|docs\/|reports\/)/.test(before))
        unchanged.push(`${where}: ${before.slice(0, 60)}`);
    } else if (Array.isArray(before)) {
      for (const [i, item] of before.entries()) visit(item, (after as unknown[])[i], `${where}[${i}]`);
    } else if (before && typeof before === "object")
      for (const [k, v] of Object.entries(before)) visit(v, (after as Record<string, unknown>)[k], `${where}.${k}`);
  };
  // The copy's data (its deals cut to `kept`) against the hostile copy of it; coverDeals ran on the real data's.
  const yamlFiles = (await readdir(join(project, "data"), {recursive: true})).filter((f) => f.endsWith(".yaml"));
  assert.isAbove(yamlFiles.length, 6, "data files compared");
  for (const file of yamlFiles) {
    visit(
      parse(await readFile(join(project, "data", file), "utf-8")),
      parse(await readFile(join(project, "hostile-data", file), "utf-8")),
      file
    );
  }
  assert.deepStrictEqual(unchanged, [], "text fields the hostile data leaves alone (add their keys to TEXT_KEYS in hostileData.ts)");
  assert.isAbove(hostile.changed, 300);
});

it("every hostile text that a page shows reads in full, payload and all, as text", () => {
  assert.strictEqual(build.code, 0, "the build failed");
  const problems = [...visits].flatMap(([path, v]) => unreadable(v.text).map((p) => `${path}: ${p}`));
  assert.deepStrictEqual(problems, []);
  // Each kind of field is shown somewhere: deal pages show source titles, the signals page the evidence, the
  // methodology page the assumptions.
  const shown = (files: RegExp) =>
    [...visits].some(([, v]) =>
      [...hostile.fields].some(([key, {after}]) => files.test(key) && readable(v.text).includes(readable(after)))
    );
  assert.isTrue(shown(/^deals\/.+#sources\[\d+\]\.title$/), "a deal's source title");
  assert.isTrue(shown(/^signals\.yaml#signals\[\d+\]\.observations\[\d+\]\.text$/), "a signal's evidence");
  assert.isTrue(shown(/^assumptions\.yaml#assumptions\[\d+\]\.(label|description)$/), "an assumption");
  assert.isTrue(shown(/^chips\.yaml#chips\[\d+\]\.name$/), "a chip's name");
  assert.isTrue(shown(/^scenarios\.yaml#scenarios\[\d+\]\.(label|description)$/), "a scenario");
  assert.isTrue(shown(/^deals\/.+#profile\.\w+$/), "a deal's profile");
});

it("no built page holds an injected payload as markup; the dataset JSON round-trips every payload", async () => {
  assert.strictEqual(build.code, 0, "the build failed");
  const pages = (await readdir(out, {recursive: true})).filter((f) => f.endsWith(".html"));
  assert.includeMembers(pages, ["index.html", "deals/amazon-anthropic.html", "briefings/market.html"], "pages checked");
  for (const file of pages) {
    const html = await readFile(join(out, file), "utf-8");
    assert.notInclude(html, LITERAL, file);
    // In the markup, not the text: the pages' first screen is in their HTML, so a payload shown as text (escaped,
    // `&lt;img onerror=…&gt;`) is there too, as it should be; an event handler or a javascript: address must not be.
    assert.deepStrictEqual(dangerousMarkup(html), [], file);
  }
  // The home page's own file (src/site/topicPage.ts): its dataset, with every deal up to a dozen.
  const json = (await readdir(join(out, "_file/data/pages"))).find((f) => /^index\.[0-9a-f]+\.json$/.test(f))!;
  const {data: dataset} = JSON.parse(await readFile(join(out, "_file/data/pages", json), "utf-8"));
  const deal = dataset.deals.find((d: {id: string}) => d.id === "amazon-anthropic");
  assert.strictEqual(deal.name, `Amazon → Anthropic${NAME_SUFFIX}`);
  assert.include(deal.summary, "</script><script>alert(1)</script>");
  assert.notInclude(deal.summaryHtml, "<script");
});

/** The event-handler attributes and javascript: values of a page's elements, as the browser's parser reads them. */
function dangerousMarkup(html: string): string[] {
  const {document} = new JSDOM(html).window;
  return [...document.querySelectorAll("*")].flatMap((element) =>
    [...element.attributes]
      .filter((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value))
      .map((a) => `<${element.localName} ${a.name}="${a.value.slice(0, 80)}">`)
  );
}

it("the PDF briefings of the hostile build show the names as text and no local file", async (context) => {
  assert.strictEqual(build.code, 0, "the build failed");
  const dir = join(out, "briefings");
  const pdfs = existsSync(dir) ? (await readdir(dir)).filter((f) => f.endsWith(".pdf")) : [];
  if (!pdfs.length && /no briefing pages/.test(pdf.stderr)) context.skip("the site has no briefing pages yet");
  assert.deepStrictEqual(pdfs.sort(), BRIEFINGS.map((b) => `${b}.pdf`).sort());
  for (const file of pdfs) {
    const text = (await pageTexts(join(dir, file))).join("\n");
    assert.notInclude(text, "root:x:", file);
    // Text extraction may break lines inside a name: compare without white space.
    const squeezed = text.replace(/\s+/g, "");
    assert.include(squeezed, `Amazon→Anthropic${LITERAL.replace(/\s+/g, "")}`, file);
    assert.include(squeezed, SUMMARY_LINE.replace(/\s+/g, ""), `${file}: the executive summary's hostile line`);
    assert.deepStrictEqual(unreadable(text, {squeeze: true}), [], file);
    // Links go to http(s) addresses or within the document; none runs a script or opens a file.
    const links = await pageLinks(join(dir, file));
    assert.deepStrictEqual(
      links.filter((link) => !/^(?:https?:\/\/|mailto:|#)/.test(link)),
      [],
      file
    );
    const bytes = await readFile(join(dir, file), "latin1");
    assert.notMatch(bytes, /\/(?:JavaScript|JS|Launch|SubmitForm|ImportData)\b/, `${file}: a PDF action that runs something`);
  }
  // The deal's briefing prints its sources' titles, payloads and all.
  const deal = (await pageTexts(join(dir, "deal-amazon-anthropic.pdf"))).join(" ");
  const titles = [...hostile.fields].filter(([key]) => /^deals\/amazon-anthropic\.yaml#sources\[\d+\]\.title$/.test(key));
  assert.isAbove(titles.filter(([, {after}]) => deal.replace(/\s+/g, "").includes(readable(after).replace(/\s+/g, ""))).length, 2);
  assert.deepStrictEqual(chromiumProcesses(project), []);
});

it("readDataset(data with a javascript:, data:, vbscript:, file: or quoted source URL) refuses it with its line", async () => {
  const dir = join(project, "bad-url");
  await mkdir(join(dir, "deals"), {recursive: true});
  for (const name of ["companies", "chips", "assumptions", "scenarios", "signals"]) {
    await writeFile(join(dir, `${name}.yaml`), await readFile(join(REPO, "data", `${name}.yaml`)));
  }
  const deal = parse(await readFile(join(REPO, "data/deals/amazon-anthropic.yaml"), "utf-8"));
  const urls = [
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    'https://x.example/"onmouseover="alert(1)',
    "//attacker.example/x",
    " https://x.example"
  ];
  urls.forEach((url, i) => {
    deal.sources[i].url = url;
  });
  await writeFile(join(dir, "deals/amazon-anthropic.yaml"), stringify(deal));
  const {dataset, problems} = await readDataset(dir);
  assert.isUndefined(dataset);
  const urlProblems = problems.filter((p) => /^sources\[\d+\]\.url$/.test(p.field));
  assert.deepStrictEqual(
    urlProblems.map((p) => p.field),
    urls.map((_, i) => `sources[${i}].url`)
  );
  for (const p of urlProblems) {
    assert.match(p.message, /must be an http\(s\) address/);
    assert.isAbove(p.line, 0);
  }
});
