"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { DataTable } from "../components/data-table";
import { Downloads } from "../components/downloads";
import { Plot, PlotFigure } from "../components/plot";
import { QueryState } from "../components/query-state";
import type { EventFilter } from "../lib/filters";
import { GROUP_COLOR, GROUP_ORDER, groupOf, STATUS_LABEL } from "../lib/palette";
import { eventRow } from "../lib/rows";
import { useTRPC } from "../trpc/react";

const STATUSES = ["occurred", "planned", "hypothetical", "negated"] as const;

export function TimelineView({ filter, granularity }: { filter: EventFilter; granularity: "day" | "week" | "month" }) {
  const trpc = useTRPC();
  const tl = useQuery(trpc.model.timelineChart.queryOptions({ ...filter, granularity }));
  const ev = useQuery(trpc.events.list.queryOptions({ ...filter, limit: 200 }));
  const actors = useQuery(trpc.actors.list.queryOptions({ limit: 10_000 }));
  const names = useMemo(() => Object.fromEntries((actors.data ?? []).map((a) => [a.id, a.name])), [actors.data]);
  const sp = useSearchParams();
  const path = usePathname();
  const withGranularity = (g: string) => {
    const q = new URLSearchParams(sp.toString());
    q.set("granularity", g);
    return `${path}?${q}`;
  };

  const bars = useMemo(() => {
    const out: { start: Date; key: string; status: string; group: string; count: number }[] = [];
    for (const b of tl.data?.buckets ?? []) {
      for (const s of STATUSES) {
        const byGroup: Record<string, number> = {};
        for (const [t, n] of Object.entries(b[s].byType)) byGroup[groupOf(t)] = (byGroup[groupOf(t)] ?? 0) + (n ?? 0);
        for (const [group, count] of Object.entries(byGroup)) {
          out.push({ start: new Date(b.start), key: b.key, status: STATUS_LABEL[s] ?? s, group, count });
        }
      }
    }
    return out;
  }, [tl.data]);

  const options = useMemo(() => {
    const happened = bars.filter((d) => d.status === STATUS_LABEL.occurred);
    const notYet = bars.filter((d) => d.status !== STATUS_LABEL.occurred);
    const interval = granularity;
    // Few periods: one labelled band each (a time axis would stretch one bar across the chart).
    const keys = [...new Set(bars.map((d) => d.key))].sort();
    const band = keys.length < 12;
    type Row = (typeof bars)[number];
    const mark = (data: Row[], opts: Plot.RectYOptions) =>
      band ? Plot.barY(data, { ...opts, x: "key" }) : Plot.rectY(data, { ...opts, x: "start", interval });
    return {
      width: 1100,
      height: 380,
      marginLeft: 50,
      marginRight: 110,
      x: band
        ? { type: "band" as const, domain: keys, label: null, padding: 0.3 }
        : { type: "utc" as const, label: null },
      y: { label: "events", grid: true },
      fy: { label: null, axis: "right" as const, domain: ["happened", "planned", "hypothetical", "did not happen"] },
      color: { domain: GROUP_ORDER, range: GROUP_ORDER.map((g) => GROUP_COLOR[g]!), legend: true },
      marks: [
        mark(happened, { y: "count", fy: "status", fill: "group", tip: true }),
        // Planned, hypothetical and negated: outlined and hatched-light, so they never read as what happened.
        mark(notYet, {
          y: "count",
          fy: "status",
          fill: "group",
          fillOpacity: 0.18,
          stroke: "group",
          strokeDasharray: "4,2",
          strokeWidth: 1.5,
          tip: true,
        }),
        Plot.ruleY([0]),
      ],
    } satisfies Parameters<typeof Plot.plot>[0];
  }, [bars, granularity]);

  return (
    <div>
      <nav aria-label="Granularity" className="mb-2 flex gap-2 text-sm">
        {(["day", "week", "month"] as const).map((g) => (
          <Link key={g} href={withGranularity(g)} className="btn" aria-current={g === granularity ? "page" : undefined}>
            {g === granularity ? <strong>per {g}</strong> : `per ${g}`}
          </Link>
        ))}
      </nav>
      <QueryState q={tl}>
        {(t) => (
          <section aria-labelledby="chart">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 id="chart">Events per {granularity} by type and status</h2>
              <Downloads
                name={`timeline-${granularity}`}
                rows={t.buckets.flatMap((b) =>
                  STATUSES.map((s) => ({ bucket: b.key, start: b.start, status: s, events: b[s].total })),
                )}
                json={t}
              />
            </div>
            <p className="text-sm" style={{ color: "var(--muted)" }}>
              Solid bars happened; dashed, pale bars are planned, hypothetical or denied.{" "}
              {t.undated > 0 && `${t.undated} undated events not shown.`}
            </p>
            <PlotFigure
              options={options}
              describe={`Bar chart of events per ${granularity}, ${t.buckets.length} periods, split into happened, planned, hypothetical and did not happen.`}
            />
          </section>
        )}
      </QueryState>
      <QueryState q={ev}>
        {(events) => {
          const rows = events.map((e) => ({
            ...eventRow(e, names),
            href: `/events/${encodeURIComponent(e.id)}`,
            articleHref: `/articles/${encodeURIComponent(e.articleId)}?event=${encodeURIComponent(e.id)}`,
          }));
          return (
            <section aria-labelledby="events">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 id="events">
                  Events <span data-testid="event-count">{events.length}</span>
                  {events.length >= 200 ? "+ (the first 200; narrow the filter or download the timeline)" : ""}
                </h2>
                <Downloads name="events" rows={rows.map(({ href: _h, articleHref: _a, ...r }) => r)} json={events} />
              </div>
              <DataTable
                caption="Events"
                rows={rows}
                rowClass={(r) => `row-${r.status}`}
                columns={[
                  { key: "date", header: "Date" },
                  { key: "type", header: "Type", href: "href" },
                  { key: "status", header: "Status" },
                  { key: "source", header: "Source" },
                  { key: "target", header: "Target" },
                  { key: "outlet", header: "Outlet" },
                  { key: "evidence", header: "Evidence", href: "articleHref", wide: true },
                  { key: "reviewState", header: "Review" },
                ]}
              />
            </section>
          );
        }}
      </QueryState>
    </div>
  );
}
