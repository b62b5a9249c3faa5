import {assert, it} from "vitest";
import {stripPrerendered, stripPreviewImage, withPrerendered, withPreviewImage} from "../../src/cli/prerender.js";

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

it("withPreviewImage(html, src) writes Open Graph and Twitter card tags with the page's title and description", () => {
  const html = withPreviewImage(PAGE, "../_previews/deals-a-b.png");
  assert.include(html, '<meta property="og:image" content="../_previews/deals-a-b.png" data-preview>');
  assert.include(html, '<meta property="og:image:width" content="1200" data-preview>');
  assert.include(html, '<meta name="twitter:card" content="summary_large_image" data-preview>');
  assert.include(html, '<meta name="twitter:title" content="A → B | compute-deals" data-preview>');
  assert.include(html, '<meta name="twitter:description" content="What A &amp; B agreed." data-preview>');
  assert.strictEqual(withPreviewImage(html, "../_previews/deals-a-b.png"), html);
  assert.strictEqual(stripPreviewImage(html), PAGE);
});
