import { writeFileSync } from "node:fs";
import { analyzeArticle, toExtractedArticle } from "@parley/core";
import type { ExtractedArticle, KnowledgeFileInput } from "@parley/schema";
import { Command } from "commander";
import { z } from "zod";
import { CliError, EXIT } from "../errors";
import { loadKnowledgeDir } from "../io/knowledge";
import { type MetaEntry, readMeta } from "../io/meta";
import { expandPaths, readArticleFile } from "../io/read-articles";
import { formatEventsTable } from "../output/table";

export const ExtractOptionsSchema = z.object({
  meta: z.string().optional(),
  format: z.enum(["json", "ndjson", "table"]).default("json"),
  kb: z.string().optional(),
  out: z.string().optional(),
  quiet: z.boolean().default(false),
});
export type ExtractOptions = z.infer<typeof ExtractOptionsSchema>;

export interface ExtractFailure {
  path: string;
  error: string;
}

export interface ExtractResult {
  articles: ExtractedArticle[];
  failures: ExtractFailure[];
}

/** Reads, analyses and flattens every input; a bad file becomes a failure entry and the rest go on. */
export function runExtract(inputs: string[], options: Pick<ExtractOptions, "meta" | "kb">): ExtractResult {
  const meta: Map<string, MetaEntry> = options.meta ? readMeta(options.meta) : new Map();
  const knowledge: KnowledgeFileInput[] = options.kb ? loadKnowledgeDir(options.kb) : [];
  const { paths, missing } = expandPaths(inputs);
  const failures: ExtractFailure[] = missing.map((path) => ({ path, error: "no such file or directory" }));
  const articles: ExtractedArticle[] = [];
  for (const path of paths) {
    const read = readArticleFile(path);
    if (!read.ok) {
      failures.push({ path: read.path, error: read.error });
      continue;
    }
    const m = meta.get(read.article.file);
    try {
      const analysis = analyzeArticle(
        {
          text: read.article.text,
          title: m?.title ?? null,
          outlet: m?.outlet ?? null,
          published: m?.published ?? null,
          url: m?.url ?? null,
        },
        { knowledge },
      );
      articles.push(toExtractedArticle(analysis, read.article.file));
    } catch (err) {
      failures.push({ path, error: `extraction failed: ${(err as Error).message}` });
    }
  }
  return { articles, failures };
}

export const extractCommand = new Command("extract")
  .description("Extract actors, events and claims from article files and print them")
  .argument("<inputs...>", "files, directories or - for stdin")
  .option("--meta <file>", "JSON array or CSV of {file, outlet, published, url, title}")
  .option("--format <format>", "json | ndjson | table", "json")
  .option("--kb <dir>", "extra knowledge-base files (JSON) to merge over the shipped ones")
  .option("--out <file>", "write to a file instead of stdout")
  .option("-q, --quiet", "do not report per-file errors on stderr")
  .addHelpText(
    "after",
    "\nExample:\n  parley extract ../shared/corpus/seeds --meta ../shared/corpus/seeds/manifest.json --format json > out.json",
  )
  .action((inputs: string[], raw: Record<string, unknown>, command: Command) => {
    // `--quiet` is also a program-level option, which commander reads wherever it appears.
    const options = ExtractOptionsSchema.parse({ ...raw, quiet: raw.quiet ?? command.optsWithGlobals().quiet });
    const { articles, failures } = runExtract(inputs, options);
    if (!options.quiet) for (const f of failures) process.stderr.write(`parley: ${f.path}: ${f.error}\n`);
    const output =
      options.format === "json"
        ? `${JSON.stringify({ articles }, null, 2)}\n`
        : options.format === "ndjson"
          ? articles.map((a) => `${JSON.stringify(a)}\n`).join("")
          : formatEventsTable(articles);
    if (options.out) writeFileSync(options.out, output);
    else process.stdout.write(output);
    if (articles.length === 0) {
      throw new CliError(failures.length ? "no input could be processed" : "no input files found", EXIT.failure);
    }
    if (failures.length) process.exitCode = EXIT.partial;
  });
