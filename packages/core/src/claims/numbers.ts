/**
 * Number mentions: digits ("46,700", "1.4 million", "٣٠٠"), number words ("Ninety-four", "two hundred"),
 * "a million", ordinals ("50th", "fifth"), compound modifiers ("11-member" → 11) and vague quantities.
 *
 * Vague quantities get a nominal value so callers can sort or plot them; they are flagged `vague` and the claims
 * stage does not use them: scores = 20, dozens = 24, hundreds = 200, several hundred = 300, thousands = 2,000,
 * tens of thousands = 20,000, hundreds of thousands = 200,000, millions = 2,000,000 (twice the unit: "dozens" means
 * at least two dozen).
 *
 * Qualifiers come from the words right before the number: nearly/almost/close to/just under → nearly;
 * about/around/some/roughly/approximately/an estimated/~ → about; at least/no fewer than → at_least;
 * more than/over/upwards of/in excess of/above → more_than; up to/as many as/at most/no more than → up_to;
 * "between X and Y" → X at_least, Y up_to.
 *
 * One precompiled global regex scans the range; look-behind checks are bounded, so the pass is linear.
 */

import { NUMBER_UNITS } from "../text/number-words";
import { ANY_WORD, isRegexWordChar, wordKey, wordKeys } from "../text/scan";

export type Qualifier = "exact" | "at_least" | "more_than" | "nearly" | "about" | "up_to";

export interface NumberMention {
  start: number;
  end: number;
  raw: string;
  value: number;
  vague: boolean;
  ordinal: boolean;
  qualifier: Qualifier;
  qualifierStart: number;
}

const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
  hundredth: 100,
  thousandth: 1000,
};
const VAGUE: Array<[RegExp, number]> = [
  [/^hundreds of thousands$/i, 200_000],
  [/^tens of thousands$/i, 20_000],
  [/^several hundred$/i, 300],
  [/^several thousand$/i, 3_000],
  [/^dozens$/i, 24],
  [/^scores$/i, 20],
  [/^hundreds$/i, 200],
  [/^thousands$/i, 2_000],
  [/^millions$/i, 2_000_000],
];

const UNIT_WORDS =
  "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
const ORD_WORDS =
  "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth|thousandth";
const WORD_NUM = `(?:${UNIT_WORDS})(?:[- ](?:and[- ])?(?:${UNIT_WORDS}|hundred|thousand|million|billion)){0,6}`;

const NUMBER_RE = new RegExp(
  [
    // 1: vague quantities
    "\\b(hundreds of thousands|tens of thousands|several hundred|several thousand|dozens|scores|hundreds|thousands|millions)\\b",
    // 2: "half a million", "a million", "a hundred", "a thousand"
    "\\b((?:half )?an? (?:hundred|thousand|million|billion))\\b(?![- ]?(?:times|fold))",
    // 3: digits (with separators and decimals) + optional scale, 4: ordinal suffix
    "(?<![\\p{L}\\d.,\\-/:])(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?:(st|nd|rd|th)\\b|(?:\\s?(?:million|billion|thousand|bn)\\b)?)",
    // 5: Arabic-Indic and Extended Arabic-Indic digits
    "([\\u0660-\\u0669\\u06f0-\\u06f9]+(?:[\\u066b.,][\\u0660-\\u0669\\u06f0-\\u06f9]+)*)",
    // 6: word ordinals (compound: "twenty-first")
    `\\b((?:(?:${UNIT_WORDS})-)?(?:${ORD_WORDS}))\\b`,
    // 7: number words
    `\\b(${WORD_NUM})\\b`,
  ].join("|"),
  "giu",
);
/** The same regex, tried only at positions where a number can start (see text/scan.ts). */
const NUMBER_AT = new RegExp(NUMBER_RE.source, "iuy");
/** Words (by their first three letters) that can open a number mention. */
const NUMBER_START_KEYS = wordKeys([
  ...`${UNIT_WORDS}|${ORD_WORDS}`.split("|"),
  ..."hundreds tens several dozens scores thousands millions half a an".split(" "),
]);

/**
 * The first position at or after `p` and before `end` where a number can start, or `end`: an ASCII digit after a
 * non-digit (group 3's look-behind rejects a digit after a digit), an Arabic-Indic digit (group 5 needs no boundary),
 * or a word start whose first letters open a number word.
 */
function nextNumberStart(text: string, p: number, end: number): number {
  let prevWord = p > 0 && isRegexWordChar(text.charCodeAt(p - 1));
  let prevDigit = p > 0 && isDigit(text.charCodeAt(p - 1));
  for (; p < end; p++) {
    const c = text.charCodeAt(p);
    const word = isRegexWordChar(c);
    const digit = isDigit(c);
    if (digit) {
      if (!prevDigit) return p;
    } else if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9)) return p;
    else if (word && !prevWord) {
      const key = wordKey(text, p);
      if (key === ANY_WORD || NUMBER_START_KEYS.has(key)) return p;
    }
    prevWord = word;
    prevDigit = digit;
  }
  return end;
}
const isDigit = (c: number) => c >= 48 && c <= 57;

const ARABIC_ZERO = [0x0660, 0x06f0];

function parseWords(s: string): number {
  let total = 0;
  let current = 0;
  for (const w of s.toLowerCase().split(/[- ]+/)) {
    if (w === "and" || w === "") continue;
    if (w in NUMBER_UNITS) current += NUMBER_UNITS[w]!;
    else if (w === "hundred") current = (current || 1) * 100;
    else if (w in SCALES) {
      total += (current || 1) * SCALES[w]!;
      current = 0;
    }
  }
  return total + current;
}

