import { sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, queryRows } from "./db/driver";
import { articles, eventIssues, events } from "./db/schema";
import type { FilterSchema, ModelFilterSchema, TimelineFilterSchema } from "./filters";
import {
  type ActorRole,
  type ClaimDisagreement,
  type ClaimSeries,
  claimDisagreements,
  claimSeries,
  type OutletProfile,
  PLACE_COUNTRY,
  type StanceHistory,
  type StanceMatrix,
  type StickingPoint,
  type Timeline,
  type Track,
} from "./model";
import { loadClaimView } from "./queries/claim-view";
import { sqlRoles } from "./queries/roles";
import { sqlOutletProfiles } from "./queries/sources";
import { sqlStances } from "./queries/stances";
import { sqlTimeline } from "./summaries/timeline";
import { eventScope } from "./views";

type ModelFilter = z.output<typeof ModelFilterSchema>;

/** Actor id → display name for every actor a result names. */
export type ActorNames = Record<string, string>;

export interface RolesView {
  tracks: Track[];
  /** Sorted by track, then role, then actor; at most `limit`. */
  roles: ActorRole[];
  actors: ActorNames;
}

export interface StancesView {
  /** Per actor and issue, oldest first; at most `limit` histories. */
  histories: StanceHistory[];
  matrix: StanceMatrix;
  stickingPoints: StickingPoint[];
  actors: ActorNames;
}

export interface ClaimSeriesView {
  series: ClaimSeries[];
  /** Figures outlets report differently (same kind, similar subject, same week). */
  disagreements: ClaimDisagreement[];
}

export interface IssueCount {
  issue: string;
  events: number;
  articles: number;
  outlets: number;
  first: string | null;
  last: string | null;
}

/** Grouped in SQL from `role_facts` (see `sqlRoles`); core's `actorRoles` is the reference it is tested against. */
export async function rolesView(db: Db, f: ModelFilter): Promise<RolesView> {
  return sqlRoles(db, f, PLACE_COUNTRY);
}

/** Computed in the database (see `sqlStances`); core's stance functions are the reference it is tested against. */
export async function stancesView(db: Db, f: ModelFilter): Promise<StancesView> {
  return sqlStances(db, f);
}

/** Aggregated in SQL (see `sqlTimeline`); core's `buildTimeline` is the reference it is tested against. */
export async function timelineView(db: Db, f: z.output<typeof TimelineFilterSchema>): Promise<Timeline> {
  return sqlTimeline(db, f);
}

/** Core's claim functions over the filter's claims and their articles' outlets and dates (see `loadClaimView`). */
export async function claimSeriesView(db: Db, f: ModelFilter & { kind?: string | string[] }): Promise<ClaimSeriesView> {
  const view = await loadClaimView(db, f);
  return {
    series: claimSeries(view).slice(f.offset, f.offset + f.limit),
    disagreements: claimDisagreements(view),
  };
}

/** Aggregated in SQL (see `sqlOutletProfiles`); core's `outletProfiles` is the reference it is tested against. */
export async function sourcesView(db: Db, f: ModelFilter): Promise<OutletProfile[]> {
  return (await sqlOutletProfiles(db, f)).slice(f.offset, f.offset + f.limit);
}

/** Events, articles and outlets per issue (exact issue ids; `issue` keeps one subtree), most events first. */
export async function issueCounts(db: Db, f: z.output<typeof FilterSchema>): Promise<IssueCount[]> {
  const rows = await queryRows<{
    issue: string;
    events: number;
    articles: number;
    outlets: number;
    first: string | null;
    last: string | null;
  }>(
    db,
    sql`SELECT ${eventIssues.issue} AS issue, count(*)::int AS events,
        count(DISTINCT ${events.articleId})::int AS articles, count(DISTINCT lower(${articles.outlet}))::int AS outlets,
        min(coalesce(${events.dateStart}, ${articles.published}))::text AS first,
        max(coalesce(${events.dateEnd}, ${articles.published}))::text AS last
      FROM ${eventIssues}
      JOIN ${events} ON ${events.articleId} = ${eventIssues.articleId} AND ${events.id} = ${eventIssues.eventId}
      JOIN ${articles} ON ${articles.id} = ${events.articleId}
      WHERE ${eventScope(f)}
        ${f.issue ? sql`AND (${eventIssues.issue} = ${f.issue} OR starts_with(${eventIssues.issue}, ${`${f.issue}.`}))` : sql``}
      GROUP BY ${eventIssues.issue}
      ORDER BY count(*) DESC, ${eventIssues.issue}
      LIMIT ${f.limit} OFFSET ${f.offset}`,
  );
  return rows;
}
