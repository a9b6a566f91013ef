import { readFileSync } from "node:fs";
import type { Corpus, CorpusBackup, RestoreSummary } from "@parley/store";
import { Command } from "commander";
import { z } from "zod";
import { commandOf } from "../command-kit";
import { globalsOf, withStore } from "../context";
import { CliError, EXIT } from "../errors";
import { writeFileAtomic } from "../output/format";

export const BackupOptionsSchema = z.object({ json: z.boolean().default(false) });
export const RestoreOptionsSchema = z.object({ force: z.boolean().default(false), json: z.boolean().default(false) });

export interface BackupResult {
  file: string;
  bytes: number;
  digest: CorpusBackup["digest"];
}

/**
 * Writes the whole corpus with its per-table digest to `file`, atomically (temporary file, fsync, rename), then
 * reads the file back and checks it parses and matches the digest it carries.
 */
export async function runBackup(corpus: Corpus, file: string): Promise<BackupResult> {
  const backup = await corpus.backup();
  const text = `${JSON.stringify(backup)}\n`;
  try {
    writeFileAtomic(file, text);
  } catch (err) {
    throw new CliError(`${file}: cannot write the backup (${(err as Error).message})`, EXIT.failure);
  }
  const back = JSON.parse(readFileSync(file, "utf8")) as CorpusBackup;
  if (
    back.corpus.articles.length !== backup.digest.articles?.rows ||
    back.corpus.reviews.length !== backup.digest.reviews?.rows
  ) {
    throw new CliError(`${file}: the backup read back does not match the corpus`, EXIT.failure);
  }
  return { file, bytes: Buffer.byteLength(text), digest: backup.digest };
}

/** Reads a backup file and restores it into the store, verified against the file's digest. */
export async function runRestore(corpus: Corpus, file: string, force = false): Promise<RestoreSummary> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: ${code === "ENOENT" ? "no such file" : (err as Error).message}`, EXIT.usage);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new CliError(
      `${file}: not a parley backup (not JSON: ${(err as Error).message.replace(/\s+/g, " ")})`,
      EXIT.usage,
    );
  }
  if ((data as { format?: unknown })?.format !== "parley-backup") {
    throw new CliError(
      `${file}: not a parley backup (no "format": "parley-backup")`,
      EXIT.usage,
      "Create one with: parley backup corpus.backup.json (a `parley export --all` file goes to `parley import`)",
    );
  }
  try {
    return await corpus.restore(data, { force });
  } catch (err) {
    const message = (err as Error).message;
    if (/^The target store is not empty/.test(message)) {
      throw new CliError(message.replace(/, or force it/, ", or pass --force"), EXIT.usage);
    }
    throw err;
  }
}

const counts = (d: CorpusBackup["digest"]) =>
  ["articles", "events", "reviews", "event_clusters"]
    .map((t) => `${d[t]?.rows ?? 0} ${t.replace("event_", "")}`)
    .join(", ");

export const backupCommand = new Command("backup")
  .description("Write the whole corpus (articles, analyses, clusters, reviews) to one file, with a digest per table")
  .argument("<file>", "backup file to write (replaced whole or not at all)")
  .option("--json", "print the table digests as JSON")
  .addHelpText(
    "after",
    "\nExample:\n  parley backup corpus.backup.json && parley restore corpus.backup.json --data-dir ./copy",
  )
  .action(async (file: string, ...rest: unknown[]) => {
    const command = commandOf(rest);
    const g = globalsOf(command);
    const o = BackupOptionsSchema.parse(command.opts());
    const r = await withStore(g, (corpus) => runBackup(corpus, file));
    if (o.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    else if (!g.quiet) {
      process.stderr.write(`backed up ${counts(r.digest)} to ${file} (${(r.bytes / 1e6).toFixed(1)} MB)\n`);
    }
  });

export const restoreCommand = new Command("restore")
  .description("Restore a `parley backup` file into an empty store and verify every table against the backup")
  .argument("<file>", "backup file written by parley backup")
  .option("--force", "restore into a store that is not empty: its contents are deleted first")
  .option("--json", "print the summary as JSON")
  .addHelpText("after", "\nExample:\n  parley restore corpus.backup.json --data-dir ./copy")
  .action(async (file: string, ...rest: unknown[]) => {
    const command = commandOf(rest);
    const g = globalsOf(command);
    const o = RestoreOptionsSchema.parse(command.opts());
    const r = await withStore(g, (corpus) => runRestore(corpus, file, o.force));
    if (o.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    if (!r.verified) {
      for (const d of r.differences) {
        process.stderr.write(
          `parley: ${d.table}: backup has ${d.expected?.rows ?? 0} row(s), the store ${d.actual?.rows ?? 0}` +
            `${d.expected?.rows === d.actual?.rows ? " with different content" : ""}\n`,
        );
      }
      throw new CliError(`${file}: the restored store does not match the backup`, EXIT.failure);
    }
    if (!g.quiet && !o.json) {
      process.stderr.write(
        `restored ${counts(r.digest)} from ${file}; verified: ${Object.keys(r.digest).length} tables equal the backup\n`,
      );
    }
  });
