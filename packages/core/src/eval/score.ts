import type { ExtractedArticle, GoldArticle } from "@parley/schema";

/**
 * Scores extracted articles against gold annotations (the `shared/gold` format).
 * An extracted event matches a gold event of the same type whose evidence overlaps it; among candidates the one
 * whose actors agree best wins. Actor names are compared through the gold actor list (name or alias), ignoring case,
 * accents, punctuation and al-/el- spelling; "lenient" compares actors by their top affiliation.
 */
export interface Prf {
  p: number;
  r: number;
  f1: number;
}

export interface ScoreCounts {
  goldEvents: number;
  predEvents: number;
  detected: number;
  strict: number;
  lenient: number;
  fields: Record<"location" | "date" | "status" | "issues" | "attributedTo", number>;
  goldActors: number;
  predActors: number;
  actorHits: number;
  goldClaims: number;
  predClaims: number;
  claimHits: number;
  goldStances: number;
  predStances: number;
  stanceHits: number;
}

export interface ScoreSummary {
  events: { gold: number; predicted: number; detected: number };
  detection: Prf;
  tupleStrict: Prf;
  tupleLenient: Prf;
  fieldAccuracy: Record<keyof ScoreCounts["fields"], number>;
  actors: Prf;
  claims: Prf;
  stances: Prf;
}

export interface ArticleMiss {
  kind: "missed" | "spurious";
  type: string;
  evidence: string;
}

export interface ScoreReport {
  overall: ScoreSummary;
  articles: Array<{ article: string; summary: ScoreSummary; misses: ArticleMiss[] }>;
}

type SpanPair = [number, number];
const SYMMETRIC = new Set(["MEET", "CALL"]);
const STANCE: Record<string, string> = {
  DEMAND: "demands",
  PROPOSE: "proposes",
  COUNTER_PROPOSE: "proposes",
  ACCEPT: "accepts",
  REJECT: "rejects",
  APPEAL: "urges",
};

export function scoreExtraction(
  golds: Array<{ gold: GoldArticle; text: string }>,
  predictions: ExtractedArticle[],
): ScoreReport {
  const byFile = new Map(predictions.map((p) => [stripTxt(p.file), p]));
  const total = emptyCounts();
  const articles: ScoreReport["articles"] = [];
  for (const { gold, text } of golds) {
    const pred = byFile.get(stripTxt(gold.article));
    const { counts, misses } = scoreArticle(gold, pred, text);
    addCounts(total, counts);
    articles.push({ article: gold.article, summary: summarize(counts), misses });
  }
  return { overall: summarize(total), articles };
}

function stripTxt(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.txt$/, "");
}

