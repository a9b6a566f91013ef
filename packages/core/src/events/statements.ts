import type { Actor, EventType } from "@parley/schema";
import stanceData from "../../kb/lexicons/stance.json";
import type { MentionHit } from "../actors/mentions";
import type { Token } from "../text/tokens";
import { coordinated, findSubject, findTargets, ids, type MentionMap } from "./arguments";
import { isBarrier } from "./clauses";
import type { DraftEvent } from "./extract";
import type { TriggerMatch } from "./lexicon";
import type { Speech } from "./speech";

interface StanceFile {
  positive: string[];
  negative: string[];
  evaluative: string[];
  hostile: string[];
}

const STANCE = stanceData as StanceFile;
const toSet = (words: string[]) => new Set(words.filter((w) => !w.includes(" ")));
const toPhrases = (words: string[]) => words.filter((w) => w.includes(" ")).map((w) => w.split(" "));
const POSITIVE = toSet(STANCE.positive);
const NEGATIVE = toSet(STANCE.negative);
const EVALUATIVE = toSet(STANCE.evaluative);
const EVALUATIVE_PHRASES = toPhrases(STANCE.evaluative);
const HOSTILE = toSet(STANCE.hostile);
const HOSTILE_PHRASES = toPhrases(STANCE.hostile);
const POSITIVE_PHRASES = toPhrases(STANCE.positive);

/** Events a sentence's reported speech implies beyond its trigger words. */
export interface StatementContext {
  tokens: Token[];
  map: MentionMap;
  speech: Speech | null;
  events: DraftEvent[];
  actorOf: (id: string) => Actor | undefined;
  rootOf: (id: string) => string;
}

/**
 * Statement events implied by reported speech (see DECISIONS: "Statements", "Threats"):
 * - a speaker's judgement of the state of play ("said the talks were positive") is ASSESS;
 * - "called X a historic step" / "called X unacceptable" is SUPPORT / ACCUSE;
 * - a speaker announcing their own side's future or conditional military action is THREATEN;
 * - "X must …" in a speaker's words is a DEMAND on X;
 * - a speaker reporting the other side reneging or violating is ACCUSE.
 */
export function statementEvents(ctx: StatementContext): DraftEvent[] {
  const { tokens, speech, events } = ctx;
  const out: DraftEvent[] = [];
  const has = (type: EventType) => events.some((e) => e.type === type) || out.some((e) => e.type === type);
  const called = characterisation(ctx);
  if (called) out.push(called);
  if (!speech || speech.speaker.length === 0 || speech.verb < 0) return out;
  const speaker = speech.speaker;
  const content = tokens.slice(speech.contentStart, speech.contentEnd);
  const verbToken = tokens[speech.verb];
  const at = (lemma: string): TriggerMatch => ({
    type: "ASSESS",
    pos: "phrase",
    lemma,
    form: "phrase",
    start: Math.max(0, speech.verb),
    end: Math.max(0, speech.verb) + 1,
    head: Math.max(0, speech.verb),
  });
  const sameSide = (id: string) => speaker.some((s) => ctx.rootOf(s) === ctx.rootOf(id));

  // Threats: the speaker's side will (or would) strike.
  const military = events.find(
    (e) =>
      e.type === "MILITARY" &&
      e.status !== "occurred" &&
      e.status !== "negated" &&
      (e.source.length === 0 || e.source.some(sameSide)),
  );
  const warns = verbToken && /^(warn|warned|warning|vowed|vows|threatened|threatens)$/.test(verbToken.lower);
  // A warning about another party's strikes ("warned that Israel's offensive would cause casualties") is no threat.
  const warnedStrike = events.some((e) => e.type === "MILITARY" && (e.source.length === 0 || e.source.some(sameSide)));
  if ((military || (warns && warnedStrike)) && !has("THREATEN")) {
    const target = military?.target.length ? military.target : [];
    out.push({ ...draft("THREATEN", at("threat"), speaker, target), attributedTo: speech.outlet });
  }
  // "X must …": a demand on X.
  for (let k = 0; k < content.length; k++) {
    if (content[k]!.lower !== "must" || has("DEMAND")) continue;
    const m = ctx.map.mentionAt(speech.contentStart + k - 1);
    if (m)
      out.push({
        ...draft(
          "DEMAND",
          at("must"),
          speaker,
          ids([m]).filter((id) => !speaker.includes(id)),
        ),
        attributedTo: speech.outlet,
      });
  }
  // Reneging or violating, reported by someone else: an accusation by the speaker.
  const breach = events.find(
    (e) =>
      (e.type === "REJECT" && /^(renege|backtrack)/.test(e.trigger.lemma)) ||
      (e.type === "ACCUSE" && /violat|breach/.test(e.trigger.lemma)),
  );
  if (
    breach?.source.length &&
    !breach.source.some((id) => speaker.includes(id)) &&
    !events.some((e) => e.type === "ACCUSE" && e.source.some((id) => speaker.includes(id)))
  ) {
    out.push({ ...draft("ACCUSE", at("accuse"), speaker, breach.source), attributedTo: speech.outlet });
  }
  // Hostile conduct ascribed to another party ("said Hamas was working to harm Egypt", "says Israel is impeding aid").
  const accused = !has("ACCUSE") ? hostileActor(ctx, speech.contentStart, speech.contentEnd) : null;
  if (accused && !accused.some(sameSide)) {
    out.push({ ...draft("ACCUSE", at("accuse"), speaker, accused), attributedTo: speech.outlet });
  }
  // A judgement of the state of play.
  if (!has("ASSESS") && evaluative(content)) {
    out.push({ ...draft("ASSESS", at("assess"), speaker, []), attributedTo: speech.outlet });
  }
  return out;
}

