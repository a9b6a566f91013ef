import type { EventType } from "@parley/schema";
import type { DraftEvent } from "../events/extract";
import { findTriggers } from "../events/lexicon";
import type { KnowledgeBase } from "../kb";
import type { Token } from "../text/tokens";
import type { PlaceHit } from "./places";

export interface EventPlaceInput {
  /** Places named in the event's sentence. */
  places: PlaceHit[];
  tokens: Token[];
  draft: DraftEvent;
  /** Places named in the preceding sentence, for events that continue there. */
  previousPlaces: PlaceHit[];
  headline: boolean;
  /** Knowledge base, to name a building ("Palais Coburg") by the city it stands in. */
  kb?: KnowledgeBase;
}

/** Nouns that name a truce; a place right before or after one is the area it covers. */
const TRUCE = /^(truce|ceasefire|cease-fire|pause|armistice|calm)$/;
/** Nouns that name negotiations; a place used as their modifier ("Doha deal", "Cairo talks") is their venue. */
const TALKS = /^(talks|deal|agreement|accord|negotiations|summit|meeting|meetings|conference|declaration|round)$/;
/** "the war in Yemen": a place after these nouns locates the conflict, not an event's venue. */
const CONFLICT = /^(war|conflict|fighting|violence|crisis|peace|bloodshed|hostilities)$/;
const REPORTING =
  /^(said|says|say|told|tells|tell|added|adding|announced|stated|according|quoted|reported|insisted|warned|speaking)$/;

const PREPS: Partial<Record<EventType, Set<string>>> = {
  TRAVEL: new Set([
    "to",
    "in",
    "for",
    "into",
    "at",
    "visited",
    "visit",
    "reach",
    "reached",
    "from",
    "left",
    "departed",
  ]),
  MILITARY: new Set(["in", "on", "into", "at", "of", "near", "over", "across", "against"]),
  THREATEN: new Set(["on", "in", "into", "against", "at"]),
  MOBILIZE: new Set(["in", "at", "into", "from", "to", "on", "near"]),
  HUMANITARIAN: new Set(["in", "at", "into", "to"]),
  RELEASE: new Set(["in", "at"]),
};
const DEFAULT_PREPS = new Set(["in", "at"]);
/** Leaving a place: the venue is the place left ("left Cairo", "departed the Egyptian capital"). */
const LEAVE = /^(left|leave|leaves|leaving|departed|depart|departs|from)$/;
/** Nouns naming an attack; a place used as their modifier ("the Odesa strike") is where it landed. */
const ATTACK = /^(killings|strike|strikes|attack|attacks|bombing|raid|shelling|massacre|offensive|assault)$/;
/** Movement verbs whose "to X" destination is where the following talks take place. */
const GOING =
  /^(head|heads|headed|heading|flew|fly|flies|travelled|traveled|went|go|goes|arrived|arrives|came|returned)$/;

/**
 * The venue of an event, as a place id:
 * - a place after "in/at" near the trigger; for TRAVEL the destination ("to X"), or the place left when the
 *   trigger is a departure; for MILITARY where the strike lands ("rockets into northern Israel", "missiles hit
 *   Odesa"); for THREATEN the place threatened;
 * - CEASEFIRE takes the area the truce covers ("Gaza truce", "truce in Gaza"), never the talks' venue;
 * - a place used as the modifier of talks or a deal ("the Cairo talks", "sign Doha deal");
 * - a place that only locates a conflict ("the war in Yemen") or a statement's setting across a reporting verb
 *   ("told reporters in Kabul that …") is not the venue of the events inside.
 */
export function eventPlace(input: EventPlaceInput): string | null {
  const id = venueOf(input);
  return id && input.kb ? cityOfVenue(input.kb, id) : id;
}

/** A building or compound is named by the city it stands in: the nearest city of its country within 50 km. */
export function cityOfVenue(kb: KnowledgeBase, id: string): string {
  const venue = kb.places.get(id);
  if (venue?.kind !== "venue") return id;
  let best: { id: string; km: number } | null = null;
  for (const p of kb.places.values()) {
    if (p.kind !== "city" || p.country !== venue.country) continue;
    const km = distanceKm(venue.lat, venue.lon, p.lat, p.lon);
    if (km <= 50 && (!best || km < best.km)) best = { id: p.id, km };
  }
  return best?.id ?? id;
}

function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(a));
}

