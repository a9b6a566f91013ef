import type { ExtractedArticle, ExtractedEvent, GoldArticle } from "@parley/schema";
import { describe, expect, it } from "vitest";
import { normName, scoreExtraction } from "./score";

const TEXT = [
  "Norwegian envoys held talks with the rebel council in Oslo on Monday.",
  "The Valley Front rejected the ceasefire proposal on Tuesday.",
  "Officials said 1,200 people had fled.",
].join("\n");
const S1 = TEXT.split("\n")[0]!;
const S2 = TEXT.split("\n")[1]!;
const S3 = TEXT.split("\n")[2]!;

const GOLD: GoldArticle = {
  article: "invented01.txt",
  actors: [
    { name: "Norway", type: "STATE", affiliation: null, aliases: ["Kingdom of Norway"] },
    { name: "Norwegian delegation", type: "GOVERNMENT", affiliation: "Norway", aliases: [] },
    { name: "Valley Front", type: "ARMED_GROUP", affiliation: null, aliases: ["VF"] },
    { name: "Valley Front council", type: "POLITICAL", affiliation: "Valley Front", aliases: ["rebel council"] },
  ],
  events: [
    {
      type: "MEET",
      source: ["Norwegian delegation"],
      target: ["Valley Front council"],
      mediators: [],
      issues: [],
      location: "Oslo",
      date: "2024-03-04",
      status: "occurred",
      attributedTo: null,
      evidence: S1,
    },
    {
      type: "REJECT",
      source: ["Valley Front"],
      target: [],
      mediators: [],
      issues: ["ceasefire"],
      location: null,
      date: "2024-03-05",
      status: "occurred",
      attributedTo: null,
      evidence: S2,
    },
  ],
  claims: [{ kind: "displaced", value: 1200, evidence: S3 }],
};

function span(text: string) {
  const start = TEXT.indexOf(text);
  return { text, start, end: start + text.length };
}

function event(over: Partial<ExtractedEvent> & Pick<ExtractedEvent, "type" | "evidence">): ExtractedEvent {
  return {
    source: [],
    target: [],
    mediators: [],
    issues: [],
    location: null,
    date: null,
    status: "occurred",
    attributedTo: null,
    ...over,
  };
}

/** A prediction that reproduces the gold annotation exactly. */
function perfect(): ExtractedArticle {
  return {
    file: "invented01.txt",
    title: null,
    outlet: null,
    published: "2024-03-06",
    actors: GOLD.actors.map((a) => ({ name: a.name, type: a.type as "STATE", affiliation: a.affiliation ?? null })),
    events: [
      event({
        type: "MEET",
        source: ["Norwegian delegation"],
        target: ["Valley Front council"],
        location: "Oslo",
        date: "2024-03-04",
        evidence: span(S1),
      }),
      event({
        type: "REJECT",
        source: ["Valley Front"],
        issues: ["ceasefire"],
        date: "2024-03-05",
        evidence: span(S2),
      }),
    ],
    claims: [{ kind: "displaced", value: 1200, qualifier: "exact", subject: null, claimant: null, evidence: span(S3) }],
  };
}

const score = (pred: ExtractedArticle) => scoreExtraction([{ gold: GOLD, text: TEXT }], [pred]).overall;

