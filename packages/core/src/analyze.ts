import type { Analysis, ArticleInput, Claim, Event, KnowledgeFileInput, Mention, Sentence } from "@parley/schema";
import { MentionFinder, type MentionHit } from "./actors/mentions";
import { ActorRegistry } from "./actors/registry";
import { articleId } from "./article-id";
import { sentenceClaims } from "./claims/attach";
import { carriedDates, leadSentence, resolveEventDate, sentenceDates } from "./dates/event-dates";
import { extractSentenceEvents } from "./events/extract";
import type { Speech } from "./events/speech";
import { buildFraming, type FramingHit, findFramingTerms } from "./framing/framing";
import { findIssues } from "./issues/issues";
import { knowledgeBase } from "./kb";
import { findPlaces, type PlaceHit, toLocation } from "./places/places";
import { contextPlaces, eventPlace } from "./places/venue";
import { normalizeText } from "./text/normalize";
import { segment } from "./text/sentences";
import { tokenize } from "./text/tokens";
import { EXTRACTOR_VERSION } from "./version";

export interface AnalyzeOptions {
  /** Extra knowledge files (actors, places) merged over the shipped knowledge base. */
  knowledge?: KnowledgeFileInput[];
}

/** Turns one article into an analysis: actors, mentions, events, claims, framing. Pure and deterministic. */
export function analyzeArticle(input: ArticleInput, options: AnalyzeOptions = {}): Analysis {
  const raw = input.text;
  const id = articleId(raw);
  const kb = knowledgeBase(options.knowledge);
  const norm = normalizeText(raw);
  const text = norm.text;
  const seg = segment(text);
  // A publication date that is not a real YYYY-MM-DD date is unknown, not an error.
  const published =
    input.published && /^\d{4}-\d{2}-\d{2}$/.test(input.published) && !Number.isNaN(Date.parse(input.published))
      ? input.published
      : null;
  const registry = new ActorRegistry(kb);
  const finder = new MentionFinder(kb, registry, published);
  const toOriginal = (i: number) => norm.toOriginal(i);
  const evidenceOf = (start: number, end: number) => {
    const s = toOriginal(start);
    const e = toOriginal(end);
    return { text: raw.slice(s, e), start: s, end: e };
  };

  const sentences: Sentence[] = [];
  const mentions: Mention[] = [];
  const events: Event[] = [];
  const claims: Claim[] = [];
  const framingHits: Array<FramingHit & { actors: string[] }> = [];
  let carried: Speech | null = null;
  let lastProposer: string | null = null;
  let lastMediators: string[] = [];
  let lastAttacker: string | null = null;
  let previousPlaces: PlaceHit[] = [];
  let previousDates: ReturnType<typeof sentenceDates> = [];

  seg.sentences.forEach((s, index) => {
    sentences.push({ index, span: { start: toOriginal(s.start), end: toOriginal(s.end) }, headline: s.headline });
    const tokens = tokenize(text, s.start, s.end);
    if (tokens.length === 0) return;
    const hits = finder.find(tokens, index);
    for (const h of hits) {
      for (const actorId of h.actorIds) {
        const span = { start: toOriginal(tokens[h.start]!.start), end: toOriginal(tokens[h.end - 1]!.end) };
        mentions.push({ span, text: raw.slice(span.start, span.end), actorId, resolvedBy: h.method, sentence: index });
      }
    }
    const {
      events: drafts,
      speech,
      proposer,
      mediators: namedMediators,
      attacker,
    } = extractSentenceEvents({
      tokens,
      mentions: hits,
      actorOf: (actorId) => registry.get(actorId),
      parties: finder.parties(),
      carried: continuesReport(tokens, carried) ? carried : null,
      lastProposer,
      lastMediators,
      lastAttacker,
    });
    carried = speech;
    lastProposer = proposer;
    lastMediators = namedMediators;
    lastAttacker = attacker;
    const places = findPlaces(kb, tokens);
    const dates = sentenceDates(text, s.start, s.end, published);
    const evidence = evidenceOf(s.start, s.end);
    drafts.forEach((d, k) => {
      const issues = findIssues(tokens, d.trigger.start - 10, d.trigger.end + 14);
      const location = eventPlace({ places, tokens, draft: d, previousPlaces, headline: s.headline, kb });
      events.push({
        id: `${id}:${index}:${k}`,
        articleId: id,
        type: d.type,
        source: d.source,
        target: d.target,
        mediators: d.mediators,
        issues,
        location: location ? toLocation(kb, location) : null,
        date: resolveEventDate({
          dates,
          tokens,
          draft: d,
          previousDates,
          published,
          headline: s.headline,
          lead: s.headline ? leadSentence(text, seg.sentences, index, published) : null,
        }),
        status: d.status,
        attributedTo: d.attributedTo,
        evidence,
        trigger: text.slice(tokens[d.trigger.start]!.start, tokens[d.trigger.end - 1]!.end),
        confidence: confidenceOf(d.source.length > 0, d.trigger.pos),
        extractorVersion: EXTRACTOR_VERSION,
      });
    });
    for (const c of sentenceClaims(text, s.start, s.end, published, speech, hits)) {
      claims.push({ ...c, id: `${id}:c${claims.length}`, articleId: id, evidence });
    }
    for (const f of findFramingTerms(tokens)) framingHits.push({ ...f, actors: actorsNear(hits, f.end) });
    previousPlaces = contextPlaces(places, tokens);
    previousDates = carriedDates(dates, tokens);
  });

  const title =
    input.title ?? (seg.title ? raw.slice(toOriginal(seg.title.start), toOriginal(seg.title.end)).trim() : null);
  const dateline = seg.dateline
    ? {
        place: seg.dateline.place,
        outlet: seg.dateline.outlet,
        date: seg.dateline.month
          ? `${seg.dateline.year ?? "????"}-${String(seg.dateline.month).padStart(2, "0")}-${String(seg.dateline.day ?? 1).padStart(2, "0")}`
          : null,
      }
    : null;
  addressCounterparts(events, finder.parties(), registry, (id) => finder.sideOf(id));
  const actorIds = new Set<string>();
  for (const e of events) for (const a of [...e.source, ...e.target, ...e.mediators]) actorIds.add(a);
  for (const e of events) if (e.attributedTo) actorIds.add(e.attributedTo);
  for (const m of mentions) actorIds.add(m.actorId);
  for (const c of claims) if (c.claimant) actorIds.add(c.claimant);
  for (const a of [...actorIds]) {
    const actor = registry.get(a);
    if (actor?.affiliation && registry.use(actor.affiliation)) actorIds.add(actor.affiliation);
  }
  const actors = registry
    .all()
    .filter((a) => actorIds.has(a.id))
    .sort((a, b) => a.name.localeCompare(b.name));

  return {
    article: {
      id,
      title: title || null,
      text: raw,
      outlet: input.outlet ?? seg.dateline?.outlet ?? null,
      url: input.url ?? null,
      published,
      language: input.language ?? "en",
    },
    dateline,
    sentences,
    actors,
    mentions,
    events,
    claims,
    framing: buildFraming(framingHits),
    extractorVersion: EXTRACTOR_VERSION,
  };
}

