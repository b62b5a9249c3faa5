import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {assert, it} from "vitest";
import {changeOneValue} from "../../src/cli/bench/changeOneValue.js";

it("changeOneValue(dataDir) adds 1 to the first commitment value and says where", async () => {
  const dir = await mkdtemp(join(tmpdir(), "bench-test-"));
  try {
    await mkdir(join(dir, "deals"));
    const file = join(dir, "deals", "amazon-anthropic.yaml");
    await writeFile(file, "id: x\ntranches:\n  - amount: {value: 5}\ncommitments:\n  - id: c\n    amount: {value: 100, unit: usd-bn}\n");
    assert.strictEqual(await changeOneValue(dir), "deals/amazon-anthropic.yaml:6: value 100 → 101");
    assert.include(
      await readFile(file, "utf-8"),
      "tranches:\n  - amount: {value: 5}\ncommitments:\n  - id: c\n    amount: {value: 101, unit: usd-bn}"
    );
    await writeFile(file, "id: x\n");
    let error: unknown;
    await changeOneValue(dir).catch((e) => (error = e));
    assert.match(String(error), /invalid data for the benchmark/);
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
});
