import { EventStatusSchema, EventTypeSchema, PartialDateSchema } from "@parley/schema";
import type { Filter } from "@parley/store";
import type { Command } from "commander";
import { z } from "zod";

/** `a,b` → a list, each value normalised and then checked by `item`. */
const list = <T extends z.ZodType>(item: T, normalize: (s: string) => string) =>
  z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(",")
            .map((x) => normalize(x.trim()))
            .filter(Boolean)
        : v,
    z.array(item).min(1),
  );

/** The filter options every query command shares, as commander gives them (strings). */
export const FilterOptionsSchema = z.object({
  actor: z.string().min(1).optional(),
  type: list(EventTypeSchema, (s) => s.toUpperCase()).optional(),
  issue: z.string().min(1).optional(),
  outlet: z.string().min(1).optional(),
  status: list(EventStatusSchema, (s) => s.toLowerCase()).optional(),
  from: PartialDateSchema.optional(),
  to: PartialDateSchema.optional(),
  text: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});
export type FilterOptions = z.infer<typeof FilterOptionsSchema>;

export function addFilterOptions(cmd: Command): Command {
  return cmd
    .option("--actor <actor>", "actor id, name or alias (source, target or mediator)")
    .option("--type <types>", "event type(s), comma-separated: MEET,PROPOSE,…")
    .option("--issue <issue>", "issue id; a prefix matches sub-issues (ceasefire ⊇ ceasefire.permanent)")
    .option("--outlet <name>", "outlet name (case-insensitive)")
    .option("--status <statuses>", "occurred, planned, hypothetical, negated (comma-separated)")
    .option("--from <date>", "on or after: YYYY, YYYY-MM or YYYY-MM-DD")
    .option("--to <date>", "on or before (inclusive of the whole month or year)")
    .option("--text <query>", 'full-text search: words, "phrases", -not, or')
    .option("--limit <n>", "at most n rows (default 100, max 10000)");
}

/** Filter options → the store's filter (absent options stay absent). */
export function toFilter(o: FilterOptions): Filter {
  const f: Filter = {};
  if (o.actor) f.actor = o.actor;
  if (o.type) f.type = o.type.length === 1 ? o.type[0] : (o.type as Filter["type"]);
  if (o.issue) f.issue = o.issue;
  if (o.outlet) f.outlet = o.outlet;
  if (o.status) f.status = o.status.length === 1 ? o.status[0] : (o.status as Filter["status"]);
  if (o.from) f.from = o.from;
  if (o.to) f.to = o.to;
  if (o.text) f.text = o.text;
  if (o.limit) f.limit = o.limit;
  return f;
}

export const OUTPUT_FORMATS = ["table", "json", "ndjson", "csv"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const OutputOptionsSchema = z.object({
  format: z.enum(OUTPUT_FORMATS).optional(),
  out: z.string().min(1).optional(),
});
export type OutputOptions = z.infer<typeof OutputOptionsSchema>;

export function addOutputOptions(cmd: Command, formats: readonly string[] = OUTPUT_FORMATS): Command {
  return cmd
    .option("--format <format>", `${formats.join(" | ")} (default: table on a terminal, ndjson when piped)`)
    .option("--out <file>", "write to a file instead of stdout (written whole or not at all)");
}
