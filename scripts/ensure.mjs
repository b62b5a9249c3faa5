#!/usr/bin/env node
// Installs what is missing before a build or a test run, using only Node's built-ins (node_modules may not exist
// yet): npm dependencies when absent or stale against the lockfile, and with --chromium a browser for the PDFs and
// browser tests (found, or installed with apt when running as root on Debian; otherwise exact instructions).
import {execFileSync, spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {existsSync, readFileSync, writeFileSync} from "node:fs";

const stampPath = "node_modules/.compute-deals-lock";
const lockHash = createHash("sha256").update(readFileSync("package-lock.json")).digest("hex");

if (!existsSync(stampPath) || readFileSync(stampPath, "utf-8").trim() !== lockHash) {
  console.warn("ensure: installing npm dependencies from package-lock.json (npm ci)…");
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], {stdio: "inherit"});
  if (result.status !== 0) {
    console.error("ensure: npm ci failed; see the messages above.");
    process.exit(result.status ?? 1);
  }
  writeFileSync(stampPath, `${lockHash}\n`);
}

if (process.argv.includes("--chromium")) {
  const {findChromium, installHint} = await import("./chromium.mjs");
  let path = findChromium();
  if (!path && process.platform === "linux" && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.warn("ensure: no Chromium found; installing Debian's chromium with apt-get…");
    const env = {...process.env, DEBIAN_FRONTEND: "noninteractive"};
    execFileSync("apt-get", ["update", "-qq"], {stdio: "inherit", env});
    execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium", "fonts-dejavu-core", "poppler-utils"], {
      stdio: "inherit",
      env
    });
    path = findChromium();
  }
  if (!path) {
    console.error(`ensure: no Chromium or Chrome found.\n${installHint()}`);
    process.exit(1);
  }
}
