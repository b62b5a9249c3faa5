// Site configuration. Offline by design: no Google Fonts (globalStylesheets: []), no npm: imports anywhere.
import {existsSync} from "node:fs";
import {listDeals} from "./src/io/dealIndex.js";
import {readRepositoryUrl} from "./src/io/repository.js";
import {briefingPaths} from "./src/site/briefings.js";

const deals = listDeals(process.env.DEALS_DATA || "data");

// The repository each figure's "suggest a correction" link opens an issue in, from where the build knows it
// (DEALS_REPOSITORY, GitHub Actions' GITHUB_SERVER_URL + GITHUB_REPOSITORY, the git remote `origin`, package.json);
// never guessed. Without one each figure offers its correction details to copy instead (docs/components/correction.ts).
const repository = readRepositoryUrl();

// The topic pages in sidebar order; a page appears once its Markdown file exists.
const sections = [
  {name: "Capacity", path: "/capacity"},
  {name: "Commitment", path: "/commitment"},
  {name: "Recycling", path: "/recycling"},
  {name: "Chip roadmap", path: "/roadmap"},
  {name: "Future-chip options", path: "/options"},
  {name: "Comparison", path: "/comparison"},
  {name: "Signals to watch", path: "/signals"},
  {name: "Methodology and sources", path: "/methodology"},
  {name: "What changed", path: "/changes"},
  {name: "Data and downloads", path: "/downloads"}
];

export default {
  root: "docs",
  // The build writes into a scratch folder and swaps it into dist/ only when everything succeeded.
  output: process.env.DEALS_SITE_OUT ?? "dist",
  title: "compute-deals",
  globalStylesheets: [],
  // An inline icon, so browsers do not ask the server for /favicon.ico.
  head: `<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%230072b2'/%3E%3C/svg%3E">${repository ? `<meta name="deals-repository" content="${repository}">` : ""}`,
  style: "style.css",
  search: false,
  toc: {show: true, label: "On this page"},
  pager: false,
  footer: "compute-deals: every figure traces to a sourced fact. Data and methods: see Methodology.",
  // Deal pages and the pages the PDF briefings print from (not in the sidebar).
  dynamicPaths: [
    ...deals.map((d) => `/deals/${d.id}`),
    ...briefingPaths(process.env.DEALS_DATA || "data").filter((path) => path !== "/briefings/market")
  ],
  pages: [
    {name: "Overview", path: "/"},
    // One entry for every deal, whatever their number: the index searches, filters and sorts them (docs/deals.md).
    {name: "Deals", path: "/deals"},
    ...sections.filter((p) => existsSync(`docs${p.path}.md`))
  ]
};
