import type { EventType } from "@parley/schema";
import type { MentionHit } from "../actors/mentions";
import { PEOPLE_NOUNS, PREPOSITIONS } from "../actors/words";
import { isPossessive, type Token } from "../text/tokens";
import { isBarrier, RELATIVE_PRONOUNS, SPEECH_VERBS } from "./clauses";
import type { TriggerMatch } from "./lexicon";

/** Mentions of a sentence indexed by token for argument search. */
export class MentionMap {
  private readonly at: Array<MentionHit | undefined>;

  /** Relative clauses and appositives set off by commas (", which …,", ", the …,"): `[start, end)` token spans. */
  readonly asides: Array<[number, number]> = [];

  constructor(
    readonly tokens: Token[],
    readonly mentions: MentionHit[],
  ) {
    this.at = new Array(tokens.length);
    for (const m of mentions) for (let k = m.start; k < m.end; k++) this.at[k] = m;
    for (let r = 1; r < tokens.length; r++) {
      if (tokens[r - 1]!.text !== ",") continue;
      const w = tokens[r]!.lower;
      // ", which …,", ", the US mediator,", ", Azerbaijan's closest ally,"
      const possessiveAside = tokens[r]!.cap && (tokens[r + 1]?.lower === "'s" || tokens[r + 1]?.lower === "’s");
      // ", its deputy leader in Gaza,": a possessive pronoun opens an appositive too.
      const pronounAside = /^(its|his|her|their)$/.test(w);
      // ", secretary of the council,", ", deputy head of the committee,": a bare title noun phrase.
      const titleAside =
        !tokens[r]!.cap &&
        (TITLE_NOUN.test(w) ||
          (/^(deputy|senior|former|chief)$/.test(w) && TITLE_NOUN.test(tokens[r + 1]?.lower ?? "")));
      if (
        !RELATIVE_PRONOUNS.has(w) &&
        !(w === "the" || w === "a" || w === "an") &&
        !possessiveAside &&
        !pronounAside &&
        !titleAside
      )
        continue;
      let end = r + 1;
      while (end < tokens.length && tokens[end]!.text !== "," && !isBarrier(tokens, end)) end++;
      if (tokens[end]?.text === ",") this.asides.push([r - 1, end + 1]);
    }
  }

  /** The aside holding token k, unless it also holds `except`. */
  asideAt(k: number, except: number): [number, number] | undefined {
    return this.asides.find(([a, b]) => k >= a && k < b && !(except >= a && except < b));
  }

  mentionAt(k: number): MentionHit | undefined {
    return this.at[k];
  }

  /** The mention ending right before token k (possibly with modifiers between). */
  endingBefore(k: number, maxGap = 0): MentionHit | undefined {
    for (let g = 0; g <= maxGap; g++) {
      const m = this.at[k - 1 - g];
      if (m && m.end === k - g) return m;
      const t = this.tokens[k - 1 - g];
      if (!t || t.kind === "punct") return undefined;
    }
    return undefined;
  }
}

const TITLE_NOUN =
  /^(chief|director|head|envoy|minister|president|spokesman|spokeswoman|leader|commander|secretary|secretary-general|adviser|advisor|negotiator|ambassador|official)$/;

/** Is mention m the object of a preposition (so not a subject)? */
function inPrepPhrase(tokens: Token[], m: MentionHit): string | null {
  let at = m.start - 1;
  if (tokens[at]?.lower === "the" || tokens[at]?.lower === "both") at--;
  const before = tokens[at]?.lower;
  // "commanders from both sides", "members of the Taliban negotiating team": the people named stand for X.
  if ((before === "from" || before === "of") && PEOPLE_NOUNS.test(tokens[at - 1]?.lower ?? "")) return null;
  const direct = tokens[m.start - 1]?.lower;
  if (direct && PREPOSITIONS.has(direct)) return direct;
  return null;
}

