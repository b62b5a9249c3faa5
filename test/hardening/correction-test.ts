// @vitest-environment jsdom
// "Suggest a correction" (issue 15): each badge links to a prefilled issue in the project's repository, taken at
// build time from where it is known (GitHub Actions, the git remote, an explicit setting); without one each badge
// offers the same details to copy, so the path works from a fresh clone.
import {afterEach, assert, it} from "vitest";
import {CorrectionLink, correctionText, correctionUrl, figureKey, pageRepository} from "../../docs/components/correction.js";
import {Badge, DerivedBadge, NamedDerivedBadge} from "../../docs/components/provenance.js";
import {repositoryUrl, resolveRepository} from "../../src/io/repository.js";

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
  document.body.replaceChildren();
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

it("resolveRepository(clues) takes DEALS_REPOSITORY, then GitHub Actions, then a github.com origin, then package.json; null otherwise", () => {
  const pkg = {repository: "github:acme/from-package"};
  const actions = {GITHUB_SERVER_URL: "https://github.com", GITHUB_REPOSITORY: "acme/from-actions"};
  const origin = "git@github.com:acme/from-origin.git";
  assert.deepEqual(resolveRepository({env: {...actions, DEALS_REPOSITORY: "acme/explicit"}, origin, pkg}), {
    url: "https://github.com/acme/explicit",
    from: "DEALS_REPOSITORY"
  });
  assert.deepEqual(resolveRepository({env: actions, origin, pkg}), {url: "https://github.com/acme/from-actions", from: "GitHub Actions"});
  assert.deepEqual(
    resolveRepository({env: {GITHUB_SERVER_URL: "https://git.example.com/", GITHUB_REPOSITORY: "team/deals"}, origin: null, pkg: null}),
    {url: "https://git.example.com/team/deals", from: "GitHub Actions"},
    "a GitHub Enterprise server over https"
  );
  assert.deepEqual(resolveRepository({env: {}, origin, pkg}), {url: "https://github.com/acme/from-origin", from: "git remote origin"});
  // A fresh clone of a local checkout: origin is a path, which names no web address.
  assert.deepEqual(resolveRepository({env: {}, origin: "/work/main", pkg}), {
    url: "https://github.com/acme/from-package",
    from: "package.json"
  });
  assert.isNull(resolveRepository({env: {}, origin: "/work/main", pkg: {}}));
  assert.isNull(resolveRepository({env: {}, origin: null, pkg: null}));
  // Half of the Actions pair, a non-https server or a malformed slug is not an address.
  assert.isNull(resolveRepository({env: {GITHUB_REPOSITORY: "acme/x"}, origin: null, pkg: null}));
  assert.isNull(resolveRepository({env: {GITHUB_SERVER_URL: "http://github.com", GITHUB_REPOSITORY: "acme/x"}, origin: null, pkg: null}));
  assert.isNull(
    resolveRepository({env: {GITHUB_SERVER_URL: "https://github.com", GITHUB_REPOSITORY: "acme/x/y"}, origin: null, pkg: null})
  );
  assert.isNull(resolveRepository({env: {DEALS_REPOSITORY: "javascript:alert(1)"}, origin: "https://gitlab.com/acme/x.git", pkg: null}));
});

it("figureKey(name, inputs) prefixes the one deal its fact inputs belong to, and only then", () => {
  assert.strictEqual(
    figureKey("recycling.npv", ["amazon-anthropic.tranches.t1.amount", "assumption:discount-rate"]),
    "amazon-anthropic.recycling.npv"
  );
  assert.strictEqual(figureKey("capacity.share", ["a.capacity.ceiling", "b.capacity.ceiling"]), "capacity.share");
  assert.strictEqual(figureKey("capacity.h100e", ["chip:trn2.bf16", "assumption:pue"]), "capacity.h100e");
});

it("correctionText(figure) names the key, value, status, sources, data version and page", () => {
  const {title, body} = correctionText({
    key: "amazon-anthropic.recycling.npv",
    value: "−$7.79B",
    status: "derived · estimate",
    inputs: ["amazon-anthropic.tranches.t1.amount", "assumption:discount-rate"],
    version: "0123456789ab",
    page: "/recycling"
  });
  assert.strictEqual(title, "Correction: amazon-anthropic.recycling.npv (−$7.79B)");
  for (const line of [
    "- Figure: amazon-anthropic.recycling.npv",
    "- Value shown: −$7.79B",
    "- Status shown: derived · estimate",
    "- Sources: derived from amazon-anthropic.tranches.t1.amount, assumption:discount-rate",
    "- Data version: 0123456789ab",
    "- Page: /recycling"
  ])
    assert.include(body, line);
});

