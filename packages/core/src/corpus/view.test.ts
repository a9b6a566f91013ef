import type { Analysis } from "@parley/schema";
import { describe, expect, it } from "vitest";
import { actor, ev, term } from "./testing";
import { buildCorpusView, indexCorpus } from "./view";

function analysis(id: string, outlet: string, text: string, actors = [actor("hamas")]): Analysis {
  return {
    article: { id, title: null, text, outlet, url: null, published: "2024-02-10", language: "en" },
    dateline: null,
    sentences: [],
    actors,
    mentions: [],
    events: [ev({ id: `${id}-e`, article: id, type: "MEET" })],
    claims: [],
    framing: { terms: [term("siege", "humanitarian", 1)], byActor: {} },
    extractorVersion: "test",
  };
}

describe("buildCorpusView", () => {
  it("flattens analyses, counts words and deduplicates articles and actors, whatever the input order", () => {
    const a = analysis("00000000000000bb", "AP", "Two words");
    const b = analysis("00000000000000aa", "Reuters", "Three words here", [
      { ...actor("hamas"), aliases: ["the movement"] },
      actor("egypt"),
    ]);
    const v = buildCorpusView([a, b, a]);
    expect(v.articles.map((x) => [x.id, x.outlet, x.wordCount, x.framingTerms.length])).toEqual([
      ["00000000000000aa", "Reuters", 3, 1],
      ["00000000000000bb", "AP", 2, 1],
    ]);
    expect(v.events.map((e) => e.id)).toEqual(["00000000000000aa-e", "00000000000000bb-e"]);
    expect(v.actors.map((x) => [x.id, x.aliases])).toEqual([
      ["egypt", []],
      ["hamas", ["the movement"]],
    ]);
    expect(buildCorpusView([b, a])).toEqual(v);
  });
});

describe("indexCorpus.root", () => {
  const idx = indexCorpus({
    articles: [],
    actors: [actor("blinken", "state-dept"), actor("state-dept", "us"), actor("us"), actor("x", "y"), actor("y", "x")],
  });
  it.each([
    ["blinken", "us"],
    ["state-dept", "us"],
    ["us", "us"],
    ["unknown", "unknown"],
    ["x", "y"], // cycles stop instead of looping
  ])("%s → %s", (id, root) => expect(idx.root(id)).toBe(root));
});
