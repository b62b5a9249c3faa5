/**
 * Keeping PDFs whose inputs did not change. A briefing's PDF is a function of its page in the built site, every
 * file that page loads (Framework names them by content hash, and we hash their bytes too), the renderer's code,
 * the Chromium binary, the paper and the date settings. The build records each PDF's input key and SHA-256 in the
 * manifest; the next build copies a previous PDF when both still match, and renders the rest.
 */
import {createHash} from "node:crypto";
import {existsSync} from "node:fs";
import {copyFile, link, mkdir, readdir, readFile, realpath, stat, writeFile} from "node:fs/promises";
import {dirname, join, normalize} from "node:path";
import {PDFDocument} from "pdf-lib";
import {findChromium} from "../../../scripts/chromium.mjs";
import {type Manifest, readManifest} from "../../io/manifest.js";
import {readSiteBriefings} from "./manifest.js";

/** Source files of the renderer: a change to any of them re-renders every PDF. */
const RENDERER = ["src/cli/pdf.ts", "src/cli/browser.ts", "src/cli/serve.ts", "src/cli/pdf", "package-lock.json"];

/** Returns SHA-256 (hex) of `bytes`. */
export function sha256(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Returns the site files a page or module refers to (relative to the site root): local `href`/`src` attributes,
 * registered files (`"path":"…"`) and module specifiers that start with `.` or `/`.
 */
export function referencedFiles(text: string, from: string): string[] {
  const found = new Set<string>();
  const pattern = /(?:href|src)="([^"#?]+)|"path":"([^"#?]+)"|(?:from|import)\s*\(?\s*"((?:\.{1,2}\/|\/)[^"#?]+)"/g;
  for (const match of text.matchAll(pattern)) {
    const ref = match[1] ?? match[2] ?? match[3];
    if (!ref || /^[a-z][a-z0-9+.-]*:/i.test(ref)) continue;
    const path = normalize(ref.startsWith("/") ? ref.slice(1) : join(dirname(from), ref));
    if (!path.startsWith("..")) found.add(path);
  }
  return [...found].sort();
}

/**
 * Returns SHA-256 over the page `briefings/<name>.html` of `site` (file dates written into the page left out) and,
 * transitively, every site file it loads, in path order. Throws when the page is missing. `files` (path → bytes,
 * null when absent) may be shared between calls on the same site.
 */
export async function pageInputsHash(site: string, name: string, files: Map<string, Promise<Buffer | null>> = new Map()): Promise<string> {
  const seen = new Map<string, Buffer>();
  // `files` caches reads across the pages of one site (they share most modules).
  const read = (path: string) => {
    if (!files.has(path)) files.set(path, existsSync(join(site, path)) ? readFile(join(site, path)) : Promise.resolve(null));
    return files.get(path)!;
  };
  const visit = async (path: string): Promise<void> => {
    if (seen.has(path)) return;
    const bytes = await read(path);
    if (!bytes) return;
    seen.set(path, bytes);
    if (/\.(html|js|css)$/.test(path)) for (const ref of referencedFiles(bytes.toString("utf-8"), path)) await visit(ref);
  };
  const page = join("briefings", `${name}.html`);
  if (!existsSync(join(site, page))) throw new Error(`no page ${page} in ${site}`);
  await visit(page);
  const hash = createHash("sha256");
  for (const [path, bytes] of [...seen].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // Each shared module is digested once per run, not once per page that loads it (a thousand briefings share them).
    const digest = path === page ? sha256(bytes.toString("utf-8").replace(/("lastModified":)\d+/g, "$1")) : fileDigest(bytes);
    hash.update(`${path}\0${digest}\0`);
  }
  return hash.digest("hex");
}

/** SHA-256 of each file's bytes already digested (the bytes are shared through pageInputsHash's `files`). */
const digests = new WeakMap<Buffer, string>();

function fileDigest(bytes: Buffer): string {
  let digest = digests.get(bytes);
  if (digest === undefined) {
    digest = sha256(bytes);
    digests.set(bytes, digest);
  }
  return digest;
}

/** Returns SHA-256 over the renderer's source files and the identity of the Chromium binary it will launch. */
export async function rendererHash(): Promise<string> {
  const hash = createHash("sha256");
  const files: string[] = [];
  for (const root of RENDERER) {
    if (!existsSync(root)) continue;
    if ((await stat(root)).isDirectory())
      files.push(...(await readdir(root, {recursive: true})).map((f) => join(root, f)).filter((f) => f.endsWith(".ts")));
    else files.push(root);
  }
  for (const file of files.sort())
    hash
      .update(`${file}\0`)
      .update(await readFile(file))
      .update("\0");
  const chromium = findChromium();
  if (chromium) {
    const binary = await realpath(chromium);
    const {size, mtimeMs} = await stat(binary);
    hash.update(`chromium\0${binary}\0${size}\0${mtimeMs}`);
  }
  return hash.digest("hex");
}

/**
 * Where `deals build` notes each PDF it recorded by the file's identity (device, inode, size, modification time) →
 * its SHA-256, so the next build trusts a kept PDF it finds unmoved without reading and hashing it again (about 1.5
 * MB each: 145 MB at 100 deals, read and hashed on every rebuild). Local to the checkout (Framework's cache folder),
 * never published: the identity of a file means nothing on another machine.
 */
export const PDF_IDENTITIES = "docs/.observablehq/cache/.deals-pdfs.json";

/** Returns the identity of the file at `path` (device, inode, size, modification time), or null when absent. */
export async function fileIdentity(path: string): Promise<string | null> {
  const info = await stat(path, {bigint: true}).catch(() => null);
  return info ? `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}` : null;
}

/** Returns the identities noted at `path` (identity → SHA-256); none when the file is absent or unreadable. */
async function readIdentities(path: string | undefined): Promise<Record<string, string>> {
  if (!path) return {};
  try {
    const value = JSON.parse(await readFile(path, "utf-8")) as unknown;
    return value && typeof value === "object" ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * Returns whether the PDF at `path` has the SHA-256 `expected`: trusted without reading it when its identity was
 * noted with that digest (the file was not rewritten since: a rewrite gives it a new modification time, or a new
 * inode when written and renamed), else read and hashed.
 */
export async function hasDigest(path: string, expected: string, identities: Record<string, string>): Promise<boolean> {
  const identity = await fileIdentity(path);
  if (identity === null) return false;
  if (identities[identity] === expected) return true;
  return sha256(await readFile(path)) === expected;
}

/** Everything besides the page that decides a PDF's bytes. */
export interface RenderSettings {
  renderer: string;
  paper: string;
  /** $SOURCE_DATE_EPOCH ("" when unset: the date comes from the page's as-of). */
  epoch: string;
  /** Public site address for links from the PDF ("" for none). */
  siteUrl: string;
}

/** Returns the input key of briefing `name`'s PDF: SHA-256 over its page inputs and the render settings. */
export async function pdfInputKey(
  site: string,
  name: string,
  settings: RenderSettings,
  files?: Map<string, Promise<Buffer | null>>
): Promise<string> {
  return keyOf(await pageInputsHash(site, name, files), settings);
}

/** Returns the input key of a PDF from its page inputs' hash (pageInputsHash) and the render settings. */
function keyOf(page: string, {renderer, paper, epoch, siteUrl}: RenderSettings): string {
  return sha256(JSON.stringify([page, renderer, paper, epoch, siteUrl]));
}

/** Which PDFs a build copies from the previous output and which it renders, with every briefing's input key. */
export interface PdfPlan {
  keys: Record<string, string>;
  kept: string[];
  render: string[];
  /** Pages the previous output recorded per briefing (kept or not: an estimate for sharding). */
  pages: Record<string, number>;
  /** SHA-256 of each kept PDF, checked against the previous manifest (recordPdfs need not read it again). */
  sha256: Record<string, string>;
  /** Each briefing's page inputs hash (pageInputsHash), recorded for the next build's `unchanged` briefings. */
  pageHashes: Record<string, string>;
}

/**
 * Copies into `<site>/briefings/` each PDF of the previous output `previousOut` whose input key and bytes match what
 * its manifest recorded, and returns the plan (the briefings still to render, in site order). `previousOut` may
 * not exist (first build): then everything is rendered. A kept PDF is hard-linked where the file system allows
 * (nothing writes a PDF in place: the renderer writes a new file and renames it), else copied: at 1,000 deals a
 * rebuild keeps about 1.5 GB of PDFs. A briefing `unchanged` says is unchanged (a relinked build's print page left as
 * the previous build's, src/cli/pageScope.ts: it loads the same files, all named by their content) takes its page
 * inputs hash from the previous manifest instead of reading and hashing its page and files again.
 */
export async function reusePdfs(
  site: string,
  previousOut: string,
  {identities: identitiesFile, unchanged = () => false}: {identities?: string; unchanged?: (name: string) => boolean} = {}
): Promise<PdfPlan> {
  const briefings = (await readSiteBriefings(site)) ?? [];
  const previous = (await readManifest(join(previousOut, "manifest.json")))?.pdfs ?? {};
  const identities = await readIdentities(identitiesFile);
  const base = {
    renderer: await rendererHash(),
    epoch: process.env.SOURCE_DATE_EPOCH ?? "",
    siteUrl: process.env.DEALS_SITE_URL ?? ""
  };
  const plan: PdfPlan = {keys: {}, kept: [], render: [], pages: {}, sha256: {}, pageHashes: {}};
  await mkdir(join(site, "briefings"), {recursive: true});
  const files = new Map<string, Promise<Buffer | null>>();
  for (const {name, paper} of briefings) {
    const recorded = previous[name];
    const page = recorded?.page && unchanged(name) ? recorded.page : await pageInputsHash(site, name, files);
    plan.pageHashes[name] = page;
    const key = keyOf(page, {...base, paper});
    plan.keys[name] = key;
    const old = join(previousOut, "briefings", `${name}.pdf`);
    if (recorded?.pages) plan.pages[name] = recorded.pages;
    if (recorded?.key === key && (await hasDigest(old, recorded.sha256, identities))) {
      const kept = join(site, "briefings", `${name}.pdf`);
      await link(old, kept).catch(() => copyFile(old, kept));
      plan.kept.push(name);
      plan.sha256[name] = recorded.sha256;
    } else plan.render.push(name);
  }
  return plan;
}

/**
 * Adds every PDF's input key, SHA-256 and page count to `<site>/manifest.json`, for the next build's reusePdfs and
 * the next CI run's shard plan; `pages` gives the counts known already (rendered or kept), the rest are counted;
 * `hashes` the SHA-256 known already (kept PDFs, checked by reusePdfs), the rest are read and hashed. With
 * `identities` (a file, PDF_IDENTITIES), notes each PDF's identity and SHA-256 there for the next build's reusePdfs
 * (the file then holds this site's PDFs only). With `pageHashes` (PdfPlan's), records each briefing's page inputs hash.
 */
export async function recordPdfs(
  site: string,
  keys: Record<string, string>,
  pages: Record<string, number> = {},
  hashes: Record<string, string> = {},
  {identities, pageHashes = {}}: {identities?: string; pageHashes?: Record<string, string>} = {}
): Promise<void> {
  const path = join(site, "manifest.json");
  const manifest = JSON.parse(await readFile(path, "utf-8")) as Manifest;
  manifest.pdfs = {};
  const noted: Record<string, string> = {};
  for (const [name, key] of Object.entries(keys)) {
    const pdf = join(site, "briefings", `${name}.pdf`);
    if (!existsSync(pdf)) continue;
    if (hashes[name] && pages[name]) manifest.pdfs[name] = {key, sha256: hashes[name], pages: pages[name]};
    else {
      const bytes = await readFile(pdf);
      const count = pages[name] ?? (await PDFDocument.load(bytes, {updateMetadata: false})).getPageCount();
      manifest.pdfs[name] = {key, sha256: sha256(bytes), pages: count};
    }
    if (pageHashes[name]) manifest.pdfs[name].page = pageHashes[name];
    const identity = identities ? await fileIdentity(pdf) : null;
    if (identity) noted[identity] = manifest.pdfs[name].sha256;
  }
  await writeFile(path, `${JSON.stringify(manifest, null, 1)}\n`);
  if (identities) {
    await mkdir(dirname(identities), {recursive: true});
    await writeFile(identities, JSON.stringify(noted));
  }
}
