import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/driver";
import { events } from "../db/schema";

/** What `event_facts` keeps of the events in `scope` (rejected events have no row). */
function factsOf(scope: SQL): SQL {
  return sql`SELECT ${events.articleId}, ${events.id}, ${events.type}, ${events.status},
      CASE WHEN ${events.type} = 'MEET' THEN ${events.locationPlaceId} END,
      ARRAY(SELECT DISTINCT ea.role || ':' || ea.actor_id FROM event_actors ea
        WHERE ea.article_id = ${events.articleId} AND ea.event_id = ${events.id} ORDER BY 1),
      ${events.attributedTo}
    FROM ${events} WHERE ${scope} AND ${events.reviewState} IS DISTINCT FROM 'rejected'`;
}

/** Adds the facts of the events in `scope` (`sign` 1) or removes them (-1). Call where the events are written. */
export async function updateEventFacts(tx: Db, scope: SQL, sign: 1 | -1): Promise<void> {
  if (sign === -1) {
    await tx.execute(sql`DELETE FROM event_facts ef USING ${events}
      WHERE ef.article_id = ${events.articleId} AND ef.event_id = ${events.id} AND ${scope}`);
    return;
  }
  await tx.execute(sql`INSERT INTO event_facts (article_id, event_id, type, status, place, links, attributed_to)
    ${factsOf(scope)}
    ON CONFLICT (article_id, event_id) DO UPDATE SET type = excluded.type, status = excluded.status,
      place = excluded.place, links = excluded.links, attributed_to = excluded.attributed_to`);
}

/** Recomputes `event_facts` from the events. */
export async function rebuildEventFacts(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE event_facts IN EXCLUSIVE MODE`);
    await tx.execute(sql`DELETE FROM event_facts`);
    await updateEventFacts(tx, sql`true`, 1);
    await tx.execute(sql`UPDATE summary_state SET stale = false WHERE name = 'event_facts'`);
  });
}

/** Rebuilds the table first when it is flagged (a new table over an existing corpus). */
export async function ensureEventFactsFresh(db: Db): Promise<void> {
  const [state] = await queryRows<{ stale: boolean }>(
    db,
    sql`SELECT stale FROM summary_state WHERE name = 'event_facts'`,
  );
  if (state?.stale) await rebuildEventFacts(db);
}
