import {assert, it} from "vitest";
import {dealDescription, withPageHead} from "../../src/cli/pageHeads.js";

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
