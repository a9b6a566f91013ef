"use client";
import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { DataTable } from "../components/data-table";
import { Downloads } from "../components/downloads";
import { QueryState } from "../components/query-state";
import type { EventFilter } from "../lib/filters";
import { useTRPC } from "../trpc/react";

const Network = dynamic(() => import("../components/network").then((m) => m.Network), {
  ssr: false,
  loading: () => <p aria-busy="true">Drawing the network…</p>,
});

export function ActorsView({ filter }: { filter: EventFilter }) {
  const trpc = useTRPC();
  const net = useQuery(trpc.actors.network.queryOptions({ ...filter, limit: 10_000 }));
  const actors = useQuery(trpc.actors.list.queryOptions({ ...filter, limit: 500 }));
  const roles = useQuery(trpc.model.rolesTable.queryOptions({ ...filter, limit: 500 }));
  return (
    <div className="space-y-6">
      <QueryState q={net}>
        {(n) => (
          <section aria-labelledby="network">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 id="network">Network</h2>
              <Downloads
                name="actor-network-edges"
                rows={n.edges.map((e) => ({
                  source: e.source,
                  target: e.target,
                  relation: e.relation,
                  events: e.count,
                }))}
                json={n}
              />
            </div>
            <Network net={n} />
          </section>
        )}
      </QueryState>
      <div className="grid gap-6 lg:grid-cols-2">
        <QueryState q={actors}>
          {(list) => {
            const rows = list
              .filter((a) => a.events > 0)
              .map((a) => ({
                name: a.name,
                type: a.type,
                affiliation: a.affiliation ?? "",
                events: a.events,
                articles: a.articles,
                href: `/actors/${encodeURIComponent(a.id)}`,
              }));
            return (
              <section aria-labelledby="actor-list">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h2 id="actor-list">
                    Actors <span data-testid="actor-count">{rows.length}</span>
                  </h2>
                  <Downloads name="actors" rows={rows.map(({ href: _h, ...r }) => r)} json={list} />
                </div>
                <DataTable
                  caption="Actors"
                  rows={rows}
                  columns={[
                    { key: "name", header: "Actor", href: "href" },
                    { key: "type", header: "Type" },
                    { key: "events", header: "Events", numeric: true },
                    { key: "articles", header: "Articles", numeric: true },
                  ]}
                />
              </section>
            );
          }}
        </QueryState>
        <QueryState q={roles}>
          {(r) => {
            const track = Object.fromEntries(r.tracks.map((t) => [t.id, t.name]));
            const rows = r.roles.map((x) => ({
              track: track[x.track] ?? x.track,
              actor: r.actors[x.actor] ?? x.actor,
              role: x.role,
              evidence: x.events,
              href: `/actors/${encodeURIComponent(x.actor)}`,
            }));
            return (
              <section aria-labelledby="roles">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h2 id="roles">Roles on each track</h2>
                  <Downloads name="roles" rows={rows.map(({ href: _h, ...x }) => x)} json={r} />
                </div>
                <DataTable
                  caption="Roles"
                  rows={rows}
                  columns={[
                    { key: "track", header: "Track" },
                    { key: "actor", header: "Actor", href: "href" },
                    { key: "role", header: "Role" },
                    { key: "evidence", header: "Events", numeric: true },
                  ]}
                />
              </section>
            );
          }}
        </QueryState>
      </div>
    </div>
  );
}
