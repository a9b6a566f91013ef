/** Date helpers for the corpus model: partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), ISO weeks, buckets. */

export type Granularity = "day" | "week" | "month";

const DAY_MS = 86_400_000;

function utc(day: string): number {
  const [y, m, d] = day.split("-").map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/** ISO-8601 week of a `YYYY-MM-DD` day: `2024-W05` (the week-year may differ from the calendar year). */
export function isoWeek(day: string): string {
  const t = utc(day);
  const dow = (new Date(t).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(t + (3 - dow) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = 1 + Math.floor((thursday.getTime() - jan1) / DAY_MS / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** Precision of a partial date string. */
export function precisionOf(value: string): "day" | "month" | "year" {
  return value.length >= 10 ? "day" : value.length >= 7 ? "month" : "year";
}

/** True when partial date `outer` contains (or equals) `inner`: `2024-03` ⊇ `2024-03-05`. */
export function contains(outer: string, inner: string): boolean {
  return inner.startsWith(outer);
}

/** True when one partial date contains the other (same day, or the coarser one contains the finer). */
export function compatibleDates(a: string, b: string): boolean {
  return contains(a, b) || contains(b, a);
}

/**
 * Bucket key of a partial date at a granularity, or null when the date is too coarse for it
 * (a month-precision date has no day or week bucket).
 */
export function bucketOf(value: string, granularity: Granularity): string | null {
  const p = precisionOf(value);
  if (granularity === "month") return p === "year" ? null : value.slice(0, 7);
  if (p !== "day") return null;
  return granularity === "day" ? value.slice(0, 10) : isoWeek(value);
}

/** Sort key for partial dates that puts a month before the days in it: `2024-03` → `2024-03-00`. */
export function dateSortKey(value: string): string {
  const p = precisionOf(value);
  return p === "day" ? value : p === "month" ? `${value}-00` : `${value}-00-00`;
}
