import { EVENT_TYPES } from "@parley/schema";
import { Rng } from "./prng";
import {
  AGENCIES,
  ANALYST_ORGS,
  ANALYSTS,
  ANON_SOURCES,
  CONFLICTS,
  type Conflict,
  OUTLETS,
  type Outlet,
  type Party,
  type Person,
  QUOTES_HARD,
  QUOTES_HOPEFUL,
  TALK_ADJECTIVES,
} from "./vocab";

/** The event kinds the generator writes sentences for: the 22 types of the annotation guide. */
export const KINDS = EVENT_TYPES;
export type Kind = (typeof KINDS)[number];

/** Non-event sentences: background, quotes, analysis. */
type Filler = "BACKGROUND" | "QUOTE" | "ANALYST";

const KIND_WEIGHTS: Record<Kind | Filler, number> = {
  MEET: 6,
  CALL: 4,
  TRAVEL: 4,
  MEDIATE: 5,
  PROPOSE: 5,
  COUNTER_PROPOSE: 3,
  ACCEPT: 3,
  REJECT: 4,
  DEMAND: 5,
  APPEAL: 4,
  SUSPEND: 2,
  RESUME: 2,
  ASSESS: 5,
  ACCUSE: 4,
  SUPPORT: 3,
  THREATEN: 3,
  AGREE: 3,
  CEASEFIRE: 2,
  RELEASE: 3,
  MILITARY: 5,
  MOBILIZE: 2,
  HUMANITARIAN: 4,
  BACKGROUND: 6,
  QUOTE: 5,
  ANALYST: 3,
};
const ALL_KINDS = Object.keys(KIND_WEIGHTS) as (Kind | Filler)[];
const ALL_WEIGHTS = ALL_KINDS.map((k) => KIND_WEIGHTS[k]);

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const ORDINALS = ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"];
const DAY_MS = 86_400_000;
/** First publication date; articles fall in the three years from here. */
const EPOCH = Date.UTC(2023, 0, 1);

interface Subj {
  text: string;
  plural: boolean;
  pron: "he" | "she" | "it" | "they";
}
interface VP {
  base: string;
  past: string;
}
type Mode = "occurred" | "planned" | "hypothetical" | "negated";

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const bareNoun = (s: string): string => s.replace(/^(a|an|the) /, "");
const fmt = (n: number): string => n.toLocaleString("en-US");

/** Everything one article's sentences share. */
class Ctx {
  readonly r: Rng;
  readonly conflict: Conflict;
  readonly A: Party;
  readonly B: Party;
  readonly M: Party;
  readonly outlet: Outlet;
  readonly venue: string;
  readonly proposal: string;
  readonly published: number;
  private readonly mentioned = new Set<string>();

  constructor(r: Rng) {
    this.r = r;
    const c = r.pick(CONFLICTS);
    this.conflict = c;
    const swap = r.chance(0.5);
    this.A = r.pick(c.sides[swap ? 1 : 0]);
    this.B = r.pick(c.sides[swap ? 0 : 1]);
    this.M = r.pick(c.mediators);
    this.outlet = r.pick(OUTLETS);
    this.venue = r.pick(c.venues);
    this.proposal = r.pick(c.proposals);
    this.published = EPOCH + r.int(0, 1094) * DAY_MS;
  }

  /** The other side's party for `x`. */
  other(x: Party): Party {
    return x === this.A ? this.B : this.A;
  }
  side(): Party {
    return this.r.chance(0.5) ? this.A : this.B;
  }
  anyParty(): Party {
    return this.r.weighted([this.A, this.B, this.M], [2, 2, 1]);
  }

