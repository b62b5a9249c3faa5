/**
 * Progress of a PDF run: a bar on an interactive terminal (lines printed above it), plain lines otherwise (not a
 * TTY, or `CI` set), so logs stay readable in CI.
 */
import {MultiBar, Presets} from "cli-progress";

export interface Progress {
  /** Reports a finished document and what to say about it. */
  done(name: string, detail: string): void;
  /** Prints a line (a warning, a retry) without breaking the bar. */
  note(line: string): void;
  /** Removes the bar. */
  stop(): void;
}

/**
 * Returns a progress reporter for `total` documents: a cli-progress bar on `stream` when `interactive`, else one
 * `log` line per document ("pdf: market.pdf: 9 pages, 3.2 s").
 *
 * @example const progress = createProgress(11, {log: console.warn, interactive: isInteractive()});
 */
export function createProgress(
  total: number,
  {log, interactive, stream = process.stderr}: {log: (line: string) => void; interactive: boolean; stream?: NodeJS.WritableStream}
): Progress {
  if (!interactive) {
    return {done: (name, detail) => log(`pdf: ${name}.pdf: ${detail}`), note: log, stop: () => {}};
  }
  const bars = new MultiBar(
    {format: "briefings [{bar}] {value}/{total} {name}", stream, hideCursor: true, clearOnComplete: true},
    Presets.shades_classic
  );
  const bar = bars.create(total, 0, {name: ""});
  let count = 0;
  return {
    done: (name, detail) => {
      bar.update(++count, {name: `${name}.pdf${detail === "FAILED" ? " FAILED" : ""}`});
    },
    note: (line) => bars.log(`${line}\n`),
    stop: () => bars.stop()
  };
}

/** Returns true when progress may draw a bar: stderr is a terminal and `CI` is not set. */
export function isInteractive(env = process.env, stream: {isTTY?: boolean} = process.stderr): boolean {
  return Boolean(stream.isTTY) && !env.CI;
}
