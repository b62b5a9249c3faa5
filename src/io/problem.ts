/** One thing wrong with a data file, located to the line and column where it is. */
export interface Problem {
  /** Path relative to the project root, e.g. `data/deals/amazon-anthropic.yaml`. */
  file: string;
  /** 1-based line; 0 when the problem is about the whole file. */
  line: number;
  /** 1-based column; 0 when unknown. */
  col: number;
  /** Dotted path of the field, e.g. `tranches[2].amount.value`; empty for the whole file. */
  field: string;
  message: string;
}

/**
 * Returns `path:line:col: field: message`, the form editors and CI annotations understand.
 *
 * @example
 * formatProblem({file: "data/chips.yaml", line: 3, col: 5, field: "chips[0].id", message: "is required but missing"});
 * // "data/chips.yaml:3:5: chips[0].id: is required but missing"
 */
export function formatProblem({file, line, col, field, message}: Problem): string {
  return `${file}:${line}:${col}: ${field || "(file)"}: ${message}`;
}

/**
 * Returns a GitHub Actions `::error` annotation for the problem.
 *
 * @example
 * annotateProblem({file: "data/chips.yaml", line: 0, col: 0, field: "", message: "empty document"});
 * // "::error file=data/chips.yaml,line=1,col=1::(file): empty document"
 */
export function annotateProblem({file, line, col, field, message}: Problem): string {
  const encode = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  // Property values also escape the characters that separate properties.
  const property = (s: string) => encode(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
  return `::error file=${property(file)},line=${Math.max(line, 1)},col=${Math.max(col, 1)}::${encode(`${field || "(file)"}: ${message}`)}`;
}

/**
 * Returns the dotted form of a path: `["tranches", 2, "amount"]` → `tranches[2].amount`.
 *
 * @example
 * fieldName(["tranches", 2, "amount"]); // "tranches[2].amount"
 */
export function fieldName(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out;
}

/**
 * Returns a negative, zero or positive number to order problems by file, then line, then column, then field.
 *
 * @example
 * problems.sort(compareProblems);
 */
export function compareProblems(a: Problem, b: Problem): number {
  return a.file < b.file
    ? -1
    : a.file > b.file
      ? 1
      : a.line - b.line || a.col - b.col || (a.field < b.field ? -1 : a.field > b.field ? 1 : 0);
}

/**
 * Returns the problems without repeats: the first of each group with the same `key` (by default the file, place,
 * field and message).
 *
 * @example
 * dedupeProblems(problems, (p) => `${p.file}:${p.line}:${p.col}`) // one problem per place
 */
export function dedupeProblems(
  problems: readonly Problem[],
  key: (p: Problem) => string = (p) => `${p.file}:${p.line}:${p.col}:${p.field}:${p.message}`
): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = key(p);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
