import {JSDOM} from "jsdom";
import {assert, it} from "vitest";
import {cellsOf, markupOf, skippedCells, stripPrerendered, withPrerendered} from "../../src/cli/prerender.js";

const PAGE = [
  "<html><head><title>A → B | compute-deals</title>",
  '<meta name="description" content="What A &amp; B agreed." data-page-head>',
  "</head><body><main>",
  '<h1 id="" tabindex="-1"><a class="observablehq-header-anchor" href="#"><observablehq-loading></observablehq-loading><!--:6e474379:--></a></h1>',
  "<p><observablehq-loading></observablehq-loading><!--:d1b2a59f:--></p>",
  "<p>Figures: <observablehq-loading></observablehq-loading><!--:01fc2a4c:--> and more</p>",
  '<div class="observablehq observablehq--block"><!--:2de58820:--></div>',
  "</main></body></html>"
].join("\n");

it("withPrerendered(html, cells) writes each cell's markup into its placeholder, where the page's script replaces it", () => {
  const html = withPrerendered(PAGE, {
    "6e474379": "A → B",
    d1b2a59f: '<div class="headline-strip"><div class="card">$13B</div></div>',
    "01fc2a4c": "<span>$5B</span>",
    "2de58820": "<p>a block cell</p>"
  });
  assert.include(
    html,
    '<a class="observablehq-header-anchor" href="#"><observablehq-loading class="prerendered">A → B</observablehq-loading><!--:6e474379:--></a>'
  );
  // Block markup alone in a paragraph: the <p> becomes a <div> (a <div> inside a <p> would close it when parsed).
  assert.include(
    html,
    '<div class="prerendered-p"><observablehq-loading class="prerendered"><div class="headline-strip"><div class="card">$13B</div></div></observablehq-loading><!--:d1b2a59f:--></div>'
  );
  assert.include(
    html,
    'Figures: <observablehq-loading class="prerendered"><span>$5B</span></observablehq-loading><!--:01fc2a4c:--> and more'
  );
  // A block cell with no loading element gets one (Framework's client removes the one before a cell's marker).
  assert.include(html, '<observablehq-loading class="prerendered" data-block><p>a block cell</p></observablehq-loading><!--:2de58820:-->');
});

it("withPrerendered(html, cells) leaves a cell empty when its block markup would sit mid-paragraph, and skips empty markup", () => {
  const html = withPrerendered(PAGE, {"01fc2a4c": "<div>$5B</div>", "6e474379": "  "});
  assert.include(html, "Figures: <observablehq-loading></observablehq-loading><!--:01fc2a4c:--> and more");
  assert.include(html, '<a class="observablehq-header-anchor" href="#"><observablehq-loading></observablehq-loading><!--:6e474379:--></a>');
});

it("stripPrerendered(withPrerendered(html, cells)) gives the page back, so a second prerender gives the same page", () => {
  const cells = {"6e474379": "A → B", d1b2a59f: '<div class="x">y</div>', "2de58820": "<p>z</p>"};
  const once = withPrerendered(PAGE, cells);
  assert.strictEqual(stripPrerendered(once), PAGE);
  assert.strictEqual(withPrerendered(once, cells), once);
});

it("withPrerendered(html, cells, controls) marks a control's placeholder inert (hidden without JavaScript); strip removes it", () => {
  const html = withPrerendered(PAGE, {"2de58820": "<form><select></select></form>"}, new Set(["2de58820"]));
  assert.include(
    html,
    '<observablehq-loading class="prerendered" data-block data-control inert><form><select></select></form></observablehq-loading>'
  );
  assert.strictEqual(stripPrerendered(html), PAGE);
});

