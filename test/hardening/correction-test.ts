// @vitest-environment jsdom
// "Suggest a correction" (issue 15): each badge links to a prefilled issue in the project's repository, named in
// package.json; without a repository no link is drawn.
import {afterEach, assert, it} from "vitest";
import {CorrectionLink, correctionUrl, pageRepository} from "../../docs/components/correction.js";
import {Badge, DerivedBadge} from "../../docs/components/provenance.js";
import {repositoryUrl} from "../../src/io/repository.js";

const sources = {
  s1: {
    id: "s1",
    title: "Anthropic and Amazon expand compute partnership",
    url: "https://www.anthropic.com/news/x",
    publisher: "Anthropic",
    date: "2026-04-20"
  }
};
const fact = {value: 100, unit: "usd-bn", status: "confirmed" as const, bound: "at-least" as const, source: "s1", asOf: "2026-04-20"};

afterEach(() => {
  for (const meta of document.head.querySelectorAll('meta[name="deals-repository"]')) meta.remove();
});

function setRepository(url: string): void {
  for (const old of document.head.querySelectorAll('meta[name="deals-repository"]')) old.remove();
  const meta = document.createElement("meta");
  meta.setAttribute("name", "deals-repository");
  meta.setAttribute("content", url);
  document.head.append(meta);
}

it("repositoryUrl(package.json) reads every form npm accepts, and nothing else", () => {
  const want = "https://github.com/acme/compute-deals";
  for (const repository of [
    "github:acme/compute-deals",
    "acme/compute-deals",
    "https://github.com/acme/compute-deals",
    "git+https://github.com/acme/compute-deals.git",
    "git@github.com:acme/compute-deals.git",
    {type: "git", url: "git+ssh://git@github.com/acme/compute-deals.git"}
  ])
    assert.strictEqual(repositoryUrl({repository}), want, JSON.stringify(repository));
  for (const repository of [undefined, "", "https://gitlab.com/acme/x", "javascript:alert(1)", {url: 3}])
    assert.isNull(repositoryUrl({repository}));
  assert.isNull(repositoryUrl(null));
});

it("correctionUrl(repository, figure) prefills an issue with the key, value, status and source", () => {
  const url = new URL(
    correctionUrl("https://github.com/acme/deals/", {
      key: "commitment.total",
      value: "over $100B",
      status: "confirmed",
      source: {id: "s1", label: "Anthropic", url: "https://www.anthropic.com/news/x"},
      page: "/deals/amazon-anthropic"
    })
  );
  assert.strictEqual(`${url.origin}${url.pathname}`, "https://github.com/acme/deals/issues/new");
  assert.strictEqual(url.searchParams.get("title"), "Correction: commitment.total (over $100B)");
  assert.strictEqual(url.searchParams.get("labels"), "correction");
  const body = url.searchParams.get("body")!;
  for (const line of [
    "- Figure: commitment.total",
    "- Value shown: over $100B",
    "- Status shown: confirmed",
    "- Source: Anthropic (s1), https://www.anthropic.com/news/x",
    "- Page: /deals/amazon-anthropic"
  ])
    assert.include(body, line);
});

it("Badge(fact) links to a correction only when the page names a GitHub repository", () => {
  assert.isNull(pageRepository());
  assert.isNull(Badge(fact, {sources}).querySelector(".correction-link"));
  setRepository("javascript:alert(1)");
  assert.isNull(CorrectionLink({value: "1", status: "confirmed"}), "only https://github.com/<owner>/<name>");
  setRepository("https://github.com/acme/deals");
  const link = Badge(fact, {sources, key: "commitment.total"}).querySelector("a.correction-link")!;
  assert.strictEqual(link.getAttribute("aria-label"), "suggest a correction");
  const url = new URL(link.getAttribute("href")!);
  assert.strictEqual(url.searchParams.get("title"), "Correction: commitment.total (over $100B)");
  assert.include(url.searchParams.get("body")!, "- Status shown: confirmed");
  assert.isNotNull(DerivedBadge({inputs: ["a.b", "c.d"], status: "estimate"}).querySelector("a.correction-link"));
});
