/**
 * Pure YAML parsing with positions. Turns bytes into a plain value plus a way to find where any path of that
 * value was written, and refuses the traps of YAML: anchors and aliases (alias bombs), prototype keys,
 * duplicate keys, hex and octal numbers, integers past 2^53, runaway nesting, non-UTF-8 bytes.
 */
import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type Pair,
  parseDocument,
  visit,
  type YAMLError,
  type YAMLMap
} from "yaml";
import {fieldName, type Problem} from "./problem.js";

/** Largest data file accepted, in bytes; a larger one is refused before parsing. */
export const MAX_FILE_BYTES = 1_000_000;

/** Deepest nesting of maps and lists accepted. */
export const MAX_DEPTH = 32;

/** A file's value and the means to locate any path inside it. */
export interface YamlText {
  file: string;
  /** The plain JavaScript value, or undefined when the file could not be parsed. */
  value: unknown;
  /** Returns the 1-based line and column where `path` was written (the nearest existing ancestor if it was not). */
  locate(path: readonly PropertyKey[]): {line: number; col: number};
  /** Returns the position of the key of the last segment of `path`, e.g. an unknown key. */
  locateKey(path: readonly PropertyKey[], key: string): {line: number; col: number};
  problems: Problem[];
}

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Decodes bytes as strict UTF-8 and drops a leading byte-order mark. Returns the text, or a problem naming
 * the byte offset of the first invalid sequence or the size over the cap.
 *
 * @example
 * decodeUtf8(new Uint8Array([0x61, 0xe9]), "f"); // {problem: {line: 1, col: 2, message: "not valid UTF-8 at byte 1 (0xE9); …"}}
 */
export function decodeUtf8(bytes: Uint8Array, file: string): {text: string} | {problem: Problem} {
  if (bytes.length > MAX_FILE_BYTES) {
    return {problem: {file, line: 0, col: 0, field: "", message: `file is ${bytes.length} bytes; the limit is ${MAX_FILE_BYTES}`}};
  }
  try {
    const text = new TextDecoder("utf-8", {fatal: true, ignoreBOM: false}).decode(bytes);
    return {text};
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const lineStart = bytes.lastIndexOf(10, offset - 1) + 1;
    const line = 1 + countNewlines(bytes, offset);
    const byte = bytes[offset].toString(16).toUpperCase().padStart(2, "0");
    return {
      problem: {
        file,
        line,
        col: offset - lineStart + 1,
        field: "",
        message: `not valid UTF-8 at byte ${offset} (0x${byte}); save the file as UTF-8 (Latin-1 or Windows-1252 text is not accepted)`
      }
    };
  }
}

/**
 * Returns the text unchanged, or a problem when its UTF-8 encoding is over the size cap; the counterpart of
 * {@link decodeUtf8} for text that is already decoded.
 *
 * @example
 * checkTextSize("a: 1\n", "f"); // {text: "a: 1\n"}
 */
export function checkTextSize(text: string, file: string): {text: string} | {problem: Problem} {
  // A UTF-16 code unit takes 1 to 3 bytes in UTF-8, so the exact count is only needed near the cap.
  const bytes = text.length * 3 <= MAX_FILE_BYTES ? text.length : new TextEncoder().encode(text).length;
  if (bytes > MAX_FILE_BYTES) {
    return {problem: {file, line: 0, col: 0, field: "", message: `file is ${bytes} bytes; the limit is ${MAX_FILE_BYTES}`}};
  }
  return {text};
}

/** Returns the offset of the first byte that does not start or continue a valid UTF-8 sequence (RFC 3629). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (!n) return i;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= n; ++k) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return bytes.length;
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end; ++i) if (bytes[i] === 10) ++n;
  return n;
}

/**
 * Parses YAML 1.2 (core schema: `2024-01-31` and `NO` stay strings) and returns its value with every problem
 * found, located. An empty document is a problem.
 *
 * @example
 * parseYamlText("date: 2024-01-31\n", "f").value; // {date: "2024-01-31"}
 */