it("cellsOf(html, url, importModule) reads a built page's cells and files, its imports made absolute and loaded by the caller", async () => {
  const html = `<script type="module">
import {define} from "../_observablehq/client.d10d8454.js";
import {registerFile} from "../_observablehq/stdlib.5532b554.js";

registerFile("../data/dataset.json", {"name":"../data/dataset.json","path":"../_file/data/dataset.b242c4e8.json"});

define({id: "b4aa4dd7", outputs: ["date"], body: async () => {
const [{date}] = await Promise.all([import("../_import/components/format.f67142fc.js")]);
return {date};
}});

define({id: "6e474379", mode: "inline", inputs: ["deal","display"], body: async (deal,display) => {
display(await(
deal.name
))
}});
</script>`;
  const imported: string[] = [];
  const page = cellsOf(html, "file:///site/deals/a-b.html", async (url) => {
    imported.push(url);
    return {date: () => "1 Jan 2026"};
  });
  assert.deepStrictEqual(page?.files, [{name: "../data/dataset.json", path: "../_file/data/dataset.b242c4e8.json"}]);
  assert.deepStrictEqual(
    page?.cells.map((c) => [c.id, c.mode, c.inputs, c.outputs]),
    [
      ["b4aa4dd7", undefined, undefined, ["date"]],
      ["6e474379", "inline", ["deal", "display"], undefined]
    ]
  );
  const exports = (await page?.cells[0].body()) as {date: () => string};
  assert.deepStrictEqual(imported, ["file:///site/_import/components/format.f67142fc.js"]);
  assert.strictEqual(exports.date(), "1 Jan 2026");
  const shown: unknown[] = [];
  await page?.cells[1].body({name: "A → B"}, (v: unknown) => shown.push(v));
  assert.deepStrictEqual(shown, ["A → B"]);
  assert.isNull(cellsOf("<p>no cells</p>", "file:///site/x.html", async () => ({})));
});

it("markupOf(values, window, options) serializes what a cell displayed as Framework would insert it, and refuses charts and stray forms", () => {
  const {window} = new JSDOM("<!DOCTYPE html><main></main>");
  const {document} = window;
  const p = document.createElement("p");
  p.textContent = "<b> & co";
  const link = document.createElement("a");
  link.href = "blob:nodedata:1234";
  link.textContent = "Data (CSV)";
  assert.strictEqual(markupOf(["$5B <", 13], window, {inline: true}), "$5B &lt;13");
  assert.strictEqual(markupOf([p], window, {inline: false}), "<p>&lt;b&gt; &amp; co</p>");
  // A link to data made in memory has no address in the static page (blob: URLs differ every time).
  assert.strictEqual(markupOf([link], window, {inline: true}), "<a>Data (CSV)</a>");
  assert.strictEqual(link.getAttribute("href"), "blob:nodedata:1234");
  const chart = document.createElement("div");
  chart.append(document.createElementNS("http://www.w3.org/2000/svg", "svg"));
  assert.isNull(markupOf([chart], window, {inline: true}));
  const form = document.createElement("form");
  assert.isNull(markupOf([form], window, {inline: false}));
  assert.strictEqual(markupOf([form], window, {inline: false, control: true}), "<form></form>");
  // A form holding forms cannot be parsed back from HTML: the outer one is written as a <div>.
  const controls = document.createElement("form");
  controls.className = "controls";
  controls.append(document.createElement("form"));
  assert.strictEqual(markupOf([controls], window, {inline: false, control: true}), '<div class="controls"><form></form></div>');
  assert.strictEqual(controls.outerHTML, '<form class="controls"><form></form></form>');
  // A block cell showing a value that is not a node gets Framework's inspector: not prerendered.
  assert.isNull(markupOf([{a: 1}], window, {inline: false}));
});

it("skippedCells(html) names the cells inside a part marked data-prerender=skip, before and after a prerender", () => {
  const page = PAGE.replace(
    "</main>",
    '<div class="deal-topics" data-prerender="skip"><observablehq-loading></observablehq-loading><!--:19af8202:--><observablehq-loading></observablehq-loading><!--:8b6df8c1:--></div>\n</main>'
  );
  assert.deepStrictEqual([...skippedCells(page)], ["19af8202", "8b6df8c1"]);
  assert.deepStrictEqual([...skippedCells(withPrerendered(page, {"2de58820": "<div>x</div>"}))], ["19af8202", "8b6df8c1"]);
  assert.deepStrictEqual([...skippedCells(PAGE)], []);
});
