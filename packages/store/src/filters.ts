import {
  ActorTypeSchema,
  ClaimKindSchema,
  EventSchema,
  EventStatusSchema,
  EventTypeSchema,
  PartialDateSchema,
} from "@parley/schema";
import { z } from "zod";

const oneOrMany = <T extends z.ZodType>(s: T) => z.union([s, z.array(s).min(1)]);

const NUL_FREE = "must not contain NUL (\\u0000) characters";
const nulFree = (s: string) => !s.includes("\u0000");

/**
 * A string bound as an SQL parameter. PostgreSQL text cannot hold NUL, so a NUL is a validation error here rather
 * than a database error later; values are always parameters, so quotes, `%`, `_` and `\\` are plain characters.
 */
export const SqlTextSchema = z.string().max(10_000).refine(nulFree, NUL_FREE);
const FilterText = SqlTextSchema.pipe(z.string().min(1));

/** The filter every listing shares; each listing reads the fields that apply to it. */
export const FilterSchema = z.object({
  /** Actor id, name or alias; matches an event's source, target or mediators. */
  actor: FilterText.optional(),
  /** Restrict `actor` to one role. */
  role: z.enum(["source", "target", "mediator"]).optional(),
  type: oneOrMany(EventTypeSchema).optional(),
  /** Dotted issue id; `ceasefire` also matches `ceasefire.permanent`. */
  issue: FilterText.optional(),
  /** Outlet name, case-insensitive. */
  outlet: FilterText.optional(),
  status: oneOrMany(EventStatusSchema).optional(),
  /** On or after (event date, else the article's published date): `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  from: PartialDateSchema.optional(),
  /** On or before, inclusive of the whole month or year. */
  to: PartialDateSchema.optional(),
  /**
   * Full-text search (web-search syntax: words, "phrases", -not, or; English stemming): events match on
   * their evidence, articles on title and text, claims on their evidence.
   */
  text: FilterText.optional(),
  articleId: FilterText.optional(),
  limit: z.number().int().min(1).max(10_000).default(100),
  offset: z.number().int().min(0).default(0),
});
export type Filter = z.input<typeof FilterSchema>;

export const EventFilterSchema = FilterSchema.extend({
  /** Events rejected by an analyst are left out unless this is set. */
  includeRejected: z.boolean().default(false),
});
export type EventFilter = z.input<typeof EventFilterSchema>;

/** Articles with metadata matching, and (for actor/type/issue/status) at least one matching event. */
export const ArticleFilterSchema = FilterSchema;
export type ArticleFilter = z.input<typeof ArticleFilterSchema>;

export const ActorFilterSchema = FilterSchema.extend({
  /** Substring of the actor's id, name or aliases. */
  name: FilterText.optional(),
  actorType: ActorTypeSchema.optional(),
  known: z.boolean().optional(),
});
export type ActorFilter = z.input<typeof ActorFilterSchema>;

export const ClaimFilterSchema = FilterSchema.extend({
  kind: oneOrMany(ClaimKindSchema).optional(),
});
export type ClaimFilter = z.input<typeof ClaimFilterSchema>;

export const REVIEW_ACTIONS = ["verify", "correct", "reject"] as const;
export const ReviewActionSchema = z.enum(REVIEW_ACTIONS);
export type ReviewAction = z.infer<typeof ReviewActionSchema>;

/** The event fields an analyst may correct. */
export const ReviewChangesSchema = EventSchema.pick({
  type: true,
  source: true,
  target: true,
  mediators: true,
  issues: true,
  location: true,
  date: true,
  status: true,
  attributedTo: true,
  trigger: true,
  confidence: true,
})
  .partial()
  .strict();
export type ReviewChanges = z.infer<typeof ReviewChangesSchema>;

export const ReviewInputSchema = z
  .object({
    action: ReviewActionSchema,
    changes: ReviewChangesSchema.default({}),
    author: FilterText.pipe(z.string().max(200)),
    note: SqlTextSchema.nullish(),
  })
  // Corrections are stored as jsonb, which cannot hold NUL either.
  .refine((r) => !JSON.stringify(r.changes).includes("\\u0000"), { message: NUL_FREE, path: ["changes"] })
  .refine((r) => (r.action === "correct") === Object.keys(r.changes).length > 0, {
    message: "a correction needs changes; verify and reject take none",
    path: ["changes"],
  });
export type ReviewInput = z.input<typeof ReviewInputSchema>;

export const ReviewFilterSchema = z.object({
  eventId: SqlTextSchema.optional(),
  articleId: SqlTextSchema.optional(),
  author: SqlTextSchema.optional(),
  action: ReviewActionSchema.optional(),
  limit: z.number().int().min(1).max(10_000).default(100),
  offset: z.number().int().min(0).default(0),
});
export type ReviewFilter = z.input<typeof ReviewFilterSchema>;

/** First and last day a partial date covers: `2024-02` → [`2024-02-01`, `2024-02-29`]. */
export function dateBounds(value: string): [string, string] {
  const [y, m, d] = value.split("-");
  if (d) return [value, value];
  if (m) {
    const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return [`${y}-${m}-01`, `${y}-${m}-${String(last).padStart(2, "0")}`];
  }
  return [`${y}-01-01`, `${y}-12-31`];
}

/** Clusters: the shared filter (actor, type, issue, outlet, status, from/to on the cluster's dates, text on members). */
export const ClusterFilterSchema = FilterSchema.extend({
  /** Corroboration floor: at least this many distinct outlets. */
  minOutlets: z.number().int().min(1).optional(),
  /** At least this many articles. */
  minArticles: z.number().int().min(1).optional(),
});
export type ClusterFilter = z.input<typeof ClusterFilterSchema>;

/** Filters for the cross-article views; `limit` caps the rows returned, never the events read. */
export const ModelFilterSchema = FilterSchema.extend({
  /** Count actors by affiliation root (a minister's acts are his state's). */
  rollUp: z.boolean().optional(),
});
export type ModelFilter = z.input<typeof ModelFilterSchema>;

export const GRANULARITIES = ["day", "week", "month"] as const;
export const TimelineFilterSchema = ModelFilterSchema.extend({
  granularity: z.enum(GRANULARITIES).default("month"),
});
export type TimelineFilter = z.input<typeof TimelineFilterSchema>;
