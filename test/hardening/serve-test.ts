// serveSite (src/cli/serve.ts): what the renderer loads must come from the site folder and nowhere else.
import {mkdir, mkdtemp, rm, symlink, writeFile} from "node:fs/promises";
import {request} from "node:http";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, assert, beforeAll, it} from "vitest";
import {type SiteServer, serveSite} from "../../src/cli/serve.js";

let dir: string;
let server: SiteServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "deals-serve-"));
  await mkdir(join(dir, "site"));
  await writeFile(join(dir, "site", "index.html"), "home");
  await writeFile(join(dir, "site", "capacity.html"), "capacity");
  await writeFile(join(dir, "secret.txt"), "secret");
  await symlink(join(dir, "secret.txt"), join(dir, "site", "link.txt"));
  await symlink("/etc", join(dir, "site", "etc"));
  server = await serveSite(join(dir, "site"));
});

afterAll(async () => {
  await server?.close();
  await rm(dir, {recursive: true, force: true});
});

/** Sends a raw request (the path is not normalized by a URL parser) and returns the status and body. */
function get(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<{status: number; body: string}> {
  const {port} = new URL(server.origin);
  return new Promise((ok, fail) => {
    const req = request({host: "127.0.0.1", port, path, method, headers}, (res) => {
      let body = "";
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () => ok({status: res.statusCode ?? 0, body}));
    });
    req.on("error", fail);
    req.end();
  });
}

it("serveSite(root) serves pages by clean URL", async () => {
  assert.deepStrictEqual(await get("/"), {status: 200, body: "home"});
  assert.deepStrictEqual(await get("/capacity"), {status: 200, body: "capacity"});
});

it("serveSite(root) refuses paths outside root, however they are written", async () => {
  for (const path of [
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "/..%2fsecret.txt",
    "/..%2f..%2f..%2fetc%2fpasswd",
    "/%2e%2e%2f%2e%2e%2fetc/passwd",
    "/..\\secret.txt"
  ]) {
    const {status, body} = await get(path);
    assert.oneOf(status, [400, 404], path);
    assert.notInclude(body, "secret");
  }
});

it("serveSite(root) refuses symbolic links that lead out of root", async () => {
  assert.strictEqual((await get("/link.txt")).status, 404);
  const {status, body} = await get("/etc/passwd");
  assert.strictEqual(status, 404);
  assert.notInclude(body, "root:");
});

it("serveSite(root) refuses another Host (DNS rebinding), other methods and service-worker scripts", async () => {
  assert.strictEqual((await get("/", {host: "attacker.example"})).status, 403);
  assert.strictEqual((await get("/", {}, "POST")).status, 403);
  assert.strictEqual((await get("/", {"service-worker": "script"})).status, 403);
});
