import type { EventType } from "@parley/schema";
import type { Token } from "../text/tokens";
import type { TriggerMatch } from "./lexicon";

const TALK_NOUNS =
  /^(talks|negotiations|negotiation|dialogue|discussions|session|sessions|round|rounds|meeting|meetings|process|consultations|summit|efforts|table)$/;
const TRUCE_NOUNS =
  /^(truce|truces|ceasefire|ceasefires|cease-fire|pause|calm|armistice|violence|ceasefire's|deal|agreement)$/;
const HOSTAGE_NOUNS =
  /^(hostages?|prisoners?|captives?|detainees?|people|servicemen|soldiers|women|children|men|civilians|nationals|israelis|palestinians|ukrainians|russians|pows?|teenagers|abductees|war)$/;
const AID_NOUNS =
  /^(aid|trucks|supplies|relief|food|medicine|electricity|services|fuel|water|residents|displaced|villages|homes|convoys?|humanitarian)$/;
const MILITARY_NOUN_MODIFIERS =
  /^(ground|military|air|bombing|genocidal|self-defense|self-defence|offensive|its|their|israeli|russian|one-day|full-scale|all-out|naval|missile|drone)$/;
const OCCURRENCE_VERBS =
  /^(headed|head|heads|began|begin|begins|continued|continue|continues|dragged|drag|ended|end|ends|opened|open|were|was|are|is|held|took|capped|extended|failed|resumed|yielded|involving|between|with|in|on|underway|entered|enter|came|come|broke|stalled|collapsed)$/;

/** The word before a noun phrase ending at `start`, skipping "the" and capitalised modifiers ("of the Cairo meeting"). */
function lookBack(tokens: Token[], start: number): string {
  let k = start - 1;
  while (k >= 0 && k >= start - 3 && (tokens[k]!.lower === "the" || tokens[k]!.cap || tokens[k]!.text === "-")) k--;
  if (k === start - 1) return "";
  return tokens[k]?.lower ?? "";
}

function window(tokens: Token[], from: number, to: number): Token[] {
  return tokens.slice(Math.max(0, from), Math.min(tokens.length, to));
}

function has(tokens: Token[], from: number, to: number, re: RegExp): boolean {
  return window(tokens, from, to).some((t) => re.test(t.lower));
}

/**
 * Context checks per trigger: a word that names an event only in some uses ("talks", "hold", "free", "back")
 * must have the context that makes it one. Returns the type to use (possibly a different one) or null to drop it.
 */
const TROOP_WORDS =
  /^(troops|forces|soldiers|fighters|units|tanks|armou?r|battalions|brigades|divisions|reinforcements|warships)$/;

export function checkTrigger(tokens: Token[], t: TriggerMatch): EventType | null {
  const w = tokens[t.start]!.lower;
  const prev = tokens[t.start - 1]?.lower ?? "";
  const next = tokens[t.end]?.lower ?? "";
  // A participle after an article is an adjective ("the proposed truce"), not a reported act.
  // So is one after a preposition ("amid continued bombardment", "despite renewed talks").
  if (t.pos === "verb" && t.form === "past" && /^(the|a|an|amid|despite|with|after|before|by|for|of)$/.test(prev))
    return null;
  // A noun named as the topic of another phrase ("the outcome of the Cairo meeting", "a deal on the release of
  // captives") is not reported as happening.
  const topic = lookBack(tokens, t.start);
  if (
    t.pos === "noun" &&
    (/^(on|about|over|regarding)$/.test(topic) ||
      (topic === "of" && tokens[t.start - 1]?.lower === "the") ||
      (topic === "of" && tokens.slice(Math.max(0, t.start - 3), t.start).some((x) => x.lower === "the")))
  )
    return null;
  // "refused to be drawn on …": declined to comment, not a rejection.
  if (t.type === "REJECT" && next === "to" && tokens[t.end + 1]?.lower === "be" && tokens[t.end + 2]?.lower === "drawn")
    return null;
  switch (t.type) {
    case "MEET": {
      if (t.pos !== "noun") return "MEET";
      // "did not attend any of the envoy's meetings": attending (or skipping) reports the meeting.
      if (has(tokens, t.start - 6, t.start, /^(attend|attends|attended|attending|skip|skipped|skipping)$/))
        return "MEET";
      // "talks" named as a noun counts when the sentence reports them happening.
      if (
        /^(to|for|from|of|into|out|resume|left|leave|leaves|leaving|on)$/.test(prev) &&
        !(prev === "of" && /^(days|weeks|rounds|round|week|day)$/.test(tokens[t.start - 2]?.lower ?? ""))
      )
        return null;
      // "the parties in the talks", "progress in the negotiations": the talks as a setting, not a report.
      if (prev === "the" && /^(in|of|at)$/.test(tokens[t.start - 2]?.lower ?? "")) return null;
      if (w === "session" || w === "sessions") return has(tokens, t.end, t.end + 2, /^(with|between)$/) ? "MEET" : null;
      if (
        /^(with|between|involving|in|were|was|had|have|are|is|headed|ended|dragged|continued|began|opened)$/.test(next)
      )
        return "MEET";
      // Talks as the sentence's subject, followed by what happened to them ("Negotiations … headed into a second day").
      if (
        t.start <= 2 &&
        has(
          tokens,
          t.end,
          t.end + 15,
          /^(headed|began|continued|dragged|ended|opened|resumed|entered|broke|collapsed|stalled|failed|took|were|was)$/,
        )
      )
        return "MEET";
      if (has(tokens, t.end, t.end + 6, OCCURRENCE_VERBS) && !has(tokens, t.start - 3, t.start, /^(the|a)$/))
        return "MEET";
      if (
        has(tokens, t.start - 3, t.start, /^(capped|after|amid|during|of)$/) &&
        has(tokens, t.start - 4, t.start, /^(days?|weeks?|rounds?|after|capped)$/)
      )
        return "MEET";
      if (
        /^(the|these|those)$/.test(prev) &&
        has(tokens, t.end, t.end + 5, /^(dragged|ended|continued|headed|opened|were|had)$/)
      )
        return "MEET";
      return null;
    }
    case "CEASEFIRE": {
      if (t.lemma === "once it ends") return "CEASEFIRE";
      const before = window(tokens, t.start - 6, t.start);
      const after = window(tokens, t.end, t.end + 5);
      if (t.lemma === "hold" && !TRUCE_NOUNS.test(prev) && !TRUCE_NOUNS.test(tokens[t.start - 2]?.lower ?? ""))
        return null;
      if (
        before.some((x) => TRUCE_NOUNS.test(x.lower)) ||
        (t.lemma === "shatter" && after.some((x) => TRUCE_NOUNS.test(x.lower)))
      ) {
        return "CEASEFIRE";
      }
      return null;
    }
    case "RESUME": {
      if (w.startsWith("resum") || w.startsWith("continu") || w === "open" || w === "opened" || w === "opens") {
        if (has(tokens, t.start - 4, t.end + 4, /^(fighting|attacks|offensive|strikes|war|bombardment|hostilities)$/))
          return "MILITARY";
        if (!has(tokens, t.start - 10, t.end + 4, TALK_NOUNS)) return null;
      }
      return "RESUME";
    }
    case "RELEASE": {
      if (prev === "in" && (w === "exchange" || w === "return")) return null;
      if (w === "free" && (next === "and" || prev === "a")) return null;
      if (
        t.pos === "noun" &&
        !has(tokens, t.start - 3, t.end + 4, HOSTAGE_NOUNS) &&
        !has(tokens, t.start - 2, t.start, /^(prisoner|hostage)$/)
      )
        return null;
      if (t.pos !== "noun" && !has(tokens, t.start - 8, t.end + 8, HOSTAGE_NOUNS)) return null;
      return "RELEASE";
    }
    case "HUMANITARIAN":
      return has(tokens, t.start - 6, t.end + 6, AID_NOUNS) ? "HUMANITARIAN" : null;
    case "MILITARY": {
      if (t.pos === "noun") {
        if (
          (w === "campaign" || w === "campaigns" || w === "operation" || w === "operations") &&
          !MILITARY_NOUN_MODIFIERS.test(prev)
        )
          return null;
        if (w === "attack" && prev === "under") return null;
      }
      if (w.startsWith("strik") && has(tokens, t.end, t.end + 3, /^(deal|agreement|balance|tone|note)$/)) return null;
      if (/^(struck|strike)$/.test(w) && has(tokens, t.start - 4, t.start, /^(deal|agreement|accord)$/)) return null;
      // What talks aim to end ("to end the fighting", "pause the aggression") is their topic, not an event.
      if (
        (t.pos === "noun" || t.form === "ing") &&
        has(tokens, t.start - 3, t.start, /^(end|stop|halt|pause|ending|stopping|halting|ended)$/)
      )
        return null;
      // "the war has killed 2,000 people" states a toll (a claim), not an attack.
      if (
        /^kill/.test(w) &&
        has(tokens, t.start - 4, t.start, /^(war|conflict|fighting|violence|hostilities|clashes|famine)$/)
      ) {
        return null;
      }
      if (
        w.startsWith("hit") &&
        !has(
          tokens,
          t.start - 6,
          t.end + 6,
          /^(missiles?|rockets?|strikes?|drones?|port|shells?|plane|targets?|bombs?)$/,
        )
      )
        return null;
      if (w.startsWith("capture") || w.startsWith("seiz"))
        return has(tokens, t.end, t.end + 4, /^(towns?|cities|villages?|people|city|territory|positions?)$/)
          ? "MILITARY"
          : null;
      return "MILITARY";
    }
    case "TRAVEL": {
      if (t.pos === "phrase" && /^(are|is|were) in$/.test(t.lemma)) {
        return has(tokens, t.end, t.end + 4, /^for$/) &&
          has(tokens, t.end, t.end + 6, /^(talks|meetings?|negotiations)$/)
          ? "TRAVEL"
          : null;
      }
      if (w.startsWith("leav") || w === "left") {
        if (has(tokens, t.start - 3, t.start, /^(troops|forces|soldiers)$/)) return "MOBILIZE";
        if (/^(open|it|no|room|behind)$/.test(next)) return null;
        // "left Kyiv accusing Moscow …": leaving someone in a state, not a departure.
        if (t.pos === "verb" && tokens[t.end]?.cap && /ing$/.test(tokens[t.end + 1]?.lower ?? "")) return null;
      }
      if ((t.pos === "noun" || /^(his|her|its|their|a|the)$/.test(prev)) && w.startsWith("visit") && next !== "to")
        return null;
      // "going to continue": the future, not a journey.
      if (t.lemma === "go to" && !(tokens[t.end]?.cap || /^(the|a)$/.test(next))) return null;
      if (w.startsWith("return") && has(tokens, t.end, t.end + 3, /^(talks|negotiations|table)$/)) return "RESUME";
      if (w.startsWith("return") && !has(tokens, t.end, t.end + 3, /^[A-Z]/)) return null;
      return "TRAVEL";
    }
    case "SUPPORT": {
      if (w === "back" || w === "backed") {
        if (/^(to|from|home|on|in)$/.test(next) || /^(way|are|is|be|come|came|bring|brought|go|went)$/.test(prev))
          return null;
        if (/-/.test(prev)) return null;
      }
      return "SUPPORT";
    }
    case "APPEAL": {
      if ((w === "press" || w === "pressed") && /^(conference|briefing|release|freedom)$/.test(next)) return null;
      if (w === "press" && /^(the|a|news)$/.test(prev)) return null;
      if (w.startsWith("call") && next === "for" && has(tokens, t.end, t.end + 4, /^(investigation|inquiry|probe)$/))
        return "APPEAL";
      return "APPEAL";
    }
    case "ASSESS": {
      if (w === "expected" && /^(an|the|a|was|were|is|are|also)$/.test(prev)) return null;
      if ((w === "hope" || w === "hopes") && /^(of|for|the|some|a|dimmed|little|no)$/.test(prev)) return null;
      return "ASSESS";
    }
    case "SUSPEND": {
      if (w.startsWith("withdr") && !has(tokens, t.end, t.end + 6, TALK_NOUNS)) return "MOBILIZE";
      if ((w === "delay" || w === "delays") && prev === "the")
        return has(tokens, t.end, t.end + 3, /^(was|is|has)$/) ? null : null;
      return "SUSPEND";
    }
    case "COUNTER_PROPOSE": {
      // "Zarif countered that …": a reply in speech, not a counter-proposal.
      if (t.pos === "verb" && /^(that|:|,)$/.test(next)) return null;
      return "COUNTER_PROPOSE";
    }
    case "MOBILIZE": {
      // "troops stationed on the border": a participle describing the troops, not a movement.
      if (t.pos === "verb" && t.form === "past" && /^(troops|forces|soldiers|units|fighters)$/.test(prev)) return null;
      if (w.startsWith("withdr") && has(tokens, t.end, t.end + 4, TALK_NOUNS)) return "SUSPEND";
      if (
        w.startsWith("withdr") &&
        t.pos === "verb" &&
        !has(tokens, t.start - 4, t.end + 6, /^(troops|forces|soldiers|army|fighters|units|military)$/)
      )
        return null;
      if (w.startsWith("station") && prev === "police") return null;
      // "talks on disarmament", "disarmament will decide whether it holds": the process as a topic. A disarmament
      // reported as an event names whose it is ("the disarmament of the militias", "Hezbollah's disarmament").
      if (w === "disarmament" && next !== "of" && !/^('s|’s)$/.test(prev)) return null;
      // "mass death sentences", "mass civilian casualties": the adjective, not massing troops.
      if (/^mass(es|ed|ing)?$/.test(w) && !has(tokens, t.start - 3, t.end + 4, TROOP_WORDS)) return null;
      return "MOBILIZE";
    }
    case "DEMAND": {
      // "speaking on condition of anonymity"
      if (w.startsWith("condition") && (prev === "on" || next === "of")) return null;
      if (
        (w === "want" || w === "wants" || w === "wanted") &&
        /^(to)$/.test(next) &&
        has(tokens, t.end + 1, t.end + 3, /^(get|know|see)$/)
      )
        return null;
      if (w.startsWith("requir") && (prev === "be" || prev === "is")) return null;
      return "DEMAND";
    }
    case "ACCEPT": {
      // "would only agree to a deal in return for …" sets a condition: a demand.
      if (prev === "only" || (tokens[t.start - 2]?.lower === "only" && /^(would|will)$/.test(prev))) return "DEMAND";
      if (w.startsWith("assur") && !has(tokens, t.end, t.end + 6, /^(would|will|that|it)$/)) return null;
      return "ACCEPT";
    }
    case "MEDIATE": {
      // "talks … led by an African Union panel": leading talks is mediating them; other leading is not.
      if (t.lemma === "led by") return has(tokens, t.start - 8, t.start, TALK_NOUNS) ? "MEDIATE" : null;
      return "MEDIATE";
    }
    case "AGREE": {
      // A deal named as a noun counts when reported as reached or announced ("confirmed the breakthrough").
      if (
        t.pos === "noun" &&
        !has(
          tokens,
          t.start - 3,
          t.end + 3,
          /^(confirmed|announced|reached|achieved|capped|came|hailed|welcomed|signed|sealed|after|thursday's|friday's|monday's|tuesday's|wednesday's|saturday's|sunday's)$/,
        )
      )
        return null;
      return "AGREE";
    }
    default:
      return t.type;
  }
}
