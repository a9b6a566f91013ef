"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Downloads } from "../components/downloads";
import { QueryState } from "../components/query-state";
import type { EventFilter } from "../lib/filters";
import { useTRPC } from "../trpc/react";

export function MapTable({ filter }: { filter: EventFilter }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.events.places.queryOptions({ ...filter, limit: 10_000 }));
  return (
    <QueryState q={q}>
      {(d) => {
        const rows = d.places.map((p) => ({
          place: p.name,
          lat: p.lat,
          lon: p.lon,
          events: p.events,
          first: p.first ?? "",
          last: p.last ?? "",
          types: Object.entries(p.byType)
            .map(([t, n]) => `${t} ${n}`)
            .join("; "),
        }));
        return (
          <section aria-labelledby="places">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 id="places">
                Places <span data-testid="place-count">{d.places.length}</span>
              </h2>
              <Downloads name="places" rows={rows} json={d} />
            </div>
            <table className="data">
              <caption className="sr-only">Places with events</caption>
              <thead>
                <tr>
                  <th scope="col">Place</th>
                  <th scope="col">Events</th>
                  <th scope="col">When</th>
                  <th scope="col">Events there</th>
                </tr>
              </thead>
              <tbody>
                {d.places.map((p) => (
                  <tr key={p.key} id={`place-${encodeURIComponent(p.key)}`} tabIndex={-1}>
                    <th scope="row">{p.name}</th>
                    <td className="num">{p.events}</td>
                    <td>
                      {p.first ?? "?"} – {p.last ?? "?"}
                    </td>
                    <td>
                      {p.sample.map((e) => (
                        <Link key={e.id} className="link mr-2" href={`/events/${encodeURIComponent(e.id)}`}>
                          {e.type}
                          {e.status !== "occurred" ? ` (${e.status})` : ""} {e.date ?? ""}
                        </Link>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      }}
    </QueryState>
  );
}
