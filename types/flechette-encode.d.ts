// Flechette's IPC writer internals (pinned: @uwdata/flechette 2.6.0), used by src/site/arrowFile.ts to write an Arrow
// file's footer around record batches encoded earlier. Only what that module calls is declared.
declare module "@uwdata/flechette/src/encode/sink.js" {
  export class MemorySink {
    write(bytes: Uint8Array): void;
    finish(): Uint8Array;
  }
}
declare module "@uwdata/flechette/src/encode/builder.js" {
  export class Builder {
    constructor(sink: import("@uwdata/flechette/src/encode/sink.js").MemorySink);
    outputBytes: number;
    addBuffer(buffer: Uint8Array): number;
  }
}
declare module "@uwdata/flechette/src/encode/footer.js" {
  export function writeFooter(
    builder: import("@uwdata/flechette/src/encode/builder.js").Builder,
    schema: import("@uwdata/flechette").Schema,
    dictBlocks: {offset: number; metadataLength: number; bodyLength: number}[],
    recordBlocks: {offset: number; metadataLength: number; bodyLength: number}[],
    metadata: Map<string, string> | null
  ): void;
}
