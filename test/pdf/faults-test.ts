// Faults while `deals pdf` renders (reliability.md §2.9 P5, P8, P9): a renderer that crashes mid-document, a
// Chromium killed mid-document every time it starts, a page that never signals ready, a page that hangs its
// renderer, and a browser whose close() never returns. Each run is the real command on a copy of the built site
// (test/setup/site.ts); each must end with a clear message and the right exit code, leave the previous PDF byte for
// byte (or write exactly the PDF a clean run writes), and leave no Chromium process, zombie or profile behind.
import {type ChildProcess, execFileSync, spawn} from "node:child_process";
import {createHash} from "node:crypto";
import {chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, assert, beforeAll, inject, it} from "vitest";
import {findChromium} from "../../scripts/chromium.mjs";

const siteDir = inject("siteDir");
let dir: string;
let site: string;
/** The smallest briefing: the quickest to render. */
let name: string;
let previous: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "deals-pdf-faults-"));
  site = join(dir, "site");
  cpSync(siteDir, site, {recursive: true});
  const pdfs = readdirSync(join(site, "briefings")).filter((f) => f.endsWith(".pdf"));
  name = pdfs.sort((a, b) => statSync(join(site, "briefings", a)).size - statSync(join(site, "briefings", b)).size)[0].slice(0, -4);
  previous = hash(pdfFile());
});

/** The browsers' process groups of every run, to end what a failed test left running. */
const runs: Set<number>[] = [];

afterAll(() => {
  for (const p of processes().filter((p) => runs.some((groups) => groups.has(p.pgid)))) kill([p]);
  if (dir) rmSync(dir, {recursive: true, force: true});
});

const pdfFile = () => join(site, "briefings", `${name}.pdf`);
const hash = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

interface Proc {
  pid: number;
  pgid: number;
  stat: string;
  args: string;
}

function processes(): Proc[] {
  return execFileSync("ps", ["-eo", "pid=,pgid=,stat=,args="], {encoding: "utf-8", maxBuffer: 16 << 20})
    .split("\n")
    .flatMap((line) => {
      const m = /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line);
      return m ? [{pid: Number(m[1]), pgid: Number(m[2]), stat: m[3], args: m[4]}] : [];
    });
}

interface Run {
  code: number | null;
  stderr: string;
  seconds: number;
  /** Process groups of every browser the run started (Chromium runs in a group of its own). */
  groups: Set<number>;
}

/**
 * Runs `deals pdf --site <copy> <args>` with its temp files in `<dir>/tmp-<n>`, for at most `limit` seconds
 * (default 45). Every 100 ms it lists the run's
 * browsers (processes whose profile is in that folder) and calls `onBrowser` with each browser's index (0 for the
 * first), its main process, its page renderers and the milliseconds since its first renderer appeared.
 */
async function deals(
  args: string[],
  {
    env = {},
    onBrowser,
    limit = 45
  }: {env?: Record<string, string>; onBrowser?: (index: number, main: Proc, renderers: Proc[], ms: number) => void; limit?: number} = {}
): Promise<Run> {
  const tmp = mkdtempSync(join(dir, "tmp-"));
  const started = performance.now();
  const child: ChildProcess = spawn("node", ["bin/deals.js", "pdf", "--site", site, ...args], {
    env: {...process.env, TMPDIR: tmp, CI: "true", ...env},
    stdio: ["ignore", "ignore", "pipe"]
  });
  let stderr = "";
  child.stderr!.on("data", (chunk) => {
    stderr += chunk;
  });
  const groups = new Set<number>();
  const seen: number[] = [];
  const firstRenderer = new Map<number, number>();
  const marker = `--user-data-dir=${join(tmp, "deals-chromium-")}`;
  const timer = setInterval(() => {
    const all = processes();
    for (const main of all.filter((p) => p.args.includes(marker) && !p.args.includes("--type="))) {
      groups.add(main.pgid);
      if (!seen.includes(main.pid)) seen.push(main.pid);
      const renderers = all.filter(
        (p) => p.pgid === main.pgid && p.args.includes("--type=renderer") && !p.args.includes("--top-chrome-webui")
      );
      if (!renderers.length) continue;
      if (!firstRenderer.has(main.pid)) firstRenderer.set(main.pid, performance.now());
      onBrowser?.(seen.indexOf(main.pid), main, renderers, performance.now() - firstRenderer.get(main.pid)!);
    }
  }, 100);
  // A run that outlives `limit` is killed (its exit code is then null). On exit, not on close: a process left
  // behind may hold the run's stderr open.
  const limiter = setTimeout(() => {
    stderr += `\n[the test killed the run after ${limit} s]`;
    child.kill("SIGKILL");
  }, limit * 1000);
  const code = await new Promise<number | null>((ok) => child.on("exit", (code) => ok(code)));
  clearTimeout(limiter);
  clearInterval(timer);
  runs.push(groups);
  await new Promise((ok) => setTimeout(ok, 500)); // let killed processes be reaped
  return {code, stderr, seconds: (performance.now() - started) / 1000, groups};
}

/**
 * Returns what a run must not leave: processes of its browsers' groups, zombies among them that are never reaped
 * (a killed browser's children are reaped by init, which takes a moment: they get up to 5 s), Chromium profiles.
 */
async function leftovers(run: Run): Promise<string[]> {
  let procs: Proc[] = [];
  for (let waited = 0; waited <= 5000; waited += 250) {
    procs = processes().filter((p) => run.groups.has(p.pgid));
    if (!procs.some((p) => p.stat.startsWith("Z"))) break;
    await new Promise((ok) => setTimeout(ok, 250));
  }
  const profiles = readdirSync(dir, {recursive: true, encoding: "utf-8"}).filter((f) => /deals-chromium-[^/]*$/.test(f));
  return [
    ...procs.map((p) => `${p.stat.startsWith("Z") ? "zombie" : "process"} ${p.pid}: ${p.args.slice(0, 120)}`),
    ...profiles.map((f) => `profile ${f}`)
  ];
}

