import { once } from "node:events";
import {
  type CorpusExport,
  EVENT_CODES,
  type EventWithContext,
  type StoredCluster,
  type StoredEvent,
  type StoredReview,
} from "@parley/store";
import { Command } from "commander";
import { z } from "zod";
import { commandOf } from "../command-kit";
import { globalsOf } from "../context";
import { CliError, EXIT } from "../errors";
import { addFilterOptions, FilterOptionsSchema, toFilter } from "../options";
import { csvCell, writeStreamAtomic } from "../output/format";
import { type Queries, withQueries } from "../queries";

export const EXPORT_FORMATS = ["csv", "ndjson", "json", "cameo"] as const;

export const ExportOptionsSchema = FilterOptionsSchema.extend({
  format: z.enum(EXPORT_FORMATS).default("ndjson"),
  all: z.boolean().default(false),
  out: z.string().min(1).optional(),
});
export type ExportOptions = z.input<typeof ExportOptionsSchema>;

/** An exported event: the event with its article, its cluster (corroboration) and its analyst reviews. */
export interface ExportedEvent extends StoredEvent {
  verified: boolean;
  cluster: { id: string; articleCount: number; outletCount: number; outlets: string[] } | null;
  reviews: StoredReview[];
}

const PAGE = 5000;

async function pages<T>(get: (offset: number) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await get(offset);
    out.push(...page);
    if (page.length < PAGE) return out;
  }
}

/** Every event the filter selects (no limit unless `--limit`), with its cluster and reviews. */
export async function collectEvents(q: Queries, o: z.output<typeof ExportOptionsSchema>): Promise<ExportedEvent[]> {
  const f = toFilter(o);
  const status = f.status ?? (o.format === "cameo" ? "occurred" : undefined);
  const events = o.limit
    ? await q.events({ ...f, ...(status ? { status } : {}) })
    : await pages((offset) => q.events({ ...f, ...(status ? { status } : {}), limit: PAGE, offset }));
  const clusters = await pages<StoredCluster>((offset) => q.clusters({ limit: PAGE, offset }));
  const clusterOf = new Map<string, StoredCluster>();
  for (const c of clusters) for (const m of c.members) clusterOf.set(`${m.articleId}\u0000${m.eventId}`, c);
  const reviews = await pages<StoredReview>((offset) => q.reviews({ limit: PAGE, offset }));
  const reviewsOf = new Map<string, StoredReview[]>();
  for (const r of reviews) {
    const k = `${r.articleId}\u0000${r.eventId}`;
    reviewsOf.set(k, [...(reviewsOf.get(k) ?? []), r]);
  }
  return events.map((e) => {
    const k = `${e.articleId}\u0000${e.id}`;
    const c = clusterOf.get(k);
    return {
      ...e,
      verified: e.reviewState === "verified" || e.reviewState === "corrected",
      cluster: c ? { id: c.id, articleCount: c.articleCount, outletCount: c.outletCount, outlets: c.outlets } : null,
      reviews: reviewsOf.get(k) ?? [],
    };
  });
}

const toExported = (c: EventWithContext): ExportedEvent => ({
  ...c.event,
  verified: c.event.reviewState === "verified" || c.event.reviewState === "corrected",
  cluster: c.cluster,
  reviews: c.reviews,
});

/**
 * The selected events in pages: streamed from the store (keyset pages, bounded memory) when it is local; through
 * a server (`--server`), one page of everything as before.
 */
async function* eventPages(q: Queries, o: z.output<typeof ExportOptionsSchema>): AsyncGenerator<ExportedEvent[]> {
  if (!q.streamEvents) {
    yield await collectEvents(q, o);
    return;
  }
  const { limit: _limit, ...f } = toFilter(o);
  const status = f.status ?? (o.format === "cameo" ? "occurred" : undefined);
  for await (const page of q.streamEvents({ ...f, ...(status ? { status } : {}) }, o.limit ? { max: o.limit } : {})) {
    yield page.map(toExported);
  }
}

export const CAMEO_HEADER = ["date", "source", "target", "cameo", "plover", "plover_mode", "place", "evidence", "url"];

const tsv = (s: string | null | undefined) => (s ?? "").replace(/[\t\r\n]+/g, " ").trim();

/** One tab-separated line per event: date, source, target, CAMEO code, PLOVER category and mode, place, evidence, URL. */
export function cameoLines(events: readonly ExportedEvent[]): string {
  return `${CAMEO_HEADER.join("\t")}\n${cameoRows(events)}`;
}

function cameoRows(events: readonly ExportedEvent[]): string {
  const lines: string[] = [];
  for (const e of events) {
    const code = EVENT_CODES[e.type];
    lines.push(
      [
        e.date?.value ?? e.article.published ?? "",
        e.source.join(";"),
        e.target.join(";"),
        code.cameo,
        code.plover,
        code.ploverMode ?? "",
        e.location?.name ?? "",
        e.evidence.text,
        e.article.url ?? "",
      ]
        .map(tsv)
        .join("\t"),
    );
  }
  return lines.map((l) => `${l}\n`).join("");
}

