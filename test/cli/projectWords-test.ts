// The CLI writes the computed figures as the briefings do (one truth; critic s16 #7 and #11a): "about" on a figure
// computed from an assumption, and "not within the deal" for a payback with no year.
import {execFileSync} from "node:child_process";
import {assert, it} from "vitest";

it("deals project amazon-anthropic: the ceiling-filled line, the running costs and the implied margin read 'about'; no payback reads 'not within the deal'", () => {
  const out = execFileSync("node", ["bin/deals.js", "project", "amazon-anthropic", "--draws", "200"], {encoding: "utf-8"});
  const line = (label: string) => out.split("\n").find((l) => l.trimStart().startsWith(label)) ?? "";
  assert.match(
    line("if the lab fills"),
    /cash NPV about −?\$[\d.]+B; about −?\$[\d.]+B at the base values \(spend about \$470B, capex about \$340B/
  );
  assert.match(line("cash running costs per GW-year"), /about \$951M/);
  assert.match(line("margin the cash flows imply"), /about \d+%/);
  assert.notMatch(out, /\bnone\b.*payback|payback.*\bnone\b|\/ never/);
});
