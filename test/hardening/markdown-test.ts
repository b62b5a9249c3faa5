// @vitest-environment jsdom
// renderMarkdown (src/io/markdown.ts) against hostile Markdown: every payload of reliability.md §1.6 and ours
// comes out with no script, no event handler and no dangerous URL; pathological input is refused or fast.
import {readFileSync} from "node:fs";
import {assert, it} from "vitest";
import {renderMarkdown, sanitizeHtml} from "../../src/io/markdown.js";
import {cleanText, MAX_EMPHASIS_MARKS, MAX_MARK_RUN, MAX_MARKDOWN_NESTING, markdownHazard} from "../../src/io/markdownHazard.js";
import {findDangers} from "./dangers.js";
import {PAYLOADS} from "./payloads.js";

/** The tags renderMarkdown may produce (its allow-list). */
const TAGS = "p br strong em b i code pre blockquote ul ol li a h3 h4 h5 h6 table thead tbody tr th td hr del sup sub span".split(" ");

function parse(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, "text/html");
}

function dangersOf(html: string): string[] {
  const document = parse(html);
  const found = findDangers(document.body, TAGS);
  for (const a of Array.from(document.querySelectorAll("a[href]"))) {
    const href = a.getAttribute("href") ?? "";
    if (!/^(?:https?:|mailto:|#)/i.test(href)) found.push(`<a href="${href}"> is not http(s), mailto or #`);
  }
  return found;
}

/**
 * Returns the least CPU milliseconds (user and system, of this process) `f` takes over `runs` calls: its own cost,
 * which other processes on a busy machine do not inflate as they do the wall-clock time.
 */
function minMs(f: () => unknown, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; ++i) {
    const start = process.cpuUsage();
    try {
      f();
    } catch {
      // refused: that is a result too
    }
    const {user, system} = process.cpuUsage(start);
    best = Math.min(best, (user + system) / 1000);
  }
  return best;
}

it.each(PAYLOADS.map((p) => [p]))("renderMarkdown(%j) has no script, event handler or dangerous URL", (payload) => {
  for (const inline of [false, true]) {
    const html = renderMarkdown(payload, {inline});
    assert.deepStrictEqual(dangersOf(html), [], html);
    assert.notMatch(html, /<(?:script|iframe|img|svg|math|style|meta|link|base|object|embed|form)\b/i, html);
  }
});

it("renderMarkdown(every payload at once) has no script, event handler or dangerous URL", () => {
  const html = renderMarkdown(PAYLOADS.join("\n\n"));
  assert.deepStrictEqual(dangersOf(html), []);
});

it("renderMarkdown(raw HTML) shows the HTML as text", () => {
  // marked's html renderer is replaced by escaping: the reader sees the markup, nothing is interpreted.
  const document = parse(renderMarkdown("<script>alert(1)</script>"));
  assert.strictEqual(document.body.textContent, "<script>alert(1)</script>");
});

it("renderMarkdown(links) keeps http(s) and mailto links with rel=noopener and drops every other scheme", () => {
  assert.strictEqual(
    renderMarkdown("[a](https://example.com/x)", {inline: true}),
    '<a href="https://example.com/x" rel="noopener noreferrer" target="_blank">a</a>'
  );
  assert.strictEqual(
    renderMarkdown("[a](mailto:x@example.com)", {inline: true}),
    '<a href="mailto:x@example.com" rel="noopener noreferrer">a</a>'
  );
  for (const url of ["javascript:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd", "//attacker.example/a"]) {
    assert.strictEqual(renderMarkdown(`[a](${url})`, {inline: true}), '<a rel="noopener noreferrer">a</a>', url);
  }
});

it("sanitizeHtml(html) removes what marked could never produce but a bug might", () => {
  const html = sanitizeHtml('<p onclick="x()">a<img src=x onerror=alert(1)><script>alert(1)</script><a href="javascript:x">b</a></p>');
  assert.strictEqual(html, '<p>a<a rel="noopener noreferrer">b</a></p>');
});

it("cleanText(text) strips the byte-order mark, zero-width characters and direction overrides", () => {
  // \u202E would show "$1.00" as "00.1$": a spoofed amount.
  assert.strictEqual(cleanText("\uFEFFa\u200Bb\u200Cc\u200Dd\u2060e\u202Ef\u202Cg\u2066h\u2069"), "abcdefgh");
  assert.strictEqual(renderMarkdown("\uFEFF# x", {inline: true}), "# x");
});

it("renderMarkdown(1 MB, 1e5 '#', 1e5 '*' + 'a') is refused in under 200 ms", () => {
  for (const text of ["a".repeat(1_000_000), "#".repeat(1e5), `${"*".repeat(1e5)}a`, `${"_".repeat(1e5)}a`]) {
    assert.throws(() => renderMarkdown(text), /^invalid markdown: \d+ characters \(limit 20000\)$/);
    assert.isBelow(
      minMs(() => renderMarkdown(text)),
      200
    );
  }
});

it("renderMarkdown(text that would overflow marked's stack or take quadratic time) is refused with its line", () => {
  // Before markdownHazard, each of these crashed marked ("Maximum call stack size exceeded") or took 0.5–2 s.
  const cases: [string, RegExp][] = [
    ["> ".repeat(9999), /^invalid markdown: line 1: nests 9999 block quotes or lists \(limit 8\)$/],
    ["1. ".repeat(6000), /^invalid markdown: line 1: nests 6000 block quotes or lists/],
    [`ok\n\n${"- ".repeat(9)}deep`, /^invalid markdown: line 3: nests 9 block quotes or lists/],
    [`${"*".repeat(9999)}a${"*".repeat(9999)}`, /^invalid markdown: line 1: has a run of more than 64 "\*"/],
    ["_a".repeat(9999), /^invalid markdown: line 1: starts a paragraph with more than 500 emphasis marks/],
    [`intro\n\n${"**a ".repeat(200)}\n${"**b ".repeat(200)}`, /^invalid markdown: line 3: starts a paragraph with more than 500/]
  ];
  for (const [text, message] of cases) {
    assert.throws(() => renderMarkdown(text), message);
    assert.isBelow(
      minMs(() => renderMarkdown(text)),
      200
    );
  }
});

it("markdownHazard(text) accepts prose up to the limits", () => {
  assert.isNull(markdownHazard(`${"> ".repeat(MAX_MARKDOWN_NESTING)}quote`));
  assert.isNull(markdownHazard("*".repeat(MAX_MARK_RUN)));
  assert.isNull(markdownHazard(`${"*a* ".repeat(MAX_EMPHASIS_MARKS / 2)}\n\n${"_b_ ".repeat(MAX_EMPHASIS_MARKS / 2)}`));
  assert.isNull(markdownHazard("The **$100B** is a _headline_ figure.\n\n- one\n  - two\n    - three\n\n> quoted\n> > twice"));
  assert.deepStrictEqual(markdownHazard(`a\n${"> ".repeat(MAX_MARKDOWN_NESTING + 1)}b`), {
    line: 2,
    message: "nests 9 block quotes or lists (limit 8)"
  });
});

it("renderMarkdown(20,000 characters of adversarial but allowed Markdown) renders in under 3 s", () => {
  // Each is at the note limit and passes markdownHazard. Alone on this machine each takes 5–300 ms (most of it in
  // DOMPurify, linear in the elements produced); the bound, in CPU time, leaves room for a slower machine.
  const texts = [
    "[".repeat(20_000),
    "<".repeat(20_000),
    "![".repeat(10_000),
    "[x](".repeat(5000),
    ("_a" + "b".repeat(38)).repeat(500),
    ("> ".repeat(4) + "- ".repeat(4) + "a\n").repeat(1100).slice(0, 20_000)
  ];
  for (const text of texts)
    assert.isBelow(
      minMs(() => renderMarkdown(text), 2),
      3000,
      text.slice(0, 20)
    );
});

it("the sanitizer's dependencies are past the advisories of reliability.md §1.4 (DOMPurify ≥ 3.3.2, jsdom ≥ 20)", () => {
  const version = (name: string) =>
    JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf-8"))
      .version.split(".")
      .map(Number);
  const [major, minor, patch] = version("dompurify");
  assert.isTrue(major > 3 || (major === 3 && (minor > 3 || (minor === 3 && patch >= 2))), `dompurify ${major}.${minor}.${patch}`);
  assert.isAtLeast(version("jsdom")[0], 20);
});
