"use client";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Downloads } from "../components/downloads";
import { QueryState } from "../components/query-state";
import type { EventFilter } from "../lib/filters";
import { colorOf } from "../lib/palette";
import { useTRPC } from "../trpc/react";

function Bars({ items, label }: { items: [string, number][]; label: string }) {
  const max = Math.max(1, ...items.map((i) => i[1]));
  return (
    <table className="w-full text-xs" aria-label={label}>
      <tbody>
        {items.map(([k, n]) => (
          <tr key={k}>
            <th scope="row" className="w-2/5 pr-2 text-left font-normal">
              {k}
            </th>
            <td>
              <div className="flex items-center gap-1">
                <span
                  aria-hidden="true"
                  style={{
                    width: `${(100 * n) / max}%`,
                    minWidth: 2,
                    height: 10,
                    background: colorOf(k),
                    display: "inline-block",
                  }}
                />
                <span className="tabular-nums">{n}</span>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SourcesView({ filter }: { filter: EventFilter }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.model.sources.queryOptions({ ...filter, limit: 100 }));
  const actors = useQuery(trpc.actors.list.queryOptions({ limit: 10_000 }));
  const names = useMemo(() => Object.fromEntries((actors.data ?? []).map((a) => [a.id, a.name])), [actors.data]);
  const name = (id: string) => names[id] ?? id;
  return (
    <QueryState q={q}>
      {(profiles) => (
        <div>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p>
              <span data-testid="outlet-count">{profiles.length}</span> outlets
            </p>
            <Downloads
              name="sources"
              rows={profiles.map((p) => ({
                outlet: p.outlet,
                articles: p.articleCount,
                events: p.eventCount,
                words: p.wordCount,
                first: p.dateRange.first ?? "",
                last: p.dateRange.last ?? "",
                topFrames: Object.entries(p.frames)
                  .map(([f, n]) => `${f} ${n}`)
                  .join("; "),
                topQuoted: p.quotes
                  .slice(0, 5)
                  .map((a) => `${name(a.actor)} ${a.count}`)
                  .join("; "),
              }))}
              json={profiles}
            />
          </div>
          <div className="grid gap-4" style={{ gridTemplateColumns: "repeat(auto-fill, minmax(17rem, 1fr))" }}>
            {profiles.map((p) => (
              <article key={p.outlet} className="panel text-sm" aria-labelledby={`o-${p.outlet}`}>
                <h2 id={`o-${p.outlet}`} className="mt-0">
                  {p.outlet}
                </h2>
                <p>
                  {p.articleCount} articles · {p.eventCount} events · {p.dateRange.first ?? "?"} –{" "}
                  {p.dateRange.last ?? "?"}
                </p>
                <h3 className="mt-2 font-semibold">Event types</h3>
                <Bars
                  label={`Event types in ${p.outlet}`}
                  items={Object.entries(p.eventTypes)
                    .map(([k, n]) => [k, n ?? 0] as [string, number])
                    .sort((a, b) => b[1] - a[1])
                    .slice(0, 8)}
                />
                <h3 className="mt-2 font-semibold">Framing</h3>
                <p>
                  {p.framing
                    .slice(0, 6)
                    .map(
                      (f) =>
                        `${f.term} (${f.frame}) ${f.per1000Words != null ? `${f.per1000Words.toFixed(2)}/1k words` : f.count}`,
                    )
                    .join(" · ") || "—"}
                </p>
                <h3 className="mt-2 font-semibold">Gives voice to</h3>
                <p>
                  {p.quotes
                    .slice(0, 6)
                    .map((a) => `${name(a.actor)} (${a.count})`)
                    .join(", ") || "—"}
                </p>
                <h3 className="mt-2 font-semibold">Covers most</h3>
                <p>
                  {p.topActors
                    .slice(0, 6)
                    .map((a) => `${name(a.actor)} (${a.count})`)
                    .join(", ") || "—"}
                </p>
              </article>
            ))}
          </div>
        </div>
      )}
    </QueryState>
  );
}
