// The public core: pure projection functions shared by the loaders, the CLI and the browser.
export * from "./assumptions.js";
export * from "./facts.js";
export * from "./lineage.js";
export * from "./model.js";
export * from "./headlines.js";
export * from "./signals.js";
