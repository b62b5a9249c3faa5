import {assert, it} from "vitest";
import {replacedNote} from "../../src/cli/bench/notes.js";
import type {BenchStep} from "../../src/cli/bench/steps.js";

const run = (...steps: BenchStep[]) => new Set(steps);
const busy = (steps: string) => `the machine was busy when the benchmark started (steps ${steps}) (load 9 on 2 cores): times are inflated`;

it("a merge replaces an earlier busy-machine note only when every step it names ran again", () => {
  assert.isTrue(replacedNote(busy("growth"), run("growth")));
  assert.isTrue(replacedNote(busy("mc, build"), run("mc", "build", "pdf")));
  assert.isFalse(replacedNote(busy("mc, build"), run("growth")), "the figures of mc and build are still the earlier run's");
  assert.isFalse(replacedNote(busy("mc, build"), run("mc")), "build's figures are still the earlier run's");
});

it("a busy note that names no step cannot be attributed, and is dropped at the next merge", () => {
  assert.isTrue(replacedNote("the machine was busy when the benchmark started (load 2.59 on 2 cores): times are inflated", run("mc")));
});

it("a step's own notes are replaced when that step ran again, and only then; other notes stay", () => {
  const lighthouse = "Lighthouse ran on a busy machine (load 2.16 → 1.81 on 2 cores): its simulated throttling …";
  assert.isTrue(replacedNote(lighthouse, run("lighthouse")));
  assert.isFalse(replacedNote(lighthouse, run("growth")));
  assert.isTrue(replacedNote("growth: builds of the real deals …", run("growth")));
  assert.isFalse(replacedNote("growth: builds of the real deals …", run("pdf")));
  assert.isTrue(replacedNote("PDF target (restated in issue #18): …", run("pdf")));
  assert.isTrue(replacedNote("steps growth measured at 2026-12-07T10:00:10.349Z; the others …", run("mc")));
  assert.isFalse(replacedNote("pdf not measured: no Chromium", run("growth")));
});
