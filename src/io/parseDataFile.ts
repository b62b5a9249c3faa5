/**
 * One data file: bytes → YAML → schema-checked value, with every problem located to `file:line:col`.
 */
import type {z} from "zod";
import {placeholderProblems} from "./dealTemplate.js";
import {dedupeProblems, fieldName, type Problem} from "./problem.js";
import {assumptionsFile, chipsFile, companiesFile, dealFile, scenariosFile, signalsFile, yardsticksFile} from "./schema.js";
import {checkTextSize, decodeUtf8, parseYamlText, type YamlText} from "./yamlText.js";

/** What a data file holds, from its path. */
export type FileKind = "companies" | "deal" | "chips" | "assumptions" | "scenarios" | "signals" | "yardsticks";

/** The schema of each kind of data file. */
export const SCHEMAS = {
  companies: companiesFile,
  deal: dealFile,
  chips: chipsFile,
  assumptions: assumptionsFile,
  scenarios: scenariosFile,
  signals: signalsFile,
  yardsticks: yardsticksFile
} as const;

/** The files every dataset must have, by path relative to the data folder. */
export const REQUIRED_FILES: Record<string, FileKind> = {
  "companies.yaml": "companies",
  "chips.yaml": "chips",
  "assumptions.yaml": "assumptions",
  "scenarios.yaml": "scenarios",
  "signals.yaml": "signals"
};

/** The files a dataset may have, by path relative to the data folder. */
export const OPTIONAL_FILES: Record<string, FileKind> = {
  "yardsticks.yaml": "yardsticks"
};

/**
 * Returns the kind of a data file from its path relative to the data folder, or null if it is not one.
 *
 * @example
 * fileKind("deals/amazon-anthropic.yaml"); // "deal"
 * fileKind("notes.txt"); // null
 */
export function fileKind(relative: string): FileKind | null {
  if (relative in REQUIRED_FILES) return REQUIRED_FILES[relative];
  if (relative in OPTIONAL_FILES) return OPTIONAL_FILES[relative];
  if (/^deals\/[^/]+\.ya?ml$/.test(relative)) return "deal";
  return null;
}

/** A parsed, schema-checked data file. `value` is undefined when it has problems. */
export interface DataFile<K extends FileKind = FileKind> {
  kind: K;
  file: string;
  value: z.infer<(typeof SCHEMAS)[K]> | undefined;
  yaml: YamlText;
  problems: Problem[];
}

/**
 * Parses and schema-checks one file. Returns every problem at once: syntax problems stop there; schema
 * problems are all reported (unknown keys, missing fields, wrong types, out-of-range values).
 *
 * The result is shared with later calls for the same kind, path and text (a small cache, so re-checking a
 * folder where one file changed re-parses only that file); treat it as read-only. `store` keeps the value of a file
 * without problems beyond the process (see ParsedStore): one found there is not parsed unless its positions are asked.
 *
 * @example
 * const {value, problems} = parseDataFile("companies", "data/companies.yaml", "companies: []\n");
 */
export function parseDataFile<K extends FileKind>(kind: K, file: string, bytes: Uint8Array | string, store?: ParsedStore): DataFile<K> {
  const decoded = typeof bytes === "string" ? checkTextSize(bytes, file) : decodeUtf8(bytes, file);
  if ("problem" in decoded) {
    const yaml = parseYamlText("", file);
    return {kind, file, value: undefined, yaml, problems: [decoded.problem]};
  }
  const key = `${kind}\0${file}\0${decoded.text}`;
  const cached = CACHE.get(key);
  if (cached) return cached as DataFile<K>;
  const stored = store?.get(key);
  const parsed =
    stored === undefined
      ? parseText(kind, file, decoded.text)
      : {kind, file, value: stored as DataFile<K>["value"], yaml: lazyYamlText(decoded.text, file), problems: []};
  if (stored === undefined && !parsed.problems.length) store?.set(key, parsed.value);
  CACHE.set(key, parsed);
  // Map keeps insertion order, so the first key is the oldest.
  if (CACHE.size > CACHE_SIZE) CACHE.delete(CACHE.keys().next().value!);
  return parsed;
}

/**
 * Schema-checked values kept beyond the process (the build's, src/cli/checkCache.ts), by the key `kind\0file\0text`:
 * only a file without problems is kept, so a problem is always found and located by parsing the file again.
 */
export interface ParsedStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/**
 * Returns the YamlText of `text`, parsed only when first asked for (a kept file's positions are needed only to locate
 * a problem the data as a whole has, e.g. a deal naming an unknown company).
 */
function lazyYamlText(text: string, file: string): YamlText {
  let parsed: YamlText | undefined;
  const yaml = () => {
    parsed ??= parseYamlText(text, file);
    return parsed;
  };
  return {
    file,
    get value() {
      return yaml().value;
    },
    locate: (path) => yaml().locate(path),
    locateKey: (path, key) => yaml().locateKey(path, key),
    get problems() {
      return yaml().problems;
    }
  };
}

