/**
 * Pure YAML parsing with positions. Turns bytes into a plain value plus a way to find where any path of that
 * value was written, and refuses the traps of YAML: anchors and aliases (alias bombs), prototype keys,
 * duplicate keys, hex and octal numbers, integers past 2^53, runaway nesting, non-UTF-8 bytes.
 */
import {isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument, visit} from "yaml";
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
    const line = 1 + countNewlines(bytes, offset);
    return {problem: {file, line, col: 0, field: "", message: `not valid UTF-8 at byte ${offset}; save the file as UTF-8`}};
  }
}

/** Returns the offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", {fatal: true});
  let lo = 0;
  let hi = bytes.length;
  // The longest valid prefix; binary search on prefix validity (a prefix may end mid-sequence, so back off 3).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid), {stream: true});
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end; ++i) if (bytes[i] === 10) ++n;
  return n;
}

/**
 * Parses YAML 1.2 (core schema: `2024-01-31` and `NO` stay strings) and returns its value with every problem
 * found, located. An empty document is a problem.
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
    doc = parseDocument(text, {lineCounter, uniqueKeys: true, prettyErrors: false, version: "1.2", schema: "core", strict: true});
  } catch (error) {
    return unparsed(file, [{file, line: 0, col: 0, field: "", message: `cannot parse: ${(error as Error).message}`}]);
  }
  for (const error of [...doc.errors, ...doc.warnings]) {
    const message = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
    fail(error.pos[0], "", `${error.code === "DUPLICATE_KEY" ? "duplicate key" : "YAML syntax"}: ${message}`);
  }
  if (doc.errors.length) return unparsed(file, problems, lineCounter);
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return unparsed(file, [{file, line: 1, col: 1, field: "", message: "empty document: the file has no data"}], lineCounter);
  }

  let tooDeep = false;
  visit(doc, (key, node, path) => {
    const depth = path.filter((p) => isMap(p) || isSeq(p)).length;
    const range = (node as Node).range;
    const offset = range ? range[0] : 0;
    if (depth > MAX_DEPTH && !tooDeep) {
      tooDeep = true;
      fail(offset, "", `nested more than ${MAX_DEPTH} levels deep`);
      return visit.BREAK;
    }
    if (isAlias(node)) fail(offset, "", `aliases (*${node.source}) are not allowed in data files; write the value out`);
    else if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor) {
      fail(offset, "", `anchors (&${node.anchor}) are not allowed in data files; write the value out`);
    }
    if (isPair(node) && isScalar(node.key) && FORBIDDEN_KEYS.has(String(node.key.value))) {
      fail(node.key.range?.[0] ?? 0, String(node.key.value), "this key name is reserved and not allowed");
    }
    if (isPair(node) && node.key !== null && !isScalar(node.key)) fail(offset, "", "keys must be plain text");
    if (isScalar(node)) {
      if (node.format === "HEX" || node.format === "OCT") fail(offset, "", `write numbers in decimal, not ${node.source}`);
      else if (typeof node.value === "number" && Number.isInteger(node.value) && !Number.isSafeInteger(node.value)) {
        fail(offset, "", `${node.source} is too large to be exact (over 2^53)`);
      }
    }
    return key === null ? undefined : undefined;
  });
  if (problems.length) return unparsed(file, problems, lineCounter);

  const locateNode = (path: readonly PropertyKey[]): Node | undefined => {
    for (let n = path.length; n >= 0; --n) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as Node | undefined;
      if (node && typeof node === "object" && "range" in node && node.range) return node;
    }
    return undefined;
  };
  const locate = (path: readonly PropertyKey[]) => at(locateNode(path)?.range?.[0] ?? 0);
  const locateKey = (path: readonly PropertyKey[], key: string) => {
    const parent = doc.getIn(path as unknown[], true);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      if (pair && isScalar(pair.key) && pair.key.range) return at(pair.key.range[0]);
    }
    return locate(path);
  };
  return {file, value: doc.toJS({maxAliasCount: 0}), locate, locateKey, problems};
}

/**
 * Returns where flow brackets or indentation first go deeper than MAX_DEPTH, scanning the raw text before the
 * parser sees it (the parser itself exhausts memory on thousands of nested brackets), or null if they never do.
 * Quotes and comments are skipped, so brackets inside strings do not count.
 */
export function findDeepNesting(text: string): {line: number; col: number} | null {
  let depth = 0;
  let line = 1;
  let col = 0;
  let quote = "";
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    ++col;
    if (c === "\n") {
      ++line;
      col = 0;
      lineStart = true;
      indent = 0;
      if (quote === "'" || quote === '"') continue;
      quote = "";
      continue;
    }
    if (lineStart) {
      if (c === " " || c === "-") {
        indent += 1;
        if (indent > MAX_DEPTH * 4) return {line, col};
        continue;
      }
      lineStart = false;
    }
    if (quote === "#") continue;
    if (quote) {
      if (c === quote && !(quote === '"' && text[i - 1] === "\\")) quote = "";
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]))) quote = "#";
    else if (c === "[" || c === "{") {
      if (++depth > MAX_DEPTH) return {line, col};
    } else if (c === "]" || c === "}") depth = Math.max(0, depth - 1);
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
