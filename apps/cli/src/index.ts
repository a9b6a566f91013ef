import { EXTRACTOR_VERSION } from "@parley/core";
import { Command } from "commander";
import { evalCommand } from "./commands/eval";
import { extractCommand } from "./commands/extract";
import { schemaCommand } from "./commands/schema";
import { serveCommand } from "./commands/serve";
import { handleError } from "./errors";

const program = new Command("parley")
  .description("Structured, evidence-linked event data from news on ceasefire and peace negotiations")
  .version(EXTRACTOR_VERSION)
  .showHelpAfterError()
  .addCommand(extractCommand)
  .addCommand(schemaCommand)
  .addCommand(evalCommand)
  .addCommand(serveCommand);

program.parseAsync(process.argv).catch(handleError);