export function parseYamlText(source: string, file: string): YamlText {
  const text = source.replace(/^\uFEFF/, "");
  const lineCounter = new LineCounter();
  const problems: Problem[] = [];
  const at = (offset: number) => {
    const {line, col} = lineCounter.linePos(offset);
    return {line, col};
  };
  const fail = (offset: number, field: string, message: string) => problems.push({file, ...at(offset), field, message});
  const deep = findDeepNesting(text);
  if (deep)
    return unparsed(file, [{file, line: deep.line, col: deep.col, field: "", message: `nested more than ${MAX_DEPTH} levels deep`}]);
  let doc: ReturnType<typeof parseDocument>;
  try {
    // uniqueKeys is checked below in linear time; the parser's own check is quadratic in the keys of a mapping.
    doc = parseDocument(text, {lineCounter, uniqueKeys: false, prettyErrors: false, version: "1.2", schema: "core", strict: true});
  } catch (error) {
    return unparsed(file, [{file, line: 0, col: 0, field: "", message: `cannot parse: ${(error as Error).message}`}]);
  }
  // A syntax error often sets off more on the same line; the first one on each line is the one to fix.
  const linesWithErrors = new Set<number>();
  const quoted = lazy(() => quotedRanges(doc));
  for (const error of [...doc.errors, ...doc.warnings]) {
    const {offset, message} = explainYamlError(error, quoted);
    const {line} = at(offset);
    if (linesWithErrors.has(line)) continue;
    linesWithErrors.add(line);
    fail(offset, "", message);
  }
  if (doc.errors.length) return unparsed(file, problems, lineCounter);
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return unparsed(file, [{file, line: 1, col: 1, field: "", message: "empty document: the file has no data"}], lineCounter);
  }
  inspectNode(doc.contents, [], 0, text, fail);
  if (problems.length) return unparsed(file, problems, lineCounter);

  // Pairs by key for each mapping, built on first use, so locating thousands of problems in a large mapping
  // does not search it once per problem.
  const pairsOf = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairs = (map: YAMLMap) => {
    let index = pairsOf.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : "";
        if (!index.has(key)) index.set(key, pair as Pair);
      }
      pairsOf.set(map, index);
    }
    return index;
  };
  /** Returns the node at `path` (undefined if there is none) and the deepest node with a position on the way. */
  const follow = (path: readonly PropertyKey[]) => {
    let node: unknown = doc.contents;
    let deepest = node as Node | undefined;
    for (const key of path) {
      if (isMap(node)) node = pairs(node).get(String(key))?.value;
      else if (isSeq(node) && typeof key === "number") node = node.items[key];
      else node = undefined;
      if (!node || typeof node !== "object") return {node: undefined, deepest};
      if ((node as Node).range) deepest = node as Node;
    }
    return {node, deepest};
  };
  const locate = (path: readonly PropertyKey[]) => at(follow(path).deepest?.range?.[0] ?? 0);
  const locateKey = (path: readonly PropertyKey[], key: string) => {
    const {node} = follow(path);
    const range = isMap(node) ? (pairs(node).get(key)?.key as Node | undefined)?.range : undefined;
    return range ? at(range[0]) : locate(path);
  };
  return {file, value: doc.toJS({maxAliasCount: 0}), locate, locateKey, problems};
}

/**
 * Walks the parsed document once, reporting what this project refuses even though YAML allows it: duplicate
 * keys, anchors and aliases, reserved and non-text keys, hex and octal numbers, integers past 2^53, and nesting
 * past MAX_DEPTH.
 */
function inspectNode(
  node: unknown,
  path: PropertyKey[],
  depth: number,
  text: string,
  fail: (offset: number, field: string, message: string) => void
): void {
  if (!node || typeof node !== "object") return;
  const offset = (node as Node).range?.[0] ?? 0;
  if (depth > MAX_DEPTH) {
    fail(offset, fieldName(path), `nested more than ${MAX_DEPTH} levels deep`);
    return;
  }
  if (isAlias(node)) {
    fail(offset, fieldName(path), `aliases (*${node.source}) are not allowed in data files; write the value out`);
    return;
  }
  if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor) {
    // The node starts after its `&name`; point at the anchor itself.
    const anchorAt = text.lastIndexOf(`&${node.anchor}`, offset);
    fail(
      anchorAt >= 0 ? anchorAt : offset,
      fieldName(path),
      `anchors (&${node.anchor}) are not allowed in data files; write the value out`
    );
  }
  if (isMap(node)) {
    const seen = new Set<string>();
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      if (key !== null && !isScalar(key)) {
        fail(key.range?.[0] ?? offset, fieldName(path), "keys must be plain text");
        continue;
      }
      const name = key === null ? "" : String(key.value);
      const keyAt = key?.range?.[0] ?? offset;
      const field = fieldName([...path, name]);
      if (FORBIDDEN_KEYS.has(name)) fail(keyAt, name, "this key name is reserved and not allowed");
      else if (seen.has(name)) fail(keyAt, field, `duplicate key "${name}": a key may appear once in a mapping; delete or rename one`);
      seen.add(name);
      if (key) inspectNode(key, path, depth + 1, text, fail);
      inspectNode(pair.value, [...path, name], depth + 1, text, fail);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      inspectNode(item, [...path, i], depth + 1, text, fail);
    });
  } else if (isScalar(node)) {
    if (node.format === "HEX" || node.format === "OCT") fail(offset, fieldName(path), `write numbers in decimal, not ${node.source}`);
    else if (typeof node.value === "number" && Number.isInteger(node.value) && !Number.isSafeInteger(node.value)) {
      fail(offset, fieldName(path), `${node.source} is too large to be exact (over 2^53)`);
    }
  }
}

