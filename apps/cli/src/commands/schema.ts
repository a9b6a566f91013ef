import { parleyJsonSchema } from "@parley/schema";
import { Command } from "commander";

export const schemaCommand = new Command("schema")
  .description("Print the JSON Schema of Parley's data (articles, actors, events, claims, analyses)")
  .addHelpText("after", "\nExample:\n  parley schema > parley.schema.json")
  .action(() => {
    process.stdout.write(`${JSON.stringify(parleyJsonSchema(), null, 2)}\n`);
  });
