import type { Location } from "@parley/schema";
import type { KnowledgeBase } from "../kb";
import { isPossessive, type Token } from "../text/tokens";

export interface PlaceHit {
  start: number;
  end: number;
  placeId: string;
  /** The preposition before the place ("in", "to", "from"), if any. */
  prep: string | null;
}

const CAPITAL_DESCRIPTIONS = /^(capital|city)$/;
/** Words between a preposition and a place that do not change the relation: "into northern Israel", "in the Strip". */
const PLACE_MODIFIERS =
  /^(the|northern|southern|eastern|western|central|north|south|east|west|northeastern|northwestern|southeastern|southwestern|occupied|besieged|neighbouring|neighboring|war-torn|coastal)$/;
/** "Beirut's southern suburbs", "Gaza's north": a possessive place that names part of itself is a place. */
const PART_NOUNS =
  /^(suburbs?|outskirts|north|south|east|west|centre|center|border|borders|coast|port|airport|streets|capital|countryside|territory|frontier|heartland|outskirt)$/;

/** "the southern Gaza city of Rafah": a description whose place is named after "of". */
const SETTLEMENT = /^(city|town|village|port|region|province|district|enclave|camp|suburb|area|governorate|state)$/;
/** "Israeli neighbourhoods", "Ukrainian towns": a demonym before these nouns names a place in that state. */
const SETTLEMENTS_OF =
  /^(neighbourhoods?|neighborhoods?|towns?|cities|villages?|territory|soil|communities|settlements|border|borders|silos|ports?)$/;

/** The word before a place, skipping modifiers: "into northern Israel" → "into". */
function prepBefore(tokens: Token[], i: number): string | null {
  let j = i - 1;
  while (j >= 0 && PLACE_MODIFIERS.test(tokens[j]!.lower)) j--;
  return tokens[j]?.lower ?? null;
}

/** Places named in a sentence, including "the Egyptian capital" → Cairo. */
export function findPlaces(kb: KnowledgeBase, tokens: Token[]): PlaceHit[] {
  const hits: PlaceHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prevWord = prepBefore(tokens, i);
    if (t.lower === "the") {
      // "the Egyptian capital", "the Qatari capital", "the Chinese capital"
      const demonym = kb.demonyms.longestAt(tokens, i + 1);
      if (demonym && CAPITAL_DESCRIPTIONS.test(tokens[demonym.end]?.lower ?? "")) {
        const capital = kb.capitalOfState.get(demonym.value);
        if (capital) {
          hits.push({ start: i, end: demonym.end + 1, placeId: capital, prep: prevWord });
          i = demonym.end;
          continue;
        }
      }
    }
    if (t.cap && SETTLEMENTS_OF.test(tokens[i + 1]?.lower ?? "")) {
      // "rocket after rocket at Israeli neighbourhoods" → Israel
      const demonym = kb.demonyms.longestAt(tokens, i);
      const place = demonym && demonym.end === i + 1 ? `place:${demonym.value}` : null;
      if (place && kb.places.has(place)) {
        hits.push({ start: i, end: i + 1, placeId: place, prep: prevWord });
        continue;
      }
    }
    if (!t.cap) continue;
    const match = kb.placeNames.longestAt(tokens, i);
    if (!match) continue;
    // "Egypt's foreign ministry": a possessive country is an actor, not a place.
    if (isPossessive(tokens[match.end])) {
      let k = match.end + 1;
      while (k < tokens.length && PLACE_MODIFIERS.test(tokens[k]!.lower)) k++;
      if (PART_NOUNS.test(tokens[k]?.lower ?? ""))
        hits.push({ start: i, end: match.end, placeId: match.value, prep: prevWord });
      i = match.end;
      continue;
    }
    hits.push({ start: i, end: match.end, placeId: match.value, prep: prevWord });
    i = match.end - 1;
  }
  return describedPlaces(hits, tokens);
}

/** "an offensive on the southern Gaza city of Rafah" → Rafah, with the description's preposition ("on"). */
function describedPlaces(hits: PlaceHit[], tokens: Token[]): PlaceHit[] {
  const out: PlaceHit[] = [];
  for (const h of hits) {
    if (h.prep === "of" && SETTLEMENT.test(tokens[h.start - 2]?.lower ?? "")) {
      let j = h.start - 3;
      while (j >= 0 && j > h.start - 10) {
        const t = tokens[j]!;
        if (t.cap || isPossessive(t) || PLACE_MODIFIERS.test(t.lower) || /-/.test(t.lower)) j--;
        else break;
      }
      const prep = tokens[j]?.lower ?? null;
      // the description's own place ("Gaza city", "the Gaza Strip's") is not a separate hit
      while (out.length && out[out.length - 1]!.start > j) out.pop();
      out.push({ ...h, start: j + 1, prep });
      continue;
    }
    out.push(h);
  }
  return out;
}

export function toLocation(kb: KnowledgeBase, placeId: string): Location {
  const place = kb.places.get(placeId);
  return place
    ? { name: place.name, placeId: place.id, lat: place.lat, lon: place.lon }
    : { name: placeId, placeId: null, lat: null, lon: null };
}
