/** Factories for the corpus tests: small synthetic events, claims, actors and articles. Not exported publicly. */
import type { Actor, Claim, Event, EventStatus, EventType, FramingTerm } from "@parley/schema";
import { precisionOf } from "./dates";
import type { CorpusArticle, CorpusView } from "./view";

let seq = 0;

export function art(
  id: string,
  outlet: string | null,
  published: string | null,
  extra: Partial<CorpusArticle> = {},
): CorpusArticle {
  return { id, outlet, published, title: null, wordCount: 0, framingTerms: [], ...extra };
}

export function actor(id: string, affiliation: string | null = null, type: Actor["type"] = "STATE"): Actor {
  return {
    id,
    name: id.charAt(0).toUpperCase() + id.slice(1),
    type,
    affiliation,
    aliases: [],
    offices: [],
    known: true,
  };
}

export interface EvSpec {
  id?: string;
  article: string;
  type: EventType;
  source?: string[];
  target?: string[];
  mediators?: string[];
  issues?: string[];
  date?: string | null;
  place?: string | null;
  status?: EventStatus;
  attributedTo?: string | null;
  evidence?: string;
}

export function ev(s: EvSpec): Event {
  const id = s.id ?? `e${++seq}`;
  const evidence = s.evidence ?? `${s.type} ${id}`;
  return {
    id,
    articleId: s.article,
    type: s.type,
    source: s.source ?? [],
    target: s.target ?? [],
    mediators: s.mediators ?? [],
    issues: s.issues ?? [],
    location: s.place ? { name: s.place, placeId: s.place, lat: null, lon: null } : null,
    date: s.date ? { value: s.date, precision: precisionOf(s.date), raw: s.date } : null,
    status: s.status ?? "occurred",
    attributedTo: s.attributedTo ?? null,
    evidence: { text: evidence, start: 0, end: evidence.length },
    trigger: s.type.toLowerCase(),
    confidence: 1,
    extractorVersion: "test",
  };
}

export interface ClaimSpec {
  id?: string;
  article: string;
  kind?: Claim["kind"];
  value: number;
  subject?: string | null;
  asOf?: string | null;
  claimant?: string | null;
  qualifier?: Claim["qualifier"];
}

export function claim(s: ClaimSpec): Claim {
  const id = s.id ?? `c${++seq}`;
  const text = `${s.value} ${s.subject ?? ""}`;
  return {
    id,
    articleId: s.article,
    kind: s.kind ?? "killed",
    value: s.value,
    qualifier: s.qualifier ?? "exact",
    subject: s.subject === undefined ? "Palestinians" : s.subject,
    location: null,
    claimant: s.claimant ?? null,
    asOf: s.asOf ?? null,
    raw: String(s.value),
    evidence: { text, start: 0, end: text.length },
  };
}

export function term(t: string, frame: string, count: number): FramingTerm {
  return { term: t, frame, count, actors: [] };
}

export function view(parts: Partial<CorpusView>): CorpusView {
  return {
    articles: parts.articles ?? [],
    events: parts.events ?? [],
    claims: parts.claims ?? [],
    actors: parts.actors ?? [],
  };
}
