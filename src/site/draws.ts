// The draw count of what a build publishes, in its own module: `deals project` and `deals check` read it without
// loading the site data's modules.
import {MONTE_CARLO_DRAWS} from "../core/uncertainty/draws.js";

/**
 * Returns the Monte Carlo draw count a build publishes and `deals project` and `deals check` use by default:
 * MONTE_CARLO_DRAWS, or in a test run (VITEST set) DEALS_DRAWS when it is set. The test suite builds the real data
 * about ten times and sets 1,000 (vitest.config.ts): every build, CLI run and in-test projection of one run then draws
 * the same count, so they still agree with each other figure for figure. Outside a test run DEALS_DRAWS does nothing.
 */
export function publishedDraws(env: NodeJS.ProcessEnv = process.env): number {
  const listed = env.DEALS_DRAWS;
  if (!env.VITEST || listed === undefined) return MONTE_CARLO_DRAWS;
  const draws = Number(listed);
  if (!(Number.isInteger(draws) && draws >= 1)) throw new Error(`DEALS_DRAWS: not a whole number of draws ≥ 1: "${listed}"`);
  return draws;
}
