/**
 * `deals preview`: Framework's live preview of the site. Pages and components reload as you edit them; first it
 * prepares what pages need and Framework does not make: the core and chart bundles with their declarations
 * (docs/lib), the fonts (docs/lib/fonts.css) and every published data file, computed from the data into Framework's
 * cache (as `deals build` does). After editing `src/core` or `data/`, restart it: the prepared files are not
 * watched, and are made afresh at each start.
 *
 * `deals serve`: serves the built site (`dist/`) on 127.0.0.1 with clean URLs, as the PDF renderer sees it.
 */
import {existsSync} from "node:fs";
import {resolve} from "node:path";
import {hashInputs} from "../io/manifest.js";
import {FRAMEWORK, pinNpmVersions} from "./build.js";
import {acquireBuildLock} from "./buildLock.js";
import {bundleCore} from "./bundleCore.js";
import {checkData} from "./check.js";
import {run} from "./exec.js";
import {writeFontFaces} from "./fontFaces.js";
import {serveSite} from "./serve.js";
import {writeSiteData} from "./snapshotWriter.js";

export interface PreviewOptions {
  data?: string;
  port?: number;
  open?: boolean;
  log?: (line: string) => void;
}

/**
 * Prepares the site's generated inputs (bundles, fonts, data files), then runs `observable preview` on 127.0.0.1
 * until it exits. Returns 1 on a data problem (nothing else happens then), else Framework's outcome.
 */
export async function preview({data = "data", port, open = true, log = (l) => console.warn(l)}: PreviewOptions = {}): Promise<number> {
  const {code, dataset} = await checkData({dataDir: data});
  if (code !== 0) return 1;
  const release = await acquireBuildLock({
    onWait: (holder) => log(`preview: waiting for another build of this project to finish (pid ${holder})`)
  });
  try {
    log("preview: bundling the core for the browser, writing the fonts");
    await Promise.all([bundleCore(), writeFontFaces(undefined, undefined, {inline: true})]);
    log("preview: computing the site data");
    const previous = resolve("dist", "manifest.json");
    const snapshots = await writeSiteData({
      dataDir: data,
      dataset,
      previousManifest: existsSync(previous) ? previous : "",
      inputs: await hashInputs(undefined, data)
    });
    await snapshots.pruneMemo();
    await pinNpmVersions();
  } finally {
    release();
  }
  const args = [FRAMEWORK, "preview", "--host", "127.0.0.1", ...(port === undefined ? [] : ["--port", String(port)])];
  await run("node", open ? args : [...args, "--no-open"], {
    env: {DEALS_DATA: data, OBSERVABLE_TELEMETRY_DISABLE: "true"},
    label: "observable preview"
  });
  return 0;
}

/**
 * Serves the built site `dir` on 127.0.0.1 (`port`, default a free one) with clean URLs (`/capacity` →
 * capacity.html) and prints its address; returns the server (it runs until the process ends or it is closed).
 * Throws when `dir` holds no built site.
 */
export async function serve({
  dir = "dist",
  port = 0,
  print = (l: string) => console.log(l)
}: {
  dir?: string;
  port?: number;
  print?: (line: string) => void;
} = {}) {
  if (!existsSync(resolve(dir, "index.html"))) throw new Error(`no built site in ${dir}/ (run npm run build, or deals build --site-only)`);
  const server = await serveSite(dir, {port});
  print(`serving ${dir}/ at ${server.origin}/ (Ctrl-C to stop)`);
  return server;
}

/** Returns the port number in `text` (0–65535), or throws `invalid port`. */
export function parsePort(text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65_535) throw new Error(`invalid port: ${text}`);
  return Number(text);
}
