import type { StoredEvent } from "@parley/store";
import { Command } from "commander";
import { z } from "zod";
import { clip, joinIds, readCommand } from "../command-kit";
import { FilterOptionsSchema, OutputOptionsSchema, toFilter } from "../options";
import type { Output } from "../output/format";
import type { Queries } from "../queries";

export const EventsOptionsSchema = FilterOptionsSchema.extend(OutputOptionsSchema.shape).extend({
  includeRejected: z.boolean().default(false),
});
export type EventsOptions = z.infer<typeof EventsOptionsSchema>;

export function runEvents(q: Queries, o: EventsOptions): Promise<StoredEvent[]> {
  return q.events({ ...toFilter(o), includeRejected: o.includeRejected });
}

export function eventsOutput(rows: StoredEvent[]): Output<StoredEvent> {
  return {
    rows,
    columns: [
      { header: "date", value: (e) => e.date?.value ?? e.article.published },
      { header: "type", value: (e) => e.type },
      { header: "status", value: (e) => e.status },
      { header: "source", value: (e) => joinIds(e.source) },
      { header: "target", value: (e) => joinIds(e.target) },
      { header: "mediators", value: (e) => joinIds(e.mediators) },
      { header: "issues", value: (e) => joinIds(e.issues) },
      { header: "where", value: (e) => e.location?.name },
      { header: "outlet", value: (e) => e.article.outlet },
      { header: "review", value: (e) => e.reviewState },
      { header: "id", value: (e) => e.id },
      { header: "evidence", value: (e) => clip(e.evidence.text) },
    ],
  };
}

export const eventsCommand = readCommand(
  new Command("events")
    .description("List stored events matching the filters, with their evidence and review state")
    .option("--include-rejected", "also list events an analyst rejected")
    .addHelpText(
      "after",
      "\nExample:\n  parley events --actor Hamas --type REJECT,DEMAND --from 2024-02 --format json",
    ),
  { schema: EventsOptionsSchema, run: runEvents, output: eventsOutput },
);
