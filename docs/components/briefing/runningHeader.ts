/**
 * The running header of a printed briefing: the title at the top left and the data's as-of date at the top right
 * of every page but the cover. The footer ("Page X of Y") and the margins are static rules in docs/style.css; the
 * header's text changes per briefing, so the briefing page adds it as a stylesheet of its own.
 */

/** Returns `text` as a CSS string literal: quotes, backslashes and line breaks escaped. */
export function cssString(text: string): string {
  return `"${String(text)
    .replace(/[\\"]/g, "\\$&")
    .replace(/[\n\r\f]/g, "\\a ")}"`;
}

/**
 * Returns the `@page` rules that print `left` and `right` in the top margin of every page but the first.
 *
 * @example runningHeaderCss("Amazon → Anthropic", "Data as of 30 Jun 2026")
 */
export function runningHeaderCss(left: string, right: string): string {
  return `@page {
  @top-left {content: ${cssString(left)};}
  @top-right {content: ${cssString(right)};}
}
@page :first {
  @top-left {content: none;}
  @top-right {content: none;}
}`;
}

/** Returns a `<style>` element with the running header, to append to the briefing. */
export function RunningHeader(left: string, right: string): HTMLStyleElement {
  const style = document.createElement("style");
  style.textContent = runningHeaderCss(left, right);
  return style;
}
