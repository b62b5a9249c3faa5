import {mkdir, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {assert, it} from "vitest";
import {coreNamesUsed} from "../../src/cli/coreNames.js";

it("coreNamesUsed(docs) lists the value names pages import or re-export from lib/core.js, types and lib/ left out", async () => {
  const docs = await mkdtemp(join(tmpdir(), "deals-core-names-"));
  try {
    await mkdir(join(docs, "components/sections"), {recursive: true});
    await mkdir(join(docs, "lib"));
    await writeFile(
      join(docs, "components/a.ts"),
      'import {b, type T, c as d} from "../lib/core.js";\nimport type {U} from "../lib/core.js";\n'
    );
    await writeFile(
      join(docs, "components/sections/e.ts"),
      'import {\n  a,\n  b\n} from "../../lib/core.js";\nexport {z} from "../../lib/core.js";\n'
    );
    await writeFile(join(docs, "page.md"), '```js\nimport {m} from "./lib/core.js";\n```\n');
    await writeFile(join(docs, "lib/core.d.ts"), 'export {nope} from "../lib/core.js";\n');
    assert.deepStrictEqual(await coreNamesUsed(docs), ["a", "b", "c", "m", "z"]);
    // A namespace import needs every name: null (the whole core is bundled).
    await writeFile(join(docs, "components/all.ts"), 'import * as core from "../lib/core.js";\n');
    assert.isNull(await coreNamesUsed(docs));
  } finally {
    await rm(docs, {recursive: true, force: true});
  }
});
