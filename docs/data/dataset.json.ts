// The validated dataset for the browser, with untrusted Markdown sanitized at build time.
import {dataDir} from "../../src/io/dataDir.js";
import {dataVersion} from "../../src/io/dataVersion.js";
import {publicDataset} from "../../src/io/publicDataset.js";
import {readValidDataset} from "../../src/io/readDataset.js";

const dataset = await readValidDataset(dataDir());
process.stdout.write(JSON.stringify(publicDataset(dataset, await dataVersion(dataDir()))));
