import { type Token, tokenize } from "../text/tokens";

/** One phrase of the index as lower-case tokens, with its value and whether case must match at the start. */
interface PhraseEntry<T> {
  words: string[];
  value: T;
  /** The phrase starts with a capital in the knowledge base, so the text must too (Chad, Jordan, Hope). */
  capitalised: boolean;
}

export interface PhraseMatch<T> {
  /** Token index where the match starts. */
  start: number;
  /** Token index after the match. */
  end: number;
  value: T;
}

/**
 * Longest-match lookup of multi-word phrases over tokens, keyed by the first word.
 * Phrases are tokenised with the same tokenizer as the text, so "U.S." and possessives line up.
 */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, PhraseEntry<T>[]>();

  add(phrase: string, value: T): void {
    const words = tokenize(phrase).map((t) => t.lower);
    const first = words[0];
    if (!first) return;
    const entry: PhraseEntry<T> = { words, value, capitalised: /^\p{Lu}/u.test(phrase.trim()) };
    const list = this.byFirst.get(first);
    if (list) {
      if (!list.some((e) => e.value === value && e.words.join(" ") === entry.words.join(" "))) list.push(entry);
    } else this.byFirst.set(first, [entry]);
  }

  /** Sorts candidate lists longest first; call once after the last `add`. */
  freeze(): this {
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
    return this;
  }

  /** All phrases starting at token `i`, longest first. */
  matchAt(tokens: Token[], i: number, caseSensitive = true): PhraseMatch<T>[] {
    const first = tokens[i];
    if (!first) return [];
    const list = this.byFirst.get(first.lower);
    if (!list) return [];
    const out: PhraseMatch<T>[] = [];
    for (const entry of list) {
      if (matches(entry, tokens, i, first, caseSensitive))
        out.push({ start: i, end: i + entry.words.length, value: entry.value });
    }
    return out;
  }

  /** The first of `matchAt`, without building the list (this runs for most tokens of every sentence). */
  longestAt(tokens: Token[], i: number, caseSensitive = true): PhraseMatch<T> | null {
    const first = tokens[i];
    if (!first) return null;
    const list = this.byFirst.get(first.lower);
    if (!list) return null;
    for (const entry of list) {
      if (matches(entry, tokens, i, first, caseSensitive))
        return { start: i, end: i + entry.words.length, value: entry.value };
    }
    return null;
  }

  has(word: string): boolean {
    return this.byFirst.has(word);
  }
}

/** Whether `entry` matches the tokens from `i` (whose token is `first`). */
function matches<T>(entry: PhraseEntry<T>, tokens: Token[], i: number, first: Token, caseSensitive: boolean): boolean {
  if (caseSensitive && entry.capitalised && !first.cap) return false;
  for (let k = 1; k < entry.words.length; k++) {
    if (tokens[i + k]?.lower !== entry.words[k]) return false;
  }
  return true;
}
