import type { EventDate, EventType } from "@parley/schema";
import type { DraftEvent } from "../events/extract";
import { findTriggers } from "../events/lexicon";
import { NUMBER_UNITS } from "../text/number-words";
import { type Token, tokenize } from "../text/tokens";
import { type DateExpression, type DateValue, findDateExpressions } from "./resolve";

/** Time expressions of one sentence, resolved against the publication date. */
export function sentenceDates(text: string, start: number, end: number, published: string | null): DateExpression[] {
  return findDateExpressions(text, start, end, published);
}

/** The sentence a headline summarises: the first running-text sentence after it. */
export interface LeadSentence {
  tokens: Token[];
  dates: DateExpression[];
}

/** The lead sentence for the headline at `index`: the first following sentence that is not a headline. */
export function leadSentence(
  text: string,
  sentences: ReadonlyArray<{ start: number; end: number; headline: boolean }>,
  index: number,
  published: string | null,
): LeadSentence | null {
  for (let i = index + 1; i < sentences.length; i++) {
    const s = sentences[i]!;
    if (s.headline) continue;
    return { tokens: tokenize(text, s.start, s.end), dates: sentenceDates(text, s.start, s.end, published) };
  }
  return null;
}

/**
 * The date of an event, from the time expressions of its sentence (the past reading for reports, the future one
 * for plans):
 * - the expression nearest the trigger dates it, except expressions that date something else: the start of a
 *   period ("since October 2012"), a date that modifies another noun ("rejected the July 17 declaration"), and,
 *   for plans, the date of the statement that reports them ("we will attack," he said on Tuesday);
 * - "the next morning", "the same day", "two days later", "earlier in the day" count from the date before them
 *   in the sentence or in the preceding sentence;
 * - a report with no date of its own continues the preceding sentence's date; a sentence that names only a year
 *   or a period start is background and stays undated;
 * - a plan without a date of its own, and a hypothetical action, stay undated;
 * - a headline is dated like the lead event it summarises (the lead's event of the same type, else its main
 *   event), or on the publication date when the lead has no date.
 * Year-only readings give null.
 */
export interface EventDateInput {
  /** Time expressions of the event's sentence. */
  dates: DateExpression[];
  tokens: Token[];
  draft: DraftEvent;
  /** Time expressions of the preceding sentence, which may date related events. */
  previousDates: DateExpression[];
  published: string | null;
  headline: boolean;
  /** For a headline: the lead sentence it summarises. */
  lead?: LeadSentence | null;
}

const REPORTING =
  /^(said|says|say|told|tells|tell|added|adds|adding|announced|announces|stated|states|according|quoted|quoting|reported|reports|insisted|insists|warned|warns)$/;
const SINCE = /^(since)$/;
const DAY = 86_400_000;

export function resolveEventDate(input: EventDateInput): EventDate | null {
  const { dates, tokens, draft, previousDates, published, headline, lead } = input;
  // a conditional action has no date of its own unless one follows it as for a plan ("would meet again later today")
  const status = draft.status === "hypothetical" ? "planned" : draft.status;
  if (draft.status === "hypothetical" && headline) return null;
  // "after weeks of shuttle diplomacy", "five days of talks": an activity spread over a span
  const span = spanOf(tokens, draft.trigger.start);
  if (span === "long") return null;
  if (span === "days") {
    const month = dates.map((d) => d.past ?? d.future).find((v) => v && v.precision !== "year");
    const value = month?.value.slice(0, 7) ?? published?.slice(0, 7);
    return value ? { value, precision: "month", raw: "" } : null;
  }
  if (headline) {
    const fromLead = lead ? leadDate(lead, draft.type) : null;
    if (fromLead) return fromLead;
    // the lead's event has no date of its own: a present-tense headline is the day's news
    if (dates.length === 0) return published && status === "occurred" ? dayOf(published) : null;
  }
  const own = ownExpression(
    dates,
    tokens,
    draft.trigger.start,
    draft.trigger.end,
    status,
    draft.type,
    draft.status === "hypothetical",
  );
  if (own) {
    const value = readingOf(own, looksForward(own, tokens) ? "planned" : status, dates, previousDates);
    return value ? { value: value.value, precision: value.precision, raw: own.raw } : null;
  }
  // "would continue for three more days", "are to meet within five days": a plan's span gives its month
  if (status === "planned" && published && draft.status === "planned") {
    const span = spanAhead(tokens, draft.trigger.end, published);
    if (span) return span;
  }
  // No usable expression of its own: a sentence with a time frame of its own does not continue the previous one.
  if (status === "planned" || status === "negated") return null;
  // "have been handed to the Red Cross": a state reported as of now is dated on publication
  if (published && !STATEMENTS.has(draft.type) && presentBe(tokens, draft.trigger.start, draft.type))
    return dayOf(published);
  if (dates.some((d) => !looksForward(d, tokens))) return null;
  // "during the pause": the truce now in force, in the month of publication
  const during = duringTruce(tokens);
  if (during && published) return { value: published.slice(0, 7), precision: "month", raw: during };
  const carried = relatedToPrevious(previousDates, tokens, draft.type) ? mainExpression(previousDates) : null;
  if (carried) {
    const value = readingOf(carried, "occurred", previousDates, []);
    if (value?.precision === "day") return { value: value.value, precision: value.precision, raw: carried.raw };
  }
  return null;
}

