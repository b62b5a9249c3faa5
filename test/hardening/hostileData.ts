/**
 * A copy of a data folder with hostile text in every field that reaches a page: deal names, summaries, notes,
 * labels, profile rows, tranche conditions, option terms, source titles and publishers, company and chip names,
 * signal questions and texts, assumption and scenario descriptions, fact notes; and executive summaries with it.
 */
import {mkdir, readdir, readFile, writeFile} from "node:fs/promises";
import {dirname, join, relative} from "node:path";
import {parse, stringify} from "yaml";
import {LITERAL, PAYLOADS} from "./payloads.js";

/** Keys of plain-text fields in the data files (src/io/schema.ts `text`). */
const TEXT_KEYS = new Set([
  "name",
  "title",
  "publisher",
  "label",
  "condition",
  "instrument",
  "platform",
  "timing",
  "rights",
  "flexibility",
  "costOfWaiting",
  "round",
  "capacityLanguage",
  "hardwareAngle",
  "governancePosture",
  "strategicIntent",
  "vendor",
  "serverName",
  "description",
  "question",
  "text",
  "note",
  "covers"
]);

/** Keys of Markdown fields (src/io/schema.ts `markdown`). */
const MARKDOWN_KEYS = new Set(["summary", "notes"]);

/** Text every hostile name and label ends with; it must read back literally where the name or label is shown. */
export const NAME_SUFFIX = ` ${LITERAL}`;

/** What writeHostileData wrote: the number of fields changed, and each changed field's values by `file#field`. */
export interface HostileData {
  changed: number;
  /** `deals/amazon-anthropic.yaml#sources[0].title` → the title as it was, and as written. */
  fields: Map<string, {before: string; after: string}>;
}

/**
 * Writes a copy of the data folder `from` into `to` with payloads appended to every text field (cycling through
 * PAYLOADS, files in path order; names and labels always get LITERAL) and every payload appended to each summary
 * and note.
 */
export async function writeHostileData(from: string, to: string): Promise<HostileData> {
  let next = 0;
  const fields = new Map<string, {before: string; after: string}>();
  const payload = () => PAYLOADS[next++ % PAYLOADS.length];
  const visit = (value: unknown, file: string, path: string): unknown => {
    if (Array.isArray(value)) {
      return value.map((item, i) => {
        if (typeof item !== "string" || !path.endsWith(".other")) return visit(item, file, `${path}[${i}]`);
        const hostile = `${item} ${payload()}`;
        fields.set(`${file}#${path}[${i}]`, {before: item, after: hostile});
        return hostile;
      });
    }
    if (!value || typeof value !== "object") return value;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (typeof child === "string" && MARKDOWN_KEYS.has(key)) out[key] = `${child}\n\n${PAYLOADS.join("\n\n")}\n`;
      else if (typeof child === "string" && TEXT_KEYS.has(key))
        out[key] = `${child} ${key === "name" || key === "label" ? LITERAL : payload()}`;
      else out[key] = visit(child, file, field);
      if (typeof child === "string" && out[key] !== child) fields.set(`${file}#${field}`, {before: child, after: out[key] as string});
    }
    return out;
  };
  const files = (await readdir(from, {recursive: true, withFileTypes: true}))
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => relative(from, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .sort();
  for (const file of files) {
    await mkdir(dirname(join(to, file)), {recursive: true});
    await writeFile(join(to, file), stringify(visit(parse(await readFile(join(from, file), "utf-8")), file, ""), {lineWidth: 0}));
  }
  return {changed: fields.size, fields};
}

/** The line appended to every executive summary, before the payloads: it must read back literally in the PDFs. */
export const SUMMARY_LINE = `Hostile summary ${LITERAL}`;

/**
 * Appends SUMMARY_LINE and every payload to each executive summary under `dir` (a project's reports/summaries),
 * except payloads with a placeholder's "{{", which is the summaries' own syntax (an unclosed one is refused by
 * deals check, at its line).
 */
export async function writeHostileSummaries(dir: string): Promise<void> {
  for (const name of (await readdir(dir)).filter((f) => f.endsWith(".md"))) {
    const text = await readFile(join(dir, name), "utf-8");
    const payloads = PAYLOADS.filter((p) => !p.includes("{{"));
    await writeFile(join(dir, name), `${text.trimEnd()}\n\n${SUMMARY_LINE}\n\n${payloads.join("\n\n")}\n`);
  }
}
