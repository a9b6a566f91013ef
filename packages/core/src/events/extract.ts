import type { Actor, EventStatus, EventType } from "@parley/schema";
import type { MentionHit } from "../actors/mentions";
import type { Token } from "../text/tokens";
import { agentAfter, coordinated, findSubject, findTargets, ids, MentionMap, mainSubject } from "./arguments";
import { CLAUSE_OPENERS, isBarrier, isPassive, SPEECH_VERBS } from "./clauses";
import { checkTrigger } from "./filters";
import { findTriggers, type TriggerMatch } from "./lexicon";
import { modality } from "./modality";
import { findSpeech, type Speech } from "./speech";
import { statementEvents } from "./statements";

/** An event found in one sentence, before dates, places and issues are attached. */
export interface DraftEvent {
  type: EventType;
  trigger: TriggerMatch;
  source: string[];
  target: string[];
  mediators: string[];
  status: EventStatus;
  attributedTo: string | null;
}

/** Statement events whose source is the speaker when the sentence gives no other subject. */
const TALK_WORDS = /^(talks|negotiations|dialogue|discussions|process)$/;
const DOCUMENT_SUBJECTS = new Set<EventType>(["APPEAL", "DEMAND", "PROPOSE", "SUPPORT", "ACCUSE"]);
const SPOKEN_TYPES = new Set<EventType>(["ASSESS", "DEMAND", "APPEAL", "SUPPORT", "ACCUSE", "THREATEN"]);
const STATEMENT_TYPES = new Set<EventType>(["ASSESS", "ACCUSE", "DEMAND", "APPEAL", "SUPPORT", "THREATEN", "REJECT"]);
/** Events whose to-infinitive complement is content, not a separate event ("urged Hamas to accept"). */
const CONTENT_GOVERNORS = new Set<EventType>([
  "APPEAL",
  "DEMAND",
  "PROPOSE",
  "REJECT",
  "ACCEPT",
  "MEDIATE",
  "SUPPORT",
  "ASSESS",
]);
const MEDIATOR_TYPES = new Set<EventType>(["MEET", "CALL", "PROPOSE", "AGREE", "SUSPEND", "RESUME"]);
const NO_TARGET = new Set<EventType>([
  "TRAVEL",
  "SUSPEND",
  "RESUME",
  "ASSESS",
  "RELEASE",
  "MOBILIZE",
  "HUMANITARIAN",
  "CEASEFIRE",
  "MEDIATE",
]);

export interface SentenceInput {
  tokens: Token[];
  mentions: MentionHit[];
  actorOf: (id: string) => Actor | undefined;
  parties: string[];
  /** Attribution carried over from the previous sentence (a continued quotation or report). */
  carried: Speech | null;
  /** Who made the latest proposal earlier in the article, for "rejected the proposals" with no owner named. */
  lastProposer?: string | null;
  /** The mediators the article named last, for "held talks with the mediators". */
  lastMediators?: string[];
  /** Who carried out the latest military action the article reported, for "condemned the strike". */
  lastAttacker?: string | null;
}

export interface SentenceEvents {
  events: DraftEvent[];
  speech: Speech | null;
  /** The author of the latest proposal as of the end of this sentence. */
  proposer: string | null;
  /** The mediators named last as of the end of this sentence. */
  mediators: string[];
  /** The author of the latest military action as of the end of this sentence. */
  attacker: string | null;
}

