import type { Claim } from "@parley/schema";
import { and, sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/driver";
import { articles, claims } from "../db/schema";
import type { CorpusArticle } from "../model";
import { claimConditions, rowToClaim } from "../read";

/**
 * The claims a filter selects with the outlet and publication date of their articles: all that core's
 * `claimSeries` and `claimDisagreements` read. `loadView` would also load every article of the filter's range
 * (with its framing terms) and the claimants' actors.
 */
export async function loadClaimView(
  db: Db,
  f: Parameters<typeof claimConditions>[0],
): Promise<{ claims: Claim[]; articles: CorpusArticle[] }> {
  const where = and(...claimConditions(f)) ?? sql`true`;
  const rows = await db
    .select({ c: claims })
    .from(claims)
    .innerJoin(articles, sql`${articles.id} = ${claims.articleId}`)
    .where(where)
    .orderBy(claims.articleId, claims.ord);
  const arts = await queryRows<{ id: string; outlet: string | null; published: string | null }>(
    db,
    sql`SELECT ${articles.id} AS id, ${articles.outlet} AS outlet, ${articles.published}::text AS published
      FROM ${articles} WHERE ${articles.id} IN (
        SELECT ${claims.articleId} FROM ${claims} JOIN ${articles} ON ${articles.id} = ${claims.articleId} WHERE ${where})
      ORDER BY ${articles.id}`,
  );
  return {
    claims: rows.map(({ c }) => rowToClaim(c)),
    // Title, word count and framing are not read by the claim functions.
    articles: arts.map((a) => ({ ...a, title: null, wordCount: 0, framingTerms: [] })),
  };
}
