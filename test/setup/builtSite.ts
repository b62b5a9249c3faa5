// Builds the site and briefings once per test run (see site.ts): the first test file that asks builds it, under a
// lock, and the others wait for it; every later file gets the same folder.
import {spawn} from "node:child_process";
import {closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {inject} from "vitest";
import {withDirLock} from "./dirLock.js";

/** Returns the folder of this run's build, building it first unless another test file has (or is doing so). */
export async function builtSite(): Promise<string> {
  const [dir, run] = [inject("siteDir"), inject("siteRun")];
  return withDirLock(`${dir}.lock`, async () => {
    if (existsSync(`${dir}.token`) && readFileSync(`${dir}.token`, "utf-8") === run) return dir;
    const started = performance.now();
    // The build's report (its progress and warnings, on stderr), kept beside the folder (`<dir>.log`) instead of
    // printed: the PDF tests read the PDF step's warnings from it; a failed build prints its end.
    const report = openSync(`${dir}.log`, "w");
    await new Promise<void>((ok, fail) => {
      const child = spawn("node", ["bin/deals.js", "build", "--out", dir], {
        stdio: ["ignore", "ignore", report],
        // One link-preview card (the market's), for site-test's check of it; a test run draws none otherwise.
        env: {...process.env, CI: "true", DEALS_CARDS: "market"}
      });
      child.on("error", fail);
      child.on("exit", (code) =>
        code === 0
          ? ok()
          : fail(
              new Error(`test setup: deals build exited ${code}:\n${readFileSync(`${dir}.log`, "utf-8").split("\n").slice(-30).join("\n")}`)
            )
      );
    }).finally(() => closeSync(report));
    writeFileSync(`${dir}.readings.json`, JSON.stringify(await readBriefings(dir)));
    writeFileSync(`${dir}.token`, run);
    console.warn(`test setup: built the site and briefings in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return dir;
  });
}

/** What the tests read of a briefing PDF: each page's text and how full it is (test/pdf/pdfText.ts, popplerReading). */
export interface BriefingReading {
  texts: string[];
  fills: number[];
}

/**
 * Reads every briefing PDF of the build in `dir` with poppler's pdftotext (popplerReading: what pageTexts and
 * pageFills read with pdfjs, in a seventh of the CPU), by name ("market", "deal-<id>").
 */
async function readBriefings(dir: string): Promise<Record<string, BriefingReading>> {
  const {popplerReading} = await import("../pdf/pdfText.js");
  const readings: Record<string, BriefingReading> = {};
  for (const file of readdirSync(join(dir, "briefings"))
    .filter((f) => f.endsWith(".pdf"))
    .sort())
    readings[file.slice(0, -".pdf".length)] = popplerReading(join(dir, "briefings", file));
  return readings;
}

const readings = new Map<string, Promise<Record<string, BriefingReading>>>();

/**
 * Returns each briefing of this run's build in `dir` as pdftotext read it (texts and fills of every page), by name. The
 * build's files read the same eleven PDFs (render-test all of them, site-test's one-truth checks the ten deals'): they
 * are read once, right after the build, into `<dir>.readings.json`, instead of once in each file's process (about
 * 15 CPU-s for the eleven with pdfjs, 2 with pdftotext). A build folder without that file (one built before it existed) is read here.
 */
export function briefingReadings(dir: string): Promise<Record<string, BriefingReading>> {
  let read = readings.get(dir);
  if (!read) {
    const file = `${dir}.readings.json`;
    read = existsSync(file) ? Promise.resolve(JSON.parse(readFileSync(file, "utf-8"))) : readBriefings(dir);
    readings.set(dir, read);
  }
  return read;
}
