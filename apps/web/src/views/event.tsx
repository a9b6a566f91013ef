"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo } from "react";
import { ReviewBadge, StatusBadge } from "../components/badges";
import { Downloads } from "../components/downloads";
import { QueryState } from "../components/query-state";
import { ReviewForm } from "../components/review-form";
import { eventRow } from "../lib/rows";
import { useTRPC } from "../trpc/react";

export function EventView({
  id,
  types,
  statuses,
}: {
  id: string;
  types: readonly string[];
  statuses: readonly string[];
}) {
  const trpc = useTRPC();
  const q = useQuery(trpc.events.get.queryOptions({ id }));
  const cl = useQuery(trpc.clusters.ofEvent.queryOptions({ id }));
  const actors = useQuery(trpc.actors.list.queryOptions({ limit: 10_000 }));
  const names = useMemo(() => Object.fromEntries((actors.data ?? []).map((a) => [a.id, a.name])), [actors.data]);
  const list = (ids: string[]) => ids.map((i) => names[i] ?? i).join(", ");
  return (
    <QueryState q={q}>
      {({ event, reviews }) => {
        const reports = cl.data?.reports ?? [event];
        return (
          <div className="space-y-4">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h1>
                {event.type} <StatusBadge status={event.status} /> <ReviewBadge state={event.reviewState} />
              </h1>
              <Downloads
                name={`event-${event.id}`}
                rows={reports.map((e) => eventRow(e))}
                json={{ event, reviews, cluster: cl.data }}
              />
            </div>
            <blockquote className="panel">“{event.evidence.text}”</blockquote>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt>Source</dt>
              <dd>{list(event.source) || "—"}</dd>
              <dt>Target</dt>
              <dd>{list(event.target) || "—"}</dd>
              <dt>Mediators</dt>
              <dd>{list(event.mediators) || "—"}</dd>
              <dt>Issues</dt>
              <dd>{event.issues.join(", ") || "—"}</dd>
              <dt>Date</dt>
              <dd>{event.date ? `${event.date.value} (“${event.date.raw}”)` : "—"}</dd>
              <dt>Place</dt>
              <dd>{event.location?.name ?? "—"}</dd>
              <dt>Said by</dt>
              <dd>{event.attributedTo ? (names[event.attributedTo] ?? event.attributedTo) : "the reporter"}</dd>
              <dt>Article</dt>
              <dd>
                <Link
                  className="link"
                  href={`/articles/${encodeURIComponent(event.articleId)}?event=${encodeURIComponent(event.id)}`}
                >
                  {event.article.title ?? event.articleId}
                </Link>{" "}
                ({event.article.outlet ?? "?"}, {event.article.published ?? "?"})
              </dd>
            </dl>
            <section aria-labelledby="review">
              <h2 id="review">Review</h2>
              <ReviewForm event={event} types={types} statuses={statuses} />
              <h3 className="mt-3 font-semibold">History</h3>
              {reviews.length === 0 ? (
                <p className="text-sm">Not reviewed yet.</p>
              ) : (
                <ol className="list-decimal pl-6 text-sm" data-testid="review-history">
                  {reviews.map((r) => (
                    <li key={r.id}>
                      {r.createdAt}: <strong>{r.action}</strong> by {r.author}
                      {Object.keys(r.changes).length > 0 && ` — ${JSON.stringify(r.changes)}`}
                      {r.note && ` (“${r.note}”)`}
                    </li>
                  ))}
                </ol>
              )}
            </section>
            <section aria-labelledby="reports">
              <h2 id="reports">Every report of this event</h2>
              <QueryState q={cl}>
                {(c) =>
                  c ? (
                    <>
                      <p className="text-sm">
                        Corroboration: <strong>{c.cluster.articleCount}</strong> articles from{" "}
                        <strong>{c.cluster.outletCount}</strong> outlets ({c.cluster.outlets.join(", ") || "none named"}
                        ); first reported {c.cluster.firstReport.published ?? "?"} by{" "}
                        {c.cluster.firstReport.outlet ?? "?"}.
                      </p>
                      <ul className="space-y-2">
                        {c.reports.map((e) => (
                          <li key={e.id} className="panel text-sm">
                            <div className="flex flex-wrap gap-2">
                              <strong>{e.article.outlet ?? "?"}</strong> {e.article.published}{" "}
                              <StatusBadge status={e.status} />
                              <ReviewBadge state={e.reviewState} />
                            </div>
                            <p>“{e.evidence.text}”</p>
                            <Link className="link" href={`/events/${encodeURIComponent(e.id)}`}>
                              open
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : (
                    <p className="text-sm">Only this report.</p>
                  )
                }
              </QueryState>
            </section>
          </div>
        );
      }}
    </QueryState>
  );
}
