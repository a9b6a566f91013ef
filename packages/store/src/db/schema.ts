import type { Framing, Office, Sentence } from "@parley/schema";
import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

/**
 * The drizzle mirror of `migrations/*.sql`. The SQL files are the source of truth for the database;
 * `test/schema-sync.test.ts` checks that every column declared here exists after migrating.
 */

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const outlets = pgTable("outlets", {
  name: text("name").primaryKey(),
  domain: text("domain"),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
});

export const actors = pgTable(
  "actors",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    type: text("type").notNull(),
    affiliation: text("affiliation"),
    aliases: jsonb("aliases").$type<string[]>().notNull().default([]),
    offices: jsonb("offices").$type<Office[]>().notNull().default([]),
    known: boolean("known").notNull().default(true),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [index("actors_lower_name_idx").on(sql`lower(${t.name})`)],
);

export type Dateline = { place: string | null; outlet: string | null; date: string | null } | null;

export const articles = pgTable(
  "articles",
  {
    id: text("id").primaryKey(),
    title: text("title"),
    text: text("text").notNull(),
    outlet: text("outlet").references(() => outlets.name, { onUpdate: "cascade" }),
    url: text("url"),
    published: date("published", { mode: "string" }),
    language: text("language").notNull(),
    ingestedAt: timestamp("ingested_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    analyzedAt: timestamp("analyzed_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    extractorVersion: text("extractor_version").notNull(),
    sourceFile: text("source_file"),
    sourceLine: integer("source_line"),
    dateline: jsonb("dateline").$type<Dateline>(),
    sentences: jsonb("sentences").$type<Sentence[]>().notNull().default([]),
    framing: jsonb("framing").$type<Framing>().notNull(),
    wordCount: integer("word_count").notNull().default(0),
    tsv: tsvector("tsv").generatedAlwaysAs(sql`to_tsvector('english', coalesce(title, '') || ' ' || text)`),
  },
  (t) => [
    index("articles_published_idx").on(t.published),
    index("articles_extractor_version_idx").on(t.extractorVersion),
  ],
);

export const articleActors = pgTable(
  "article_actors",
  {
    articleId: text("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    actorId: text("actor_id")
      .notNull()
      .references(() => actors.id),
    ord: integer("ord").notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.actorId] })],
);

export const mentions = pgTable(
  "mentions",
  {
    articleId: text("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    ord: integer("ord").notNull(),
    spanStart: integer("span_start").notNull(),
    spanEnd: integer("span_end").notNull(),
    text: text("text").notNull(),
    actorId: text("actor_id")
      .notNull()
      .references(() => actors.id),
    resolvedBy: text("resolved_by").notNull(),
    sentence: integer("sentence").notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.ord] })],
);

export const events = pgTable(
  "events",
  {
    articleId: text("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    ord: integer("ord").notNull(),
    type: text("type").notNull(),
    /** The machine-assigned type, part of the stable key reviews are matched by (a correction may change `type`). */
    keyType: text("key_type").notNull(),
    status: text("status").notNull(),
    attributedTo: text("attributed_to"),
    evidenceText: text("evidence_text").notNull(),
    evidenceStart: integer("evidence_start").notNull(),
    evidenceEnd: integer("evidence_end").notNull(),
    trigger: text("trigger").notNull(),
    dateValue: text("date_value"),
    datePrecision: text("date_precision"),
    dateRaw: text("date_raw"),
    /** First and last day covered by `date_value`, for range filters. */
    dateStart: date("date_start", { mode: "string" }),
    dateEnd: date("date_end", { mode: "string" }),
    /** `coalesce(dateStart, the article's published)`: the listing order (migration 0011). */
    sortDate: date("sort_date", { mode: "string" }),
    locationName: text("location_name"),
    locationPlaceId: text("location_place_id"),
    locationLat: doublePrecision("location_lat"),
    locationLon: doublePrecision("location_lon"),
    confidence: doublePrecision("confidence").notNull(),
    extractorVersion: text("extractor_version").notNull(),
    reviewState: text("review_state").$type<"verified" | "corrected" | "rejected">(),
    /** The machine output before the first correction (null while uncorrected). */
    original: jsonb("original"),
    tsv: tsvector("tsv").generatedAlwaysAs(sql`to_tsvector('english', evidence_text)`),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.id] }),
    index("events_id_idx").on(t.id),
    index("events_type_idx").on(t.type),
    index("events_status_idx").on(t.status),
    index("events_date_idx").on(t.dateStart, t.dateEnd),
    index("events_sort_idx").on(t.sortDate, t.articleId, t.ord),
    index("events_key_idx").on(t.articleId, t.keyType, t.evidenceStart, t.evidenceEnd),
  ],
);

