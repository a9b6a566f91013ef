"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useState } from "react";
import { ReviewBadge, StatusBadge } from "../components/badges";
import { Downloads } from "../components/downloads";
import { QueryState } from "../components/query-state";
import { useTRPC } from "../trpc/react";

interface Segment {
  start: number;
  end: number;
  events: string[];
  actor: string | null;
  claim: boolean;
}

/** Splits the text at every span boundary so each piece knows which events, mentions and claims cover it. */
function segments(
  length: number,
  events: { id: string; start: number; end: number }[],
  mentions: { start: number; end: number; actorId: string | null }[],
  claims: { start: number; end: number }[],
): Segment[] {
  const cuts = new Set([0, length]);
  for (const s of [...events, ...mentions, ...claims]) {
    cuts.add(Math.max(0, Math.min(length, s.start)));
    cuts.add(Math.max(0, Math.min(length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    out.push({
      start,
      end,
      events: events.filter((e) => e.start <= start && e.end >= end).map((e) => e.id),
      actor: mentions.find((m) => m.start <= start && m.end >= end)?.actorId ?? null,
      claim: claims.some((c) => c.start <= start && c.end >= end),
    });
  }
  return out;
}

export function ArticleView({ id, initialEvent }: { id: string; initialEvent: string | null }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.articles.get.queryOptions({ id }));
  const [active, setActive] = useState<string | null>(initialEvent);
  const a = q.data;
  const segs = useMemo(
    () =>
      a
        ? segments(
            a.analysis.article.text.length,
            a.analysis.events.map((e) => ({ id: e.id, start: e.evidence.start, end: e.evidence.end })),
            a.analysis.mentions.map((m) => ({ start: m.span.start, end: m.span.end, actorId: m.actorId })),
            a.analysis.claims.map((c) => ({ start: c.evidence.start, end: c.evidence.end })),
          )
        : [],
    [a],
  );
  const select = (eventId: string) => {
    setActive(eventId);
    const url = new URL(window.location.href);
    url.searchParams.set("event", eventId);
    window.history.replaceState(null, "", url);
    requestAnimationFrame(() =>
      document.querySelector("mark.ev.active")?.scrollIntoView({ block: "center", behavior: "smooth" }),
    );
  };
  return (
    <QueryState q={q}>
      {(art) => {
        const names = Object.fromEntries(art.analysis.actors.map((x) => [x.id, x.name]));
        const n = (ids: string[]) => ids.map((i) => names[i] ?? i).join(", ");
        const text = art.analysis.article.text;
        return (
          <div>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h1>{art.title ?? "(untitled)"}</h1>
              <Downloads
                name={`article-${art.id}-events`}
                rows={art.analysis.events.map((e) => ({
                  id: e.id,
                  type: e.type,
                  status: e.status,
                  source: n(e.source),
                  target: n(e.target),
                  date: e.date?.value ?? "",
                  reviewState: art.reviewStates[e.id] ?? "",
                  evidence: e.evidence.text,
                }))}
                json={art}
              />
            </div>
            <p className="text-sm" style={{ color: "var(--muted)" }}>
              {art.outlet ?? "unknown outlet"} · {art.published ?? "undated"}
              {art.url && (
                <>
                  {" "}
                  · <span>{art.url}</span>
                </>
              )}
            </p>
            <p className="my-2 flex flex-wrap gap-4 text-sm">
              <span>Legend:</span>
              <span>
                <mark className="ev">event evidence</mark>
              </span>
              <span className="mention">actor</span>
              <span className="claim">figure</span>
            </p>
            <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
              <article
                className="panel whitespace-pre-wrap leading-relaxed"
                aria-label="Article text"
                data-testid="article-text"
              >
                {segs.map((s) => {
                  const body = text.slice(s.start, s.end);
                  const cls = [s.actor ? "mention" : "", s.claim ? "claim" : ""].filter(Boolean).join(" ");
                  const inner = cls ? (
                    <span key="inner" className={cls} title={s.actor ? (names[s.actor] ?? s.actor) : undefined}>
                      {body}
                    </span>
                  ) : (
                    body
                  );
                  return s.events.length > 0 ? (
                    <mark key={s.start} className={`ev${active && s.events.includes(active) ? " active" : ""}`}>
                      {inner}
                    </mark>
                  ) : (
                    <span key={s.start}>{inner}</span>
                  );
                })}
              </article>
              <aside aria-labelledby="extracted">
                <h2 id="extracted" className="mt-0">
                  Extracted events ({art.analysis.events.length})
                </h2>
                <ol className="space-y-2">
                  {art.analysis.events.map((e) => (
                    <li key={e.id}>
                      <button
                        type="button"
                        className={`panel w-full text-left text-sm ${active === e.id ? "ring-2 ring-amber-600" : ""}`}
                        aria-pressed={active === e.id}
                        onClick={() => select(e.id)}
                      >
                        <span className="flex flex-wrap items-center gap-2">
                          <strong>{e.type}</strong>
                          <StatusBadge status={e.status} />
                          <ReviewBadge state={art.reviewStates[e.id]} />
                          {e.date && <span>{e.date.value}</span>}
                        </span>
                        <span className="block">
                          {n(e.source) || "—"} → {n(e.target) || "—"}
                          {e.mediators.length > 0 && ` (via ${n(e.mediators)})`}
                        </span>
                        {e.issues.length > 0 && <span className="block">issues: {e.issues.join(", ")}</span>}
                      </button>
                      <Link className="link text-xs" href={`/events/${encodeURIComponent(e.id)}`}>
                        event page and review
                      </Link>
                    </li>
                  ))}
                </ol>
                {art.analysis.claims.length > 0 && (
                  <>
                    <h2>Figures</h2>
                    <ul className="list-disc pl-6 text-sm">
                      {art.analysis.claims.map((c) => (
                        <li key={c.id}>
                          {c.kind}: {c.value.toLocaleString("en")} {c.subject ?? ""}
                          {c.claimant ? ` (${names[c.claimant] ?? c.claimant})` : ""}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </aside>
            </div>
          </div>
        );
      }}
    </QueryState>
  );
}