function scoreArticle(gold: GoldArticle, pred: ExtractedArticle | undefined, text: string) {
  const counts = emptyCounts();
  const misses: ArticleMiss[] = [];
  const names = actorResolver(gold.actors);
  const goldEvents = gold.events.map((e) => ({ e, span: findSpan(text, e.evidence) }));
  const predEvents = (pred?.events ?? []).map((e) => ({ e, span: [e.evidence.start, e.evidence.end] as SpanPair }));
  counts.goldEvents = goldEvents.length;
  counts.predEvents = predEvents.length;

  const taken = new Set<number>();
  for (const g of goldEvents) {
    let best = -1;
    let bestScore = -1;
    predEvents.forEach((p, i) => {
      if (taken.has(i) || p.e.type !== g.e.type || !overlapping(g.span, p.span)) return;
      const s = 2 * actorAgreement(g.e, p.e, names, false) + actorAgreement(g.e, p.e, names, true);
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    });
    if (best < 0) {
      misses.push({ kind: "missed", type: g.e.type, evidence: g.e.evidence });
      continue;
    }
    taken.add(best);
    const p = predEvents[best]!.e;
    counts.detected++;
    if (actorAgreement(g.e, p, names, false) === 1) counts.strict++;
    if (actorAgreement(g.e, p, names, true) === 1) counts.lenient++;
    if (normName(g.e.location) === normName(p.location)) counts.fields.location++;
    if ((g.e.date ?? null) === (p.date ?? null)) counts.fields.date++;
    if ((g.e.status ?? "occurred") === (p.status ?? "occurred")) counts.fields.status++;
    counts.fields.issues += jaccard(topIssues(g.e.issues), topIssues(p.issues));
    if (sameActor(g.e.attributedTo ?? null, p.attributedTo, names)) counts.fields.attributedTo++;
  }
  predEvents.forEach((p, i) => {
    if (!taken.has(i)) misses.push({ kind: "spurious", type: p.e.type, evidence: p.e.evidence.text });
  });

  const goldActorIds = new Set(gold.actors.map((a) => a.name));
  const found = new Set<string>();
  let unknown = 0;
  for (const a of pred?.actors ?? []) {
    const id = names.resolve(a.name);
    if (id && goldActorIds.has(id)) found.add(id);
    else unknown++;
  }
  counts.goldActors = goldActorIds.size;
  counts.predActors = found.size + unknown;
  counts.actorHits = found.size;

  const claimKey = (c: { kind: string; value: number }) => `${c.kind}:${Math.round(c.value)}`;
  const goldClaims = gold.claims.map(claimKey);
  const predClaims = (pred?.claims ?? []).map(claimKey);
  counts.goldClaims = goldClaims.length;
  counts.predClaims = predClaims.length;
  counts.claimHits = multisetHits(goldClaims, predClaims);

  const stances = (events: Array<{ type: string; source: string[]; issues: string[] }>) =>
    new Set(
      events.flatMap((e) => {
        const stance = STANCE[e.type];
        if (!stance) return [];
        return actorSet(e.source, names, true).flatMap((a) => topIssues(e.issues).map((i) => `${a}|${i}|${stance}`));
      }),
    );
  const gs = stances(gold.events);
  const ps = stances(pred?.events ?? []);
  counts.goldStances = gs.size;
  counts.predStances = ps.size;
  counts.stanceHits = [...ps].filter((s) => gs.has(s)).length;
  return { counts, misses };
}

interface EventActors {
  type: string;
  source: string[];
  target: string[];
}

function actorAgreement(g: EventActors, p: EventActors, names: ActorResolver, lenient: boolean): number {
  const sides = (e: EventActors) =>
    SYMMETRIC.has(e.type)
      ? [actorSet([...e.source, ...e.target], names, lenient)]
      : [actorSet(e.source, names, lenient), actorSet(e.target, names, lenient)];
  const gs = sides(g);
  const ps = sides(p);
  let agree = 0;
  gs.forEach((s, i) => {
    const other = ps[i] ?? [];
    if (s.length === other.length && s.every((x, j) => x === other[j])) agree++;
  });
  return agree / gs.length;
}

function actorSet(list: string[], names: ActorResolver, lenient: boolean): string[] {
  const ids = list.map((n) => {
    const id = names.resolve(n) ?? `?${normName(n)}`;
    return lenient ? names.root(id) : id;
  });
  return [...new Set(ids)].sort();
}

interface ActorResolver {
  resolve(name: string | null | undefined): string | null;
  root(id: string): string;
}

function actorResolver(actors: GoldArticle["actors"]): ActorResolver {
  const byKey = new Map<string, string>();
  const parent = new Map<string, string | null>();
  for (const a of actors) {
    for (const n of [a.name, ...a.aliases]) byKey.set(normName(n), a.name);
    parent.set(a.name, a.affiliation ?? null);
  }
  const resolve = (name: string | null | undefined) => (name == null ? null : (byKey.get(normName(name)) ?? null));
  const root = (id: string) => {
    let current = id;
    for (let depth = 0; depth < 5; depth++) {
      const up = parent.get(current);
      if (!up) break;
      current = resolve(up) ?? up;
    }
    return current;
  };
  return { resolve, root };
}

function sameActor(a: string | null, b: string | null, names: ActorResolver): boolean {
  if (a == null || b == null) return a == null && b == null;
  return (names.resolve(a) ?? normName(a)) === (names.resolve(b) ?? normName(b));
}