  /** A person's reference: title and full name on first mention, surname afterwards. */
  person(who: Person, party: Party | null): string {
    if (this.mentioned.has(who.name)) return who.short;
    this.mentioned.add(who.name);
    let title = who.title;
    if (party && !who.bare && !title.includes(party.adj) && !title.includes(party.short))
      title = `${party.adj} ${title}`;
    return `${title} ${who.name}`;
  }
  personSubj(party: Party): Subj {
    const who = this.r.pick(party.people);
    return { text: this.person(who, party), plural: false, pron: who.pronoun };
  }
  partySubj(party: Party): Subj {
    return { text: party.name, plural: party.plural, pron: party.plural ? "they" : "it" };
  }
  /** A party or one of its people. */
  subj(party: Party, personShare = 0.45): Subj {
    return this.r.chance(personShare) ? this.personSubj(party) : this.partySubj(party);
  }
  forces(party: Party): Subj {
    if (party.kind === "igo" || party.adj[0] === party.adj[0]?.toLowerCase()) return this.partySubj(party);
    const noun = party.kind === "armed" ? this.r.pick(["fighters", "forces"]) : this.r.pick(["forces", "troops"]);
    return { text: `${party.adj} ${noun}`, plural: true, pron: "they" };
  }

  // ------------------------------------------------------------ dates

  private day(offset: number): Date {
    return new Date(this.published + offset * DAY_MS);
  }
  /** A past time expression relative to the publication date, or "" for none. */
  past(): string {
    const r = this.r;
    switch (r.int(0, 7)) {
      case 0:
      case 1:
      case 2:
        return ` on ${WEEKDAYS[this.day(-r.int(1, 6)).getUTCDay()]}`;
      case 3:
        return " last week";
      case 4: {
        const d = this.day(-r.int(8, 40));
        return ` on ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
      }
      case 5:
        return this.day(0).getUTCDate() > 10 ? " earlier this month" : " late last month";
      case 6:
        return ` on ${WEEKDAYS[this.day(-r.int(1, 6)).getUTCDay()]} ${r.pick(["evening", "morning", "night"])}`;
      default:
        return "";
    }
  }
  /** A future time expression, or "" for none. */
  future(): string {
    const r = this.r;
    switch (r.int(0, 6)) {
      case 0:
      case 1:
        return ` on ${WEEKDAYS[this.day(r.int(1, 6)).getUTCDay()]}`;
      case 2:
        return " next week";
      case 3:
        return this.day(0).getUTCDate() < 20 ? " later this month" : " early next month";
      case 4: {
        const d = this.day(r.int(7, 30));
        return ` by ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
      }
      case 5:
        return " in the coming days";
      default:
        return "";
    }
  }
  dateline(): string {
    const place = this.r
      .weighted([this.venue, this.A.seat, this.B.seat, this.M.seat, this.outlet.home], [4, 2, 2, 2, 1])
      .toUpperCase();
    if (this.r.chance(0.4)) {
      const d = this.day(0);
      return `${place}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} (${this.outlet.name}) — `;
    }
    return `${place} (${this.outlet.name}) — `;
  }

  // ------------------------------------------------------------ grammar helpers

  qty(lo: number, hi: number): string {
    let n = this.r.int(lo, hi);
    if (n > 100) n = Math.round(n / 10) * 10;
    const q = this.r.pick(["more than ", "nearly ", "at least ", "about ", "some ", "almost ", "", "up to "]);
    return `${q}${fmt(n)}`;
  }
  be(s: Subj): string {
    return s.plural ? "are" : "is";
  }
  poss(s: Subj): string {
    return { he: "his", she: "her", it: "its", they: "their" }[s.pron];
  }
  /** Present-tense headline verb. */
  v(p: Party, singular: string, plural: string): string {
    return p.plural ? plural : singular;
  }
  condition(s: Party): string {
    const o = this.other(s);
    const r = this.r;
    switch (r.int(0, 4)) {
      case 0:
        return `${o.name} agreed to ${r.pick(this.conflict.issues)}`;
      case 1:
        return "the fighting stopped first";
      case 2:
        return "international guarantees were in place";
      case 3:
        return "the mediators could bridge the remaining gaps";
      default:
        return `${o.name} dropped ${o.plural ? "their" : "its"} demand for ${bareNoun(r.pick(this.conflict.issues))}`;
    }
  }

