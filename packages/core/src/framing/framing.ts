import type { Framing } from "@parley/schema";
import framingData from "../../kb/lexicons/framing.json";
import type { Token } from "../text/tokens";

interface FramingFile {
  terms: Array<{ term: string; frame: string }>;
}

const TERMS = (framingData as FramingFile).terms
  .map((t) => ({ ...t, words: t.term.split(/\s+/) }))
  .sort((a, b) => b.words.length - a.words.length);
const BY_FIRST = new Map<string, typeof TERMS>();
for (const t of TERMS) BY_FIRST.set(t.words[0]!, [...(BY_FIRST.get(t.words[0]!) ?? []), t]);

export interface FramingHit {
  term: string;
  frame: string;
  start: number;
  end: number;
}

/** Loaded terms in a sentence's tokens. */
export function findFramingTerms(tokens: Token[]): FramingHit[] {
  const hits: FramingHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const t of BY_FIRST.get(tokens[i]!.lower) ?? []) {
      if (t.words.every((w, k) => tokens[i + k]?.lower === w)) {
        hits.push({ term: t.term, frame: t.frame, start: i, end: i + t.words.length });
        i += t.words.length - 1;
        break;
      }
    }
  }
  return hits;
}

/** Counts terms per article and per actor the term was used of. */
export function buildFraming(hits: Array<FramingHit & { actors: string[] }>): Framing {
  const terms = new Map<string, { term: string; frame: string; count: number; actors: Set<string> }>();
  const byActor: Record<string, Record<string, number>> = {};
  for (const h of hits) {
    const entry = terms.get(h.term) ?? { term: h.term, frame: h.frame, count: 0, actors: new Set<string>() };
    entry.count++;
    for (const a of h.actors) {
      entry.actors.add(a);
      byActor[a] ??= {};
      byActor[a]![h.term] = (byActor[a]![h.term] ?? 0) + 1;
    }
    terms.set(h.term, entry);
  }
  return {
    terms: [...terms.values()]
      .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term))
      .map((t) => ({ term: t.term, frame: t.frame, count: t.count, actors: [...t.actors].sort() })),
    byActor,
  };
}
