/**
 * The build's heavy steps (the site data and downloads, the page heads, the link-preview cards, the browser), loaded
 * by `deals build` only once its data and output checks passed: a build that fails a check (bad data, an output
 * folder it cannot write) does not load them, about 2 CPU-s of module loading out of the 3.3 s build.ts cost.
 */
export {launchBrowser} from "./browser.js";
export {drawCards, planCards} from "./ogCards.js";
export {writePageHeads} from "./pageHeads.js";
export {writeSiteData} from "./snapshotWriter.js";
export {writeDownloads} from "./writeDownloads.js";
