import {assert} from "vitest";

/**
 * Parses RFC 4180 CSV here, without the code or library that wrote it, so a test checks the published bytes
 * independently: quoted fields, doubled quotes, commas and newlines inside quotes; a last row without its newline.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  assert(!quoted, "unterminated quote");
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