/** A list of mentions coordinated with m ("X, Y and Z"), walking left and right. */
export function coordinated(map: MentionMap, m: MentionHit): MentionHit[] {
  const out = [m];
  const tokens = map.tokens;
  let closedOnLeft = false;
  let left = m;
  for (;;) {
    let s0 = left.start - 1;
    // "CIA Director William Burns and Mossad chief David Barnea": skip the title and its owner.
    for (let g = 0; g < 5 && s0 >= 0; g++) {
      const t = tokens[s0]!;
      const owner = map.mentionAt(s0);
      // "UN Secretary-General Antonio Guterres": a hyphenated title is split into words and an inner hyphen.
      const innerHyphen =
        t.text === "-" &&
        tokens[s0 - 1]?.end === t.start &&
        tokens[s0 + 1]?.start === t.end &&
        TITLE_NOUN.test(tokens[s0 - 1]!.lower);
      if ((TITLE_NOUN.test(t.lower) || t.lower === "general" || innerHyphen) && !owner) s0--;
      else if (owner && owner.end === s0 + 1 && TITLE_NOUN.test(tokens[s0 + 1]?.lower ?? "")) s0 = owner.start - 1;
      else break;
    }
    if (tokens[s0]?.lower === "the" || tokens[s0]?.lower === "other") s0--;
    // "… and el-Sisi as well as other Egyptian officials"
    if (tokens[s0]?.lower === "as" && tokens[s0 - 1]?.lower === "well" && tokens[s0 - 2]?.lower === "as") s0 -= 2;
    const sep = tokens[s0];
    if (!sep || !(sep.lower === "and" || sep.text === "," || sep.text === "-" || sep.lower === "as")) break;
    let k = s0 - 1;
    if (sep.lower === "and" && tokens[k]?.text === ",") k--;
    // "Zalmay Khalilzad, Washington's peace envoy, and Mullah Abdul Ghani Baradar": jump over the appositive.
    const aside = map.asides.find(([, end]) => end === k + 2 || end === k + 1);
    if (aside && !map.mentionAt(k)?.actorIds.length) k = aside[0] - 1;
    else if (aside && map.mentionAt(k) && map.mentionAt(k)!.start > aside[0]) k = aside[0] - 1;
    const prev = map.mentionAt(k);
    if (!prev || prev.end !== k + 1 || prev.anaphoric) break;
    // "… Guterres and Erdogan, and Zelensky called it …": a list already closed by "and" does not go on after ", and";
    // the new clause starts there.
    if (sep.lower === "and" && tokens[s0 - 1]?.text === "," && tokens[prev.start - 1]?.lower === "and") break;
    if (sep.lower === "and" && tokens[s0 - 1]?.text !== ",") closedOnLeft = true;
    out.unshift(prev);
    left = prev;
  }
  let right = m;
  // Set once two items are joined by a bare "and": a later ", and" starts a new clause, not a third item.
  let closed = closedOnLeft;
  for (;;) {
    let k = right.end;
    if (closed && tokens[k]?.text === "," && tokens[k + 1]?.lower === "and") break;
    // "Musaed al-Aiban, the kingdom's national security adviser, together with …": jump over the appositive.
    const aside = map.asides.find(([a]) => a === k);
    if (aside && tokens[aside[1] - 1]?.text === "," && /^(and|together|along|as)$/.test(tokens[aside[1]]?.lower ?? ""))
      k = aside[1] - 1;
    if (tokens[k]?.text === ",") k++;
    if (/^(and|as|along|together)$/.test(tokens[k]?.lower ?? "")) {
      if (tokens[k]?.lower === "as" && tokens[k + 1]?.lower === "well" && tokens[k + 2]?.lower === "as") k += 3;
      else if (/^(along|together)$/.test(tokens[k]!.lower) && tokens[k + 1]?.lower === "with") k += 2;
      else if (tokens[k]!.lower !== "and" && tokens[k]!.lower !== "as") break;
      else k++;
    } else if (tokens[k]?.text === "-" && k === right.end) k++;
    else if (k === right.end) break;
    if (tokens[k]?.lower === "the" && map.mentionAt(k)?.start !== k) k++;
    // "along with foreign ministers of France, Jordan and …": the people stand for their states.
    if (!map.mentionAt(k)) {
      let j = k;
      while (j < k + 3 && tokens[j]?.kind === "word" && !tokens[j]!.cap && !PEOPLE_NOUNS.test(tokens[j]!.lower)) j++;
      if (PEOPLE_NOUNS.test(tokens[j]?.lower ?? "") && /^(of|from)$/.test(tokens[j + 1]?.lower ?? "")) k = j + 2;
    }
    const next = map.mentionAt(k);
    if (!next || next.start !== k || next.anaphoric) break;
    // "Wang Yi, the Communist Party's top official": an owner inside an appositive, not another party.
    const afterComma = tokens[k - 1]?.text === "," || (tokens[k - 1]?.lower === "the" && tokens[k - 2]?.text === ",");
    if (next.possessive && afterComma) break;
    // "… along with Egyptian mediators, Ahmed said": the reporter closes the sentence, not the list.
    if (afterComma && SPEECH_VERBS.has(tokens[next.end]?.lower ?? "")) break;
    if (tokens[k - 1]?.lower === "and" && tokens[k - 2]?.text !== ",") closed = true;
    out.push(next);
    right = next;
  }
  return out;
}

