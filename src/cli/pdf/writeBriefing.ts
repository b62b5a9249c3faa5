/** One briefing from page to file: rendered (retried once on a browser crash), finalized, written atomically. */
import {rename, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {withTimeout} from "../timeout.js";
import type {BrowserPool} from "./browserPool.js";
import {documentDate, finalizePdf} from "./finalize.js";
import {type RenderedDocument, type RenderRequest, renderDocument} from "./renderDocument.js";
import {HUNG, isBroken, withRetry} from "./retry.js";

/**
 * Returns the rendered briefing and the file written (`<out>/<name>.pdf`, through a `.partial` file renamed into
 * place, so a failed document never leaves a file behind). The whole document may take four times the request's
 * timeout before the browser is declared hung; `note` hears of retries.
 *
 * @example await writeBriefing(pool, {origin, name: "market", paper: "a4"}, {out: "dist/briefings", note: console.warn})
 */
export async function writeBriefing(
  pool: BrowserPool,
  request: RenderRequest,
  {out, note}: {out: string; note: (line: string) => void}
): Promise<{rendered: RenderedDocument; file: string; bytes: number}> {
  const {name, timeoutMs = 60_000} = request;
  const file = join(out, `${name}.pdf`);
  try {
    const rendered = await withRetry(
      name,
      () => pool.use((browser) => withTimeout(renderDocument(browser, request), timeoutMs * 4, `${name}: ${HUNG}`), isBroken),
      note
    );
    const bytes = await finalizePdf(rendered.document, {...rendered.meta, date: documentDate(rendered.meta.asOf)});
    await writeFile(`${file}.partial`, bytes);
    await rename(`${file}.partial`, file);
    return {rendered, file, bytes: bytes.length};
  } catch (error) {
    await rm(`${file}.partial`, {force: true});
    throw error;
  }
}
