/** arrowFile: an Arrow file put together from one-batch streams is the file flechette writes for the same batches. */
import {Column, float64, Table, tableFromArrays, tableFromIPC, tableToIPC, utf8} from "@uwdata/flechette";
import {assert, it} from "vitest";
import {arrowFile, splitStream} from "../../src/site/arrowFile.js";

const types = {name: utf8(), value: float64()};
const batch = (name: (string | null)[], value: (number | null)[]) => tableFromArrays({name, value}, {types});
const parts = [batch(["a", null, "ccc"], [1, 2.5, null]), batch(["dd"], [null]), batch([null, "e"], [-3, 4])];
const streams = parts.map((t) => tableToIPC(t, {format: "stream"})!);

it("arrowFile(schema, streams) is, byte for byte, flechette's own file of a table made of those batches", () => {
  const decoded = streams.map((s) => tableFromIPC(s));
  const whole = new Table(
    decoded[0].schema,
    decoded[0].children.map((_, i) => new Column(decoded.flatMap((d) => d.children[i].data)))
  );
  const expected = tableToIPC(whole, {format: "file"})!;
  const file = arrowFile(batch([], []).schema, streams);
  assert.strictEqual(Buffer.from(file).toString("hex"), Buffer.from(expected).toString("hex"));
  const back = tableFromIPC(file);
  assert.strictEqual(back.children[0].data.length, 3, "three record batches");
  assert.deepStrictEqual(
    back.toArray().map((r) => ({...r})),
    [
      {name: "a", value: 1},
      {name: null, value: 2.5},
      {name: "ccc", value: null},
      {name: "dd", value: null},
      {name: null, value: -3},
      {name: "e", value: 4}
    ]
  );
});

it("splitStream finds the schema's and the batch's messages, and refuses a stream of another shape", () => {
  const {schema, batch: message, metadataLength, bodyLength} = splitStream(streams[0]);
  assert.strictEqual(schema.byteLength + message.byteLength + 8, streams[0].byteLength, "schema, batch, end of stream");
  assert.strictEqual(metadataLength + bodyLength, message.byteLength);
  assert.strictEqual(metadataLength % 8, 0, "messages are 8-byte aligned");
  assert.throws(() => splitStream(streams[0].subarray(0, schema.byteLength + 8)), /invalid Arrow stream/);
  assert.throws(() => splitStream(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8)), /invalid Arrow stream/);
});
