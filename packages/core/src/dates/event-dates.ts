import type { EventDate } from "@parley/schema";
import type { DraftEvent } from "../events/extract";
import type { Token } from "../text/tokens";
import { type DateExpression, findDateExpressions } from "./resolve";

/** Time expressions of one sentence, resolved against the publication date. */
export function sentenceDates(text: string, start: number, end: number, published: string | null): DateExpression[] {
  return findDateExpressions(text, start, end, published);
}

/**
 * The date of an event: the time expression nearest its trigger in the sentence (the past reading for reports,
 * the future one for plans). A plan with no date of its own stays undated.
 */
export interface EventDateInput {
  /** Time expressions of the event's sentence. */
  dates: DateExpression[];
  tokens: Token[];
  draft: DraftEvent;
  /** Time expressions of the preceding sentence, which may date related events. */
  previousDates: DateExpression[];
  published: string | null;
  headline: boolean;
}

export function resolveEventDate({ dates, tokens, draft }: EventDateInput): EventDate | null {
  const trigger = draft.trigger;
  const status = draft.status;
  if (!dates.length) return null;
  const at = tokens[trigger.start]?.start ?? 0;
  let best: DateExpression | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const d of dates) {
    const distance = d.start >= at ? d.start - at : (at - d.end) * 1.5;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = d;
    }
  }
  if (!best) return null;
  const value = status === "planned" ? (best.future ?? best.past) : (best.past ?? best.future);
  return value ? { value: value.value, precision: value.precision, raw: best.raw } : null;
}
