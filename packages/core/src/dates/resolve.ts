/**
 * Time expressions in a sentence, resolved against the publication date.
 *
 * Hand-written rules in one precompiled regex (chrono-node 2.10.3 was considered: it reads "Thursday" as the
 * coming Thursday unless told otherwise, has no notion of a past vs a planned reading, misses "earlier this month"
 * and "in late August" as month-precision expressions, and costs far more per sentence than this pass).
 *
 * `past` is the reading for a report of something that happened, `future` for a plan; they differ only for deictic
 * expressions and dates without a year:
 * - weekday: the latest such day on or before `published` (past) / the next on or after (future);
 * - today, tonight, this morning, earlier/later in the day → published; yesterday → −1 day; tomorrow → +1 day;
 * - last/this/next week, earlier/later this week → month (YYYY-MM) of the week meant;
 * - this/last/next month, earlier this month, "in late August" → month; "four months ago" → month;
 * - this/last/next year → year;
 * - "July 17", "17 July", "by March 10" → day, year from `published` (latest on or before for past, next on or after
 *   for future);
 * - "October 7, 2023" → day; "in January 2016", "last May" → month; "in 1979", "since 1964" → year;
 * - "the next morning", "the same day", "two days after …" → relative, null without an anchor.
 * Without `published`, deictic expressions resolve to null; dates with an explicit year still resolve; dates without
 * a year use `context.year` when given.
 * A time of day ("at 4 a.m.") is part of the expression but does not change the day.
 */

import { NUMBER_UNITS } from "../text/number-words";
import { nextKeyedWord, wordKeys } from "../text/scan";

export interface DateValue {
  value: string;
  precision: "day" | "month" | "year";
}

export interface DateExpression {
  start: number;
  end: number;
  raw: string;
  past: DateValue | null;
  future: DateValue | null;
  /** true for deictic expressions (weekdays, today, next week) */
  relative: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const WEEKDAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  ...NUMBER_UNITS,
  several: Number.NaN,
  few: Number.NaN,
};

const MONTH =
  "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
const WEEKDAY = "(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)day";
const TIME =
  "(?:\\s(?:at\\s)?(?:around\\s|about\\s)?\\d{1,2}(?:[:.]\\d{2})?\\s?(?:a\\.m\\.|p\\.m\\.|am\\b|pm\\b|GMT|local time))";
const PART = "(?:\\s(?:morning|afternoon|evening|night))";

const DATE_RE = new RegExp(
  [
    // 1 month, 2 day, 3 year: "October 7, 2023", "July 17", "March 23"
    `\\b(?:(?:on|by|until|since|from)\\s)?(${MONTH})\\s(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s(\\d{4})\\b)?${TIME}?`,
    // 4 day, 5 month, 6 year: "17 July 2019"
    `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s(?:of\\s)?(${MONTH})\\b(?:,?\\s(\\d{4})\\b)?${TIME}?`,
    // 7 modifier, 8 month, 9 year: "in late August", "January 2016", "last May", "in September 2023"
    `\\b(?:in\\s)?((?:late|early|mid|last|this|next|the end of|the start of|the middle of)[\\s-])?(${MONTH})(?:,?\\s(\\d{4}))?\\b(?!\\s\\d)`,
    // 10 when, 11 weekday, 12 part: "late on Tuesday", "Tuesday's", "Wednesday evening", "last Friday"
    `(?:\\bat\\s(?:around\\s)?\\d{1,2}(?:[:.]\\d{2})?\\s?(?:a\\.m\\.|p\\.m\\.|am|pm)\\s)?\\b((?:late|early)\\s(?:on\\s)?|last\\s|this\\s|next\\s|on\\s)?(${WEEKDAY})(?:'s)?(${PART})?${TIME}?\\b`,
    // 13 today-like
    `\\b(today|tonight|this\\s(?:morning|afternoon|evening)|earlier\\s(?:in\\s)?the\\sday|later\\s(?:in\\s)?the\\sday|earlier\\stoday|later\\stoday|yesterday(?:${PART})?|tomorrow(?:${PART})?|last\\snight)\\b${TIME}?`,
    // 14 week/month/year deixis
    "\\b((?:earlier|later)\\sthis\\s(?:week|month|year)|(?:last|this|next|the\\scoming|the\\spast)\\s(?:week|month|year)|(?:late|early)\\sthis\\s(?:month|year))\\b",
    // 15 count, 16 unit: "four months ago"
    "\\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2})\\s(day|week|month|year)s?\\sago\\b",
    // 17 year: "in 1979", "since 1964"
    "\\b(?:in|since|by|until|from|of|during|early|late|mid-?|before|after)\\s((?:1[89]|20)\\d{2})\\b(?![,.]\\d)",
    // 18 unanchored relative
    "\\b(the\\s(?:next|following|same|previous)\\s(?:day|morning|afternoon|evening|night|week|month)|the\\sday\\s(?:before|after)|(?:a|one|two|three|four|five|six|seven|several|\\d{1,2})\\s(?:days?|weeks?|months?)\\s(?:after|before|later|earlier))\\b",
  ].join("|"),
  "giu",
);
/** The same regex, tried only at positions where a date expression can start (see text/scan.ts). */
const DATE_AT = new RegExp(DATE_RE.source, "iuy");
/** First words (by their first three letters) that can open an expression; a number can too. */
const DATE_START_KEYS = wordKeys(
  (
    "on by until since from in of at during before after mid late early last this next the end start middle today " +
    "tonight earlier later yesterday tomorrow a an one two three four five six seven eight nine ten eleven twelve " +
    "several jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun"
  ).split(" "),
);

