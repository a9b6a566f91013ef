import type { Actor } from "@parley/schema";
import { describe, expect, it } from "vitest";
import { knowledgeBase } from "../kb";
import { tokenize } from "../text/tokens";
import { MentionFinder } from "./mentions";
import { ActorRegistry } from "./registry";

interface Found {
  text: string;
  method: string;
  actors: Actor[];
}

/** Runs mention finding over consecutive sentences of one article; returns hits per sentence. */
function mentions(sentences: string[], published: string | null = null): { hits: Found[][]; registry: ActorRegistry } {
  const kb = knowledgeBase();
  const registry = new ActorRegistry(kb);
  const finder = new MentionFinder(kb, registry, published);
  const hits = sentences.map((s, index) => {
    const tokens = tokenize(s);
    return finder.find(tokens, index).map((h) => ({
      text: s.slice(tokens[h.start]!.start, tokens[h.end - 1]!.end),
      method: h.method,
      actors: h.actorIds.map((id) => registry.get(id)!),
    }));
  });
  return { hits, registry };
}

const names = (found: Found[]) => found.flatMap((f) => f.actors.map((a) => a.name));

describe("knowledge base used by these tests", () => {
  it("holds two US secretaries of state with terms covering 2014 and 2024", () => {
    const kb = knowledgeBase();
    expect(kb.actors.get("person:john-kerry")?.name).toBe("John Kerry");
    expect(kb.actors.get("person:antony-blinken")?.name).toBe("Antony Blinken");
    expect(kb.officeHolder("foreign_minister", "USA", "2014-07-20")).toBe("person:john-kerry");
    expect(kb.officeHolder("foreign_minister", "USA", "2024-02-08")).toBe("person:antony-blinken");
  });
});

describe("MentionFinder", () => {
  it.each([
    ["Egyptian mediators arrived on Monday.", "Egyptian mediators", "Egypt", "STATE"],
    ["Iranian officials denied the report.", "Iranian officials", "Iran", "STATE"],
    ["Tehran wants firm guarantees.", "Tehran", "Iran", "STATE"],
    ["Hamas rejected the offer.", "Hamas", "Hamas", "ARMED_GROUP"],
  ])("%j: %j → %s", (sentence, text, name, type) => {
    const [found] = mentions([sentence]).hits;
    expect(found).toContainEqual(expect.objectContaining({ text, actors: [expect.objectContaining({ name, type })] }));
  });

  it("'Israeli negotiators' is the Israeli delegation, affiliated to Israel", () => {
    const [found] = mentions(["Israeli negotiators left for the talks."]).hits;
    const actor = found!.find((f) => f.text === "Israeli negotiators")?.actors[0];
    expect(actor).toMatchObject({ name: "Israeli delegation", type: "GOVERNMENT", affiliation: "ISR" });
  });

  it("'Egypt's foreign ministry' is Egypt's Ministry of Foreign Affairs", () => {
    const [found] = mentions(["Egypt's foreign ministry issued a short statement."]).hits;
    expect(found).toHaveLength(1);
    expect(found![0]!.text).toBe("Egypt's foreign ministry");
    expect(found![0]!.actors[0]).toMatchObject({ name: "Ministry of Foreign Affairs (Egypt)", affiliation: "EGY" });
  });

  it.each([
    ["2014-07-20", "John Kerry"],
    ["2024-02-08", "Antony Blinken"],
  ])("'the US secretary of state' on %s is %s", (published, expected) => {
    const [found] = mentions(["The plan was carried by the US secretary of state."], published).hits;
    expect(found).toContainEqual(
      expect.objectContaining({
        text: "the US secretary of state",
        method: "title",
        actors: [expect.objectContaining({ name: expected })],
      }),
    );
  });

  it("'the US secretary of state' without a date stays unresolved (two holders)", () => {
    const [found] = mentions(["The plan was carried by the US secretary of state."], null).hits;
    expect(names(found!)).not.toContain("John Kerry");
    expect(names(found!)).not.toContain("Antony Blinken");
  });

  it.each(["It reopened on Friday, Moreau said.", "Moreau said it had reopened."])(
    "a surname after the full name refers to the same person: %j",
    (second) => {
      const { hits } = mentions(["Jane Moreau, a relief coordinator, said the crossing was shut.", second]);
      const first = hits[0]!.find((f) => f.text === "Jane Moreau")!.actors[0]!;
      const again = hits[1]!.find((f) => f.text === "Moreau");
      expect(again?.actors[0]?.id).toBe(first.id);
      expect(again?.method).toBe("surname");
    },
  );

  // BUG (mentions.ts unknownName/capitalisedRun): a capitalised sentence-initial adverb is glued to the surname,
  // so "Later Moreau said …" creates a phantom person "Later Moreau" instead of referring back to Jane Moreau.
  it.fails("BUG: a sentence-initial adverb before a known surname does not form a new name", () => {
    const { hits } = mentions([
      "Jane Moreau, a relief coordinator, said the crossing was shut.",
      "Later Moreau said it had reopened.",
    ]);
    expect(names(hits[1]!)).toEqual(["Jane Moreau"]);
  });

  it("a known person's surname after the full name resolves to them", () => {
    const { hits } = mentions(["Antony Blinken arrived on Tuesday.", "Later Blinken met the emir."], "2024-02-08");
    expect(names(hits[1]!)).toContain("Antony Blinken");
  });

  it("'he' refers to the last person named", () => {
    const { hits } = mentions(
      ["Qatar hosted the round.", "Antony Blinken arrived on Tuesday.", "He met the emir."],
      "2024-02-08",
    );
    expect(hits[2]).toContainEqual(
      expect.objectContaining({
        text: "He",
        method: "pronoun",
        actors: [expect.objectContaining({ name: "Antony Blinken" })],
      }),
    );
  });

  it("'he' with no person before it resolves to nothing", () => {
    const [found] = mentions(["He said nothing."]).hits;
    expect(found).toEqual([]);
  });

  it("an unknown person is kept as an unresolved PERSON", () => {
    const [found] = mentions(["Jane Moreau said the truce was holding."]).hits;
    expect(found).toHaveLength(1);
    expect(found![0]).toMatchObject({ text: "Jane Moreau", method: "unresolved" });
    expect(found![0]!.actors[0]).toMatchObject({
      name: "Jane Moreau",
      type: "PERSON",
      known: false,
      affiliation: null,
    });
  });

  it.each([
    "The envoys held talks in Cairo on Sunday.",
    "The delegations met at Cairo airport.",
    "Talks in Cairo ended late.",
  ])("a venue does not make its state an actor: %j", (sentence) => {
    const { hits, registry } = mentions([sentence]);
    expect(names(hits[0]!)).not.toContain("Egypt");
    expect(registry.all().map((a) => a.name)).not.toContain("Egypt");
  });

  it.each(["Hamas and Israel agreed to a pause.", "Hamas and Israel signed it."])(
    "learns the two main parties from %j",
    (sentence) => {
      const kb = knowledgeBase();
      const registry = new ActorRegistry(kb);
      const finder = new MentionFinder(kb, registry, null);
      finder.find(tokenize(sentence), 0);
      expect(finder.parties().sort()).toEqual(["ISR", "org:hamas"]);
      const tokens = tokenize("The two sides traded blame.");
      const [hit] = finder.find(tokens, 1);
      expect(hit?.actorIds.sort()).toEqual(["ISR", "org:hamas"]);
    },
  );
});
