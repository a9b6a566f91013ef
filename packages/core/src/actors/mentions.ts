import type { ActorType, ResolutionMethod } from "@parley/schema";
import type { KnowledgeBase } from "../kb";
import { isPossessive, type Token } from "../text/tokens";
import { type ActorRegistry, PARTY_TYPES } from "./registry";
import {
  DELEGATION_NOUNS,
  EVENT_NOUNS,
  HONORIFICS,
  LOCATIVE_PREPOSITIONS,
  MONTHS,
  NAME_STOPWORDS,
  PEOPLE_NOUNS,
  STATE_NOUNS,
  WEEKDAYS,
} from "./words";

/** A stretch of a sentence's tokens that refers to one or more actors. */
export interface MentionHit {
  /** Token indices `[start, end)` within the sentence. */
  start: number;
  end: number;
  actorIds: string[];
  method: ResolutionMethod;
  /** Pronouns and anaphors ("he", "the group") as opposed to names and descriptions. */
  anaphoric: boolean;
  /** For possessive mentions ("Egypt's"), the token index after the possessive marker. */
  possessive: boolean;
}

const VERB_LIKE =
  /^(said|says|say|has|had|have|is|was|were|are|will|would|could|can|must|did|does|do|should|may|might|also|then|later|told|added|warned)$/;
const PREP_BEFORE =
  /^(in|to|from|at|into|on|of|for|with|by|against|between|among|about|after|before|since|under|over|via|through|than|like)$/;
const PERSON_PRONOUNS = new Set(["he", "she", "him", "his", "her"]);
const THING_PRONOUNS = new Set(["it", "its"]);
const PLURAL_PRONOUNS = new Set(["they", "their", "them"]);
const GROUP_ANAPHORS = new Set([
  "group",
  "movement",
  "militants",
  "insurgents",
  "rebels",
  "guerrillas",
  "organisation",
  "organization",
  "militia",
  "faction",
  "alliance",
  "coalition",
  "bloc",
]);
const STATE_ANAPHORS = new Set([
  "country",
  "kingdom",
  "government",
  "state",
  "emirate",
  "republic",
  "nation",
  "authorities",
]);
const PERSON_ANAPHORS = new Set([
  "official",
  "envoy",
  "minister",
  "spokesman",
  "spokeswoman",
  "president",
  "diplomat",
  "leader",
  "mediator",
  "negotiator",
  "premier",
  "chief",
  "adviser",
  "advisor",
  "commander",
  "secretary-general",
]);
const BODY_ANAPHORS = new Set([
  "ministry",
  "agency",
  "council",
  "cabinet",
  "army",
  "military",
  "delegation",
  "committee",
]);
const PAIR_PHRASES = [
  ["the", "two", "sides"],
  ["both", "sides"],
  ["the", "parties"],
  ["both", "parties"],
  ["the", "two", "countries"],
  ["the", "two", "rivals"],
  ["the", "two", "camps"],
  ["the", "two", "men"],
  ["the", "two", "governments"],
  ["the", "two", "neighbours"],
  ["the", "two", "neighbors"],
];
/** Capitalised title words that precede a name ("Foreign Minister Laurent Fabius") but are not part of it. */
const TITLE_WORDS =
  /^(Chairman|Chairwoman|Foreign|Defence|Defense|Finance|Justice|Interior|Minister|Secretary|President|Prime|Vice|Deputy|Director|Chief|Head|Envoy|Spokesman|Spokeswoman|Spokesperson|Speaker|Leader|Commander|General|Ambassador|Adviser|Advisor|Senator|Governor|Mayor|King|Crown|Supreme|Opposition|Parliament|National|Security|Former|Special|State|Caretaker|CIA|Mossad|Sheikh|Mullah|Prince|Emir|Ayatollah|Chancellor|Premier|Lt|Gen|Maj|Col)$/;
const ORG_WORDS =
  /^(Council|Front|Forces|Force|Ministry|Agency|University|Committee|Movement|Party|Brigades|Army|Headquarters|Command|Commission|Court|Office|Union|League|Organization|Organisation|Authority|Group|Bank|Fund|Institute|Mission|Alliance|Coalition|Assembly|Parliament|Service|Services|Guard|Corps|Council|Cabinet|Directorate|Department|Association|Federation|Network|Radio|News|Times|Post|Television|TV)$/;

interface Recent {
  id: string;
  type: ActorType;
  sentence: number;
  /** Position in the article, for recency. */
  order: number;
}

