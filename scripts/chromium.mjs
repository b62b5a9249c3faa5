// Finds a Chromium or Chrome executable. Plain JavaScript with no dependencies, so the install step can use it
// before node_modules exists; src/cli imports it too.
import {existsSync} from "node:fs";

const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"
];

/** Returns the path of a Chromium/Chrome executable: $PUPPETEER_EXECUTABLE_PATH, $CHROME_PATH, then known places; null if none. */
export function findChromium(env = process.env) {
  for (const name of ["PUPPETEER_EXECUTABLE_PATH", "CHROME_PATH"]) {
    const path = env[name];
    if (path) return existsSync(path) ? path : null;
  }
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/** Returns the exact steps to get a browser on this platform. */
export function installHint() {
  return [
    "Install one of these, then run the command again:",
    "  Debian/Ubuntu:  sudo apt-get install -y chromium fonts-dejavu-core poppler-utils",
    "  macOS:          brew install --cask chromium   (or install Google Chrome)",
    "  any platform:   set PUPPETEER_EXECUTABLE_PATH to the path of a Chrome or Chromium executable"
  ].join("\n");
}
