// axe-core in the browser tests (issue #19): injected into a page the tests already loaded, then run in the states a
// reader meets (light and dark at 1280 px and at 390 px) by switching the colour scheme and the viewport in place,
// no reload, on the whole page.
// What keeps it cheap without leaving anything out:
// - only the rules that can report a serious or critical violation run (the tests assert on nothing else: a rule
//   whose impact is minor or moderate cannot fail them), and only violations are collected;
// - the rules that do not depend on the colours or the width run once (light, 1280 px), the width rules once at
//   390 px;
// - the colour rules (contrast, links told apart by colour alone) run in each of the four states on one element of
//   each set of inputs to those rules (SIGNATURE) that no element checked before in the same scheme had, on this page
//   or the pages before: at 390 px, what the narrow width changed; on a deal page after the first, what its template
//   did not already show; within a page, one of the 2,110 texts of /methodology's tables and lists for each of their
//   115 sets of inputs. Same inputs, same verdict: every element of every state has a verdict, most of them checked
//   once. Within a page, link-in-text-block also checks every link with a new signature: whether a link sits in a
//   block of text depends on the words around it, which no signature holds.
import {readFileSync} from "node:fs";
import type {Page} from "puppeteer-core";

const AXE = readFileSync("node_modules/axe-core/axe.min.js", "utf-8");

/** The rules whose result changes with the colour scheme, and with the width. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];
const WIDTH_RULES = ["scrollable-region-focusable", "target-size"];
const ALL_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/**
 * The colour rules restricted to the elements each state marks (`data-axe-colour`: checked with their subtree;
 * `data-axe-link`: a link checked by link-in-text-block alone), so that one axe run per state walks the page once for
 * the state's other rules and its colour rules (a walk of /methodology costs about as much as most rules on it).
 */
const MARKED = JSON.stringify([
  {id: "color-contrast", selector: "[data-axe-colour], [data-axe-colour] *"},
  {
    id: "link-in-text-block",
    selector:
      "a[href][data-axe-colour], [role=link][data-axe-colour], [data-axe-colour] a[href], [data-axe-colour] [role=link], a[href][data-axe-link], [role=link][data-axe-link]"
  }
]);

/** The states, in the order they run (two scheme switches, one resize). */
const STATES = [
  {scheme: "light", width: 1280},
  {scheme: "dark", width: 1280},
  {scheme: "dark", width: 390},
  {scheme: "light", width: 390}
] as const;

