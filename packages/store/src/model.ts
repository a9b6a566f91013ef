/**
 * The cross-article model of `@parley/core` (`src/corpus`: clusters, roles, stances, timeline, claim series,
 * outlet profiles, event codes). Core's public entry does not re-export it yet; this file is the one place
 * the store reaches into it, so the day `@parley/core` exports it, only these lines change.
 */
export * from "../../core/src/corpus/index";

import places from "../../core/kb/places.json";

/** Place id → id of the state it lies in, from the shipped gazetteer (lets `actorRoles` see hosting). */
export const PLACE_COUNTRY: Readonly<Record<string, string>> = Object.fromEntries(
  (places as { places: { id: string; country: string | null }[] }).places
    .filter((p) => p.country)
    .map((p) => [p.id, p.country as string]),
);
