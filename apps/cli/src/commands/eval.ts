import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type ScoreReport, type ScoreSummary, scoreExtraction } from "@parley/core";
import { type GoldArticle, GoldArticleSchema } from "@parley/schema";
import { Command } from "commander";
import { z } from "zod";
import { CliError, EXIT } from "../errors";
import { runExtract } from "./extract";

export const EvalOptionsSchema = z.object({
  gold: z.string(),
  corpus: z.string(),
  meta: z.string().optional(),
  kb: z.string().optional(),
  json: z.string().optional(),
  verbose: z.boolean().default(false),
});
export type EvalOptions = z.infer<typeof EvalOptionsSchema>;

/** Extracts the corpus articles that have gold files and scores them. */
export function runEval(options: EvalOptions): ScoreReport {
  if (!existsSync(options.gold)) throw new CliError(`gold directory not found: ${options.gold}`, EXIT.usage);
  if (!existsSync(options.corpus)) throw new CliError(`corpus directory not found: ${options.corpus}`, EXIT.usage);
  const golds: Array<{ gold: GoldArticle; text: string }> = [];
  for (const file of readdirSync(options.gold)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const path = join(options.gold, file);
    const parsed = GoldArticleSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
    if (!parsed.success) throw new CliError(`${path}: not a gold file (${parsed.error.issues[0]?.message})`);
    const textPath = join(options.corpus, parsed.data.article);
    if (!existsSync(textPath)) throw new CliError(`${path}: article ${textPath} not found`);
    golds.push({ gold: parsed.data, text: readFileSync(textPath, "utf8") });
  }
  if (golds.length === 0) throw new CliError(`no gold files (*.json) in ${options.gold}`);
  const meta =
    options.meta ??
    (existsSync(join(options.corpus, "manifest.json")) ? join(options.corpus, "manifest.json") : undefined);
  const { articles } = runExtract(
    golds.map((g) => join(options.corpus, g.gold.article)),
    { meta, kb: options.kb },
  );
  return scoreExtraction(golds, articles);
}

export function formatReport(report: ScoreReport, verbose = false): string {
  const head = ["article", "gold", "pred", "detF1", "strictF1", "lenF1", "actorF1", "claimF1", "stanceF1"];
  const row = (name: string, s: ScoreSummary) =>
    [
      name,
      s.events.gold,
      s.events.predicted,
      s.detection.f1,
      s.tupleStrict.f1,
      s.tupleLenient.f1,
      s.actors.f1,
      s.claims.f1,
      s.stances.f1,
    ]
      .map((v, i) => (i === 0 ? String(v).padEnd(28) : String(v).padStart(9)))
      .join("");
  const lines = [head.map((h, i) => (i === 0 ? h.padEnd(28) : h.padStart(9))).join("")];
  for (const a of report.articles) {
    lines.push(row(a.article, a.summary));
    if (verbose) for (const m of a.misses) lines.push(`    ${m.kind} ${m.type}: ${m.evidence.slice(0, 100)}`);
  }
  const o = report.overall;
  lines.push(row("ALL (micro)", o));
  lines.push(
    `fields on detected events: ${Object.entries(o.fieldAccuracy)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
  );
  lines.push(`event detection P ${o.detection.p} R ${o.detection.r} F1 ${o.detection.f1}`);
  return `${lines.join("\n")}\n`;
}

export const evalCommand = new Command("eval")
  .description("Score Parley's extraction against gold annotations (the shared/gold format)")
  .requiredOption("--gold <dir>", "directory of gold JSON files")
  .requiredOption("--corpus <dir>", "directory holding the annotated article files")
  .option("--meta <file>", "metadata manifest (default: <corpus>/manifest.json when present)")
  .option("--kb <dir>", "extra knowledge-base files")
  .option("--json <file>", "also write the full report as JSON")
  .option("-v, --verbose", "list missed and spurious events per article")
  .addHelpText("after", "\nExample:\n  parley eval --gold ../shared/gold/dev --corpus ../shared/corpus/dev")
  .action((raw: Record<string, unknown>, command: Command) => {
    // `--verbose` is also a program-level option, which commander reads wherever it appears.
    const options = EvalOptionsSchema.parse({ ...raw, verbose: raw.verbose ?? command.optsWithGlobals().verbose });
    const report = runEval(options);
    process.stdout.write(formatReport(report, options.verbose));
    if (options.json) writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
  });
