import type { DraftEvent } from "../events/extract";
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
}

/** The venue of an event: a place after "in/at" near the trigger, "to X" for travel. Returns a place id. */
export function eventPlace({ places, tokens, draft }: EventPlaceInput): string | null {
  if (!places.length) return null;
  const type = draft.type;
  const head = draft.trigger.start;
  const wanted =
    type === "TRAVEL"
      ? new Set(["to", "in", "from", "for", "into", "at", "visited", "leave", "left", "departed", "reach"])
      : type === "MILITARY"
        ? new Set(["in", "on", "into", "at", "of", "near", "over"])
        : new Set(["in", "at"]);
  let best: { id: string; dist: number } | null = null;
  for (const p of places) {
    if (!p.prep || !wanted.has(p.prep)) continue;
    const dist = Math.abs(p.start - head);
    if (dist > tokens.length) continue;
    if (!best || dist < best.dist) best = { id: p.placeId, dist };
  }
  return best?.id ?? null;
}