  /** Puts a verb phrase in one of the four modalities. */
  clause(s: Subj, vp: VP, mode: Mode, party: Party): string {
    const r = this.r;
    switch (mode) {
      case "occurred":
        return r.chance(0.25)
          ? `${this.past().trim() || "earlier"}, ${s.text} ${vp.past}`
          : `${s.text} ${vp.past}${this.past()}`;
      case "planned":
        return r.pick([
          `${s.text} will ${vp.base}${this.future()}`,
          `${s.text} ${this.be(s)} due to ${vp.base}${this.future()}`,
          `${s.text} ${this.be(s)} expected to ${vp.base}${this.future()}`,
        ]);
      case "hypothetical":
        return r.pick([
          `${s.text} would ${vp.base} if ${this.condition(party)}`,
          `${s.text} could ${vp.base}${this.future()}`,
          `${s.text} might ${vp.base} if ${this.condition(party)}`,
        ]);
      default:
        return r.pick([`${s.text} did not ${vp.base}${this.past()}`, `${s.text} will not ${vp.base}${this.future()}`]);
    }
  }
  mode(weights: [number, number, number, number] = [6, 2, 1.5, 1]): Mode {
    return this.r.weighted(["occurred", "planned", "hypothetical", "negated"] as Mode[], weights);
  }

  /** Wraps a clause in an attribution (or none) and closes the sentence. */
  attribute(clause: string, speakerParty: Party): string {
    const r = this.r;
    const k = r.int(0, 7);
    // Never let a speaker attribute their own action to themselves ("Kallas said ..., Kallas said").
    const self = clause.includes(speakerParty.name) || speakerParty.people.some((p) => clause.includes(p.short));
    switch (self && k >= 2 && k <= 3 ? 4 : k) {
      case 0:
      case 1:
        return `${cap(clause)}.`;
      case 2:
        return `${cap(clause)}, ${this.personSubj(speakerParty).text} said.`;
      case 3:
        return `${cap(this.subj(speakerParty, 0.6).text)} said ${clause}.`;
      case 4:
        return `According to ${r.pick(ANON_SOURCES)}, ${clause}.`;
      case 5:
        return `${cap(clause)}, ${r.pick(ANON_SOURCES)} told ${this.outlet.name}.`;
      case 6:
        return `${cap(clause)}, ${speakerParty.name} said in a statement.`;
      default:
        return `${cap(clause)}, sources close to the ${speakerParty.adj} delegation said.`;
    }
  }

  // ------------------------------------------------------------ sentences

