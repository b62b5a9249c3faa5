import {assert, it} from "vitest";
import {descendants} from "../../src/cli/bench/processTree.js";

it("descendants(root, parents) returns the root and every process below it, and nothing else", () => {
  const parents = new Map([
    [101, 100],
    [102, 101],
    [103, 100],
    [200, 1],
    [201, 200]
  ]);
  assert.deepStrictEqual(descendants(100, parents), [100, 101, 103, 102]);
  assert.deepStrictEqual(descendants(999, parents), [999]);
});