function confidenceOf(hasSource: boolean, pos: string): number {
  return Math.round(((hasSource ? 0.7 : 0.5) + (pos === "verb" ? 0.15 : 0.05)) * 100) / 100;
}

/** A sentence continues the previous report when it opens inside a quotation or with "the official said"-style cues. */
function continuesReport(tokens: ReturnType<typeof tokenize>, previous: Speech | null): boolean {
  if (!previous) return false;
  const first = tokens[0]?.text;
  return first === '"' || first === "“";
}

function actorsNear(hits: MentionHit[], tokenIndex: number): string[] {
  const after = hits.find((h) => h.start >= tokenIndex && h.start <= tokenIndex + 3);
  return after ? after.actorIds : [];
}

/**
 * A party's demand or rejection with no addressee is addressed to the other side of the negotiation. Done once the
 * whole article is read, so the two sides are known even for its first sentences.
 */
function addressCounterparts(
  events: Event[],
  parties: string[],
  registry: ActorRegistry,
  sideOf: (id: string) => string,
): void {
  if (parties.length !== 2) return;
  for (const e of events) {
    if ((e.type !== "DEMAND" && e.type !== "REJECT") || e.target.length > 0 || e.source.length !== 1) continue;
    const actor = registry.get(e.source[0]!);
    if (e.type === "DEMAND" && actor?.type === "PERSON") continue;
    const side = sideOf(e.source[0]!);
    if (!parties.includes(side)) continue;
    const other = parties.find((p) => p !== side);
    if (other) {
      e.target = [other];
      registry.use(other);
    }
  }
}
