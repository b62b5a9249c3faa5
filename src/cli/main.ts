/** The `deals` command: check, build, pdf, project, bench, preview. */
import {Command} from "commander";
import {buildAll} from "./build.js";
import {check} from "./check.js";

const program = new Command("deals").description("Explain AI compute mega-deals: data in, a site and PDF briefings out.");

program
  .command("check")
  .description("validate every data file; print every problem as path:line:col: field: message")
  .option("--data <dir>", "data folder", "data")
  .action(async (options: {data: string}) => {
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
      process.exitCode = await buildAll({out: options.out, data: options.data, site: options.siteOnly});
    } catch (error) {
      console.error(`deals build: ${(error as Error).message}`);
      process.exitCode = 1;
    }
  });

await program.parseAsync(process.argv);
