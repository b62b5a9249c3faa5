/** The benchmark's CPU time counts every process a command starts (cpuGroup.ts), Chromium's renderers included. */
import {assert, it} from "vitest";
import {openCpuGroup, usageSeconds} from "../../src/cli/bench/cpuGroup.js";
import {runTimed} from "../../src/cli/bench/runTimed.js";

it("usageSeconds reads cgroup v1's nanoseconds and v2's usage_usec", () => {
  // 30,012,345,678 ns = 30.012345678 s; 1,500,000 µs = 1.5 s
  assert.strictEqual(usageSeconds("cpuacct.usage", "30012345678\n"), 30.012345678);
  assert.strictEqual(usageSeconds("cpu.stat", "usage_usec 1500000\nuser_usec 1000000\nsystem_usec 500000\n"), 1.5);
  assert.isNaN(usageSeconds("cpuacct.usage", ""));
  assert.isNaN(usageSeconds("cpu.stat", "user_usec 1\n"));
});

/** Whether this machine lets the benchmark make a control group (else runTimed falls back to GNU time). */
const probe = await openCpuGroup(`deals-test-${process.pid}`);
await probe?.finish();

it.skipIf(!probe)(
  "runTimed counts the CPU of a process its command started and never waited for (as Chromium's renderers are)",
  async () => {
    // The shell starts a busy child in the background and exits at once: nobody waits for the child, so GNU time's
    // rusage never sees its 0.4 s; a control group does (runTimed waits for the group to empty: the child holds no pipe
    // of the command open, so the command ends first).
    const busy = "const t = process.cpuUsage(); while (process.cpuUsage(t).user < 4e5) {}";
    const run = await runTimed("/bin/sh", ["-c", `node -e '${busy}' > /dev/null 2>&1 & exit 0`]);
    assert.match(run.cpuMethod ?? "", /^cgroup/);
    assert.isAtLeast(run.cpuSeconds ?? 0, 0.4, `${run.cpuMethod}: ${run.cpuSeconds} CPU-s`);
  }
);
