/** Words for a figure that moved between builds: the core's (src/core/format/changeLine.ts), re-exported. */
export type {ChangeLike} from "../lib/core.js";
export {changeLine, changeMeaning, dealDataMoved} from "../lib/core.js";
