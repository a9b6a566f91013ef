"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { DataTable } from "../components/data-table";
import { Downloads } from "../components/downloads";
import { QueryState } from "../components/query-state";
import type { EventFilter } from "../lib/filters";
import { useTRPC } from "../trpc/react";

/** Stances: colour and a symbol, so the matrix reads without colour too. */
const STANCE: Record<string, { color: string; symbol: string }> = {
  demands: { color: "#E69F00", symbol: "!" },
  proposes: { color: "#0072B2", symbol: "+" },
  accepts: { color: "#009E73", symbol: "✓" },
  rejects: { color: "#D55E00", symbol: "✗" },
  urges: { color: "#CC79A7", symbol: "→" },
};

export function IssuesView({ filter }: { filter: EventFilter }) {
  const trpc = useTRPC();
  const issues = useQuery(trpc.model.issues.queryOptions({ ...filter, limit: 500 }));
  const stances = useQuery(trpc.model.stancesView.queryOptions({ ...filter, limit: 300 }));
  const [cell, setCell] = useState<{ actor: string; issue: string } | null>(null);
  return (
    <div className="space-y-6">
      <QueryState q={stances}>
        {(s) => {
          const name = (id: string) => s.actors[id] ?? id;
          const history = cell
            ? s.histories.filter(
                (h) => h.actor === cell.actor && (h.issue === cell.issue || h.issue.startsWith(`${cell.issue}.`)),
              )
            : [];
          const matrixRows = s.matrix.actors.flatMap((a) =>
            s.matrix.issues.flatMap((i) => {
              const c = s.matrix.cells[a]?.[i];
              return c
                ? [
                    {
                      actor: name(a),
                      issue: i,
                      stance: c.stance,
                      date: c.date ?? c.published ?? "",
                      evidence: c.evidence,
                    },
                  ]
                : [];
            }),
          );
          return (
            <>
              <section aria-labelledby="matrix">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h2 id="matrix">Stance matrix (latest stance per actor and issue)</h2>
                  <Downloads name="stance-matrix" rows={matrixRows} json={s} />
                </div>
                <ul className="mb-2 flex flex-wrap gap-3 text-sm" aria-label="Legend">
                  {Object.entries(STANCE).map(([k, v]) => (
                    <li key={k}>
                      <span className="badge" style={{ borderColor: v.color, color: v.color }}>
                        {v.symbol}
                      </span>{" "}
                      {k}
                    </li>
                  ))}
                </ul>
                <div className="overflow-x-auto">
                  <table className="data" data-testid="stance-matrix">
                    <caption className="sr-only">Actors by issues; select a cell for its history</caption>
                    <thead>
                      <tr>
                        <th scope="col">Actor</th>
                        {s.matrix.issues.map((i) => (
                          <th key={i} scope="col">
                            {i}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {s.matrix.actors.map((a) => (
                        <tr key={a}>
                          <th scope="row">{name(a)}</th>
                          {s.matrix.issues.map((i) => {
                            const c = s.matrix.cells[a]?.[i];
                            const st = c ? STANCE[c.stance] : undefined;
                            return (
                              <td key={i}>
                                {c && st && (
                                  <button
                                    type="button"
                                    className="badge"
                                    style={{ borderColor: st.color, color: st.color, background: "#fff" }}
                                    aria-pressed={cell?.actor === a && cell.issue === i}
                                    onClick={() => setCell({ actor: a, issue: i })}
                                    title={c.evidence}
                                  >
                                    {st.symbol} {c.stance}
                                  </button>
                                )}
                              </td>
                            );
                          })}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {cell && (
                  <div className="panel mt-3" aria-live="polite">
                    <h3 className="font-semibold">
                      {name(cell.actor)} on {cell.issue}: history
                    </h3>
                    <ol className="list-decimal pl-6 text-sm">
                      {history
                        .flatMap((h) => h.history)
                        .map((r) => (
                          <li key={r.eventId + r.issue}>
                            {r.date ?? r.published} — <strong>{r.stance}</strong> ({r.issue}): “{r.evidence}”
                          </li>
                        ))}
                    </ol>
                  </div>
                )}
              </section>
              <section aria-labelledby="sticking">
                <h2 id="sticking">Sticking points</h2>
                {s.stickingPoints.length === 0 && <p>No conflicting latest stances.</p>}
                <ul className="space-y-2">
                  {s.stickingPoints.map((p) => (
                    <li key={p.issue} className="panel text-sm">
                      <strong>{p.issue}</strong> — {p.actors.map(name).join(", ")}
                      <ul className="list-disc pl-6">
                        {p.conflicts.map((c) => (
                          <li key={`${c.for.eventId}-${c.against.eventId}`}>
                            {c.kind === "opposed" ? "opposed" : "mutual demands"}: {name(c.for.actor)} {c.for.stance} (
                            {c.for.issue}) vs {name(c.against.actor)} {c.against.stance} ({c.against.issue})
                          </li>
                        ))}
                        {p.totalConflicts > p.conflicts.length && (
                          <li>… {p.totalConflicts - p.conflicts.length} more</li>
                        )}
                      </ul>
                    </li>
                  ))}
                </ul>
              </section>
            </>
          );
        }}
      </QueryState>
      <QueryState q={issues}>
        {(list) => (
          <section aria-labelledby="issue-list">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 id="issue-list">Issues on the table</h2>
              <Downloads name="issues" rows={list.map((i) => ({ ...i }))} json={list} />
            </div>
            <DataTable
              caption="Issues"
              rows={list.map((i) => ({ ...i, href: `/timeline?issue=${encodeURIComponent(i.issue)}` }))}
              columns={[
                { key: "issue", header: "Issue", href: "href" },
                { key: "events", header: "Events", numeric: true },
                { key: "articles", header: "Articles", numeric: true },
                { key: "outlets", header: "Outlets", numeric: true },
                { key: "first", header: "First" },
                { key: "last", header: "Last" },
              ]}
            />
          </section>
        )}
      </QueryState>
    </div>
  );
}
