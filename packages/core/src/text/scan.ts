/**
 * Helpers for running a big regex only where a match can start.
 *
 * A global regex scanned from a sentence start finds the leftmost match at or after it, which may lie far beyond the
 * sentence (or nowhere, after scanning the rest of the article). Trying a sticky copy of the same regex only at the
 * positions where one of its alternatives can begin gives the same matches in the same order, and touches only the
 * sentence.
 */

/**
 * Whether `c` is a word character for `\b` in a regex with the `i` and `u` flags: ASCII letters, digits and `_`,
 * plus ſ (U+017F) and the Kelvin sign (U+212A), which case-fold to "s" and "k".
 */
export function isRegexWordChar(c: number): boolean {
  return c < 128 ? ASCII_WORD[c] === 1 : c === 0x17f || c === 0x212a;
}
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++)
  ASCII_WORD[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 ? 1 : 0;

/** Key of a word that may start a match whatever its letters (ſ, Kelvin sign). */
export const ANY_WORD = -1;

/**
 * The first word start (as `\b` followed by a word character sees it) at or after `p` and before `end`, whose
 * `wordKey` is in `keys` or which starts with a digit; `end` when there is none.
 */
export function nextKeyedWord(text: string, p: number, end: number, keys: Set<number>): number {
  let prevWord = p > 0 && isRegexWordChar(text.charCodeAt(p - 1));
  for (; p < end; p++) {
    const c = text.charCodeAt(p);
    const word = isRegexWordChar(c);
    if (word && !prevWord) {
      if (c >= 48 && c <= 57) return p;
      const key = wordKey(text, p);
      if (key === ANY_WORD || keys.has(key)) return p;
    }
    prevWord = word;
  }
  return end;
}

/**
 * The lower-cased first (up to three) ASCII letters of the word at `p`, packed into a number (0 when the word does not
 * start with a letter), or ANY_WORD when one of them is a non-ASCII letter that case-folds to ASCII.
 */
export function wordKey(text: string, p: number): number {
  let key = 0;
  for (let i = p; i < p + 3 && i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (c === 0x17f || c === 0x212a) return ANY_WORD;
    else if (c < 97 || c > 122) break;
    key = key * 32 + (c - 96);
  }
  return key;
}

/** The set of `wordKey`s of the given (lower-case ASCII) words. */
export function wordKeys(words: Iterable<string>): Set<number> {
  const keys = new Set<number>();
  for (const w of words) keys.add(wordKey(w, 0));
  return keys;
}
