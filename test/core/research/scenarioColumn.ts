import type {ScenarioColumn} from "../../../src/core/research/scenarioTable.js";

/**
 * A bare scenario column for the market table's tests (test/core/research/marketScenarios-test.ts and
 * test/components/marketScenarios-test.ts): every figure empty but the cash NPV, the label the id in capitals and the
 * description "<id> case", unless `more` sets them.
 */
export const scenarioColumn = (scenario: string, npvUsd: number | null, more: Partial<ScenarioColumn> = {}): ScenarioColumn => ({
  scenario,
  label: scenario.toUpperCase(),
  description: `${scenario} case`,
  ramp: "linear",
  overrides: [],
  npvUsd,
  npvWithResidualUsd: null,
  paybackYear: null,
  gwYears: null,
  h100eFp8: null,
  paidGwYears: null,
  paidGwYearsPriceAlone: null,
  ...more
});
