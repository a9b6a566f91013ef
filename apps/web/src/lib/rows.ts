import type { RouterOutputs } from "@parley/api";

export type StoredEvent = RouterOutputs["events"]["list"][number];

/** One flat row per event for tables and CSV; `verified` is true once an analyst verified or corrected it. */
export function eventRow(e: StoredEvent, names: Record<string, string> = {}) {
  const n = (ids: string[]) => ids.map((id) => names[id] ?? id).join("; ");
  return {
    id: e.id,
    /** The event's own date, else its article's publication date (`dateFrom` says which). */
    date: e.date?.value ?? e.article.published ?? "",
    dateFrom: e.date ? "event" : e.article.published ? "published" : "",
    published: e.article.published ?? "",
    type: e.type,
    status: e.status,
    source: n(e.source),
    target: n(e.target),
    mediators: n(e.mediators),
    issues: e.issues.join("; "),
    location: e.location?.name ?? "",
    outlet: e.article.outlet ?? "",
    articleId: e.articleId,
    article: e.article.title ?? "",
    reviewState: e.reviewState ?? "",
    verified: e.reviewState === "verified" || e.reviewState === "corrected",
    evidence: e.evidence.text,
  };
}
