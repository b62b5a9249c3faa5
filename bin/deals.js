#!/usr/bin/env node
// Runs the CLI (src/cli/main.ts) compiled: scripts/cliBundle.mjs bundles it with esbuild into .build/cli/<key>/, key
// the hash of every source file, and builds it again whenever one changed (a start costs about 0.4 CPU-s instead of
// 1.6 through tsx's hooks). From the sources through tsx when it cannot be compiled, or with DEALS_TSX=1.
import {fileURLToPath, pathToFileURL} from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
let main = null;
if (process.env.DEALS_TSX !== "1") {
  try {
    const {compiledCli} = await import("../scripts/cliBundle.mjs");
    main = await compiledCli(root);
  } catch (error) {
    console.warn(`deals: could not compile the CLI (${error.message.split("\n")[0]}); running it from the sources through tsx`);
  }
}
if (main) await import(pathToFileURL(main).href);
else {
  const {register} = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