function parseDigits(s: string): number {
  const m = /^([\d,]+(?:\.\d+)?)\s?(million|billion|thousand|bn)?/i.exec(s);
  if (!m) return Number.NaN;
  let v = Number(m[1]!.replace(/,/g, ""));
  const scale = m[2]?.toLowerCase();
  if (scale === "million") v *= 1e6;
  else if (scale === "billion" || scale === "bn") v *= 1e9;
  else if (scale === "thousand") v *= 1e3;
  return v;
}

function parseArabic(s: string): number {
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0x0660 && c <= 0x0669) out += String(c - ARABIC_ZERO[0]!);
    else if (c >= 0x06f0 && c <= 0x06f9) out += String(c - ARABIC_ZERO[1]!);
    else if (c === 0x066b || ch === ".") out += ".";
  }
  return Number(out);
}

const QUALIFIERS: Array<[RegExp, Qualifier]> = [
  [/(?:^|\W)(nearly|almost|close to|just under|just shy of|barely)\s+$/i, "nearly"],
  [
    /(?:^|\W)(about|around|some|roughly|approximately|approx\.?|an estimated|estimated|circa|up to about|~)\s*$/i,
    "about",
  ],
  [/(?:^|\W)(at least|no fewer than|no less than|a minimum of)\s+$/i, "at_least"],
  [/(?:^|\W)(more than|over|upwards of|in excess of|above|greater than|exceeding|well over)\s+$/i, "more_than"],
  [/(?:^|\W)(up to|as many as|at most|no more than|a maximum of|fewer than|less than)\s+$/i, "up_to"],
  [/(?:^|\W)(between)\s+$/i, "at_least"],
];

/** The last word of every QUALIFIERS phrase ("approx." and "~" aside): one of them must come right before the number. */
const QUALIFIER_ENDS = new Set(
  (
    "nearly almost to under of barely about around some roughly approximately approx estimated circa least than over " +
    "above exceeding as most between"
  ).split(" "),
);

/** A cheap necessary condition for QUALIFIERS: `before`, without trailing white space, ends with a phrase's last word. */
function mayQualify(before: string): boolean {
  let e = before.length;
  while (e > 0) {
    const c = before.charCodeAt(e - 1);
    if (c === 32 || (c >= 9 && c <= 13) || (c >= 128 && /\s/.test(before[e - 1]!))) e--;
    else break;
  }
  if (e === 0) return false;
  const last = before.charCodeAt(e - 1);
  if (last === 0x7e || last === 0x2e) return true; // "~", "approx."
  let s = e;
  while (s > 0 && isAsciiLetter(before.charCodeAt(s - 1))) s--;
  return s < e && QUALIFIER_ENDS.has(before.slice(s, e).toLowerCase());
}
const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

function qualifierOf(text: string, at: number, floor: number): { q: Qualifier; start: number } {
  const from = Math.max(floor, at - 24);
  const before = text.slice(from, at);
  if (!mayQualify(before)) return { q: "exact", start: at };
  for (const [re, q] of QUALIFIERS) {
    const m = re.exec(before);
    if (m) return { q, start: from + m.index + m[0].indexOf(m[1]!) };
  }
  return { q: "exact", start: at };
}

export function findNumbers(text: string, start: number, end: number): NumberMention[] {
  const out: NumberMention[] = [];
  if (end <= start) return out;
  const re = NUMBER_AT;
  // Same matches as scanning with the global NUMBER_RE from `start`, but only inside the range.
  let p = nextNumberStart(text, start, end);
  while (p < end) {
    re.lastIndex = p;
    const m = re.exec(text);
    if (m === null) {
      p = nextNumberStart(text, p + 1, end);
      continue;
    }
    let raw = m[0];
    p = nextNumberStart(text, m.index + raw.length, end);
    if (m.index + raw.length > end) break;
    let value: number;
    let vague = false;
    let ordinal = false;
    if (m[1]) {
      vague = true;
      value = VAGUE.find(([r]) => r.test(m![1]!))?.[1] ?? 0;
    } else if (m[2]) {
      const parts = m[2].toLowerCase().split(" ");
      value = SCALES[parts[parts.length - 1]!]! * (parts[0] === "half" ? 0.5 : 1);
    } else if (m[3]) {
      if (m[4]) {
        ordinal = true;
        value = Number(m[3].replace(/,/g, ""));
      } else value = parseDigits(raw);
    } else if (m[5]) {
      value = parseArabic(m[5]);
    } else if (m[6]) {
      ordinal = true;
      const parts = m[6].toLowerCase().split("-");
      value = parts.length === 2 ? NUMBER_UNITS[parts[0]!]! + ORDINALS[parts[1]!]! : ORDINALS[parts[0]!]!;
    } else {
      value = parseWords(m[7]!);
      // "two hundred and" — do not keep a trailing connector
      raw = raw.replace(/[- ]and$/i, "");
    }
    if (!Number.isFinite(value)) continue;
    const { q, start: qs } = qualifierOf(text, m.index, start);
    out.push({
      start: m.index,
      end: m.index + raw.length,
      raw,
      value,
      vague,
      ordinal,
      qualifier: q,
      qualifierStart: qs,
    });
  }
  // "between X and Y": Y is an upper bound
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    if (a.qualifier !== "at_least" || !/between\s+$/i.test(text.slice(Math.max(start, a.start - 10), a.start)))
      continue;
    if (/^\s*(?:[\p{L}-]+\s+){0,3}?(?:and|to|-)\s*$/u.test(text.slice(a.end, b.start)) && b.qualifier === "exact") {
      b.qualifier = "up_to";
      b.qualifierStart = b.start;
    }
  }
  return out;
}
