// The figure vocabulary: one spelling for every figure in every output (see figureWords.ts for the rules).
export * from "./bounds.js";
export * from "./capacityLabel.js";
export * from "./changeLine.js";
export * from "./dates.js";
export * from "./drawShares.js";
export * from "./figureRuns.js";
export * from "./figureWords.js";
export * from "./firmWord.js";
export * from "./history.js";
export * from "./money.js";
export * from "./numbers.js";
export * from "./payback.js";
export * from "./units.js";
