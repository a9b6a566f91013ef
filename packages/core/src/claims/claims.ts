import type { ClaimKind, Qualifier } from "@parley/schema";
import { findNumbers, type NumberMention } from "./numbers";

/**
 * Numeric claims: counts of people, objects or occurrences in one sentence.
 *
 * Not claims: years, dates and times of day; durations ("14 months", "four-month war"), distances, weights and
 * volumes, money and percentages; ages ("people over 50"); multipliers ("three times as many"); ordinals of days,
 * phases and positions ("fifth day"; an ordinal counts only occurrences: "the 50th swap"); numbers inside names
 * ("Il-76", "the Group of Seven"); small counts of known entities ("the two sides"); the pronoun "one"; and vague
 * quantities (dozens, hundreds, thousands, tens of thousands, millions): they carry no usable value, so they are
 * left to the reader rather than coded with a made-up number.
 *
 * The kind comes from the counted noun and the words governing it in the same clause, in this order:
 * 1. a death or injury word governing the number ("killed 600 Palestinians", "87 people were killed",
 *    "thirty-four of whom … are dead", "puts the toll at 120");
 * 2. a subset ("65 of them …") takes its parent's death/injury kind; a list item after a claim ("Twelve hostages,
 *    10 Israelis and two Thai nationals") or a coordinated count ("600 Palestinians and 29 Israelis") takes the
 *    claim's kind when it has no kind of its own;
 * 3. captives (hostages, captives, "taken captive", seized/abducted/held people) → hostages; prisoners, detainees,
 *    POWs and servicemen exchanged or brought back → prisoners;
 * 4. residents, inhabitants, "home to", "people living", "trapped" → population;
 * 5. displaced, fled, evacuated, refugees, "found refuge" → displaced;
 * 6. aid trucks, "trucks of aid" → aid;
 * 7. a listed object or occurrence noun (troops, fighters, centrifuges, missiles, zones, camps, countries,
 *    sessions, rounds, seats, members, swaps, occasions, ships …) → other.
 * A number with none of these is not reported. All patterns are precompiled and only see short windows.
 */

export interface RawClaim {
  kind: ClaimKind;
  value: number;
  qualifier: Qualifier;
  subject: string | null;
  location: string | null;
  raw: string;
  start: number;
  end: number;
}

const MONTH =
  "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const MONTH_BEFORE = new RegExp(`\\b(?:${MONTH})\\.?\\s$`, "i");
const MONTH_AFTER = new RegExp(`^(?:st|nd|rd|th)?\\s(?:of\\s)?(?:${MONTH})\\b`, "i");

/** Units after a number that make it a duration, distance, weight, money, percentage or age. */
const UNIT_AFTER =
  /^(?:\s|-)?(?:(?:more|extra|further|additional|consecutive|full|straight|long|whole)\s)?(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)|nights?|km|kilometres?|kilometers?|miles?|metres?|meters?|m\b|feet|ft|yards?|tonnes?|tons?|kg|kilograms?|pounds?|lbs?|litres?|liters?|gallons?|barrels?|hectares?|acres?|sq|square|per\s?cent|percent|%|percentage|dollars?|euros?|cents?|shekels?|rubles?|roubles?|yuan|yen|rupees?|riyals?|dinars?|pence|p\.m\.|a\.m\.|pm\b|am\b|o'clock|times\b|fold|year-old|times as|degrees?|mph|gmt|utc)/i;
const CURRENCY_BEFORE = /(?:[$\u20ac\u00a3\u00a5\u20aa\u20bd]|US\$|USD|EUR|GBP|Rs\.?)\s?$/;
const TIME_AFTER = /^(?::\d|\.\d\d\s?[ap]\.?m)/i;
const AGE_BEFORE = /\b(?:aged|age|ages|over|under|above|older than|younger than)\s$/i;
const NAME_BEFORE =
  /\b(?:Resolution|Article|Section|Chapter|Flight|Route|Highway|Road|No\.|Number|Room|Gate|Unit|Brigade|Division|Battalion|Paragraph|Clause|Point|Phase|Stage|Level|Protocol|Camp|Block|Sector|Zone|Area|Building|Tower|Platform|Channel|Page|Vol\.?|Round|Group|Line|Hill|Kilometre|Km)\s$/;
