import {readFileSync} from "node:fs";
import {assert, it} from "vitest";
import {FALLBACK_FACES} from "../../src/cli/fontFallbacks.js";
import {dealDescription, fontHead, withoutModulePreloads, withPageHead} from "../../src/cli/pageHeads.js";

const PAGE = '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>Deal | compute-deals</title>\n</head><body></body></html>';

it("withPageHead(html, {title, description}) sets lang, the title and a description with its link-preview twins", () => {
  const html = withPageHead(PAGE, {title: "Amazon → Anthropic | compute-deals", description: "A <deal> & more"});
  assert.include(html, '<html lang="en">');
  assert.include(html, "<title>Amazon → Anthropic | compute-deals</title>");
  assert.notInclude(html, "Deal | compute-deals");
  assert.include(html, '<meta name="description" content="A &lt;deal&gt; &amp; more" data-page-head>');
  assert.include(html, '<meta property="og:title" content="Amazon → Anthropic | compute-deals" data-page-head>');
  assert.include(html, '<meta property="og:description" content="A &lt;deal&gt; &amp; more" data-page-head>');
});

it("withPageHead(html, options) run twice gives the same page", () => {
  const once = withPageHead(PAGE, {title: "A → B | compute-deals", description: "D"});
  assert.strictEqual(withPageHead(once, {title: "A → B | compute-deals", description: "D"}), once);
  assert.strictEqual(once.match(/name="description"/g)?.length, 1);
});

it("withPageHead(html, {description}) keeps the page's own title and an existing lang", () => {
  const html = withPageHead(PAGE.replace("<html>", '<html lang="fr">'), {description: "D"});
  assert.include(html, '<html lang="fr">');
  assert.include(html, "<title>Deal | compute-deals</title>");
});

it("dealDescription(name) names the deal", () => {
  assert.match(dealDescription("Amazon → Anthropic"), /^Amazon → Anthropic: /);
});

it("withPageHead(html, options) lets a reader zoom and makes Framework's sidebar a valid, named list", () => {
  const page = PAGE.replace(
    '<meta charset="utf-8">',
    '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">'
  ).replace(
    "<body></body>",
    '<body><input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar"><nav id="observablehq-sidebar">\n  <ol>\n    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>\n    <li>x</li></ol></nav></body>'
  );
  const html = withPageHead(page, {description: "D"});
  assert.include(html, '<meta name="viewport" content="width=device-width, initial-scale=1">');
  assert.include(html, '<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>\n    <ol>');
  assert.include(html, 'title="Toggle sidebar" aria-label="Toggle sidebar">');
  assert.strictEqual(withPageHead(html, {description: "D"}), html);
});