/** "Biden's envoy, Brett McGurk": the person named after a possessor's title, who is the one meant. */
export function appositiveHolder(map: MentionMap, m: MentionHit): MentionHit | undefined {
  if (!m.possessive) return undefined;
  const tokens = map.tokens;
  // The title and the name may already be one mention ("envoy, Brett McGurk").
  const next = map.mentionAt(m.end);
  if (next && next.start === m.end && TITLE_NOUN.test(tokens[m.end]!.lower)) return next;
  let j = m.end;
  while (j < m.end + 4 && tokens[j]?.kind === "word" && !map.mentionAt(j)) j++;
  if (j === m.end || tokens[j]?.text !== "," || !TITLE_NOUN.test(tokens[j - 1]!.lower)) return undefined;
  const holder = map.mentionAt(j + 1);
  return holder && holder.start === j + 1 && !holder.possessive ? holder : undefined;
}

export function ids(ms: MentionHit[]): string[] {
  return [...new Set(ms.flatMap((m) => m.actorIds))];
}

/**
 * The acting subject of a trigger: the possessor of a noun trigger, the agent of a passive, the antecedent
 * of a relative pronoun, or the nearest non-prepositional mention to the left within the clause.
 */
export function findSubject(map: MentionMap, trigger: TriggerMatch, passive: boolean): MentionHit[] {
  const tokens = map.tokens;
  const h = trigger.start;
  let recipient: MentionHit | undefined;
  if (trigger.pos === "noun") {
    let owner = map.endingBefore(h, 3);
    // "Hamas sent Egyptian and Qatari mediators counter-proposals": a group noun before the trigger is who it was
    // sent to, not whose it is.
    const groupNoun =
      owner && !owner.possessive && owner.end === h && /s$/.test(tokens[h - 1]?.lower ?? "") && !tokens[h - 1]!.cap;
    const before = tokens[owner?.start ? owner.start - 1 : -1];
    if (
      groupNoun &&
      before &&
      before.kind === "word" &&
      !before.cap &&
      !PREPOSITIONS.has(before.lower) &&
      !/^(the|a|an|and|of)$/.test(before.lower)
    ) {
      recipient = owner;
      owner = undefined;
    }
    if (owner && (owner.possessive || !inPrepPhrase(tokens, owner) || tokens[owner.end]?.kind === "word")) {
      if (owner.possessive || owner.end === h || tokens.slice(owner.end, h).every((t) => t.kind === "word" && !t.cap)) {
        return coordinated(map, owner);
      }
    }
    const by = agentAfter(map, trigger.end);
    if (by.length) return by;
  }
  if (passive) return agentAfter(map, trigger.end);
  // "… met members of the team and urged the movement …": a verb coordinated with an earlier one shares its subject.
  if (
    trigger.pos === "verb" &&
    (trigger.form === "past" || trigger.form === "s") &&
    /^(and|then)$/.test(tokens[h - 1]?.lower ?? "")
  ) {
    const main = mainSubject(map, h);
    if (main.length) return main;
  }
  // A participle after a comma (", accusing it of …") takes the main clause's subject.
  if (trigger.form === "ing" && tokens[h - 1]?.text === ",") return mainSubject(map, h);
  // "… after blacklisting the movement", "… by continuing to attack": the main clause's subject acts.
  if (
    trigger.form === "ing" &&
    /^(after|before|while|since|despite|by|without|when|in)$/.test(tokens[h - 1]?.lower ?? "")
  ) {
    // "… after Netanyahu sent shudders … by pledging to …": "by" attaches to the nearest clause's verb.
    if (tokens[h - 1]!.lower === "by") {
      const near = subordinateSubject(map, h - 1);
      if (near.length) return near;
    }
    return mainSubject(map, h);
  }
  for (let k = h - 1; k >= 0; k--) {
    const t = tokens[k]!;
    if (RELATIVE_PRONOUNS.has(t.lower) || (t.lower === "that" && tokens[k - 1]?.text === ",")) {
      // "X, who …": the antecedent before the comma.
      const antecedent = map.endingBefore(k - (tokens[k - 1]?.text === "," ? 1 : 0));
      if (antecedent) return coordinated(map, antecedent);
      return [];
    }
    if (SPEECH_VERBS.has(t.lower) && k < h - 1) return [];
    if (t.lower === "that" && SPEECH_VERBS.has(tokens[k - 1]?.lower ?? "")) return [];
    // A parenthesis ("the Revolutionary Armed Forces of Colombia (FARC)") is skipped, not a clause boundary.
    if (t.text === ")") {
      while (k > 0 && tokens[k]!.text !== "(") k--;
      continue;
    }
    // ", however," and other sentence adverbs set off by commas are parenthetical.
    if (isBarrier(tokens, k) && k < h - 1) return [];
    const aside = map.asideAt(k, h);
    if (aside) {
      k = aside[0];
      continue;
    }
    const m = map.mentionAt(k);
    if (!m) continue;
    k = m.start;
    if (m === recipient) continue;
    const prep = inPrepPhrase(tokens, m);
    // "after Hamas rejected …", "since the FARC took up arms": a subordinator, not a preposition, when its noun
    // phrase is followed by a verb.
    const subordinate =
      prep !== null &&
      SUBORDINATORS.has(prep) &&
      (m.end === h || isVerbLike(tokens[m.end]) || presentVerb(tokens, m.end) || ledForces(tokens, m.end, h));
    // "with Cairo frequently accusing Israel": the noun of an absolute "with" clause acts.
    const absolute =
      prep === "with" && trigger.form === "ing" && tokens.slice(m.end, h).every((x) => /ly$/.test(x.lower));
    // "over Hamas's insistence on … conditions": the owner of the noun phrase that holds a noun trigger, even inside a
    // prepositional phrase.
    const ownerOfPhrase =
      trigger.pos === "noun" &&
      m.possessive &&
      m.end < h &&
      h - m.end <= 6 &&
      tokens.slice(m.end, h).every((b, j) => b.kind === "word" && !isBarrier(tokens, m.end + j) && !isVerbLike(b));
    if (ownerOfPhrase) return coordinated(map, m);
    if (prep && !subordinate && !absolute) continue;
    // A mention followed by a noun is a modifier of that noun ("Hamas's insistence", "Israeli forces" handled).
    if (m.possessive && tokens[m.end] && tokens[m.end]!.kind === "word" && m.end < h) {
      const between = tokens.slice(m.end, h);
      if (
        between.length > 3 ||
        between.some((b) => /^(is|are|was|were|has|have|had|will|would|could)$/.test(b.lower))
      ) {
        return coordinated(map, m);
      }
      continue;
    }
    return coordinated(map, m);
  }
  return [];
}

