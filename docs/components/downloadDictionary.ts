/**
 * Every "Data (CSV)" file the site offers under a chart or a table, for the Data page's dictionary: the charts' and
 * research tables' (chartDownloads.ts), the comparison table's and the deal explorer's. Each file is written from the
 * same column list its entry here describes, so the dictionary and the files cannot drift apart.
 */
import {CHART_DOWNLOADS, type ChartDownload} from "./chartDownloads.js";
import {EXPLORER_DOWNLOAD} from "./dealExplorer.js";
import {ARTICLE_TABLE} from "./tables/comparisonArticle.js";
import {COMPARISON_TABLE} from "./tables/comparisonDeals.js";

export const DOWNLOADS: readonly ChartDownload<never>[] = [
  ...CHART_DOWNLOADS,
  COMPARISON_TABLE as unknown as ChartDownload<never>,
  ARTICLE_TABLE as unknown as ChartDownload<never>,
  EXPLORER_DOWNLOAD as unknown as ChartDownload<never>
];
