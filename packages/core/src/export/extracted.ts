import type { Analysis, ExtractedArticle } from "@parley/schema";

/**
 * Flattens an analysis into the name-based shape of `parley extract --format json`: actors by canonical name,
 * dates as plain strings (a year alone is not a usable event date, so it becomes null), evidence offsets as stored.
 */
export function toExtractedArticle(analysis: Analysis, file: string): ExtractedArticle {
  const byId = new Map(analysis.actors.map((a) => [a.id, a]));
  const name = (id: string) => byId.get(id)?.name ?? id;
  const names = (ids: string[]) => [...new Set(ids.map(name))];
  return {
    file,
    title: analysis.article.title,
    outlet: analysis.article.outlet,
    published: analysis.article.published,
    actors: analysis.actors.map((a) => ({
      name: a.name,
      type: a.type,
      affiliation: a.affiliation ? name(a.affiliation) : null,
    })),
    events: analysis.events.map((e) => ({
      type: e.type,
      source: names(e.source),
      target: names(e.target),
      mediators: names(e.mediators),
      issues: e.issues,
      location: e.location?.name ?? null,
      date: e.date && e.date.precision !== "year" ? e.date.value : null,
      status: e.status,
      attributedTo: e.attributedTo ? name(e.attributedTo) : null,
      evidence: e.evidence,
    })),
    claims: analysis.claims.map((c) => ({
      kind: c.kind,
      value: c.value,
      qualifier: c.qualifier,
      subject: c.subject,
      claimant: c.claimant ? name(c.claimant) : null,
      evidence: c.evidence,
    })),
  };
}
