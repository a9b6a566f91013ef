import { readFileSync } from "node:fs";
import { type Corpus, type ImportSummary, StoreError } from "@parley/store";
import { Command } from "commander";
import { z } from "zod";
import { commandOf } from "../command-kit";
import { globalsOf, withStore } from "../context";
import { CliError, EXIT } from "../errors";

export const ImportOptionsSchema = z.object({ json: z.boolean().default(false) });

async function readAll(path: string, stdin: AsyncIterable<Uint8Array | string>): Promise<string> {
  if (path !== "-") {
    try {
      return readFileSync(path, "utf8");
    } catch (err) {
      throw new CliError(
        `${path}: ${(err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (err as Error).message}`,
        EXIT.usage,
      );
    }
  }
  const chunks: Buffer[] = [];
  for await (const c of stdin) chunks.push(typeof c === "string" ? Buffer.from(c) : Buffer.from(c));
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses a `parley export --all` file and imports it; nothing is written when the file is invalid. */
export async function runImport(
  corpus: Corpus,
  path: string,
  stdin: AsyncIterable<Uint8Array | string> = process.stdin,
): Promise<ImportSummary> {
  const name = path === "-" ? "<stdin>" : path;
  const text = await readAll(path, stdin);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message);
    const line = m ? text.slice(0, Number(m[1])).split("\n").length : null;
    throw new CliError(`${name}${line ? `:${line}` : ""}: not JSON (${(err as Error).message})`, EXIT.usage);
  }
  try {
    return await corpus.importAll(data);
  } catch (err) {
    if (err instanceof StoreError && err.code === "INVALID") {
      throw new CliError(
        `${name}: not a parley export (${err.message.split("\n").slice(0, 3).join(" ")})`,
        EXIT.usage,
        "Create one with: parley export --all --out corpus.json",
      );
    }
    throw err;
  }
}

export const importCommand = new Command("import")
  .description("Import a corpus written by `parley export --all` (articles, analyses, reviews, clusters); idempotent")
  .argument("<file>", "export file, or - for stdin")
  .option("--json", "print the summary as JSON")
  .addHelpText(
    "after",
    "\nExample:\n  parley export --all --out corpus.json && parley import corpus.json --data-dir ./copy",
  )
  .action(async (file: string, ...rest: unknown[]) => {
    const command = commandOf(rest);
    const g = globalsOf(command);
    const o = ImportOptionsSchema.parse(command.opts());
    const s = await withStore(g, (corpus) => runImport(corpus, file));
    if (o.json) process.stdout.write(`${JSON.stringify(s)}\n`);
    else if (!g.quiet) {
      process.stderr.write(
        `imported ${s.articles} article(s) (${s.duplicates} already stored), ${s.reviews} review(s), ${s.clusters} cluster(s)\n`,
      );
    }
  });
