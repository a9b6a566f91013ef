import type { EventStatus } from "@parley/schema";
import { describe, expect, it } from "vitest";
import { tokenize } from "../text/tokens";
import { findTriggers } from "./lexicon";
import { modality } from "./modality";

/** The status of the trigger whose head word is `head` in a one-clause sentence. */
function statusOf(sentence: string, head: string, reported = false): EventStatus {
  const tokens = tokenize(sentence);
  const match = findTriggers(tokens).find((m) => tokens[m.head]!.lower === head);
  if (!match) throw new Error(`no trigger at "${head}" in: ${sentence}`);
  return modality(tokens, match.head, 0, reported);
}

describe("modality", () => {
  it.each([
    // occurred
    ["The envoys met in Oslo.", "met", "occurred"],
    ["The rebels rejected the offer on Monday.", "rejected", "occurred"],
    ["The council has approved the plan.", "approved", "occurred"],
    ["The ministers not only met but also signed.", "met", "occurred"],
    // planned
    ["The envoys will meet next week.", "meet", "planned"],
    ["The envoy was due to meet the rebels.", "meet", "planned"],
    ["The ministers are due to sign on Friday.", "sign", "planned"],
    ["The delegation plans to visit the capital.", "visit", "planned"],
    ["The envoy is expected to arrive on Sunday.", "arrive", "planned"],
    ["The sides are to resume talks in May.", "resume", "planned"],
    // negated
    ["The rebels did not attend the meeting.", "meeting", "negated"],
    ["The council never approved the plan.", "approved", "negated"],
    ["The envoys failed to meet.", "meet", "negated"],
    // hypothetical
    ["The talks could resume soon.", "resume", "hypothetical"],
    ["The sides might sign a deal.", "sign", "hypothetical"],
    ["A possible meeting was mooted.", "meeting", "hypothetical"],
    ["Had the rebels accepted the plan, the war would have ended.", "accepted", "hypothetical"],
    ["The deal would have freed hundreds of detainees.", "freed", "hypothetical"],
    ["If the council approves the plan, fighting stops.", "approves", "hypothetical"],
  ] as const)("%j (%s) → %s", (sentence, head, expected) => {
    expect(statusOf(sentence, head)).toBe(expected);
  });

  it("'would' without 'have' is planned in reported speech and hypothetical otherwise", () => {
    expect(statusOf("The envoy would travel to the capital.", "travel", true)).toBe("planned");
    expect(statusOf("The envoy would travel to the capital.", "travel", false)).toBe("hypothetical");
  });

  it.each([
    ["The rebels didn't sign the text.", "sign", "negated"],
    ["The envoys won't attend the meeting.", "meeting", "negated"],
    ["The envoys'll meet next week.", "meet", "planned"],
  ] as const)("contraction %j (%s) → %s", (sentence, head, expected) => {
    expect(statusOf(sentence, head)).toBe(expected);
  });

  it("only looks inside the trigger's clause", () => {
    const sentence = "The talks will continue, and the envoy rejected the plan.";
    const tokens = tokenize(sentence);
    const reject = findTriggers(tokens).find((m) => m.type === "REJECT")!;
    const clauseStart = tokens.findIndex((t) => t.lower === "and");
    expect(modality(tokens, reject.head, clauseStart, false)).toBe("occurred");
  });
});