const DET_BEFORE = /\b(?:the|these|those|both|its|their|his|her|our|your|all|each)\s$/i;

/** Occurrence nouns an ordinal can count ("the 50th swap"). */
const OCCURRENCE =
  /^\s(?:\w+\s)?(?:swaps?|exchanges?|rounds?|sessions?|meetings?|attacks?|attempts?|violations?|ceasefires?|truces?|time|occasions?|strikes?|raids?|convoys?|flights?|releases?|batch(?:es)?|groups?)\b/i;

const DEATH =
  /\b(?:killed|killing|kills?|dead|died|die|dies|dying|deaths?|death toll|toll|lives|slain|perished|massacred|fatalities|executed|murdered)\b/i;
const INJURY = /\b(?:wounded|wounding|injured|injuring|injuries|hurt|maimed)\b/i;
const HOSTAGE_NOUN = /\b(?:hostages?|captives?|abductees?)\b/i;
const HOSTAGE_CONTEXT =
  /\b(?:taken captive|taken hostage|held hostage|held captive|held in|held by|in captivity|abducted|kidnapped|seized|snatched)\b/i;
const PRISONER_NOUN =
  /\b(?:prisoners?|detainees?|POWs?|inmates|prisoners of war|servicemen|soldiers|troops|fighters|militants|combatants)\b/i;
const PRISONER_STRICT = /\b(?:prisoners?|detainees?|POWs?|inmates)\b/i;
const EXCHANGE =
  /\b(?:swap(?:ped|s)?|exchang(?:e|ed|es|ing)|brought back|handed over|repatriated|returned|freed|released|frees|free|release|releases|captivity|captured)\b/i;
const POPULATION =
  /\b(?:residents|inhabitants|population|home to|people living|living in|live in|lives in|trapped|citizens of)\b/i;
const POPULATION_NOUN = /^(?:residents|inhabitants|population)$/i;
const DISPLACED =
  /\b(?:displaced|displacing|displacement|fled|flee|fleeing|evacuated|evacuees|uprooted|refugees?|found refuge|sought refuge|forced from|driven from|homeless|sheltering)\b/i;
const AID_NOUN = /\b(?:aid|humanitarian|relief|food|fuel|medical)\b/i;
const TRUCK = /\b(?:trucks?|lorries|lorry|truckloads?|convoys?)\b/i;

/** Object and occurrence nouns counted as kind `other`. */
const OTHER_NOUN =
  /^(?:troops|soldiers|fighters|militants|combatants|personnel|peacekeepers|officers|police(?:men)?|service members|servicemen|centrifuges|missiles|rockets|drones|shells|mortars|bombs|warplanes|jets|aircraft|planes|helicopters|tanks|vehicles|ships|vessels|boats|zones|camps|bases|positions|checkpoints|crossings|outposts|settlements|villages|towns|cities|sites|countries|nations|states|sessions|rounds|meetings|seats|members|swaps|exchanges|occasions|times|attacks|strikes|airstrikes|raids|violations|weapons|tunnels|launchers|mines|brigades|battalions|divisions|regiments|delegations|envoys|observers|monitors|inspectors|trucks|convoys|points)$/i;

/** People nouns: the counted noun is a group of people. */
const PEOPLE_NOUN =
  /^(?:people|persons|civilians|children|women|men|babies|infants|minors|teenagers|students|pupils|journalists|workers|doctors|nurses|patients|families|protesters|demonstrators|victims|individuals|members|citizens|nationals|villagers|residents|inhabitants|refugees|migrants|hostages|captives|prisoners|detainees|soldiers|troops|servicemen|fighters|militants|police|officers|staff|others|more|adults|girls|boys|elderly|wounded|dead)$/i;

