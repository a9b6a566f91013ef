import type { OutletProfile } from "@parley/store";
import { Command } from "commander";
import type { z } from "zod";
import { readCommand } from "../command-kit";
import { FilterOptionsSchema, OutputOptionsSchema, toFilter } from "../options";
import type { Output } from "../output/format";
import type { Queries } from "../queries";

export const SourcesOptionsSchema = FilterOptionsSchema.extend(OutputOptionsSchema.shape);
export type SourcesOptions = z.infer<typeof SourcesOptionsSchema>;

export function runSources(q: Queries, o: SourcesOptions): Promise<OutletProfile[]> {
  return q.sources(toFilter(o));
}

export function sourcesOutput(rows: OutletProfile[]): Output<OutletProfile> {
  return {
    rows,
    columns: [
      { header: "outlet", value: (p) => p.outlet },
      { header: "articles", value: (p) => p.articleCount },
      { header: "first", value: (p) => p.dateRange.first },
      { header: "last", value: (p) => p.dateRange.last },
      { header: "events", value: (p) => p.eventCount },
      {
        header: "framing",
        value: (p) =>
          p.framing
            .slice(0, 3)
            .map((f) => `${f.term} ${f.count}`)
            .join(", "),
      },
      {
        header: "quotes",
        value: (p) =>
          p.quotes
            .slice(0, 3)
            .map((a) => `${a.actor} ${a.count}`)
            .join(", "),
      },
      {
        header: "top actors",
        value: (p) =>
          p.topActors
            .slice(0, 3)
            .map((a) => `${a.actor} ${a.count}`)
            .join(", "),
      },
    ],
  };
}

export const sourcesCommand = readCommand(
  new Command("sources")
    .description("Profile each outlet: coverage, event types, framing terms, and which actors it quotes")
    .addHelpText("after", "\nExample:\n  parley sources --from 2024 --format json --out outlets.json"),
  { schema: SourcesOptionsSchema, run: runSources, output: sourcesOutput },
);