export interface AxeFinding {
  state: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * What the colour rules have checked, per scheme: the signatures (SIGNATURE) of the elements checked. Shared by the
 * pages of one test file, so a deal page's template is checked once and each page adds what is its own.
 */
export type ColourMemo = Map<string, Set<string>>;

/**
 * In the page: the ids of the enabled rules under ALL_TAGS that can report a serious or critical violation (a rule's
 * impact, or where it has none its checks'; axe gives a rule's impact to every check it fails).
 */
const SEVERE_RULES = `axe._audit.rules.filter((r) => r.enabled !== false && !r.tags.includes("experimental") &&
  r.tags.some((t) => ${JSON.stringify(ALL_TAGS)}.includes(t)) &&
  (r.impact ? [r.impact] : [...r.any, ...r.all, ...r.none].map((c) => axe._audit.checks[c.id ?? c]?.impact))
    .some((i) => i === "serious" || i === "critical")).map((r) => r.id)`;

/**
 * In the page: whether a rule of SEVERE_RULES reads what axe preloads (the page's CSSOM, its media). axe preloads them
 * before every run unless told not to (it walks the page for its style sheets, re-parses those that @import others, and
 * waits for audio and video), in each state; in axe 4.14 the two
 * rules that read them (css-orientation-lock, experimental; no-autoplay-audio, moderate) are not among the severe rules,
 * so no run preloads. A rule that comes to need them gets them back.
 */
const PRELOAD = `window.__axeSevere.some((id) => axe._audit.rules.find((r) => r.id === id)?.preload)`;

/**
 * In the page: `window.__axeDrawn` = a Map from every element drawn (checkVisibility) to what the colour rules read
 * to judge it, as a string with no element identity in it: its colours, opacity, filter and blending, text shadow,
 * whether its text is large as axe reckons it (large text has a lower threshold), its text decoration (and for a
 * link, the colour and decoration of the text around it), whether it has text of letters or digits or symbols only
 * (axe skips emoji), whether its box lies inside the box of the nearest ancestor that clips (axe skips text clipped
 * away); then the same backgrounds of each ancestor with its tag and class (the chain of what lies behind it), and of
 * the positioned or transformed elements (svg shapes aside: they paint no background), not its ancestors or
 * descendants, whose box meets its box (axe blends what lies behind a text). A chain, and a signature, is a hash of its text (53 bits, cyrb53), to keep
 * short the sets of signatures sent to each page and back (before, every signature seen so far was sent in full to each
 * page at each state, and every one drawn sent back). `window.__axeVerdicts`: the elements the colour
 * rules give a verdict (text of their own, or a form control).
 */
const SIGNATURE = `() => {
  // cyrb53: a 53-bit hash, the same on every page, so signatures compare across pages.
  const intern = (text) => {
    let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
    for (let i = 0; i < text.length; i++) { const c = text.charCodeAt(i); h1 = Math.imul(h1 ^ c, 2654435761); h2 = Math.imul(h2 ^ c, 1597334677); }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
  };
  const drawn = [...document.querySelectorAll("body, body *")].filter((e) => e.checkVisibility({opacityProperty: true, visibilityProperty: true}));
  const styles = new Map(drawn.map((e) => [e, getComputedStyle(e)]));
  const chain = new Map();
  for (const e of drawn) {
    let p = e.parentElement;
    while (p && !chain.has(p)) p = p.parentElement;
    const s = styles.get(e);
    chain.set(e, intern([chain.get(p) ?? 0, e.tagName, e.getAttribute("class"), s.backgroundColor, s.backgroundImage, s.opacity, s.filter, s.mixBlendMode].join("|")));
  }
  // Relative positioning moves a box only with an offset, and lifts it over its neighbours only with a z-index.
  const lifts = (s) => s.transform !== "none" || (s.position !== "static" &&
    (s.position !== "relative" || s.zIndex !== "auto" || [s.top, s.right, s.bottom, s.left].some((v) => v !== "auto" && v !== "0px")));
  // Inside an SVG, shapes paint no CSS background (axe reads none from them): only an svg element itself counts.
  const lifted = drawn.filter((e) => (!(e instanceof SVGElement) || e instanceof SVGSVGElement) && lifts(styles.get(e)))
    .map((e) => { const b = e.getBoundingClientRect(); return [e, b.left, b.right, b.top, b.bottom]; });
  const signatures = new Map();
  // The elements the colour rules give a verdict: those with text of their own, and form controls.
  const verdicts = new Set();
  for (const e of drawn) {
    const own = [...e.childNodes].filter((n) => n.nodeType === 3).map((n) => n.nodeValue.trim()).filter(Boolean).join(" ");
    // A form control's text is its value, not a child (axe checks the contrast of a text input, a select, a textarea).
    const control = /^(?:INPUT|SELECT|TEXTAREA)$/.test(e.tagName);
    // An element without text of its own gets no verdict: what it gives the texts inside it is its chain.
    if (!own && !control) {
      signatures.set(e, String(chain.get(e)));
      continue;
    }
    verdicts.add(e);
    const s = styles.get(e);
    const text = control ? "control" : /[\\p{L}\\p{N}]/u.test(own) ? "text" : "symbols";
    const r = e.getBoundingClientRect();
    let clip = e.parentElement;
    while (clip && styles.get(clip)?.overflow === "visible") clip = clip.parentElement;
    const c = clip?.getBoundingClientRect();
    const inside = !c || (r.left >= c.left - 1 && r.right <= c.right + 1 && r.top >= c.top - 1 && r.bottom <= c.bottom + 1);
    const under = lifted.filter(([u, left, right, top, bottom]) => left < r.right - 1 && right > r.left + 1 && top < r.bottom - 1 &&
      bottom > r.top + 1 && u !== e && !u.contains(e) && !e.contains(u));
    const px = parseFloat(s.fontSize), bold = parseFloat(s.fontWeight) >= 700 || s.fontWeight === "bold";
    const shadow = s.textShadow;
    const size = shadow !== "none" ? px : Math.ceil(px * 72) / 96 >= (bold ? 14 : 18) ? "large" : "small";
    const around = e.tagName === "A" && e.parentElement ? [styles.get(e.parentElement)?.color, styles.get(e.parentElement)?.textDecorationLine] : [];
    signatures.set(e, "t" + intern([chain.get(e), s.color, s.webkitTextFillColor, shadow, size, s.textDecorationLine, s.textDecorationColor,
      ...around, text, inside, under.map(([u]) => chain.get(u)).join(",")].join("|")));
  }
  window.__axeDrawn = signatures;
  window.__axeVerdicts = verdicts;
  return signatures.size;
}`;

/**
 * Runs axe-core on the loaded `page` and returns its serious and critical violations, each with the state it was seen
 * in, the seconds axe itself ran (signatures included), and per state how many elements the colour rules checked
 * (of how many drawn): in light and dark at 1280 px, and with `narrow` (the default) also at 390 px (the page is left
 * in light at 390 px). `memo`: what the colour rules checked before (ColourMemo); a fresh one by default.
 */
export async function axeStates(
  page: Page,
  {narrow = true, memo = new Map()}: {narrow?: boolean; memo?: ColourMemo} = {}
): Promise<{findings: AxeFinding[]; seconds: number; checked: Record<string, string>; sideways: string[]}> {
  // What the pages before checked, sent once (not at each state): the page adds to it, and hands back what it added.
  const schemes = [...new Set(STATES.map((s) => s.scheme))];
  await page.evaluate(
    `${AXE}; window.__axeSevere = ${SEVERE_RULES}; window.__axePreload = ${PRELOAD}; axe.configure({rules: ${MARKED}}); window.__axeSeen = {${schemes.map((scheme) => `${scheme}: new Set(${JSON.stringify([...(memo.get(scheme) ?? [])])})`).join(", ")}}; window.__axeAdded = {${schemes.map((scheme) => `${scheme}: []`).join(", ")}};`
  );
  const findings: AxeFinding[] = [];
  const checked: Record<string, string> = {};
  // Per state, how far the page scrolls sideways (px) where it does: nothing may at either width (not an axe rule; the
  // same page loads and widths, so no load of its own).
  const sideways: string[] = [];
  let seconds = 0;
  const run = async (state: string, context: string, rules: string) => {
    // A string: tsx and vitest may wrap functions passed to the page in helpers the page lacks.
    const violations = (await page.evaluate(
      `axe.run(${context}, {runOnly: {type: "rule", values: ${rules}}, resultTypes: ["violations"], preload: window.__axePreload}).then((r) => r.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" "))})))`
    )) as {id: string; impact: string; help: string; targets: string[]}[];
    for (const v of violations)
      if (v.impact === "serious" || v.impact === "critical")
        findings.push({state, rule: v.id, impact: v.impact, help: v.help, targets: v.targets});
  };
  for (const {scheme, width} of STATES.filter((s) => narrow || s.width > 390)) {
    const state = `${scheme} ${width}px`;
    await page.emulateMediaFeatures([{name: "prefers-color-scheme", value: scheme}]);
    if (page.viewport()?.width !== width) {
      await page.setViewport({width, height: 900});
      await settled(page);
    }
    const over = (await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")) as number;
    if (over > 0) sideways.push(`${state}: ${over} px`);
    const started = performance.now();
    // The colour rules check, for each signature new in this scheme, the first element that bears it, not those inside
    // another such (its subtree is checked); link-in-text-block also every other link whose signature is new (whether a
    // link sits in a block of text depends on the words around it, which no signature holds: /methodology's 395 links
    // have 18 signatures). Then every signature drawn is one checked.
    const drawn = (await page.evaluate(`(${SIGNATURE})()`)) as number;
    const [novel, links] = (await page.evaluate(
      `(() => { const seen = window.__axeSeen.${scheme}; const first = new Map(); const links = [];
        for (const [e, s] of window.__axeDrawn) {
          if ((!window.__axeVerdicts.has(e) && e.tagName !== "A") || seen.has(s)) continue;
          if (!first.has(s)) first.set(s, e);
          else if (e.tagName === "A") links.push(e);
        }
        const check = new Set(first.values());
        const outside = (e) => { for (let p = e.parentElement; p; p = p.parentElement) if (check.has(p)) return false; return true; };
        for (const e of document.querySelectorAll("[data-axe-colour], [data-axe-link]")) { e.removeAttribute("data-axe-colour"); e.removeAttribute("data-axe-link"); }
        for (const e of check) if (outside(e)) e.setAttribute("data-axe-colour", "");
        const more = links.filter((e) => outside(e));
        for (const e of more) e.setAttribute("data-axe-link", "");
        return [check.size, more.length]; })()`
    )) as [number, number];
    checked[state] = `${novel} of ${drawn} elements${links ? ` (and ${links} more links, for link-in-text-block)` : ""}`;
    // One axe run costs a walk of the whole page before any rule: one run per state, the colour rules on the marked
    // elements only (MARKED).
    const others =
      scheme === "light" && width === 1280
        ? `...window.__axeSevere.filter((id) => !${JSON.stringify(COLOUR_RULES)}.includes(id))`
        : scheme === "dark" && width === 390
          ? `...${JSON.stringify(WIDTH_RULES)}`
          : "";
    const colour = novel || links ? `...${JSON.stringify(COLOUR_RULES)}` : "";
    if (others || colour) await run(state, `{include: [["html"]]}`, `[${[others, colour].filter(Boolean).join(", ")}]`);
    await page.evaluate(
      `(() => { const seen = window.__axeSeen.${scheme}; for (const s of window.__axeDrawn.values()) if (!seen.has(s)) { seen.add(s); window.__axeAdded.${scheme}.push(s); } })()`
    );
    seconds += (performance.now() - started) / 1000;
  }
  const added = (await page.evaluate("window.__axeAdded")) as Record<string, string[]>;
  for (const [scheme, signatures] of Object.entries(added)) {
    const seen = memo.get(scheme) ?? new Set<string>();
    memo.set(scheme, seen);
    for (const signature of signatures) seen.add(signature);
  }
  return {findings, seconds, checked, sideways};
}

/** Waits until the page's DOM has not changed for 300 ms (its cells redrawn at a new width), at most 10 s. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(`new Promise((done) => {
    let timer;
    const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(finish, 300); });
    const finish = () => { observer.disconnect(); clearTimeout(cap); done(); };
    const cap = setTimeout(finish, 10000);
    observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
    timer = setTimeout(finish, 300);
  })`);
}
