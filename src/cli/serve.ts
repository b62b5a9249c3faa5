/**
 * A static file server on 127.0.0.1 for the built site: what the PDF renderer and the browser tests load, and what
 * `deals serve` runs for people to look at `dist/`.
 */
import {createReadStream} from "node:fs";
import {readFile, realpath, stat} from "node:fs/promises";
import {createServer, type Server} from "node:http";
import {extname, join, normalize, resolve, sep} from "node:path";
import {gzipSync} from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".pdf": "application/pdf",
  ".txt": "text/plain; charset=utf-8"
};

/** Text types sent gzip-compressed when the client accepts it. */
const COMPRESSED = new Set([".html", ".js", ".css", ".json", ".csv", ".svg", ".txt"]);

export interface SiteServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves `root` on 127.0.0.1 at `port` (default 0: a free port). Clean URLs map to `.html` files (`/capacity` → `capacity.html`,
 * `/` → `index.html`); paths outside `root` are refused, symbolic links that lead out of it included. Refused
 * too: a request whose Host is not this server (DNS rebinding), a method other than GET or HEAD, and a
 * service-worker script (a service worker's own requests would escape the renderer's request interception).
 * Resolves once listening.
 *
 * @example
 * const server = await serveSite("dist"); // server.origin: "http://127.0.0.1:41234"
 */
export async function serveSite(root: string, {port: wanted = 0}: {port?: number} = {}): Promise<SiteServer> {
  const base = await realpath(resolve(root));
  let host = "";
  const server: Server = createServer(async (request, response) => {
    try {
      if (request.headers.host !== host || (request.method !== "GET" && request.method !== "HEAD") || request.headers["service-worker"]) {
        response.writeHead(403, {"content-type": "text/plain"}).end("forbidden");
        return;
      }
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      const path = decodeURIComponent(url.pathname);
      const file = await findFile(base, path);
      if (!file) {
        response.writeHead(404, {"content-type": "text/plain"}).end("not found");
        return;
      }
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      // Text is sent gzip-compressed to a client that accepts it, as any static host does: what a reader's phone
      // downloads (and what Lighthouse weighs) is the compressed size.
      if (COMPRESSED.has(extname(file)) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
        const body = gzipSync(await readFile(file));
        response.writeHead(200, {"content-type": type, "content-encoding": "gzip", vary: "accept-encoding", "cache-control": "no-store"});
        response.end(request.method === "HEAD" ? undefined : body);
        return;
      }
      response.writeHead(200, {"content-type": type, "cache-control": "no-store"});
      createReadStream(file).pipe(response);
    } catch {
      response.writeHead(400).end();
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(wanted, "127.0.0.1", () => ok());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  host = `127.0.0.1:${port}`;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      })
  };
}

async function findFile(base: string, path: string): Promise<string | null> {
  const candidates = path.endsWith("/") ? [`${path}index.html`] : [path, `${path}.html`, `${path}/index.html`];
  for (const candidate of candidates) {
    const file = normalize(join(base, candidate));
    if (file !== base && !file.startsWith(base + sep)) return null;
    try {
      if (!(await stat(file)).isFile()) continue;
      const real = await realpath(file);
      return real.startsWith(base + sep) ? real : null;
    } catch {
      // try the next candidate
    }
  }
  return null;
}
