// @vitest-environment jsdom
// A briefing's Sources appendix lists every source the briefing names: a bracket number's and a badge's (data-source)
// and every source a chart's "Source:" line stands for (critic s14 #5: the blog behind "nearly 1 GW" and the reprint
// behind the $60.6B stake mark were named under charts, with no address anywhere in the PDF).
import {assert, it} from "vitest";
import {citedSources, SourcesAppendix} from "../../docs/components/briefing/sourcesAppendix.js";
import {ChartFrame, chartSourceLine} from "../../docs/components/charts/chartFrame.js";
import {el} from "../../docs/components/dom.js";
import {readValidDataset} from "../../src/io/readDataset.js";

const dataset = await readValidDataset("data");
const sourcesById = Object.fromEntries(dataset.sources.map((s) => [s.id, s]));
const data = {...dataset, sourcesById};

it("chartSourceLine(data, options) gives the ids of the sources behind the publishers its line names", () => {
  const line = chartSourceLine(data, {inputs: ["amazon-anthropic.capacity.ceiling", "assumption:pue"], sources: ["clearpath-2026-02"]});
  const pue = dataset.assumptions.find((a) => a.id === "pue")!;
  assert.deepStrictEqual(line.ids, ["axios-2026-04", pue.source, "clearpath-2026-02"]);
  for (const id of line.ids) assert.include(line.text, sourcesById[id].publisher ?? sourcesById[id].title);
});

it("citedSources(nodes) takes a chart's source ids as well as the bracket-cited ones, and the appendix prints their addresses", () => {
  const chart = ChartFrame(el("div"), {
    title: "A chart",
    source: chartSourceLine(data, {sources: ["techjack-2026-04", "clearpath-2026-02"]})
  });
  const cited = el("p", {}, "A figure", el("a", {"data-source": "axios-2026-04"}, "[1]"));
  const section = el("div", {}, cited, chart);
  const ids = citedSources([section]);
  assert.deepStrictEqual(ids.sort(), ["axios-2026-04", "clearpath-2026-02", "techjack-2026-04"]);
  const appendix = SourcesAppendix(ids, {sources: sourcesById, index: {}});
  for (const id of ["techjack-2026-04", "clearpath-2026-02"]) {
    const url = sourcesById[id].url;
    assert.match(url, /^https?:/);
    assert.include(appendix.querySelector(`#source-${id}`)?.textContent ?? "", url);
  }
});
