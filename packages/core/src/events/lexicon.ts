import type { EventType } from "@parley/schema";
import triggerData from "../../kb/lexicons/triggers.json";
import type { Token } from "../text/tokens";
import { labelledVerbForms, nounForms } from "./inflect";

export type TriggerPos = "verb" | "noun" | "phrase";

/** One way of writing a trigger: words to match in order, `null` marking a gap of up to three words. */
interface TriggerPattern {
  type: EventType;
  words: Array<string | null>;
  pos: TriggerPos;
  /** The lemma phrase from the lexicon, for reporting. */
  lemma: string;
  /** The matched head word is a past participle or -ing form (for passive and participle detection). */
  form: "base" | "s" | "past" | "ing" | "noun" | "phrase";
}

export interface TriggerMatch {
  type: EventType;
  pos: TriggerPos;
  lemma: string;
  form: TriggerPattern["form"];
  /** Token indices of the first and after-last matched word. */
  start: number;
  end: number;
  /** Token index of the head word (first word of the pattern). */
  head: number;
}

interface TriggerFile {
  triggers: Array<{ type: EventType; verbs: string[]; nouns: string[]; phrases: string[] }>;
}

const GAP = 4;
const QUOTES = new Set(['"', "“", "”", "'", "‘", "’"]);

function compile(): Map<string, TriggerPattern[]> {
  const byFirst = new Map<string, TriggerPattern[]>();
  const add = (p: TriggerPattern) => {
    const first = p.words[0]!;
    byFirst.set(first, [...(byFirst.get(first) ?? []), p]);
  };
  const split = (phrase: string) => phrase.split(/\s+/).map((w) => (w === "~" ? null : w));
  for (const entry of (triggerData as TriggerFile).triggers) {
    for (const verb of entry.verbs) {
      const [head, ...rest] = split(verb);
      for (const [f, form] of labelledVerbForms(head!)) {
        add({ type: entry.type, words: [f, ...rest], pos: "verb", lemma: verb, form });
      }
    }
    for (const noun of entry.nouns) {
      for (const f of nounForms(noun))
        add({ type: entry.type, words: split(f), pos: "noun", lemma: noun, form: "noun" });
    }
    for (const phrase of entry.phrases)
      add({ type: entry.type, words: split(phrase), pos: "phrase", lemma: phrase, form: "phrase" });
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return byFirst;
}

const PATTERNS = compile();

/** Finds every trigger in a sentence's tokens; overlapping matches of different types are all kept. */
export function findTriggers(tokens: Token[]): TriggerMatch[] {
  const out: TriggerMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const candidates = PATTERNS.get(tokens[i]!.lower);
    if (!candidates) continue;
    const seenTypes = new Set<string>();
    for (const p of candidates) {
      if (seenTypes.has(p.type)) continue;
      const end = matchFrom(tokens, i, p.words);
      if (end < 0) continue;
      seenTypes.add(p.type);
      out.push({ type: p.type, pos: p.pos, lemma: p.lemma, form: p.form, start: i, end, head: i });
    }
  }
  return out;
}

function matchFrom(tokens: Token[], i: number, words: Array<string | null>): number {
  let t = i;
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (w === null) {
      const next = words[k + 1];
      if (next == null) return -1;
      let found = -1;
      for (let g = 0; g <= GAP; g++) {
        const tok = tokens[t + g];
        if (!tok || (tok.kind === "punct" && tok.text !== "-" && !QUOTES.has(tok.text))) break;
        if (tok.lower === next) {
          found = t + g;
          break;
        }
      }
      if (found < 0) return -1;
      t = found;
      continue;
    }
    // Quotation marks inside a phrase are transparent: was "open to" … .
    while (k > 0 && QUOTES.has(tokens[t]?.text ?? "")) t++;
    if (tokens[t]?.lower !== w) return -1;
    t++;
  }
  return t;
}
