import type { NormalizedText } from "./types";

/**
 * Text normalisation with an offset map back to the caller's string.
 *
 * What changes (everything else is copied unchanged):
 * - Unicode NFC (only when the input is not already NFC; clusters of a base character and its combining marks are
 *   composed together and map to the cluster's first offset).
 * - CRLF → LF (the CR is dropped), lone CR, U+2028 and U+2029 → LF.
 * - Curly single quotes, primes and a backtick or acute accent glued to a preceding letter (`Egypt`s`) → `'`;
 *   curly double quotes, double primes and guillemets → `"`.
 * - Dashes stay distinguishable, one character for one character: hyphen-like characters (U+2010, U+2011, U+2043,
 *   U+2212 minus, U+FE63, U+FF0D) → ASCII `-`; U+2012 figure dash → `–` (en dash); U+2015 horizontal bar, U+2E3A
 *   and U+FE58 → `—` (em dash). En and em dashes themselves are kept, so "A — B" (a clause break) is never confused
 *   with "Israel-Gaza" (a hyphen).
 * - No-break, thin and other typographic spaces → ASCII space.
 * - Zero-width characters, soft hyphens, the BOM and bidi controls are removed.
 * - Other control characters (C0 except `\n` and `\t`, DEL, C1) → space.
 *
 * The offset map is a list of segments: in a "copy" segment offsets advance together; a "rewrite" segment maps every
 * offset inside it to the original offset where it began. Lookups are a binary search.
 */

/** Single UTF-16 units mapped to one replacement unit (1:1, so offsets do not move). */
const CHAR_MAP: ReadonlyMap<number, string> = new Map<number, string>([
  // single quotes and primes
  [0x2018, "'"],
  [0x2019, "'"],
  [0x201a, "'"],
  [0x201b, "'"],
  [0x2032, "'"],
  [0x02bc, "'"],
  // double quotes, double primes and guillemets
  [0x201c, '"'],
  [0x201d, '"'],
  [0x201e, '"'],
  [0x201f, '"'],
  [0x2033, '"'],
  [0x00ab, '"'],
  [0x00bb, '"'],
  // hyphens
  [0x2010, "-"],
  [0x2011, "-"],
  [0x2043, "-"],
  [0x2212, "-"],
  [0xfe63, "-"],
  [0xff0d, "-"],
  // dashes
  [0x2012, "\u2013"],
  [0x2015, "\u2014"],
  [0x2e3a, "\u2014"],
  [0xfe58, "\u2014"],
  // spaces
  [0x00a0, " "],
  [0x1680, " "],
  [0x2000, " "],
  [0x2001, " "],
  [0x2002, " "],
  [0x2003, " "],
  [0x2004, " "],
  [0x2005, " "],
  [0x2006, " "],
  [0x2007, " "],
  [0x2008, " "],
  [0x2009, " "],
  [0x200a, " "],
  [0x202f, " "],
  [0x205f, " "],
  [0x3000, " "],
  // line breaks
  [0x2028, "\n"],
  [0x2029, "\n"],
  [0x0085, "\n"],
]);

/** Units removed outright. */
const REMOVED: ReadonlySet<number> = new Set([
  0x00ad, // soft hyphen
  0x180e, // Mongolian vowel separator
  0x200b, // zero-width space
  0x200c, // ZWNJ
  0x200d, // ZWJ
  0x200e, // LRM
  0x200f, // RLM
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2060, // word joiner
  0x2061,
  0x2062,
  0x2063,
  0x2064,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
  0xfeff, // BOM / zero-width no-break space
]);

const LETTER = /\p{L}/u;
/** Code points that can combine with what precedes them under NFC: marks and Hangul medial/final jamo. */
const COMBINING = /^[\p{M}\u1160-\u11ff]$/u;

/** What happens to one UTF-16 unit, ignoring NFC: a replacement string, "" to remove, or undefined to copy. */
function mapUnit(code: number, prev: number): string | undefined {
  if (code < 0x80) {
    if (code >= 0x20 && code !== 0x60 && code !== 0x7f) return undefined;
    if (code === 0x0a || code === 0x09) return undefined;
    if (code === 0x60) {
      // backtick used as an apostrophe: glued to a preceding letter
      return prev >= 0 && LETTER.test(String.fromCharCode(prev)) ? "'" : undefined;
    }
    return " ";
  }
  if (code < 0xa0) return code === 0x85 ? "\n" : " ";
  if (code === 0x00b4) return prev >= 0 && LETTER.test(String.fromCharCode(prev)) ? "'" : undefined;
  if (REMOVED.has(code)) return "";
  return CHAR_MAP.get(code);
}

function mapAll(s: string, prev: number): string {
  let out = "";
  for (let k = 0; k < s.length; k++) {
    const m = mapUnit(s.charCodeAt(k), k > 0 ? s.charCodeAt(k - 1) : prev);
    out += m === undefined ? s[k] : m;
  }
  return out;
}

