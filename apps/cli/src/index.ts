import { EXTRACTOR_VERSION } from "@parley/core";
import { Command } from "commander";
import { actorsCommand } from "./commands/actors";
import { backupCommand, restoreCommand } from "./commands/backup";
import { claimsCommand } from "./commands/claims";
import { clustersCommand } from "./commands/clusters";
import { dbCommand } from "./commands/db";
import { evalCommand } from "./commands/eval";
import { eventsCommand } from "./commands/events";
import { exportCommand } from "./commands/export";
import { extractCommand } from "./commands/extract";
import { importCommand } from "./commands/import";
import { ingestCommand } from "./commands/ingest";
import { issuesCommand } from "./commands/issues";
import { queueCommand } from "./commands/queue";
import { reanalyzeCommand } from "./commands/reanalyze";
import { schemaCommand } from "./commands/schema";
import { serveCommand } from "./commands/serve";
import { sourcesCommand } from "./commands/sources";
import { stancesCommand } from "./commands/stances";
import { statsCommand } from "./commands/stats";
import { timelineCommand } from "./commands/timeline";
import { workerCommand } from "./commands/worker";
import { handleError } from "./errors";

const program = new Command("parley")
  .description("Structured, evidence-linked event data from news on ceasefire and peace negotiations")
  .version(EXTRACTOR_VERSION)
  .showHelpAfterError()
  .option("--data-dir <dir>", "embedded database directory (default $PARLEY_DATA_DIR or ./.parley)")
  .option("--database-url <url>", "PostgreSQL connection string (default $DATABASE_URL)")
  .option("-q, --quiet", "no progress, summaries or per-item errors on stderr")
  .option("-v, --verbose", "more detail on stderr")
  .option(
    "--server <url>",
    "read commands query a running `parley serve` (default $PARLEY_SERVER; token $PARLEY_TOKEN)",
  )
  .addHelpText(
    "after",
    "\nExample:\n  parley ingest examples/articles --meta examples/manifest.json && parley events --actor Qatar",
  )
  .addCommand(ingestCommand)
  .addCommand(workerCommand)
  .addCommand(queueCommand)
  .addCommand(reanalyzeCommand)
  .addCommand(eventsCommand)
  .addCommand(clustersCommand)
  .addCommand(actorsCommand)
  .addCommand(issuesCommand)
  .addCommand(stancesCommand)
  .addCommand(claimsCommand)
  .addCommand(timelineCommand)
  .addCommand(sourcesCommand)
  .addCommand(exportCommand)
  .addCommand(importCommand)
  .addCommand(backupCommand)
  .addCommand(restoreCommand)
  .addCommand(statsCommand)
  .addCommand(dbCommand)
  .addCommand(extractCommand)
  .addCommand(schemaCommand)
  .addCommand(evalCommand)
  .addCommand(serveCommand);

program.parseAsync(process.argv).catch(handleError);