function venueOf({ places, tokens, draft, previousPlaces }: EventPlaceInput): string | null {
  const type = draft.type;
  const head = draft.trigger.start;
  if (type === "CEASEFIRE") return truceArea(places, tokens) ?? truceArea(previousPlaces, null);
  if (!places.length) return CONTINUING.has(type) ? continuedVenue(previousPlaces) : null;
  const wanted = PREPS[type] ?? DEFAULT_PREPS;
  const strikes = type === "MILITARY" ? findTriggers(tokens).filter((t) => t.type === "MILITARY") : [];
  const leaving = (type === "TRAVEL" || type === "SUSPEND") && LEAVE.test(tokens[head]?.lower ?? "");
  let best: { id: string; dist: number } | null = null;
  for (const p of places) {
    const prep = p.prep;
    let ok = prep !== null && wanted.has(prep);
    if (leaving && prep !== null && (LEAVE.test(prep) || prep === "the")) ok = true;
    // "missiles hit Odesa", "retook Nagorno-Karabakh": the place right after a military verb is where it lands
    if (
      (type === "MILITARY" || type === "THREATEN") &&
      p.start >= draft.trigger.end &&
      p.start - draft.trigger.end <= 1
    )
      ok = true;
    // "missiles hit the port of Odesa and two more were shot down": the sentence's strikes land in one place
    if (!ok && type === "MILITARY" && strikes.some((t) => p.start >= t.end && p.start - t.end <= 1)) ok = true;
    if (!ok && isTalksModifier(p, tokens) && type !== "MILITARY") ok = true;
    if (!ok && type === "MILITARY" && ATTACK.test(tokens[p.end]?.lower ?? "")) ok = true;
    // "headed to Cairo to meet mediators", "flew to Tehran and held talks": the talks are at the destination
    if (!ok && type !== "TRAVEL" && prep === "to" && p.start < head && GOING.test(tokens[p.start - 2]?.lower ?? ""))
      ok = true;
    if (!ok) continue;
    if (type !== "MILITARY" && (type as string) !== "CEASEFIRE" && prep === "in" && locatesConflict(tokens, p.start))
      continue;
    if (acrossReport(tokens, p.start, head)) continue;
    // a place after the trigger is its complement; one before it more often belongs to someone named there
    const dist = p.start >= head ? p.start - head : (head - p.start) * 1.5;
    if (dist > tokens.length) continue;
    if (!best || dist < best.dist) best = { id: p.placeId, dist };
  }
  if (best) return best.id;
  return null;
}

/** Events that go on where the preceding sentence's talks or signing took place. */
const CONTINUING = new Set<EventType>(["MEET", "AGREE", "ASSESS", "TRAVEL"]);

/** The one venue ("in/at X") of the preceding sentence, when the current sentence names no place. */
function continuedVenue(previous: PlaceHit[]): string | null {
  const venues = new Set(previous.filter((p) => p.prep === "in" || p.prep === "at").map((p) => p.placeId));
  return venues.size === 1 ? [...venues][0]! : null;
}

/** "the war in Yemen", "the conflict raging in Gaza", "a ceasefire in Gaza": the place of a conflict or truce. */
function locatesConflict(tokens: Token[], place: number): boolean {
  for (let i = place - 2; i >= 0 && i >= place - 3; i--) {
    const w = tokens[i]!.lower;
    if (CONFLICT.test(w) || TRUCE.test(w)) return true;
    if (tokens[i]!.kind === "punct") return false;
  }
  return false;
}

/** "the Cairo talks", "Doha deal": a place directly before a noun naming negotiations. */
function isTalksModifier(p: PlaceHit, tokens: Token[]): boolean {
  return p.prep !== "in" && p.prep !== "at" && TALKS.test(tokens[p.end]?.lower ?? "");
}

/** The area a truce covers: "Gaza truce", "truce in Gaza", "a ceasefire for Lebanon". */
function truceArea(places: PlaceHit[], tokens: Token[] | null): string | null {
  if (!tokens) {
    // from the preceding sentence only the places already recognised as truce areas carry
    const carried = places.find((p) => p.prep === "truce-area");
    return carried?.placeId ?? null;
  }
  for (const p of places) {
    if (TRUCE.test(tokens[p.end]?.lower ?? "")) return p.placeId;
    const before = tokens[p.start - 1]?.lower ?? "";
    if ((before === "in" || before === "for" || before === "across") && TRUCE.test(tokens[p.start - 2]?.lower ?? ""))
      return p.placeId;
  }
  return null;
}

/** A reporting verb between the place and the trigger: the place sets the statement, not the event reported. */
function acrossReport(tokens: Token[], place: number, head: number): boolean {
  const [from, to] = place < head ? [place, head] : [head, place];
  for (let i = from + 1; i < to; i++) if (REPORTING.test(tokens[i]!.lower)) return true;
  // "told reporters in Kabul that …": the place belongs to the statement when "that" opens the reported clause
  if (place < head && tokens.slice(place + 1, head).some((t) => t.lower === "that")) {
    for (let i = place - 1; i >= 0 && i >= place - 4; i--) if (REPORTING.test(tokens[i]!.lower)) return true;
  }
  return false;
}

/** The places of a sentence as context for the next one; truce areas are marked so a CEASEFIRE can carry them. */
export function contextPlaces(places: PlaceHit[], tokens: Token[]): PlaceHit[] {
  const area = truceArea(places, tokens);
  const marked = places.filter((p) => p.placeId === area).map((p) => ({ ...p, prep: "truce-area" }));
  return [...places, ...marked];
}