  sentence(kind: Kind | Filler): string {
    const r = this.r;
    const c = this.conflict;
    const A = this.side();
    const B = this.other(A);
    const M = this.M;
    const issue = () => r.pick(c.issues);
    const event = (s: Subj, vp: VP, party: Party, mode: Mode = this.mode()) =>
      this.attribute(this.clause(s, vp, mode, party), r.chance(0.7) ? party : M);

    switch (kind) {
      case "MEET": {
        const vp = r.pick<VP>([
          { base: `meet ${B.name} in ${this.venue}`, past: `met ${B.name} in ${this.venue}` },
          { base: `hold talks with ${B.name}`, past: `held talks with ${B.name}` },
          {
            base: `sit down with ${this.personSubj(B).text} in ${this.venue}`,
            past: `sat down with ${this.personSubj(B).text} in ${this.venue}`,
          },
          { base: `meet the ${M.adj} envoy`, past: `met the ${M.adj} envoy` },
        ]);
        return event(this.subj(A), vp, A);
      }
      case "CALL": {
        const who = this.personSubj(r.chance(0.5) ? M : B).text;
        const vp = r.pick<VP>([
          { base: `speak by phone with ${who}`, past: `spoke by phone with ${who}` },
          { base: `hold a phone call with ${who}`, past: `held a phone call with ${who}` },
          { base: `call ${who} to discuss ${issue()}`, past: `called ${who} to discuss ${issue()}` },
        ]);
        return event(this.personSubj(A), vp, A, this.mode([6, 1, 1, 0.5]));
      }
      case "TRAVEL": {
        const traveller = r.chance(0.5) ? M : A;
        const dest = r.pick([this.venue, this.venue, A.seat, B.seat].filter((d) => d !== traveller.seat));
        const vp = r.pick<VP>([
          { base: `travel to ${dest} for talks`, past: `travelled to ${dest} for talks` },
          { base: `fly to ${dest}`, past: `flew to ${dest}` },
          { base: `arrive in ${dest} with a delegation`, past: `arrived in ${dest} with a delegation` },
          { base: `visit ${dest}`, past: `visited ${dest}` },
        ]);
        return event(this.personSubj(traveller), vp, traveller, this.mode([5, 3, 1, 0.5]));
      }
      case "MEDIATE": {
        const vp = r.pick<VP>([
          {
            base: `host a new round of talks between ${A.name} and ${B.name} in ${this.venue}`,
            past: `hosted a new round of talks between ${A.name} and ${B.name} in ${this.venue}`,
          },
          {
            base: `broker indirect talks between ${A.name} and ${B.name}`,
            past: `brokered indirect talks between ${A.name} and ${B.name}`,
          },
          {
            base: `shuttle between the ${A.adj} and ${B.adj} delegations`,
            past: `shuttled between the ${A.adj} and ${B.adj} delegations`,
          },
          {
            base: `pass messages between the two sides`,
            past: `passed messages between the two sides`,
          },
        ]);
        return event(this.subj(M), vp, M);
      }
      case "PROPOSE": {
        const vp = r.pick<VP>([
          { base: `put forward ${this.proposal}`, past: `put forward ${this.proposal}` },
          { base: `present ${this.proposal} to the mediators`, past: `presented ${this.proposal} to the mediators` },
          { base: `submit ${this.proposal}`, past: `submitted ${this.proposal}` },
          {
            base: `offer ${this.proposal} that includes ${issue()}`,
            past: `offered ${this.proposal} that includes ${issue()}`,
          },
        ]);
        const who = r.chance(0.6) ? M : A;
        return event(this.subj(who), vp, who);
      }
      case "COUNTER_PROPOSE": {
        const s = this.subj(B);
        const vp = r.pick<VP>([
          {
            base: `respond with a counter-proposal on ${bareNoun(issue())}`,
            past: `responded with a counter-proposal on ${bareNoun(issue())}`,
          },
          { base: `submit amendments to ${this.proposal}`, past: `submitted amendments to ${this.proposal}` },
          {
            base: `send back a revised version of the text`,
            past: `sent back a revised version of the text`,
          },
        ]);
        return event(s, vp, B);
      }
      case "ACCEPT": {
        const vp = r.pick<VP>([
          { base: `accept ${this.proposal}`, past: `accepted ${this.proposal}` },
          { base: `approve ${this.proposal}`, past: `approved ${this.proposal}` },
          { base: `sign on to the mediators' plan`, past: `signed on to the mediators' plan` },
        ]);
        return event(this.subj(B), vp, B, this.mode([4, 1, 3, 1.5]));
      }
      case "REJECT": {
        const vp = r.pick<VP>([
          { base: `reject ${this.proposal}`, past: `rejected ${this.proposal}` },
          { base: `turn down ${this.proposal}`, past: `turned down ${this.proposal}` },
          { base: `dismiss the latest offer as unworkable`, past: `dismissed the latest offer as unworkable` },
        ]);
        return event(this.subj(B), vp, B, this.mode([6, 1, 1.5, 1.5]));
      }
      case "DEMAND": {
        const s = this.subj(A);
        const i = issue();
        const vp = r.pick<VP>([
          { base: `demand ${i}`, past: `demanded ${i}` },
          { base: `insist on ${i}`, past: `insisted on ${i}` },
          { base: `call for ${i}`, past: `called for ${i}` },
          {
            base: `make ${i} a condition of any deal`,
            past: `made ${i} a condition of any deal`,
          },
        ]);
        return event(s, vp, A, this.mode([8, 1, 0.5, 0.5]));
      }
      case "APPEAL": {
        const who = r.chance(0.7) ? M : r.pick(AGENCIES);
        const s = this.subj(who);
        const ask = r.pick([
          "return to the negotiating table",
          "show restraint",
          "protect civilians",
          "allow aid to reach those in need",
          `agree on ${bareNoun(issue())}`,
        ]);
        if (r.chance(0.5)) return `${cap(s.text)} urged ${A.name} and ${B.name} to ${ask}${this.past()}.`;
        return `${cap(s.text)} appealed to both sides to ${ask}, warning that the situation in ${r.pick(c.places)} was deteriorating.`;
      }
      case "SUSPEND": {
        const s = this.subj(A, 0.3);
        const vp = r.pick<VP>([
          {
            base: `suspend ${this.poss(s)} participation in the talks`,
            past: `suspended ${this.poss(s)} participation in the talks`,
          },
          {
            base: `recall ${this.poss(s)} negotiators from ${this.venue}`,
            past: `recalled ${this.poss(s)} negotiators from ${this.venue}`,
          },
          { base: `pause the negotiations`, past: `paused the negotiations` },
        ]);
        if (r.chance(0.3))
          return `The talks in ${this.venue} stalled${this.past()} over ${issue()}, ${r.pick(ANON_SOURCES)} said.`;
        return event(s, vp, A, this.mode([5, 1, 2, 1]));
      }
      case "RESUME": {
        if (r.chance(0.4))
          return `Negotiations resumed in ${this.venue}${this.past()} after a pause of ${r.int(2, 9)} weeks, ${this.subj(M, 0.8).text} said.`;
        const s = this.subj(A, 0.4);
        const vp = r.pick<VP>([
          { base: `resume talks with ${B.name}`, past: `resumed talks with ${B.name}` },
          { base: `return to the negotiating table`, past: `returned to the negotiating table` },
          { base: `send a delegation back to ${this.venue}`, past: `sent a delegation back to ${this.venue}` },
        ]);
        return event(s, vp, A, this.mode([4, 3, 2, 1]));
      }
      case "ASSESS": {
        const s = this.subj(r.chance(0.5) ? M : A, 0.7);
        switch (r.int(0, 3)) {
          case 0:
            return `${cap(s.text)} described the latest round as ${r.pick(TALK_ADJECTIVES)}.`;
          case 1:
            return `${cap(s.text)} said progress had been made on ${issue()} but that gaps remained on ${issue()}.`;
          case 2:
            return `${cap(s.text)} said a deal was ${r.pick(["within reach", "still some way off", "closer than ever", "unlikely before the end of the month"])}.`;
          default:
            return `There has been ${r.pick(["little", "real", "some", "no"])} movement on ${issue()}, ${r.pick(ANON_SOURCES)} said.`;
        }
      }
      case "ACCUSE": {
        const s = this.subj(A);
        const what = r.pick([
          "violating the truce",
          "stalling the negotiations",
          `targeting civilians in ${r.pick(c.places)}`,
          "acting in bad faith",
          "blocking aid deliveries",
        ]);
        const vp = r.pick<VP>([
          { base: `accuse ${B.name} of ${what}`, past: `accused ${B.name} of ${what}` },
          { base: `blame ${B.name} for the lack of progress`, past: `blamed ${B.name} for the lack of progress` },
        ]);
        return event(s, vp, A, this.mode([9, 0.5, 0.5, 0.5]));
      }
      case "SUPPORT": {
        const who = r.chance(0.6) ? M : A;
        const vp = r.pick<VP>([
          { base: `back ${this.proposal}`, past: `backed ${this.proposal}` },
          { base: `voice support for the mediation effort`, past: `voiced support for the mediation effort` },
          { base: `endorse the talks in ${this.venue}`, past: `endorsed the talks in ${this.venue}` },
        ]);
        return event(this.subj(who), vp, who, this.mode([7, 1, 1, 0.5]));
      }
      case "THREATEN": {
        const s = this.partySubj(A);
        const t = r.pick(c.threats);
        if (r.chance(0.5))
          return this.attribute(`${s.text} threatened to ${t} unless ${this.condition(A)}`, r.chance(0.6) ? A : M);
        return `${cap(s.text)} warned${this.past()} that ${s.pron} would ${t} if the talks failed.`;
      }
      case "AGREE": {
        const i = issue();
        const s: Subj = { text: `${A.name} and ${B.name}`, plural: true, pron: "they" };
        const vp = r.pick<VP>([
          { base: `agree on ${i}`, past: `agreed on ${i}` },
          { base: `reach an understanding on ${i}`, past: `reached an understanding on ${i}` },
          { base: `sign a deal covering ${i}`, past: `signed a deal covering ${i}` },
        ]);
        return event(s, vp, M, this.mode([4, 2, 3, 1.5]));
      }
      case "CEASEFIRE": {
        const place = r.pick(c.places);
        const truce = r.pick(["A ceasefire", "A truce", "The pause in fighting", "A temporary halt to hostilities"]);
        switch (this.mode([5, 3, 2, 1])) {
          case "occurred":
            return `${truce} took effect in ${place} at ${r.pick(["midnight", "dawn", "noon", "six in the morning local time"])}${this.past()}, ${this.subj(M, 0.6).text} said.`;
          case "planned":
            return `${truce} will take effect${this.future()}, ${this.subj(M, 0.6).text} announced.`;
          case "hypothetical":
            return `${truce} could take hold across ${place} if ${this.condition(A)}.`;
          default:
            return `${truce} announced by the mediators did not take hold in ${place}, residents said.`;
        }
      }
      case "RELEASE": {
        const [heldByA, heldByB] = c.captives;
        const releaser = this.subj(A, 0.1);
        const captives = c.sides[0].includes(A) ? heldByA : heldByB;
        const n = this.qty(3, 400);
        const vp = r.pick<VP>([
          { base: `free ${n} ${captives}`, past: `freed ${n} ${captives}` },
          { base: `release ${n} ${captives}`, past: `released ${n} ${captives}` },
          {
            base: `hand over ${n} ${captives} to the Red Cross`,
            past: `handed over ${n} ${captives} to the Red Cross`,
          },
        ]);
        return event(releaser, vp, A, this.mode([6, 3, 2, 0.5]));
      }
      case "MILITARY": {
        const attacker = A.kind !== "igo" ? A : B;
        const place = r.pick(c.places);
        const attacks = r.pick(c.attacks);
        if (r.chance(0.5)) {
          const s = this.forces(attacker);
          return `${cap(s.text)} carried out ${attacks} on ${place}${this.past()}, killing ${this.qty(2, 140)} people, according to local officials.`;
        }
        const vp = r.pick<VP>([
          { base: `strike targets in ${place}`, past: `struck targets in ${place}` },
          { base: `launch ${attacks} on ${place}`, past: `launched ${attacks} on ${place}` },
          { base: `shell positions near ${place}`, past: `shelled positions near ${place}` },
        ]);
        return event(this.forces(attacker), vp, attacker, this.mode([8, 0.5, 1, 1]));
      }
      case "MOBILIZE": {
        const s = this.subj(A, 0.2);
        const place = r.pick(c.places);
        const vp = r.pick<VP>([
          { base: `deploy additional troops to ${place}`, past: `deployed additional troops to ${place}` },
          { base: `move armoured units toward ${place}`, past: `moved armoured units toward ${place}` },
          {
            base: `call up ${this.qty(2000, 60000)} reservists`,
            past: `called up ${this.qty(2000, 60000)} reservists`,
          },
        ]);
        return event(s, vp, A, this.mode([6, 2, 1, 1]));
      }
      case "HUMANITARIAN": {
        const agency = r.pick(AGENCIES);
        const route = r.pick(c.aidRoutes);
        switch (r.int(0, 2)) {
          case 0:
            return `${cap(this.qty(20, 600).replace(/^(?=\d)/, "a total of "))} aid trucks travelled ${route}${this.past()}, ${this.subj(agency, 0.5).text} said.`;
          case 1:
            return `${cap(agency.name)} said it delivered food ${route}${this.past()}, reaching ${this.qty(5000, 400000)} people.`;
          default:
            return `A convoy carrying medical supplies was due to travel ${route}${this.future()}, according to ${agency.name}.`;
        }
      }
      case "BACKGROUND": {
        switch (r.int(0, 4)) {
          case 0:
            return `${cap(c.war)} has dragged on since ${c.since}, and earlier rounds of negotiations ended without a lasting settlement.`;
          case 1:
            return `Diplomats say the main sticking points remain ${issue()} and ${issue()}.`;
          case 2:
            return `The meeting in ${this.venue} is the ${r.pick(ORDINALS)} round of talks this year.`;
          case 3:
            if (c.id === "iran" || c.id === "kosovo") return `Diplomats say ${issue()} remains the hardest question.`;
            return `${cap(c.war)} has displaced ${this.qty(20000, 3000000)} people, according to ${r.pick(AGENCIES).name}.`;
          default:
            return `${cap(M.name)} has acted as a go-between for the two sides for ${r.int(2, 14)} months.`;
        }
      }
      case "QUOTE": {
        const who = this.side();
        const q = r.pick(r.chance(0.5) ? QUOTES_HOPEFUL : QUOTES_HARD);
        const s = this.personSubj(r.chance(0.25) ? M : who);
        return r.chance(0.5)
          ? `"${q}," ${s.text} told reporters in ${r.pick([this.venue, who.seat])}.`
          : `"${q}," ${s.text} said.`;
      }
      default: {
        const a = r.pick(ANALYSTS);
        const org = r.pick(ANALYST_ORGS);
        const q = r.pick([...QUOTES_HOPEFUL.slice(1, 3), "Both sides are negotiating with one eye on the battlefield"]);
        if (this.mentioned.has(a.name)) return `"${q}," ${a.short} said.`;
        this.mentioned.add(a.name);
        return `"${q}," said ${a.name}, ${/^[aeiou]/.test(a.title) ? "an" : "a"} ${a.title} at ${org}.`;
      }
    }
  }

