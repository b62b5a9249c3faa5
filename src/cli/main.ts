/** The `deals` command: check, build, preview, serve, pdf, project, changes, bench. */
import {Command} from "commander";
import {MONTE_CARLO_DRAWS, MONTE_CARLO_SEED} from "../core/uncertainty/draws.js";
import type {PdfCommandOptions} from "./pdf.js";
import type {ShardsOptions} from "./shards.js";

const program = new Command("deals").description("Explain AI compute mega-deals: data in, a site and PDF briefings out.");

program
  .command("check")
  .description("validate every data file; print every problem as path:line:col: field: message")
  .option("--data <dir>", "data folder", "data")
  .action(async (options: {data: string}) => {
    const {check} = await import("./check.js");
    process.exitCode = await check({dataDir: options.data});
  });

program
  .command("build")
  .description("check the data, build the site and the PDF briefings into dist/ (the old dist/ stays until all succeeded)")
  .option("--out <dir>", "output folder", "dist")
  .option("--data <dir>", "data folder", "data")
  .option("--site-only", "skip the PDF briefings")
  .action(async (options: {out: string; data: string; siteOnly?: boolean}) => {
    try {
      const {buildAll} = await import("./build.js");
      process.exitCode = await buildAll({out: options.out, data: options.data, site: options.siteOnly});
    } catch (error) {
      console.error(`deals build: ${(error as Error).message}`);
      process.exitCode = 1;
    }
  });

program
  .command("preview")
  .description(
    "live preview of the site (Framework): prepares the core bundle, fonts and site data first; restart after editing src/core or data"
  )
  .option("--data <dir>", "data folder", "data")
  .option("--port <n>", "port on 127.0.0.1 (default 3000, or the next free one)")
  .option("--no-open", "do not open a browser")
  .action(async (options: {data: string; port?: string; open: boolean}) => {
    const {parsePort, preview} = await import("./preview.js");
    try {
      process.exitCode = await preview({
        data: options.data,
        port: options.port === undefined ? undefined : parsePort(options.port),
        open: options.open
      });
    } catch (error) {
      console.error(`deals preview: ${(error as Error).message}`);
      process.exitCode = 1;
    }
  });

program
  .command("serve")
  .description("serve the built site (dist/) on 127.0.0.1 with clean URLs (/capacity, /deals/amazon-anthropic) and print its address")
  .option("--dir <dir>", "the built site", "dist")
  .option("--port <n>", "port (default: a free one)")
  .action(async (options: {dir: string; port?: string}) => {
    const {parsePort, serve} = await import("./preview.js");
    try {
      await serve({dir: options.dir, port: options.port === undefined ? 0 : parsePort(options.port)});
    } catch (error) {
      console.error(`deals serve: ${(error as Error).message}`);
      process.exitCode = 1;
    }
  });

program
  .command("pdf")
  .description("render PDF briefings from a built site into <site>/briefings/<name>.pdf (all briefings when no NAME is given)")
  .argument("[names...]", "briefings to render, e.g. market deal-amazon-anthropic")
  .option("--site <dir>", "the built site", "dist")
  .option("--out <dir>", "where the PDFs go (default: <site>/briefings)")
  .option("--paper <size>", "a4 or letter, for every briefing (default: each briefing's own)")
  .option("--shard <i/n>", "render only the i-th of n equal shares (for parallel CI jobs)")
  .option("--concurrency <n>", "documents rendered at once (default: the number of cores)")
  .option("--timeout <seconds>", "time allowed per document to load and for each print; a page hung for 4× this is abandoned (default 60)")
  .action(async (names: string[], options: PdfCommandOptions) => {
    const {pdfCommand} = await import("./pdf.js");
    process.exitCode = await pdfCommand(names, options);
  });

