import { type Token, tokenize } from "../text/tokens";

/** One phrase of the index as lower-case tokens, with its value and whether case must match at the start. */
interface PhraseEntry<T> {
  words: string[];
  value: T;
  /** The phrase starts with a capital in the knowledge base, so the text must too (Chad, Jordan, Hope). */
  capitalised: boolean;
}

/** The phrases of one first word. */
interface Slot<T> {
  /** Longest first once frozen. */
  all: PhraseEntry<T>[];
  /**
   * For first words with many phrases ("the", "republic"), set by `freeze`: `all` narrowed by the second word. Each
   * narrowed list keeps the order of `all` and holds the one-word phrases plus those with that second word, the only
   * ones that can match; `single` is the narrowed list for any other next word.
   */
  next: Map<string, PhraseEntry<T>[]> | null;
  single: PhraseEntry<T>[];
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
  /** Phrases by their first word; one map lookup per call, as this runs several times for every token. */
  private readonly byFirst = new Map<string, Slot<T>>();
  /**
   * The last word looked up and its slot: the mention finder asks the same index about the same token several times
   * in a row (title, then name, then group), and comparing the word is cheaper than a map lookup.
   */
  private lastWord: string | null = null;
  private lastSlot: Slot<T> | undefined = undefined;

  add(phrase: string, value: T): void {
    const words = tokenize(phrase).map((t) => t.lower);
    const first = words[0];
    if (!first) return;
    const entry: PhraseEntry<T> = { words, value, capitalised: /^\p{Lu}/u.test(phrase.trim()) };
    const slot = this.byFirst.get(first);
    this.lastWord = null;
    if (slot) {
      const list = slot.all;
      if (!list.some((e) => e.value === value && e.words.join(" ") === entry.words.join(" "))) list.push(entry);
      slot.next = null;
    } else this.byFirst.set(first, { all: [entry], single: [], next: null });
  }

  /** Sorts candidate lists longest first; call once after the last `add`. */
  freeze(): this {
    for (const slot of this.byFirst.values()) {
      const list = slot.all;
      list.sort((a, b) => b.words.length - a.words.length);
      if (list.length < 8) continue;
      slot.single = list.filter((e) => e.words.length === 1);
      const next = new Map<string, PhraseEntry<T>[]>();
      for (const e of list) {
        const second = e.words[1];
        if (second !== undefined && !next.has(second))
          next.set(
            second,
            list.filter((x) => x.words.length === 1 || x.words[1] === second),
          );
      }
      slot.next = next;
    }
    return this;
  }

  /** The phrases that may match at token `i`, longest first, or undefined when none starts with its word. */
  private candidates(tokens: Token[], i: number, first: Token): PhraseEntry<T>[] | undefined {
    const word = first.lower;
    let slot: Slot<T> | undefined;
    if (word === this.lastWord) slot = this.lastSlot;
    else {
      slot = this.byFirst.get(word);
      this.lastWord = word;
      this.lastSlot = slot;
    }
    if (slot === undefined) return undefined;
    if (slot.next === null) return slot.all;
    const second = tokens[i + 1];
    return (second && slot.next.get(second.lower)) || slot.single;
  }

  /** All phrases starting at token `i`, longest first. */
  matchAt(tokens: Token[], i: number, caseSensitive = true): PhraseMatch<T>[] {
    const first = tokens[i];
    if (!first) return [];
    const list = this.candidates(tokens, i, first);
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
    const list = this.candidates(tokens, i, first);
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
