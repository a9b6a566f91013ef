import type { SQL } from "drizzle-orm";
import type { Db } from "../db/driver";
import { updateStanceRecords } from "../queries/stances";
import { updateTimelineCounts } from "./timeline";

export { articlesScope, eventKeyScope, markTimelineStale } from "./timeline";

/**
 * Keeps every summary table in step with the events in `scope`: -1 before they change or go, 1 once they are
 * written. Call inside the transaction that writes the events.
 */
export async function updateSummaries(tx: Db, scope: SQL, sign: 1 | -1): Promise<void> {
  await updateTimelineCounts(tx, scope, sign);
  await updateStanceRecords(tx, scope, sign);
}
