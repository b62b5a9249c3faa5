// Hostile text end to end: a copy of data/ with XSS payloads in every text field is built (site and PDFs) and every
// page is loaded in the locked-down Chromium. Nothing may run, nothing may be dangerous in the DOM, nothing may be
// fetched, and the injected text must still read as text.
import {existsSync} from "node:fs";
import {mkdir, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {parse, stringify} from "yaml";
import {afterAll, assert, beforeAll, it} from "vitest";
import {type LockedBrowser, launchBrowser, lockedPage} from "../../src/cli/browser.js";
import {type SiteServer, serveSite} from "../../src/cli/serve.js";
import {readDataset} from "../../src/io/readDataset.js";
import {pageTexts} from "../pdf/pdfText.js";
import {findDangers} from "./dangers.js";
import {NAME_SUFFIX, writeHostileData} from "./hostileData.js";
import {LITERAL} from "./payloads.js";
import {chromiumProcesses, copyProject, deals, REPO, type Run} from "./project.js";

let project: string;
let out: string;
let build: Run;
let server: SiteServer;
let chromium: LockedBrowser;
let pages: string[] = [];

beforeAll(async () => {
  project = await copyProject("hostile");
  await writeHostileData(join(REPO, "data"), join(project, "hostile-data"));
  out = join(project, "out");
  build = await deals(project, ["build", "--data", "hostile-data", "--out", out]);
  if (build.code !== 0) return;
  pages = (await readdir(out, {recursive: true}))
    .filter((f) => f.endsWith(".html"))
    .map((f) => `/${f.replace(/\.html$/, "").replace(/(^|\/)index$/, "")}`)
    .sort();
  server = await serveSite(out);
  chromium = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  if (project) await rm(project, {recursive: true, force: true});
});

it("deals build (hostile text in every field) succeeds, and leaves no Chromium running", () => {
  assert.strictEqual(build.code, 0, build.stderr.slice(-3000));
  assert.isAbove(pages.length, 10);
  assert.deepStrictEqual(chromiumProcesses(project), []);
});

/** Loads a page in a locked page and returns what it ran, showed and fetched. */
async function visit(path: string) {
  const {page, log, dispose} = await lockedPage(chromium.browser, server.origin);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  try {
    await page.setViewport({width: 1280, height: 900});
    await page.goto(`${server.origin}${path}`, {waitUntil: "load", timeout: 30_000});
    await page.waitForFunction(() => !document.querySelector("observablehq-loading"), {timeout: 30_000});
    await new Promise((ok) => setTimeout(ok, 300));
    const dangers = await page.$eval("html", findDangers);
    const scripts = await page.$$eval("script", (nodes) => nodes.map((s) => ({src: s.getAttribute("src"), text: s.textContent ?? "", type: s.type})));
    // textContent, not innerText: a kicker's CSS upper-casing would change what innerText reads.
    const text = await page.$eval("body", (body) => body.textContent ?? "");
    return {dialogs, dangers, scripts, text, log};
  } finally {
    await dispose();
  }
}

/** Returns the inline scripts and script sources that the built HTML file of `path` holds. */
async function builtScripts(path: string): Promise<{inline: string[]; sources: string[]}> {
  const file = join(out, `${path === "/" ? "/index" : path}.html`);
  const html = await readFile(file, "utf-8");
  const inline: string[] = [];
  const sources: string[] = [];
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\bsrc="([^"]*)"/.exec(attributes)?.[1];
    if (src) sources.push(src);
    else inline.push(body);
  }
  return {inline, sources};
}