export function extractSentenceEvents(input: SentenceInput): SentenceEvents {
  const { tokens, mentions, actorOf } = input;
  const rootOf = (id: string): string => {
    let current = id;
    for (let depth = 0; depth < 5; depth++) {
      const up = actorOf(current)?.affiliation;
      if (!up) break;
      current = up;
    }
    return current;
  };
  const map = new MentionMap(tokens, mentions);
  const speech = findSpeech(map, actorOf) ?? input.carried;
  // "the Rapid Support Forces", "the Forces of Freedom and Change": a word inside a name is not a trigger.
  const candidates = pickTriggers(tokens, findTriggers(tokens)).filter((t) => !insideName(map, t));
  const offers = offersIn(tokens, candidates);
  const picked = [...offers, ...candidates].filter(
    (t) =>
      !afterDisposition(tokens, t) &&
      (!purposeClause(tokens, t) || creditedFor(candidates, t) || pledgedAction(tokens, candidates, t)),
  );
  const triggers = mergeRepeats(tokens, dropObjectNouns(tokens, dropTalksThatContinue(tokens, picked)));
  const mediators = sentenceMediators(map);
  const events: DraftEvent[] = [];
  const governed = contentSpans(tokens, triggers);

  for (const trigger of triggers) {
    const type = trigger.type;
    // "their proposal, which calls for a ceasefire": a document, not an actor, does the calling.
    if (
      trigger.pos === "verb" &&
      /^(which|that)$/.test(tokens[trigger.start - 1]?.lower ?? "") &&
      DOCUMENT_SUBJECTS.has(type)
    ) {
      const antecedent = map.endingBefore(trigger.start - (tokens[trigger.start - 2]?.text === "," ? 2 : 1));
      if (!antecedent) continue;
    }
    if (
      governed.some(
        (g) =>
          trigger.start >= g.start &&
          trigger.start < g.end &&
          g.trigger !== trigger &&
          !isPledge(g.trigger, trigger) &&
          !(g.trigger.type === "ASSESS" && (trigger.type === "MILITARY" || trigger.type === "MOBILIZE")),
      )
    )
      continue;
    // "ruled out signing", "proposed holding talks": a gerund object is the content of the answer or proposal.
    if (gerundObject(tokens, triggers, trigger)) continue;
    // "a delegation was headed to Cairo" is "was heading", not a passive.
    const passive =
      trigger.pos === "verb" &&
      (trigger.form === "past" || trigger.form === "base") &&
      !/^head\b/.test(trigger.lemma) &&
      (isPassive(tokens, trigger.start) || reducedRelative(map, trigger));
    // "talks brokered by China": the agent of the talks' participle is their broker, not a participant.
    const brokered = (type === "MEET" || type === "CALL") && trigger.pos === "noun" && brokeredBy(tokens, trigger.end);
    let sourceMentions =
      trigger.lemma === "led by"
        ? agentAfter(map, trigger.start)
        : brokered
          ? mainSubject(map, trigger.start)
          : findSubject(map, trigger, passive);
    // "reaffirming US support for …": the owner of the support named inside the phrase gives it.
    if (type === "SUPPORT" && trigger.end - trigger.start >= 3) {
      const owner = map.mentionAt(trigger.end - 2);
      if (owner && owner.start > trigger.start && owner.end === trigger.end - 1 && !owner.anaphoric)
        sourceMentions = [owner];
    }
    // "blamed Hamas for … continuing to attack Israel", "accusing Israel of bombing …": the accused acts.
    if (type !== "ACCUSE") {
      const accused = accusedAgent(map, triggers, trigger);
      if (accused.length) sourceMentions = accused;
    }
    // "5,000 Taliban prisoners are to be freed": the captives' side is not who frees them.
    if (type === "RELEASE")
      sourceMentions = sourceMentions.filter((m) => !CAPTIVE_NOUNS.test(tokens[m.end]?.lower ?? ""));
    // "Iran nuclear talks slip past a deadline": a name modifying the talks is not who stalls them.
    if ((type === "SUSPEND" || type === "RESUME") && sourceMentions.length) {
      const last = sourceMentions[sourceMentions.length - 1]!;
      const between = tokens.slice(last.end, trigger.start);
      if (
        between.length > 0 &&
        between.length <= 4 &&
        between.some((t) => TALK_WORDS.test(t.lower)) &&
        between.every((t) => t.kind === "word" && !t.cap)
      ) {
        sourceMentions = [];
      }
      // "… and that the negotiations would resume": the talks themselves are the subject, so no party is named.
      if (talksAreSubject(tokens, trigger.start)) sourceMentions = [];
    }
    // "… as (the) talks dragged on": talks opening their own clause name no party.
    if (type === "MEET" && trigger.pos === "noun" && !brokered && opensClauseBefore(tokens, trigger.start))
      sourceMentions = [];
    // "the talks stalled over Hamas's insistence on …": the party whose position stalls them.
    if (type === "SUSPEND" && sourceMentions.length === 0) sourceMentions = stalledOver(map, trigger.end);
    let targetMentions = NO_TARGET.has(type) ? [] : findTargets(map, trigger, type);
    // "worked with Egypt to fine-tune a proposal": the partner in the mediation.
    if (type === "MEDIATE" && trigger.lemma.startsWith("work with")) {
      const partner = map.mentionAt(trigger.start + 2);
      if (partner && partner.start === trigger.start + 2) targetMentions = coordinated(map, partner);
    }
    // "X briefed Y … in a phone call": an adverbial trigger takes the clause's subject and object.
    if (trigger.pos === "phrase" && /^(in|by|over|via)$/.test(tokens[trigger.start]!.lower)) {
      const main = mainSubject(map, trigger.start);
      if (main.length) {
        sourceMentions = main;
        const object = map.mentions.find(
          (m) =>
            m.start > main[main.length - 1]!.end &&
            m.end <= trigger.start &&
            !/^(in|on|of|to|with|by|about)$/.test(tokens[m.start - 1]?.lower ?? ""),
        );
        if (object && targetMentions.length === 0) targetMentions = [object];
      }
    }
    if (passive && !NO_TARGET.has(type)) {
      const patient = findSubject(map, { ...trigger, form: "base" }, false);
      if (patient.length && !targetMentions.length) targetMentions = patient;
    }
    // "sent Egyptian and Qatari mediators counter-proposals": the group before a noun trigger receives it.
    if (trigger.pos === "noun" && targetMentions.length === 0 && !NO_TARGET.has(type)) {
      const recipient = map.endingBefore(trigger.start);
      if (
        recipient &&
        !recipient.possessive &&
        !sourceMentions.includes(recipient) &&
        /s$/.test(tokens[trigger.start - 1]?.lower ?? "") &&
        !tokens[trigger.start - 1]!.cap
      ) {
        targetMentions = coordinated(map, recipient);
      }
    }
    let source = ids(sourceMentions);
    // "we will attack," Netanyahu said: the first person plural in someone's words is the speaker's side.
    const inQuote = speech !== null && trigger.start >= speech.contentStart && trigger.start < speech.contentEnd;
    if (inQuote && speech.speaker.length === 1 && firstPersonSubject(tokens, trigger.start)) {
      source = [rootOf(speech.speaker[0]!)];
    }
    // "a swap mediated by the UAE": the broker mediates between the parties the sentence is about.
    if (type === "MEDIATE" && passive && targetMentions.length === 0) {
      const parties = ids(mainSubject(map, trigger.start)).filter((id) => !ids(sourceMentions).includes(id));
      if (parties.length >= 2) targetMentions = mainSubject(map, trigger.start);
    }
    // Troops move for whoever they belong to ("… could bring American troops home").
    if (type === "MOBILIZE") {
      const troops = troopOwner(map, trigger);
      if (troops.length && source.length === 0) source = troops;
    }
    let target = ids(targetMentions).filter((id) => !source.includes(id));
    const inContent = speech !== null && trigger.start >= speech.contentStart && trigger.start < speech.contentEnd;
    let status = modality(tokens, trigger.start, clauseStart(tokens, trigger.start), inContent);
    // "was also expected in Cairo", "is due in Doha": the expectation is in the trigger itself.
    if (status === "occurred" && /\b(expected|due)\b/.test(trigger.lemma)) status = "planned";
    // "committed to the agreement as announced": the participle reports the deal as concluded, whatever governs it.
    if (
      status === "planned" &&
      type === "AGREE" &&
      trigger.pos === "phrase" &&
      / (announced|reached|signed)$/.test(trigger.lemma)
    )
      status = "occurred";
    // "shifting ground operations to Rafah would cause …": an action named as the subject of a conditional.
    if (status === "occurred" && trigger.pos === "noun" && conditionalSubject(tokens, trigger.end))
      status = "hypothetical";

    if (source.length === 0 && speech && STATEMENT_TYPES.has(type) && (inContent || trigger.start < speech.verb + 3)) {
      source = speech.speaker;
    }
    // A spokesperson's statement for their own side is the spokesperson's ("The White House wants …, Kirby said").
    if (speech && inContent && SPOKEN_TYPES.has(type) && speech.speaker.length === 1 && source.length === 1) {
      const speaker = actorOf(speech.speaker[0]!);
      if (speaker?.type === "PERSON" && rootOf(speaker.id) === rootOf(source[0]!) && speaker.id !== source[0])
        source = [speaker.id];
    }
    const agreeWord = trigger.pos === "verb" && /^agree/.test(tokens[trigger.start]!.lower);
    // The parties of a deal named in the sentence ("the truce between Israel and Hamas … agreed on Monday").
    if (type === "AGREE" && source.length < 2 && target.length === 0) {
      const pair = sentencePair(map).filter((id) => actorOf(id)?.type !== "PERSON");
      if (pair.length === 2 && (source.length === 0 || pair.includes(source[0]!))) source = pair;
      // A deal named as a noun ("the accord came after…") with no party in the sentence: the negotiation's sides.
      else if (source.length === 0 && trigger.pos !== "verb" && input.parties.length === 2) source = [...input.parties];
      // "Armenia's foreign ministry confirmed the breakthrough": a deal between the confirming side and its counterpart.
      else if (source.length === 1 && trigger.pos !== "verb" && input.parties.length === 2) {
        const side = rootOf(source[0]!);
        if (input.parties.includes(side)) {
          source = [side];
          target = input.parties.filter((id) => id !== side);
        }
      }
    }
    const agreeing =
      (type === "AGREE" && !(agreeWord && source.length === 1 && target.length === 0)) ||
      (type === "ACCEPT" && source.length > 1 && agreeWord);
    if (agreeing || type === "CEASEFIRE") {
      // "X and Y signed": first party is the source, the others the target (AGREE); all sources otherwise.
      const all = [...source];
      if (agreeing && all.length > 1) {
        source = [all[0]!];
        target = [...new Set([...all.slice(1), ...target])];
      }
      if (type === "CEASEFIRE") {
        const between = betweenPair(map, trigger);
        const pair = map.endingBefore(trigger.start, 2);
        source = between.length ? between : pair?.actorIds.length ? ids(coordinated(map, pair)) : [];
        target = [];
      }
    }
    // "Eritrea, whose withdrawal the Tigrayan leadership demanded": the antecedent of "whose" is what is asked of.
    if (target.length === 0 && WHOSE_OBJECT_TYPES.has(type) && trigger.pos === "verb") {
      const owner = whoseAntecedent(map, trigger.start);
      if (owner.length && !owner.some((id) => source.includes(id))) target = owner;
    }
    // "vowed to keep fighting until Hamas is eradicated": the party named in what is threatened.
    if (type === "THREATEN" && target.length === 0 && trigger.pos !== "noun") {
      const threatened = threatenedParty(map, trigger.end, speech);
      if (threatened.length && !threatened.some((id) => source.includes(id))) target = threatened;
    }
    // "If Hezbollah rearms, we will attack": a threat or strike answers the party of the condition.
    if ((type === "MILITARY" || type === "THREATEN") && target.length === 0) {
      const party = conditionSubject(map, trigger.start);
      if (party.length && !party.some((id) => source.includes(id))) target = party;
    }
    const eventMediators = MEDIATOR_TYPES.has(type)
      ? mediators.filter((m) => !source.includes(m) || type === "MEET")
      : [];
    if (type === "MEET" || type === "CALL") {
      // "held talks with the mediators": the mediators this sentence or an earlier one named.
      if (withTheMediators(tokens, trigger.end)) {
        const known = mediators.length ? mediators : (input.lastMediators ?? []);
        for (const m of known) if (!source.includes(m) && !target.includes(m)) target.push(m);
      }
      const brokers = brokered ? ids(agentAfter(map, trigger.end)) : [];
      for (const m of mediators)
        if (
          !source.includes(m) &&
          !target.includes(m) &&
          !brokers.includes(m) &&
          mentionedAfter(map, m, trigger.end) &&
          !accompanying(map, m)
        )
          target.push(m);
    }
    // "Troops returned fire, it [the military] said": bare troops in an army's or a state's report are its own.
    if (
      (type === "MILITARY" || type === "MOBILIZE") &&
      source.length === 0 &&
      speech &&
      inContent &&
      speech.speaker.length === 1
    ) {
      const near = tokens.slice(Math.max(speech.contentStart, trigger.start - 6), trigger.end + 3);
      const speaker = actorOf(speech.speaker[0]!);
      // A spokesperson's "fighters" are their movement's ("the Taliban's spokesman said fighters would resume …").
      const own =
        speaker &&
        (speaker.type === "GOVERNMENT" || speaker.type === "STATE"
          ? speaker.id
          : speaker.type === "PERSON" && speaker.affiliation
            ? rootOf(speaker.id)
            : null);
      if (
        own &&
        near.some((t) => /^(troops|soldiers|forces|fighters)$/.test(t.lower) && !map.mentionAt(tokens.indexOf(t)))
      )
        source = [own];
    }
    // "the army violated the truce, Hamas said": the violator is accused, the reporter accuses.
    if (type === "ACCUSE" && /violat|breach/.test(trigger.lemma)) {
      const violators = source.length ? source : target;
      target = violators.filter((id) => !speech?.speaker.includes(id));
      source = speech && inContent ? speech.speaker.filter((id) => actorOf(id)?.type !== "MEDIA") : [];
    }
    // Outlets relay events rather than take part; a sentence's speaker is not the counterpart of what they report.
    const isMedia = (id: string) => actorOf(id)?.type === "MEDIA";
    source = source.filter((id) => !isMedia(id));
    target = target.filter((id) => !isMedia(id));
    let attributedTo: string | null = null;
    if (speech && (inContent || speech.outlet)) {
      attributedTo = speech.outlet ?? speech.speaker[0] ?? null;
      if (attributedTo && !speech.outlet && source.length === 1 && source[0] === attributedTo) attributedTo = null;
      if (attributedTo && !speech.outlet && source.includes(attributedTo) && source.length === 1) attributedTo = null;
    }
    events.push({
      type: agreeing ? "AGREE" : (type as EventType) === "AGREE" ? "ACCEPT" : type,
      trigger,
      source,
      target,
      mediators: eventMediators,
      status,
      attributedTo,
    });
    void sourceMentions;
  }
  // "accepted Cairo's proposal", "a ceasefire proposed by Egypt should serve as a framework": the proposer is who
  // is accepted, backed or rejected.
  const proposer = proposerIn(map);
  const earlier = input.lastProposer ?? null;
  for (const e of events) {
    if (!ANSWER_TYPES.has(e.type) || e.target.length > 0) continue;
    // "X had suggested …, but Y turned the idea down": a proposal made earlier in the sentence.
    const before = events.find(
      (p) => p.type === "PROPOSE" && p.source.length === 1 && p.trigger.start < e.trigger.start,
    )?.source[0];
    // "rejected the proposals": an unowned proposal is the latest one the article reported.
    const latest = before ?? earlier;
    const author = proposer ?? (latest && answersUnownedProposal(map, e.trigger) ? latest : null);
    if (author && !e.source.includes(author) && !e.source.some((id) => rootOf(id) === rootOf(author)))
      e.target = [author];
  }
  // "condemned the strike": an attack named with no owner is the latest one the article reported.
  const attack = events.find((e) => e.type === "MILITARY" && e.source.length === 1);
  const attacker = attack?.source[0] ?? input.lastAttacker ?? null;
  for (const e of events) {
    if (e.type !== "ACCUSE" || e.target.length > 0 || !attacker || e.source.includes(attacker)) continue;
    if (condemnsUnownedAttack(map, e.trigger)) e.target = [attacker];
  }
  joinSignatories(events);
  events.push(...statementEvents({ tokens, map, speech, events, actorOf, rootOf }));
  assessedParties(events, rootOf);
  const proposing = events.find((e) => (e.type === "PROPOSE" || e.type === "COUNTER_PROPOSE") && e.source.length === 1);
  return {
    events: distinctActions(events),
    speech,
    proposer: proposing?.source[0] ?? proposer ?? earlier,
    mediators: mediators.length ? mediators : (input.lastMediators ?? []),
    attacker,
  };
}