it("fontHead(fonts, depth) preloads the first screen's fonts and declares them optional (swap in print and for the others), each with its metric-matched fallback face, relative to the page", () => {
  const fonts = [
    {
      file: "inter-latin-700-normal.woff2",
      family: "Inter",
      weight: 700,
      style: "normal" as const,
      path: "_fonts/inter-latin-700-normal.1a2b3c4d.woff2"
    },
    {
      file: "source-serif-4-latin-400-italic.woff2",
      family: "Source Serif 4",
      weight: 400,
      style: "italic" as const,
      path: "_fonts/source-serif-4-latin-400-italic.5e6f7a8b.woff2"
    }
  ];
  const head = fontHead(fonts, 1);
  assert.include(
    head,
    '<link rel="preload" href="../_fonts/inter-latin-700-normal.1a2b3c4d.woff2" as="font" type="font/woff2" crossorigin data-page-head>'
  );
  assert.notInclude(head, 'rel="preload" href="../_fonts/source-serif-4-latin-400-italic');
  assert.include(
    head,
    '@font-face {font-family: "Source Serif 4"; font-style: italic; font-weight: 400; font-display: swap; src: url("../_fonts/source-serif-4-latin-400-italic.5e6f7a8b.woff2") format("woff2");}'
  );
  assert.include(fontHead(fonts, 0), 'href="_fonts/inter-latin-700-normal.1a2b3c4d.woff2"');
  // A preloaded (first-screen) font is never swapped in late on a page a reader opens; a briefing's is (print waits).
  assert.include(head, 'font-weight: 700; font-display: optional; src: url("../_fonts/inter-latin-700-normal.1a2b3c4d.woff2")');
  assert.include(
    fontHead(fonts, 1, {print: true}),
    'font-weight: 700; font-display: swap; src: url("../_fonts/inter-latin-700-normal.1a2b3c4d.woff2")'
  );
  assert.notInclude(fontHead(fonts, 1, {print: true}), "optional");
  // Each font the page loads has a fallback face matched to it (src/cli/fontMetrics.ts), standing in for the
  // characters the font draws only, on screen and in print.
  const bold = FALLBACK_FACES.find((f) => f.file === "inter-latin-700-normal.woff2")!;
  assert.include(
    head,
    `@font-face {font-family: "Inter fallback"; font-style: normal; font-weight: 700; src: local("DejaVu Sans Bold"); unicode-range: ${bold.unicodeRange}; size-adjust: ${bold.sizeAdjust}%; ascent-override: ${bold.ascentOverride}%; descent-override: ${bold.descentOverride}%; line-gap-override: ${bold.lineGapOverride}%;}`
  );
  assert.include(head, 'font-family: "Source Serif 4 fallback"; font-style: italic; font-weight: 400; src: local("DejaVu Serif Italic")');
  assert.strictEqual(head.match(/ fallback"/g)?.length, fonts.length);
  assert.strictEqual(fontHead(fonts, 1, {print: true}).match(/ fallback"/g)?.length, fonts.length);
  // The names docs/style.css puts after each house font.
  const style = readFileSync("docs/style.css", "utf-8");
  assert.include(style, '--sans-serif: "Inter", "Inter fallback", "DejaVu Sans", sans-serif;');
  assert.include(style, '--serif: "Source Serif 4", "Source Serif 4 fallback", "DejaVu Serif", serif;');
  // Written into a page and written again: one set of tags.
  const page = withPageHead(withPageHead(PAGE, {head}), {head});
  assert.strictEqual(page.match(/<style data-page-head>/g)?.length, 1);
  assert.strictEqual(page.match(/rel="preload"/g)?.length, 1);
  // Without JavaScript, the placeholders the build could not fill are hidden, not spinning.
  assert.strictEqual(
    page.match(
      /<noscript data-page-head><style>observablehq-loading:not\(\.prerendered\), observablehq-loading\.prerendered\[data-control\] \{display: none;\}<\/style><\/noscript>/g
    )?.length,
    1
  );
});

it("withPageHead(html, options) sets lang on the document's <html> only, also when run again on its own output", () => {
  const page = PAGE.replace("<body></body>", '<body><script type="module">\n// waits for <html data-ready="true">\n</script></body>');
  const once = withPageHead(page, {description: "D"});
  assert.include(once, '<html lang="en">');
  assert.include(once, '// waits for <html data-ready="true">');
  assert.strictEqual(withPageHead(once, {description: "D"}), once);
});

it("withoutModulePreloads(html) drops the preloads of a page's modules, keeps Framework's client and everything else", () => {
  const html = `<link rel="stylesheet" type="text/css" href="./_import/style.3251dfd0.css">
<link rel="modulepreload" href="./_observablehq/client.d10d8454.js">
<link rel="modulepreload" href="./_import/lib/plot.6a1c55fe.js">
<link rel="modulepreload" href="../_node/htl@0.3.1/index.0caf36e7.js">
<script type="module">import {define} from "./_observablehq/client.d10d8454.js";</script>`;
  const out = withoutModulePreloads(html);
  assert.strictEqual(
    out,
    `<link rel="stylesheet" type="text/css" href="./_import/style.3251dfd0.css">
<link rel="modulepreload" href="./_observablehq/client.d10d8454.js">
<script type="module">import {define} from "./_observablehq/client.d10d8454.js";</script>`
  );
  assert.strictEqual(withoutModulePreloads(out), out, "run twice gives the same page");
});