describe("scoreExtraction", () => {
  it("scores a perfect prediction 1.0 everywhere", () => {
    const s = score(perfect());
    for (const prf of [s.detection, s.tupleStrict, s.tupleLenient, s.actors, s.claims, s.stances])
      expect(prf).toEqual({ p: 1, r: 1, f1: 1 });
    expect(s.fieldAccuracy).toEqual({ location: 1, date: 1, status: 1, issues: 1, attributedTo: 1 });
    expect(s.events).toEqual({ gold: 2, predicted: 2, detected: 2 });
  });

  it("matches predictions to gold by file name with or without a directory and .txt", () => {
    const pred = { ...perfect(), file: "some/dir/invented01" };
    expect(score(pred).detection.f1).toBe(1);
  });

  it("an event of the wrong type is a miss and a spurious prediction", () => {
    const pred = perfect();
    pred.events[1] = { ...pred.events[1]!, type: "ACCEPT" };
    const s = score(pred);
    expect(s.events.detected).toBe(1);
    expect(s.detection).toEqual({ p: 0.5, r: 0.5, f1: 0.5 });
    const report = scoreExtraction([{ gold: GOLD, text: TEXT }], [pred]);
    expect(report.articles[0]!.misses).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "missed", type: "REJECT" }),
        expect.objectContaining({ kind: "spurious", type: "ACCEPT" }),
      ]),
    );
  });

  it("an event whose evidence does not overlap the gold evidence is not detected", () => {
    const pred = perfect();
    pred.events[1] = { ...pred.events[1]!, evidence: span(S3) };
    expect(score(pred).events.detected).toBe(1);
  });

  it("a missing article scores zero recall", () => {
    const s = scoreExtraction([{ gold: GOLD, text: TEXT }], []).overall;
    expect(s.detection.r).toBe(0);
    expect(s.actors.r).toBe(0);
  });

  it.each([
    ["an alias", "VF"],
    ["different case and punctuation", "valley-front"],
    ["a leading 'the'", "The Valley Front"],
  ])("actor names match through %s", (_, name) => {
    const pred = perfect();
    pred.events[1] = { ...pred.events[1]!, source: [name] };
    expect(score(pred).tupleStrict.f1).toBe(1);
  });

  it("an actor alias in the actor list counts as a hit", () => {
    const pred = perfect();
    pred.actors = pred.actors.map((a) => (a.name === "Norway" ? { ...a, name: "Kingdom of Norway" } : a));
    expect(score(pred).actors.f1).toBe(1);
  });

  it("an unknown actor is a false positive", () => {
    const pred = perfect();
    pred.actors.push({ name: "Some Invented Person", type: "PERSON", affiliation: null });
    expect(score(pred).actors).toMatchObject({ r: 1, p: 0.8 });
  });

  it("lenient tuples compare actors by their top affiliation", () => {
    const pred = perfect();
    pred.events[0] = { ...pred.events[0]!, source: ["Norway"], target: ["Valley Front"] };
    const s = score(pred);
    expect(s.tupleLenient.f1).toBe(1);
    expect(s.tupleStrict.f1).toBeLessThan(1);
  });

  it("lenient tuples still fail for an actor of a different root", () => {
    const pred = perfect();
    pred.events[1] = { ...pred.events[1]!, source: ["Norway"] };
    expect(score(pred).tupleLenient.f1).toBeLessThan(1);
  });

  it("MEET is symmetric: source and target may be swapped", () => {
    const pred = perfect();
    pred.events[0] = { ...pred.events[0]!, source: ["Valley Front council"], target: ["Norwegian delegation"] };
    expect(score(pred).tupleStrict.f1).toBe(1);
  });

  it.each([
    ["status", { status: "planned" as const }, "status"],
    ["date", { date: "2024-03-01" }, "date"],
    ["location", { location: "Bergen" }, "location"],
  ] as const)("a wrong %s lowers only that field's accuracy", (_, change, field) => {
    const pred = perfect();
    pred.events[0] = { ...pred.events[0]!, ...change };
    const s = score(pred);
    expect(s.fieldAccuracy[field]).toBe(0.5);
    expect(s.detection.f1).toBe(1);
  });

  it("claims match on kind and rounded value", () => {
    const pred = perfect();
    pred.claims = [{ ...pred.claims[0]!, value: 1200.4 }];
    expect(score(pred).claims.f1).toBe(1);
    pred.claims = [{ ...pred.claims[0]!, kind: "killed" }];
    expect(score(pred).claims.f1).toBe(0);
  });

  it("finds gold evidence despite whitespace differences", () => {
    const gold = { ...GOLD, events: [{ ...GOLD.events[1]!, evidence: S2.replace(/ /g, "  ") }] };
    const pred = perfect();
    const s = scoreExtraction([{ gold, text: TEXT }], [pred]).overall;
    expect(s.events.detected).toBe(1);
  });
});

describe("normName", () => {
  it.each([
    ["Abdel Fattah el-Sisi", "abdel fattah al sisi"],
    ["The Hague", "hague"],
    ["Égypte", "egypte"],
    ["O’Brien", "obrien"],
    [null, ""],
  ])("%j → %j", (input, expected) => {
    expect(normName(input)).toBe(expected);
  });
});