const pad = (n: number) => String(n).padStart(2, "0");
function dayValue(t: number): DateValue {
  const d = new Date(t);
  return { value: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`, precision: "day" };
}
function monthValue(y: number, m: number): DateValue {
  return { value: `${y}-${pad(m)}`, precision: "month" };
}
function yearValue(y: number): DateValue {
  return { value: String(y), precision: "year" };
}
const DAY = 86_400_000;

function monthOf(s: string): number {
  return MONTHS[s.slice(0, 3).toLowerCase()] ?? 0;
}

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Past and future readings of a month/day without a year. */
function inferYear(
  m: number,
  d: number,
  pub: number | null,
  ctxYear: number | undefined,
): [DateValue | null, DateValue | null] {
  if (pub === null) {
    if (ctxYear && validDay(ctxYear, m, d)) {
      const v = dayValue(Date.UTC(ctxYear, m - 1, d));
      return [v, v];
    }
    return [null, null];
  }
  const y = new Date(pub).getUTCFullYear();
  const cands = [y - 1, y, y + 1].filter((yy) => validDay(yy, m, d)).map((yy) => Date.UTC(yy, m - 1, d));
  const before = cands.filter((t) => t <= pub).pop() ?? null;
  const after = cands.find((t) => t >= pub) ?? null;
  const past = before;
  const future = after;
  return [past === null ? null : dayValue(past), future === null ? null : dayValue(future)];
}

function inferMonthYear(
  m: number,
  pub: number | null,
  ctxYear: number | undefined,
  mod: string,
): [DateValue | null, DateValue | null] {
  if (pub === null) {
    if (ctxYear) return [monthValue(ctxYear, m), monthValue(ctxYear, m)];
    return [null, null];
  }
  const d = new Date(pub);
  const y = d.getUTCFullYear();
  const pm = d.getUTCMonth() + 1;
  const pastY = m <= pm ? y : y - 1;
  const futY = m >= pm ? y : y + 1;
  if (mod === "last") {
    const ly = m < pm ? y : y - 1;
    return [monthValue(ly, m), monthValue(ly, m)];
  }
  if (mod === "next") {
    const ny = m > pm ? y : y + 1;
    return [monthValue(ny, m), monthValue(ny, m)];
  }
  if (mod === "this") return [monthValue(y, m), monthValue(y, m)];
  return [monthValue(pastY, m), monthValue(futY, m)];
}

/** The last `parsePublished` input and result: every sentence of an article asks for the same date. */
let lastPublished: string | null = null;
let lastPub: number | null = null;

function parsePublished(published: string | null): number | null {
  if (published === lastPublished) return lastPub;
  lastPub = parsePublishedDate(published);
  lastPublished = published;
  return lastPub;
}

function parsePublishedDate(published: string | null): number | null {
  if (!published) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return validDay(y, mo, d) ? Date.UTC(y, mo - 1, d) : null;
}

function weekMonth(t: number): DateValue {
  const d = new Date(t);
  return monthValue(d.getUTCFullYear(), d.getUTCMonth() + 1);
}

function shiftMonth(pub: number, delta: number): DateValue {
  const d = new Date(pub);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + delta;
  return monthValue(Math.floor(total / 12), (total % 12) + 1);
}

export function findDateExpressions(
  text: string,
  start: number,
  end: number,
  published: string | null,
  context?: { month?: number; year?: number },
): DateExpression[] {
  const out: DateExpression[] = [];
  if (end <= start) return out;
  const pub = parsePublished(published);
  const ctxYear = context?.year;
  const re = DATE_AT;
  // Same matches as scanning with the global DATE_RE from `start`, but only inside the sentence.
  let p = nextKeyedWord(text, start, end, DATE_START_KEYS);
  while (p < end) {
    re.lastIndex = p;
    const m = re.exec(text);
    if (m === null) {
      p = nextKeyedWord(text, p + 1, end, DATE_START_KEYS);
      continue;
    }
    let raw = m[0];
    p = nextKeyedWord(text, m.index + raw.length, end, DATE_START_KEYS);
    if (m.index + raw.length > end) break;
    let past: DateValue | null = null;
    let future: DateValue | null = null;
    let relative = false;
    if (m[1]) {
      const mo = monthOf(m[1]);
      const d = Number(m[2]);
      if (m[3]) {
        const y = Number(m[3]);
        if (validDay(y, mo, d)) past = future = dayValue(Date.UTC(y, mo - 1, d));
      } else if (d >= 1 && d <= 31) [past, future] = inferYear(mo, d, pub, ctxYear);
    } else if (m[4]) {
      const mo = monthOf(m[5]!);
      const d = Number(m[4]);
      if (m[6]) {
        const y = Number(m[6]);
        if (validDay(y, mo, d)) past = future = dayValue(Date.UTC(y, mo - 1, d));
      } else [past, future] = inferYear(mo, d, pub, ctxYear);
    } else if (m[8]) {
      const word = m[8];
      // "May" alone is too often a verb: require a modifier, a year or a preceding "in"
      const hasIn = /^in\s/i.test(raw);
      if (/^may$/i.test(word) && !m[7] && !m[9] && !hasIn) continue;
      if (
        !m[7] &&
        !m[9] &&
        !hasIn &&
        /^(?:mar|march|jun|jul|aug|sep|oct|dec|jan|feb|apr|nov)\.?$/i.test(word) === false
      )
        continue;
      if (!m[7] && !m[9] && !hasIn) continue; // a bare month name without "in" is not an expression on its own
      const mo = monthOf(word);
      const mod = (m[7] ?? "").trim().toLowerCase().replace(/-$/, "");
      if (m[9]) past = future = monthValue(Number(m[9]), mo);
      else {
        [past, future] = inferMonthYear(
          mo,
          pub,
          ctxYear,
          mod === "last" || mod === "next" || mod === "this" ? mod : "",
        );
        relative = mod === "last" || mod === "next" || mod === "this";
      }
    } else if (m[11]) {
      relative = true;
      const wd = WEEKDAYS[m[11].slice(0, 3).toLowerCase()]!;
      const when = (m[10] ?? "").trim().toLowerCase();
      if (pub !== null) {
        const pwd = new Date(pub).getUTCDay();
        const back = (pwd - wd + 7) % 7;
        const fwd = (wd - pwd + 7) % 7;
        if (when === "last") past = future = dayValue(pub - (back === 0 ? 7 : back) * DAY);
        else if (when === "next") past = future = dayValue(pub + (fwd === 0 ? 7 : fwd) * DAY);
        else {
          past = dayValue(pub - back * DAY);
          future = dayValue(pub + fwd * DAY);
        }
      }
    } else if (m[13]) {
      relative = true;
      const w = m[13].toLowerCase();
      if (pub !== null) {
        if (w.startsWith("yesterday") || w === "last night") past = future = dayValue(pub - DAY);
        else if (w.startsWith("tomorrow")) past = future = dayValue(pub + DAY);
        else past = future = dayValue(pub);
      }
    } else if (m[14]) {
      relative = true;
      const w = m[14].toLowerCase().replace(/\s+/g, " ");
      if (pub !== null) {
        const unit = w.endsWith("week") ? "week" : w.endsWith("month") ? "month" : "year";
        const delta = /^(?:last|the past)/.test(w) ? -1 : /^(?:next|the coming)/.test(w) ? 1 : 0;
        const y = new Date(pub).getUTCFullYear();
        if (unit === "week") past = future = weekMonth(pub + delta * 7 * DAY);
        else if (unit === "month") past = future = shiftMonth(pub, delta);
        else past = future = yearValue(y + delta);
      }
    } else if (m[15]) {
      relative = true;
      const cw = m[15].toLowerCase();
      const count = /^\d/.test(cw) ? Number(cw) : (NUMBER_WORDS[cw] ?? Number.NaN);
      const unit = m[16]!.toLowerCase();
      if (pub !== null && Number.isFinite(count)) {
        if (unit === "day") past = future = dayValue(pub - count * DAY);
        else if (unit === "week") past = future = weekMonth(pub - count * 7 * DAY);
        else if (unit === "month") past = future = shiftMonth(pub, -count);
        else past = future = yearValue(new Date(pub).getUTCFullYear() - count);
      }
    } else if (m[17]) {
      past = future = yearValue(Number(m[17]));
    } else if (m[18]) {
      relative = true;
    } else {
      continue;
    }
    raw = raw.replace(/\s+$/, "");
    out.push({ start: m.index, end: m.index + raw.length, raw, past, future, relative });
  }
  return out;
}
