"use client";
import type { ReactNode } from "react";

/** Loading and error states of a query; errors show the API's message (never internals: the API hides them). */
export function QueryState<T>({
  q,
  children,
}: {
  q: { data: T | undefined; error: { message: string } | null; isPending: boolean };
  children: (data: T) => ReactNode;
}) {
  if (q.error) {
    let message = q.error.message;
    try {
      const issues = JSON.parse(message) as { path?: (string | number)[]; message: string }[];
      if (Array.isArray(issues))
        message = issues.map((i) => `${i.path?.join(".") || "filter"}: ${i.message}`).join("; ");
    } catch {}
    return (
      <p role="alert" className="alert">
        Could not load: {message}
      </p>
    );
  }
  if (q.isPending || q.data === undefined) return <p aria-busy="true">Loading…</p>;
  return <>{children(q.data)}</>;
}
