import type { EventFilter as StoreEventFilter } from "@parley/store";

export type SearchParams = Record<string, string | string[] | undefined>;
export type EventFilter = StoreEventFilter;

/** The filters every view reads from its URL (so a view is a shareable link). */
export const FILTER_KEYS = ["actor", "type", "issue", "outlet", "status", "from", "to", "text"] as const;
const MULTI = new Set(["type", "status"]);

function values(v: string | string[] | undefined): string[] {
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((s) => s.trim()).filter(Boolean);
}

export function param(sp: SearchParams, key: string): string | undefined {
  return values(sp[key])[0];
}

/**
 * The shared filter from URL parameters: empty fields are dropped, `type` and `status` may repeat. Values are
 * passed on as typed; the API validates them with the shared schemas and answers BAD_REQUEST otherwise.
 */
export function filterFromParams(sp: SearchParams): EventFilter {
  const f: Record<string, string | string[]> = {};
  for (const k of FILTER_KEYS) {
    const v = values(sp[k]);
    if (v.length === 0) continue;
    f[k] = MULTI.has(k) ? (v.length === 1 ? v[0]! : v) : v[0]!;
  }
  return f as EventFilter;
}

/** A URL for `path` with these parameters (empty values dropped). */
export function hrefWith(path: string, sp: SearchParams, changes: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) {
    if (k in changes) continue;
    for (const x of values(v)) q.append(k, x);
  }
  for (const [k, v] of Object.entries(changes)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