function kill(processes: Proc[]): void {
  for (const {pid} of processes) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

it("deals pdf (the page's renderer crashes mid-document) retries once with a new browser and writes the same PDF as a clean run", async () => {
  // Mid-document: from 0.5 s after the first browser's first renderer (the page has started loading) for 3 s, so the
  // renderer of the briefing's page is among those killed.
  const run = await deals(["--timeout", "20", name], {
    onBrowser: (index, _, renderers, ms) => index === 0 && ms > 500 && ms < 3500 && kill(renderers)
  });
  assert.strictEqual(run.code, 0, run.stderr);
  assert.match(run.stderr, new RegExp(`pdf: ${name}: the browser failed \\(.+\\); retrying once with a new browser`));
  assert.strictEqual(run.groups.size, 2, "one browser crashed, one more was launched");
  assert.strictEqual(hash(pdfFile()), previous, "the retried PDF differs from the clean build's");
  assert.deepStrictEqual(await leftovers(run), []);
});

it("deals pdf (Chromium killed mid-document every time) fails after one retry: exit 1, a clear message, the previous PDF intact, no Chromium left", async () => {
  const run = await deals([name], {onBrowser: (_, main, __, ms) => ms > 700 && kill([main])});
  assert.strictEqual(run.code, 1, run.stderr);
  assert.include(run.stderr, "retrying once with a new browser");
  assert.match(run.stderr, new RegExp(`deals pdf: 1 of 1 briefings failed:\\n  ${name}: `));
  assert.notMatch(run.stderr, /\n\s+at /, "a stack trace");
  assert.strictEqual(run.groups.size, 2, "the first browser and the one retry");
  assert.strictEqual(hash(pdfFile()), previous);
  assert.deepStrictEqual(
    readdirSync(join(site, "briefings")).filter((f) => f.endsWith(".partial")),
    []
  );
  assert.deepStrictEqual(await leftovers(run), []);
});

it("deals pdf --timeout 3 (a page that never signals ready) fails in seconds naming the page, the previous PDF intact", async () => {
  const html = join(site, "briefings", `${name}.html`);
  const original = readFileSync(html, "utf-8");
  // Without its module scripts the page never draws, so it never sets data-ready: it waits forever.
  writeFileSync(html, original.replace(/<script type="module">[\s\S]*?<\/script>/g, ""));
  try {
    const run = await deals(["--timeout", "3", name]);
    assert.strictEqual(run.code, 1, run.stderr);
    assert.match(run.stderr, new RegExp(`deals pdf: 1 of 1 briefings failed:\\n  ${name}: not ready after 3 s \\(no data-ready="true"`));
    assert.notInclude(run.stderr, "retrying", "a slow page is not the browser's fault");
    assert.isBelow(run.seconds, 30);
    assert.strictEqual(hash(pdfFile()), previous);
    assert.deepStrictEqual(await leftovers(run), []);
  } finally {
    writeFileSync(html, original);
  }
});

it("deals pdf --timeout 3 (a page that hangs its renderer) gives up after 4 × 3 s, kills the browser, exit 1, the previous PDF intact", async () => {
  const html = join(site, "briefings", `${name}.html`);
  const original = readFileSync(html, "utf-8");
  // Once loaded, the page's only thread spins forever: no protocol call to it ever returns.
  writeFileSync(
    html,
    original.replace("</head>", '<script>addEventListener("load", () => setTimeout(() => { for (;;); }, 0));</script></head>')
  );
  try {
    const run = await deals(["--timeout", "3", name]);
    assert.strictEqual(run.code, 1, run.stderr);
    assert.match(run.stderr, new RegExp(`deals pdf: 1 of 1 briefings failed:\\n  ${name}: timed out \\(the browser hung\\)`), run.stderr);
    assert.notInclude(run.stderr, "retrying", "a hung page is not retried");
    assert.isBelow(run.seconds, 60);
    assert.strictEqual(hash(pdfFile()), previous);
    assert.deepStrictEqual(await leftovers(run), []);
  } finally {
    writeFileSync(html, original);
  }
});

it("deals pdf (a browser whose close() never returns) writes the PDF, kills the browser's whole process group after 10 s and exits 0", async (context) => {
  const chromium = findChromium();
  if (!chromium) context.skip("no Chromium");
  // The browser Puppeteer starts is this script: Chromium runs as its child, and once Chromium has closed the
  // script waits on a helper forever, so the process Puppeteer waits for never exits.
  const wrapper = join(dir, "hanging-chromium");
  writeFileSync(wrapper, `#!/bin/bash\n"${chromium}" "$@"\n(exec -a "${wrapper}-helper" sleep 600) &\nwait\n`);
  chmodSync(wrapper, 0o755);
  const run = await deals([name], {env: {PUPPETEER_EXECUTABLE_PATH: wrapper}});
  assert.strictEqual(run.code, 0, run.stderr);
  assert.isAtLeast(run.seconds, 10, "closing did not hang: the test proves nothing");
  assert.isBelow(run.seconds, 60);
  assert.strictEqual(hash(pdfFile()), previous);
  const helpers = processes().filter((p) => p.args.startsWith(`${wrapper}-helper`));
  assert.deepStrictEqual(helpers, [], "the hung browser's helper is still running");
  assert.deepStrictEqual(await leftovers(run), []);
});