/** Forgets the parsed files this process keeps (a test of a ParsedStore needs a process that has parsed nothing). */
export function forgetParsedFiles(): void {
  CACHE.clear();
}

/** Parsed files kept, by kind, path and text; a data folder has a few dozen files. */
const CACHE_SIZE = 100;
const CACHE = new Map<string, DataFile>();

function parseText<K extends FileKind>(kind: K, file: string, text: string): DataFile<K> {
  const yaml = parseYamlText(text, file);
  if (yaml.problems.length) return {kind, file, value: undefined, yaml, problems: yaml.problems};
  // Placeholders left from `deals new` are reported as such, instead of as the wrong type or format they also are.
  const placeholders = placeholderProblems(yaml);
  const result = SCHEMAS[kind].safeParse(yaml.value);
  if (result.success && !placeholders.length) return {kind, file, value: result.data as DataFile<K>["value"], yaml, problems: []};
  const missing = result.success ? new Map<string, string[]>() : missingKeys(result.error.issues, yaml.value);
  const left = new Set(placeholders.map((p) => p.field));
  const problems = (result.success ? [] : result.error.issues.flatMap((issue) => issueProblems(issue, yaml, missing))).filter(
    (p) => !left.has(p.field)
  );
  return {kind, file, value: undefined, yaml, problems: dedupeProblems([...placeholders, ...problems])};
}

/** Format characters (zero-width space, joiners, direction marks, soft hyphen, BOM) that make text look right but differ. */
const INVISIBLE = /\p{Cf}/u;

function issueProblems(issue: z.core.$ZodIssue, yaml: YamlText, missing: Map<string, string[]>): Problem[] {
  const path = issue.path as PropertyKey[];
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => {
      const guess = closest(key, missing.get(fieldName(path)) ?? []);
      return {
        file: yaml.file,
        ...yaml.locateKey(path, key),
        field: fieldName([...path, key]),
        message: `unknown key "${key}" (${guess ? `did you mean "${guess}"?` : "misspelt?"} unknown keys are not allowed)`
      };
    });
  }
  const value = valueAt(yaml.value, path);
  let message = issue.message;
  if (issue.code === "invalid_type") {
    if (value === undefined) message = "is required but missing";
    else if (value === null) message = `must not be empty (${issue.message})`;
    else if (path.length === 0) message = `the file must be a mapping of keys (such as "id:" or "chips:"), not ${describe(value)}`;
    else if (typeof value === "number" && !Number.isFinite(value)) {
      message = `must be a finite number, not ${value} (.nan, .inf and numbers past 1.8e308 are not allowed)`;
    } else if (issue.expected === "boolean" && typeof value === "string") {
      message = `${issue.message}, not the text "${value}"; only unquoted true and false are yes/no values`;
    } else if (typeof value === "string" && /^[-+]?[\d,.]+[a-zA-Z%]*$|^[-+]?\$/.test(value)) {
      message = `${issue.message}, not the text "${value}"; write a plain number without quotes, commas or symbols and put the scale in unit`;
    } else message = `${issue.message}, not ${describe(value)}`;
  } else if (issue.code === "invalid_value" && typeof value === "string") {
    message = `"${value}" is not allowed: ${issue.message}`;
  }
  if (typeof value === "string" && INVISIBLE.test(value)) {
    const code = value.match(INVISIBLE)![0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
    message += ` (it contains the invisible character U+${code}; retype it)`;
  }
  const at = value === undefined ? yaml.locate(path.slice(0, -1)) : yaml.locate(path);
  return [{file: yaml.file, ...at, field: fieldName(path), message}];
}

/** Returns a value as a message names it: `the number 5`, `the text "x"`, `a list`, `a mapping`, `true`. */
function describe(value: unknown): string {
  if (typeof value === "string") return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === "number") return `the number ${value}`;
  if (Array.isArray(value)) return "a list";
  if (value !== null && typeof value === "object") return "a mapping";
  return String(value);
}

/** Returns, by parent field, the required keys that are missing: the candidates for a misspelt key. */
function missingKeys(issues: readonly z.core.$ZodIssue[], value: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const issue of issues) {
    const path = issue.path as PropertyKey[];
    const key = path.at(-1);
    if (issue.code !== "invalid_type" || typeof key !== "string" || valueAt(value, path) !== undefined) continue;
    const parent = fieldName(path.slice(0, -1));
    out.set(parent, [...(out.get(parent) ?? []), key]);
  }
  return out;
}

/** Returns the candidate within two edits of `key` (insertions, deletions, substitutions), or undefined. */
function closest(key: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; ++i) {
    const row = [i];
    for (let j = 1; j <= b.length; ++j)
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let node = value;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    if (!Object.hasOwn(node, key)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