program
  .command("shards")
  .description(
    "plan CI's PDF shards: take unchanged PDFs from the previous publication, split the rest by pages (job outputs count, matrix, names); with --record, write every PDF's key into the site's manifest"
  )
  .option("--site <dir>", "the built site", "dist")
  .option("--published <url|dir>", "the previous publication (its manifest.json and briefings/)")
  .option("--max-shards <n>", "shards at most", (v) => Number.parseInt(v, 10))
  .option("--pages-per-shard <n>", "pages a shard should render", (v) => Number.parseInt(v, 10))
  .option("--github-output <file>", "append the plan as job outputs to this file ($GITHUB_OUTPUT)")
  .option(
    "--take-published",
    "fetch the unchanged PDFs from --published into the site (checked by SHA-256); print (and with --github-output write as missing=) the briefings still to render"
  )
  .option(
    "--record",
    "record every PDF of the site (after the shards' PDFs are merged) in its manifest; fail when the site is over GitHub Pages' 1 GB"
  )
  .action(async (options: Omit<ShardsOptions, "log">) => {
    const {shardsCommand} = await import("./shards.js");
    process.exitCode = await shardsCommand(options);
  });

program
  .command("project <deal>")
  .description("print a deal's headline projections (with --json: every figure with its lineage)")
  .option("--scenario <name>", "scenario id", "base")
  .option("--json", "print JSON")
  .option(
    "--draws <n>",
    "Monte Carlo draws for the P10–P90 bands (the site's and the PDFs' count)",
    (v) => Number.parseInt(v, 10),
    MONTE_CARLO_DRAWS
  )
  .option("--seed <seed>", "Monte Carlo seed", MONTE_CARLO_SEED)
  .option("--data <dir>", "data folder", "data")
  .action(async (deal: string, options: {scenario: string; json?: boolean; draws: number; seed: string; data: string}) => {
    const {projectCommand} = await import("./project.js");
    process.exitCode = await projectCommand(deal, options);
  });

program
  .command("changes")
  .description("print the headline figures that moved in the last build (for CI job summaries)")
  .option("--site <dir>", "built site", "dist")
  .option("--markdown", "print Markdown")
  .action(async (options: {site: string; markdown?: boolean}) => {
    const {changesCommand} = await import("./changes.js");
    process.exitCode = await changesCommand(options);
  });

program
  .command("bench")
  .description(
    "measure the whole pipeline (builds, PDFs, Monte Carlo, slider latency, bytes per page, Lighthouse per page, builds at 10, 100 and 1,000 deals) against its targets; writes bench/results.json"
  )
  .option("--json", "print the results as JSON instead of the table")
  .option("--quick", "fewer repetitions, for a first look")
  .option(
    "--only <steps>",
    "run only these steps (comma-separated: mc, build, site, pdf, slider, bytes, lighthouse, scale, growth); results.json is not written unless --merge"
  )
  .option("--merge", "with --only: merge the steps that ran into the existing results.json")
  .action(async (options: {json?: boolean; quick?: boolean; only?: string; merge?: boolean}) => {
    const {benchCommand} = await import("./bench/bench.js");
    try {
      process.exitCode = await benchCommand(options);
    } catch (error) {
      console.error(`deals bench: ${(error as Error).message}`);
      process.exitCode = 1;
    }
  });

program
  .command("new <deal-id>")
  .description("write data/deals/<deal-id>.yaml with every required field to fill in (deals check lists what is left)")
  .option("--data <dir>", "data folder", "data")
  .action(async (id: string, options: {data: string}) => {
    const {newDealCommand} = await import("./newDeal.js");
    process.exitCode = await newDealCommand(id, options);
  });

program
  .command("schema")
  .description("write the data files' JSON Schemas (generated from src/io/schema.ts) into schema/; --check only compares")
  .option("--check", "exit 1 when a committed schema differs from the generated one")
  .action(async (options: {check?: boolean}) => {
    const {schemaCommand} = await import("./schema.js");
    process.exitCode = await schemaCommand(options);
  });

await program.parseAsync(process.argv);
