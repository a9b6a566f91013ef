import type { CorpusStats } from "@parley/store";
import { Command } from "commander";
import type { z } from "zod";
import { readCommand } from "../command-kit";
import { OutputOptionsSchema } from "../options";
import type { Output } from "../output/format";
import type { Queries } from "../queries";

export const StatsOptionsSchema = OutputOptionsSchema;
export type StatsOptions = z.infer<typeof StatsOptionsSchema>;

export function runStats(q: Queries): Promise<CorpusStats> {
  return q.stats();
}

type Row = { key: string; value: string | number };

export function statsOutput(s: CorpusStats): Output<Row> {
  const rows: Row[] = [
    { key: "articles", value: s.articles },
    { key: "events", value: s.events },
    { key: "rejected events", value: s.rejectedEvents },
    { key: "actors", value: s.actors },
    { key: "mentions", value: s.mentions },
    { key: "claims", value: s.claims },
    { key: "reviews", value: s.reviews },
    { key: "outlets", value: s.outlets },
    { key: "published", value: `${s.published.first ?? "?"} … ${s.published.last ?? "?"}` },
    ...Object.entries(s.extractorVersions).map(([v, n]) => ({ key: `extractor ${v}`, value: n })),
    ...Object.entries(s.eventTypes).map(([t, n]) => ({ key: `type ${t}`, value: n })),
  ];
  return {
    rows,
    columns: [
      { header: "", value: (r) => r.key },
      { header: "count", value: (r) => r.value },
    ],
    doc: s,
    records: [s],
  };
}

export const statsCommand = readCommand(
  new Command("stats")
    .description("Summarise the corpus: articles, events, actors, claims, reviews, outlets, dates, types")
    .addHelpText("after", "\nExample:\n  parley stats --format json"),
  { schema: StatsOptionsSchema, run: (q) => runStats(q), output: statsOutput, filters: false },
);