const ATTACK_NOUNS =
  /^(strike|strikes|airstrike|airstrikes|attack|attacks|incursion|offensive|raid|raids|bombardment|shelling|invasion|assault|operation|bombing)$/;

/** "condemned the ground incursion", "denounced Saturday's strike": an attack named as the accusation's object. */
function condemnsUnownedAttack(map: MentionMap, trigger: TriggerMatch): boolean {
  const tokens = map.tokens;
  for (let k = trigger.end; k < Math.min(tokens.length, trigger.end + 5); k++) {
    const t = tokens[k]!;
    if (ATTACK_NOUNS.test(t.lower)) return true;
    if (map.mentionAt(k) || t.kind !== "word" || isBarrier(tokens, k) || /^(of|by|on|against|for)$/.test(t.lower))
      return false;
  }
  return false;
}

/**
 * A pledge ("pledges to pull its troops out", "committed to moving its fighters") reports the pledged action as well,
 * as a planned event; a release is the exception, carried by the pledge itself.
 */
function isPledge(governor: TriggerMatch, action: TriggerMatch): boolean {
  // "hopes to sign the accord within weeks": a hoped-for act is reported as planned, like a pledged one.
  const hope = governor.type === "ASSESS" && governor.lemma === "hope";
  return (
    (governor.type === "ACCEPT" || hope) &&
    governor.pos === "verb" &&
    (hope || PLEDGE_LEMMA.test(governor.lemma)) &&
    !/\bnot\b/.test(governor.lemma) &&
    action.type !== "RELEASE"
  );
}
const PLEDGE_LEMMA = /^(pledge|commit|undertake|be committed|remain committed|promise)/;

