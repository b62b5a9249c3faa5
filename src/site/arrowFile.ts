/**
 * An Arrow IPC file put together from record batches encoded earlier, without decoding or encoding a value again: the
 * figure table's file at 1,000 deals is one batch per deal, each kept between builds (downloads.ts). Each batch comes
 * as the Arrow stream flechette writes for it alone (schema message, the batch's message, end of stream); the file is
 * the magic bytes, one schema message, every batch's message, the end-of-stream marker and a footer listing each batch
 * by offset (https://arrow.apache.org/docs/format/Columnar.html#ipc-file-format), written by flechette's own footer
 * writer so the file is the one its `tableToIPC(…, {format: "file"})` would lay out.
 */
import type {Schema} from "@uwdata/flechette";
import {Builder} from "@uwdata/flechette/src/encode/builder.js";
import {writeFooter} from "@uwdata/flechette/src/encode/footer.js";
import {MemorySink} from "@uwdata/flechette/src/encode/sink.js";

/** "ARROW1", the first and last bytes of an Arrow file. */
const MAGIC = Uint8Array.of(65, 82, 82, 79, 87, 49);
/** The end-of-stream marker: continuation 0xFFFFFFFF, then a message length of 0. */
const EOS = Uint8Array.of(255, 255, 255, 255, 0, 0, 0, 0);

/**
 * Returns the byte length of the IPC message that starts at `offset` of `bytes`, prefix included: its 8-byte prefix
 * (0xFFFFFFFF, then the metadata's length, padded) and its metadata; `body` more bytes of the message's body follow.
 */
function metadataLength(bytes: Uint8Array, offset: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt32(offset, true) !== -1) throw new Error(`invalid Arrow stream: no continuation marker at byte ${offset}`);
  return 8 + view.getInt32(offset + 4, true);
}

/**
 * Splits an Arrow stream of one schema and one record batch (what flechette's tableToIPC writes for a one-batch
 * table in the stream format) into its schema message and its batch's message, with the batch's metadata and body
 * lengths. Throws on a stream of another shape.
 */
export function splitStream(stream: Uint8Array): {schema: Uint8Array; batch: Uint8Array; metadataLength: number; bodyLength: number} {
  const schemaLength = metadataLength(stream, 0);
  const end = stream.byteLength - EOS.byteLength;
  const batchMetadata = metadataLength(stream, schemaLength);
  if (end <= schemaLength + batchMetadata || metadataLength(stream, end) !== 8)
    throw new Error("invalid Arrow stream: not one schema and one batch");
  return {
    schema: stream.subarray(0, schemaLength),
    batch: stream.subarray(schemaLength, end),
    metadataLength: batchMetadata,
    bodyLength: end - schemaLength - batchMetadata
  };
}

/**
 * Returns an Arrow IPC file of the batches `streams` (each a one-batch stream, see splitStream), all of the schema
 * `schema` (whose message is the first stream's).
 */
export function arrowFile(schema: Schema, streams: readonly Uint8Array[]): Uint8Array {
  const parts = streams.map(splitStream);
  if (parts.length === 0) throw new Error("arrowFile: no batch");
  const builder = new Builder(new MemorySink());
  builder.addBuffer(MAGIC);
  builder.addBuffer(parts[0].schema);
  const blocks = parts.map(({batch, metadataLength, bodyLength}) => {
    const offset = builder.outputBytes;
    builder.addBuffer(batch);
    return {offset, metadataLength, bodyLength};
  });
  builder.addBuffer(EOS);
  writeFooter(builder, schema, [], blocks, null);
  return (builder as unknown as {sink: MemorySink}).sink.finish();
}
