// `npm test` after its install step: the data check first (a bad data file fails in two seconds, with its location),
// then the type check and the linter beside the test suite. The three are independent, and on a 2-core machine the
// suite leaves a core idle while it starts and while its browsers wait, so tsc and Biome (about 9 s one after the
// other) no longer add to a run whose budget is 5 minutes. Exits non-zero when any of them fails; the type check's
// and the linter's output is printed after the suite's, each under its own heading.
import {spawn} from "node:child_process";

/** Runs `command args`, with its output passed through (`capture` false) or kept; resolves to its exit code and output. */
function run(command, args, {capture = false} = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit"});
    let output = "";
    if (capture) {
      child.stdout.on("data", (chunk) => {
        output += chunk;
      });
      child.stderr.on("data", (chunk) => {
        output += chunk;
      });
    }
    child.on("error", (error) => resolve({code: 1, output: `${output}${error.message}\n`}));
    child.on("close", (code, signal) => resolve({code: code ?? (signal ? 1 : 0), output}));
  });
}

const bin = (name) => `node_modules/.bin/${name}`;
const check = await run(process.execPath, ["bin/deals.js", "check"]);
if (check.code !== 0) process.exit(check.code);

const [types, lint, tests] = await Promise.all([
  run(bin("tsc"), ["--noEmit", "-p", "."], {capture: true}),
  run(bin("biome"), ["check", "."], {capture: true}),
  run(bin("vitest"), ["run"])
]);
for (const [name, result] of [
  ["tsc --noEmit", types],
  ["biome check", lint]
]) {
  process.stdout.write(`\n${name}: ${result.code === 0 ? "ok" : `failed (exit ${result.code})`}\n${result.output}`);
}
process.exit([types, lint, tests].find((r) => r.code !== 0)?.code ?? 0);
