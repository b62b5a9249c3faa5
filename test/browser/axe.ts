// axe-core in the browser tests (issue #19): injected once into a page the tests already loaded, then run in the
// states a reader meets (light and dark, 390 and 1280 px) by switching the colour scheme and the viewport in place
// (no reload). The full WCAG 2 A/AA rule set runs once per page; the states after it run only the rules whose
// outcome depends on colours or width, which keeps four states at about the cost of two runs.
import {readFileSync} from "node:fs";
import type {Page} from "puppeteer-core";

const AXE = readFileSync("node_modules/axe-core/axe.min.js", "utf-8");

/** The rules whose result changes with the colour scheme, and with the width. */
const SCHEME_RULES = ["color-contrast", "link-in-text-block"];
const WIDTH_RULES = ["color-contrast", "scrollable-region-focusable", "target-size"];

export interface AxeFinding {
  state: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the loaded `page` in light and dark at 1280 and 390 px, and returns its serious and critical
 * violations, each with the state it was seen in. The page is left in dark at 390 px.
 */
export async function axeStates(page: Page): Promise<AxeFinding[]> {
  await page.evaluate(AXE);
  const findings: AxeFinding[] = [];
  // Contrast in every state (the narrow layout has colour rules of its own); the rest where it can change.
  const states = [
    {scheme: "light", width: 1280, rules: null},
    {scheme: "dark", width: 1280, rules: SCHEME_RULES},
    {scheme: "dark", width: 390, rules: WIDTH_RULES},
    {scheme: "light", width: 390, rules: WIDTH_RULES}
  ];
  for (const {scheme, width, rules} of states) {
    await page.emulateMediaFeatures([{name: "prefers-color-scheme", value: scheme}]);
    await page.setViewport({width, height: 900});
    const options = rules
      ? {runOnly: {type: "rule", values: rules}, resultTypes: ["violations"]}
      : {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}, resultTypes: ["violations"]};
    // A string: tsx and vitest may wrap functions passed to the page in helpers the page lacks.
    const violations = (await page.evaluate(
      `axe.run(document, ${JSON.stringify(options)}).then((r) => r.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" "))})))`
    )) as {id: string; impact: string; help: string; targets: string[]}[];
    for (const v of violations)
      if (v.impact === "serious" || v.impact === "critical")
        findings.push({state: `${scheme} ${width}px`, rule: v.id, impact: v.impact, help: v.help, targets: v.targets});
  }
  return findings;
}
