import type { Claim } from "@parley/schema";
import type { MentionHit } from "../actors/mentions";
import type { Speech } from "../events/speech";
import { findClaims } from "./claims";

/** Claims of one sentence with their claimant: the sentence's speaker or cited source. */
export function sentenceClaims(
  text: string,
  start: number,
  end: number,
  published: string | null,
  speech: Speech | null,
  _mentions: MentionHit[],
): Array<Omit<Claim, "id" | "articleId" | "evidence">> {
  return findClaims(text, { start, end }).map((c) => ({
    kind: c.kind,
    value: c.value,
    qualifier: c.qualifier,
    subject: c.subject,
    location: c.location,
    claimant: speech ? (speech.speaker[0] ?? speech.outlet) : null,
    asOf: published,
    raw: c.raw,
  }));
}