function pledgedAction(tokens: Token[], triggers: TriggerMatch[], t: TriggerMatch): boolean {
  return triggers.some((g) => {
    if (!isPledge(g, t) || g.end > t.start || t.start - g.end > 15) return false;
    for (let k = g.end; k < t.start; k++) if (isBarrier(tokens, k)) return false;
    return true;
  });
}

/** "thanked China for hosting", "blamed X for opening fire": an action credited or blamed, not a purpose. */
function creditedFor(triggers: TriggerMatch[], t: TriggerMatch): boolean {
  return triggers.some(
    (g) => (g.type === "ACCUSE" || g.type === "SUPPORT") && g.pos === "verb" && g.end < t.start && t.start - g.end <= 8,
  );
}

/**
 * The object of an accusation or of thanks whose "for"/"of" complement holds the trigger ("blamed X for attacking …",
 * "thanked X for hosting …").
 */
function accusedAgent(map: MentionMap, triggers: TriggerMatch[], trigger: TriggerMatch): MentionHit[] {
  const tokens = map.tokens;
  const accusation = [...triggers]
    .reverse()
    .find(
      (a) =>
        (a.type === "ACCUSE" || (a.type === "SUPPORT" && trigger.type !== "SUPPORT")) &&
        a.pos === "verb" &&
        a.end <= trigger.start &&
        trigger.start - a.end <= 30,
    );
  if (!accusation) return [];
  let k = accusation.end;
  if (tokens[k]?.lower === "the") k++;
  const accused = map.mentionAt(k);
  if (!accused || accused.start !== k || accused.anaphoric) return [];
  let sawComplement = false;
  for (let j = accused.end; j < trigger.start; j++) {
    const w = tokens[j]!.lower;
    if (w === "for" || w === "of") sawComplement = true;
    else if (j === accused.end) return [];
    // "… for not only failing …, but for …": the complement may be a pair joined by "but".
    if (w === "but" && tokens[j + 1]?.lower === "for") continue;
    if (isBarrier(tokens, j) || SPEECH_VERBS.has(w) || w === ";" || map.mentionAt(j)) return [];
  }
  return sawComplement ? coordinated(map, accused) : [];
}

const BROKER_PARTICIPLES = /^(brokered|mediated|co-mediated|hosted|facilitated|sponsored|chaired|led)$/;

/** "talks brokered by …", "talks in Doha mediated by …": a broker's participle follows the talks noun. */
function brokeredBy(tokens: Token[], from: number): boolean {
  for (let k = from; k < Math.min(tokens.length, from + 6); k++) {
    if (BROKER_PARTICIPLES.test(tokens[k]!.lower) && tokens[k + 1]?.lower === "by") return true;
    if (isBarrier(tokens, k) || tokens[k]!.text === "," || SPEECH_VERBS.has(tokens[k]!.lower)) return false;
  }
  return false;
}

/** "with the mediators" right after a meeting trigger (a time or place phrase may come first). */
function withTheMediators(tokens: Token[], from: number): boolean {
  for (let k = from; k < Math.min(tokens.length, from + 6); k++) {
    if (tokens[k]!.lower !== "with") continue;
    const next = tokens[k + 1]?.lower === "the" ? k + 2 : k + 1;
    return /^(mediators|mediator)$/.test(tokens[next]?.lower ?? "");
  }
  return false;
}

const VERB_GROUP =
  /^(will|would|could|should|might|may|must|can|has|have|had|is|are|was|were|be|been|being|to|not|also|then|again|finally|eventually|now|soon|due|set|expected|likely|about|going|reportedly)$/;

/** The words right before the verb (past auxiliaries and adverbs) end with a talks noun. */
function talksAreSubject(tokens: Token[], head: number): boolean {
  let k = head - 1;
  while (k >= 0 && (VERB_GROUP.test(tokens[k]!.lower) || /ly$/.test(tokens[k]!.lower))) k--;
  // "negotiations and efforts continue"
  if (tokens[k - 1]?.lower === "and" && tokens[k]?.kind === "word" && !tokens[k]!.cap) k -= 2;
  return TALK_WORDS.test(tokens[k]?.lower ?? "");
}

