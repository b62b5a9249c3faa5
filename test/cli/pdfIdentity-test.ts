// A kept PDF is trusted without reading it when the build noted the file unmoved (src/cli/pdf/reuse.ts, issue #18: at
// 100 deals a rebuild read and hashed 145 MB of kept PDFs); a rewritten file is read and hashed again.
import {mkdir, mkdtemp, readFile, rename, rm, utimes, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, assert, beforeAll, it} from "vitest";
import {fileIdentity, hasDigest, recordPdfs, sha256} from "../../src/cli/pdf/reuse.js";

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "pdf-identity-"));
});

afterAll(() => rm(root, {recursive: true, force: true}));

it("hasDigest(path, expected, identities) hashes a file it has no note of, and trusts one noted unmoved", async () => {
  const pdf = join(root, "a.pdf");
  await writeFile(pdf, "%PDF- a");
  const digest = sha256("%PDF- a");
  assert.isTrue(await hasDigest(pdf, digest, {}));
  assert.isFalse(await hasDigest(pdf, sha256("%PDF- b"), {}));
  assert.isFalse(await hasDigest(join(root, "absent.pdf"), digest, {}));
  // Noted with a digest its bytes do not have: trusted, so the bytes were not read.
  const identity = (await fileIdentity(pdf))!;
  assert.isTrue(await hasDigest(pdf, "noted", {[identity]: "noted"}));
  // A note with another digest than the one expected is no proof: the bytes decide.
  assert.isTrue(await hasDigest(pdf, digest, {[identity]: "noted"}));
  // Rewritten as the renderer writes (a new file renamed over it): a new identity, read again.
  await writeFile(join(root, "a.tmp"), "%PDF- c");
  await rename(join(root, "a.tmp"), pdf);
  assert.isFalse(await hasDigest(pdf, "noted", {[identity]: "noted"}));
  // Rewritten in place, same size: its modification time moves, so its identity does too.
  const second = (await fileIdentity(pdf))!;
  await writeFile(pdf, "%PDF- d");
  await utimes(pdf, new Date(2020, 0, 1), new Date(2020, 0, 1));
  assert.notStrictEqual(await fileIdentity(pdf), second);
  assert.isFalse(await hasDigest(pdf, "noted", {[second]: "noted"}));
});

it("recordPdfs(…, {identities}) notes each recorded PDF's identity with the SHA-256 the manifest records", async () => {
  const site = join(root, "site");
  await rm(site, {recursive: true, force: true});
  await mkdir(join(site, "briefings"), {recursive: true});
  await writeFile(join(site, "manifest.json"), "{}");
  await writeFile(join(site, "briefings", "market.pdf"), "%PDF- market");
  await writeFile(join(site, "briefings", "deal-a.pdf"), "%PDF- deal a");
  const identities = join(root, "cache", "pdfs.json");
  await recordPdfs(site, {market: "k1", "deal-a": "k2", "deal-b": "k3"}, {market: 3, "deal-a": 2}, {}, {identities});
  const manifest = JSON.parse(await readFile(join(site, "manifest.json"), "utf-8"));
  const noted = JSON.parse(await readFile(identities, "utf-8"));
  // deal b has no PDF: neither recorded nor noted.
  assert.deepStrictEqual(Object.keys(manifest.pdfs).sort(), ["deal-a", "market"]);
  assert.deepStrictEqual(noted, {
    [(await fileIdentity(join(site, "briefings", "market.pdf")))!]: sha256("%PDF- market"),
    [(await fileIdentity(join(site, "briefings", "deal-a.pdf")))!]: sha256("%PDF- deal a")
  });
  assert.strictEqual(manifest.pdfs.market.sha256, sha256("%PDF- market"));
});