/** Finds actor mentions sentence by sentence and keeps what in-article coreference needs. */
export class MentionFinder {
  private readonly recent: Recent[] = [];
  private order = 0;
  /** Surnames and given names of people named so far in the article → their ids. */
  private readonly nameParts = new Map<string, string>();
  private mainParties: string[] | null = null;
  private partiesFromBetween = false;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly registry: ActorRegistry,
    private readonly published: string | null,
  ) {}

  find(tokens: Token[], sentence: number): MentionHit[] {
    const hits: MentionHit[] = [];
    this.sentenceHits = hits;
    this.sentenceTokens = tokens;
    let i = 0;
    while (i < tokens.length) {
      const hit = this.matchAt(tokens, i, sentence);
      if (hit) {
        hits.push(hit);
        for (const id of hit.actorIds) this.remember(id, sentence);
        // The first mention outside a prepositional phrase is the sentence's subject: pronouns prefer it.
        if (
          !this.currentSubject.has(sentence) &&
          (!hit.anaphoric || hit.method === "anaphor") &&
          !PREP_BEFORE.test(tokens[hit.start - 1]?.lower ?? "")
        ) {
          this.currentSubject.set(sentence, hit.actorIds);
        }
        i = hit.end;
      } else i++;
    }
    this.learnPairs(tokens, hits);
    mergeAppositives(tokens, hits, (id) => this.registry.get(id)?.type);
    return hits;
  }

  private sentenceHits: MentionHit[] = [];
  private sentenceTokens: Token[] = [];

  /** Subject actors per sentence index, for pronoun resolution. */
  private readonly currentSubject = new Map<number, string[]>();

  /** The article's two main parties, for "the two sides" (the first pair joined by "and"/"between"). */
  parties(): string[] {
    if (this.mainParties) return this.mainParties;
    if (this.fallbackParties?.at === this.recent.length) return this.fallbackParties.ids;
    const ids = this.mostMentionedSides();
    this.fallbackParties = { at: this.recent.length, ids };
    return ids;
  }

  private fallbackParties: { at: number; ids: string[] } | null = null;

  /** The last `n` distinct people named in this sentence or the one before, oldest first. */
  private lastPeople(n: number): string[] {
    // People named in this sentence outside prepositional phrases ("adviser to Prime Minister X" is not one of them).
    const named: string[] = [];
    for (const h of this.sentenceHits) {
      const id = h.actorIds[0];
      if (h.actorIds.length !== 1 || h.anaphoric || PREP_BEFORE.test(this.sentenceTokens[h.start - 1]?.lower ?? ""))
        continue;
      if (this.registry.get(id!)?.type === "PERSON" && !named.includes(id!)) named.push(id!);
    }
    if (named.length >= n) return named.slice(-n);
    const out: string[] = [];
    const last = this.recent[this.recent.length - 1]?.sentence ?? 0;
    for (let k = this.recent.length - 1; k >= 0 && out.length < n; k--) {
      const r = this.recent[k]!;
      if (r.sentence < last - 1) break;
      if (r.type === "PERSON" && !out.includes(r.id)) out.unshift(r.id);
    }
    return out;
  }

  /** No pair named together yet: the two most mentioned sides so far. */
  private mostMentionedSides(): string[] {
    // No pair named together yet: the two most mentioned parties so far.
    const ranked = [...this.sideCounts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
    return ranked.length >= 2 && ranked[1]![1] >= 2 ? [ranked[0]![0], ranked[1]![0]] : [];
  }

  /** Mentions per negotiating side, kept as mentions arrive (so "the two sides" costs no rescan). */
  private readonly sideCounts = new Map<string, number>();

  private remember(id: string, sentence: number): void {
    const actor = this.registry.get(id);
    if (!actor) return;
    this.recent.push({ id, type: actor.type, sentence, order: this.order++ });
    if (actor.type !== "PERSON") {
      const side = this.sideOf(id);
      if (this.isSide(side)) this.sideCounts.set(side, (this.sideCounts.get(side) ?? 0) + 1);
    }
    if (actor.type === "PERSON") {
      for (const name of [actor.name, ...actor.aliases]) {
        const parts = name.split(/\s+/);
        for (const part of parts.slice(1))
          if (part.length > 2 && !TITLE_WORDS.test(part)) this.nameParts.set(part.toLowerCase(), id);
      }
    }
  }

  private learnPairs(tokens: Token[], hits: MentionHit[]): void {
    if (this.mainParties && (this.partiesFromBetween || !tokens.some((t) => t.lower === "between"))) return;
    for (let k = 0; k + 1 < hits.length; k++) {
      const a = hits[k]!;
      const b = hits[k + 1]!;
      if (a.anaphoric || b.anaphoric || a.actorIds.length !== 1 || b.actorIds.length !== 1) continue;
      const between = tokens
        .slice(a.end, b.start)
        .map((t) => t.lower)
        .filter((w) => w !== "the");
      if (between.length !== 1 || !["and", "-", "–"].includes(between[0]!)) continue;
      const [x, y] = [this.registry.get(a.actorIds[0]!), this.registry.get(b.actorIds[0]!)];
      if (!x || !y || x.id === y.id) continue;
      const xs = this.sideOf(x.id);
      const ys = this.sideOf(y.id);
      if (this.isSide(xs) && this.isSide(ys) && xs !== ys) {
        // "a truce between X and Y" names the two sides of the conflict; a plain "X and Y" ("CIA and Mossad chiefs")
        // may name two allies, so it holds only until a "between" pair comes.
        const opener = tokens[a.start - 1]?.lower === "the" ? tokens[a.start - 2] : tokens[a.start - 1];
        const fromBetween = opener?.lower === "between";
        if (this.mainParties && !fromBetween) continue;
        this.partiesFromBetween = fromBetween;
        this.mainParties = [xs, ys];
        this.registry.use(xs);
        this.registry.use(ys);
        return;
      }
    }
  }

  /**
   * The negotiating side an actor stands for: a delegation or a generated ministry stands for its owner; states,
   * armed and political groups and known bodies that negotiate themselves (a military council) stand for themselves.
   */
  sideOf(id: string): string {
    const actor = this.registry.get(id);
    if (!actor) return id;
    if (actor.id.startsWith("gov:") || / delegation$/.test(actor.name) || actor.type === "PERSON")
      return this.kb.root(id);
    return id;
  }

  isSide(id: string): boolean {
    const actor = this.registry.get(id);
    return (
      actor !== undefined &&
      (PARTY_TYPES.has(actor.type) || (actor.type === "GOVERNMENT" && actor.known && !actor.id.startsWith("gov:")))
    );
  }

  private matchAt(tokens: Token[], i: number, sentence: number): MentionHit | null {
    const t = tokens[i]!;
    return (
      this.pair(tokens, i) ??
      this.titled(tokens, i) ??
      this.named(tokens, i) ??
      this.demonymGroup(tokens, i) ??
      this.capital(tokens, i) ??
      this.anaphor(tokens, i, sentence) ??
      (t.cap ? this.unknownName(tokens, i) : null)
    );
  }

  private pair(tokens: Token[], i: number): MentionHit | null {
    // "the two foreign ministers", "the two delegations": two of a plural noun are the two parties' people.
    if (tokens[i]?.lower === "the" && tokens[i + 1]?.lower === "two") {
      let k = i + 2;
      if (tokens[k]?.kind === "word" && !/s$/.test(tokens[k]!.lower) && /s$/.test(tokens[k + 1]?.lower ?? "")) k++;
      const noun = tokens[k];
      const isPair =
        noun !== undefined &&
        /^(sides|parties|countries|rivals|camps|men|governments|neighbours|neighbors|ministers|leaders|delegations|presidents|states|nations|foes|enemies|adversaries)$/.test(
          noun.lower,
        );
      // "the two men shook hands": the two people just named, not the two sides.
      if (isPair && /^(men|women|leaders|ministers|presidents|envoys|negotiators)$/.test(noun.lower)) {
        const people = this.lastPeople(2);
        if (people.length === 2)
          return { start: i, end: k + 1, actorIds: people, method: "anaphor", anaphoric: true, possessive: false };
      }
      const parties = isPair ? this.parties() : [];
      if (isPair && parties.length === 2) {
        return { start: i, end: k + 1, actorIds: [...parties], method: "anaphor", anaphoric: true, possessive: false };
      }
    }
    for (const words of PAIR_PHRASES) {
      if (words.every((w, k) => tokens[i + k]?.lower === w)) {
        const parties = this.parties();
        if (parties.length < 2) return null;
        return {
          start: i,
          end: i + words.length,
          actorIds: [...parties],
          method: "anaphor",
          anaphoric: true,
          possessive: false,
        };
      }
    }
    return null;
  }

  /** "US Secretary of State John Kerry", "Egypt's foreign minister", "Qatar's prime minister, Sheikh …". */
  private titled(tokens: Token[], i: number): MentionHit | null {
    let k = i;
    let of: string | null = null;
    if (tokens[k]?.lower === "the" || tokens[k]?.lower === "a" || tokens[k]?.lower === "an") k++;
    // A title that names its organisation ("the UN chief", "the NATO chief"): the office holder.
    const whole = tokens[k]?.cap ? this.kb.titles.longestAt(tokens, k, false) : undefined;
    const wholeOwner = whole?.value.of?.length === 1 ? whole.value.of[0] : undefined;
    if (whole && wholeOwner && whole.end - k >= 2 && tokens[k]?.cap) {
      let nameAt = whole.end;
      if (tokens[nameAt]?.text === ",") nameAt++;
      const named = this.personName(tokens, nameAt);
      if (named)
        return { start: i, end: named.end, actorIds: [named.id], method: "title", anaphoric: false, possessive: false };
      const holder = this.kb.officeHolder(whole.value.role, this.kb.root(wholeOwner), this.published);
      if (holder && tokens[i]?.lower === "the") {
        this.registry.use(holder);
        return { start: i, end: whole.end, actorIds: [holder], method: "title", anaphoric: false, possessive: false };
      }
    }
    // Possessor: "Egypt's", demonym "Egyptian", or a group ("Hamas deputy leader").
    const possessor = this.kb.names.longestAt(tokens, k);
    if (possessor && this.isOwner(possessor.value)) {
      if (isPossessive(tokens[possessor.end])) {
        of = possessor.value;
        k = possessor.end + 1;
      } else if (this.kb.titles.longestAt(tokens, possessor.end, false) || isModifier(tokens[possessor.end])) {
        of = possessor.value;
        k = possessor.end;
      }
    }
    if (!of) {
      const demonym = this.kb.demonyms.longestAt(tokens, k);
      if (demonym) {
        of = demonym.value;
        k = demonym.end;
      }
    }
    const modifiersAt = k;
    while (isModifier(tokens[k])) k++;
    let title = this.kb.titles.longestAt(tokens, k, false);
    // "top US diplomat": the country sits inside the title ("top … diplomat").
    if (!of) {
      const inner = this.kb.demonyms.longestAt(tokens, k) ?? this.kb.names.longestAt(tokens, k);
      if (inner && this.isOwner(inner.value)) {
        const joined = [...tokens.slice(modifiersAt, k), ...tokens.slice(inner.end)];
        const around = this.kb.titles.longestAt(joined, 0, false);
        const after = this.kb.titles.longestAt(tokens, inner.end, false);
        if (around && around.end > k - modifiersAt) {
          of = inner.value;
          title = { start: inner.end, end: inner.end + around.end - (k - modifiersAt), value: around.value };
          k = inner.end;
        } else if (after) {
          of = inner.value;
          k = inner.end;
          title = after;
        }
      }
    }
    if (!title) return null;
    let end = title.end;
    // "Foreign Minister of Egypt"
    if (!of && tokens[end]?.lower === "of") {
      const after = this.kb.names.longestAt(tokens, end + 1);
      if (after && this.isOwner(after.value)) {
        of = after.value;
        end = after.end;
      }
    }
    // A name right after the title, or after a comma: "Foreign Minister, Sameh Shoukry".
    let nameStart = end;
    if (tokens[nameStart]?.text === ",") nameStart++;
    const person = this.personName(tokens, nameStart);
    if (person)
      return { start: i, end: person.end, actorIds: [person.id], method: "title", anaphoric: false, possessive: false };
    if (nameStart !== end && !of) return null;
    const isBare = !of && tokens[i]?.lower !== "the";
    if (isBare) return null;
    const owner = of ?? this.defaultOwner(title.value.of);
    if (!owner) return null;
    const holder = this.kb.officeHolder(title.value.role, this.kb.root(owner), this.published);
    if (holder) {
      this.registry.use(holder);
      return { start: i, end, actorIds: [holder], method: "title", anaphoric: false, possessive: false };
    }
    // The definite "the president" with no owner: the last person with that kind of title is handled by anaphor().
    return null;
  }

  private defaultOwner(of: string[] | undefined): string | null {
    return of && of.length === 1 ? of[0]! : null;
  }

  private isOwner(id: string): boolean {
    const type = this.registry.get(id)?.type;
    return type !== undefined && type !== "PERSON" && type !== "MEDIA";
  }

  /** A person's name starting at token i: known in the knowledge base, earlier in the article, or new. */
  private personName(tokens: Token[], i: number): { id: string; end: number } | null {
    let k = i;
    while (tokens[k] && HONORIFICS.has(tokens[k]!.lower.replace(/\.$/, "")) && tokens[k]!.cap) {
      k++;
      if (tokens[k]?.text === ".") k++;
    }
    const known = this.kb.names.longestAt(tokens, k);
    if (known && this.registry.get(known.value)?.type === "PERSON") {
      this.registry.use(known.value);
      return { id: known.value, end: known.end };
    }
    const span = capitalisedRun(tokens, k);
    if (span.end - k < 2) {
      const single = tokens[k];
      if (single?.cap && span.end - k === 1) {
        const id = this.nameParts.get(single.lower) ?? this.uniqueSurname(single.lower);
        if (id) {
          this.registry.use(id);
          return { id, end: k + 1 };
        }
      }
      return null;
    }
    const words = tokens.slice(k, span.end).map((t) => t.text);
    const id = this.fuzzyPerson(words) ?? this.newActor(words.join(" "), "PERSON");
    return { id, end: span.end };
  }

  private uniqueSurname(surname: string): string | null {
    const ids = this.kb.surnames.get(surname);
    if (ids?.length !== 1) return null;
    const actor = this.kb.actors.get(ids[0]!);
    // Only people whose term covers the article's date (or have no recorded term).
    if (!actor) return null;
    if (this.published && actor.offices.length) {
      const active = actor.offices.some(
        (o) => (!o.start || o.start <= this.published!) && (!o.end || this.published! <= o.end),
      );
      if (!active) return null;
    }
    return ids[0]!;
  }

  /** A known person whose name shares most words with `words` and ends the same ("Mohammed bin Abdulrahma Al Thani"). */
  private fuzzyPerson(words: string[]): string | null {
    const lower = words.map((w) => w.toLowerCase());
    const last = lower[lower.length - 1]!;
    const viaPart = this.nameParts.get(last);
    if (viaPart) {
      const actor = this.registry.get(viaPart);
      const first = actor?.name.split(/\s+/)[0]?.toLowerCase();
      if (first && lower.includes(first)) return viaPart;
    }
    let best: string | null = null;
    let bestScore = 0;
    for (const id of this.kb.surnames.get(last) ?? []) {
      const actor = this.kb.actors.get(id);
      if (!actor) continue;
      const names = [actor.name, ...actor.aliases].map((n) => n.toLowerCase().split(/\s+/));
      for (const n of names) {
        const shared = n.filter((w) => lower.includes(w)).length;
        const score = shared / Math.max(n.length, lower.length);
        if (score > bestScore) {
          bestScore = score;
          best = id;
        }
      }
    }
    if (best && bestScore >= 0.5) {
      this.registry.use(best);
      return best;
    }
    return null;
  }

  private named(tokens: Token[], i: number): MentionHit | null {
    const t = tokens[i]!;
    const lowerDescription = !t.cap;
    const match = this.kb.names.longestAt(tokens, i, true);
    if (!match) return null;
    const actor = this.registry.get(match.value);
    if (!actor) return null;
    // A place name used as a venue ("in Cairo") is a place, not the state; capitals are handled separately.
    // …but a country that rockets are fired into is their target ("firing rockets into Israel").
    // "mediators from Egypt": the country the people come from is the actor, not a venue.
    const from = /^(from|of)$/.test(tokens[i - 1]?.lower ?? "") && PEOPLE_NOUNS.test(tokens[i - 2]?.lower ?? "");
    const struck =
      /^(into|at|against)$/.test(tokens[i - 1]?.lower ?? "") &&
      tokens
        .slice(Math.max(0, i - 4), i - 1)
        .some((t) => /^(rockets?|missiles?|shells?|drones?|fire|strikes?|attacks?)$/.test(t.lower));
    if (
      actor.type === "STATE" &&
      !struck &&
      !from &&
      LOCATIVE_PREPOSITIONS.has(tokens[i - 1]?.lower ?? "") &&
      !isPossessive(tokens[match.end])
    ) {
      const next = tokens[match.end];
      if (!next || !(STATE_NOUNS.has(next.lower) || DELEGATION_NOUNS.has(next.lower))) return null;
    }
    // "Hamas delegation", "Taliban negotiating team", "Egypt's foreign ministry".
    const body = this.bodyAfter(tokens, match.end, actor.id);
    if (body)
      return {
        start: i,
        end: body.end,
        actorIds: [body.id],
        method: "description",
        anaphoric: false,
        possessive: false,
      };
    this.registry.use(actor.id);
    const possessive = isPossessive(tokens[match.end]);
    return {
      start: i,
      end: possessive ? match.end + 1 : match.end,
      actorIds: [actor.id],
      method: lowerDescription ? "description" : "name",
      anaphoric: false,
      possessive,
    };
  }

  /** Bodies named after their owner: "X delegation", "X's foreign ministry", "X negotiating team". */
  private bodyAfter(tokens: Token[], k: number, ownerId: string): { id: string; end: number } | null {
    let j = k;
    if (isPossessive(tokens[j])) j++;
    const owner = this.registry.get(ownerId);
    if (!owner || owner.type === "PERSON" || owner.type === "MEDIA") return null;
    const w1 = tokens[j]?.lower;
    const w2 = tokens[j + 1]?.lower;
    const make = (kind: Parameters<ActorRegistry["body"]>[1], end: number) => {
      const body = this.registry.body(this.kb.root(ownerId), kind);
      return body ? { id: body.id, end } : null;
    };
    if (w1 === "delegation" || w1 === "negotiators" || w1 === "delegations") return make("delegation", j + 1);
    if (w1 === "negotiating" && (w2 === "team" || w2 === "delegation")) return make("delegation", j + 2);
    if ((w1 === "foreign" && w2 === "ministry") || (w1 === "foreign" && w2 === "office"))
      return make("foreign-ministry", j + 2);
    if ((w1 === "defence" || w1 === "defense") && w2 === "ministry") return make("defence-ministry", j + 2);
    if (w1 === "health" && w2 === "ministry") return make("health-ministry", j + 2);
    if (owner.type === "STATE" && (w1 === "army" || w1 === "military" || (w1 === "armed" && w2 === "forces"))) {
      return make("armed-forces", w1 === "armed" ? j + 2 : j + 1);
    }
    // "X officials", "X sources", "X mediators": the owner itself, consuming the noun; after a possessive only the
    // nouns that stand for the whole ("Egypt's government", "Ethiopia's federal government").
    while (j > k && isModifier(tokens[j])) j++;
    const standsForWhole = /^(government|authorities|leadership|administration|regime|side)$/.test(
      tokens[j]?.lower ?? "",
    );
    if (tokens[j] && STATE_NOUNS.has(tokens[j]!.lower) && (j === k || standsForWhole)) {
      this.registry.use(ownerId);
      return { id: ownerId, end: j + 1 };
    }
    if (w1 && STATE_NOUNS.has(w1) && j === k) {
      this.registry.use(ownerId);
      return { id: ownerId, end: j + 1 };
    }
    return null;
  }

  /** "Egyptian mediators", "Israeli negotiators", "the Egyptian government", "Russian officials". */
  private demonymGroup(tokens: Token[], i: number): MentionHit | null {
    let k = i;
    const det = tokens[k]?.lower;
    if (det === "the" || det === "a" || det === "an") k++;
    while (isModifier(tokens[k]) && tokens[k + 1]) k++;
    const demonym = this.kb.demonyms.longestAt(tokens, k);
    if (!demonym) return null;
    let stateId = demonym.value;
    let end = demonym.end;
    // "Egyptian and Qatari mediators": both states.
    const ids = [stateId];
    while ((tokens[end]?.lower === "and" || tokens[end]?.text === ",") && this.kb.demonyms.longestAt(tokens, end + 1)) {
      const more = this.kb.demonyms.longestAt(tokens, end + 1)!;
      ids.push(more.value);
      end = more.end;
    }
    // "Egyptian-mediated", "US-led": the state as the agent of a participle.
    if (
      tokens[end]?.text === "-" &&
      /^(led|run|backed|brokered|mediated|co-mediated|supplied|aligned|sponsored|drafted|proposed)$/.test(
        tokens[end + 1]?.lower ?? "",
      )
    ) {
      for (const id of ids) this.registry.use(id);
      return { start: i, end, actorIds: ids, method: "demonym", anaphoric: false, possessive: false };
    }
    let j = end;
    while (isModifier(tokens[j]) || tokens[j]?.lower === "security" || tokens[j]?.lower === "intelligence") {
      if (
        tokens[j]?.lower === "intelligence" &&
        (tokens[j + 1]?.lower === "agency" || tokens[j + 1]?.lower === "service")
      )
        break;
      j++;
    }
    // "Russian Kalibr cruise missiles": weapon and unit nouns may follow a couple of modifiers.
    if (!STATE_NOUNS.has(tokens[j]?.lower ?? "")) {
      for (let g = 1; g <= 2; g++) {
        const w = tokens[j + g]?.lower ?? "";
        if (
          /^(missiles?|jets|warplanes|drones|troops|forces|soldiers|strikes|airstrikes|artillery|shelling|bombardment|warships?|units|fighters)$/.test(
            w,
          ) &&
          tokens.slice(j, j + g).every((x) => x.kind === "word" && !/^(and|or|the|of|to|in)$/.test(x.lower))
        ) {
          j += g;
          break;
        }
      }
    }
    const noun = tokens[j]?.lower;
    if (!noun) return null;
    // Plural people nouns after the demonym itself ("Egyptians", "Israelis") are not actors.
    if (ids.length === 1) {
      const named = this.kb.names.longestAt(tokens, end);
      if (named && end === j && this.registry.get(named.value)?.type !== "STATE") return null;
    }
    stateId = ids[0]!;
    if (DELEGATION_NOUNS.has(noun) || (noun === "negotiating" && tokens[j + 1]?.lower === "team")) {
      // "the Saudi and Iranian delegations": each state's delegation.
      const bodies = ids.map((id) => this.registry.body(id, "delegation")).filter((b) => b !== undefined && b !== null);
      const stop = noun === "negotiating" ? j + 2 : j + 1;
      return bodies.length
        ? {
            start: i,
            end: stop,
            actorIds: bodies.map((b) => b!.id),
            method: "demonym",
            anaphoric: false,
            possessive: false,
          }
        : null;
    }
    if (noun === "intelligence" && (tokens[j + 1]?.lower === "agency" || tokens[j + 1]?.lower === "service")) {
      const known =
        this.registry.findByName(`${tokens[k]?.text} intelligence`) ?? this.kb.names.longestAt(tokens, k)?.value;
      const id = known && known !== stateId ? known : stateId;
      this.registry.use(id);
      return { start: i, end: j + 2, actorIds: [id], method: "demonym", anaphoric: false, possessive: false };
    }
    if (noun === "foreign" && tokens[j + 1]?.lower === "ministry") {
      const body = this.registry.body(stateId, "foreign-ministry");
      return body
        ? { start: i, end: j + 2, actorIds: [body.id], method: "demonym", anaphoric: false, possessive: false }
        : null;
    }
    if (
      (noun === "military" || noun === "army") &&
      !["aid", "action", "response", "operation", "operations", "withdrawal"].includes(tokens[j + 1]?.lower ?? "")
    ) {
      const body = this.registry.body(stateId, "armed-forces");
      return body
        ? { start: i, end: j + 1, actorIds: [body.id], method: "demonym", anaphoric: false, possessive: false }
        : null;
    }
    if (
      EVENT_NOUNS.has(noun) &&
      !(noun === "military" && /^(said|says|spokesman|spokeswoman)$/.test(tokens[j + 1]?.lower ?? ""))
    ) {
      // The demonym alone: the noun is an event trigger whose owner this is.
      for (const id of ids) this.registry.use(id);
      return { start: i, end, actorIds: ids, method: "demonym", anaphoric: false, possessive: false };
    }
    if (STATE_NOUNS.has(noun)) {
      for (const id of ids) this.registry.use(id);
      return { start: i, end: j + 1, actorIds: ids, method: "demonym", anaphoric: false, possessive: false };
    }
    return null;
  }

  /** A capital standing for its state ("Cairo says", "Tehran wants") when it is not a venue. */
  private capital(tokens: Token[], i: number): MentionHit | null {
    const t = tokens[i]!;
    if (!t.cap) return null;
    const place = this.kb.placeNames.longestAt(tokens, i);
    if (!place) return null;
    const stateId = this.kb.stateOfCapital.get(place.value);
    if (!stateId) return null;
    const prev = tokens[i - 1]?.lower ?? "";
    if (LOCATIVE_PREPOSITIONS.has(prev) || prev === "of" || prev === "the") return null;
    const next = tokens[place.end];
    // "the Cairo talks", "Doha deal": the city as an attribute of a noun is a venue.
    if (
      next &&
      next.kind === "word" &&
      !next.cap &&
      !isPossessive(next) &&
      !/^(and|or|says?|said|has|have|had|is|was|will|would|wants?|wanted|insists?|accused|accuses|refuses?|refused|rejected|rejects|also|alone|cut|led|kept|says|of|for|to|with|on|over|from|as|that|which|who|by|at|in|into|against|about|could|can|may|might|must|should|does|did|do)$/.test(
        next.lower,
      ) &&
      !next.lower.endsWith("ed") &&
      !next.lower.endsWith("ly") &&
      !next.lower.endsWith("s")
    )
      return null;
    if (next?.text === "," && tokens[place.end + 1] && MONTHS.has(tokens[place.end + 1]!.lower)) return null;
    this.registry.use(stateId);
    const possessive = isPossessive(next);
    return {
      start: i,
      end: possessive ? place.end + 1 : place.end,
      actorIds: [stateId],
      method: "capital",
      anaphoric: false,
      possessive,
    };
  }

  private anaphor(tokens: Token[], i: number, sentence: number): MentionHit | null {
    const t = tokens[i]!;
    const w = t.lower;
    // "his government": the state of the person meant.
    if ((w === "his" || w === "her") && /^(government|country|administration)$/.test(tokens[i + 1]?.lower ?? "")) {
      const person = this.latest((type) => type === "PERSON", sentence);
      const root = person ? this.kb.root(person) : null;
      if (root && root !== person) {
        this.registry.use(root);
        return { start: i, end: i + 2, actorIds: [root], method: "anaphor", anaphoric: true, possessive: false };
      }
    }
    if (PERSON_PRONOUNS.has(w)) {
      const id = this.latest((type) => type === "PERSON", sentence);
      return id
        ? {
            start: i,
            end: i + 1,
            actorIds: [id],
            method: "pronoun",
            anaphoric: true,
            possessive: w === "his" || w === "her",
          }
        : null;
    }
    // "Washington and its European partners": the possessive refers back across "and".
    if ((w === "its" || w === "their") && tokens[i - 1]?.lower === "and") {
      const before = this.sentenceHits[this.sentenceHits.length - 1];
      if (before && before.end === i - 1 && before.actorIds.length === 1) {
        return {
          start: i,
          end: i + 1,
          actorIds: [...before.actorIds],
          method: "pronoun",
          anaphoric: true,
          possessive: true,
        };
      }
    }
    // "a delegation" after an organisation named in the sentence ("A Hamas source said a delegation was headed …").
    if (w === "a" && tokens[i + 1]?.lower === "delegation") {
      const owner = this.sentenceHits.find((h) => h.actorIds.length === 1 && this.isOwner(h.actorIds[0]!));
      const body = owner ? this.registry.body(this.kb.root(owner.actorIds[0]!), "delegation") : undefined;
      if (body)
        return { start: i, end: i + 2, actorIds: [body.id], method: "anaphor", anaphoric: true, possessive: false };
    }
    if ((w === "its" || w === "their") && /^(delegation|negotiators|delegations)$/.test(tokens[i + 1]?.lower ?? "")) {
      const owner = this.latest((type) => type !== "PERSON" && type !== "MEDIA", sentence);
      const body = owner ? this.registry.body(this.kb.root(owner), "delegation") : undefined;
      if (body)
        return { start: i, end: i + 2, actorIds: [body.id], method: "anaphor", anaphoric: true, possessive: false };
    }
    if (THING_PRONOUNS.has(w)) {
      // "it is …", "it was …" are usually expletive; only resolve "it" before an action or speech verb.
      if (w === "it" && /^(is|was|'s|seems|appears|would|could|will)$/.test(tokens[i + 1]?.lower ?? "")) return null;
      // As the object of a verb ("Egypt … accusing it of …"), "it" is not the clause's own subject.
      const prev = tokens[i - 1];
      const object =
        w === "it" &&
        prev !== undefined &&
        prev.kind === "word" &&
        !prev.cap &&
        /(ing|ed|s)$/.test(prev.lower) &&
        !/^(is|was|has|as|its|this|that)$/.test(prev.lower);
      const subject = object ? this.currentSubject.get(sentence) : undefined;
      const id = subject?.length
        ? this.latestExcept((type) => type !== "PERSON" && type !== "MEDIA", sentence, subject)
        : this.latest((type) => type !== "PERSON" && type !== "MEDIA", sentence);
      return id
        ? { start: i, end: i + 1, actorIds: [id], method: "pronoun", anaphoric: true, possessive: w === "its" }
        : null;
    }
    if (PLURAL_PRONOUNS.has(w)) {
      // "Santos and Londoño set when they met": "they" are the pair named just before.
      const hits = this.sentenceHits;
      for (let k = hits.length - 1; k > 0; k--) {
        const a = hits[k - 1]!;
        const b = hits[k]!;
        if (b.end <= i && tokens[a.end]?.lower === "and" && b.start === a.end + 1 && !a.anaphoric && !b.anaphoric) {
          const ids = [...new Set([...a.actorIds, ...b.actorIds])];
          if (ids.length >= 2)
            return {
              start: i,
              end: i + 1,
              actorIds: ids,
              method: "pronoun",
              anaphoric: true,
              possessive: w === "their",
            };
        }
      }
      const id = this.latest((type) => type !== "PERSON" && type !== "MEDIA", sentence);
      return id
        ? { start: i, end: i + 1, actorIds: [id], method: "pronoun", anaphoric: true, possessive: w === "their" }
        : null;
    }
    if (w !== "the" && w !== "this") return null;
    let k = i + 1;
    // "the Gulf state", "the Caucasus nation": a capitalised regional modifier before a state noun.
    if (tokens[k]?.cap && STATE_ANAPHORS.has(tokens[k + 1]?.lower ?? "") && !this.kb.names.longestAt(tokens, k)) k++;
    while (
      isModifier(tokens[k]) ||
      tokens[k]?.lower === "militant" ||
      tokens[k]?.lower === "islamist" ||
      tokens[k]?.lower === "rebel" ||
      tokens[k]?.lower === "resistance" ||
      tokens[k]?.lower === "protest" ||
      tokens[k]?.lower === "armed"
    )
      k++;
    const noun = tokens[k]?.lower;
    if (!noun) return null;
    if (
      isPossessive(tokens[k + 1]) &&
      !GROUP_ANAPHORS.has(noun) &&
      !STATE_ANAPHORS.has(noun) &&
      !PERSON_ANAPHORS.has(noun) &&
      !BODY_ANAPHORS.has(noun)
    )
      return null;
    let id: string | null = null;
    if (GROUP_ANAPHORS.has(noun)) {
      // An alliance or bloc is political first; a group, militia or rebels armed first.
      const political = /^(alliance|coalition|bloc|movement)$/.test(noun);
      // "the bloc" is a regional organisation or alliance (the AU, the EU, ASEAN), never the UN or its agencies.
      if (noun === "bloc") id = this.latestBloc();
      id ??=
        this.latest((type) => type === (political ? "POLITICAL" : "ARMED_GROUP"), sentence, 6, true) ??
        this.salient((type) => type === (political ? "POLITICAL" : "ARMED_GROUP")) ??
        this.latest(
          (type) => type === "ARMED_GROUP" || type === "POLITICAL" || (political && type === "IGO"),
          sentence,
          6,
          true,
        );
    } else if (STATE_ANAPHORS.has(noun)) id = this.latest((type) => type === "STATE", sentence, 6, true);
    else if (PERSON_ANAPHORS.has(noun)) id = this.latest((type) => type === "PERSON", sentence);
    else if ((noun === "army" || noun === "military") && this.speakerState()) {
      // "Mikati … said the army would …": the army of the state whose official speaks.
      id = this.registry.body(this.speakerState()!, "armed-forces")?.id ?? null;
    } else if (BODY_ANAPHORS.has(noun)) id = this.latest((type) => type === "GOVERNMENT" || type === "IGO", sentence);
    if (!id) return null;
    const possessive = isPossessive(tokens[k + 1]);
    return {
      start: i,
      end: possessive ? k + 2 : k + 1,
      actorIds: [id],
      method: "anaphor",
      anaphoric: true,
      possessive,
    };
  }

  /**
   * The antecedent of a pronoun or definite description: the nearest clause subject earlier in this sentence
   * ("Erdogan said he …"), for a group or state the organisation of a person who speaks in this sentence
   * ("Baradar told the gathering the movement …"), then the previous sentence's subject, then the most recent mention.
   */
  private latest(
    accept: (type: ActorType) => boolean,
    sentence: number,
    window = 3,
    organisation = false,
  ): string | null {
    const tokens = this.sentenceTokens;
    // People: the nearest subject ("Erdogan said he …"); organisations: the sentence's first subject
    // ("the ministry said Armenia must …, and it demanded …").
    const person = accept("PERSON");
    const order = this.sentenceHits.map((_, k) => k);
    if (person) order.reverse();
    for (const k of order) {
      const h = this.sentenceHits[k]!;
      if (h.actorIds.length !== 1 || PREP_BEFORE.test(tokens[h.start - 1]?.lower ?? "")) continue;
      const next = tokens[h.end];
      // A sentence-initial name is the subject even when an appositive follows ("President X, speaking …, said").
      const subjectLike =
        (h.start <= 1 && next?.text === ",") ||
        (next !== undefined &&
          (VERB_LIKE.test(next.lower) || (next.kind === "word" && !next.cap && /(ed|s)$/.test(next.lower))));
      const type = this.registry.get(h.actorIds[0]!)?.type;
      if (subjectLike && type && accept(type)) return h.actorIds[0]!;
    }
    if (organisation) {
      for (const h of this.sentenceHits) {
        const person = h.actorIds.length === 1 ? this.registry.get(h.actorIds[0]!) : undefined;
        if (person?.type !== "PERSON" || !person.affiliation) continue;
        const root = this.kb.root(person.id);
        const type = this.registry.get(root)?.type;
        if (root !== person.id && type && accept(type)) {
          this.registry.use(root);
          return root;
        }
      }
    }
    const previous = this.currentSubject.get(sentence - 1);
    if (previous?.length === 1) {
      const type = this.registry.get(previous[0]!)?.type;
      if (type && accept(type)) return previous[0]!;
    }
    for (let k = this.recent.length - 1; k >= 0; k--) {
      const r = this.recent[k]!;
      if (sentence - r.sentence > window) break;
      if (accept(r.type)) return r.id;
    }
    return null;
  }

  /** The most recent compatible actor other than `exclude` (an object pronoun is not its clause's subject). */
  private latestExcept(accept: (type: ActorType) => boolean, sentence: number, exclude: string[]): string | null {
    for (let k = this.recent.length - 1; k >= 0; k--) {
      const r = this.recent[k]!;
      if (sentence - r.sentence > 3) break;
      if (accept(r.type) && !exclude.includes(r.id)) return r.id;
    }
    return null;
  }

  private latestBloc(): string | null {
    for (let k = this.recent.length - 1; k >= 0; k--) {
      const r = this.recent[k]!;
      if (r.type === "IGO" && this.kb.root(r.id) !== "igo:un") return r.id;
    }
    return null;
  }

  /** The state of the first person named in the current sentence, if any. */
  private speakerState(): string | null {
    for (const h of this.sentenceHits) {
      const person = h.actorIds.length === 1 ? this.registry.get(h.actorIds[0]!) : undefined;
      if (person?.type !== "PERSON") continue;
      const root = this.kb.root(person.id);
      if (root !== person.id && this.registry.get(root)?.type === "STATE") return root;
    }
    return null;
  }

  /** The most mentioned actor of the accepted type so far in the article ("the alliance" long after it was named). */
  private salient(accept: (type: ActorType) => boolean): string | null {
    const counts = new Map<string, number>();
    for (const r of this.recent) if (accept(r.type)) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
    let best: string | null = null;
    for (const [id, n] of counts) if (!best || n > (counts.get(best) ?? 0)) best = id;
    return best;
  }

  /** A capitalised name the knowledge base does not know: kept as an unresolved actor. */
  private unknownName(tokens: Token[], i: number): MentionHit | null {
    const first = tokens[i]!;
    if (i === 0 && NAME_STOPWORDS.has(first.lower)) return null;
    if (NAME_STOPWORDS.has(first.lower) || MONTHS.has(first.lower) || WEEKDAYS.has(first.lower)) return null;
    if (this.kb.placeNames.longestAt(tokens, i) || this.kb.demonyms.longestAt(tokens, i)) return null;
    const honorific = HONORIFICS.has(first.lower.replace(/\.$/, ""));
    const span = capitalisedRun(tokens, i);
    const words = tokens.slice(i, span.end);
    if (words.length === 1) {
      // A single known surname ("Abbas", "Kerry") of someone named earlier in the article.
      const id = this.nameParts.get(first.lower);
      if (id) return { start: i, end: i + 1, actorIds: [id], method: "surname", anaphoric: false, possessive: false };
      const unique =
        i > 0 || /^(said|says|told|added)$/.test(tokens[i + 1]?.lower ?? "") ? this.uniqueSurname(first.lower) : null;
      if (unique) {
        this.registry.use(unique);
        return { start: i, end: i + 1, actorIds: [unique], method: "surname", anaphoric: false, possessive: false };
      }
      return null;
    }
    if (i === 0 && words.length < 2) return null;
    const text = words.map((w) => w.text).join(" ");
    const last = words[words.length - 1]!.text;
    const isOrg = words.some((w) => ORG_WORDS.test(w.text));
    const looksPerson =
      honorific ||
      (words.length >= 2 &&
        words.length <= 4 &&
        !isOrg &&
        words.every(
          (w) =>
            /^\p{Lu}[\p{Ll}'’-]+$/u.test(w.text) ||
            /^(al|el|bin|ibn|de|la|van|von|abu|abdel|abdul)$/i.test(w.text) ||
            /^\p{Lu}\.$/u.test(w.text),
        ));
    if (!isOrg && !looksPerson) return null;
    // Sentence-initial two-word runs are often a headline fragment; require the next word to be a verb-ish or comma.
    if (i === 0 && !isOrg && !/^(,|said|says|told|has|had|was|is|who|added)$/.test(tokens[span.end]?.lower ?? ""))
      return null;
    let skip = 0;
    while (skip < words.length - 1 && (HONORIFICS.has(words[skip]!.lower) || TITLE_WORDS.test(words[skip]!.text)))
      skip++;
    const nameWords = words.slice(skip);
    if (skip > 0 && nameWords.length < 2 && !this.nameParts.has(nameWords[0]?.lower ?? "")) return null;
    if (nameWords.length === 0) return null;
    const id =
      looksPerson && !isOrg
        ? (this.fuzzyPerson(nameWords.map((w) => w.text)) ??
          this.newActor(nameWords.map((w) => w.text).join(" "), "PERSON"))
        : this.newActor(
            text,
            isOrg && /Forces|Force|Brigades|Army|Front|Guard|Corps/.test(text) ? "ARMED_GROUP" : "OTHER",
          );
    void last;
    return {
      start: i,
      end: span.end,
      actorIds: [id],
      method: "unresolved",
      anaphoric: false,
      possessive: isPossessive(tokens[span.end]),
    };
  }

  private newActor(name: string, type: ActorType): string {
    const id = `new:${name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-")}`;
    this.registry.ensure(id, () => ({ id, name, type, affiliation: null, aliases: [], offices: [], known: false }));
    return id;
  }
}

/** Adjectives that may sit between a determiner and a title or group noun. */
const MODIFIERS = new Set(
  (
    "senior top former deputy chief acting caretaker new then outgoing incoming recently-elected unnamed leading main " +
    "ruling federal veteran prominent close longtime exiled embattled"
  ).split(" "),
);
function isModifier(t: Token | undefined): boolean {
  return t !== undefined && MODIFIERS.has(t.lower);
}

/** The run of capitalised words (with name particles) starting at i. */
function capitalisedRun(tokens: Token[], i: number): { end: number } {
  let k = i;
  while (k < tokens.length) {
    const t = tokens[k]!;
    if (t.cap && t.kind === "word" && !isPossessive(t)) {
      k++;
      continue;
    }
    if (k > i && /^(al|el|bin|ibn|de|la|del|van|von|abu|bint|ul|ad-din|al-din)$/.test(t.lower) && tokens[k + 1]?.cap) {
      k++;
      continue;
    }
    if (k > i && t.text === "." && /^\p{Lu}$/u.test(tokens[k - 1]!.text)) {
      k++;
      continue;
    }
    break;
  }
  return { end: k };
}

const DESCRIPTIVE = new Set(["demonym", "description", "anaphor", "pronoun"]);

/**
 * "Hochstein, the US mediator, …" and "Hamas's armed wing, the Qassam Brigades, …": a noun phrase set off by commas
 * right after a mention names the same actor. The more specific of the two (a name over a description) wins.
 */
function mergeAppositives(tokens: Token[], hits: MentionHit[], typeOf: (id: string) => ActorType | undefined): void {
  for (let k = 0; k + 1 < hits.length; k++) {
    const a = hits[k]!;
    const b = hits[k + 1]!;
    if (a.actorIds.length !== 1 || b.actorIds.length !== 1 || b.possessive) continue;
    // "The agency's chief, Yukiya Amano, …": the possessive and its title name the person that follows.
    if (a.possessive) {
      const title = tokens[a.end];
      if (
        title &&
        /^(chief|head|leader|director|spokesman|spokeswoman|envoy|minister|president)$/.test(title.lower) &&
        tokens[a.end + 1]?.text === "," &&
        b.start === a.end + 2 &&
        typeOf(b.actorIds[0]!) === "PERSON"
      ) {
        a.actorIds = [...b.actorIds];
        a.possessive = false;
      }
      continue;
    }
    const detBefore = /^(the|a|an)$/.test(tokens[a.end + 1]?.lower ?? "") && b.start === a.end + 2;
    if (tokens[a.end]?.text !== "," || !(b.start === a.end + 1 || detBefore)) continue;
    const closes = tokens[b.end]?.text === "," || b.end >= tokens.length || tokens[b.end]?.text === ".";
    if (!closes) continue;
    const startsWithDeterminer = detBefore || /^(the|a|an)$/.test(tokens[b.start]?.lower ?? "");
    const aType = typeOf(a.actorIds[0]!);
    const bType = typeOf(b.actorIds[0]!);
    if (DESCRIPTIVE.has(b.method) && (startsWithDeterminer || b.method === "demonym")) {
      // A person described by their state ("Hochstein, the US mediator") stays the person.
      if (aType === "PERSON" || bType === aType || bType === "STATE") b.actorIds = [...a.actorIds];
    } else if (startsWithDeterminer && DESCRIPTIVE.has(a.method) && b.method === "name") {
      a.actorIds = [...b.actorIds];
    } else if (
      startsWithDeterminer &&
      b.method === "name" &&
      aType !== "PERSON" &&
      bType !== "PERSON" &&
      a.method !== "name"
    ) {
      a.actorIds = [...b.actorIds];
    }
  }
}
