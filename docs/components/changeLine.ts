/** Words for a figure that moved between builds: the core's (src/core/format/changeLine.ts), re-exported. */
export type {ChangeLike} from "../lib/core.js";
export {changeLine, changeMeaning} from "../lib/core.js";
