// axe-core in the browser tests (issue #19): injected into a page the tests already loaded, then run in the states a
// reader meets (light and dark at 1280 px and at 390 px) by switching the colour scheme and the viewport in place,
// no reload.
// The full rule set (WCAG 2 A/AA, 2.2's target size, best practices) runs once; the other states run only the rules
// whose outcome can change with the colours or the width. The page is resized once (its charts redraw at the new
// width, which is the page's own cost, not axe's), and axe waits until that redraw is over.
import {readFileSync} from "node:fs";
import type {Page} from "puppeteer-core";

const AXE = readFileSync("node_modules/axe-core/axe.min.js", "utf-8");

/** The rules whose result changes with the colour scheme, and with the width. */
const SCHEME_RULES = ["color-contrast", "link-in-text-block"];
const WIDTH_RULES = ["color-contrast", "scrollable-region-focusable", "target-size"];
const ALL_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/**
 * The states, in the order they run (two scheme switches, one resize): the full rule set once, then in each other
 * state the rules whose outcome can differ there. The width rules do not depend on the scheme: they run once at
 * 390 px (in dark, with dark's colour rules); light at 390 px runs the colour rules.
 */
const STATES = [
  {scheme: "light", width: 1280, rules: null},
  {scheme: "dark", width: 1280, rules: SCHEME_RULES},
  {scheme: "dark", width: 390, rules: [...new Set([...WIDTH_RULES, ...SCHEME_RULES])]},
  {scheme: "light", width: 390, rules: SCHEME_RULES}
] as const;

export interface AxeFinding {
  state: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the loaded `page` and returns its serious and critical violations, each with the state it was seen
 * in, and the seconds axe itself ran: in light and dark at 1280 px, and with `narrow` (the default) also at 390 px
 * (the page is left in light at 390 px); `exclude` leaves parts of the page out (selectors).
 */
export async function axeStates(
  page: Page,
  {narrow = true, exclude = []}: {narrow?: boolean; exclude?: string[]} = {}
): Promise<{findings: AxeFinding[]; seconds: number}> {
  await page.evaluate(AXE);
  const findings: AxeFinding[] = [];
  let seconds = 0;
  const context = exclude.length ? {include: [["html"]], exclude: exclude.map((selector) => [selector])} : {include: [["html"]]};
  for (const {scheme, width, rules} of STATES.filter((s) => narrow || s.width > 390)) {
    await page.emulateMediaFeatures([{name: "prefers-color-scheme", value: scheme}]);
    if (page.viewport()?.width !== width) {
      await page.setViewport({width, height: 900});
      await settled(page);
    }
    const options = {runOnly: rules ? {type: "rule", values: rules} : {type: "tag", values: ALL_TAGS}, resultTypes: ["violations"]};
    const started = performance.now();
    // A string: tsx and vitest may wrap functions passed to the page in helpers the page lacks.
    const violations = (await page.evaluate(
      `axe.run(${JSON.stringify(context)}, ${JSON.stringify(options)}).then((r) => r.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" "))})))`
    )) as {id: string; impact: string; help: string; targets: string[]}[];
    seconds += (performance.now() - started) / 1000;
    for (const v of violations)
      if (v.impact === "serious" || v.impact === "critical")
        findings.push({state: `${scheme} ${width}px`, rule: v.id, impact: v.impact, help: v.help, targets: v.targets});
  }
  return {findings, seconds};
}

/** Waits until the page's DOM has not changed for 300 ms (its cells redrawn at a new width), at most 10 s. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(`new Promise((done) => {
    let timer;
    const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(finish, 300); });
    const finish = () => { observer.disconnect(); clearTimeout(cap); done(); };
    const cap = setTimeout(finish, 10000);
    observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
    timer = setTimeout(finish, 300);
  })`);
}
