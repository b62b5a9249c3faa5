/** The `deals` command: check, build, pdf, project, bench, preview. */
import {Command} from "commander";
import {check} from "./check.js";

const program = new Command("deals").description("Explain AI compute mega-deals: data in, a site and PDF briefings out.");

program
  .command("check")
  .description("validate every data file; print every problem as path:line:col: field: message")
  .option("--data <dir>", "data folder", "data")
  .action(async (options: {data: string}) => {
    process.exitCode = await check({dataDir: options.data});
  });

await program.parseAsync(process.argv);
