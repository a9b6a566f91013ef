import type { Corpus, CorpusStatus } from "@parley/store";
import { Command } from "commander";
import { z } from "zod";
import { commandOf } from "../command-kit";
import { globalsOf, withStore } from "../context";

export const DbOptionsSchema = z.object({ json: z.boolean().default(false) });

/** Applies pending migrations; returns the ids applied. */
export function runMigrate(corpus: Corpus): Promise<string[]> {
  return corpus.migrate();
}

export function runStatus(corpus: Corpus): Promise<CorpusStatus> {
  return corpus.status();
}

export function statusText(s: CorpusStatus): string {
  const lines = [
    `driver:   ${s.driver}`,
    `location: ${s.location}`,
    `applied:  ${s.applied.map((m) => m.id).join(", ") || "none"}`,
    `pending:  ${s.pending.join(", ") || "none"}`,
    ...Object.entries(s.counts).map(([k, v]) => `${k.padEnd(9)} ${v}`),
  ];
  return `${lines.join("\n")}\n`;
}

const migrate = new Command("migrate")
  .description("Apply pending database migrations (they also run on first use of a new data directory)")
  .option("--json", "print the migrations applied as JSON")
  .addHelpText("after", "\nExample:\n  parley db migrate --database-url postgres://postgres@127.0.0.1:5432/test")
  .action(async (...args: unknown[]) => {
    const command = commandOf(args);
    const o = DbOptionsSchema.parse(command.opts());
    const g = globalsOf(command);
    const applied = await withStore(g, runMigrate, { autoMigrate: false });
    if (o.json) process.stdout.write(`${JSON.stringify({ applied })}\n`);
    else if (!g.quiet) {
      process.stdout.write(applied.length ? `applied ${applied.join(", ")}\n` : "nothing to apply: up to date\n");
    }
  });

const status = new Command("status")
  .description("Show the driver, location, applied and pending migrations, and row counts")
  .option("--json", "print the status as JSON")
  .addHelpText("after", "\nExample:\n  parley db status --data-dir ./.parley")
  .action(async (...args: unknown[]) => {
    const command = commandOf(args);
    const o = DbOptionsSchema.parse(command.opts());
    const s = await withStore(globalsOf(command), runStatus, { autoMigrate: false });
    process.stdout.write(o.json ? `${JSON.stringify(s, null, 2)}\n` : statusText(s));
  });

export const dbCommand = new Command("db")
  .description("Database maintenance: migrate, status")
  .addHelpText("after", "\nExample:\n  parley db status")
  .addCommand(migrate)
  .addCommand(status);
