import { type Dateline, parseDateline } from "./dateline";
import { findFurniture } from "./furniture";
import type { SentenceSpan, SkippedRange } from "./types";

/**
 * Sentence splitting over normalised text (ASCII quotes). One left-to-right pass per line; every line is a paragraph.
 *
 * A boundary is a run of `.`, `!`, `?` or `…`, then any closing quotes/brackets, then either the end of the line or
 * whitespace followed by an upper-case letter, a digit or an opening quote/bracket. A missing space is tolerated
 * after a closing quote or after a lower-case word (`democracy."Egyptian`, `end.The`). A `"` right after the
 * terminal closes the sentence when the sentence holds an odd number of `"`, otherwise it opens the next one.
 * A period after an abbreviation is not a boundary: titles (Mr., Gen., Sheikh.) never end a sentence, month and
 * "No." abbreviations only before a digit, and U.S./a.m./Inc./initials only before a typical sentence opener.
 */

/** Abbreviations that are never the end of a sentence. */
const NEVER_END = new Set(
  (
    "mr mrs ms mx dr gen lt maj col sen rep gov capt cmdr cdr adm sgt prof rev st fr pres amb brig hon vs v cf mt ft " +
    "supt insp det cpl pvt messrs mme mlle sheikh sh eg e.g ie i.e approx dept est gens reps sens govs cols lt.col " +
    "gen.maj lt.gen maj.gen brig.gen"
  ).split(" "),
);
/** Abbreviations that end a sentence only when no digit follows. */
const BEFORE_DIGIT = new Set(
  "no nos jan feb mar apr jun jul aug sep sept oct nov dec art p pp vol fig ch op para sec".split(" "),
);
/** Words that typically open a sentence: after "U.S." or an initial they signal a boundary. */
const OPENERS = new Set(
  (
    "the a an he she it they we i you his her their its our this that these those there but and or so yet in on at " +
    "for by with as after before when while if although though meanwhile however earlier later last some many most " +
    "no not one two three both all each also still now then instead since until under during despite according " +
    "what why how who where officials israel hamas"
  ).split(" "),
);

const isUpper = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase();
const isLower = (c: string): boolean => c !== c.toUpperCase() && c === c.toLowerCase();
const isDigit = (c: string): boolean => c >= "0" && c <= "9";
const isSpace = (c: string): boolean => c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f";
const isTerminal = (c: string): boolean => c === "." || c === "!" || c === "?" || c === "\u2026";
const isCloser = (c: string): boolean => c === '"' || c === "'" || c === ")" || c === "]" || c === "\u201d";
const isOpener = (c: string): boolean => c === '"' || c === "'" || c === "(" || c === "[" || c === "\u201c";

/** The word before a period at `dot` (letters and inner periods), lower-cased, at most 12 characters back. */
function wordBefore(text: string, dot: number, lineStart: number): string {
  let s = dot;
  while (s > lineStart && dot - s < 12) {
    const c = text[s - 1]!;
    if (c === "." || isUpper(c) || isLower(c)) s--;
    else break;
  }
  return text.slice(s, dot);
}

function nextWord(text: string, at: number, end: number): string {
  let e = at;
  while (e < end && e - at < 20 && (isUpper(text[e]!) || isLower(text[e]!))) e++;
  return text.slice(at, e).toLowerCase();
}

/** Whether the single period at `dot`, followed by whitespace then `next` at `nextAt`, ends a sentence. */
function periodEnds(text: string, dot: number, nextAt: number, lineStart: number, end: number): boolean {
  const raw = wordBefore(text, dot, lineStart);
  if (raw.length === 0) return true;
  const w = raw.toLowerCase();
  const next = text[nextAt]!;
  if (NEVER_END.has(w)) return false;
  if (BEFORE_DIGIT.has(w)) return !isDigit(next);
  const initial = raw.length === 1 && isUpper(raw);
  const dotted = raw.includes("."); // U.S, U.N, a.m, e.g
  const shortAbbrev = /^(?:inc|co|ltd|corp|jr|sr|bros|plc|llc|etc|al)$/.test(w);
  if (initial || dotted || shortAbbrev) {
    if (isDigit(next) || isOpener(next)) return dotted || shortAbbrev;
    return OPENERS.has(nextWord(text, nextAt, end));
  }
  return true;
}

