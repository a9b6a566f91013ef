"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo } from "react";
import { DataTable } from "../components/data-table";
import { Downloads } from "../components/downloads";
import { Plot, PlotFigure } from "../components/plot";
import { QueryState } from "../components/query-state";
import type { EventFilter } from "../lib/filters";
import { OKABE_ITO } from "../lib/palette";
import { useTRPC } from "../trpc/react";

export function ClaimsView({ filter }: { filter: EventFilter }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const series = useQuery(trpc.model.claimsChart.queryOptions({ ...filter, limit: 100 }));
  const claims = useQuery(trpc.claims.list.queryOptions({ ...filter, limit: 300 }));
  const points = useMemo(() => {
    const outlets = series.data?.outlets ?? [];
    return (series.data?.series ?? []).flatMap((s) =>
      s.date.flatMap((date, i) =>
        date
          ? [
              {
                kind: s.kind,
                subject: s.label ?? s.subject,
                date: new Date(date.length === 4 ? `${date}-07-01` : date.length === 7 ? `${date}-15` : date),
                value: s.value[i]!,
                outlet: outlets[s.outlet[i]!] ?? "(unknown)",
              },
            ]
          : [],
      ),
    );
  }, [series.data]);
  const disputed = useMemo(
    () => new Set((series.data?.disagreements ?? []).flatMap((d) => d.values.map((v) => v.claimId))),
    [series.data],
  );
  const options = useMemo(() => {
    const outlets = [...new Set(points.map((p) => p.outlet))].sort();
    const kinds = [...new Set(points.map((p) => p.kind))].sort();
    return {
      width: 1100,
      height: Math.max(200, 150 * kinds.length),
      marginLeft: 70,
      marginRight: 90,
      x: { type: "utc" as const, label: null },
      y: { type: "log" as const, label: "value (log)", grid: true },
      fy: { label: null },
      color: { domain: outlets, range: OKABE_ITO, legend: true },
      symbol: { legend: false },
      marks: [
        Plot.line(points, {
          x: "date",
          y: "value",
          fy: "kind",
          z: (d: (typeof points)[number]) => `${d.outlet}|${d.subject}`,
          stroke: "outlet",
          strokeOpacity: 0.5,
        }),
        Plot.dot(points, {
          x: "date",
          y: "value",
          fy: "kind",
          stroke: "outlet",
          symbol: "outlet",
          r: 4,
          tip: true,
          channels: { subject: "subject" },
        }),
      ],
    } satisfies Parameters<typeof Plot.plot>[0];
  }, [points]);
  return (
    <div className="space-y-6">
      <QueryState q={series}>
        {(s) => (
          <>
            <section aria-labelledby="claims-chart">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 id="claims-chart">Figures by kind and outlet</h2>
                <Downloads
                  name="claim-series"
                  load={async () => {
                    // Every field of every point (the chart has only what it draws).
                    const full = await queryClient.fetchQuery(
                      trpc.model.claimSeries.queryOptions({ ...filter, limit: 100 }),
                    );
                    return {
                      rows: full.series.flatMap((x) =>
                        x.points.map((p) => ({ kind: x.kind, series: x.label ?? x.subject, ...p })),
                      ),
                      json: full,
                    };
                  }}
                />
              </div>
              {points.length === 0 ? (
                <p>No dated figures.</p>
              ) : (
                <PlotFigure
                  options={options}
                  describe={`Scatter plot of ${points.length} reported figures over time, one panel per kind, coloured by outlet.`}
                />
              )}
            </section>
            <section aria-labelledby="disagreements">
              <h2 id="disagreements">
                Disagreements between outlets <span data-testid="disagreement-count">{s.disagreementCount}</span>
                {s.disagreementCount > s.disagreements.length && ` (the ${s.disagreements.length} widest shown)`}
              </h2>
              {s.disagreements.length === 0 && <p>No figures differ between outlets.</p>}
              <ul className="space-y-2">
                {s.disagreements.map((d) => (
                  <li key={`${d.kind}-${d.bucket}-${d.subjects.join()}`} className="panel alert text-sm">
                    <strong>
                      {d.kind} — {d.subjects.join(" / ")} ({d.bucket})
                    </strong>
                    : from {d.min.toLocaleString("en")} to {d.max.toLocaleString("en")} ({Math.round(d.spread * 100)}%
                    apart)
                    <ul className="list-disc pl-6">
                      {d.values.map((v) => (
                        <li key={v.claimId}>
                          {v.outlet}: {v.qualifier !== "exact" ? `${v.qualifier} ` : ""}
                          {v.value.toLocaleString("en")}{" "}
                          <Link className="link" href={`/articles/${encodeURIComponent(v.articleId)}`}>
                            article
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </section>
          </>
        )}
      </QueryState>
      <QueryState q={claims}>
        {(list) => {
          const rows = list.map((c) => ({
            date: c.asOf ?? c.article.published ?? "",
            kind: c.kind,
            value: c.value,
            qualifier: c.qualifier,
            subject: c.subject ?? "",
            claimant: c.claimant ?? "",
            outlet: c.article.outlet ?? "",
            disputed: disputed.has(c.id),
            evidence: c.evidence.text,
            href: `/articles/${encodeURIComponent(c.articleId)}`,
          }));
          return (
            <section aria-labelledby="claim-list">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 id="claim-list">
                  Claims <span data-testid="claim-count">{list.length}</span>
                </h2>
                <Downloads name="claims" rows={rows.map(({ href: _h, ...r }) => r)} json={list} />
              </div>
              <DataTable
                caption="Claims"
                rows={rows}
                rowClass={(r) => (r.disputed ? "disputed" : "")}
                columns={[
                  { key: "date", header: "Date" },
                  { key: "kind", header: "Kind" },
                  { key: "value", header: "Value", numeric: true },
                  { key: "subject", header: "Subject" },
                  { key: "outlet", header: "Outlet" },
                  { key: "disputed", header: "Disputed" },
                  { key: "evidence", header: "Evidence", href: "href", wide: true },
                ]}
              />
            </section>
          );
        }}
      </QueryState>
    </div>
  );
}