it("Badge(fact) links to a prefilled issue when the page names a repository", () => {
  setRepository("javascript:alert(1)");
  assert.isNull(pageRepository(), "only https://<host>/<owner>/<name>");
  assert.isNull(CorrectionLink({value: "1", status: "confirmed"}).querySelector("a"), "no link to a script URL");
  setRepository("https://github.com/acme/deals");
  const link = Badge(fact, {sources, key: "commitment.total"}).querySelector("a.correction-link")!;
  assert.strictEqual(link.getAttribute("aria-label"), "suggest a correction");
  const url = new URL(link.getAttribute("href")!);
  assert.strictEqual(url.searchParams.get("title"), "Correction: commitment.total (over $100B)");
  assert.include(url.searchParams.get("body")!, "- Status shown: confirmed");
  const derived = NamedDerivedBadge({inputs: ["a.b", "chip:x.bf16"], status: "estimate"}, "recycling.npv", "−$1B");
  const derivedUrl = new URL(derived.querySelector("a.correction-link")!.getAttribute("href")!);
  assert.strictEqual(derivedUrl.searchParams.get("title"), "Correction: a.recycling.npv (−$1B)");
  assert.include(derivedUrl.searchParams.get("body")!, "- Sources: derived from a.b, chip:x.bf16");
});

it("without a repository, the badge's pencil copies the correction details and shows them, with the page's data version", async () => {
  assert.isNull(pageRepository());
  document.body.append(document.createElement("p"));
  document.body.querySelector("p")!.textContent = "Data as of 30 Jun 2026 · data version 0123456789ab";
  const badge = Badge(fact, {sources, key: "amazon-anthropic.commitment"});
  document.body.append(badge);
  assert.isNull(badge.querySelector("a.correction-link"));
  const button = badge.querySelector<HTMLButtonElement>("button.correction-copy")!;
  assert.strictEqual(button.getAttribute("aria-label"), "copy correction details");
  button.click();
  await new Promise((resolve) => setTimeout(resolve, 0));
  const text = badge.querySelector<HTMLTextAreaElement>(".correction-panel textarea")!.value;
  for (const line of [
    "Correction: amazon-anthropic.commitment (over $100B)",
    "- Figure: amazon-anthropic.commitment",
    "- Value shown: over $100B",
    "- Status shown: confirmed",
    "- Source: Anthropic (s1), https://www.anthropic.com/news/x",
    "- Data version: 0123456789ab"
  ])
    assert.include(text, line);
  // jsdom has no clipboard: the reader is told to copy by hand, from the selected text.
  assert.strictEqual(badge.querySelector(".correction-status")!.textContent, "Copy the correction details below.");
  assert.isFalse(badge.classList.contains("badge--open"), "the pencil does not toggle the provenance tip");
  button.click();
  assert.isNull(badge.querySelector(".correction-panel"), "a second press closes the panel");
  assert.isNotNull(DerivedBadge({inputs: ["a.b", "c.d"], status: "estimate"}).querySelector("button.correction-copy"));
});

it("a deal card's badges name their facts: each pencil's details carry the fact's key", async () => {
  const {readValidDataset} = await import("../../src/io/readDataset.js");
  const {DealCard} = await import("../../docs/components/dealCard.js");
  const dataset = await readValidDataset("data");
  const deal = dataset.deals.find((d) => d.id === "amazon-anthropic")!;
  const card = DealCard(deal, {
    sources: Object.fromEntries(dataset.sources.map((s) => [s.id, s])),
    companies: Object.fromEntries(dataset.companies.map((c) => [c.id, c.name]))
  });
  document.body.append(card);
  const keys: string[] = [];
  for (const button of card.querySelectorAll<HTMLButtonElement>("button.correction-copy")) {
    button.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    keys.push(/- Figure: (.*)/.exec(card.querySelector<HTMLTextAreaElement>(".correction-panel textarea")!.value)![1]);
    button.click();
  }
  assert.includeMembers(keys, [
    "amazon-anthropic.tranches.t2026-fresh.amount",
    // The firm total is the sum of the reported tranches (stronger than the stated total's reprint): the figure's key.
    "amazon-anthropic.investment.firm",
    "amazon-anthropic.commitments.aws-2026.amount",
    "amazon-anthropic.commitments.aws-2026.years",
    "amazon-anthropic.capacity.ceiling"
  ]);
});