interface Piece {
  start: number;
  end: number;
  /** Ends with terminal punctuation. */
  terminated: boolean;
}

/** Splits text[start, end) (one line, no skipped parts) into trimmed sentence pieces. */
function splitRange(text: string, start: number, end: number, out: Piece[]): void {
  let sentStart = start;
  let quotes = 0;
  let i = start;
  while (i < end) {
    const c = text[i]!;
    if (c === '"') {
      quotes++;
      i++;
      continue;
    }
    if (!isTerminal(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end && isTerminal(text[j]!)) j++;
    let k = j;
    while (k < end && isCloser(text[k]!)) {
      if (text[k] === '"') {
        // an even count so far means this quote opens the next sentence
        if (quotes % 2 === 0) break;
        quotes++;
      }
      k++;
    }
    let boundary = false;
    let nextStart = k;
    if (k >= end) {
      boundary = true;
    } else if (isSpace(text[k]!)) {
      let m = k;
      while (m < end && isSpace(text[m]!)) m++;
      if (m >= end) {
        boundary = true;
        nextStart = m;
      } else {
        const n = text[m]!;
        let starts = isUpper(n) || isDigit(n);
        if (!starts && isOpener(n) && m + 1 < end) {
          const n2 = text[m + 1]!;
          starts = isUpper(n2) || isDigit(n2) || n2 === "." || isOpener(n2);
        }
        if (starts && c === "." && j === i + 1 && k === j) starts = periodEnds(text, i, m, start, end);
        boundary = starts;
        nextStart = m;
      }
    } else {
      // no space after the terminal run
      const n = text[k]!;
      const prev = i > start ? text[i - 1]! : "";
      if (k > j && (isUpper(n) || isOpener(n)))
        boundary = true; // democracy."Egyptian
      else if (c !== "\u2026" && isLower(prev) && isUpper(n) && j === i + 1 && i - start > 2) {
        // end.The — but not inside a dotted abbreviation or a domain
        boundary = !wordBefore(text, i, start).includes(".");
      } else if (isLower(prev) && n === '"' && quotes % 2 === 0 && k + 1 < end && isUpper(text[k + 1]!)) {
        boundary = true; // said."Hamas — the quote opens the next sentence
      }
      nextStart = k;
    }
    if (boundary) {
      pushTrimmed(text, sentStart, k, true, out);
      sentStart = nextStart;
      quotes = 0;
      i = nextStart;
    } else {
      i = k > i ? k : i + 1;
    }
  }
  if (sentStart < end) pushTrimmed(text, sentStart, end, false, out);
}

function pushTrimmed(text: string, s: number, e: number, terminated: boolean, out: Piece[]): void {
  while (s < e && isSpace(text[s]!)) s++;
  while (e > s && isSpace(text[e - 1]!)) e--;
  if (e > s) {
    // a piece is terminated if it ends in terminal punctuation, possibly followed by closers
    let t = e;
    while (t > s && isCloser(text[t - 1]!)) t--;
    out.push({ start: s, end: e, terminated: terminated && t > s && isTerminal(text[t - 1]!) });
  }
}

export interface SplitResult {
  sentences: SentenceSpan[];
  /** Datelines found at the start of paragraphs, in text order. */
  datelines: Dateline[];
  /** Offsets of the first content line, used to pick the title. */
  firstLine: { start: number; end: number } | null;
}

function sortedSkips(skip: SkippedRange[]): SkippedRange[] {
  const s = skip.filter((r) => r.end > r.start).slice();
  s.sort((a, b) => a.start - b.start || a.end - b.end);
  return s;
}

/** Sentence splitting that also reports the datelines it removed from paragraph starts. */
export function splitSentencesDetailed(text: string, skip: SkippedRange[]): SplitResult {
  const skips = sortedSkips(skip);
  const sentences: SentenceSpan[] = [];
  const datelines: Dateline[] = [];
  let firstLine: { start: number; end: number } | null = null;
  let si = 0;
  let paragraph = 0;
  let lineStart = 0;
  const pieces: Piece[] = [];
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    // the non-skipped intervals of this line
    const intervals: Array<[number, number]> = [];
    let cur = lineStart;
    while (si < skips.length && skips[si]!.end <= lineStart) si++;
    let sj = si;
    while (sj < skips.length && skips[sj]!.start < lineEnd) {
      const r = skips[sj]!;
      if (r.start > cur) intervals.push([cur, r.start]);
      cur = Math.max(cur, r.end);
      sj++;
    }
    if (cur < lineEnd) intervals.push([cur, lineEnd]);

    let produced = false;
    for (let [s, e] of intervals) {
      while (s < e && isSpace(text[s]!)) s++;
      while (e > s && isSpace(text[e - 1]!)) e--;
      if (e <= s) continue;
      const isFirst = firstLine === null;
      if (isFirst) firstLine = { start: s, end: e };
      if (!isFirst) {
        const d = parseDateline(text, s);
        if (d && d.end <= e) {
          datelines.push(d);
          s = d.end;
          while (s < e && isSpace(text[s]!)) s++;
          if (e <= s) continue;
        }
      }
      pieces.length = 0;
      splitRange(text, s, e, pieces);
      const single = pieces.length === 1;
      for (const p of pieces) {
        const headline = isFirst ? single : single && !p.terminated;
        sentences.push({ index: sentences.length, start: p.start, end: p.end, headline, paragraph });
        produced = true;
      }
    }
    if (produced) paragraph++;
    lineStart = lineEnd + 1;
  }
  return { sentences, datelines, firstLine };
}

