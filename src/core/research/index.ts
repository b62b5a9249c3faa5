// The furniture of a research note computed from the projections: scenarios side by side, and peers.

export * from "./marketDraws.js";
export * from "./marketScenarios.js";
export * from "./npvTable.js";
export * from "./peers.js";
export * from "./scenarioTable.js";
export * from "./skewedRanges.js";