it("every page of the hostile build runs no injected script, holds nothing dangerous and fetches nothing else", async () => {
  assert.strictEqual(build.code, 0, "the build failed");
  const problems: string[] = [];
  for (const path of pages) {
    const {dialogs, dangers, scripts, log} = await visit(path);
    const built = await builtScripts(path);
    for (const d of dialogs) problems.push(`${path}: dialog ${d}`);
    for (const d of dangers) problems.push(`${path}: ${d}`);
    for (const b of log.blocked) problems.push(`${path}: blocked request ${b}`);
    for (const e of log.errors) problems.push(`${path}: error ${e}`);
    for (const s of scripts) {
      const fromBuild = s.src ? built.sources.includes(s.src) && existsSync(join(out, new URL(s.src, `${server.origin}${path}`).pathname)) : built.inline.includes(s.text);
      if (!fromBuild) problems.push(`${path}: script not from the build: ${s.src ?? s.text.slice(0, 80)}`);
    }
  }
  assert.deepStrictEqual(problems, []);
});

it("the injected text reads as text: names and labels on the pages, and in the sidebar", async () => {
  assert.strictEqual(build.code, 0, "the build failed");
  const {text} = await visit("/deals/amazon-anthropic");
  assert.include(text, `Amazon → Anthropic${NAME_SUFFIX}`, "deal name");
  assert.include(text, `Amazon${NAME_SUFFIX} → Anthropic${NAME_SUFFIX}`, "company names");
  assert.include((await visit("/signals")).text, `Capacity reality${NAME_SUFFIX}`, "signal label");
  const html = await readFile(join(out, "deals/amazon-anthropic.html"), "utf-8");
  assert.include(html, "Amazon → Anthropic &lt;script&gt;alert(1)&lt;/script&gt;", "sidebar entry, escaped by Framework");
});

it("no built page holds an injected payload as markup; the dataset JSON round-trips every payload", async () => {
  assert.strictEqual(build.code, 0, "the build failed");
  for (const file of (await readdir(out, {recursive: true})).filter((f) => f.endsWith(".html"))) {
    const html = await readFile(join(out, file), "utf-8");
    assert.notInclude(html, LITERAL, file);
    assert.notMatch(html, /onerror=|onload=alert|javascript:alert/i, file);
  }
  const json = (await readdir(join(out, "_file/data"))).find((f) => /^dataset\.[0-9a-f]+\.json$/.test(f))!;
  const dataset = JSON.parse(await readFile(join(out, "_file/data", json), "utf-8"));
  const deal = dataset.deals.find((d: {id: string}) => d.id === "amazon-anthropic");
  assert.strictEqual(deal.name, `Amazon → Anthropic${NAME_SUFFIX}`);
  assert.include(deal.summary, "</script><script>alert(1)</script>");
  assert.notInclude(deal.summaryHtml, "<script");
});

it("the PDF briefings of the hostile build show the names as text and no local file", async (context) => {
  assert.strictEqual(build.code, 0, "the build failed");
  const dir = join(out, "briefings");
  const pdfs = existsSync(dir) ? (await readdir(dir)).filter((f) => f.endsWith(".pdf")) : [];
  if (!pdfs.length) context.skip("this build renders no PDF yet (no briefing pages in observablehq.config.ts)");
  for (const pdf of pdfs) {
    const text = (await pageTexts(join(dir, pdf))).join("\n");
    assert.notInclude(text, "root:x:", pdf);
    if (pdf.startsWith("deal-")) assert.include(text, LITERAL, pdf);
  }
});

it("readDataset(data with a javascript:, data:, vbscript:, file: or quoted source URL) refuses it with its line", async () => {
  const dir = join(project, "bad-url");
  await mkdir(join(dir, "deals"), {recursive: true});
  for (const name of ["companies", "chips", "assumptions", "scenarios", "signals"]) {
    await writeFile(join(dir, `${name}.yaml`), await readFile(join(REPO, "data", `${name}.yaml`)));
  }
  const deal = parse(await readFile(join(REPO, "data/deals/amazon-anthropic.yaml"), "utf-8"));
  const urls = ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd", 'https://x.example/"onmouseover="alert(1)', "//attacker.example/x", " https://x.example"];
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
