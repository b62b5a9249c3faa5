/**
 * Colours of the capacity and roadmap charts, as CSS variables (docs/style.css, "Capacity and chip roadmap"), so
 * they follow the light and dark themes: chips of one deal by their fill order, chip lines, and statuses.
 */

/** Colours for a deal's chips in fill order (oldest first); cycles after six. */
export const CHIP_COLORS = ["var(--chip-1)", "var(--chip-2)", "var(--chip-3)", "var(--chip-4)", "var(--chip-5)", "var(--chip-6)"];

/** Returns one colour per chip id, in the order given. */
export function chipColors(ids: readonly string[]): string[] {
  return ids.map((_, i) => CHIP_COLORS[i % CHIP_COLORS.length]);
}

/** Colour of each chip line. */
export const LINE_COLORS: Record<string, string> = {
  trainium: "var(--line-trainium)",
  nvidia: "var(--line-nvidia)",
  tpu: "var(--line-tpu)",
  amd: "var(--line-amd)"
};

/** How each chip line is named in legends. */
export const LINE_LABELS: Record<string, string> = {trainium: "AWS Trainium", nvidia: "Nvidia", tpu: "Google TPU", amd: "AMD Instinct"};

/** Colour of each provenance status (the badges' colours). */
export const STATUS_COLORS: Record<string, string> = {
  confirmed: "var(--status-confirmed)",
  reported: "var(--status-reported)",
  estimate: "var(--status-estimate)",
  assumption: "var(--status-assumption)"
};

/** Returns a Date for an ISO date `YYYY-MM-DD` at midnight UTC. */
export function isoDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

/** Returns a chip's name without a long parenthetical, for chart labels: "GB200 (Blackwell GPU in NVL72)" → "GB200". */
export function shortChipName(name: string): string {
  return name.replace(/\s*\(([^)]*)\)$/, (all, inner: string) => (inner.length > 8 ? "" : all));
}

/** Returns a chart width no narrower than `min` CSS pixels. */
export function chartWidth(width: number, min = 300): number {
  return Math.max(min, Number.isFinite(width) ? width : min);
}

let lastWidth = 0;

/**
 * Returns the section width to draw at: `width`, or the last positive width seen when Framework reports 0 (it
 * does while the browser lays the page out again, e.g. during a full-page capture), so charts keep their size.
 */
export function sectionWidth(width: number, fallback = 640): number {
  if (width > 0) lastWidth = width;
  return width > 0 ? width : lastWidth || fallback;
}