/** "we will attack", "we're going to continue to push": "we" is the subject of the verb at `head`. */
function firstPersonSubject(tokens: Token[], head: number): boolean {
  let k = head - 1;
  while (
    k >= 0 &&
    (VERB_GROUP.test(tokens[k]!.lower) ||
      /^('re|'ll|'ve|continue|try|want|need|going)$/.test(tokens[k]!.lower) ||
      /ly$/.test(tokens[k]!.lower))
  )
    k--;
  return tokens[k]?.lower === "we";
}

/** The subject of an "if" clause that ends before the trigger ("If X violates the deal, we will …"). */
function conditionSubject(map: MentionMap, head: number): string[] {
  const tokens = map.tokens;
  for (let k = 0; k < head; k++) {
    if (tokens[k]!.lower !== "if") continue;
    const m = map.mentionAt(k + 1);
    if (!m || m.start !== k + 1 || m.anaphoric) return [];
    // The condition closes with a comma before the trigger's own clause.
    const comma = tokens.findIndex((t, j) => j > m.end && j < head && t.text === ",");
    return comma > 0 ? ids(coordinated(map, m)) : [];
  }
  return [];
}

/** "over X's demands", "because of X's refusal", "due to X's insistence" right after a stall. */
function stalledOver(map: MentionMap, from: number): MentionHit[] {
  const tokens = map.tokens;
  let k = from;
  if (tokens[k]?.lower === "over") k++;
  else if (/^(because|due)$/.test(tokens[k]?.lower ?? "") && /^(of|to)$/.test(tokens[k + 1]?.lower ?? "")) k += 2;
  else return [];
  const m = map.mentionAt(k);
  return m && m.start === k && m.possessive && !m.anaphoric ? coordinated(map, m) : [];
}

/**
 * "X signed for the government, and Y signed for the rebels": one agreement between the two signatories, not two.
 */
function joinSignatories(events: DraftEvent[]): void {
  for (let i = 0; i < events.length; i++) {
    const a = events[i]!;
    if (a.type !== "AGREE" || a.source.length !== 1 || a.target.length > 0) continue;
    const j = events.findIndex(
      (b, x) =>
        x > i &&
        b.type === "AGREE" &&
        b.trigger.lemma === a.trigger.lemma &&
        b.source.length === 1 &&
        b.target.length === 0 &&
        b.source[0] !== a.source[0] &&
        b.status === a.status,
    );
    if (j < 0) continue;
    a.target = [...events[j]!.source];
    events.splice(j, 1);
  }
}

const CAPTIVE_NOUNS =
  /^(prisoners|prisoner|detainees|detainee|hostages|hostage|captives|captive|servicemen|soldiers|pows)$/;

/** The first party named in a threat's complement, before its clause ends or a reporter is named. */
function threatenedParty(map: MentionMap, from: number, speech: Speech | null): string[] {
  const tokens = map.tokens;
  for (let k = from; k < tokens.length; k++) {
    if (tokens[k]!.text === ";" || (speech && k === speech.verb) || SPEECH_VERBS.has(tokens[k]!.lower)) return [];
    const m = map.mentionAt(k);
    if (!m) continue;
    if (tokens[m.start - 1]?.text === "," && SPEECH_VERBS.has(tokens[m.end]?.lower ?? "")) return [];
    // "hostages held by the militant group": an agent phrase is not the party threatened.
    return tokens[m.start - 1]?.lower === "by" || m.possessive ? [] : ids([m]);
  }
  return [];
}

const GERUND_GOVERNORS = new Set<EventType>(["REJECT", "ACCEPT", "PROPOSE", "DEMAND", "APPEAL", "SUPPORT"]);

function gerundObject(tokens: Token[], triggers: TriggerMatch[], t: TriggerMatch): boolean {
  if (t.form !== "ing" || t.pos !== "verb") return false;
  let k = t.start - 1;
  while (k >= 0 && /ly$/.test(tokens[k]!.lower)) k--;
  return triggers.some(
    (g) => g !== t && g.end === k + 1 && g.pos === "verb" && GERUND_GOVERNORS.has(g.type) && !isPledge(g, t),
  );
}

const WHOSE_OBJECT_TYPES = new Set<EventType>(["DEMAND", "REJECT", "ACCEPT", "SUPPORT", "ACCUSE", "APPEAL"]);

/** ", whose <noun> X has demanded": the mention before "whose" when the verb's subject sits between. */
function whoseAntecedent(map: MentionMap, head: number): string[] {
  const tokens = map.tokens;
  for (let k = head - 1; k > 0 && k >= head - 10; k--) {
    if (isBarrier(tokens, k) || tokens[k]!.text === ",") return [];
    if (tokens[k]!.lower !== "whose") continue;
    // The relative clause has its own subject ("whose withdrawal the leadership demanded"), so "whose" is the object.
    if (!tokens.slice(k + 2, head).some((_, j) => map.mentionAt(k + 2 + j))) return [];
    // "X, whose troops …, and whose withdrawal …": the second relative clause shares the first one's antecedent.
    let at = k;
    if (tokens[k - 1]?.lower === "and") {
      at = -1;
      for (let j = k - 2; j > 0 && j >= k - 20; j--) if (tokens[j]!.lower === "whose") at = j;
      if (at < 0) return [];
    }
    const antecedent = map.endingBefore(tokens[at - 1]?.text === "," ? at - 1 : at);
    return antecedent ? ids([antecedent]) : [];
  }
  return [];
}

const ANSWER_TYPES = new Set<EventType>(["SUPPORT", "ACCEPT", "REJECT"]);
const PROPOSAL_NOUNS =
  /^(proposal|proposals|counter-proposal|counter-proposals|counterproposal|counterproposals|offer|counter-offer|plan|initiative|idea|draft)$/;

/** "rejected the proposals", "accepted the ceasefire proposal": the answer's object is a proposal with no owner named. */
function answersUnownedProposal(map: MentionMap, trigger: TriggerMatch): boolean {
  const tokens = map.tokens;
  // The object may sit inside a separable verb ("turned the idea down").
  for (let k = trigger.start + 1; k < trigger.end; k++) if (PROPOSAL_NOUNS.test(tokens[k]!.lower)) return true;
  for (let k = trigger.end; k < Math.min(tokens.length, trigger.end + 5); k++) {
    const t = tokens[k]!;
    if (PROPOSAL_NOUNS.test(t.lower)) return true;
    if (t.kind !== "word" || map.mentionAt(k) || isBarrier(tokens, k) || /^(to|that|by|from|with)$/.test(t.lower))
      return false;
  }
  return false;
}

/** Keeps one trigger per head word (the longest), applying the context checks. */
function pickTriggers(tokens: Token[], raw: TriggerMatch[]): TriggerMatch[] {
  const byHead = new Map<number, TriggerMatch>();
  for (const original of raw) {
    // "the Cairo meeting", "its fighting": an -ing form after a determiner or modifier is a noun.
    const before = tokens[original.start - 1];
    const nounlike =
      before !== undefined &&
      ((original.form === "ing" &&
        (/^(the|a|an|its|his|her|their|our|'s|’s)$/.test(before.lower) ||
          // "the Cairo meeting" is a noun; "left Kyiv accusing Moscow of …" has an object, so a verb.
          (before.cap && original.start > 1 && !tokens[original.end]?.cap))) ||
        // "Hamas's attack", "the strikes": a base or -s form after a determiner or possessive is a noun.
        // "a number of conditions": no verb follows "of".
        ((original.form === "base" || original.form === "s") &&
          original.pos === "verb" &&
          /^(the|a|an|its|his|her|their|our|'s|’s|of)$/.test(before.lower)));
    const t: TriggerMatch = nounlike ? { ...original, pos: "noun" } : original;
    const checked = checkTrigger(tokens, t);
    if (!checked) continue;
    const current = byHead.get(t.start);
    const candidate = { ...t, type: checked };
    if (!current || t.end - t.start > current.end - current.start) byHead.set(t.start, candidate);
  }
  // Drop triggers nested inside a longer multi-word trigger ("hold talks" covers "talks").
  const list = [...byHead.values()].sort((a, b) => a.start - b.start);
  return list.filter(
    (t) =>
      !list.some((o) => o !== t && o.start < t.start && o.end >= t.end && o.end - o.start > 1) ||
      // "confirmed the breakthrough": the acceptance and the deal it confirms are both reported.
      (t.type === "AGREE" && t.pos === "noun" && concluded(tokens, t)),
  );
}

/** Token spans that are the content of an appeal, demand or proposal ("urged Hamas to accept the truce"). */
function contentSpans(
  tokens: Token[],
  triggers: TriggerMatch[],
): Array<{ start: number; end: number; trigger: TriggerMatch }> {
  const spans: Array<{ start: number; end: number; trigger: TriggerMatch }> = [];
  for (const t of triggers) {
    if (!CONTENT_GOVERNORS.has(t.type)) continue;
    // The complement: from the trigger to the end of its clause, when it opens with "to", "that" or an object + "to".
    // A demand's object complement ("wants the truce extended and more hostages freed") is content too.
    const lastWord = tokens[t.end - 1]?.lower;
    let k = t.end;
    let sawTo = lastWord === "to";
    if (sawTo) k = t.end - 1;
    if (!sawTo && (t.type === "DEMAND" || t.type === "APPEAL") && t.pos === "verb") sawTo = true;
    // A noun's content follows it directly ("calls for a truce", "a demand that …").
    const reach = t.pos === "noun" ? (t.type === "APPEAL" || t.type === "DEMAND" ? 8 : 1) : 6;
    for (; !sawTo && k < tokens.length && k < t.end + reach; k++) {
      const w = tokens[k]!.lower;
      // "thanked China for hosting the talks": what is praised happened; it is not the content of a wish.
      if (w === "for" && t.type === "SUPPORT" && /ing$/.test(tokens[k + 1]?.lower ?? "")) break;
      if (w === "to" || w === "that" || w === "for") {
        sawTo = true;
        break;
      }
      if (isBarrier(tokens, k) || (tokens[k]!.text === "," && reach === 1)) break;
    }
    if (!sawTo) continue;
    let end = k + 1;
    // "… to end the conflict as he worked with Egypt …": the "as" clause is the narrator's, not the content.
    while (end < tokens.length && !isBarrier(tokens, end) && tokens[end]!.text !== "," && !subordinateAs(tokens, end))
      end++;
    spans.push({ start: k + 1, end, trigger: t });
  }
  return spans;
}

/**
 * "a plan hammered out in Paris by …": a past participle after a noun, followed by "by" and its agent. After an
 * auxiliary ("had agreed to extend the pause by two days") the participle is active and "by" is not an agent.
 */
function reducedRelative(map: MentionMap, trigger: TriggerMatch): boolean {
  const tokens = map.tokens;
  const prev = tokens[trigger.start - 1];
  if (prev?.kind !== "word" || prev.cap || AUXILIARIES.test(prev.lower)) return false;
  return agentWithin(tokens, trigger.end) && agentAfter(map, trigger.end).length > 0;
}
const AUXILIARIES =
  /^(has|have|had|having|will|would|could|should|might|may|must|can|did|do|does|not|never|also|then|reportedly)$/;

function agentWithin(tokens: Token[], from: number): boolean {
  for (let k = from; k < Math.min(tokens.length, from + 8); k++) {
    if (tokens[k]!.lower === "by") return true;
    // Another verb or clause ("committed to the agreement as announced by …") takes the "by" phrase.
    if (isBarrier(tokens, k) || tokens[k]!.text === "," || tokens[k]!.lower === "as" || tokens[k]!.lower === "that")
      return false;
    if (k > from && /ed$/.test(tokens[k]!.lower) && !tokens[k]!.cap) return false;
  }
  return false;
}

function clauseStart(tokens: Token[], head: number): number {
  for (let k = head - 1; k >= 0; k--) {
    if (isBarrier(tokens, k) || SPEECH_VERBS.has(tokens[k]!.lower) || (tokens[k]!.lower === "that" && k < head - 1))
      return k + 1;
    if (tokens[k]!.text === "," && tokens[k + 1] && /^(and|but|while|which|who)$/.test(tokens[k + 1]!.lower))
      return k + 1;
    // "Russia, whose troops have fought …": a relative clause has its own modality.
    if (/^(whose|who|which)$/.test(tokens[k]!.lower) && tokens[k - 1]?.text === ",") return k + 1;
  }
  return 0;
}

/** Mediators the sentence names: "Egyptian mediators", "mediators from X", "mediated/brokered by X", "under X mediation". */
function sentenceMediators(map: MentionMap): string[] {
  const tokens = map.tokens;
  const out: string[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const w = tokens[k]!.lower;
    if (w === "mediators" || w === "mediator" || w === "mediation" || w === "brokers") {
      const before = map.mentionAt(k - 1) ?? (tokens[k - 1]?.lower === "and" ? undefined : undefined);
      if (before) out.push(...ids(coordinated(map, before)));
      if (tokens[k + 1]?.lower === "from" || tokens[k + 1]?.lower === "by") {
        const m = map.mentionAt(k + 2) ?? map.mentionAt(k + 3);
        if (m) out.push(...ids(coordinated(map, m)));
      }
      if (w === "mediation" && tokens[k - 1]?.lower === "egyptian") {
        /* handled by the mention */
      }
    }
    if (
      (/^(mediated|brokered|co-mediated)$/.test(w) && tokens[k + 1]?.lower === "by") ||
      (w === "under" && /mediation/.test(tokens[k + 3]?.lower ?? tokens[k + 2]?.lower ?? ""))
    ) {
      const m = agentAfter(map, k + 1);
      out.push(...ids(m));
    }
    if (w === "under") {
      for (let j = k + 1; j < Math.min(tokens.length, k + 7); j++) {
        if (tokens[j]!.lower === "mediation") {
          for (let x = k + 1; x < j; x++) {
            const m = map.mentionAt(x);
            if (m) out.push(...m.actorIds);
          }
          break;
        }
      }
    }
    // "Egyptian-mediated"
    if (/-(mediated|brokered)$/.test(w)) {
      const m = map.mentionAt(k);
      if (m) out.push(...m.actorIds);
    }
  }
  return [...new Set(out)];
}

function betweenPair(map: MentionMap, trigger: TriggerMatch): string[] {
  const tokens = map.tokens;
  for (let k = Math.max(0, trigger.start - 10); k < Math.min(tokens.length, trigger.end + 6); k++) {
    if (tokens[k]!.lower === "between") {
      const m = map.mentionAt(k + 1) ?? map.mentionAt(k + 2);
      if (m) return ids(coordinated(map, m));
    }
  }
  // "Israel-Hezbollah ceasefire": a hyphenated pair right before the truce noun.
  return [];
}

function mentionedAfter(map: MentionMap, id: string, from: number): boolean {
  return map.mentions.some((m) => m.start >= from && m.actorIds.includes(id));
}

function insideName(map: MentionMap, t: TriggerMatch): boolean {
  const m = map.mentionAt(t.start);
  return m !== undefined && !m.anaphoric && map.tokens[t.start]!.cap && m.start < t.start && t.end <= m.end;
}

const OFFER_TYPES = new Set<EventType>(["RELEASE", "MEET", "AGREE", "ACCEPT", "RESUME", "CEASEFIRE", "HUMANITARIAN"]);

/**
 * "the group was ready to release more captives if …", "Yerevan was prepared to start consultations": a party declaring
 * itself ready to do what the other side wants makes an offer (PROPOSE), while the action itself is only its content.
 */
function offersIn(tokens: Token[], triggers: TriggerMatch[]): TriggerMatch[] {
  const out: TriggerMatch[] = [];
  for (const t of triggers) {
    if (!OFFER_TYPES.has(t.type) || !afterDisposition(tokens, t)) continue;
    const at = t.start - 2;
    if (
      !/^(ready|willing|prepared)$/.test(tokens[at]!.lower) ||
      !/^(is|was|are|were|'s|remains|remained)$/.test(tokens[at - 1]?.lower ?? "")
    )
      continue;
    out.push({
      type: "PROPOSE",
      pos: "phrase",
      lemma: `${tokens[at]!.lower} to`,
      form: "phrase",
      start: at,
      end: t.start,
      head: at,
    });
  }
  return out;
}

/** "ready to release", "meant to free": an action named as a disposition or purpose, not reported as an event. */
function afterDisposition(tokens: Token[], t: TriggerMatch): boolean {
  return tokens[t.start - 1]?.lower === "to" && DISPOSITIONS.has(tokens[t.start - 2]?.lower ?? "");
}
const DISPOSITIONS = new Set([
  "ready",
  "willing",
  "prepared",
  "meant",
  "designed",
  "intended",
  "supposed",
  "able",
  "unable",
  "aimed",
  "aiming",
  "seeking",
  "trying",
  "efforts",
  "effort",
  "bid",
  "order",
]);

/**
 * One event per action: a noun that restates an action a verb of the same type already reports ("signed … a
 * breakthrough", "the offensive has killed") is dropped, and so is a second verb of the same type in the same clause.
 */
function mergeRepeats(tokens: Token[], triggers: TriggerMatch[]): TriggerMatch[] {
  const drop = new Set<TriggerMatch>();
  for (const a of triggers) {
    if (a.pos !== "noun") continue;
    const verb = triggers.find(
      (b) => b !== a && b.type === a.type && b.pos !== "noun" && sameClause(tokens, a, b, true),
    );
    if (!verb) continue;
    // A passive verb ("in which 1,200 people were killed") reports the victims; the noun ("Hamas's attack") the agent.
    drop.add(verb.form === "past" && isPassive(tokens, verb.start) ? verb : a);
  }
  // Two nouns of one type in one clause ("insistence on … conditions") name one action.
  for (const a of triggers) {
    if (a.pos !== "noun" || drop.has(a)) continue;
    for (const b of triggers) {
      if (
        b !== a &&
        b.pos === "noun" &&
        b.type === a.type &&
        b.start > a.start &&
        !drop.has(b) &&
        sameClause(tokens, a, b, true)
      )
        drop.add(b);
    }
  }
  for (let i = 0; i < triggers.length; i++) {
    const a = triggers[i]!;
    if (drop.has(a)) continue;
    for (let j = i + 1; j < triggers.length; j++) {
      const b = triggers[j]!;
      if (drop.has(b) || b.type !== a.type || b.start - a.end > 10) continue;
      if (!sameClause(tokens, a, b, false)) continue;
      // "a statement sealing the deal was signed by …": the participle modifies a noun; the finite verb reports.
      const participle = a.form === "ing" && b.form !== "ing" && tokens[a.start - 1]?.kind === "word";
      drop.add(participle ? a : b);
      if (participle) break;
    }
  }
  return triggers.filter((t) => !drop.has(t));
}

function sameClause(tokens: Token[], a: TriggerMatch, b: TriggerMatch, lenient: boolean): boolean {
  const [first, second] = a.start < b.start ? [a, b] : [b, a];
  // Two verbs of one type joined by "and" share their subject ("reinforced and put on high alert").
  if (!lenient && second.start === first.end + 1 && tokens[first.end]?.lower === "and") return true;
  for (let k = first.end; k < second.start; k++) {
    const t = tokens[k]!;
    if (isBarrier(tokens, k) || t.lower === "while" || SPEECH_VERBS.has(t.lower) || subordinateAs(tokens, k))
      return false;
    if (!lenient && (t.text === "," || t.lower === "and" || t.lower === "or")) return false;
  }
  return true;
}

/**
 * "withdraw … as the army deploys", "was missed as talks dragged on": "as" opening a clause with its own subject, not
 * "as well as", "such as", "acted as mediator" or "as part of".
 */
function subordinateAs(tokens: Token[], k: number): boolean {
  if (tokens[k]?.lower !== "as") return false;
  const prev = tokens[k - 1]?.lower ?? "";
  const next = tokens[k + 1];
  if (next?.kind !== "word") return false;
  if (
    /^(such|well|so|same|just|act|acts|acted|acting|serve|serves|served|serving|known|seen|regarded|described)$/.test(
      prev,
    )
  )
    return false;
  return (
    /^(the|its|their|his|her|he|she|it|they|we|talks|negotiations|fighting|troops|forces)$/.test(next.lower) ||
    (next.cap && !/^(part|well)$/.test(next.lower))
  );
}

/**
 * "warned that Israeli operations in Rafah would cause …", "saw hope in Hamas's counter-proposals": an assessment of
 * another party's prospective strike or proposal is about that party.
 */
function assessedParties(events: DraftEvent[], rootOf: (id: string) => string): void {
  for (const e of events) {
    if (e.type !== "ASSESS" || e.target.length > 0 || e.source.length === 0) continue;
    const own = new Set(e.source.map(rootOf));
    const about = events.find(
      (o) =>
        o.source.length > 0 &&
        !o.source.some((id) => own.has(rootOf(id))) &&
        ((o.type === "MILITARY" && (o.status === "hypothetical" || o.status === "planned")) ||
          o.type === "PROPOSE" ||
          o.type === "COUNTER_PROPOSE"),
    );
    if (about) e.target = [...about.source];
  }
}

/** A noun phrase ending at `from` is the subject of "would/could/might" ("operations in Rafah would cause …"). */
function conditionalSubject(tokens: Token[], from: number): boolean {
  for (let k = from; k < Math.min(tokens.length, from + 5); k++) {
    const t = tokens[k]!;
    if (/^(would|could|might)$/.test(t.lower)) return true;
    if (
      t.kind === "punct" ||
      isBarrier(tokens, k) ||
      /^(that|which|who|and|or|is|are|was|were|has|have|had|will)$/.test(t.lower)
    )
      return false;
  }
  return false;
}

/** The noun phrase at `start` directly follows a clause opener ("as the talks …", "while negotiations …"). */
function opensClauseBefore(tokens: Token[], start: number): boolean {
  const k = tokens[start - 1]?.lower === "the" ? start - 2 : start - 1;
  const w = tokens[k]?.lower ?? "";
  // "after talks brokered by …" is a preposition; these open only clauses.
  return subordinateAs(tokens, k) || /^(while|when|once|because|although|though|whereas|if|unless)$/.test(w);
}

const PURPOSE_NOUNS = new Set([
  "time",
  "efforts",
  "effort",
  "bid",
  "attempt",
  "attempts",
  "push",
  "race",
  "drive",
  "way",
  "formula",
  "points",
  "chance",
  "hopes",
  "aim",
  "goal",
  "plan",
  "bids",
]);

/** "efforts by mediators to reach a deal", "sticking points to reaching a deal": a purpose, not an event. */
function purposeClause(tokens: Token[], t: TriggerMatch): boolean {
  const prev = tokens[t.start - 1]?.lower;
  if (t.form === "ing" && prev && /^(to|in|for|toward|towards|at|on)$/.test(prev) && t.type !== "MILITARY") return true;
  if (prev !== "to") return false;
  for (let k = t.start - 2; k >= Math.max(0, t.start - 5); k--) {
    const w = tokens[k]!.lower;
    // "he hopes to sign": after a subject, "hopes" is the verb, not the noun of "hopes to reach a deal".
    if (w === "hopes" && /^(he|she|it|they|we|who|also|still)$/.test(tokens[k - 1]?.lower ?? "")) return false;
    if (PURPOSE_NOUNS.has(w)) return true;
    if (tokens[k]!.text === "," || isBarrier(tokens, k)) return false;
  }
  return false;
}

/** Two events of one type with the same actors and status in one sentence report one action: keep the first. */
function distinctActions(events: DraftEvent[]): DraftEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    if (e.source.length === 0 && e.target.length === 0) return true;
    const key = `${e.type}|${[...e.source].sort().join(",")}|${[...e.target].sort().join(",")}|${e.status}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Types whose object a noun trigger can be ("withdrew from four days of negotiations" is not a separate MEET). */
const GOVERNING_TYPES = new Set<EventType>([
  "SUSPEND",
  "RESUME",
  "REJECT",
  "ACCEPT",
  "PROPOSE",
  "TRAVEL",
  "MEDIATE",
  "AGREE",
  "DEMAND",
  "APPEAL",
  "SUPPORT",
]);

/** A noun trigger that is the direct object of another trigger ("rejected the proposals") is that event's content. */
function dropObjectNouns(tokens: Token[], triggers: TriggerMatch[]): TriggerMatch[] {
  return triggers.filter((n) => {
    if (n.pos !== "noun") return true;
    // "confirmed the breakthrough", "committed to the agreement as announced": a deal reported as concluded is an
    // event of its own even as an object.
    if (n.type === "AGREE" && concluded(tokens, n)) return true;
    return !triggers.some((v) => {
      if (v === n || v.pos === "noun" || v.type === n.type || v.end > n.start) return false;
      // Through "of/from" ("withdrew from four days of talks") when the governing event takes such objects.
      if (GOVERNING_TYPES.has(v.type) && n.start - v.end <= 7) {
        let clean = true;
        for (let k = v.end; k < n.start; k++) if (tokens[k]!.text === "," || isBarrier(tokens, k)) clean = false;
        if (clean && tokens.slice(v.end, n.start).some((t) => t.lower === "of" || t.lower === "from")) return true;
      }
      if (n.start - v.end > 4) return false;
      for (let k = v.end; k < n.start; k++) {
        const t = tokens[k]!;
        if (t.kind === "punct" && t.text !== "-" && t.text !== "'s") return false;
        if (/^(to|for|of|in|on|with|by|from|over|about|after|before|into)$/.test(t.lower)) return false;
        // "was missed as talks dragged on", "warned that operations would …": a new clause, not an object.
        if (t.lower === "that" || (CLAUSE_OPENERS.has(t.lower) && t.lower !== "as") || subordinateAs(tokens, k))
          return false;
      }
      return true;
    });
  });
}

const CONCLUSION_WORDS = /^(confirmed|confirms|confirm|announced|reached|signed|sealed|concluded)$/;

function concluded(tokens: Token[], t: TriggerMatch): boolean {
  for (let k = Math.max(0, t.start - 2); k < Math.min(tokens.length, t.end + 3); k++)
    if (k !== t.start && CONCLUSION_WORDS.test(tokens[k]!.lower)) return true;
  return false;
}

/** "along with Egyptian mediators": present alongside, not a counterpart. */
function accompanying(map: MentionMap, id: string): boolean {
  return map.mentions.some((m) => {
    if (!m.actorIds.includes(id)) return false;
    const a = map.tokens[m.start - 1]?.lower;
    const b = map.tokens[m.start - 2]?.lower;
    return (a === "with" && (b === "along" || b === "together")) || a === "alongside" || a === "through" || a === "via";
  });
}

const TROOP_NOUNS = /^(troops|forces|soldiers|army|military|fighters|units|force)$/;

/** The owner of the troops a MOBILIZE trigger moves: "American troops", "Israel's forces", "its fighters". */
function troopOwner(map: MentionMap, trigger: TriggerMatch): string[] {
  const tokens = map.tokens;
  for (let k = Math.max(0, trigger.start - 6); k < Math.min(tokens.length, trigger.end + 6); k++) {
    const m = map.mentionAt(k);
    if (!m) continue;
    const last = tokens[m.end - 1]?.lower ?? "";
    const after = tokens[m.end]?.lower ?? "";
    if (
      TROOP_NOUNS.test(last) ||
      (m.possessive && TROOP_NOUNS.test(after)) ||
      (m.method === "demonym" && TROOP_NOUNS.test(after))
    ) {
      return [...m.actorIds];
    }
    k = m.end - 1;
  }
  return [];
}

/** The two parties a sentence pairs ("between X and Y", "X and Y …"), if any. */
function sentencePair(map: MentionMap): string[] {
  const tokens = map.tokens;
  for (let k = 0; k + 2 < tokens.length; k++) {
    const a = map.mentionAt(k);
    if (!a || a.start !== k || a.actorIds.length !== 1) continue;
    const sep = tokens[a.end]?.lower;
    if (sep !== "and" && sep !== "-") continue;
    let j = a.end + 1;
    if (tokens[j]?.lower === "the" && map.mentionAt(j)?.start !== j) j++;
    const b = map.mentionAt(j);
    if (!b || b.start !== j || b.actorIds.length !== 1 || b.actorIds[0] === a.actorIds[0]) continue;
    return [a.actorIds[0]!, b.actorIds[0]!];
  }
  return [];
}

/**
 * "negotiations and efforts continue", "the talks had stalled": talks as the subject of a RESUME or SUSPEND report are
 * that report, not a separate meeting — unless the sentence names who takes part ("talks involving X … ended").
 */
function dropTalksThatContinue(tokens: Token[], triggers: TriggerMatch[]): TriggerMatch[] {
  return triggers.filter((n) => {
    if (n.type !== "MEET" || n.pos !== "noun") return true;
    if (/^(involving|between|with)$/.test(tokens[n.end]?.lower ?? "")) return true;
    return !triggers.some(
      (v) =>
        (v.type === "RESUME" || v.type === "SUSPEND") &&
        v.start > n.start &&
        v.pos !== "noun" &&
        (v.start - n.end <= 5 ||
          tokens.slice(n.end, v.start).every((t) => t.text !== "," && t.text !== ";" && !SPEECH_VERBS.has(t.lower))),
    );
  });
}

/** The author of a proposal the sentence names: "Cairo's proposal", "the Egyptian initiative", "proposed by Egypt". */
function proposerIn(map: MentionMap): string | null {
  const tokens = map.tokens;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.lower === "proposed" && tokens[k + 1]?.lower === "by") {
      const m = map.mentionAt(k + 2) ?? map.mentionAt(k + 3);
      if (m?.actorIds.length === 1) return m.actorIds[0]!;
    }
    if (/^(proposal|proposals|initiative|plan|offer)$/.test(t.lower)) {
      const owner = map.endingBefore(k, 2);
      if (owner?.actorIds.length === 1 && (owner.possessive || owner.method === "demonym")) return owner.actorIds[0]!;
    }
  }
  return null;
}