/** The subject of the subordinate clause ("after X sent …") that holds token `before`, if there is one. */
function subordinateSubject(map: MentionMap, before: number): MentionHit[] {
  const tokens = map.tokens;
  for (let k = before - 1; k > 0; k--) {
    if (tokens[k]!.text === "," || SPEECH_VERBS.has(tokens[k]!.lower)) return [];
    if (!SUBORDINATORS.has(tokens[k]!.lower)) continue;
    const m = map.mentionAt(k + 1);
    // The subordinator's noun phrase must be followed by its verb ("after Netanyahu sent").
    if (!m || m.start !== k + 1 || m.anaphoric) return [];
    const next = tokens[m.end];
    return next?.kind === "word" && !next.cap && !PREPOSITIONS.has(next.lower) ? coordinated(map, m) : [];
  }
  return [];
}

/** The first mention(s) of the sentence outside prepositional phrases: the main clause's subject. */
export function mainSubject(map: MentionMap, before: number): MentionHit[] {
  for (const m of map.mentions) {
    if (m.start >= before) break;
    if (inPrepPhrase(map.tokens, m)) continue;
    return coordinated(map, m);
  }
  return [];
}

/** "by X" (with "mediators from X, Y and Z") after a passive or a noun. */
export function agentAfter(map: MentionMap, from: number): MentionHit[] {
  const tokens = map.tokens;
  for (let k = from; k < Math.min(tokens.length, from + 8); k++) {
    if (isBarrier(tokens, k) || tokens[k]!.text === ",") return [];
    if (tokens[k]!.lower === "by") {
      let j = k + 1;
      while (j < tokens.length && !map.mentionAt(j) && j < k + 5 && tokens[j]!.kind === "word") j++;
      const m = map.mentionAt(j);
      return m ? coordinated(map, m) : [];
    }
  }
  return [];
}