/** "called the deal a historic step" → SUPPORT; "called the killings unacceptable" → ACCUSE. */
function characterisation(ctx: StatementContext): DraftEvent | null {
  const { tokens, map } = ctx;
  for (let k = 0; k < tokens.length; k++) {
    const w = tokens[k]!.lower;
    if (
      w !== "called" &&
      w !== "calls" &&
      w !== "calling" &&
      w !== "described" &&
      w !== "describing" &&
      w !== "branded" &&
      w !== "hailed"
    )
      continue;
    if (tokens[k + 1]?.lower === "for" || tokens[k + 1]?.lower === "on" || tokens[k + 1]?.lower === "off") continue;
    let polarity = 0;
    let polarAt = k;
    for (let j = k + 1; j < Math.min(tokens.length, k + 10); j++) {
      const x = tokens[j]!.lower;
      if (POSITIVE.has(x) || POSITIVE_PHRASES.some((p) => p.every((pw, i) => tokens[j + i]?.lower === pw)))
        polarity = 1;
      if (NEGATIVE.has(x)) polarity = -1;
      polarAt = j;
      if (polarity) break;
    }
    if (!polarity) continue;
    const trigger: TriggerMatch = {
      type: polarity > 0 ? "SUPPORT" : "ACCUSE",
      pos: "verb",
      lemma: "call",
      form: "past",
      start: k,
      end: k + 1,
      head: k,
    };
    let subject: string[] = ids(findSubject(map, trigger, false));
    for (let j = k - 1; subject.length === 0 && j >= 0; j--) {
      const m = map.mentionAt(j);
      if (m && !/^(of|in|for|with|to|by)$/.test(tokens[m.start - 1]?.lower ?? "")) {
        subject = ids([m]);
        break;
      }
      if (tokens[j]!.text === ";" || (tokens[j]!.text === "," && tokens[j + 1]?.lower === "while")) break;
    }
    if (!subject.length) continue;
    // The one blamed: the object, or whoever the judgement names ("a failure of X's policy").
    // "called it 'Russian barbarism'": "it" is the act judged; the party is the one the label names.
    const objects = polarity < 0 ? findTargets(map, trigger, "ACCUSE") : [];
    const thing = objects.length === 1 && /^(it|this|that)$/.test(tokens[objects[0]!.start]?.lower ?? "");
    let target = thing ? [] : ids(objects);
    if (polarity < 0 && target.length === 0) {
      // The label itself may name the party ("Russian barbarism"), or what follows it ("a failure of X's policy").
      for (let j = thing ? k + 2 : polarAt + 1; j < Math.min(tokens.length, polarAt + 8); j++) {
        if (tokens[j]!.text === "," || tokens[j]!.text === ";") break;
        const m = map.mentionAt(j);
        if (m && !m.anaphoric) {
          target = ids([m]);
          break;
        }
      }
    }
    return draft(
      trigger.type,
      trigger,
      subject,
      target.filter((id) => !subject.includes(id)),
    );
  }
  return null;
}

/** The party whose conduct a hostile word describes: the nearest subject-like name before it in the content. */
function hostileActor(ctx: StatementContext, from: number, to: number): string[] | null {
  const { tokens, map } = ctx;
  for (let k = Math.max(0, from); k < Math.min(to, tokens.length); k++) {
    const w = tokens[k]!.lower;
    if (!HOSTILE.has(w) && !HOSTILE_PHRASES.some((p) => p.every((pw, i) => tokens[k + i]?.lower === pw))) continue;
    // Walk back to the start of the clause; its earliest name not governed by a preposition is the subject.
    let subject: MentionHit | null = null;
    for (let j = k - 1; j >= Math.max(0, from) && j >= k - 12; j--) {
      if (isBarrier(tokens, j) || tokens[j]!.lower === "that") break;
      const m = map.mentionAt(j);
      if (!m) continue;
      j = m.start;
      if (!m.possessive && !/^(of|to|for|with|by|in|on|at|from|against)$/.test(tokens[m.start - 1]?.lower ?? ""))
        subject = m;
    }
    if (!subject) return [];
    // "X was cooperating with Y and Z to harm …": the partners in the conduct are accused with X.
    const partners: MentionHit[] = [];
    for (let j = subject.end; j < k; j++) {
      const m = tokens[j]!.lower === "with" ? map.mentionAt(j + 1) : undefined;
      if (m && m.start === j + 1) partners.push(...coordinated(map, m));
    }
    return [...new Set(ids([...coordinated(map, subject), ...partners]))];
  }
  return null;
}

function evaluative(content: Token[]): boolean {
  for (let i = 0; i < content.length; i++) {
    if (EVALUATIVE.has(content[i]!.lower)) return true;
    if (EVALUATIVE_PHRASES.some((p) => p.every((w, k) => content[i + k]?.lower === w))) return true;
  }
  return false;
}

function draft(type: EventType, trigger: TriggerMatch, source: string[], target: string[]): DraftEvent {
  return { type, trigger: { ...trigger, type }, source, target, mediators: [], status: "occurred", attributedTo: null };
}
