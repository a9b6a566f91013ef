import type { ClaimKind, Qualifier } from "@parley/schema";
import { bucketOf, dateSortKey, type Granularity } from "./dates";
import { type CorpusView, cmp, cmpNullLast, indexCorpus } from "./view";

const STOP = new Set(["the", "a", "an", "of", "in", "on", "at", "and", "people", "persons", "person", "total"]);

/** Subject as a sorted set of content words, singular: "the Palestinians in Gaza" → ["gaza", "palestinian"]. */
export function subjectTokens(subject: string | null): string[] {
  if (!subject) return [];
  const words = subject
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9\s-]/g, " ")
    .split(/[\s-]+/)
    .filter((w) => w && !STOP.has(w))
    .map((w) => (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w));
  return [...new Set(words)].sort(cmp);
}

/** Same or similar subjects: equal token sets, one contained in the other, or Jaccard ≥ 0.5. */
export function similarSubjects(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return a.length === b.length;
  const sb = new Set(b);
  const inter = a.filter((t) => sb.has(t)).length;
  if (inter === a.length || inter === b.length) return true;
  return inter / (a.length + b.length - inter) >= 0.5;
}

export interface ClaimPoint {
  claimId: string;
  articleId: string;
  outlet: string | null;
  /** The claim's as-of date, else its article's publication date, else null. */
  date: string | null;
  dateSource: "asOf" | "published" | null;
  value: number;
  qualifier: Qualifier;
  subject: string | null;
  claimant: string | null;
}

export interface ClaimSeries {
  kind: ClaimKind;
  /** Normalised subject key (sorted content words joined by spaces; "" when no subject). */
  subject: string;
  /** The subject as most often written (ties: alphabetical). */
  label: string | null;
  /** Oldest first; undated points last. */
  points: ClaimPoint[];
}

function points(view: Pick<CorpusView, "articles" | "claims">): (ClaimPoint & { kind: ClaimKind; tokens: string[] })[] {
  const idx = indexCorpus({ articles: view.articles, actors: [] });
  return view.claims.map((c) => {
    const art = idx.article(c.articleId);
    const date = c.asOf ?? art?.published ?? null;
    return {
      kind: c.kind,
      tokens: subjectTokens(c.subject),
      claimId: c.id,
      articleId: c.articleId,
      outlet: art?.outlet ?? null,
      date,
      dateSource: c.asOf ? "asOf" : date ? "published" : null,
      value: c.value,
      qualifier: c.qualifier,
      subject: c.subject,
      claimant: c.claimant,
    };
  });
}

const byDate = (a: ClaimPoint, b: ClaimPoint) =>
  cmpNullLast(a.date ? dateSortKey(a.date) : null, b.date ? dateSortKey(b.date) : null) || cmp(a.claimId, b.claimId);

function strip<T extends { kind: unknown; tokens: unknown }>(p: T): Omit<T, "kind" | "tokens"> {
  const { kind: _k, tokens: _t, ...rest } = p;
  return rest;
}

/** Figures grouped by kind and normalised subject, each series ordered by date. Sorted by kind, subject. */
export function claimSeries(view: Pick<CorpusView, "articles" | "claims">): ClaimSeries[] {
  const groups = new Map<string, ReturnType<typeof points>>();
  for (const p of points(view)) {
    const key = `${p.kind}\u0000${p.tokens.join(" ")}`;
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  return [...groups.values()]
    .map((ps) => {
      const counts = new Map<string, number>();
      for (const p of ps) if (p.subject) counts.set(p.subject, (counts.get(p.subject) ?? 0) + 1);
      const label = [...counts].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0]?.[0] ?? null;
      return { kind: ps[0]!.kind, subject: ps[0]!.tokens.join(" "), label, points: ps.map(strip).sort(byDate) };
    })
    .sort((a, b) => cmp(a.kind, b.kind) || cmp(a.subject, b.subject));
}

export interface DisagreementOptions {
  /** Relative difference (max − min) / max above which values disagree. Default 0.1. */
  tolerance?: number;
  /** Date bucket within which figures are compared. Default "week". */
  granularity?: Granularity;
}

export interface ClaimDisagreement {
  kind: ClaimKind;
  /** The subjects as written, sorted. */
  subjects: string[];
  /** The date bucket (`2024-W06`, `2024-02-10`, `2024-02`). */
  bucket: string;
  /** Every figure in the group, smallest first. */
  values: { value: number; qualifier: Qualifier; outlet: string; articleId: string; claimId: string }[];
  /** Distinct outlets, sorted. */
  outlets: string[];
  min: number;
  max: number;
  /** (max − min) / max over values from different outlets. */
  spread: number;
}

