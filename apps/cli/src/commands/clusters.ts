import type { StoredCluster } from "@parley/store";
import { Command } from "commander";
import { z } from "zod";
import { joinIds, readCommand } from "../command-kit";
import { FilterOptionsSchema, OutputOptionsSchema, toFilter } from "../options";
import type { Output } from "../output/format";
import type { Queries } from "../queries";

export const ClustersOptionsSchema = FilterOptionsSchema.extend(OutputOptionsSchema.shape).extend({
  minOutlets: z.coerce.number().int().min(1).optional(),
  minArticles: z.coerce.number().int().min(1).optional(),
});
export type ClustersOptions = z.infer<typeof ClustersOptionsSchema>;

export function runClusters(q: Queries, o: ClustersOptions): Promise<StoredCluster[]> {
  return q.clusters({
    ...toFilter(o),
    ...(o.minOutlets ? { minOutlets: o.minOutlets } : {}),
    ...(o.minArticles ? { minArticles: o.minArticles } : {}),
  });
}

export function clustersOutput(rows: StoredCluster[]): Output<StoredCluster> {
  return {
    rows,
    columns: [
      { header: "date", value: (c) => c.date ?? c.firstReport.published },
      { header: "type", value: (c) => c.type },
      { header: "actors", value: (c) => joinIds(c.actors) },
      { header: "issues", value: (c) => joinIds(c.issues) },
      { header: "articles", value: (c) => c.articleCount },
      { header: "outlets", value: (c) => c.outletCount },
      {
        header: "first report",
        value: (c) => `${c.firstReport.published ?? "?"} ${c.firstReport.outlet ?? ""}`.trim(),
      },
      { header: "outlet names", value: (c) => joinIds(c.outlets) },
      { header: "id", value: (c) => c.id },
    ],
  };
}

export const clustersCommand = readCommand(
  new Command("clusters")
    .description("List event clusters: reports of one real-world event across articles, with corroboration")
    .option("--min-outlets <n>", "only clusters reported by at least n distinct outlets")
    .option("--min-articles <n>", "only clusters reported by at least n articles")
    .addHelpText("after", "\nExample:\n  parley clusters --type MEET --from 2024-02 --to 2024-02 --min-outlets 2"),
  { schema: ClustersOptionsSchema, run: runClusters, output: clustersOutput },
);