  headline(kind: Kind): string {
    const r = this.r;
    const c = this.conflict;
    const { A, B, M } = this;
    const h = (() => {
      switch (kind) {
        case "MEET":
          return r.pick([
            `${A.short} and ${B.short} negotiators meet in ${this.venue}`,
            `${M.short} hosts ${c.label} talks in ${this.venue}`,
          ]);
        case "CALL":
          return `${A.short} leader discusses ${c.label} talks in call with ${M.short}`;
        case "TRAVEL":
          return `${M.short} envoy heads to ${this.venue} for ${c.label} talks`;
        case "MEDIATE":
          return `${M.short} steps up mediation as ${c.label} talks enter new phase`;
        case "PROPOSE":
          return `${A.short} ${this.v(A, "puts", "put")} forward ${bareNoun(this.proposal)}`;
        case "COUNTER_PROPOSE":
          return `${B.short} ${this.v(B, "sends", "send")} counter-proposal in ${c.label} talks`;
        case "ACCEPT":
          return `${B.short} ${this.v(B, "accepts", "accept")} ${bareNoun(this.proposal)}`;
        case "REJECT":
          return `${B.short} ${this.v(B, "rejects", "reject")} ${bareNoun(this.proposal)}`;
        case "DEMAND":
          return `${A.short} ${this.v(A, "sets", "set")} conditions for ${c.label} deal`;
        case "APPEAL":
          return `${M.short} ${this.v(M, "urges", "urge")} both sides to return to ${c.label} talks`;
        case "SUSPEND":
          return `${c.label} talks stall as ${A.short} ${this.v(A, "recalls", "recall")} negotiators`;
        case "RESUME":
          return `${c.label} talks resume in ${this.venue} after pause`;
        case "ASSESS":
          return r.pick([
            `Mediators see progress in ${c.label} talks`,
            `Officials downbeat on ${c.label} negotiations`,
          ]);
        case "ACCUSE":
          return `${A.short} ${this.v(A, "accuses", "accuse")} ${B.short} of undermining talks`;
        case "SUPPORT":
          return `${M.short} ${this.v(M, "backs", "back")} ${c.label} peace effort`;
        case "THREATEN":
          return `${A.short} ${this.v(A, "threatens", "threaten")} to ${r.pick(c.threats)}`;
        case "AGREE":
          return `${A.short} and ${B.short} reach deal on ${bareNoun(r.pick(c.issues))}`;
        case "CEASEFIRE":
          return `Truce takes effect in ${r.pick(c.places)}`;
        case "RELEASE":
          return `${cap(r.pick(c.captives))} freed in ${c.label} exchange`;
        case "MILITARY":
          return `${cap(r.pick(c.attacks))} hit ${r.pick(c.places)} as talks continue`;
        case "MOBILIZE":
          return `${A.short} ${this.v(A, "sends", "send")} more troops to ${r.pick(c.places)}`;
        default:
          return `Aid convoys reach ${r.pick(c.places)} amid ${c.label} talks`;
      }
    })();
    return cap(h);
  }

