"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";
import { ReviewBadge, StatusBadge } from "../components/badges";
import { Downloads } from "../components/downloads";
import { QueryState } from "../components/query-state";
import { ReviewForm } from "../components/review-form";
import { saveFile } from "../lib/download";
import type { EventFilter } from "../lib/filters";
import { eventRow } from "../lib/rows";
import { useTRPC } from "../trpc/react";

const STATES = ["unreviewed", "verified", "corrected", "rejected", "all"] as const;

export function ReviewView({
  filter,
  state,
  types,
  statuses,
}: {
  filter: EventFilter;
  state: string;
  types: readonly string[];
  statuses: readonly string[];
}) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const q = useQuery(trpc.events.list.queryOptions({ ...filter, includeRejected: true, limit: 300 }));
  const sp = useSearchParams();
  const path = usePathname();
  const [open, setOpen] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  const hrefFor = (s: string) => {
    const p = new URLSearchParams(sp.toString());
    p.set("state", s);
    return `${path}?${p}`;
  };
  const exportAll = async () => {
    const data = await qc.fetchQuery(trpc.corpus.export.queryOptions());
    saveFile("parley-corpus.json", JSON.stringify(data, null, 2), "application/json");
  };
  return (
    <div>
      <nav aria-label="Review state" className="mb-3 flex flex-wrap gap-2 text-sm">
        {STATES.map((s) => (
          <Link key={s} className="btn" href={hrefFor(s)} aria-current={s === state ? "page" : undefined}>
            {s === state ? <strong>{s}</strong> : s}
          </Link>
        ))}
      </nav>
      <QueryState q={q}>
        {(all) => {
          const events = all.filter((e) =>
            state === "all" ? true : state === "unreviewed" ? !e.reviewState : e.reviewState === state,
          );
          const shown = events.slice(page * 25, page * 25 + 25);
          return (
            <>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p>
                  <span data-testid="review-count">{events.length}</span> events ({state})
                </p>
                <div className="flex gap-2">
                  <Downloads name={`events-${state}`} rows={events.map((e) => eventRow(e))} json={events} />
                  <button type="button" className="btn" onClick={exportAll}>
                    Download corpus export
                  </button>
                </div>
              </div>
              <ol className="space-y-2">
                {shown.map((e) => (
                  <li key={e.id} className="panel text-sm" data-testid="review-item">
                    <div className="flex flex-wrap items-center gap-2">
                      <strong>{e.type}</strong>
                      <StatusBadge status={e.status} />
                      <ReviewBadge state={e.reviewState} />
                      <span>{e.date?.value ?? e.article.published}</span>
                      <span style={{ color: "var(--muted)" }}>{e.article.outlet}</span>
                      <Link
                        className="link"
                        href={`/articles/${encodeURIComponent(e.articleId)}?event=${encodeURIComponent(e.id)}`}
                      >
                        in the article
                      </Link>
                    </div>
                    <p className="my-1">
                      {e.source.join(", ") || "—"} → {e.target.join(", ") || "—"}: “{e.evidence.text}”
                    </p>
                    <button
                      type="button"
                      className="btn"
                      aria-expanded={open === e.id}
                      onClick={() => setOpen(open === e.id ? null : e.id)}
                    >
                      Review this event
                    </button>
                    {open === e.id && (
                      <div className="mt-2">
                        <ReviewForm event={e} types={types} statuses={statuses} compact />
                      </div>
                    )}
                  </li>
                ))}
              </ol>
              {events.length > 25 && (
                <nav className="mt-3 flex items-center gap-2" aria-label="Review pages">
                  <button type="button" className="btn" disabled={page === 0} onClick={() => setPage(page - 1)}>
                    Previous
                  </button>
                  <span>
                    Page {page + 1} of {Math.ceil(events.length / 25)}
                  </span>
                  <button
                    type="button"
                    className="btn"
                    disabled={(page + 1) * 25 >= events.length}
                    onClick={() => setPage(page + 1)}
                  >
                    Next
                  </button>
                </nav>
              )}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
