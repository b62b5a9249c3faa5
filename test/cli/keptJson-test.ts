/** keptJson: a memo's kept object or array is handed on unread and reads as the value once used (issue #18). */
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, assert, it} from "vitest";
import {inputDigest, keptJson, MISSING} from "../../src/cli/snapshotWriter.js";

const dir = mkdtempSync(join(tmpdir(), "deals-kept-json-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

it("an object or array is not read until something looks into it, then reads as the file's value in every respect", () => {
  const path = join(dir, "object.json");
  writeFileSync(path, JSON.stringify({a: 1, b: [1, 2]}));
  const kept = keptJson(path) as {a: number; b: number[]};
  // Written again after the hand-over: what a reader then sees is the file as it is when first read.
  writeFileSync(path, JSON.stringify({b: [3], a: 2, c: null}));
  assert.deepStrictEqual(Object.keys(kept), ["b", "a", "c"]);
  assert.strictEqual(kept.a, 2);
  assert.strictEqual(JSON.stringify(kept), '{"b":[3],"a":2,"c":null}');
  assert.isTrue("c" in kept);
  assert.deepStrictEqual({...kept}, {b: [3], a: 2, c: null});
  const list = join(dir, "array.json");
  writeFileSync(list, JSON.stringify([{x: 1}, 2, "three"]));
  const rows = keptJson(list) as unknown[];
  assert.isTrue(Array.isArray(rows));
  assert.strictEqual(rows.length, 3);
  assert.deepStrictEqual([...rows], [{x: 1}, 2, "three"]);
  assert.deepStrictEqual(
    rows.map((r) => typeof r),
    ["object", "number", "string"]
  );
  assert.strictEqual(JSON.stringify(rows), '[{"x":1},2,"three"]');
  assert.deepStrictEqual([[0, ...rows]].flat(), [0, {x: 1}, 2, "three"]);
});

it("a kept object with a key named __proto__ holds it as its own key, as JSON.parse gives it back", () => {
  const path = join(dir, "proto.json");
  writeFileSync(path, '{"__proto__":{"polluted":1},"a":1}');
  const kept = keptJson(path) as Record<string, unknown>;
  assert.deepStrictEqual(Object.keys(kept), ["__proto__", "a"]);
  assert.strictEqual(JSON.stringify(kept), '{"__proto__":{"polluted":1},"a":1}');
  assert.isUndefined((kept as {polluted?: number}).polluted);
});

it("a number, string or null is read at once; a missing file is MISSING", () => {
  for (const value of [3.5, "text", null, true]) {
    const path = join(dir, "primitive.json");
    writeFileSync(path, JSON.stringify(value));
    assert.strictEqual(keptJson(path), value);
  }
  assert.strictEqual(keptJson(join(dir, "none.json")), MISSING);
});

it("a value that holds a memo result is keyed by the result's key, not its content (the kept result is never read to key it)", () => {
  const path = join(dir, "unread.json");
  writeFileSync(path, JSON.stringify([1, 2, 3]));
  const kept = keptJson(path) as number[];
  const seen = new WeakMap<object, string>([[kept, "memo:abc"]]);
  const digest = inputDigest({rows: kept, other: 1}, seen);
  // The file is gone: a read would throw. The digest equals one of a value whose rows are any other result of that key.
  rmSync(path);
  const other = [9];
  assert.strictEqual(digest, inputDigest({rows: other, other: 1}, new WeakMap([[other, "memo:abc"]])));
  assert.notStrictEqual(digest, inputDigest({rows: [1, 2, 3], other: 1}, new WeakMap()));
});
