// A relinked build writes the heads of the pages in its scope only (src/cli/pageScope.ts, issue #18), but a change
// that reaches every head (another site address: the og:image is absolute under $DEALS_SITE_URL) is seen on a probe
// page the scope leaves out, and then every page is taken.
import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, assert, it} from "vitest";
import type {CardPlan, PlannedCard} from "../../src/cli/ogCards.js";
import {writePageHeads} from "../../src/cli/pageHeads.js";
import {relinkedScope} from "../../src/cli/pageScope.js";

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((r) => rm(r, {recursive: true, force: true}))));

const card = (name: string): PlannedCard => ({name, file: `_og/${name}.0.png`, html: "", alt: name, draw: false});

it("writePageHeads takes the scope's pages, or every page when a probe outside it changes", async () => {
  const root = await mkdtemp(join(tmpdir(), "heads-scope-"));
  roots.push(root);
  const site = join(root, "site");
  await mkdir(join(site, "deals"), {recursive: true});
  await mkdir(join(root, "data", "deals"), {recursive: true});
  for (const id of ["a", "b"]) {
    await writeFile(join(site, "deals", `${id}.html`), "<html><head><title>Deal</title></head><body></body></html>");
    await writeFile(join(root, "data", "deals", `${id}.yaml`), "");
  }
  await writeFile(join(site, "index.html"), "<html><head><title>Home</title></head><body></body></html>");
  const known = new Map([
    ["a", "A → X"],
    ["b", "B → Y"]
  ]);
  const cards: CardPlan = {
    cards: [],
    pages: new Map([
      ["/deals/a", card("deal-a")],
      ["/deals/b", card("deal-b")]
    ]),
    previouslyNamed: new Set(["/deals/a", "/deals/b"]),
    renderer: ""
  };
  const url = process.env.DEALS_SITE_URL;
  try {
    delete process.env.DEALS_SITE_URL;
    // A full build's heads, then a relinked build's with nothing changed: only the topic page is taken.
    assert.strictEqual(await writePageHeads(site, join(root, "data"), cards, known), 3);
    const scope = relinkedScope([], cards);
    const same = new Set<string>();
    assert.strictEqual(await writePageHeads(site, join(root, "data"), cards, known, scope, same), 1);
    assert.deepStrictEqual([...same], []);
    // Another site address: the probe (deals/a.html) changes, so every page is taken; the deal pages' og:image changes
    // (the topic page has no card in this plan).
    process.env.DEALS_SITE_URL = "https://example.org/deals-site";
    const changed = new Set<string>();
    assert.strictEqual(await writePageHeads(site, join(root, "data"), cards, known, scope, changed), 3);
    assert.sameMembers([...changed], ["deals/a.html", "deals/b.html"]);
    assert.include(await readFile(join(site, "deals", "b.html"), "utf-8"), "https://example.org/deals-site/_og/deal-b.0.png");
  } finally {
    if (url === undefined) delete process.env.DEALS_SITE_URL;
    else process.env.DEALS_SITE_URL = url;
  }
});