/** Returns a YAML parser error as a message that says what to do, and the offset where the fix goes. */
function explainYamlError(error: YAMLError, quoted: () => [number, number][]): {offset: number; message: string} {
  const offset = error.pos[0];
  const first = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
  switch (error.code) {
    case "TAB_AS_INDENT":
      return {offset, message: "YAML syntax: tabs are not allowed as indentation; indent with spaces"};
    case "BLOCK_AS_IMPLICIT_KEY":
      return {offset, message: `YAML syntax: ${first}; a value that contains ": " must be quoted`};
    case "MULTIPLE_DOCS":
      return {
        offset,
        message: "YAML syntax: a data file holds one document; remove the second --- and what follows or move it to its own file"
      };
    case "MISSING_CHAR":
      if (/quote/.test(first)) {
        // The parser reports where it gave up (often the end of the file); point at the quote that was opened instead.
        const quote = first.includes("'") ? "'" : '"';
        const opened = lastStartingBefore(quoted(), offset);
        return {
          offset: opened && opened[1] >= offset ? opened[0] : offset,
          message: `YAML syntax: this ${quote} quote is never closed; add the closing ${quote}`
        };
      }
      break;
  }
  if (/call stack/i.test(first)) return {offset, message: `nested more than ${MAX_DEPTH} levels deep`};
  return {offset, message: `YAML syntax: ${first}`};
}

/** Returns the [start, end] offsets of every quoted scalar, in document order. */
function quotedRanges(doc: Document): [number, number][] {
  const out: [number, number][] = [];
  visit(doc, {
    Scalar(_, node) {
      if (node.range && (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE")) out.push([node.range[0], node.range[1]]);
    }
  });
  return out;
}

/** Returns the last range that starts before `offset` (ranges are sorted and do not overlap), by bisection. */
function lastStartingBefore(ranges: [number, number][], offset: number): [number, number] | undefined {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid][0] < offset) lo = mid + 1;
    else hi = mid;
  }
  return ranges[lo - 1];
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/**
 * Returns where flow brackets, indentation, `- `/`? ` indicators or `key: key:` chains first go deeper than
 * MAX_DEPTH, scanning the raw text before the parser sees it (the parser itself overflows its stack or exhausts
 * memory on thousands of nested levels), or null if they never do. Quoted text, comments and block scalars
 * (`notes: |`) are skipped, so brackets and apostrophes in prose do not count.
 *
 * @example
 * findDeepNesting("a: [[1]]\n"); // null
 */
export function findDeepNesting(text: string): {line: number; col: number} | null {
  const lines = text.split("\n");
  let depth = 0;
  let quote = "";
  let blockIndent = -1;
  for (let n = 0; n < lines.length; ++n) {
    const line = lines[n];
    const indent = /^ */.exec(line)![0].length;
    if (blockIndent >= 0) {
      if (line.trim() === "" || indent > blockIndent) continue;
      blockIndent = -1;
    }
    if (!quote) {
      const lead = /^(?: |[-?](?=[ \t]|$))*/.exec(line)![0].length;
      if (lead > MAX_DEPTH * 4) return {line: n + 1, col: MAX_DEPTH * 4 + 1};
    }
    let colons = 0;
    let last = "";
    for (let i = quote ? 0 : indent; i < line.length; ++i) {
      const c = line[i];
      if (quote) {
        if (quote === '"' && c === "\\") ++i;
        else if (c === quote) quote = "";
        continue;
      }
      if (c === " " || c === "\t" || c === "\r") continue;
      if (c === "#" && (i === 0 || /\s/.test(line[i - 1]))) break;
      if ((c === '"' || c === "'") && (last === "" || ":-[{,?".includes(last))) quote = c;
      else if (c === "[" || c === "{") {
        if (++depth > MAX_DEPTH) return {line: n + 1, col: i + 1};
      } else if (c === "]" || c === "}") depth = Math.max(0, depth - 1);
      else if (c === ":" && depth === 0 && /^\s|^$/.test(line.slice(i + 1, i + 2)) && ++colons > MAX_DEPTH)
        return {line: n + 1, col: i + 1};
      last = c;
    }
    if (!quote && depth === 0 && /(?:^[ ?-]*|[:-]\s+)[|>][1-9+-]{0,2}\s*(?:#.*)?$/.test(line.trimEnd())) blockIndent = indent;
  }
  return null;
}

function unparsed(file: string, problems: Problem[], lineCounter?: LineCounter): YamlText {
  const first = {line: problems[0]?.line ?? 0, col: problems[0]?.col ?? 0};
  void lineCounter;
  return {file, value: undefined, locate: () => first, locateKey: () => first, problems};
}

/** Returns the field name of a path; re-exported so callers need one import. */
export {fieldName};