/** Objects after the trigger within its clause, by event type. */
export function findTargets(map: MentionMap, trigger: TriggerMatch, type: EventType): MentionHit[] {
  const tokens = map.tokens;
  const limit = Math.min(tokens.length, trigger.end + 12);
  const wanted = TARGET_PREPS[type];
  for (let k = trigger.end; k < limit; k++) {
    const t = tokens[k]!;
    // A proposal's or demand's "that" clause names who is to act ("proposed that Israel open …").
    if (t.lower === "that" && k === trigger.end && THAT_TARGETS.has(type)) continue;
    if (isBarrier(tokens, k) || t.lower === "that" || (SPEECH_VERBS.has(t.lower) && k > trigger.end)) return [];
    // "… fought alongside federal forces and whose withdrawal X demanded": a relative clause is another clause.
    if (k > trigger.end && RELATIVE_PRONOUNS.has(t.lower)) return [];
    if (t.text === "," && type !== "MEET" && type !== "CALL") {
      // "pounded Beirut's southern suburbs, a Hezbollah stronghold": the party whose position was hit.
      if (type === "MILITARY") {
        const m = map.mentionAt(k + 1) ?? map.mentionAt(k + 2);
        if (m && POSITION_NOUNS.test(tokens[m.end]?.lower ?? "")) return [m];
      }
      return [];
    }
    if (
      type === "ACCUSE" &&
      (t.lower === "of" || t.lower === "for") &&
      k > trigger.end &&
      !(t.lower === "of" && CONDUCT_NOUNS.test(tokens[k - 1]?.lower ?? ""))
    )
      return [];
    // The object ends where another verb starts: "welcomed the deal and thanked China", "the agreement reached
    // with the mediators", "committed to the pause as long as Israel was".
    if (k > trigger.end && t.lower === "and" && isVerbLike(tokens[k + 1])) return [];
    if (k > trigger.end + 1 && t.kind === "word" && !t.cap && /ed$/.test(t.lower) && !map.mentionAt(k)) return [];
    if (t.lower === "as" && /^(long|soon|if|though)$/.test(tokens[k + 1]?.lower ?? "")) return [];
    // A copula after the trigger starts the predicate of a noun phrase ("the agreement signed today is critical").
    if (k > trigger.end && /^(is|was|are|were)$/.test(t.lower)) return [];
    const m = map.mentionAt(k);
    if (!m) continue;
    // "…, Ahmed said.": the reporter, not a participant.
    if (k > trigger.end && tokens[m.start - 1]?.text === "," && SPEECH_VERBS.has(tokens[m.end]?.lower ?? "")) return [];
    // "hailed it", "accepted it": an object pronoun stands for the deal or proposal, not a party.
    if (m.method === "pronoun" && tokens[m.start]?.lower === "it" && THING_OBJECTS.has(type)) {
      k = m.end - 1;
      continue;
    }
    let prep = tokens[m.start - 1]?.lower ?? "";
    // "met members of the Taliban negotiating team": the people stand for their side.
    if ((prep === "of" || prep === "from") && PEOPLE_NOUNS.test(tokens[m.start - 2]?.lower ?? "")) prep = "";
    // "bolster the role of Abbas", "condemned the conduct of the army": the actor whose role or conduct it is.
    const ownerAt =
      tokens[m.start - 1]?.lower === "of"
        ? m.start - 2
        : tokens[m.start - 2]?.lower === "of" && tokens[m.start - 1]?.lower === "the"
          ? m.start - 3
          : -1;
    if (
      (type === "SUPPORT" || type === "ACCUSE") &&
      ownerAt >= trigger.end &&
      CONDUCT_NOUNS.test(tokens[ownerAt]?.lower ?? "")
    )
      return coordinated(map, m);
    if (m.start === trigger.end || !PREPOSITIONS.has(prep) || wanted.has(prep) || m.possessive) {
      if (m.start !== trigger.end && PREPOSITIONS.has(prep) && !wanted.has(prep) && !m.possessive) {
        k = m.end - 1;
        continue;
      }
      return coordinated(map, appositiveHolder(map, m) ?? m);
    }
    k = m.end - 1;
  }
  return [];
}

