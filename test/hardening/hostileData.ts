/**
 * A copy of a data folder with hostile text in every field that reaches a page: deal names, summaries, notes,
 * labels, profile rows, tranche conditions, option terms, source titles and publishers, company and chip names,
 * signal questions and texts, assumption and scenario descriptions, fact notes.
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
  "note"
]);

/** Keys of Markdown fields (src/io/schema.ts `markdown`). */
const MARKDOWN_KEYS = new Set(["summary", "notes"]);

/** Text every hostile name and label ends with; it must read back literally where the name or label is shown. */
export const NAME_SUFFIX = ` ${LITERAL}`;

/**
 * Writes a copy of the data folder `from` into `to` with payloads appended to every text field (cycling through
 * PAYLOADS; names and labels always get LITERAL) and every payload appended to each summary and note. Returns the
 * number of fields changed.
 */
export async function writeHostileData(from: string, to: string): Promise<number> {
  let next = 0;
  let changed = 0;
  const payload = () => PAYLOADS[next++ % PAYLOADS.length];
  const visit = (value: unknown, path: string[]): unknown => {
    if (Array.isArray(value)) {
      return value.map((item) => {
        if (typeof item !== "string" || path.at(-1) !== "other") return visit(item, path);
        changed++;
        return `${item} ${payload()}`;
      });
    }
    if (!value || typeof value !== "object") return value;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === "string" && MARKDOWN_KEYS.has(key)) {
        out[key] = `${child}\n\n${PAYLOADS.join("\n\n")}\n`;
        changed++;
      } else if (typeof child === "string" && TEXT_KEYS.has(key)) {
        out[key] = `${child} ${key === "name" || key === "label" ? LITERAL : payload()}`;
        changed++;
      } else out[key] = visit(child, [...path, key]);
    }
    return out;
  };
  for (const entry of await readdir(from, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile() || !/\.ya?ml$/.test(entry.name)) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(to, relative(from, source));
    await mkdir(dirname(target), {recursive: true});
    await writeFile(target, stringify(visit(parse(await readFile(source, "utf-8")), []), {lineWidth: 0}));
  }
  return changed;
}
