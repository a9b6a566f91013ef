/** The cross-article model of `@parley/core` (clusters, roles, stances, timeline, claim series, outlet profiles). */
export * from "@parley/core";

import { placeCountries } from "@parley/core";

/** Place id → id of the state it lies in, from the shipped gazetteer (lets `actorRoles` see hosting). */
export const PLACE_COUNTRY: Readonly<Record<string, string>> = placeCountries();
