"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { StatusBadge } from "../components/badges";
import { Downloads } from "../components/downloads";
import { QueryState } from "../components/query-state";
import { eventRow } from "../lib/rows";
import { useTRPC } from "../trpc/react";

export function OverviewView() {
  const trpc = useTRPC();
  const q = useQuery(trpc.corpus.overview.queryOptions());
  return (
    <QueryState q={q}>
      {(o) => (
        <div>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h1>Overview</h1>
            <Downloads name="overview-latest" rows={o.latest.map((e) => eventRow(e))} json={o} />
          </div>
          <section aria-label="Corpus size" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
            {(
              [
                ["articles", o.stats.articles],
                ["events", o.stats.events],
                ["actors", o.stats.actors],
                ["claims", o.stats.claims],
                ["outlets", o.stats.outlets],
                ["reviews", o.stats.reviews],
              ] as const
            ).map(([label, n]) => (
              <div key={label} className="stat" data-testid={`stat-${label}`}>
                <strong>{n.toLocaleString("en")}</strong>
                {label}
              </div>
            ))}
          </section>
          <p className="mt-2 text-sm" style={{ color: "var(--muted)" }}>
            Published {o.stats.published.first ?? "?"} – {o.stats.published.last ?? "?"}
          </p>
          <div className="grid gap-6 lg:grid-cols-3">
            <section className="lg:col-span-2" aria-labelledby="latest">
              <h2 id="latest">Latest developments</h2>
              {o.latest.length === 0 && <p>No events yet — ingest some articles.</p>}
              <ol className="space-y-2">
                {o.latest.map((e) => (
                  <li key={e.id} className="panel">
                    <div className="flex flex-wrap items-center gap-2 text-sm">
                      <strong>{e.type}</strong>
                      <StatusBadge status={e.status} />
                      <span>{e.date?.value ?? e.article.published}</span>
                      <span style={{ color: "var(--muted)" }}>{e.article.outlet}</span>
                    </div>
                    <p className="mt-1">{e.evidence.text}</p>
                    <Link className="link text-sm" href={`/events/${encodeURIComponent(e.id)}`}>
                      Evidence and reports
                    </Link>
                  </li>
                ))}
              </ol>
            </section>
            <div>
              <section aria-labelledby="tracks">
                <h2 id="tracks">Active tracks</h2>
                <ul className="space-y-2">
                  {o.tracks.map((t) => (
                    <li key={t.id} className="panel text-sm">
                      <strong>{t.name}</strong>
                      <div>Parties: {t.partyNames.join(", ")}</div>
                      {t.mediators.length > 0 && <div>Mediators: {t.mediators.join(", ")}</div>}
                    </li>
                  ))}
                  {o.tracks.length === 0 && <li>No tracks yet.</li>}
                </ul>
              </section>
              <section aria-labelledby="top-actors">
                <h2 id="top-actors">Most active actors</h2>
                <ol className="list-decimal pl-6 text-sm">
                  {o.actors.map((a) => (
                    <li key={a.id}>
                      <Link className="link" href={`/actors/${encodeURIComponent(a.id)}`}>
                        {a.name}
                      </Link>{" "}
                      — {a.events} events in {a.articles} articles
                    </li>
                  ))}
                </ol>
              </section>
            </div>
          </div>
        </div>
      )}
    </QueryState>
  );
}
