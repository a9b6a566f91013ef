import { type Analysis, AnalysisSchema, type KnowledgeFileInput } from "@parley/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "./analyze";

const ARTICLE = [
  "Egyptian mediators held talks with a Hamas delegation in Cairo on Tuesday, officials said.",
  "A Qatari spokesman said Hamas rejected the proposal.",
  "The Israeli delegation will travel to Doha next week.",
  "Hamas did not attend the meeting on Sunday.",
  "Qatar urged both sides to accept the plan.",
].join("\n");

const PUBLISHED = "2024-02-08"; // a Thursday

/** Every evidence span of events and claims is the article text at its offsets. */
function expectEvidenceMatches(a: Analysis, text: string): void {
  for (const item of [...a.events, ...a.claims]) {
    const { start, end } = item.evidence;
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThanOrEqual(start);
    expect(end).toBeLessThanOrEqual(text.length);
    expect(text.slice(start, end)).toBe(item.evidence.text);
  }
  for (const m of a.mentions) expect(text.slice(m.span.start, m.span.end)).toBe(m.text);
}

const nameOf = (a: Analysis, id: string | null) => a.actors.find((x) => x.id === id)?.name ?? null;
const namesOf = (a: Analysis, ids: string[]) => ids.map((id) => nameOf(a, id));

describe("analyzeArticle on an invented article", () => {
  const analysis = analyzeArticle({ text: ARTICLE, published: PUBLISHED });

  it("finds events whose evidence is the article text at its offsets", () => {
    expect(analysis.events.length).toBeGreaterThanOrEqual(4);
    expectEvidenceMatches(analysis, ARTICLE);
  });

  it("passes AnalysisSchema", () => {
    expect(() => AnalysisSchema.parse(analysis)).not.toThrow();
  });

  it("is deterministic", () => {
    expect(analyzeArticle({ text: ARTICLE, published: PUBLISHED })).toEqual(analysis);
  });

  it.each([
    ["MEET", "occurred", ["Egypt"], "held talks"],
    ["REJECT", "occurred", ["Hamas"], "rejected"],
    ["TRAVEL", "planned", ["Israeli delegation"], "travel to"],
    ["MEET", "negated", ["Hamas"], "attend the meeting"],
    ["APPEAL", "occurred", ["Qatar"], "urged"],
  ] as const)("%s %s by %j (trigger %j)", (type, status, source, trigger) => {
    const event = analysis.events.find((e) => e.type === type && e.trigger === trigger);
    expect(event, `${type} at ${trigger}`).toBeDefined();
    expect(event!.status).toBe(status);
    expect(namesOf(analysis, event!.source)).toEqual(source);
  });

  it("attributes reported speech to the speaker, with the reported actor as source", () => {
    const reject = analysis.events.find((e) => e.type === "REJECT")!;
    expect(namesOf(analysis, reject.source)).toEqual(["Hamas"]);
    const speaker = analysis.actors.find((x) => x.id === reject.attributedTo);
    // "A Qatari spokesman" may resolve to Qatar itself or to a Qatari official.
    expect(speaker?.id === "QAT" || speaker?.affiliation === "QAT", `speaker ${speaker?.name}`).toBe(true);
  });

  it.each([
    ["Jane Moreau said Hamas rejected the proposal.", "Jane Moreau", "Hamas"],
    ["Qatar said Hamas rejected the proposal.", "Qatar", "Hamas"],
    ["Hamas said Israel rejected the proposal on Monday.", "Hamas", "Israel"],
  ])("%j: attributed to %s, REJECT by %s", (text, speaker, source) => {
    const a = analyzeArticle({ text, published: PUBLISHED });
    const reject = a.events.find((e) => e.type === "REJECT");
    expect(reject).toBeDefined();
    expect(namesOf(a, reject!.source)).toEqual([source]);
    expect(nameOf(a, reject!.attributedTo)).toBe(speaker);
  });

  it("targets the Hamas delegation in the meeting with it", () => {
    const meet = analysis.events.find((e) => e.type === "MEET" && e.status === "occurred")!;
    expect(namesOf(analysis, meet.target)).toEqual(["Hamas delegation"]);
  });

  it.each([
    ["held talks", "2024-02-06"],
    ["attend the meeting", "2024-02-04"],
  ])("resolves the weekday of %j against the publication date to %s", (trigger, date) => {
    const event = analysis.events.find((e) => e.trigger === trigger)!;
    expect(event.date).toMatchObject({ value: date, precision: "day" });
  });

  it("does not make Egypt an actor from the venue alone, but does from 'Egyptian mediators'", () => {
    const onlyVenue = analyzeArticle({ text: "The two envoys held talks in Cairo on Monday.", published: PUBLISHED });
    expect(onlyVenue.actors.map((a) => a.name)).not.toContain("Egypt");
    expect(analysis.actors.map((a) => a.name)).toContain("Egypt");
  });

  it.each([
    ["A Norwegian official said the rebels would not sign the accord.", "negated"],
    ["The Swiss envoy is due to meet the rebels on Friday.", "planned"],
    ["The Norwegian envoy will visit the capital on Monday.", "planned"],
    ["The Swiss envoy met the rebels on Friday.", "occurred"],
  ])("status of the event in %j is %s", (text, status) => {
    const a = analyzeArticle({ text, published: PUBLISHED });
    expect(a.events.length).toBeGreaterThan(0);
    expect(a.events[0]!.status).toBe(status);
  });

  it("copies article metadata into the output", () => {
    const a = analyzeArticle({
      text: ARTICLE,
      published: PUBLISHED,
      outlet: "Invented Courier",
      url: "https://example.org/a",
    });
    expect(a.article).toMatchObject({
      text: ARTICLE,
      published: PUBLISHED,
      outlet: "Invented Courier",
      url: "https://example.org/a",
    });
  });
});

