// What moved since the previous build: its manifest (passed by `deals build` as $DEALS_PREVIOUS_MANIFEST) against the
// headline figures computed now. With no previous build there is nothing to compare and the page says so.
import {datasetHeadlines, diffFigures} from "../../src/core/index.js";
import {dataDir} from "../../src/io/dataDir.js";
import {dataVersion} from "../../src/io/dataVersion.js";
import {readManifest} from "../../src/io/manifest.js";
import {readValidDataset} from "../../src/io/readDataset.js";

const dataset = await readValidDataset(dataDir());
const previous = process.env.DEALS_PREVIOUS_MANIFEST ? await readManifest(process.env.DEALS_PREVIOUS_MANIFEST) : null;
const figures = datasetHeadlines(dataset);

process.stdout.write(
  JSON.stringify({
    version: await dataVersion(dataDir()),
    asOf: dataset.asOf,
    previous: previous && {dataVersion: previous.dataVersion, asOf: previous.asOf},
    changes: previous ? diffFigures(previous.figures, figures) : []
  })
);