  isoDate(): string {
    return new Date(this.published).toISOString().slice(0, 10);
  }
}

export interface GeneratedArticle {
  /** Relative path of the article's .txt file in a directory corpus. */
  file: string;
  title: string;
  text: string;
  outlet: string;
  /** `YYYY-MM-DD`. */
  published: string;
  url: string;
}

export const MIN_BYTES = 1500;
export const MAX_BYTES = 4000;
export const MIN_SENTENCES = 10;
export const MAX_SENTENCES = 30;

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);

/** Builds one article from a per-article seed. `file` is filled in by the caller. */
export function buildArticle(seed: number): Omit<GeneratedArticle, "file"> & { sentences: number; id: string } {
  const r = new Rng(seed);
  const c = new Ctx(r);
  const lead = r.pick(KINDS);
  const title = c.headline(lead);
  const targetBytes = r.int(MIN_BYTES + 200, MAX_BYTES - 300);
  const sentences: string[] = [c.dateline() + c.sentence(lead)];
  let bytes = Buffer.byteLength(sentences[0]!);
  while (sentences.length < MAX_SENTENCES && (bytes < targetBytes || sentences.length < MIN_SENTENCES)) {
    const s = c.sentence(r.weighted(ALL_KINDS, ALL_WEIGHTS));
    sentences.push(s);
    bytes += Buffer.byteLength(s) + 1;
  }
  while (bytes > MAX_BYTES - 40 && sentences.length > MIN_SENTENCES) {
    bytes -= Buffer.byteLength(sentences.pop()!) + 1;
  }
  // Paragraphs of one to three sentences.
  const paras: string[] = [];
  for (let i = 0; i < sentences.length; ) {
    const n = i === 0 ? 1 : r.int(1, 3);
    paras.push(sentences.slice(i, i + n).join(" "));
    i += n;
  }
  const id = seed.toString(16).padStart(8, "0");
  const published = c.isoDate();
  return {
    id,
    title,
    text: `${paras.join("\n\n")}\n`,
    outlet: c.outlet.name,
    published,
    url: `https://www.${c.outlet.domain}/${published.replace(/-/g, "/")}/${slug(title)}-${id}`,
    sentences: sentences.length,
  };
}