/** "five days of talks" → "days"; "weeks of mediation", "months of diplomacy" → "long"; else null. */
function spanOf(tokens: Token[], start: number): "days" | "long" | null {
  let i = start - 1;
  // skip adjectives and demonyms between "of" and the noun ("weeks of indirect negotiations", "US shuttle diplomacy")
  for (let k = 0; k < 3 && i >= 0 && tokens[i]!.lower !== "of" && tokens[i]!.kind === "word"; k++) i--;
  if (tokens[i]?.lower !== "of") return null;
  const unit = tokens[i - 1]?.lower ?? "";
  if (/^(weeks|months|years)$/.test(unit)) return "long";
  if (unit === "days" && /^(two|three|four|five|six|seven|several|few|\d+)$/.test(tokens[i - 2]?.lower ?? ""))
    return "days";
  return null;
}

const SPAN_COUNT: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, few: 3, several: 5 };

/** "for three more days", "within five days", "in two weeks" after a plan's trigger: the month it falls in (spans up
 * to two weeks). */
function spanAhead(tokens: Token[], from: number, published: string): EventDate | null {
  for (let i = from; i + 2 < tokens.length && i < from + 8; i++) {
    if (!/^(for|within|in)$/.test(tokens[i]!.lower)) continue;
    let j = i + 1;
    const word = tokens[j]!.lower;
    const n = /^\d+$/.test(word) ? Number(word) : SPAN_COUNT[word];
    if (n === undefined) continue;
    j++;
    if (/^(more|extra|further)$/.test(tokens[j]?.lower ?? "")) j++;
    const unit = tokens[j]?.lower ?? "";
    if (!/^(days|weeks)$/.test(unit)) continue;
    const days = n * (unit === "weeks" ? 7 : 1);
    // a long span ("within 135 days") is a deadline for terms, not when the plan happens
    if (days > 14) return null;
    const t = Date.parse(`${published}T00:00:00Z`) + days * DAY;
    if (Number.isNaN(t)) return null;
    const d = new Date(t);
    const raw = tokens
      .slice(i, j + 1)
      .map((x) => x.text)
      .join(" ");
    return { value: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`, precision: "month", raw };
  }
  return null;
}

const STATEMENTS = new Set<EventType>(["ASSESS", "ACCUSE", "DEMAND", "APPEAL", "SUPPORT", "REJECT", "THREATEN"]);

/**
 * A state reported as of now: "have been handed over" (present perfect passive), "are in Doha for talks"
 * (presence), a truce that "has entered its fifth day".
 */
function presentBe(tokens: Token[], start: number, type: EventType): boolean {
  const w1 = tokens[start - 1]?.lower ?? "";
  const w2 = tokens[start - 2]?.lower ?? "";
  if (w1 === "been" && (w2 === "has" || w2 === "have")) return true;
  if (type === "CEASEFIRE" && (w1 === "has" || w1 === "have")) return true;
  for (let i = Math.min(start + 1, tokens.length - 1); i >= 1 && i >= start - 6; i--) {
    const t = tokens[i]!;
    if (t.kind === "punct") break;
    if (/^(in|at)$/.test(t.lower) && /^(is|are)$/.test(tokens[i - 1]!.lower) && tokens[i + 1]?.cap) return true;
  }
  return false;
}

const TRUCE_NOUN = /^(pause|truce|ceasefire|cease-fire|lull|talks|negotiations)$/;

/** "during the pause", "during the truce": the period of the truce or talks under way. */
function duringTruce(tokens: Token[]): string | null {
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i]!.lower !== "during" || tokens[i + 1]!.lower !== "the") continue;
    if (TRUCE_NOUN.test(tokens[i + 2]!.lower)) return `during the ${tokens[i + 2]!.text}`;
  }
  return null;
}

const FUTURE_MARK = /^(will|would|should|shall|to|due|until|by)$/;

/** "should start on March 10", "by March 10", "to launch an offensive … by March 10": a date looking forward. */
function looksForward(d: DateExpression, tokens: Token[]): boolean {
  if (/^(by|until)\b/i.test(d.raw)) return true;
  const at = tokenAt(tokens, d.start);
  for (let i = at - 1; i >= 0 && i >= at - 8; i--) {
    const t = tokens[i]!;
    if (t.kind === "punct") return false;
    if (FUTURE_MARK.test(t.lower)) return true;
  }
  return false;
}

/** The expressions of a sentence that may date the next one: not background, not modifiers of a noun. */
export function carriedDates(dates: DateExpression[], tokens: Token[]): DateExpression[] {
  if (dates.some((d) => isBackground(d, tokens))) return [];
  const kept = dates.filter((d) => modifiedNoun(d, tokens) < 0 && !inRelativeClause(d, tokens, -1));
  sentenceTypes.set(kept, new Set(triggersOf(tokens).map((t) => t.type)));
  return kept;
}

/** Event types named in the sentence whose dates were carried on. */
const sentenceTypes = new WeakMap<DateExpression[], Set<EventType>>();
/** Words that tie a sentence to the moment of the one before ("Hours later", "afterwards", "then"). */
const SEQUEL = /^(later|afterwards|afterward|then|meanwhile|also|further|again)$/;

/** A related event: of a type the preceding sentence reports, or told as its sequel. */
function relatedToPrevious(previous: DateExpression[], tokens: Token[], type: EventType): boolean {
  if (tokens.some((t) => SEQUEL.test(t.lower))) return true;
  return sentenceTypes.get(previous)?.has(type) ?? false;
}

/** The headline's date: the date of the lead's event of the same type, else of its first event. */
function leadDate(lead: LeadSentence, type: EventType): EventDate | null {
  const triggers = triggersOf(lead.tokens);
  const same = triggers.find((t) => t.type === type) ?? triggers.find((t) => t.pos === "verb") ?? triggers[0];
  if (!same) return null;
  const own = ownExpression(lead.dates, lead.tokens, same.start, same.end, "occurred", type);
  if (!own) return null;
  const value = readingOf(own, "occurred", lead.dates, []);
  return value ? { value: value.value, precision: value.precision, raw: own.raw } : null;
}

function dayOf(published: string): EventDate | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(published) ? { value: published, precision: "day", raw: "" } : null;
}

/** Index of the first token starting at or after `offset`. */
function tokenAt(tokens: Token[], offset: number): number {
  let i = 0;
  while (i < tokens.length && tokens[i]!.start < offset) i++;
  return i;
}

/** "since October 2012", "since they opened in Oslo in October 2012": the start of a period. */
function sinceIndex(d: DateExpression, tokens: Token[]): number {
  if (/^since\b/i.test(d.raw)) return tokenAt(tokens, d.start);
  const at = tokenAt(tokens, d.start);
  for (let i = at - 1; i >= 0 && i >= at - 8; i--) {
    const t = tokens[i]!;
    if (t.kind === "punct") return -1;
    if (SINCE.test(t.lower)) return i;
  }
  return -1;
}

/** An expression that says only a year, or the start of a period, dates background, not the news. */
function isBackground(d: DateExpression, tokens: Token[]): boolean {
  const v = d.past ?? d.future;
  if (v && v.precision === "year") return true;
  return sinceIndex(d, tokens) >= 0;
}

/** "the July 17 declaration": a date used as a modifier of the noun after it. */
function modifiedNoun(d: DateExpression, tokens: Token[]): number {
  const at = tokenAt(tokens, d.start);
  const before = tokens[at - 1]?.lower;
  if (before !== "the" && before !== "a" && before !== "that") return -1;
  const after = tokenAt(tokens, d.end);
  const next = tokens[after];
  if (next?.kind !== "word" || next.cap) return -1;
  return after;
}

const triggerCache = new WeakMap<Token[], ReturnType<typeof findTriggers>>();
function triggersOf(tokens: Token[]): ReturnType<typeof findTriggers> {
  let found = triggerCache.get(tokens);
  if (!found) {
    found = findTriggers(tokens);
    triggerCache.set(tokens, found);
  }
  return found;
}

/** ", who takes office on Monday,": an expression inside a relative clause that does not hold the trigger. */
function inRelativeClause(d: DateExpression, tokens: Token[], trigger: number): boolean {
  const at = tokenAt(tokens, d.start);
  let open = -1;
  for (let i = at - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.kind === "punct") {
      if (t.text === "," && /^(who|which|whose)$/.test(tokens[i + 1]?.lower ?? "")) open = i;
      break;
    }
  }
  if (open < 0) return false;
  let close = tokens.length;
  for (let i = at; i < tokens.length; i++) {
    if (tokens[i]!.kind === "punct") {
      close = i;
      break;
    }
  }
  return trigger < open || trigger >= close;
}

/** The index of the first punctuation token at or after `from` (the end of its clause). */
function clauseEnd(tokens: Token[], from: number): number {
  for (let i = from; i < tokens.length; i++) if (tokens[i]!.kind === "punct") return i;
  return tokens.length;
}

/** No punctuation between tokens `from` and `to`. */
function sameClause(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (tokens[i]!.kind === "punct") return false;
  return true;
}

const SUBORDINATOR = /^(after|before|since|until)$/;

/** A comma-set after/before clause separates the trigger from the expression (not "after Thursday's signing"). */
function subordinateBetween(tokens: Token[], start: number, end: number, first: number, last: number): boolean {
  const [from, to] = first >= end ? [end, first] : [last, start];
  for (let i = from; i < to; i++) {
    if (!SUBORDINATOR.test(tokens[i]!.lower) || tokens[i - 1]?.text !== ",") continue;
    if (i + 1 === first || (i + 2 === first && tokens[i + 1]!.lower === "the")) continue;
    return true;
  }
  return false;
}

function reportingBetween(tokens: Token[], from: number, to: number): boolean {
  for (let i = Math.max(0, from); i < Math.min(tokens.length, to); i++)
    if (REPORTING.test(tokens[i]!.lower)) return true;
  return false;
}

/** The expression that dates the event whose trigger spans tokens [start, end), if any. */
function ownExpression(
  dates: DateExpression[],
  tokens: Token[],
  start: number,
  end: number,
  status: DraftEvent["status"],
  type: EventType,
  conditional = false,
): DateExpression | null {
  const at = tokens[start]?.start ?? 0;
  const triggers = triggersOf(tokens);
  let best: DateExpression | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const d of dates) {
    const v = d.past ?? d.future;
    if (v && v.precision === "year") continue;
    const since = sinceIndex(d, tokens);
    if (since >= 0 && (start < since || start >= clauseEnd(tokens, since))) continue;
    const noun = modifiedNoun(d, tokens);
    if (noun >= 0 && !triggers.some((t) => t.start === noun && t.type === type)) continue;
    const first = tokenAt(tokens, d.start);
    const last = tokenAt(tokens, d.end);
    // "the first of two extra days agreed on Monday": a date right after another event's verb is that event's
    // (unless that verb is the event's own predicate: "Fighting resumed in late August")
    if (triggers.some((t) => t.pos !== "noun" && t.type !== type && t.end === first && t.start > end)) continue;
    if (status === "planned") {
      // a plan's own date follows it or stands in its clause ("due in Cairo Wednesday for talks"); a date across a
      // reporting verb is the statement's
      if (first < end && (conditional || !sameClause(tokens, last, start))) continue;
      if (reportingBetween(tokens, Math.min(end, last), Math.max(start, first))) continue;
    }
    // "…on Friday, after Hamas rejected the talks": a clause set off by ", after" has a time of its own
    if (subordinateBetween(tokens, start, end, first, last)) continue;
    let distance = d.start >= at ? d.start - at : (at - d.end) * 1.5;
    // a date across a reporting verb belongs to the statement rather than to the reported event
    if (reportingBetween(tokens, Math.min(end, last), Math.max(start, first))) distance *= 3;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = d;
    }
  }
  return best;
}

/** The expression that carries into the next sentence: its first dated one that is not background. */
function mainExpression(dates: DateExpression[]): DateExpression | null {
  for (const d of dates) {
    const v = d.past ?? d.future;
    if (!v && !d.relative) continue;
    if (v && v.precision === "year") continue;
    if (/^since\b/i.test(d.raw)) continue;
    return d;
  }
  return null;
}

const RELATIVE =
  /^(?:the\s)?(next|following|same|previous|day\s(?:before|after))?\s?(?:(day|morning|afternoon|evening|night|week|month)\s?)?(before|after)?$/i;
const COUNTED =
  /^(a|one|two|three|four|five|six|seven|eight|nine|ten|several|\d{1,2})\s(days?|weeks?|months?)\s(after|before|later|earlier)$/i;
const WORDS: Record<string, number> = {
  a: 1,
  ...NUMBER_UNITS,
};

/** The reading of an expression; relative ones ("the next morning") count from the date before them. */
function readingOf(
  d: DateExpression,
  status: DraftEvent["status"],
  sentence: DateExpression[],
  previous: DateExpression[],
): DateValue | null {
  const raw = d.raw.toLowerCase().replace(/\s+/g, " ");
  const sameDay = /^(?:earlier|later) (?:in )?the day$/.test(raw);
  if (!sameDay && (d.past || d.future)) {
    const v = status === "planned" ? (d.future ?? d.past) : (d.past ?? d.future);
    return v && v.precision !== "year" ? v : null;
  }
  const anchor = anchorBefore(d, sentence) ?? lastDay(previous);
  if (!anchor) return sameDay ? (d.past ?? null) : null;
  const base = Date.parse(`${anchor.value}T00:00:00Z`);
  if (sameDay) return anchor;
  let shift: number | null = null;
  let unit = "day";
  const counted = COUNTED.exec(raw);
  if (counted) {
    const n = /^\d/.test(counted[1]!) ? Number(counted[1]) : WORDS[counted[1]!];
    if (n === undefined) return null;
    unit = counted[2]!.replace(/s$/, "");
    // "two days later" counts forward; "a week after Moscow accused…" puts the clause's event before the anchor
    shift = /before|later/.test(counted[3]!) ? n : -n;
    if (unit === "week") {
      unit = "day";
      shift *= 7;
    }
  } else {
    const m = RELATIVE.exec(raw);
    if (!m) return null;
    const word = m[1] ?? "";
    unit = m[2] ?? "day";
    if (/^(next|following)$/.test(word) || word === "day after") shift = 1;
    else if (word === "previous" || word === "day before") shift = -1;
    else if (word === "same") shift = 0;
    if (word === "day after" || word === "day before") unit = "day";
  }
  if (shift === null) return null;
  if (unit === "month") {
    const dt = new Date(base);
    const total = dt.getUTCFullYear() * 12 + dt.getUTCMonth() + shift;
    return { value: `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`, precision: "month" };
  }
  const t = base + shift * (unit === "week" ? 7 : 1) * DAY;
  const dt = new Date(t);
  const ym = `${dt.getUTCFullYear()}-${String(dt.getUTCMonth() + 1).padStart(2, "0")}`;
  if (unit === "week") return { value: ym, precision: "month" };
  return { value: `${ym}-${String(dt.getUTCDate()).padStart(2, "0")}`, precision: "day" };
}

function anchorBefore(d: DateExpression, sentence: DateExpression[]): DateValue | null {
  let found: DateValue | null = null;
  for (const e of sentence) {
    if (e.start >= d.start) break;
    if (e.past?.precision === "day") found = e.past;
  }
  return found;
}

function lastDay(dates: DateExpression[]): DateValue | null {
  let found: DateValue | null = null;
  for (const e of dates) if (e.past?.precision === "day") found = e.past;
  return found;
}
