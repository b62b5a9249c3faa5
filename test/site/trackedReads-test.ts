// The table-reads memo (src/site/trackedReads.ts, issue #18): what a computation read is recorded with each value's
// text, a whole-table read is told apart, and a kept result is reused exactly while every entry it read reads the same.
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {assert, it} from "vitest";
import {dealMemo} from "../../src/cli/snapshotWriter.js";
import {readsHold, trackReads, valueText} from "../../src/site/trackedReads.js";

it("records each name read by get or has, once, sorted, with its value's text; an absent name reads as ''", () => {
  const {view, reads} = trackReads(
    new Map<string, unknown>([
      ["b", {kind: "text", text: "x"}],
      ["a", 1]
    ])
  );
  assert.deepStrictEqual(view.get("b"), {kind: "text", text: "x"});
  assert.isTrue(view.has("a"));
  assert.isFalse(view.has("zz"));
  view.get("b");
  assert.deepStrictEqual(reads(), [
    ["a", "1"],
    ["b", '{"kind":"text","text":"x"}'],
    ["zz", ""]
  ]);
});

it("a computation that goes through the whole table (keys, size, entries, iteration, forEach) reads it whole: null", () => {
  const table = new Map([["a", 1]]);
  for (const whole of [
    (m: ReadonlyMap<string, number>) => [...m.keys()],
    (m: ReadonlyMap<string, number>) => m.size,
    (m: ReadonlyMap<string, number>) => [...m.entries()],
    (m: ReadonlyMap<string, number>) => [...m],
    (m: ReadonlyMap<string, number>) => [...m.values()],
    (m: ReadonlyMap<string, number>) => m.forEach(() => {})
  ]) {
    const {view, reads} = trackReads(table);
    view.get("a");
    whole(view);
    assert.isNull(reads());
  }
});

it("valueText tells NaN, Infinity, null and a missing entry apart (JSON alone writes them all as null)", () => {
  const texts = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, null, undefined].map((v) => valueText({value: v}));
  assert.strictEqual(new Set(texts).size, 5);
  assert.strictEqual(valueText(undefined), "");
  assert.notStrictEqual(valueText(null), valueText(undefined));
  assert.isTrue(readsHold([["a", "1"]], new Map([["a", 1]])));
  assert.isFalse(readsHold([["a", "1"]], new Map([["a", 2]])));
  assert.isFalse(readsHold([["a", "1"]], new Map()));
});

it("the build's memo keeps a result while what it read reads the same: another value read → computed again, another value not read → kept, a whole read → never kept", async () => {
  const dir = await mkdtemp(join(tmpdir(), "deals-reads-"));
  try {
    let computed = 0;
    const sum = (m: ReadonlyMap<string, number>) => {
      computed++;
      return (m.get("a") ?? 0) + (m.get("b") ?? 0);
    };
    const run = (table: Map<string, number>, input: unknown = "x", f = sum) => dealMemo("core", "site", dir).reads("t", input, table, f);
    assert.strictEqual(
      run(
        new Map([
          ["a", 1],
          ["b", 2],
          ["c", 3]
        ])
      ),
      3
    );
    assert.strictEqual(computed, 1);
    // A new memo (the next build): kept.
    assert.strictEqual(
      run(
        new Map([
          ["a", 1],
          ["b", 2],
          ["c", 30]
        ])
      ),
      3
    );
    assert.strictEqual(computed, 1);
    // A value it read moved: computed again, and the new result kept.
    assert.strictEqual(
      run(
        new Map([
          ["a", 1],
          ["b", 5],
          ["c", 30]
        ])
      ),
      6
    );
    assert.strictEqual(computed, 2);
    assert.strictEqual(
      run(
        new Map([
          ["a", 1],
          ["b", 5]
        ])
      ),
      6
    );
    assert.strictEqual(computed, 2);
    // Another input: its own entry.
    assert.strictEqual(
      run(
        new Map([
          ["a", 1],
          ["b", 5]
        ]),
        "y"
      ),
      6
    );
    assert.strictEqual(computed, 3);
    // A computation that reads the whole table is computed every time.
    const total = (m: ReadonlyMap<string, number>) => {
      computed++;
      return [...m.values()].reduce((s, v) => s + v, 0);
    };
    run(new Map([["a", 1]]), "z", total);
    run(new Map([["a", 1]]), "z", total);
    assert.strictEqual(computed, 5);
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
});
