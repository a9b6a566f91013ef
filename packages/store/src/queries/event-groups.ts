import type { EventType } from "@parley/schema";
import { sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, queryRows } from "../db/driver";
import { articles, events } from "../db/schema";
import type { EventFilterSchema } from "../filters";
import { ensureEventFactsFresh } from "../summaries/event-facts";
import { eventScope, pgArray } from "../views";

type EventFilter = z.output<typeof EventFilterSchema>;

/** Events of one type with the same actors in the same roles, counted together. */
export interface EventGroup {
  type: EventType;
  source: string[];
  target: string[];
  mediators: string[];
  /** Events in the group. */
  count: number;
  /** Up to five of their ids. */
  sample: string[];
}

/** True when the filter narrows nothing, so the facts are read without joining events. */
function unfiltered(f: EventFilter): boolean {
  return !(f.actor || f.role || f.type || f.issue || f.text || f.outlet || f.articleId || f.status || f.from || f.to);
}

/**
 * Every event the filter selects, grouped by type and actor links (from `event_facts`): what an actor network
 * needs — activity per actor and counts per (source, target, type) — in a few thousand rows at any corpus size.
 * `limit`/`offset` do not apply: a network counts every event.
 */
export async function eventGroups(db: Db, f: EventFilter): Promise<EventGroup[]> {
  await ensureEventFactsFresh(db);
  const from = unfiltered(f)
    ? sql`event_facts rf`
    : sql`event_facts rf JOIN ${events} ON ${events.articleId} = rf.article_id AND ${events.id} = rf.event_id
      JOIN ${articles} ON ${articles.id} = rf.article_id WHERE ${eventScope(f)}`;
  const rows = await queryRows<{ type: EventType; links: string[] | string; n: number; sample: string[] | string }>(
    db,
    sql`SELECT rf.type, rf.links, count(*)::int AS n, (array_agg(rf.event_id ORDER BY rf.event_id))[1:5] AS sample
      FROM ${from} GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  return rows.map((r) => {
    const g: EventGroup = {
      type: r.type,
      source: [],
      target: [],
      mediators: [],
      count: Number(r.n),
      sample: pgArray(r.sample),
    };
    for (const link of pgArray(r.links)) {
      const i = link.indexOf(":");
      const role = link.slice(0, i);
      const actor = link.slice(i + 1);
      if (role === "source") g.source.push(actor);
      else if (role === "target") g.target.push(actor);
      else g.mediators.push(actor);
    }
    return g;
  });
}