export const eventActors = pgTable(
  "event_actors",
  {
    articleId: text("article_id").notNull(),
    eventId: text("event_id").notNull(),
    actorId: text("actor_id")
      .notNull()
      .references(() => actors.id),
    role: text("role").$type<"source" | "target" | "mediator">().notNull(),
    ord: integer("ord").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.eventId, t.role, t.actorId] }),
    foreignKey({ columns: [t.articleId, t.eventId], foreignColumns: [events.articleId, events.id] }).onDelete(
      "cascade",
    ),
    index("event_actors_actor_idx").on(t.actorId, t.role),
  ],
);

export const eventIssues = pgTable(
  "event_issues",
  {
    articleId: text("article_id").notNull(),
    eventId: text("event_id").notNull(),
    issue: text("issue").notNull(),
    ord: integer("ord").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.eventId, t.issue] }),
    foreignKey({ columns: [t.articleId, t.eventId], foreignColumns: [events.articleId, events.id] }).onDelete(
      "cascade",
    ),
  ],
);

export const claims = pgTable(
  "claims",
  {
    articleId: text("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    ord: integer("ord").notNull(),
    kind: text("kind").notNull(),
    value: doublePrecision("value").notNull(),
    qualifier: text("qualifier").notNull(),
    subject: text("subject"),
    location: text("location"),
    claimant: text("claimant"),
    asOf: text("as_of"),
    raw: text("raw").notNull(),
    evidenceText: text("evidence_text").notNull(),
    evidenceStart: integer("evidence_start").notNull(),
    evidenceEnd: integer("evidence_end").notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.id] })],
);

export const eventClusters = pgTable("event_clusters", {
  id: text("id").primaryKey(),
  label: text("label"),
  method: text("method").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  /** Partition re-clustered as a whole: `TYPE|y:YYYY` (dated) or `TYPE|w:YYYY-Www` (undated, by publication). */
  bucket: text("bucket"),
  type: text("type"),
  date: text("date"),
  placeId: text("place_id"),
  actors: text("actors").array().notNull().default(sql`'{}'`),
  issues: text("issues").array().notNull().default(sql`'{}'`),
  outlets: text("outlets").array().notNull().default(sql`'{}'`),
  articleCount: integer("article_count").notNull().default(0),
  outletCount: integer("outlet_count").notNull().default(0),
  dateMin: text("date_min"),
  dateMax: text("date_max"),
  dateStart: date("date_start", { mode: "string" }),
  dateEnd: date("date_end", { mode: "string" }),
  firstReport: jsonb("first_report").$type<{
    eventId: string;
    articleId: string;
    published: string | null;
    outlet: string | null;
  }>(),
  statuses: jsonb("statuses").$type<Record<string, number>>().notNull().default({}),
});

export const eventClusterMembers = pgTable(
  "event_cluster_members",
  {
    clusterId: text("cluster_id")
      .notNull()
      .references(() => eventClusters.id, { onDelete: "cascade" }),
    articleId: text("article_id").notNull(),
    eventId: text("event_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.clusterId, t.articleId, t.eventId] }),
    foreignKey({ columns: [t.articleId, t.eventId], foreignColumns: [events.articleId, events.id] }).onDelete(
      "cascade",
    ),
    index("event_cluster_members_event_idx").on(t.articleId, t.eventId),
  ],
);

export const reviews = pgTable(
  "reviews",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id").notNull(),
    /** Stable event key: article id + machine event type + evidence start/end. */
    articleId: text("article_id").notNull(),
    eventType: text("event_type").notNull(),
    evidenceStart: integer("evidence_start").notNull(),
    evidenceEnd: integer("evidence_end").notNull(),
    action: text("action").$type<"verify" | "correct" | "reject">().notNull(),
    changes: jsonb("changes").$type<Record<string, unknown>>().notNull().default({}),
    author: text("author").notNull(),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [index("reviews_key_idx").on(t.articleId, t.eventType, t.evidenceStart, t.evidenceEnd)],
);

/** Partitions whose clusters are out of date (written with the articles, removed when re-clustered). */
export const reclusterPending = pgTable("recluster_pending", {
  bucket: text("bucket").notNull(),
  addedAt: timestamp("added_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
});

export const parleyMigrations = pgTable("parley_migrations", {
  id: text("id").primaryKey(),
  appliedAt: timestamp("applied_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
});

export const tables = {
  outlets,
  actors,
  articles,
  articleActors,
  mentions,
  events,
  eventActors,
  eventIssues,
  claims,
  eventClusters,
  eventClusterMembers,
  reviews,
  reclusterPending,
};