class OffsetMap {
  /** Normalised start offset of each segment. */
  private norm: number[] = [0];
  /** Original start offset of each segment. */
  private orig: number[] = [0];
  /** 1 for a rewrite segment (constant mapping), 0 for a copy segment. */
  private kind: number[] = [0];

  /** Starts a new segment at `n` (normalised) ↔ `o` (original). */
  push(n: number, o: number, rewrite: boolean): void {
    const last = this.norm.length - 1;
    const k = rewrite ? 1 : 0;
    // Merge a copy segment that simply continues the previous copy segment.
    if (!rewrite && this.kind[last] === 0 && this.orig[last]! + (n - this.norm[last]!) === o) return;
    if (this.norm[last] === n) {
      this.orig[last] = o;
      this.kind[last] = k;
      return;
    }
    this.norm.push(n);
    this.orig.push(o);
    this.kind.push(k);
  }

  lookup(i: number): number {
    const norm = this.norm;
    let lo = 0;
    let hi = norm.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (norm[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    const o = this.orig[lo]!;
    return this.kind[lo] === 1 ? o : o + (i - norm[lo]!);
  }

  isRewrite(i: number): boolean {
    const norm = this.norm;
    let lo = 0;
    let hi = norm.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (norm[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return this.kind[lo] === 1;
  }
}

/** `NormalizedText` plus a test hook telling whether the character at `i` was rewritten (not a plain copy). */
export interface NormalizedTextWithMap extends NormalizedText {
  rewritten(offset: number): boolean;
}

export function normalizeText(raw: string): NormalizedTextWithMap {
  const needsNfc = raw.normalize("NFC") !== raw;
  const map = new OffsetMap();
  const parts: string[] = [];
  let outLen = 0;
  /** Start of the pending run of unchanged input. */
  let runStart = 0;
  const n = raw.length;
  let prev = -1;
  let i = 0;

  const flush = (upTo: number): void => {
    if (upTo > runStart) {
      parts.push(raw.slice(runStart, upTo));
      outLen += upTo - runStart;
    }
  };
  /** Emits `s` as a replacement of raw[from, to). */
  const rewrite = (from: number, to: number, s: string): void => {
    flush(from);
    if (s.length > 0) {
      map.push(outLen, from, true);
      parts.push(s);
      outLen += s.length;
    }
    map.push(outLen, to, false);
    runStart = to;
  };

  while (i < n) {
    const code = raw.charCodeAt(i);
    if (needsNfc && code >= 0x80) {
      // Gather a cluster: one code point and the combining code points after it.
      let j = i + (code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1);
      while (j < n) {
        const cp = raw.codePointAt(j)!;
        if (cp < 0x300 || !COMBINING.test(String.fromCodePoint(cp))) break;
        j += cp > 0xffff ? 2 : 1;
      }
      const cluster = raw.slice(i, j);
      const composed = cluster.normalize("NFC");
      if (composed !== cluster) {
        const mapped = mapAll(composed, prev);
        rewrite(i, j, mapped);
        prev = mapped.length > 0 ? mapped.charCodeAt(mapped.length - 1) : prev;
        i = j;
        continue;
      }
    } else if (needsNfc && i + 1 < n && raw.charCodeAt(i + 1) >= 0x300) {
      // An ASCII base followed by a combining mark ("e" + U+0301).
      let j = i + 1;
      while (j < n) {
        const cp = raw.codePointAt(j)!;
        if (cp < 0x300 || !COMBINING.test(String.fromCodePoint(cp))) break;
        j += cp > 0xffff ? 2 : 1;
      }
      if (j > i + 1) {
        const cluster = raw.slice(i, j);
        const composed = cluster.normalize("NFC");
        if (composed !== cluster) {
          const mapped = mapAll(composed, prev);
          rewrite(i, j, mapped);
          prev = mapped.length > 0 ? mapped.charCodeAt(mapped.length - 1) : prev;
          i = j;
          continue;
        }
      }
    }
    if (code === 0x0d) {
      if (i + 1 < n && raw.charCodeAt(i + 1) === 0x0a) {
        rewrite(i, i + 1, ""); // drop the CR of CRLF
      } else {
        rewrite(i, i + 1, "\n");
      }
      prev = 0x0a;
      i++;
      continue;
    }
    const m = mapUnit(code, prev);
    if (m !== undefined) {
      rewrite(i, i + 1, m);
      if (m.length > 0) prev = m.charCodeAt(0);
    } else {
      prev = code;
    }
    i++;
  }
  flush(n);
  map.push(outLen, n, false);
  const text = parts.length === 1 ? parts[0]! : parts.join("");
  return {
    text,
    toOriginal(offset: number): number {
      if (offset >= text.length) return n;
      if (offset <= 0) return 0;
      return map.lookup(offset);
    },
    rewritten(offset: number): boolean {
      return offset >= 0 && offset < text.length && map.isRewrite(offset);
    },
  };
}
