// @vitest-environment jsdom
// el() (docs/components/dom.ts) against hostile text: strings are text, never markup; event handlers and srcdoc
// are refused; URL attributes keep only safe URLs.
import {assert, it} from "vitest";
import {el, trustedHtml} from "../../docs/components/dom.js";
import {findDangers} from "./dangers.js";
import {LITERAL, PAYLOADS} from "./payloads.js";

it("el(tag, attributes, payload) inserts every payload as text, in children and attributes alike", () => {
  for (const payload of PAYLOADS) {
    const node = el("div", {title: payload, "aria-label": payload, "data-x": payload}, el("span", {}, payload), payload);
    assert.strictEqual(node.querySelectorAll("*").length, 1, payload); // the span only: no parsed markup
    assert.strictEqual(node.textContent, payload + payload);
    assert.strictEqual(node.getAttribute("title"), payload);
    assert.deepStrictEqual(findDangers(node), []);
  }
  assert.include(el("p", {}, LITERAL).outerHTML, "&lt;script&gt;alert(1)&lt;/script&gt;");
});

it("el(tag, {on…}) and el(tag, {srcdoc}) throw", () => {
  assert.throws(() => el("div", {onclick: "alert(1)"}), /^invalid attribute: onclick$/);
  assert.throws(() => el("img", {ONERROR: "alert(1)"}), /^invalid attribute: ONERROR$/);
  assert.throws(() => el("iframe", {srcdoc: "<script>alert(1)</script>"}), /^invalid attribute: srcdoc$/);
});

it("el(tag, {href|src|action…: url}) drops every URL that is not http(s), mailto, an anchor or this site", () => {
  const unsafe = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "\tjavascript:alert(1)",
    "java\tscript:alert(1)",
    "\u0001javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//attacker.example/x",
    "/\\attacker.example/x",
    "\\\\attacker.example\\x"
  ];
  for (const url of unsafe) {
    for (const [tag, key] of [
      ["a", "href"],
      ["img", "src"],
      ["form", "action"],
      ["button", "formaction"],
      ["video", "poster"],
      ["object", "data"],
      ["a", "ping"]
    ] as const) {
      assert.isFalse(el(tag, {[key]: url}).hasAttribute(key), `${tag} ${key}=${url}`);
    }
  }
  const safe = [
    "https://example.com/a?b#c",
    "http://example.com",
    "mailto:a@example.com",
    "#sources",
    "?deal=x",
    "./deals/x",
    "../briefings/market.pdf",
    "/capacity",
    "docs/methodology"
  ];
  for (const url of safe) assert.strictEqual(el("a", {href: url}).getAttribute("href"), url);
});

it("el(tag, {}, text) keeps each figure on one line and the text unchanged", () => {
  const node = el("p", {}, "Over 9.09 GW-years against about −$3.41B of NPV.");
  assert.strictEqual(node.textContent, "Over 9.09 GW-years against about −$3.41B of NPV.");
  assert.deepStrictEqual(
    [...node.querySelectorAll("span.figure-run")].map((s) => s.textContent),
    ["Over 9.09 GW-years", "about −$3.41B"]
  );
  // An option's content stays plain text.
  assert.strictEqual(el("option", {}, "up to 5 GW").children.length, 0);
});

it("trustedHtml(html) keeps each figure of the sanitized HTML on one line, inside its markup, and the text unchanged", () => {
  const html = "<p><strong>The call.</strong> The deal is worth about −$34.7B to Amazon, <em>over 9.09 GW-years</em>.</p>";
  const div = trustedHtml(html, "call-sentence");
  assert.strictEqual(div.textContent, "The call. The deal is worth about −$34.7B to Amazon, over 9.09 GW-years.");
  assert.deepStrictEqual(
    [...div.querySelectorAll("span.figure-run")].map((s) => [s.parentElement?.tagName, s.textContent]),
    [
      ["P", "about −$34.7B"],
      ["EM", "over 9.09 GW-years"]
    ]
  );
  assert.strictEqual(div.querySelector("strong")?.textContent, "The call.");
  assert.strictEqual(div.className, "call-sentence");
});