describe("analyzeArticle with a user knowledge file", () => {
  const knowledge: KnowledgeFileInput[] = [
    {
      actors: [
        {
          id: "org:valley-front",
          name: "Valley Liberation Front",
          type: "ARMED_GROUP",
          aliases: ["VLF"],
        },
      ],
    },
  ];
  const text = "The VLF rejected the proposal on Monday.";

  it("makes the invented actor resolvable", () => {
    const a = analyzeArticle({ text, published: PUBLISHED }, { knowledge });
    const reject = a.events.find((e) => e.type === "REJECT");
    expect(reject).toBeDefined();
    expect(namesOf(a, reject!.source)).toEqual(["Valley Liberation Front"]);
    expect(a.actors.find((x) => x.name === "Valley Liberation Front")).toMatchObject({
      known: true,
      type: "ARMED_GROUP",
    });
  });

  it("does not leak into analyses without the file", () => {
    const a = analyzeArticle({ text, published: PUBLISHED });
    expect(a.actors.map((x) => x.name)).not.toContain("Valley Liberation Front");
  });
});

describe("analyzeArticle on arbitrary input (property)", () => {
  const SENTENCES = [
    "Egyptian mediators held talks with a Hamas delegation in Cairo on Tuesday.",
    "A Qatari spokesman said Hamas rejected the proposal.",
    "The Israeli delegation will travel to Doha next week.",
    "Hamas did not attend the meeting on Sunday.",
    "Qatar urged both sides to accept the plan, which would free 1,200 detainees.",
    "Had the rebels accepted the offer, the war would have ended.",
    "“We will not agree to this,” said Jane Moreau.",
    "He said the U.S. secretary of state could visit in March.",
    "At least 40 people were killed, according to the health ministry.",
    "CAIRO, Feb 6 (Invented Wire) -",
  ];
  const piece = fc.oneof(
    fc.constantFrom(...SENTENCES),
    fc.string({ unit: "grapheme" }),
    fc.string({ unit: "binary" }),
    fc.string(),
    fc.constantFrom(
      " ",
      "\n",
      "\n\n",
      "\r\n",
      "\t",
      "\u00a0",
      "\u200b",
      "'s",
      "-",
      "“",
      "”",
      '"',
      ".",
      "...",
      "\uFEFF",
      "\ud800",
    ),
  );
  const article = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(""));
  const published = fc.option(fc.constantFrom("2014-07-20", "2024-02-08", "1999-12-31"), { nil: null });

  it("never throws, keeps evidence offsets exact and passes AnalysisSchema", () => {
    fc.assert(
      fc.property(article, published, (text, date) => {
        const a = analyzeArticle({ text, published: date });
        expectEvidenceMatches(a, text);
        AnalysisSchema.parse(a);
      }),
      { numRuns: 2000 },
    );
  });
});
