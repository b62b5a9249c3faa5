/** only(record, ids): the record cut to some keys in the record's own order (citedOnly's source records, issue #18). */
import fc from "fast-check";
import {assert, it} from "vitest";
import {only} from "../../src/site/briefingSlice.js";

it("only(record, ids) keeps the keys among ids in the record's order, not the ids' order, and drops ids it does not hold", () => {
  const record = {b: 2, a: 1, c: 3};
  assert.deepStrictEqual(Object.entries(only(record, ["c", "x", "b"])), [
    ["b", 2],
    ["c", 3]
  ]);
  assert.deepStrictEqual(only(record, []), {});
  // The same record again (its key order is kept between calls): the same rule.
  assert.deepStrictEqual(Object.keys(only(record, ["a", "b"])), ["b", "a"]);
});

it("only(record, ids) is Object.entries(record) filtered by ids, for any record and ids (the JSON text too)", () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string({maxLength: 4}), fc.integer()), fc.array(fc.string({maxLength: 4})), (record, extra) => {
      const ids = [...Object.keys(record).filter((_, i) => i % 2 === 0), ...extra].reverse();
      const wanted = new Set(ids);
      const expected = Object.fromEntries(Object.entries(record).filter(([k]) => wanted.has(k)));
      assert.strictEqual(JSON.stringify(only(record, ids)), JSON.stringify(expected));
    })
  );
});
