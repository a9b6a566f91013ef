import type { CheckReport, Corpus, CorpusStatus } from "@parley/store";
import { Command } from "commander";
import { z } from "zod";
import { commandOf } from "../command-kit";
import { globalsOf, withStore } from "../context";
import { EXIT } from "../errors";

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

/**
 * Applies pending migrations first (as every command does on open; a process killed during the first migration of a
 * new store leaves it unapplied), then checks.
 */
export async function runCheck(corpus: Corpus): Promise<CheckReport & { migrated: string[] }> {
  const migrated = await corpus.migrate();
  return { ...(await corpus.check()), migrated };
}

/** One line per rule (ok or the number of problems and a few examples), then a verdict. */
export function checkText(r: CheckReport): string {
  const lines: string[] = [];
  for (const c of r.checks) {
    lines.push(`${c.problems === 0 ? "ok  " : "FAIL"} ${c.name.padEnd(22)} ${c.rule}`);
    if (c.problems > 0) {
      lines.push(`     ${c.problems} problem(s), e.g.:`);
      for (const ex of c.examples) lines.push(`       ${ex}`);
    }
  }
  const n = r.checks.reduce((sum, c) => sum + c.problems, 0);
  const counts = Object.entries(r.counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(", ");
  lines.push(
    r.ok
      ? `store is consistent: ${r.checks.length} checks passed over ${counts} (${r.ms} ms)`
      : `store has ${n} problem(s) in ${r.checks.filter((c) => c.problems > 0).length} of ${r.checks.length} checks`,
  );
  return `${lines.join("\n")}\n`;
}

const check = new Command("check")
  .description(
    "Check the store's integrity: every event, mention and claim has its article, evidence spans match the article " +
      "text, counts agree, no orphan cluster members; exit code 1 when a problem is found",
  )
  .option("--json", "print the report as JSON")
  .addHelpText("after", "\nExample:\n  parley db check --data-dir ./.parley")
  .action(async (...args: unknown[]) => {
    const command = commandOf(args);
    const o = DbOptionsSchema.parse(command.opts());
    const g = globalsOf(command);
    const r = await withStore(g, runCheck, { autoMigrate: false });
    if (r.migrated.length > 0 && !g.quiet)
      process.stderr.write(`applied pending migrations ${r.migrated.join(", ")}\n`);
    process.stdout.write(o.json ? `${JSON.stringify(r, null, 2)}\n` : checkText(r));
    process.exitCode = r.ok ? EXIT.ok : EXIT.failure;
  });

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
  .description("Database maintenance: migrate, status, check")
  .addHelpText("after", "\nExample:\n  parley db status")
  .addCommand(migrate)
  .addCommand(status)
  .addCommand(check);
