"use client";
import { useQuery } from "@tanstack/react-query";
import { DataTable } from "../components/data-table";
import { Downloads } from "../components/downloads";
import { QueryState } from "../components/query-state";
import { eventRow } from "../lib/rows";
import { useTRPC } from "../trpc/react";

export function ActorView({ id }: { id: string }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.actors.get.queryOptions({ id }));
  return (
    <QueryState q={q}>
      {({ actor, events, quotes, claims }) => {
        const rows = events.map((e) => ({
          ...eventRow(e),
          role: e.source.includes(id) ? "source" : e.target.includes(id) ? "target" : "mediator",
          href: `/events/${encodeURIComponent(e.id)}`,
        }));
        return (
          <div className="space-y-4">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h1>{actor.name}</h1>
              <Downloads
                name={`actor-${actor.id}-events`}
                rows={rows.map(({ href: _h, ...r }) => r)}
                json={{ actor, events, claims }}
              />
            </div>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt>Type</dt>
              <dd>{actor.type}</dd>
              <dt>Affiliation</dt>
              <dd>{actor.affiliation ?? "—"}</dd>
              <dt>Also called</dt>
              <dd>{actor.aliases.join(", ") || "—"}</dd>
              <dt>Activity</dt>
              <dd>
                {actor.events} events in {actor.articles} articles
              </dd>
            </dl>
            <section aria-labelledby="offices">
              <h2 id="offices">Offices</h2>
              {actor.offices.length === 0 ? (
                <p>None recorded.</p>
              ) : (
                <ul className="list-disc pl-6">
                  {actor.offices.map((o) => (
                    <li key={`${o.role}-${o.of}-${o.start ?? ""}`}>
                      {o.title ?? o.role} of {o.of}
                      {o.start || o.end ? ` (${o.start ?? "?"} – ${o.end ?? "present"})` : ""}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="quotes">
              <h2 id="quotes">Quotes and statements</h2>
              {quotes.length === 0 && <p>None.</p>}
              <ul className="space-y-2">
                {quotes.slice(0, 20).map((e) => (
                  <li key={e.id} className="panel text-sm">
                    <blockquote>“{e.evidence.text}”</blockquote>
                    <div style={{ color: "var(--muted)" }}>
                      {e.type} · {e.article.outlet} · {e.date?.value ?? e.article.published}
                    </div>
                  </li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="actor-events">
              <h2 id="actor-events">Events</h2>
              <DataTable
                caption={`Events of ${actor.name}`}
                rows={rows}
                rowClass={(r) => `row-${r.status}`}
                columns={[
                  { key: "date", header: "Date" },
                  { key: "type", header: "Type", href: "href" },
                  { key: "role", header: "Role" },
                  { key: "status", header: "Status" },
                  { key: "source", header: "Source" },
                  { key: "target", header: "Target" },
                  { key: "evidence", header: "Evidence", wide: true },
                ]}
              />
            </section>
            {claims.length > 0 && (
              <section aria-labelledby="actor-claims">
                <h2 id="actor-claims">Figures it gave</h2>
                <ul className="list-disc pl-6 text-sm">
                  {claims.map((c) => (
                    <li key={c.id}>
                      {c.kind}: {c.value.toLocaleString("en")} {c.subject ?? ""} ({c.article.outlet},{" "}
                      {c.asOf ?? c.article.published})
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>
        );
      }}
    </QueryState>
  );
}
