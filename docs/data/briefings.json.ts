// The PDF briefings: their definitions (reports/briefings.ts) with each executive summary's placeholders resolved
// against the figures computed from the data (reports/figures.ts), rendered and sanitized; and which site page
// links which PDF. An unknown placeholder fails the build with its file, line and name.
import {readFile} from "node:fs/promises";
import {briefings} from "../../reports/briefings.js";
import {figureTable} from "../../reports/figures.js";
import {resolvePlaceholders} from "../../reports/placeholders.js";
import {dataDir} from "../../src/io/dataDir.js";
import {dataVersion} from "../../src/io/dataVersion.js";
import {renderMarkdown} from "../../src/io/markdown.js";
import {readValidDataset} from "../../src/io/readDataset.js";

try {
  const dataset = await readValidDataset(dataDir());
  const version = await dataVersion(dataDir());
  const figures = figureTable({dataset, version});
  const list = await Promise.all(
    briefings(dataset.deals).map(async (briefing) => {
      const markdown = await readFile(briefing.summary, "utf-8");
      const summaryHtml = renderMarkdown(resolvePlaceholders(markdown, figures, {file: briefing.summary, deal: briefing.deal}));
      return {...briefing, summaryHtml, pdf: `briefings/${briefing.name}.pdf`};
    })
  );
  // Site page (as Framework names it) → the briefing whose PDF it links.
  const pages = Object.fromEntries(list.map((b) => [b.deal ? `/deals/${b.deal}` : "/", b.name]));
  process.stdout.write(JSON.stringify({asOf: dataset.asOf, version, briefings: list, pages}));
} catch (error) {
  console.error(`briefings: ${(error as Error).message}`);
  process.exit(1);
}
