import type { Timeline, TimelineBucket, TimelineCounts } from "@parley/store";
import { Command } from "commander";
import { z } from "zod";
import { readCommand } from "../command-kit";
import { FilterOptionsSchema, OutputOptionsSchema, toFilter } from "../options";
import type { Output } from "../output/format";
import type { Queries } from "../queries";

export const TimelineOptionsSchema = FilterOptionsSchema.extend(OutputOptionsSchema.shape).extend({
  granularity: z.enum(["day", "week", "month"]).default("month"),
});
export type TimelineOptions = z.infer<typeof TimelineOptionsSchema>;

export function runTimeline(q: Queries, o: TimelineOptions): Promise<Timeline> {
  return q.timeline({ ...toFilter(o), granularity: o.granularity, limit: o.limit ?? 10_000 });
}

const top = (rec: Record<string, number>, n = 3) =>
  Object.entries(rec)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");

const all = (b: TimelineBucket): TimelineCounts[] => [b.occurred, b.planned, b.hypothetical, b.negated];
const sum = (b: TimelineBucket, pick: (c: TimelineCounts) => Record<string, number>) => {
  const out: Record<string, number> = {};
  for (const c of all(b)) for (const [k, v] of Object.entries(pick(c))) out[k] = (out[k] ?? 0) + v;
  return out;
};

export function timelineOutput(t: Timeline): Output<TimelineBucket> {
  return {
    rows: t.buckets,
    columns: [
      { header: t.granularity, value: (b) => b.key },
      { header: "occurred", value: (b) => b.occurred.total },
      { header: "planned", value: (b) => b.planned.total },
      { header: "hypothetical", value: (b) => b.hypothetical.total },
      { header: "negated", value: (b) => b.negated.total },
      { header: "top types", value: (b) => top(sum(b, (c) => c.byType as Record<string, number>)) },
      { header: "top actors", value: (b) => top(sum(b, (c) => c.byActor)) },
      { header: "top issues", value: (b) => top(sum(b, (c) => c.byIssue)) },
    ],
    doc: t,
  };
}

export const timelineCommand = readCommand(
  new Command("timeline")
    .description("Count events per day, ISO week or month, by status, with the busiest types, actors and issues")
    .option("--granularity <g>", "day | week | month", "month")
    .addHelpText("after", "\nExample:\n  parley timeline --granularity week --actor Qatar --from 2024-01 --to 2024-03"),
  { schema: TimelineOptionsSchema, run: runTimeline, output: timelineOutput },
);
