import { describe, expect, it } from "vitest";
import { tokenize } from "../text/tokens";
import { findTriggers } from "./lexicon";

/** Type, lemma and matched words of every trigger in a sentence. */
function triggers(sentence: string) {
  const tokens = tokenize(sentence);
  return findTriggers(tokens).map((m) => ({
    type: m.type,
    pos: m.pos,
    form: m.form,
    words: tokens
      .slice(m.start, m.end)
      .map((t) => t.text)
      .join(" "),
    head: tokens[m.head]!.text,
  }));
}

describe("findTriggers", () => {
  it.each([
    ["The envoys held talks in Oslo on Monday.", "MEET", "held talks"],
    ["Delegates are holding talks this week.", "MEET", "holding talks"],
    ["The negotiators held two days of talks.", "MEET", "held two days of talks"],
    ["Both sides held indirect talks.", "MEET", "held indirect talks"],
    ["The ministers met on Friday.", "MEET", "met"],
    ["The rebels rejected the offer.", "REJECT", "rejected"],
    ["The council turned down the request.", "REJECT", "turned down"],
    ["The cabinet ruled out a pause.", "REJECT", "ruled out"],
    ["The bishop urged restraint.", "APPEAL", "urged"],
    ["The envoy called on both camps to stop.", "APPEAL", "called on"],
    ["The two presidents spoke by phone on Sunday.", "CALL", "spoke by phone"],
    ["The envoy flew to Oslo.", "TRAVEL", "flew to"],
    ["The parties signed a deal.", "AGREE", "signed"],
    ["The mediators put forward a new plan.", "PROPOSE", "put forward"],
    ["The talks stalled last month.", "SUSPEND", "stalled"],
    ["The militia accused the army of shelling.", "ACCUSE", "accused"],
    ["The mediator submitted a revised proposal.", "PROPOSE", "submitted a revised proposal"],
  ])("%j has %s trigger %j", (sentence, type, words) => {
    expect(triggers(sentence)).toContainEqual(expect.objectContaining({ type, words }));
  });

  it.each(["The weather was mild in the valley.", "Farmers planted wheat along the river.", ""])(
    "%j has no triggers",
    (sentence) => {
      expect(triggers(sentence)).toEqual([]);
    },
  );

  it("does not bridge a gap longer than four words", () => {
    const found = triggers("They held five long and tiring days of talks.");
    expect(found.filter((t) => t.words.startsWith("held") && t.words.endsWith("talks"))).toEqual([]);
  });

  it("does not bridge a gap across punctuation", () => {
    const found = triggers("They held, as before, talks.");
    expect(found.filter((t) => t.words.startsWith("held") && t.words.endsWith("talks"))).toEqual([]);
  });

  it("labels the grammatical form of a verb trigger", () => {
    expect(triggers("The offer was rejected.")).toContainEqual(
      expect.objectContaining({ type: "REJECT", form: "past", pos: "verb" }),
    );
    expect(triggers("They keep rejecting it.")).toContainEqual(
      expect.objectContaining({ type: "REJECT", form: "ing" }),
    );
    expect(triggers("The rejection came late.")).toContainEqual(
      expect.objectContaining({ type: "REJECT", pos: "noun", form: "noun" }),
    );
  });

  it("matches case-insensitively", () => {
    expect(triggers("REJECTED BY ALL")).toContainEqual(expect.objectContaining({ type: "REJECT", words: "REJECTED" }));
  });

  it("keeps overlapping triggers of different types but one per type at a head", () => {
    const found = triggers("The delegates held talks.");
    const atHeld = found.filter((t) => t.head === "held");
    expect(new Set(atHeld.map((t) => t.type)).size).toBe(atHeld.length);
    expect(atHeld.find((t) => t.type === "MEET")?.words).toBe("held talks");
  });
});
