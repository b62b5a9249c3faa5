// `deals serve`: the built site on 127.0.0.1 with clean URLs, through the renderer's own server (src/cli/serve.ts).
import {spawn} from "node:child_process";
import {mkdir, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {assert, it} from "vitest";
import {parsePort} from "../../src/cli/preview.js";

it("parsePort(text) reads 0–65535 and refuses anything else", () => {
  assert.strictEqual(parsePort("0"), 0);
  assert.strictEqual(parsePort("8080"), 8080);
  assert.strictEqual(parsePort("65535"), 65_535);
  for (const bad of ["", "-1", "65536", "80.5", "http", "1e3"]) assert.throws(() => parsePort(bad), /^invalid port: /, bad);
});

it("deals serve --dir <site> prints its 127.0.0.1 address and serves clean URLs; without a built site it exits 1", async () => {
  const dir = await mkdtemp(join(tmpdir(), "deals-serve-"));
  try {
    await mkdir(join(dir, "site", "deals"), {recursive: true});
    await writeFile(join(dir, "site", "index.html"), "home");
    await writeFile(join(dir, "site", "capacity.html"), "capacity page");
    await writeFile(join(dir, "site", "deals", "amazon-anthropic.html"), "deal page");
    const child = spawn("node", ["bin/deals.js", "serve", "--dir", join(dir, "site")], {stdio: ["ignore", "pipe", "pipe"]});
    try {
      const origin = await new Promise<string>((ok, fail) => {
        let out = "";
        const timer = setTimeout(() => fail(new Error(`no address printed: ${out}`)), 30_000);
        child.stdout.on("data", (chunk) => {
          out += chunk;
          const match = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
          if (match) {
            clearTimeout(timer);
            ok(match[1]);
          }
        });
      });
      const get = async (path: string) => {
        const response = await fetch(`${origin}${path}`);
        return `${response.status} ${await response.text()}`;
      };
      assert.strictEqual(await get("/"), "200 home");
      assert.strictEqual(await get("/capacity"), "200 capacity page");
      assert.strictEqual(await get("/deals/amazon-anthropic"), "200 deal page");
      assert.strictEqual(await get("/deals/nope"), "404 not found");
    } finally {
      child.kill();
    }
    const missing = await new Promise<{code: number | null; stderr: string}>((ok) => {
      const run = spawn("node", ["bin/deals.js", "serve", "--dir", join(dir, "empty")], {stdio: ["ignore", "ignore", "pipe"]});
      let stderr = "";
      run.stderr.on("data", (chunk) => {
        stderr += chunk;
      });
      run.on("close", (code) => ok({code, stderr}));
    });
    assert.strictEqual(missing.code, 1);
    assert.include(missing.stderr, `deals serve: no built site in ${join(dir, "empty")}/`);
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
});
