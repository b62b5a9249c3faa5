import {readFile} from "node:fs/promises";
import {projectDeal} from "./src/core/index.js";
import {readValidDataset} from "./src/io/readDataset.js";
import {briefingCallFor} from "./src/site/briefingSummary.js";
import {briefings} from "./src/site/briefings.js";
import {figureTable} from "./src/site/figures.js";
const dataset = await readValidDataset("data");
const projections = Object.fromEntries(dataset.deals.map((d) => [d.id, projectDeal(dataset, d.id)]));
const figures = figureTable({dataset, version: "test", projections});
const read = (file: string) => readFile(file, "utf-8");
for (const b of briefings(dataset.deals)) {
  const page = await briefingCallFor(b, figures, read);
  const strip = (h: string) => h.replace(/<[^>]+>/g, "").replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&").trim();
  console.log(`\n===== ${b.name} (${page.file})\n${strip(page.callHtml)}\n${strip((page as any).takeawaysHtml ?? "")}`);
}
