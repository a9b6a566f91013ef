import { knowledgeBase } from "./index";

/** Place id → id of the state it lies in, from the shipped gazetteer (lets role inference see who hosts talks). */
export function placeCountries(): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const place of knowledgeBase().places.values()) if (place.country) out[place.id] = place.country;
  return out;
}