/** Name comparison key: no accents, case, apostrophes or punctuation; el-/ul- read as al-; no leading "the". */
export function normName(s: string | null | undefined): string {
  return String(s ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’'`´]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/\b(el|ul)\b/g, "al")
    .replace(/^the /, "")
    .trim();
}

function findSpan(text: string, evidence: string): SpanPair | null {
  const at = text.indexOf(evidence);
  if (at >= 0) return [at, at + evidence.length];
  // Tolerate whitespace differences: match on a squeezed copy and map the offsets back.
  const positions: number[] = [];
  let squeezed = "";
  for (let i = 0; i < text.length; i++) {
    const ws = /\s/.test(text[i]!);
    if (ws && squeezed.endsWith(" ")) continue;
    squeezed += ws ? " " : text[i];
    positions.push(i);
  }
  const needle = evidence.replace(/\s+/g, " ").trim();
  const j = squeezed.indexOf(needle);
  if (j < 0) return null;
  return [positions[j]!, positions[j + needle.length - 1]! + 1];
}

function overlapping(a: SpanPair | null, b: SpanPair | null): boolean {
  if (!a || !b) return false;
  const shared = Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
  return shared >= Math.min(20, a[1] - a[0], b[1] - b[0]);
}

function topIssues(issues: string[]): string[] {
  return [...new Set(issues.map((i) => i.split(".")[0]!))].sort();
}

function jaccard(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const shared = a.filter((x) => b.includes(x)).length;
  return shared / new Set([...a, ...b]).size;
}

function multisetHits(gold: string[], pred: string[]): number {
  const left = new Map<string, number>();
  for (const g of gold) left.set(g, (left.get(g) ?? 0) + 1);
  let hits = 0;
  for (const p of pred) {
    const n = left.get(p) ?? 0;
    if (n > 0) {
      left.set(p, n - 1);
      hits++;
    }
  }
  return hits;
}

function emptyCounts(): ScoreCounts {
  return {
    goldEvents: 0,
    predEvents: 0,
    detected: 0,
    strict: 0,
    lenient: 0,
    fields: { location: 0, date: 0, status: 0, issues: 0, attributedTo: 0 },
    goldActors: 0,
    predActors: 0,
    actorHits: 0,
    goldClaims: 0,
    predClaims: 0,
    claimHits: 0,
    goldStances: 0,
    predStances: 0,
    stanceHits: 0,
  };
}

function addCounts(into: ScoreCounts, add: ScoreCounts): void {
  for (const key of Object.keys(add) as Array<keyof ScoreCounts>) {
    if (key === "fields") {
      for (const f of Object.keys(add.fields) as Array<keyof ScoreCounts["fields"]>) into.fields[f] += add.fields[f];
    } else into[key] += add[key];
  }
}

function prf(hits: number, predicted: number, gold: number): Prf {
  if (predicted === 0 && gold === 0) return { p: 1, r: 1, f1: 1 };
  const p = predicted ? hits / predicted : 0;
  const r = gold ? hits / gold : 0;
  return { p: round(p), r: round(r), f1: round(p + r ? (2 * p * r) / (p + r) : 0) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function summarize(c: ScoreCounts): ScoreSummary {
  const per = (v: number) => round(c.detected ? v / c.detected : 0);
  return {
    events: { gold: c.goldEvents, predicted: c.predEvents, detected: c.detected },
    detection: prf(c.detected, c.predEvents, c.goldEvents),
    tupleStrict: prf(c.strict, c.predEvents, c.goldEvents),
    tupleLenient: prf(c.lenient, c.predEvents, c.goldEvents),
    fieldAccuracy: {
      location: per(c.fields.location),
      date: per(c.fields.date),
      status: per(c.fields.status),
      issues: per(c.fields.issues),
      attributedTo: per(c.fields.attributedTo),
    },
    actors: prf(c.actorHits, c.predActors, c.goldActors),
    claims: prf(c.claimHits, c.predClaims, c.goldClaims),
    stances: prf(c.stanceHits, c.predStances, c.goldStances),
  };
}