const CONDUCT_NOUNS =
  /^(role|efforts|effort|leadership|work|mediation|conduct|actions|behaviour|behavior|policies|policy|position|stance|decision|commitment|handling)$/;

const THING_OBJECTS = new Set<EventType>(["SUPPORT", "ACCEPT", "REJECT", "PROPOSE", "AGREE", "ASSESS", "DEMAND"]);

const SUBORDINATORS = new Set(["after", "before", "since", "until", "as", "while", "once", "when", "if", "because"]);

function isVerbLike(t: Token | undefined): boolean {
  return (
    t !== undefined &&
    t.kind === "word" &&
    !t.cap &&
    (/^(has|had|have|is|was|were|are|will|would|could|can|did|does|do|should|may|might|must)$/.test(t.lower) ||
      /ed$/.test(t.lower))
  );
}

/** "since US-led forces toppled …": the leader of the forces that are the subject of the verb at `head`. */
function ledForces(tokens: Token[], k: number, head: number): boolean {
  return (
    tokens[k]?.text === "-" &&
    /^(led|backed)$/.test(tokens[k + 1]?.lower ?? "") &&
    head - (k + 2) >= 1 &&
    head - (k + 2) <= 2 &&
    tokens.slice(k + 2, head).every((t) => t.kind === "word" && !t.cap)
  );
}

/** "before Israel proceeds with …", "once Russia halts its …": a present-tense verb before its complement. */
function presentVerb(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  return (
    t !== undefined &&
    t.kind === "word" &&
    !t.cap &&
    /[^s]s$/.test(t.lower) &&
    /^(with|to|a|an|the|its|their|his|her|on|into|from)$/.test(tokens[k + 1]?.lower ?? "")
  );
}

const POSITION_NOUNS =
  /^(stronghold|strongholds|positions|targets|bases|base|fighters|forces|troops|infrastructure|sites|militants|posts|headquarters|commanders)$/;

const THAT_TARGETS = new Set<EventType>(["PROPOSE", "DEMAND", "APPEAL"]);

const TARGET_PREPS: Record<EventType, Set<string>> = {
  MEET: new Set(["with", "between"]),
  CALL: new Set(["with", "to"]),
  TRAVEL: new Set([]),
  MEDIATE: new Set(["between", "with"]),
  PROPOSE: new Set(["to"]),
  COUNTER_PROPOSE: new Set(["to"]),
  ACCEPT: new Set(["from", "by"]),
  REJECT: new Set(["from", "by", "with"]),
  DEMAND: new Set(["from", "of"]),
  APPEAL: new Set(["on", "upon", "for"]),
  SUSPEND: new Set([]),
  RESUME: new Set([]),
  ASSESS: new Set([]),
  ACCUSE: new Set(["on", "at", "against", "with"]),
  SUPPORT: new Set(["for", "to"]),
  THREATEN: new Set(["against", "on"]),
  AGREE: new Set(["with"]),
  CEASEFIRE: new Set(["between"]),
  RELEASE: new Set([]),
  MILITARY: new Set(["on", "at", "against", "into", "with"]),
  MOBILIZE: new Set([]),
  HUMANITARIAN: new Set([]),
};

/** True when the token before k is a possessive marker. */
export function afterPossessive(tokens: Token[], k: number): boolean {
  return isPossessive(tokens[k - 1]);
}
