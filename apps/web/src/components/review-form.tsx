"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useState } from "react";
import type { StoredEvent } from "../lib/rows";
import { useTRPC } from "../trpc/react";

const AUTHOR_KEY = "parley-author";
const list = (s: string) =>
  s
    .split(/[,;]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Verify, reject or correct one event; the author is remembered in this browser. */
export function ReviewForm({
  event,
  types,
  statuses,
  compact = false,
}: {
  event: StoredEvent;
  types: readonly string[];
  statuses: readonly string[];
  compact?: boolean;
}) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const [author, setAuthor] = useState("");
  const [correcting, setCorrecting] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => setAuthor(localStorage.getItem(AUTHOR_KEY) ?? ""), []);
  const m = useMutation(
    trpc.review.submit.mutationOptions({
      onSuccess: async (r) => {
        setMessage(`Saved: ${r.action} by ${r.author} at ${r.createdAt}`);
        setCorrecting(false);
        await qc.invalidateQueries();
        router.refresh();
      },
      onError: (e) => setMessage(`Not saved: ${e.message}`),
    }),
  );
  const submit = (action: "verify" | "reject" | "correct", changes?: Record<string, unknown>, note?: string) => {
    if (!author.trim()) {
      setMessage("Enter your name first: every review is stored with its author.");
      return;
    }
    localStorage.setItem(AUTHOR_KEY, author.trim());
    m.mutate({
      eventId: event.id,
      articleId: event.articleId,
      review: { action, author: author.trim(), ...(changes ? { changes } : {}), ...(note ? { note } : {}) },
    });
  };
  const onCorrect = (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    const f = new FormData(ev.currentTarget);
    const get = (k: string) => String(f.get(k) ?? "").trim();
    const changes: Record<string, unknown> = {};
    if (get("type") !== event.type) changes.type = get("type");
    if (get("status") !== event.status) changes.status = get("status");
    const date = get("date");
    if (date !== (event.date?.value ?? "")) {
      changes.date = date
        ? { value: date, precision: date.length === 4 ? "year" : date.length === 7 ? "month" : "day", raw: "analyst" }
        : null;
    }
    for (const k of ["source", "target", "issues"] as const) {
      const next = list(get(k));
      if (next.join(",") !== event[k].join(",")) changes[k] = next;
    }
    if (Object.keys(changes).length === 0) {
      setMessage("Nothing changed.");
      return;
    }
    submit("correct", changes, get("note") || undefined);
  };
  const id = event.id.replace(/[^a-zA-Z0-9]/g, "-");
  return (
    <div className={compact ? "" : "panel"}>
      <div className="flex flex-wrap items-end gap-2">
        <label className="field" htmlFor={`author-${id}`}>
          <span>Your name</span>
          <input id={`author-${id}`} value={author} onChange={(e) => setAuthor(e.target.value)} autoComplete="name" />
        </label>
        <button type="button" className="btn" disabled={m.isPending} onClick={() => submit("verify")}>
          Verify
        </button>
        <button
          type="button"
          className="btn"
          disabled={m.isPending}
          onClick={() => setCorrecting((c) => !c)}
          aria-expanded={correcting}
        >
          Correct…
        </button>
        <button type="button" className="btn" disabled={m.isPending} onClick={() => submit("reject")}>
          Reject
        </button>
      </div>
      {correcting && (
        <form onSubmit={onCorrect} className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-4" aria-label="Correction">
          <label className="field">
            <span>Type</span>
            <select name="type" defaultValue={event.type}>
              {types.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Status</span>
            <select name="status" defaultValue={event.status}>
              {statuses.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Date (YYYY[-MM[-DD]])</span>
            <input name="date" defaultValue={event.date?.value ?? ""} pattern="\d{4}(-\d{2}(-\d{2})?)?" />
          </label>
          <label className="field">
            <span>Issues (comma-separated)</span>
            <input name="issues" defaultValue={event.issues.join(", ")} />
          </label>
          <label className="field">
            <span>Source actor ids</span>
            <input name="source" defaultValue={event.source.join(", ")} />
          </label>
          <label className="field">
            <span>Target actor ids</span>
            <input name="target" defaultValue={event.target.join(", ")} />
          </label>
          <label className="field sm:col-span-2">
            <span>Note</span>
            <input name="note" />
          </label>
          <div>
            <button type="submit" className="btn btn-primary" disabled={m.isPending}>
              Save correction
            </button>
          </div>
        </form>
      )}
      {message && (
        <p role="status" className="mt-2 text-sm">
          {message}
        </p>
      )}
    </div>
  );
}