export const CSV_COLUMNS: [string, (e: ExportedEvent) => string | number | boolean | null][] = [
  ["article_id", (e) => e.articleId],
  ["event_id", (e) => e.id],
  ["date", (e) => e.date?.value ?? null],
  ["published", (e) => e.article.published],
  ["type", (e) => e.type],
  ["status", (e) => e.status],
  ["source", (e) => e.source.join(";")],
  ["target", (e) => e.target.join(";")],
  ["mediators", (e) => e.mediators.join(";")],
  ["issues", (e) => e.issues.join(";")],
  ["place", (e) => e.location?.name ?? null],
  ["place_id", (e) => e.location?.placeId ?? null],
  ["attributed_to", (e) => e.attributedTo],
  ["confidence", (e) => e.confidence],
  ["cameo", (e) => EVENT_CODES[e.type].cameo],
  ["plover", (e) => EVENT_CODES[e.type].plover],
  ["review_state", (e) => e.reviewState],
  ["verified", (e) => e.verified],
  ["cluster_id", (e) => e.cluster?.id ?? null],
  ["cluster_articles", (e) => e.cluster?.articleCount ?? null],
  ["cluster_outlets", (e) => e.cluster?.outletCount ?? null],
  ["outlet", (e) => e.article.outlet],
  ["title", (e) => e.article.title],
  ["url", (e) => e.article.url],
  ["evidence", (e) => e.evidence.text],
  ["evidence_start", (e) => e.evidence.start],
  ["evidence_end", (e) => e.evidence.end],
  ["extractor_version", (e) => e.extractorVersion],
];

const CSV_HEADER = `${CSV_COLUMNS.map(([h]) => h).join(",")}\n`;
const csvRows = (events: readonly ExportedEvent[]) =>
  events.map((e) => `${CSV_COLUMNS.map(([, get]) => csvCell(String(get(e) ?? ""))).join(",")}\n`).join("");

export function csvLines(events: readonly ExportedEvent[]): string {
  return CSV_HEADER + csvRows(events);
}

/**
 * The export as text chunks, streamed: the whole corpus (`--all`) a page of articles at a time, or the selected
 * events a page at a time (csv, ndjson, cameo). `json` is one document and is built whole.
 */
export async function* exportChunks(q: Queries, raw: ExportOptions): AsyncGenerator<string> {
  const o = ExportOptionsSchema.parse(raw);
  if (o.all) {
    if (o.format !== "json" && raw.format !== undefined) {
      throw new CliError("--all writes the whole corpus as JSON; drop --format or use --format json", EXIT.usage);
    }
    if (q.exportChunks) yield* q.exportChunks();
    else {
      const dump: CorpusExport = await q.exportAll();
      yield JSON.stringify(dump);
    }
    yield "\n";
    return;
  }
  switch (o.format) {
    case "cameo":
      yield `${CAMEO_HEADER.join("\t")}\n`;
      for await (const page of eventPages(q, o)) yield cameoRows(page);
      return;
    case "csv":
      yield CSV_HEADER;
      for await (const page of eventPages(q, o)) yield csvRows(page);
      return;
    case "ndjson":
      for await (const page of eventPages(q, o)) yield page.map((e) => `${JSON.stringify(e)}\n`).join("");
      return;
    case "json": {
      const events = await collectEvents(q, o);
      const clusterIds = new Set(events.flatMap((e) => (e.cluster ? [e.cluster.id] : [])));
      const clusters = (await pages<StoredCluster>((offset) => q.clusters({ limit: PAGE, offset }))).filter((c) =>
        clusterIds.has(c.id),
      );
      yield `${JSON.stringify({ events, clusters }, null, 2)}\n`;
      return;
    }
  }
}

/** The whole export as one string (tests, small corpora). */
export async function runExport(q: Queries, raw: ExportOptions): Promise<string> {
  let text = "";
  for await (const chunk of exportChunks(q, raw)) text += chunk;
  return text;
}

/** Writes chunks to stdout, waiting for it to drain (a slow pipe must not buffer the whole export). */
async function toStdout(chunks: AsyncIterable<string>): Promise<void> {
  for await (const chunk of chunks) {
    if (chunk && !process.stdout.write(chunk)) await once(process.stdout, "drain");
  }
}

export const exportCommand = addFilterOptions(
  new Command("export")
    .description(
      "Write events with their clusters and reviews (csv, ndjson, json, CAMEO/PLOVER tsv), or the whole corpus",
    )
    .option("--format <format>", `${EXPORT_FORMATS.join(" | ")} (default ndjson; cameo exports occurred events)`)
    .option("--all", "the whole corpus (articles, analyses, reviews, clusters) as JSON, for parley import")
    .option("--out <file>", "write to a file (whole or not at all) instead of stdout"),
)
  .addHelpText(
    "after",
    "\nExamples:\n  parley export --format cameo --from 2024 --out events.tsv\n  parley export --all --out corpus.json && parley import corpus.json --data-dir ./copy",
  )
  .action(async (...args: unknown[]) => {
    const command = commandOf(args);
    const raw = command.opts() as ExportOptions;
    ExportOptionsSchema.parse(raw);
    await withQueries(globalsOf(command), (q) =>
      raw.out ? writeStreamAtomic(raw.out, exportChunks(q, raw)) : toStdout(exportChunks(q, raw)),
    );
  });