/**
 * Flags figures that outlets report differently: same kind, similar subject, same date bucket (as-of date,
 * else publication date; a date too coarse for the bucket falls back to the publication date), and values
 * from two different outlets differing by more than `tolerance`. Claims from articles without an outlet are
 * left out (there is no "between outlets" for them). Qualifiers are listed but not reconciled: "at least 100"
 * against "250" is flagged, as an analyst would want to see it.
 */
export function claimDisagreements(
  view: Pick<CorpusView, "articles" | "claims">,
  options: DisagreementOptions = {},
): ClaimDisagreement[] {
  const tolerance = options.tolerance ?? 0.1;
  const granularity = options.granularity ?? "week";
  const idx = indexCorpus({ articles: view.articles, actors: [] });
  const blocks = new Map<string, ReturnType<typeof points>>();
  const bucketKey = new Map<string, string>();
  for (const p of points(view)) {
    if (!p.outlet) continue;
    let bucket = p.date ? bucketOf(p.date, granularity) : null;
    if (!bucket) {
      const pub = idx.article(p.articleId)?.published;
      bucket = pub ? bucketOf(pub, granularity) : null;
    }
    if (!bucket) continue;
    const key = `${p.kind}\u0000${bucket}`;
    bucketKey.set(key, bucket);
    const list = blocks.get(key);
    if (list) list.push(p);
    else blocks.set(key, [p]);
  }
  const out: ClaimDisagreement[] = [];
  for (const [key, block] of blocks) {
    block.sort((a, b) => cmp(a.claimId, b.claimId));
    // group by subject similarity: union-find over the block's distinct subjects (few per kind and bucket)
    const keys = [...new Set(block.map((p) => p.tokens.join(" ")))].sort(cmp);
    const tokens = keys.map((k) => (k ? k.split(" ") : []));
    const parent = keys.map((_, i) => i);
    const find = (i: number): number => {
      let r = i;
      while (parent[r] !== r) r = parent[r]!;
      parent[i] = r;
      return r;
    };
    for (let i = 0; i < keys.length; i++)
      for (let j = i + 1; j < keys.length; j++) if (similarSubjects(tokens[i]!, tokens[j]!)) parent[find(j)] = find(i);
    const keyIndex = new Map(keys.map((k, i) => [k, i]));
    const groups = new Map<number, ReturnType<typeof points>>();
    for (const p of block) {
      const r = find(keyIndex.get(p.tokens.join(" "))!);
      const g = groups.get(r);
      if (g) g.push(p);
      else groups.set(r, [p]);
    }
    for (const g of groups.values()) {
      const perOutlet = new Map<string, { min: number; max: number }>();
      for (const p of g) {
        const o = perOutlet.get(p.outlet!);
        if (!o) perOutlet.set(p.outlet!, { min: p.value, max: p.value });
        else {
          o.min = Math.min(o.min, p.value);
          o.max = Math.max(o.max, p.value);
        }
      }
      if (perOutlet.size < 2) continue;
      let spread = 0;
      let lo = 0;
      let hi = 0;
      for (const [oa, a] of perOutlet)
        for (const [ob, b] of perOutlet) {
          if (oa === ob || a.max < b.min) continue;
          const s = a.max === 0 ? 0 : (a.max - b.min) / Math.abs(a.max);
          if (s > spread) [spread, lo, hi] = [s, b.min, a.max];
        }
      if (spread <= tolerance) continue;
      const values = g
        .map((p) => ({
          value: p.value,
          qualifier: p.qualifier,
          outlet: p.outlet!,
          articleId: p.articleId,
          claimId: p.claimId,
        }))
        .sort((a, b) => a.value - b.value || cmp(a.outlet, b.outlet) || cmp(a.claimId, b.claimId));
      out.push({
        kind: g[0]!.kind,
        subjects: [...new Set(g.map((p) => p.subject ?? ""))].sort(cmp),
        bucket: bucketKey.get(key)!,
        values,
        outlets: [...perOutlet.keys()].sort(cmp),
        min: lo,
        max: hi,
        spread,
      });
    }
  }
  return out.sort(
    (a, b) => cmp(a.bucket, b.bucket) || cmp(a.kind, b.kind) || cmp(a.subjects.join("|"), b.subjects.join("|")),
  );
}