/** Words that end the counted noun phrase. */
const NP_STOP = new Set(
  (
    "who whom which that were was are is be been being have has had will would could should may might can to in on at " +
    "from for by with into during since after before as than while when where but or if because including among " +
    "remain remained died a an the this said says say per each within over under across through toward towards " +
    "against about around near outside inside via amid without beyond between upon onto off up down out behind " +
    "like than so also not only just still yet already now then there here it its their his her"
  ).split(" "),
);

const NP_VERBS = new Set(
  (
    "fled hit left fought remain remains stay stays went came took gave met held made saw got lost shot sent brought " +
    "began arrived live lives lived die dies stood sat ran fell rose crossed looked"
  ).split(" "),
);

/** Whether `word` (or its plural) is one of the nouns matched by `re`. */
function nounIs(re: RegExp, word: string): boolean {
  return re.test(word) || re.test(`${word}s`);
}

/** The first word of the phrase that is one of the nouns matched by `re`. */
function anyNoun(re: RegExp, np: string): string | null {
  for (const w of np.toLowerCase().split(" ")) if (w && nounIs(re, w.replace(/^-/, ""))) return w;
  return null;
}

const WORD = /[\p{L}\p{N}'-]+|[,;:.!?()"\u2013\u2014]/gu;

interface Candidate {
  n: NumberMention;
  /** Counted noun phrase, as written. */
  np: string;
  npEnd: number;
  /** "N of them/whom/those …": a subset of an earlier count. */
  subset: boolean;
  /** The last word of the noun phrase, lower-cased. */
  head: string;
}

/** Reads the noun phrase after a number: up to five words until a stop word or punctuation. */
function nounPhrase(
  text: string,
  from: number,
  limit: number,
): { np: string; end: number; subset: boolean; head: string } {
  const slice = text.slice(from, Math.min(limit, from + 90));
  let subset = false;
  const words: string[] = [];
  let end = from;
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  let first = true;
  let skipOf = false;
  // biome-ignore lint/suspicious/noAssignInExpressions: regex loop
  while ((m = WORD.exec(slice)) !== null) {
    const w = m[0];
    const lw = w.toLowerCase();
    if (first && (lw === "of" || lw === "-member" || lw === "member")) {
      if (lw === "of") {
        skipOf = true;
        first = false;
        continue;
      }
    }
    if (skipOf && words.length === 0 && /^(?:them|whom|those|these|the|its|their)$/.test(lw)) {
      subset = lw === "them" || lw === "whom";
      end = from + m.index + w.length;
      continue;
    }
    first = false;
    if (/^[,;:.!?()"\u2013\u2014]$/.test(w)) break;
    if (NP_STOP.has(lw) || (lw === "and" && words.length === 0)) break;
    // a participle or verb after the noun ends the phrase ("children held", "Armenians fled")
    if (words.length > 0 && (/(?:ed|ing)$/.test(lw) || NP_VERBS.has(lw))) break;
    if (lw === "and" && words.length > 0) {
      // "women and children" — keep coordination of people nouns only
      const rest = slice.slice(m.index + w.length).match(/^\s+([\p{L}-]+)/u);
      if (!rest || !PEOPLE_NOUN.test(rest[1]!)) break;
    }
    words.push(w);
    end = from + m.index + w.length;
    if (words.length >= 5) break;
  }
  const np = words.join(" ");
  let head = "";
  for (let i = words.length - 1; i >= 0; i--) {
    const lw = words[i]!.toLowerCase();
    if (lw !== "and" && lw !== "more") {
      head = lw.replace(/^-/, "");
      break;
    }
  }
  return { np, end, subset, head };
}

function isYear(n: NumberMention): boolean {
  if (n.vague || n.ordinal || !/^\d{4}$/.test(n.raw)) return false;
  return n.value >= 1800 && n.value <= 2100;
}

/** Why a number is not a count, or null when it may be one. */
export function notACount(text: string, n: NumberMention, sentenceStart: number): boolean {
  if (n.vague) return true;
  const before = text.slice(Math.max(sentenceStart, n.start - 24), n.start);
  const after = text.slice(n.end, n.end + 40);
  if (isYear(n)) return true;
  if (MONTH_BEFORE.test(before) || MONTH_AFTER.test(after)) return true;
  if (TIME_AFTER.test(after)) return true;
  if (UNIT_AFTER.test(after)) return true;
  if (CURRENCY_BEFORE.test(before)) return true;
  if (NAME_BEFORE.test(before)) return true;
  if (/^-?(?:year|month|week|day|hour|minute|km|mile|metre|meter)/i.test(after)) return true;
  if (/^\s?(?:times|fold)\b/i.test(after)) return true;
  if (n.ordinal && !OCCURRENCE.test(after)) return true;
  const lower = n.raw.toLowerCase();
  if (lower === "one" || lower === "zero") return true;
  // a capitalised number word inside a sentence is part of a name ("the Group of Seven")
  if (/^\p{Lu}/u.test(n.raw) && /\p{L}/u.test(n.raw) && /[\p{L},]\s$/u.test(before)) return true;
  // ages: "people over 50", "aged 12"
  if (AGE_BEFORE.test(before) && /^\s*(?:[,;.)]|and\b|or\b|$)/.test(after)) return true;
  // "the two sides": a small count of entities already known
  if (DET_BEFORE.test(before) && n.value < 10 && n.qualifier === "exact") return true;
  return false;
}

function kindFromWindow(window: string): ClaimKind | null {
  if (DEATH.test(window)) return "killed";
  if (INJURY.test(window)) return "injured";
  return null;
}

export function findClaims(text: string, sentence: { start: number; end: number }): RawClaim[] {
  const { start: s0, end: s1 } = sentence;
  const numbers = findNumbers(text, s0, s1);
  if (numbers.length === 0) return [];
  const cands: Candidate[] = [];
  for (const n of numbers) {
    if (notACount(text, n, s0)) continue;
    let from = n.end;
    // compound modifier: "11-member council"
    const compound = /^-([\p{L}]+)/u.exec(text.slice(n.end, n.end + 30));
    if (compound) from = n.end + 1;
    const { np, end, subset, head } = nounPhrase(text, from, s1);
    cands.push({ n, np, npEnd: end, subset, head });
  }

  const out: RawClaim[] = [];
  const kinds: Array<ClaimKind | null> = [];
  const fromLeftVerb: boolean[] = [];
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    const prev = i > 0 ? cands[i - 1] : undefined;
    const next = cands[i + 1];
    // clause windows
    const leftFloor = Math.max(s0, prev ? prev.npEnd : s0, c.n.start - 90);
    const left = text.slice(leftFloor, c.n.qualifierStart);
    let rightEnd = Math.min(s1, c.npEnd + 120);
    if (next) {
      const gap = text.slice(c.npEnd, next.n.qualifierStart);
      if (next.subset && /^\s*,\s*$/.test(gap)) {
        // "six people, four of them pupils, were shot dead": skip over the apposition
        const comma = text.indexOf(",", next.npEnd);
        rightEnd = Math.min(rightEnd, s1);
        if (comma < 0 || comma >= rightEnd) rightEnd = Math.min(rightEnd, next.n.qualifierStart);
      } else {
        rightEnd = Math.min(rightEnd, next.n.qualifierStart);
      }
    }
    let right = text.slice(c.npEnd, Math.max(c.npEnd, rightEnd));
    // the right window ends at a clause break
    const brk = /;|\s[\u2013\u2014]\s|\bwhile\b|\bwhereas\b|\bbut\b|\baccording to\b/i.exec(right);
    if (brk) right = right.slice(0, brk.index);
    const np = c.np;
    const head = c.head;
    // left: a governing verb right before the number ("has killed more than", "seized about", "free")
    const leftVerb =
      /\b([\p{L}]+)\s+(?:(?:a total of|the|some|all|another|an additional|a further|at least|more than|nearly|about|around|up to|over|roughly)\s+){0,2}$/iu.exec(
        left,
      );
    const lv = leftVerb ? leftVerb[1]!.toLowerCase() : "";
    const leftNear = text.slice(Math.max(leftFloor, c.n.qualifierStart - 40), c.n.qualifierStart);

    let kind: ClaimKind | null = null;
    let viaLeft = false;
    // 1. death / injury
    if (
      /^(?:killed|killing|kill|kills|slain|massacred|executed)$/.test(lv) ||
      /\b(?:toll|lives)\b[^,;]{0,25}$/i.test(leftNear)
    ) {
      kind = "killed";
      viaLeft = true;
    } else if (/^(?:wounded|wounding|injured|injuring|injures|injure|maimed)$/.test(lv)) {
      kind = "injured";
      viaLeft = true;
    } else if (/^(?:dead|killed)$/i.test(head)) kind = "killed";
    else if (/^(?:wounded|injured|hurt)$/i.test(head)) kind = "injured";
    else kind = kindFromWindow(right);
    // 2. subsets and list items
    if (!kind && c.subset && i > 0 && (kinds[i - 1] === "killed" || kinds[i - 1] === "injured")) kind = kinds[i - 1]!;
    const peopleOnly =
      head === "" || PEOPLE_NOUN.test(head) || /^\p{Lu}\p{L}+(?:s|is|ans|ese)$/u.test(c.np.split(" ").pop() ?? "");
    if (!kind && prev && kinds[i - 1] && !c.subset) {
      const gap = text.slice(prev.npEnd, c.n.qualifierStart);
      if (/^\s*(?:,|and|, and)\s*$/.test(gap) && (fromLeftVerb[i - 1] || peopleOnly) && !PRISONER_STRICT.test(np)) {
        kind = kinds[i - 1]!;
      }
    }
    // 3. hostages and prisoners
    if (!kind) {
      if (HOSTAGE_NOUN.test(np)) kind = "hostages";
      else if (PRISONER_STRICT.test(np) || /\bprisoners? of war\b/i.test(np)) kind = "prisoners";
      else if (/^(?:seized|abducted|kidnapped|took|captured|holding|held|hold|snatched)$/.test(lv) && peopleOnly) {
        kind = /^(?:soldiers|troops|servicemen|fighters)$/.test(head) ? "prisoners" : "hostages";
      } else if (
        PRISONER_NOUN.test(np) &&
        /^(?:servicemen|soldiers|troops|fighters)$/.test(head) &&
        EXCHANGE.test(`${lv} ${right}`)
      )
        kind = "prisoners";
      else if (peopleOnly && HOSTAGE_CONTEXT.test(`${np} ${right}`)) kind = "hostages";
    }
    // 4. population
    // residents who fled or were evacuated are displaced, unless the figure is the whole population ("its 2 million
    // residents displaced": a share of them was)
    const possessive = /\b(?:its|their|the|of)\s+$/i.test(leftNear);
    if (!kind && anyNoun(POPULATION_NOUN, np) !== null && !possessive && DISPLACED.test(right.slice(0, 40)))
      kind = "displaced";
    if (!kind && (anyNoun(POPULATION_NOUN, np) !== null || (peopleOnly && POPULATION.test(`${leftNear} ${right}`)))) {
      kind = "population";
    }
    // 5. displaced
    if (
      !kind &&
      (peopleOnly || /refugees|displaced/i.test(np)) &&
      (DISPLACED.test(np) || DISPLACED.test(right) || /^(?:displaced|evacuated|uprooted)$/.test(lv))
    ) {
      kind = "displaced";
    }
    // 6. aid
    if (
      !kind &&
      TRUCK.test(np) &&
      (AID_NOUN.test(np) || /^\s*(?:of|carrying)\s+(?:\w+\s+)?(?:aid|food|fuel|supplies|relief)/i.test(right))
    ) {
      kind = "aid";
    }
    if (!kind && /^(?:trucks?|truckloads?)$/.test(head) && AID_NOUN.test(right.slice(0, 30))) kind = "aid";
    // 7. other objects and occurrences
    if (!kind && head && anyNoun(OTHER_NOUN, np) !== null) kind = "other";
    if (
      !kind &&
      text[c.n.end] === "-" &&
      /^-(?:member|strong|nation|party|seat)\b/.test(text.slice(c.n.end, c.n.end + 10))
    )
      kind = "other";
    // "two more were shot down": an elided noun repeats the previous count's
    if (!kind && prev && kinds[i - 1] && /^(?:more|others?)$/i.test(np)) kind = kinds[i - 1]!;
    // a bare number after a counted noun: "centrifuges from about 19,000 to 6,104"
    if (!kind && head === "") {
      const lm =
        /([\p{L}-]+)\s+(?:(?:from|to|of)\s+)?(?:(?:about|around|some|roughly|nearly|more than|at least|up to)\s+)?$/iu.exec(
          text.slice(Math.max(s0, c.n.qualifierStart - 40), c.n.qualifierStart),
        );
      const lw = lm ? lm[1]!.toLowerCase() : "";
      if (lw && nounIs(OTHER_NOUN, lw)) kind = "other";
      else if (
        prev &&
        kinds[i - 1] &&
        /^\s*(?:(?:and|to|or|from)\s+)?(?:(?:about|around|some|roughly|nearly|more than|at least|up to|just)\s+)?$/.test(
          text.slice(prev.npEnd, c.n.qualifierStart),
        )
      )
        kind = kinds[i - 1]!;
      else if (
        i + 1 < cands.length &&
        /^\s*(?:and|to|-|or)\s*$/.test(text.slice(c.n.end, cands[i + 1]!.n.qualifierStart))
      ) {
        // "between 385,000 and 600,000 civilians": decided with the next number
        kind = null;
      }
    }
    kinds.push(kind);
    fromLeftVerb.push(viaLeft);
  }

  // "between X and Y NOUN" / "X to Y NOUN": X takes Y's kind and noun
  for (let i = cands.length - 2; i >= 0; i--) {
    if (kinds[i] || cands[i]!.head !== "") continue;
    const a = cands[i]!;
    const b = cands[i + 1]!;
    if (kinds[i + 1] && /^\s*(?:and|to|-|or)\s*$/.test(text.slice(a.n.end, b.n.qualifierStart))) {
      kinds[i] = kinds[i + 1]!;
      a.np = b.np;
    }
  }

  for (let i = 0; i < cands.length; i++) {
    const kind = kinds[i];
    if (!kind) continue;
    const c = cands[i]!;
    let subject: string | null = c.np.replace(/^(?:of\s+)?(?:them|whom)\s*/i, "").trim() || null;
    // "thirty-four of whom the army says are dead": the subject is the parent's
    if (
      c.subset &&
      i > 0 &&
      (!subject || /^(?:the|an?)\b/i.test(subject) || /\bwhom\b/.test(text.slice(c.n.end, c.n.end + 12)))
    )
      subject = cands[i - 1]!.np || subject;
    if (subject && /^-/.test(subject)) subject = subject.slice(1);
    out.push({
      kind,
      value: c.n.value,
      qualifier: c.n.qualifier,
      subject,
      location: locationOf(text, c.npEnd, s1),
      raw: c.n.raw,
      start: c.n.start,
      end: c.n.end,
    });
  }
  return out;
}

const LOCATION =
  /^[^.;]{0,60}?\b(?:in|on|at|near|across|throughout|from|inside|outside)\s+((?:the\s+)?\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){0,2})/u;

/** A capitalised place after "in"/"on" shortly after the count ("… killed in Gaza"). */
function locationOf(text: string, from: number, end: number): string | null {
  const m = LOCATION.exec(text.slice(from, Math.min(end, from + 90)));
  if (!m) return null;
  const name = m[1]!.replace(/^the\s+/, "");
  if (
    /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/.test(
      name,
    )
  )
    return null;
  return name;
}
