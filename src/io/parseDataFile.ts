/**
 * One data file: bytes → YAML → schema-checked value, with every problem located to `file:line:col`.
 */
import type {z} from "zod";
import {fieldName, type Problem} from "./problem.js";
import {assumptionsFile, chipsFile, companiesFile, dealFile, scenariosFile, signalsFile} from "./schema.js";
import {decodeUtf8, parseYamlText, type YamlText} from "./yamlText.js";

/** What a data file holds, from its path. */
export type FileKind = "companies" | "deal" | "chips" | "assumptions" | "scenarios" | "signals";

const SCHEMAS = {
  companies: companiesFile,
  deal: dealFile,
  chips: chipsFile,
  assumptions: assumptionsFile,
  scenarios: scenariosFile,
  signals: signalsFile
} as const;

/** The files every dataset must have, by path relative to the data folder. */
export const REQUIRED_FILES: Record<string, FileKind> = {
  "companies.yaml": "companies",
  "chips.yaml": "chips",
  "assumptions.yaml": "assumptions",
  "scenarios.yaml": "scenarios",
  "signals.yaml": "signals"
};

/** Returns the kind of a data file from its path relative to the data folder, or null if it is not one. */
export function fileKind(relative: string): FileKind | null {
  if (relative in REQUIRED_FILES) return REQUIRED_FILES[relative];
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
 */
export function parseDataFile<K extends FileKind>(kind: K, file: string, bytes: Uint8Array | string): DataFile<K> {
  let text: string;
  if (typeof bytes === "string") text = bytes;
  else {
    const decoded = decodeUtf8(bytes, file);
    if ("problem" in decoded) {
      const yaml = parseYamlText("", file);
      return {kind, file, value: undefined, yaml, problems: [decoded.problem]};
    }
    text = decoded.text;
  }
  const yaml = parseYamlText(text, file);
  if (yaml.problems.length) return {kind, file, value: undefined, yaml, problems: yaml.problems};
  const result = SCHEMAS[kind].safeParse(yaml.value);
  if (result.success) return {kind, file, value: result.data as DataFile<K>["value"], yaml, problems: []};
  const problems = result.error.issues.flatMap((issue) => issueProblems(issue, yaml));
  return {kind, file, value: undefined, yaml, problems: dedupe(problems)};
}

function issueProblems(issue: z.core.$ZodIssue, yaml: YamlText): Problem[] {
  const path = issue.path as PropertyKey[];
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      file: yaml.file,
      ...yaml.locateKey(path, key),
      field: fieldName([...path, key]),
      message: `unknown key "${key}" (misspelt? unknown keys are not allowed)`
    }));
  }
  const value = valueAt(yaml.value, path);
  let message = issue.message;
  if (issue.code === "invalid_type" && value === undefined) message = "is required but missing";
  else if (issue.code === "invalid_type" && value === null) message = `must not be empty (${issue.message})`;
  else if (issue.code === "invalid_type" && typeof value === "string" && /^-?[\d,.]+[a-zA-Z%]*$|^\$/.test(value)) {
    message = `${issue.message}, not the text "${value}"; write a plain number and put the scale in unit`;
  }
  const at = value === undefined ? yaml.locate(path.slice(0, -1)) : yaml.locate(path);
  return [{file: yaml.file, ...at, field: fieldName(path), message}];
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

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.col}:${p.field}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