export function splitSentences(text: string, skip: SkippedRange[]): SentenceSpan[] {
  return splitSentencesDetailed(text, skip).sentences;
}

/** The datelines at the start of the paragraphs holding `sentences`. */
export function findDatelines(text: string, sentences: SentenceSpan[]): Dateline[] {
  const out: Dateline[] = [];
  let lastParagraph = -1;
  for (const s of sentences) {
    if (s.paragraph === lastParagraph) continue;
    lastParagraph = s.paragraph;
    // the dateline sits between the line start and the first sentence of the paragraph
    let ls = s.start;
    while (ls > 0 && text[ls - 1] !== "\n") ls--;
    while (ls < s.start && isSpace(text[ls]!)) ls++;
    if (ls === s.start) continue;
    const d = parseDateline(text, ls);
    if (d && d.end <= s.start) out.push(d);
  }
  return out;
}

export interface Segmentation {
  sentences: SentenceSpan[];
  skipped: SkippedRange[];
  dateline: Dateline | null;
  title: { start: number; end: number } | null;
}

/** How many leading sentences a story's dateline may sit in front of. */
const DATELINE_WINDOW = 6;

/** Furniture, sentences, the story's dateline and its headline: what the pipeline calls. */
export function segment(text: string): Segmentation {
  const skipped = findFurniture(text);
  const { sentences, datelines, firstLine } = splitSentencesDetailed(text, skipped);
  let dateline: Dateline | null = null;
  const limit = sentences[Math.min(DATELINE_WINDOW, sentences.length - 1)]?.start ?? 0;
  for (const d of datelines) {
    if (d.start <= limit) {
      dateline = d;
      break;
    }
  }
  let title: { start: number; end: number } | null = null;
  if (firstLine) {
    const line = text.slice(firstLine.start, firstLine.end);
    const first = sentences[0];
    const lineSentences = sentences.filter((s) => s.start >= firstLine.start && s.end <= firstLine.end).length;
    const endsWithPeriod = /\.["')\]]*$/.test(line);
    const endsOther = /[!?]["')\]]*$/.test(line);
    const followedByBlank = /^[ \t]*\n[ \t]*\n/.test(text.slice(firstLine.end, firstLine.end + 40));
    const ok =
      line.length <= 250 &&
      (!(endsWithPeriod || endsOther) ||
        (endsOther && line.length <= 150 && lineSentences <= 2) ||
        (endsWithPeriod && line.length <= 90 && lineSentences === 1 && followedByBlank));
    if (ok && first && first.start === firstLine.start) title = { ...firstLine };
    if (title && first) {
      // every sentence of the title line is a headline sentence
      for (const s of sentences) {
        if (s.start >= title.start && s.end <= title.end) s.headline = true;
        else break;
      }
    } else if (first && first.start === firstLine.start && first.end === firstLine.end) {
      // the first content line is running text, not a headline
      first.headline = !/[.!?]["')\]]*$/.test(line) && line.length <= 250 ? first.headline : false;
    }
  }
  return { sentences, skipped, dateline, title };
}
